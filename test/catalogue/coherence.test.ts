// Le catalogue est la seule source : le moteur sans tableur et le tableau du README doivent lui correspondre.
import * as fs from 'fs';
import * as path from 'path';
import { CATALOGUE, MARQUE_DEBUT, MARQUE_FIN, tableauFonctions, trouverFonction } from '../../src/catalogue';
import { fonctionsEnregistrees } from '../../src/formules/moteur';

const FONCTIONS_FIGEES = ['PLAFOND', 'AIDE', 'VERSEMENT', 'CAI', 'COSCO', 'CST', 'GARANTIE400', 'SEUIL400', 'MATERNITE400', 'ACI', 'ACI_AVANCE', 'ELIGIBLE'];

describe('catalogue des fonctions', () => {
  test('les fonctions du ticket existent, avec leurs arguments dans l’ordre figé', () => {
    const args = (nom: string) => trouverFonction(nom)!.arguments.map((a) => a.nom);
    for (const nom of FONCTIONS_FIGEES) expect(trouverFonction(nom)).toBeDefined();
    expect(args('PLAFOND')).toEqual(['nb_professionnels', 'date']);
    expect(args('AIDE')).toEqual(['montant_devis', 'nb_professionnels', 'date']);
    expect(args('VERSEMENT').slice(0, 2)).toEqual(['montant_aide', 'numero']);
    expect(args('CAI')).toEqual(['etp', 'versement', 'date']);
    expect(args('COSCO')).toEqual(['etp', 'annees', 'date']);
    expect(args('CST')).toEqual(['honoraires_annuels', 'etp', 'date']);
    // Arguments ajoutés depuis : facultatifs et en fin de liste, les classeurs existants gardent leurs valeurs.
    expect(args('GARANTIE400')).toEqual(['cout_salarial_mensuel', 'honoraires_mensuels', 'quotite', 'date', 'consultations', 'mois_du_contrat']);
    expect(args('SEUIL400').slice(0, 2)).toEqual(['mois_du_contrat', 'quotite']);
    expect(args('MATERNITE400')).toEqual(['salaire_charge', 'indemnites_journalieres', 'salaire_maintenu', 'date']);
    expect(args('ACI')).toEqual(['points_fixes', 'points_variables', 'patientele', 'prerequis_remplis', 'date']);
    expect(args('ACI_AVANCE')[0]).toBe('montant_socle');
    expect(args('ELIGIBLE')).toEqual(['dispositif', 'zone', 'structure', 'qpv', 'date']);
    for (const [nom, avant] of [['GARANTIE400', 4], ['MATERNITE400', 3], ['ELIGIBLE', 2]] as const) {
      expect(trouverFonction(nom)!.arguments.slice(avant).every((a) => a.optionnel)).toBe(true);
    }
  });
  test('noms et identifiants uniques ; identifiants distincts des noms (PLAFOND est une fonction native)', () => {
    expect(new Set(CATALOGUE.map((f) => f.nom)).size).toBe(CATALOGUE.length);
    expect(new Set(CATALOGUE.map((f) => f.id)).size).toBe(CATALOGUE.length);
    for (const f of CATALOGUE) {
      expect(f.id).toBe(`SIP_${f.nom}`);
      expect(f.id).toMatch(/^[A-Z][A-Z0-9_]{2,}$/);
      expect(f.nom).not.toContain('.');
    }
  });
  test('les arguments facultatifs sont en fin de liste, chacun décrit en français et en anglais', () => {
    for (const f of CATALOGUE) {
      const premierFacultatif = f.arguments.findIndex((a) => a.optionnel);
      if (premierFacultatif >= 0) expect(f.arguments.slice(premierFacultatif).every((a) => a.optionnel)).toBe(true);
      for (const a of f.arguments) {
        expect(a.description.fr.length).toBeGreaterThan(5);
        expect(a.description.en.length).toBeGreaterThan(5);
      }
    }
  });
  test('le moteur sans tableur enregistre exactement les fonctions du catalogue', () => {
    expect([...fonctionsEnregistrees()].sort()).toEqual(CATALOGUE.map((f) => `SIP.${f.nom}`).sort());
  });
  test('le tableau du README est celui du catalogue (npm run docs)', () => {
    const readme = fs.readFileSync(path.join(__dirname, '..', '..', 'README.md'), 'utf8');
    const debut = readme.indexOf(MARQUE_DEBUT);
    const fin = readme.indexOf(MARQUE_FIN);
    expect(debut).toBeGreaterThan(0);
    expect(readme.slice(debut + MARQUE_DEBUT.length, fin).trim()).toBe(tableauFonctions().trim());
    for (const f of CATALOGUE) expect(readme).toContain(`\`SIP.${f.nom}(`);
  });
});

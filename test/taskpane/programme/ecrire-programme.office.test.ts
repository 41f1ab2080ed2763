/** @jest-environment jsdom */
// Services Office.js de la vue Programme SIP sur le faux hôte Office des tests (test/browser/faux-office.js) :
// écriture de la feuille « Programme SIP » (un Excel.run, deux sync), refus puis remplacement
// confirmé, modèle de tableau sur une nouvelle feuille, relecture du tableau rempli.
import { BAREME_PAR_DEFAUT } from '../../../src/rules/bareme/donnees';
import { calculerProgramme } from '../../../src/rules/programme/programme';
import { lireCandidatures, lireFichierJson } from '../../../src/rules/programme/lecture';
import { servicesProgrammeOffice } from '../../../src/taskpane/programme/ecrire-programme.office';
import { candidaturesDuTableau } from '../../../src/taskpane/programme/tableau-candidatures';
import { decrireFeuilleProgramme } from '../../../src/workbook/programme/feuille-programme';
import { installer, type FauxOffice } from '../../browser/faux-office';
import { EXEMPLE, valeursExemple } from './aides-programme';

let faux: FauxOffice;
const feuille = (nom: string) => faux.etat().find((f) => f.nom === nom);

beforeEach(() => {
  faux = installer(window); // classeur neuf à chaque test
});

const { candidatures } = lireFichierJson(EXEMPLE);
const description = decrireFeuilleProgramme(calculerProgramme(BAREME_PAR_DEFAUT, candidatures, { annee: 2023, enveloppe: 250000 }));

describe('services Office de la vue Programme SIP', () => {
  it('écrit la feuille « Programme SIP » en un Excel.run et deux sync, formules et noms compris, et l’active', async () => {
    const services = servicesProgrammeOffice();
    const avant = { ...faux.journal };
    const r = await services.ecrireProgramme(description, { remplacer: false });
    expect(r).toEqual({ feuille: 'Programme SIP', cellules: description.cellules.length });
    expect(faux.journal.runs - avant.runs).toBe(1);
    expect(faux.journal.syncs - avant.syncs).toBe(2);
    const f = feuille('Programme SIP')!;
    expect(f.cellules.L15.formule).toBe('=SIP.AIDE(D15,C15,$B$9)');
    expect(f.cellules.O15.formule).toBe('=SIP.VERSEMENT(N15,1,$B$9)');
    expect(f.cellules.N29.formule).toBe('=SUM(N15:N28)');
    expect(f.cellules.B15.valeur).toBe('MSP de Carhaix');
    expect(f.cellules.B6).toMatchObject({ valeur: 250000, format: '#,##0.00 "€"' });
    expect(f.noms.map((n) => n.name).sort()).toEqual(['Programme_SIP_DateBareme', 'Programme_SIP_Enveloppe']);
    // Titre et note du haut, puis chaque texte long étendu sur la largeur du tableau (renvoyé à la ligne).
    expect(f.fusions.slice(0, 2)).toEqual(['A1:K1', 'A2:S2']);
    expect(f.fusions).toEqual(description.fusions);
    expect(faux.active()).toBe('Programme SIP');
    // Aucune feuille de provenance : ce n'est pas une simulation.
    expect(faux.etat().map((x) => x.nom)).toEqual(['Feuil1', 'Programme SIP']);
  });

  it('une feuille « Programme SIP » existante n’est jamais écrasée sans confirmation ; confirmée, elle est remplacée', async () => {
    const services = servicesProgrammeOffice();
    await faux.ajouterFeuille('Programme SIP');
    faux.ecrireUtilisateur('Programme SIP', 'Z1', 'note de l’utilisateur');
    await expect(services.ecrireProgramme(description, { remplacer: false })).rejects.toThrow('La feuille « Programme SIP » existe déjà');
    expect(feuille('Programme SIP')!.cellules.Z1.valeur).toBe('note de l’utilisateur');

    expect(await services.feuilleExiste('Programme SIP')).toBe(true);
    await services.ecrireProgramme(description, { remplacer: true });
    const noms = faux.etat().map((x) => x.nom);
    expect(noms).toEqual(['Feuil1', 'Programme SIP']);
    expect(feuille('Programme SIP')!.cellules.Z1).toBeUndefined();
    expect(feuille('Programme SIP')!.cellules.L15.formule).toBe('=SIP.AIDE(D15,C15,$B$9)');
  });

  it('le modèle va sur une nouvelle feuille (« Candidatures (2) » si le nom est pris), sans toucher à l’existante', async () => {
    const services = servicesProgrammeOffice();
    await faux.ajouterFeuille('Candidatures');
    faux.ecrireUtilisateur('Candidatures', 'A1', 'mes données');
    const avant = { ...faux.journal };
    expect(await services.creerModele()).toEqual({ feuille: 'Candidatures (2)' });
    expect(faux.journal.syncs - avant.syncs).toBe(2);
    expect(feuille('Candidatures')!.cellules.A1.valeur).toBe('mes données');
    const m = feuille('Candidatures (2)')!;
    expect(['A4', 'B4', 'C4', 'D4', 'E4', 'F4', 'G4', 'H4', 'I4'].map((a) => m.cellules[a].valeur)).toEqual([
      'MSP', 'Professionnels', 'Devis validés', 'Projet de santé validé', 'ACI', 'Logiciel labellisé', 'Zone', 'Maturité', 'Date de candidature',
    ]);
    expect(m.cellules.C5.format).toBe('#,##0.00 "€"');
    expect(m.cellules.I54.format).toBe('dd/mm/yyyy');
    expect(m.cellules.A55).toBeUndefined();
  });

  it('relit le modèle rempli par l’utilisateur : les mêmes candidatures que le fichier JSON', async () => {
    const services = servicesProgrammeOffice();
    const { feuille: nom } = await services.creerModele();
    // L'utilisateur colle le tableau de l'exemple sous les en-têtes (lignes 5 à 18).
    valeursExemple().slice(1).forEach((l, i) => l.forEach((v, k) => faux.ecrireUtilisateur(nom, `${'ABCDEFGHI'[k]}${5 + i}`, v)));
    const t = await services.lireTableauActif();
    expect(t.feuille).toBe('Candidatures');
    const brutes = candidaturesDuTableau(t);
    expect(brutes[0].lieu).toBe('ligne 5 de la feuille « Candidatures »');
    expect(lireCandidatures(brutes)).toEqual(candidatures);
    expect(candidatures.find((c) => c.nom === 'MSP de Rostrenen')?.maturite).toBeNull();
  });

  it('feuille active vide : tableau vide, la vue dira qu’aucun en-tête n’est reconnu', async () => {
    const t = await servicesProgrammeOffice().lireTableauActif();
    expect(t).toEqual({ feuille: 'Feuil1', adresse: 'A1', valeurs: [] });
    expect(() => candidaturesDuTableau(t)).toThrow(/aucune ligne d’en-têtes reconnue dans les 30 premières lignes/);
  });
});

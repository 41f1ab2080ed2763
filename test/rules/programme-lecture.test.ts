// Lecture des candidatures (JSON) : chaque erreur nomme la ligne, le champ et ce qui est attendu.
import * as fs from 'fs';
import * as path from 'path';
import { ErreurCandidatures, lireFichierJson } from '../../src/rules/programme-sip';
import { ZONES } from '../../src/rules/regles/zonage';

const valide = {
  nom: 'MSP A',
  nbProfessionnels: 12,
  montantDevis: 30000,
  projetSanteValide: true,
  aci: 'adherent',
  logicielLabellise: true,
  zone: 'ZIP',
};

function erreurs(donnees: unknown): string[] {
  try {
    lireFichierJson(donnees);
  } catch (e) {
    if (e instanceof ErreurCandidatures) return e.message.split('\n').slice(1);
    throw e;
  }
  throw new Error('aurait dû échouer');
}

describe('lecture des candidatures JSON', () => {
  test('valeurs acceptées : tableau seul ou objet, booléens et ACI en français, nombres en texte, dates JJ/MM/AAAA', () => {
    const f = lireFichierJson([
      { ...valide, projetSanteValide: 'oui', logicielLabellise: 'VRAI', aci: 'Adhérente', zone: 'hors zone', montantDevis: '30 000,50', maturite: 2, dateCandidature: '05/06/2023' },
      { ...valide, nom: 'MSP B', aci: 'engagement', zone: 'qpv', maturite: null },
    ]);
    expect(f.candidatures[0]).toEqual({
      nom: 'MSP A',
      nbProfessionnels: 12,
      montantDevis: 30000.5,
      projetSanteValide: true,
      aci: 'adherent',
      logicielLabellise: true,
      zone: 'HZ',
      maturite: 2,
      dateCandidature: '2023-06-05',
    });
    expect(f.candidatures[1]).toMatchObject({ aci: 'engagement', zone: 'QPV', maturite: null, dateCandidature: null });
    expect(lireFichierJson({ appel: { annee: 2023 }, candidatures: [valide] }).appel).toEqual({ annee: 2023 });
  });

  test('chaque erreur : candidature n°, champ, attendu, reçu ; toutes les erreurs à la fois', () => {
    const e = erreurs({
      candidatures: [
        valide,
        { ...valide, nom: 'MSP B', nbProfessionnels: 0, montantDevis: -5, zone: 'ZRR' },
        { ...valide, nom: 'MSP C', aci: 'peut-être', projetSanteValide: 'bof', dateCandidature: '31/02/2023', devis: 3 },
        { ...valide, nom: 'msp a', logicielLabellise: undefined, montantDevis: 100.005, nbProfessionnels: 2.5 },
      ],
    });
    expect(e).toEqual([
      'candidature n° 2, champ « nbProfessionnels » : entier ≥ 1 attendu (reçu : 0)',
      'candidature n° 2, champ « montantDevis » : montant en euros ≥ 0, au centime près attendu (reçu : -5)',
      `candidature n° 2, champ « zone » : l’une des valeurs ${ZONES.join(', ')} attendu (reçu : « ZRR »)`,
      'candidature n° 3, champ « devis » : un champ connu (nom, nbProfessionnels, montantDevis, projetSanteValide, aci, logicielLabellise, zone, maturite, dateCandidature) attendu (reçu : champ inconnu)',
      'candidature n° 3, champ « projetSanteValide » : oui/non (VRAI/FAUX, true/false) attendu (reçu : « bof »)',
      'candidature n° 3, champ « aci » : l’une des valeurs adherent, engagement, non attendu (reçu : « peut-être »)',
      'candidature n° 3, champ « dateCandidature » : date AAAA-MM-JJ ou JJ/MM/AAAA, ou vide attendu (reçu : « 31/02/2023 »)',
      'candidature n° 4, champ « nbProfessionnels » : entier ≥ 1 attendu (reçu : 2,5)',
      'candidature n° 4, champ « montantDevis » : montant en euros ≥ 0, au centime près attendu (reçu : 100,005)',
      'candidature n° 4, champ « logicielLabellise » : oui/non (VRAI/FAUX, true/false) attendu (reçu : vide (champ obligatoire))',
      'candidature n° 4, champ « nom » : texte non vide (nom de la MSP), unique dans le fichier (déjà utilisé : candidature n° 1) attendu (reçu : « msp a »)',
    ]);
  });

  test('avec les lignes du fichier (la CLI les donne) : « candidature n° 3 (ligne 27) »', () => {
    try {
      lireFichierJson([valide, { ...valide, nom: 'MSP B', zone: 'ZRR' }], { lignes: [2, 12] });
      throw new Error('aurait dû échouer');
    } catch (e) {
      expect((e as Error).message.split('\n').slice(1)).toEqual([`candidature n° 2 (ligne 12), champ « zone » : l’une des valeurs ${ZONES.join(', ')} attendu (reçu : « ZRR »)`]);
    }
  });

  test('au plus 100 000 candidatures : refusé avant de lire chacune', () => {
    expect(erreurs(Array.from({ length: 100_001 }, () => valide))).toEqual(['fichier, champ « candidatures » : au plus 100\u00a0000 candidatures attendu (reçu : 100\u00a0001 candidatures)']);
  });

  test('nom avec un caractère de contrôle, U+FFFE ou U+FFFF : refusé, le champ nommé', () => {
    expect(erreurs([{ ...valide, nom: 'MSP\u0001 A' }, { ...valide, nom: 'MSP \uffff' }, { ...valide, nom: '\ufffe' }])).toEqual([
      'candidature n° 1, champ « nom » : nom sans caractère de contrôle attendu (reçu : caractère de contrôle U+0001 en position 4)',
      'candidature n° 2, champ « nom » : nom sans caractère de contrôle attendu (reçu : caractère non valide U+FFFF en position 5)',
      'candidature n° 3, champ « nom » : nom sans caractère de contrôle attendu (reçu : caractère non valide U+FFFE en position 1)',
    ]);
  });

  test('date de candidature entre le 01/03/1900 et le 31/12/2100', () => {
    expect(erreurs([{ ...valide, dateCandidature: '31/12/1899' }, { ...valide, nom: 'MSP B', dateCandidature: '2101-01-01' }])).toEqual([
      'candidature n° 1, champ « dateCandidature » : date entre le 01/03/1900 et le 31/12/2100 attendu (reçu : « 31/12/1899 »)',
      'candidature n° 2, champ « dateCandidature » : date entre le 01/03/1900 et le 31/12/2100 attendu (reçu : « 2101-01-01 »)',
    ]);
    expect(lireFichierJson([{ ...valide, dateCandidature: '01/03/1900' }]).candidatures[0].dateCandidature).toBe('1900-03-01');
  });

  test('structure du fichier', () => {
    expect(erreurs({ liste: [] })[0]).toContain('champ « candidatures » : un tableau de candidatures');
    expect(erreurs({ candidatures: [] })).toEqual(['fichier, champ « candidatures » : au moins une candidature attendu (reçu : aucune)']);
    expect(erreurs({ appel: { enveloppe: 1, budget: 2 }, candidatures: [valide] })).toEqual([
      'appel, champ « budget » : un champ connu (annee, enveloppe, financementPartiel, maxSites, dateBareme, moisConvention, moisSolde) attendu (reçu : champ inconnu)',
    ]);
    expect(erreurs({ candidatures: [valide, 'MSP B'] })).toEqual(['candidature n° 2, champ « (candidature) » : un objet attendu (reçu : « MSP B »)']);
  });

  test('le fichier d’exemple est valide et couvre chaque cas', () => {
    const f = lireFichierJson(JSON.parse(fs.readFileSync(path.join(__dirname, '../../examples/candidatures-sip.json'), 'utf8')));
    expect(f.candidatures).toHaveLength(14);
    expect(new Set(f.candidatures.map((c) => c.aci))).toEqual(new Set(['adherent', 'engagement', 'non']));
    expect(new Set(f.candidatures.map((c) => c.zone))).toEqual(new Set(['ZIP', 'ZAC', 'QPV', 'HZ']));
    expect(f.candidatures.some((c) => !c.projetSanteValide)).toBe(true);
    expect(f.candidatures.some((c) => !c.logicielLabellise)).toBe(true);
    expect(f.candidatures.some((c) => c.montantDevis === 0)).toBe(true);
  });
});

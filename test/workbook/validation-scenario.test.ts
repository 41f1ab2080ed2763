import { validerScenario } from '../../src/rules/scenario/validation';
import { exemple } from './aides';

const erreurs = (x: unknown) => {
  const r = validerScenario(x);
  return r.ok ? [] : r.erreurs;
};
const modifie = (f: (s: Record<string, any>) => void) => {
  const s = structuredClone(exemple('centre-de-sante')) as unknown as Record<string, any>;
  f(s);
  return erreurs(s);
};

test('les deux exemples sont valides', () => {
  expect(validerScenario(exemple('centre-de-sante')).ok).toBe(true);
  expect(validerScenario(exemple('msp-sip')).ok).toBe(true);
});

test('chaque erreur nomme le chemin du champ et ce qui est attendu', () => {
  expect(modifie((s) => (s.medecins[1].quotite = 1.5))).toEqual(['médecin n° 2, quotite : nombre dans ]0 ; 1] attendu (reçu : 1,5)']);
  expect(modifie((s) => (s.medecins[0].quotite = 0))).toEqual(['médecin n° 1, quotite : nombre dans ]0 ; 1] attendu (reçu : 0)']);
  expect(modifie((s) => (s.medecins[0].coutSalarialMensuel = '9500'))).toEqual(['médecin n° 1, coutSalarialMensuel : nombre ≥ 0 attendu (reçu : « 9500 »)']);
  expect(modifie((s) => (s.centre.type = 'hopital'))).toEqual(['centre.type : l’une des valeurs cds_medical, cds_polyvalent, cds_devenant_polyvalent, msp attendu (reçu : « hopital »)']);
  expect(modifie((s) => (s.simulation.horizonAnnees = 2.5))).toEqual(['simulation.horizonAnnees : entier dans [1 ; 10] attendu (reçu : 2,5)']);
  expect(modifie((s) => (s.aci.adhesion = 'les_deux'))).toEqual(['aci.adhesion : l’une des valeurs aci, accord_national, aucune attendu (reçu : « les_deux »)']);
  expect(modifie((s) => (s.aci.indicateurs[2].atteint = 'oui'))).toEqual(['indicateur ACI n° 3, atteint : true ou false attendu (reçu : « oui »)']);
  expect(modifie((s) => (s.medecins[2].conges[0].fin = '2026-06-01'))).toEqual(['congé n° 1 du médecin n° 3, fin : date postérieure ou égale au début (2026-07-01) attendu (reçu : « 2026-06-01 »)']);
  expect(modifie((s) => (s.medecins[0].etp = 1))).toEqual(['médecin n° 1, etp : champ inconnu (champs permis : libelle, quotite, coutSalarialMensuel, honorairesMensuels, poste400, renouvellement400, debutContrat, conges, joursCstParAn, honorairesCstAnnuels, consultationsParMois)']);
  expect(modifie((s) => (s.simulation.debut = '2025-01-01'))).toEqual(['simulation.debut : date postérieure ou égale à la création du centre (2025-09-01) attendu (reçu : « 2025-01-01 »)']);
  expect(modifie((s) => (s.centre.finess = '12'))).toEqual(['centre.finess : numéro FINESS à 9 caractères attendu (reçu : « 12 »)']);
  expect(erreurs([])).toEqual(['(racine) : objet attendu (reçu : un tableau)']);
  expect(modifie((s) => delete s.medecins)).toEqual(['medecins : tableau attendu (reçu : rien)']);
});

test('le schéma documenté et le contrôle acceptent les mêmes champs', () => {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const schema = require('../../docs/scenario.schema.json');
  const champs = (o: { properties: Record<string, unknown> }) => Object.keys(o.properties).sort();
  const s = exemple('centre-de-sante') as unknown as Record<string, any>;
  expect(champs(schema)).toEqual(['$schema', 'aci', 'centre', 'contrats', 'medecins', 'simulation', 'sip', 'version']);
  expect(champs(schema.properties.contrats)).toEqual(['cai', 'cosco', 'cst']);
  expect(champs(schema.properties.centre)).toEqual(Object.keys({ ...s.centre, finess: 1, commune: 1, qpv: 1, ile: 1, dateDemandePolyvalent: 1 }).sort());
  expect(champs(schema.properties.medecins.items)).toEqual(Object.keys({ ...s.medecins[2], consultationsParMois: 1, renouvellement400: 1 }).sort());
  expect(champs(schema.properties.medecins.items.properties.conges.items)).toEqual(Object.keys(s.medecins[2].conges[0]).sort());
  expect(champs(schema.properties.aci.properties.indicateurs.items)).toEqual(Object.keys({ ...s.aci.indicateurs[0], nature: 1 }).sort());
  expect(champs(schema.properties.sip)).toEqual(['dateCloture', 'dateConvention', 'montantDevis', 'nbProfessionnels']);
  expect(champs(schema.properties.aci)).toEqual(['adhesion', 'dateSignature', 'indicateurs', 'nbProfessionnels', 'patientele']);
  // Champs facultatifs du plan de financement acceptés, contrôlés.
  expect(erreurs({ ...s, aci: { ...s.aci, dateSignature: '2026-02-01' }, medecins: s.medecins.map((m: object) => ({ ...m, consultationsParMois: 300 })) })).toEqual([]);
  expect(erreurs({ ...s, sip: { nbProfessionnels: 3, montantDevis: 1, dateCloture: 'demain' } })).toEqual(['sip.dateCloture : date AAAA-MM-JJ attendu (reçu : « demain »)']);
  // Un champ inconnu du schéma est refusé par le contrôle.
  expect(erreurs({ ...s, remarque: 'x' })).toEqual(['remarque : champ inconnu (champs permis : $schema, version, centre, simulation, medecins, contrats, sip, aci)']);
});

describe('bornes du scénario, contrôlées avant tout calcul', () => {
  const medecin = (s: Record<string, any>) => s.medecins[2];
  test('6 000 médecins : refusé par la limite (200), sans contrôler chacun', () => {
    expect(modifie((s) => (s.medecins = Array.from({ length: 6000 }, () => medecin(s))))).toEqual(['medecins : au plus 200 médecins attendu (reçu : 6\u00a0000)']);
  });
  test('200 médecins de 20 congés chacun : accepté (le plus grand centre réel, avec marge)', () => {
    expect(
      modifie((s) => {
        const conge = medecin(s).conges[0];
        s.medecins = Array.from({ length: 200 }, (_, i) => ({ ...medecin(s), libelle: `Médecin ${i + 1}`, conges: Array.from({ length: 20 }, () => conge) }));
      }),
    ).toEqual([]);
  });
  test('21 congés pour un médecin : refusé, le médecin nommé par sa position (à partir de 1)', () => {
    expect(modifie((s) => (medecin(s).conges = Array.from({ length: 21 }, () => medecin(s).conges[0])))).toEqual(['médecin n° 3, conges : au plus 20 congés par médecin attendu (reçu : 21)']);
  });
  test('101 indicateurs ACI : refusé', () => {
    expect(modifie((s) => (s.aci.indicateurs = Array.from({ length: 101 }, () => s.aci.indicateurs[0])))).toEqual(['aci.indicateurs : au plus 100 indicateurs attendu (reçu : 101)']);
  });
});

describe('noms sans caractère de contrôle ni U+FFFE / U+FFFF (XML d’un classeur), le champ nommé', () => {
  test.each([
    ['centre.nom', (s: Record<string, any>) => (s.centre.nom = 'Centre\u0007 de santé'), 'centre.nom : texte sans caractère de contrôle attendu (reçu : caractère de contrôle U+0007 en position 7)'],
    ['centre.commune', (s: Record<string, any>) => (s.centre.commune = 'Brest\n'), 'centre.commune : texte sans caractère de contrôle attendu (reçu : caractère de contrôle U+000A en position 6)'],
    ['libellé d’un médecin (U+FFFE)', (s: Record<string, any>) => (s.medecins[1].libelle = 'Dr \ufffe'), 'médecin n° 2, libelle : texte sans caractère de contrôle attendu (reçu : caractère non valide U+FFFE en position 4)'],
    ['libellé d’un médecin (U+FFFF)', (s: Record<string, any>) => (s.medecins[0].libelle = '\uffffDr'), 'médecin n° 1, libelle : texte sans caractère de contrôle attendu (reçu : caractère non valide U+FFFF en position 1)'],
    ['demi-paire UTF-16 isolée', (s: Record<string, any>) => (s.centre.nom = 'A\ud800B'), 'centre.nom : texte sans caractère de contrôle attendu (reçu : caractère non valide U+D800 en position 2)'],
    ['indicateur ACI', (s: Record<string, any>) => (s.aci.indicateurs[0].libelle = 'x\u0000'), 'indicateur ACI n° 1, libelle : texte sans caractère de contrôle attendu (reçu : caractère de contrôle U+0000 en position 2)'],
  ])('%s', (_nom, f, message) => {
    expect(modifie(f)).toEqual([message]);
  });
  test('un emoji (paire UTF-16 complète) et les accents sont acceptés', () => {
    expect(modifie((s) => (s.centre.nom = 'Centre de santé Émeraude 🏥'))).toEqual([]);
  });
  test('nom de plus de 255 caractères : refusé, le texte reçu abrégé', () => {
    expect(modifie((s) => (s.centre.nom = 'x'.repeat(300)))).toEqual([`centre.nom : texte de 255 caractères au plus attendu (reçu : « ${'x'.repeat(80)}… (300 caractères) »)`]);
  });
});

describe('dates entre le 01/03/1900 et le 31/12/2100', () => {
  test.each([
    ['1899-12-31', (s: Record<string, any>, d: string) => (s.centre.dateCreation = d), 'centre.dateCreation'],
    ['2101-01-01', (s: Record<string, any>, d: string) => (s.medecins[2].conges[0].fin = d), 'congé n° 1 du médecin n° 3, fin'],
    ['1900-02-28', (s: Record<string, any>, d: string) => (s.centre.dateCreation = d), 'centre.dateCreation'],
  ])('%s', (d, f, champ) => {
    expect(modifie((s) => f(s, d))).toEqual([`${champ} : date entre le 01/03/1900 et le 31/12/2100 attendu (reçu : « ${d} »)`]);
  });
  test('bornes incluses', () => {
    expect(modifie((s) => (s.centre.dateCreation = '1900-03-01'))).toEqual([]);
    expect(modifie((s) => (s.medecins[2].conges[0].fin = '2100-12-31'))).toEqual([]);
  });
});

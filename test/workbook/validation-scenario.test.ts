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
  expect(modifie((s) => (s.medecins[1].quotite = 1.5))).toEqual(['medecins[1].quotite : nombre dans ]0 ; 1] attendu (reçu : 1,5)']);
  expect(modifie((s) => (s.medecins[0].quotite = 0))).toEqual(['medecins[0].quotite : nombre dans ]0 ; 1] attendu (reçu : 0)']);
  expect(modifie((s) => (s.medecins[0].coutSalarialMensuel = '9500'))).toEqual(['medecins[0].coutSalarialMensuel : nombre ≥ 0 attendu (reçu : « 9500 »)']);
  expect(modifie((s) => (s.centre.type = 'hopital'))).toEqual(['centre.type : l’une des valeurs cds_medical, cds_polyvalent, cds_devenant_polyvalent, msp attendu (reçu : « hopital »)']);
  expect(modifie((s) => (s.simulation.horizonAnnees = 2.5))).toEqual(['simulation.horizonAnnees : entier dans [1 ; 10] attendu (reçu : 2,5)']);
  expect(modifie((s) => (s.aci.adhesion = 'les_deux'))).toEqual(['aci.adhesion : l’une des valeurs aci, accord_national, aucune attendu (reçu : « les_deux »)']);
  expect(modifie((s) => (s.aci.indicateurs[2].atteint = 'oui'))).toEqual(['aci.indicateurs[2].atteint : true ou false attendu (reçu : « oui »)']);
  expect(modifie((s) => (s.medecins[2].conges[0].fin = '2026-06-01'))).toEqual(['medecins[2].conges[0].fin : date postérieure ou égale au début (2026-07-01) attendu (reçu : « 2026-06-01 »)']);
  expect(modifie((s) => (s.medecins[0].etp = 1))).toEqual(['medecins[0].etp : champ inconnu (champs permis : libelle, quotite, coutSalarialMensuel, honorairesMensuels, poste400, debutContrat, conges, joursCstParAn, honorairesCstAnnuels, consultationsParMois)']);
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
  expect(champs(schema)).toEqual(['$schema', 'aci', 'centre', 'medecins', 'simulation', 'sip', 'version']);
  expect(champs(schema.properties.centre)).toEqual(Object.keys({ ...s.centre, finess: 1, commune: 1 }).sort());
  expect(champs(schema.properties.medecins.items)).toEqual(Object.keys({ ...s.medecins[2], consultationsParMois: 1 }).sort());
  expect(champs(schema.properties.medecins.items.properties.conges.items)).toEqual(Object.keys(s.medecins[2].conges[0]).sort());
  expect(champs(schema.properties.aci.properties.indicateurs.items)).toEqual(Object.keys(s.aci.indicateurs[0]).sort());
  expect(champs(schema.properties.sip)).toEqual(['dateCloture', 'dateConvention', 'montantDevis', 'nbProfessionnels']);
  expect(champs(schema.properties.aci)).toEqual(['adhesion', 'dateSignature', 'indicateurs', 'patientele']);
  // Champs facultatifs du plan de financement acceptés, contrôlés.
  expect(erreurs({ ...s, aci: { ...s.aci, dateSignature: '2026-02-01' }, medecins: s.medecins.map((m: object) => ({ ...m, consultationsParMois: 300 })) })).toEqual([]);
  expect(erreurs({ ...s, sip: { nbProfessionnels: 3, montantDevis: 1, dateCloture: 'demain' } })).toEqual(['sip.dateCloture : date AAAA-MM-JJ attendu (reçu : « demain »)']);
  // Un champ inconnu du schéma est refusé par le contrôle.
  expect(erreurs({ ...s, remarque: 'x' })).toEqual(['remarque : champ inconnu (champs permis : $schema, version, centre, simulation, medecins, sip, aci)']);
});

// Contrôle des fichiers du barème : le schéma JSON (scripts/valider-bareme.js, lancé à la
// construction) et le contrôle TypeScript (validerBareme, réutilisé pour la feuille « Barème »).
// Chaque mauvais fichier est rejeté avec son message exact, qui nomme le paramètre.
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { BAREME_PAR_DEFAUT } from '../../src/rules/bareme/donnees';
import { Bareme, Parametre, ValeurDatee } from '../../src/rules/bareme/types';
import { validerBareme } from '../../src/rules/bareme/validation';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const script = require('../../scripts/valider-bareme.js') as {
  erreursSchema(donnees: unknown): string[];
  validerDossier(dossier?: string): string[];
};

const DOSSIER = path.join(__dirname, '..', '..', 'src', 'rules', 'bareme');
const lire = (nom: string) => JSON.parse(fs.readFileSync(path.join(DOSSIER, nom), 'utf8'));

const SOURCE = { document: 'politique_cds_bretagne', section: '§2.1' };
function valeur(v: Partial<ValeurDatee> = {}): ValeurDatee {
  return { valeur: '30000', du: '2018-10-20', au: null, statut: 'confirme', source: SOURCE, ...v };
}
function parametre(valeurs: ValeurDatee[], p: Partial<Parametre> = {}): Parametre {
  return { id: 'cai.montant_etp_tranche1', libelle: 'CAI : montant par ETP du 1er ETP', unite: '€/ETP', valeurs, ...p };
}
const bareme = (...parametres: Parametre[]): Bareme => ({ version: 'essai', parametres, changements: [] });
const messages = (b: Bareme) => validerBareme(b).map((e) => `${e.id} | ${e.message}`);

/** Un fichier de famille d'un seul paramètre, pour le schéma. */
const fichier = (p: unknown) => ({ famille: 'cds', libelle: 'essai', parametres: [p] });
const JSON_OK = { id: 'cai.plafond', libelle: 'CAI : montant maximal', unite: '€', valeurs: [{ du: '2018-10-20', au: null, valeur: '80000', statut: 'confirme', source: SOURCE }] };
const avecValeur = (v: object) => fichier({ ...JSON_OK, valeurs: [{ ...JSON_OK.valeurs[0], ...v }] });

describe('fichiers livrés', () => {
  test('le schéma et les renvois acceptent chaque fichier du barème', () => {
    for (const nom of ['sip.json', 'cds.json', 'postes400.json', 'aci.json', 'tarifs.json', 'changements.json', 'sources.json']) {
      expect([nom, script.erreursSchema(lire(nom))]).toEqual([nom, []]);
    }
    expect(script.validerDossier()).toEqual([]);
  });
  test('le contrôle TypeScript accepte le barème par défaut', () => {
    expect(validerBareme(BAREME_PAR_DEFAUT)).toEqual([]);
  });
});

describe('schéma JSON : mauvais fichiers', () => {
  test('texte dans un nombre', () => {
    expect(script.erreursSchema(avecValeur({ valeur: '80 000 €' }))).toEqual([
      'paramètre cai.plafond, valeur du 2018-10-20 : « 80 000 € » n’est pas un nombre (attendu : chiffres, point décimal, ex. 9070 ou 0.8)',
    ]);
    expect(script.erreursSchema(avecValeur({ valeur: 80000 }))).toEqual([
      'paramètre cai.plafond, valeur du 2018-10-20 : « 80000 » n’est pas un nombre écrit en texte ni null',
    ]);
  });
  test('montant négatif pour une unité en euros (un taux négatif reste permis par le schéma)', () => {
    expect(script.erreursSchema(avecValeur({ valeur: '-5' }))).toEqual([
      'paramètre cai.plafond, valeur du 2018-10-20 : montant négatif (« -5 ») ; un montant en euros est positif ou nul',
    ]);
    expect(script.erreursSchema(fichier({ ...JSON_OK, unite: 'taux', valeurs: [{ ...JSON_OK.valeurs[0], valeur: '-0.1' }] }))).toEqual([]);
  });
  test('statut inconnu', () => {
    expect(script.erreursSchema(avecValeur({ statut: 'confirmé' }))).toEqual([
      'paramètre cai.plafond, valeur du 2018-10-20 : statut « confirmé » inconnu ; statuts permis : confirme, a_confirmer, hypothese',
    ]);
  });
  test('date mal écrite, champ manquant, champ inconnu, montant « non publié » avec une valeur', () => {
    expect(script.erreursSchema(avecValeur({ du: '20/10/2018' }))).toEqual([
      'paramètre cai.plafond, valeur du 20/10/2018 : du : date attendue au format AAAA-MM-JJ (reçu : « 20/10/2018 »)',
    ]);
    const { source: _s, ...sansSource } = JSON_OK.valeurs[0];
    expect(script.erreursSchema(fichier({ ...JSON_OK, valeurs: [sansSource] }))).toEqual([
      'paramètre cai.plafond, valeur du 2018-10-20 : champ « source » manquant',
    ]);
    expect(script.erreursSchema(avecValeur({ montant: '1' }))).toEqual(['paramètre cai.plafond, valeur du 2018-10-20 : champ « montant » inconnu']);
    expect(script.erreursSchema(avecValeur({ nonPublie: true }))).toEqual([
      'paramètre cai.plafond, valeur du 2018-10-20 : un montant « non publié » n’a pas de valeur (reçu : 80000)',
    ]);
  });
  test('renvois entre fichiers : source inconnue de la bibliographie, identifiant en double', () => {
    const dossier = fs.mkdtempSync(path.join(os.tmpdir(), 'bareme-'));
    for (const nom of fs.readdirSync(DOSSIER).filter((n) => n.endsWith('.json'))) fs.copyFileSync(path.join(DOSSIER, nom), path.join(dossier, nom));
    const tarifs = lire('tarifs.json');
    tarifs.parametres[0].valeurs[2].source.document = 'ameli_inconnu';
    tarifs.parametres.push({ ...lire('cds.json').parametres[0] });
    fs.writeFileSync(path.join(dossier, 'tarifs.json'), JSON.stringify(tarifs));
    expect(script.validerDossier(dossier)).toEqual([
      'tarifs.json : paramètre tarif.consultation_g, valeur du 2024-12-22 : source « ameli_inconnu » inconnue de la bibliographie (sources.json)',
      'tarifs.json : paramètre cai.montant_etp_tranche1 : identifiant « cai.montant_etp_tranche1 » déjà utilisé (cds.json)',
    ]);
  });
});

describe('contrôle TypeScript (validerBareme) : mauvais barèmes', () => {
  test('texte dans un nombre', () => {
    expect(messages(bareme(parametre([valeur({ valeur: '30 000 €' })])))).toEqual([
      'cai.montant_etp_tranche1 | Paramètre « CAI : montant par ETP du 1er ETP » (cai.montant_etp_tranche1) : valeur du 20/10/2018 : « 30 000 € » n’est pas un nombre (attendu : chiffres, point décimal, ex. 9070 ou 0.8)',
    ]);
  });
  test('montant négatif quand l’unité est en euros (pas pour un taux)', () => {
    expect(messages(bareme(parametre([valeur({ valeur: '-30000' })])))).toEqual([
      'cai.montant_etp_tranche1 | Paramètre « CAI : montant par ETP du 1er ETP » (cai.montant_etp_tranche1) : valeur du 20/10/2018 : montant négatif (-30000 €/ETP) ; un montant en euros est positif ou nul',
    ]);
    expect(messages(bareme(parametre([valeur({ valeur: '-0.1' })], { unite: 'taux' })))).toEqual([]);
  });
  test('périodes qui se chevauchent', () => {
    expect(messages(bareme(parametre([valeur(), valeur({ du: '2026-01-01', valeur: '32000' })])))).toEqual([
      'cai.montant_etp_tranche1 | Paramètre « CAI : montant par ETP du 1er ETP » (cai.montant_etp_tranche1) : périodes qui se chevauchent : la valeur du 20/10/2018 (sans fin) et celle du 01/01/2026',
    ]);
    expect(messages(bareme(parametre([valeur({ au: '2026-01-01' }), valeur({ du: '2026-01-01', valeur: '32000' })])))).toEqual([
      'cai.montant_etp_tranche1 | Paramètre « CAI : montant par ETP du 1er ETP » (cai.montant_etp_tranche1) : périodes qui se chevauchent : la valeur du 20/10/2018 (jusqu’au 01/01/2026) et celle du 01/01/2026',
    ]);
  });
  test('dates dans le désordre : valeurs non classées, fin avant le début', () => {
    expect(messages(bareme(parametre([valeur({ du: '2026-01-01' }), valeur({ au: '2025-12-31' })])))).toEqual([
      'cai.montant_etp_tranche1 | Paramètre « CAI : montant par ETP du 1er ETP » (cai.montant_etp_tranche1) : valeurs non classées par date : celle du 20/10/2018 suit celle du 01/01/2026',
    ]);
    expect(messages(bareme(parametre([valeur({ au: '2018-01-01' })])))).toEqual([
      'cai.montant_etp_tranche1 | Paramètre « CAI : montant par ETP du 1er ETP » (cai.montant_etp_tranche1) : valeur du 20/10/2018 : la date de fin (01/01/2018) précède la date de début',
    ]);
    expect(messages(bareme(parametre([valeur({ du: '2018-02-30' })])))).toEqual([
      'cai.montant_etp_tranche1 | Paramètre « CAI : montant par ETP du 1er ETP » (cai.montant_etp_tranche1) : valeur du « 2018-02-30 » : date de début attendue au format AAAA-MM-JJ (reçu : « 2018-02-30 »)',
    ]);
  });
  test('source inconnue de la bibliographie (un ancien code comme « 004 » est accepté)', () => {
    expect(messages(bareme(parametre([valeur({ source: { document: 'REGLES.md §2', section: 'Points ouverts' } })])))).toEqual([
      'cai.montant_etp_tranche1 | Paramètre « CAI : montant par ETP du 1er ETP » (cai.montant_etp_tranche1) : valeur du 20/10/2018 : source « REGLES.md §2 » inconnue de la bibliographie',
    ]);
    expect(messages(bareme(parametre([valeur({ source: { document: '004', section: '§2.1' } })])))).toEqual([]);
  });
  test('statut inconnu', () => {
    expect(messages(bareme(parametre([valeur({ statut: 'confirmé' as never })])))).toEqual([
      'cai.montant_etp_tranche1 | Paramètre « CAI : montant par ETP du 1er ETP » (cai.montant_etp_tranche1) : valeur du 20/10/2018 : statut « confirmé » inconnu ; statuts permis : confirme, a_confirmer, hypothese',
    ]);
  });
  test('identifiant en double (y compris par un ancien identifiant) et changement connu mal daté', () => {
    const b = bareme(parametre([valeur()]), parametre([valeur()], { id: 'cai.nouveau', alias: ['cai.montant_etp_tranche1'] }));
    b.changements.push({ id: 'essai', date: '2026-13-01', libelle: 'Essai', concerne: ['cai.'] });
    expect(messages(b)).toEqual([
      'cai.nouveau | Paramètre « CAI : montant par ETP du 1er ETP » (cai.nouveau) : identifiant « cai.montant_etp_tranche1 » déjà utilisé par le paramètre cai.montant_etp_tranche1',
      'essai | Changement connu « Essai » (essai) : date attendue au format AAAA-MM-JJ (reçu : « 2026-13-01 »)',
    ]);
  });
  test('plusieurs erreurs d’un même paramètre sont toutes rendues, sans exception', () => {
    const b = bareme(parametre([valeur({ valeur: 'douze', statut: 'inconnu' as never, source: { document: 'x', section: 'y' } })], { libelle: '' }));
    expect(validerBareme(b).map((e) => e.message)).toEqual([
      'Paramètre « cai.montant_etp_tranche1 » (cai.montant_etp_tranche1) : libellé manquant',
      'Paramètre « cai.montant_etp_tranche1 » (cai.montant_etp_tranche1) : valeur du 20/10/2018 : statut « inconnu » inconnu ; statuts permis : confirme, a_confirmer, hypothese',
      'Paramètre « cai.montant_etp_tranche1 » (cai.montant_etp_tranche1) : valeur du 20/10/2018 : « douze » n’est pas un nombre (attendu : chiffres, point décimal, ex. 9070 ou 0.8)',
      'Paramètre « cai.montant_etp_tranche1 » (cai.montant_etp_tranche1) : valeur du 20/10/2018 : source « x » inconnue de la bibliographie',
    ]);
  });
});

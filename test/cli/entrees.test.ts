// Entrées bornées et messages français (src/cli/entrees.ts, zip.ts, json.ts, erreurs.ts) : bombe zip
// refusée sur son répertoire, gros classeur refusé avant d'être ouvert, erreurs du système et de
// JSON.parse traduites, classeur de programme reconnu par verify, limites du scénario et des
// candidatures de bout en bout — jamais « erreur inattendue » ni trace JavaScript.
import ExcelJS from 'exceljs';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { createDeflateRaw } from 'zlib';
import { main } from '../../src/cli/main';
import { Io } from '../../src/cli/io';
import { messageErreurInterne, messageErreurSysteme } from '../../src/cli/erreurs';
import { analyserJson, ecrireJsonEnFlux, lignesDesElements } from '../../src/cli/json';
import { lireRepertoireZip } from '../../src/cli/zip';
import { AUJOURDHUI } from '../aide-test';
import { feuilleDeNombres, partiesXlsx, zip } from './outils-zip';

const RACINE = path.join(__dirname, '../..');
let dossier: string;
beforeAll(() => {
  dossier = fs.mkdtempSync(path.join(os.tmpdir(), 'sip-entrees-'));
});
afterAll(() => fs.rmSync(dossier, { recursive: true, force: true }));

async function lancer(...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const sansInsecable = (t: string) => t.replace(/[\u00a0\u202f]/g, ' ').split('\n');
  const io: Io = { out: (t) => out.push(...sansInsecable(t)), err: (t) => err.push(...sansInsecable(t)), cwd: dossier, aujourdhui: AUJOURDHUI };
  const code = await main(argv, io);
  expect(err.join('\n')).not.toMatch(/erreur inattendue|erreur interne|at .*\.(js|ts):\d+/);
  return { code, out, err };
}
const ecrire = (nom: string, contenu: Buffer | string) => {
  fs.writeFileSync(path.join(dossier, nom), contenu);
  return nom;
};

/** n Mo de zéros compressés en deflate brut (une vraie bombe : ~1 000 fois plus petite). */
async function zerosCompresses(mo: number): Promise<Buffer> {
  const z = createDeflateRaw({ level: 9 });
  const morceaux: Buffer[] = [];
  z.on('data', (m: Buffer) => morceaux.push(m));
  const fin = new Promise((r) => z.on('end', r));
  const zeros = Buffer.alloc(1024 * 1024);
  for (let i = 0; i < mo; i++) if (!z.write(zeros)) await new Promise((r) => z.once('drain', r));
  z.end();
  await fin;
  return Buffer.concat(morceaux);
}

describe('bombes zip et gros classeurs : refusés avant d’être ouverts', () => {
  test('taille décompressée annoncée énorme (3,75 Go) : refusée sur le répertoire, sans rien décompresser', async () => {
    ecrire('bombe.xlsx', zip(partiesXlsx('Feuille1', 'presque rien', { tailleAnnoncee: 0xf0000000 })));
    const r = await lancer('verify', 'bombe.xlsx');
    expect(r.code).toBe(2);
    expect(r.err).toEqual(['sip verify : bombe.xlsx : une fois décompressé, ce classeur ferait 3 840 Mo, au-delà de la limite de 120 Mo ; refusé sans être ouvert (fichier trop gros, corrompu ou piégé)']);
  });

  test('ZIP64 : 10 Go annoncés dans le champ supplémentaire, refusés de même', async () => {
    const b = zip(partiesXlsx('Feuille1', 'presque rien', { tailleAnnoncee: 10 * 1024 ** 3 }));
    expect(lireRepertoireZip(b).find((e) => e.nom === 'xl/worksheets/sheet1.xml')!.tailleDecompressee).toBe(10 * 1024 ** 3);
    ecrire('bombe64.xlsx', b);
    expect((await lancer('verify', 'bombe64.xlsx')).err[0]).toBe('sip verify : bombe64.xlsx : une fois décompressé, ce classeur ferait 10 240 Mo, au-delà de la limite de 120 Mo ; refusé sans être ouvert (fichier trop gros, corrompu ou piégé)');
  });

  test('vraie bombe (200 Mo de zéros dans 200 Ko) : refusée sur sa taille annoncée ; si elle ment, dès que la décompression la dépasse', async () => {
    const compressees = await zerosCompresses(200);
    expect(compressees.length).toBeLessThan(400_000);
    ecrire('vraie-bombe.xlsx', zip(partiesXlsx('Feuille1', '', { compressees, tailleAnnoncee: 200 * 1024 * 1024 })));
    expect((await lancer('verify', 'vraie-bombe.xlsx')).err[0]).toBe('sip verify : vraie-bombe.xlsx : une fois décompressé, ce classeur ferait 200 Mo, au-delà de la limite de 120 Mo ; refusé sans être ouvert (fichier trop gros, corrompu ou piégé)');
    ecrire('bombe-menteuse.xlsx', zip(partiesXlsx('Feuille1', '', { compressees, tailleAnnoncee: 1000 })));
    const r = await lancer('programme', 'bombe-menteuse.xlsx', '--enveloppe', '1000');
    expect(r.code).toBe(2);
    expect(r.err).toEqual(['sip programme : bombe-menteuse.xlsx n’est pas un classeur .xlsx lisible (« xl/worksheets/sheet1.xml » se décompresse au-delà de la taille annoncée (1000 octets) : fichier piégé ou corrompu)']);
  });

  test('un vrai classeur de 36 Mo : refusé sur sa taille, sans être ouvert (plus de plantage par manque de mémoire)', async () => {
    const feuille = feuilleDeNombres(125_000);
    ecrire('gros.xlsx', zip(partiesXlsx('Données', feuille, { methode: 0 })));
    expect(fs.statSync(path.join(dossier, 'gros.xlsx')).size).toBeGreaterThan(36 * 1024 * 1024);
    const r = await lancer('verify', 'gros.xlsx');
    expect(r.code).toBe(2);
    expect(r.err).toEqual(['sip verify : gros.xlsx : fichier de 36 Mo, au-delà de la limite de 30 Mo pour un classeur de simulation']);
    // Le même classeur, plus court, est un vrai classeur : exceljs l'ouvre ; verify dit ce qu'il n'est pas.
    ecrire('petit.xlsx', zip(partiesXlsx('Données', feuilleDeNombres(50), { methode: 0 })));
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(fs.readFileSync(path.join(dossier, 'petit.xlsx')) as unknown as ArrayBuffer);
    expect(wb.getWorksheet('Données')!.rowCount).toBe(50);
    expect((await lancer('verify', 'petit.xlsx')).err).toEqual([
      'sip verify : petit.xlsx ne contient aucune simulation du simulateur SIP (pas de feuille de provenance « _sip_provenance » ; feuilles : « Données »). sip verify vérifie les classeurs écrits par « sip simulate » ou par le volet.',
    ]);
  });

  test('sip verify reconnaît un classeur de programme SIP (sip programme -o) et dit ce qu’il est', async () => {
    expect((await lancer('programme', path.join(RACINE, 'examples/candidatures-sip.json'), '--enveloppe', '250000', '-o', 'programme.xlsx')).code).toBe(0);
    const r = await lancer('verify', 'programme.xlsx');
    expect(r.code).toBe(2);
    expect(r.err).toEqual([
      'sip verify : programme.xlsx est un classeur de programme SIP (feuille « Programme SIP », écrite par « sip programme -o ») : il classe les candidatures d’un appel et ne contient pas de simulation. sip verify vérifie les classeurs de simulation (écrits par « sip simulate » ou par le volet) ; pour refaire un programme, relancez « sip programme » sur le fichier de candidatures.',
    ]);
    const j = await lancer('verify', 'programme.xlsx', '--json');
    expect(JSON.parse(j.out.join('\n'))).toMatchObject({ ok: false, erreurs: [expect.stringContaining('est un classeur de programme SIP')], simulations: [] });
  });
});

describe('erreurs du système et des bibliothèques, en français avec le chemin', () => {
  test('fichier absent, dossier, fichier spécial (ENOENT, EISDIR)', async () => {
    fs.mkdirSync(path.join(dossier, 'un-dossier.json'), { recursive: true });
    const cas: [string[], string][] = [
      [['simulate', 'absent.json', '-o', 'x.xlsx'], 'sip simulate : absent.json : fichier introuvable'],
      [['programme', 'absent.xlsx', '--enveloppe', '1'], 'sip programme : absent.xlsx : fichier introuvable'],
      [['verify', 'absent.xlsx'], 'sip verify : absent.xlsx : fichier introuvable'],
      [['simulate', 'un-dossier.json', '-o', 'x.xlsx'], 'sip simulate : un-dossier.json est un dossier, pas un fichier'],
      [['verify', '/dev/null'], 'sip verify : /dev/null n’est pas un fichier ordinaire (périphérique, tube…) : un classeur de simulation attendu'],
      [['simulate', path.join(RACINE, 'examples/centre-de-sante.json'), '-o', 'absent/x.xlsx'], 'sip simulate : absent/x.xlsx : le dossier de destination n’existe pas'],
    ];
    for (const [argv, message] of cas) {
      const r = await lancer(...argv);
      expect([argv.join(' '), r.code, r.err[0]]).toEqual([argv.join(' '), 2, message]);
    }
  });

  test('droits, disque plein, fichier occupé… : chaque code du système a son message', () => {
    const e = (code: string) => Object.assign(new Error('EACCES: permission denied'), { code });
    expect(messageErreurSysteme(e('EACCES'), 'scenario.json', 'lecture')).toBe('scenario.json : lecture refusée (droits d’accès insuffisants)');
    expect(messageErreurSysteme(e('EPERM'), 'scenario.json', 'lecture')).toBe('scenario.json : lecture refusée (droits d’accès insuffisants)');
    expect(messageErreurSysteme(e('EACCES'), 'sortie.xlsx', 'ecriture')).toBe('sortie.xlsx : écriture refusée (droits d’accès insuffisants sur le fichier ou son dossier)');
    expect(messageErreurSysteme(e('ENOSPC'), 'sortie.xlsx', 'ecriture')).toBe('sortie.xlsx : disque plein, le fichier n’a pas été écrit (aucun fichier partiel n’est laissé)');
    expect(messageErreurSysteme(e('EROFS'), 'sortie.xlsx', 'ecriture')).toBe('sortie.xlsx : le disque est en lecture seule');
    expect(messageErreurSysteme(e('EBUSY'), 'sortie.xlsx', 'ecriture')).toBe('sortie.xlsx : fichier occupé (ouvert dans Excel ?) ; fermez-le et réessayez');
    expect(messageErreurSysteme(e('EWHATEVER'), 'sortie.xlsx', 'ecriture')).toBe('sortie.xlsx : écriture impossible (erreur du système EWHATEVER)');
  });

  test('pas un classeur .xlsx (zip illisible) : plus de « Can’t find end of central directory »', async () => {
    ecrire('texte.xlsx', 'ceci est un texte de plus de vingt-deux octets, pas un zip');
    ecrire('tronque.xlsx', zip(partiesXlsx('F', 'x')).subarray(0, 200));
    const r1 = await lancer('verify', 'texte.xlsx');
    expect(r1.err).toEqual(['sip verify : texte.xlsx n’est pas un classeur .xlsx lisible (fin du répertoire zip introuvable : ce n’est pas un fichier zip)']);
    const r2 = await lancer('programme', 'tronque.xlsx', '--enveloppe', '1');
    expect(r2.err).toEqual(['sip programme : tronque.xlsx n’est pas un classeur .xlsx lisible (fin du répertoire zip introuvable : ce n’est pas un fichier zip)']);
    ecrire('autre-zip.xlsx', zip([{ nom: 'document.txt', donnees: 'bonjour' }]));
    expect((await lancer('verify', 'autre-zip.xlsx')).err).toEqual(['sip verify : autre-zip.xlsx n’est pas un classeur .xlsx lisible (pas de xl/workbook.xml : archive zip d’un autre type)']);
  });

  test.each([
    ['{ version: 1 }', 'ligne 1, colonne 3 : nom de champ entre guillemets doubles attendu, trouvé « v »'],
    ['{\n  "version": 1,\n}', 'ligne 3, colonne 1 : nom de champ entre guillemets doubles attendu, trouvé « } » (virgule en trop avant « } » ?)'],
    ['{\n  "quotite": 0,5\n}', 'ligne 2, colonne 16 : nom de champ entre guillemets doubles attendu, trouvé « 5 » (nombre à virgule ? en JSON on écrit 1.5)'],
    ["{ 'nom': 1 }", 'ligne 1, colonne 3 : nom de champ entre guillemets doubles attendu, trouvé « \' » (guillemets doubles " " attendus)'],
    ['{ "nom": "Centre\n" }', 'ligne 1, colonne 17 : texte non terminé : guillemet fermant manquant avant la fin de la ligne'],
    ['{ "a": [1, 2,] }', 'ligne 1, colonne 14 : valeur attendue (texte entre guillemets doubles, nombre, true, false, null, objet ou tableau), trouvé « ] » (virgule en trop avant ?)'],
    ['{ "a": 1 } x', 'ligne 1, colonne 12 : texte en trop après la fin du JSON : « x »'],
    ['{ "a": 1 "b": 2 }', 'ligne 1, colonne 10 : « , » ou « } » attendu après la valeur du champ, trouvé « " »'],
    ['{ "a": vrai }', 'ligne 1, colonne 8 : valeur attendue (texte entre guillemets doubles, nombre, true, false, null, objet ou tableau), trouvé « v »'],
    ['', 'ligne 1, colonne 1 : fichier vide : un objet JSON { … } attendu'],
    ['{ "medecins": [ { "a": 1 }', 'ligne 1, colonne 27 : fin du fichier inattendue : « ] » manquant'],
  ])('JSON invalide %p : ligne, colonne et ce qui manque, en français', async (texte, message) => {
    ecrire('s.json', texte);
    const r = await lancer('simulate', 's.json', '-o', 'x.xlsx');
    expect(r.code).toBe(1);
    expect(r.err).toEqual([`sip simulate : s.json n’est pas un JSON valide : ${message}`]);
  });

  test('JSON : BOM accepté ; texte non UTF-8 refusé en français', () => {
    expect(analyserJson(Buffer.from('\ufeff{"a": 1}', 'utf8'), 'f.json').donnees).toEqual({ a: 1 });
    expect(() => analyserJson(Buffer.from([0x7b, 0x22, 0xe9, 0x22, 0x3a, 0x31, 0x7d]), 'f.json')).toThrow('f.json n’est pas un texte UTF-8 : enregistrez-le en UTF-8 (JSON attendu)');
  });

  test('une erreur interne n’est jamais affichée brute : ce qui a échoué et comment le signaler', () => {
    const lignes = messageErreurInterne('simulate', new TypeError('Cannot read properties of undefined (reading \'x\')'), false);
    expect(lignes).toEqual([
      'sip simulate : la commande s’est interrompue sur une erreur interne du simulateur, qui ne vient pas de vos données ; aucun fichier n’a été écrit.',
      'Merci de la signaler à l’équipe du complément SIP (ARS Bretagne) en joignant la commande lancée et ses fichiers d’entrée ; relancez avec SIP_DEBUG=1 pour obtenir le détail technique.',
    ]);
    expect(messageErreurInterne('simulate', new RangeError('Invalid string length'), false)).toEqual([
      'sip simulate : mémoire insuffisante pour traiter ces données ; réduisez la taille du fichier d’entrée (aucun fichier n’a été écrit).',
    ]);
    expect(messageErreurInterne('verify', Object.assign(new Error('EACCES: permission denied, open'), { code: 'EACCES', syscall: 'open', path: '/x/a.xlsx' }), false)).toEqual([
      'sip verify : /x/a.xlsx : lecture refusée (droits d’accès insuffisants)',
    ]);
    expect(messageErreurInterne('simulate', new Error('boom'), true)[2]).toMatch(/^Détail technique : Error: boom/);
  });
});

describe('limites de bout en bout : message français, jamais « erreur inattendue »', () => {
  const scenario = () => JSON.parse(fs.readFileSync(path.join(RACINE, 'examples/centre-de-sante.json'), 'utf8'));

  test('scénario de 6 000 médecins : la limite de 200, code 1, aucun fichier', async () => {
    const s = scenario();
    s.medecins = Array.from({ length: 6000 }, (_, i) => ({ ...s.medecins[0], libelle: `Médecin ${i + 1}` }));
    ecrire('geant.json', JSON.stringify(s));
    const r = await lancer('simulate', 'geant.json', '-o', 'geant.xlsx');
    expect(r.code).toBe(1);
    expect(r.err.slice(0, 2)).toEqual(['sip simulate : scénario invalide (1 erreur) dans geant.json ; aucun fichier écrit.', '  medecins : au plus 200 médecins attendu (reçu : 6 000)']);
    expect(fs.existsSync(path.join(dossier, 'geant.xlsx'))).toBe(false);
  });

  test('nom du centre avec un caractère de contrôle : refusé, le champ nommé', async () => {
    const s = scenario();
    s.centre.nom = 'Centre\u001b[31m rouge';
    ecrire('controle.json', JSON.stringify(s));
    const r = await lancer('simulate', 'controle.json', '-o', 'c.xlsx');
    expect(r.code).toBe(1);
    expect(r.err[1]).toBe('  centre.nom : texte sans caractère de contrôle attendu (reçu : caractère de contrôle U+001B en position 7)');
  });

  test('fichier de scénario de plus de 5 Mo : refusé avant d’être lu', async () => {
    ecrire('enorme.json', `{"version":1,"commentaire":"${'x'.repeat(6 * 1024 * 1024)}"}`);
    const r = await lancer('simulate', 'enorme.json', '-o', 'e.xlsx');
    expect(r.code).toBe(2);
    expect(r.err).toEqual(['sip simulate : enorme.json : fichier de 6 Mo, au-delà de la limite de 5 Mo pour un scénario']);
  });

  test('100 001 candidatures : la limite de 100 000 ; une candidature fautive nommée par son numéro et sa ligne', async () => {
    const c = { nom: 'MSP', nbProfessionnels: 3, montantDevis: 1000, projetSanteValide: true, aci: 'adherent', logicielLabellise: true, zone: 'ZIP' };
    ecrire('trop.json', JSON.stringify(Array.from({ length: 100_001 }, (_, i) => ({ ...c, nom: `MSP ${i}` }))));
    const r = await lancer('programme', 'trop.json', '--enveloppe', '1000');
    expect(r.code).toBe(1);
    expect(r.err).toEqual(['sip programme : Candidatures invalides (1 erreur) :', 'fichier, champ « candidatures » : au plus 100 000 candidatures attendu (reçu : 100 001 candidatures)']);
    const liste = [c, { ...c, nom: 'MSP B' }, { ...c, nom: 'MSP\u0000C', zone: 'ZRR' }];
    ecrire('fautive.json', JSON.stringify({ appel: { annee: 2023 }, candidatures: liste }, null, 2));
    const f = await lancer('programme', 'fautive.json', '--enveloppe', '1000');
    expect(f.err.slice(1)).toEqual([
      'candidature n° 3 (ligne 24), champ « nom » : nom sans caractère de contrôle attendu (reçu : caractère de contrôle U+0000 en position 4)',
      expect.stringMatching(/^candidature n° 3 \(ligne 24\), champ « zone » : l’une des valeurs .* attendu \(reçu : « ZRR »\)$/),
    ]);
  });
});

describe('JSON en flux', () => {
  test('ecrireJsonEnFlux écrit exactement JSON.stringify(valeur, null, 2), par morceaux', () => {
    const valeurs: unknown[] = [
      { a: 1, b: [1, 2, { c: 'd' }], vide: [], objetVide: {}, n: null, u: undefined, f: () => 1, texte: 'é"\n', date: new Date(0) },
      [],
      [{ x: [[1], []] }, 'y', undefined],
      'texte',
      { lignes: Array.from({ length: 5000 }, (_, i) => ({ i, t: 'x'.repeat(i % 50) })) },
    ];
    for (const v of valeurs) {
      for (const profondeur of [0, 1, 2, 3]) {
        const morceaux: string[] = [];
        ecrireJsonEnFlux((t) => morceaux.push(t), v, profondeur);
        expect(morceaux.join('\n')).toBe(JSON.stringify(v, null, 2));
      }
    }
    const morceaux: string[] = [];
    ecrireJsonEnFlux((t) => morceaux.push(t), valeurs[4]);
    expect(morceaux.length).toBeGreaterThan(1);
  });

  test('lignes des candidatures dans le texte JSON (racine tableau ou champ « candidatures »)', () => {
    expect(lignesDesElements('[\n  {"a": 1},\n  {"a": [\n2]},\n  3\n]')).toEqual([2, 3, 5]);
    expect(lignesDesElements('{"appel": {"candidatures": [9]},\n "candidatures": [\n {}, \n\n {}]}')).toEqual([3, 5]);
  });
});

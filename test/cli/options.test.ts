// Options de la ligne de commande (src/cli/options.ts) : options inconnues nommées, valeurs manquantes,
// dates JJ/MM/AAAA et AAAA-MM-JJ, -o en .xlsx, noms de feuille selon les règles d'Excel ; puis les
// mêmes messages de bout en bout dans les commandes.
import * as path from 'path';
import { main } from '../../src/cli/main';
import { Io } from '../../src/cli/io';
import { ErreurUsage } from '../../src/cli/erreurs';
import { lireNomFeuille } from '../../src/cli/nom-feuille';
import { DeclarationOption, lireCheminXlsx, lireDateOption, lireOptions } from '../../src/cli/options';
import { AUJOURDHUI } from '../aide-test';

const RACINE = path.join(__dirname, '../..');
const DECL: DeclarationOption[] = [
  { nom: '-o', alias: ['--sortie'], cachees: ['--output'], exemple: 'simulation.xlsx' },
  { nom: '--feuille', exemple: 'Simulation' },
  { nom: '--force' },
];

function refus(f: () => unknown): string {
  try {
    f();
  } catch (e) {
    if (e instanceof ErreurUsage) return e.message;
    throw e;
  }
  throw new Error('aurait dû échouer');
}

async function lancer(...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const io: Io = { out: (t) => out.push(...t.replace(/\u00a0/g, ' ').split('\n')), err: (t) => err.push(...t.replace(/\u00a0/g, ' ').split('\n')), cwd: RACINE, aujourdhui: AUJOURDHUI };
  return { code: await main(argv, io), out, err };
}

describe('lireOptions', () => {
  test('valeurs (--nom v, --nom=v, alias, ancienne écriture cachée), drapeaux, positionnels, --', () => {
    const o = lireOptions('simulate', ['s.json', '--sortie', 'a.xlsx', '--feuille=Ma feuille', '--force', '--', '-fichier.json'], DECL);
    expect(o.valeur('-o')).toBe('a.xlsx');
    expect(o.valeur('--feuille')).toBe('Ma feuille');
    expect(o.drapeau('--force')).toBe(true);
    expect(o.positionnels).toEqual(['s.json', '-fichier.json']);
    expect(lireOptions('simulate', ['--output', 'b.xlsx'], DECL).valeur('-o')).toBe('b.xlsx');
    expect(lireOptions('simulate', ['-h'], DECL).aide).toBe(true);
  });

  test('option inconnue : nommée, la plus proche suggérée, les options de la commande listées', () => {
    expect(refus(() => lireOptions('simulate', ['s.json', '--sorti', 'a.xlsx'], DECL))).toBe('option inconnue : --sorti (vouliez-vous dire --sortie ?) ; options de sip simulate : -o (--sortie), --feuille, --force');
    expect(refus(() => lireOptions('simulate', ['--vite'], DECL))).toBe('option inconnue : --vite ; options de sip simulate : -o (--sortie), --feuille, --force');
    expect(refus(() => lireOptions('verify', ['-x'], []))).toBe('option inconnue : -x ; sip verify ne prend aucune option');
  });

  test('valeur manquante, en trop, ou option donnée deux fois', () => {
    expect(refus(() => lireOptions('simulate', ['s.json', '-o'], DECL))).toBe('-o : valeur attendue (ex. -o simulation.xlsx)');
    expect(refus(() => lireOptions('simulate', ['s.json', '-o', '--force'], DECL))).toBe('-o : valeur attendue (ex. -o simulation.xlsx)');
    expect(refus(() => lireOptions('simulate', ['--feuille='], DECL))).toBe('--feuille : valeur attendue (ex. --feuille Simulation)');
    expect(refus(() => lireOptions('simulate', ['--force=oui'], DECL))).toBe('--force ne prend pas de valeur (reçu : « oui »)');
    expect(refus(() => lireOptions('simulate', ['-o', 'a.xlsx', '--sortie', 'b.xlsx'], DECL))).toBe('-o donnée deux fois ; une seule valeur attendue');
  });
});

describe('conversions', () => {
  test('dates JJ/MM/AAAA et AAAA-MM-JJ, entre le 01/03/1900 et le 31/12/2100', () => {
    expect(lireDateOption('15/01/2025', '--date')).toBe('2025-01-15');
    expect(lireDateOption('5/1/2025', '--date')).toBe('2025-01-05');
    expect(lireDateOption('2025-01-15', '--date')).toBe('2025-01-15');
    expect(lireDateOption('31/12/2100', '--date')).toBe('2100-12-31');
    const attendu = (recu: string) => `--date : date JJ/MM/AAAA ou AAAA-MM-JJ attendue, entre le 01/03/1900 et le 31/12/2100 (reçu : « ${recu} »)`;
    for (const d of ['31/02/2025', '2025-13-01', '15-01-2025', 'demain', '01/01/2101', '28/02/1900']) expect(refus(() => lireDateOption(d, '--date'))).toBe(attendu(d));
  });

  test('-o : un nom de fichier .xlsx', () => {
    expect(lireCheminXlsx('sortie/Programme.XLSX', '-o')).toBe('sortie/Programme.XLSX');
    for (const f of ['sortie.xls', 'sortie', 'sortie.xlsx.bak', 'dossier/.xlsx']) expect(refus(() => lireCheminXlsx(f, '-o'))).toBe(`-o : nom de fichier se terminant par .xlsx attendu (reçu : « ${f} »)`);
  });

  test('--feuille : règles d’Excel pour un nom de feuille', () => {
    expect(lireNomFeuille('Simulation 2026 (CDS)', '--feuille')).toBe('Simulation 2026 (CDS)');
    expect(lireNomFeuille('x'.repeat(31), '--feuille')).toBe('x'.repeat(31));
    expect(lireNomFeuille("L'Hermine", '--feuille')).toBe("L'Hermine");
    const cas: [string, string][] = [
      ['', '--feuille : nom de feuille vide : 1 à 31 caractères attendus'],
      ['x'.repeat(32), '--feuille : 31 caractères au plus pour un nom de feuille Excel (reçu : 32 caractères)'],
      ...[':', '\\', '/', '?', '*', '[', ']'].map((c): [string, string] => [`Sim${c}2026`, `--feuille : le caractère « ${c} » est interdit dans un nom de feuille Excel (interdits : : \\ / ? * [ ]) (reçu : « Sim${c}2026 »)`]),
      ["'Sim", "--feuille : un nom de feuille Excel ne peut ni commencer ni finir par une apostrophe (') (reçu : « 'Sim »)"],
      ["Sim'", "--feuille : un nom de feuille Excel ne peut ni commencer ni finir par une apostrophe (') (reçu : « Sim' »)"],
      ['Historique', '--feuille : « Historique » est un nom réservé par Excel (historique des modifications)'],
      ['history', '--feuille : « history » est un nom réservé par Excel (historique des modifications)'],
      ['_sip_provenance', '--feuille : les noms commençant par « _sip_prov » sont réservés à la provenance des simulations (reçu : « _sip_provenance »)'],
    ];
    for (const [nom, message] of cas) expect(refus(() => lireNomFeuille(nom, '--feuille'))).toBe(message);
    expect(refus(() => lireNomFeuille('Sim\u0007', '--feuille'))).toBe('--feuille : caractère de contrôle U+0007 en position 4 interdit dans un nom de feuille (reçu : « Sim[U+0007] »)');
  });
});

describe('de bout en bout : chaque commande nomme l’option inconnue ou la valeur manquante', () => {
  test.each([
    [['simulate', 'examples/centre-de-sante.json', '--sorti', 'x.xlsx'], 'sip simulate : option inconnue : --sorti (vouliez-vous dire --sortie ?) ; options de sip simulate : -o (--sortie), --feuille, --force, --json, --bareme, --signer'],
    [['simulate', 'examples/centre-de-sante.json', '-o'], 'sip simulate : -o : valeur attendue (ex. -o simulation.xlsx)'],
    [['simulate', 'examples/centre-de-sante.json', '-o', 'simulation.xls'], 'sip simulate : -o : nom de fichier se terminant par .xlsx attendu (reçu : « simulation.xls »)'],
    [['simulate', 'examples/centre-de-sante.json', '-o', 'x.xlsx', '--feuille', 'Sim/2026'], 'sip simulate : --feuille : le caractère « / » est interdit dans un nom de feuille Excel (interdits : : \\ / ? * [ ]) (reçu : « Sim/2026 »)'],
    [['verify', 'a.xlsx', '--jsn'], 'sip verify : option inconnue : --jsn (vouliez-vous dire --json ?) ; options de sip verify : --json, --confiance'],
    [['programme', 'examples/candidatures-sip.json', '--enveloppe'], 'sip programme : --enveloppe : valeur attendue (ex. --enveloppe 250000)'],
    [['programme', 'examples/candidatures-sip.json', '--enveloppe', '1', '--date', '2023-02-30'], 'sip programme : --date : date JJ/MM/AAAA ou AAAA-MM-JJ attendue, entre le 01/03/1900 et le 31/12/2100 (reçu : « 2023-02-30 »)'],
    [['programme', 'examples/candidatures-sip.json', '--enveloppe', '1', '-o', 'programme.csv'], 'sip programme : -o : nom de fichier se terminant par .xlsx attendu (reçu : « programme.csv »)'],
    [['programme', 'examples/candidatures-sip.json', '--enveloppe', '1', '--annee', '2101'], 'sip programme : --annee : entier entre 1900 et 2100 attendu (reçu : « 2101 »)'],
    [['explain', '=SIP.CAI(1,5)', '--dat', '15/01/2025'], 'sip explain : option inconnue : --dat (vouliez-vous dire --date ?) ; options de sip explain : --bareme, --sources, --locale, --date, --explain'],
    [['explain', '=SIP.CAI(1,5)', '--date', '32/01/2025'], 'sip explain : --date : date JJ/MM/AAAA ou AAAA-MM-JJ attendue, entre le 01/03/1900 et le 31/12/2100 (reçu : « 32/01/2025 »)'],
  ])('%p', async (argv, message) => {
    const r = await lancer(...(argv as string[]));
    expect(r.code).toBe(2);
    expect(r.err[0]).toBe(message);
    expect(r.err[1]).toMatch(/^Usage : sip /);
    expect(r.out).toEqual([]);
  });

  test('--date JJ/MM/AAAA = --date AAAA-MM-JJ (programme, explain)', async () => {
    const fr = await lancer('programme', 'examples/candidatures-sip.json', '--enveloppe', '250000', '--date', '01/01/2023', '--json');
    const iso = await lancer('programme', 'examples/candidatures-sip.json', '--enveloppe', '250000', '--date', '2023-01-01', '--json');
    expect(fr.code).toBe(0);
    expect(JSON.parse(fr.out.join('\n')).appel.dateBareme).toBe('2023-01-01');
    expect(fr.out).toEqual(iso.out);
    const e1 = await lancer('explain', '=SIP.PLAFOND(12)', '--date', '15/01/2025');
    const e2 = await lancer('explain', '=SIP.PLAFOND(12)', '--date', '2025-01-15');
    expect(e1.code).toBe(0);
    expect(e1.out).toEqual(e2.out);
  });

  test('--help : l’usage sur la sortie standard, code 0', async () => {
    for (const c of ['simulate', 'verify', 'programme', 'explain']) {
      const r = await lancer(c, '--help');
      expect([c, r.code]).toEqual([c, 0]);
      expect(r.out.join('\n')).toMatch(new RegExp(`Usage : sip ${c}`));
    }
  });
});

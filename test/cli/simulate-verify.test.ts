// `sip simulate` et `sip verify` de bout en bout (fichiers réels dans un dossier temporaire).
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import ExcelJS from 'exceljs';
import { main } from '../../src/cli/main';
import { Io } from '../../src/cli/io';
import { ZONES } from '../../src/rules/regles/zonage';

const RACINE = path.resolve(__dirname, '../..');
let dossier: string;
beforeEach(() => {
  dossier = fs.mkdtempSync(path.join(os.tmpdir(), 'sip-cli-'));
});
afterEach(() => fs.rmSync(dossier, { recursive: true, force: true }));

function io(): Io & { sortie: string[]; erreurs: string[] } {
  const sortie: string[] = [];
  const erreurs: string[] = [];
  return { out: (t) => sortie.push(t), err: (t) => erreurs.push(t), cwd: dossier, aujourdhui: '2026-11-23', sortie, erreurs };
}

test('sip simulate examples/centre-de-sante.json -o simulation.xlsx puis sip verify : code 0, totaux affichés', async () => {
  const a = io();
  expect(await main(['simulate', path.join(RACINE, 'examples/centre-de-sante.json'), '-o', 'simulation.xlsx'], a)).toBe(0);
  // Chaque total une fois, lu dans le grand livre (calculs à la main : test/rules/versements.test.ts ;
  // plus de COSCO : signé le 01/09/2026, après la fin du régime des contrats au 31/12/2025).
  const resume = a.sortie.join('\n').replace(/\u00a0/g, ' ');
  expect(resume).toContain('Total Assurance Maladie (CPAM) : 119 175,00 € (année 1 : 54 425,00 € ; année 2 : 32 375,00 € ; année 3 : 32 375,00 €)');
  expect(resume).toContain('Total Agence régionale de santé (ARS) : 52 440,00 € (année 1 : 29 136,00 € ; année 2 : 23 304,00 € ; année 3 : 0,00 €)');
  expect(resume).toContain('Total des aides : 171 615,00 €');
  expect(a.sortie.filter((t) => t.includes('Total')).length).toBe(3);
  expect(fs.readdirSync(dossier)).toEqual(['simulation.xlsx']);
  // Un fichier existant n'est remplacé qu'avec --force.
  const avant = fs.readFileSync(path.join(dossier, 'simulation.xlsx'));
  const b = io();
  expect(await main(['simulate', path.join(RACINE, 'examples/centre-de-sante.json'), '-o', 'simulation.xlsx'], b)).toBe(2);
  expect(b.erreurs[0]).toBe('sip simulate : simulation.xlsx existe déjà ; ajoutez --force pour le remplacer');
  expect(fs.readFileSync(path.join(dossier, 'simulation.xlsx')).equals(avant)).toBe(true);
  expect(await main(['simulate', path.join(RACINE, 'examples/centre-de-sante.json'), '-o', 'simulation.xlsx', '--force'], io())).toBe(0);
  const v = io();
  expect(await main(['verify', 'simulation.xlsx'], v)).toBe(0);
  const [, n, conformes] = /(\d+) formules vérifiées : (\d+) conformes/.exec(v.sortie.join('\n')) ?? [];
  expect(Number(n)).toBeGreaterThanOrEqual(240);
  expect(conformes).toBe(n);
  expect(v.sortie.at(-1)).toBe('Résultat : tout concorde.');
});

test('sip simulate --json : totaux par financeur et par année, puis chaque versement, sans écrire de fichier', async () => {
  const a = io();
  expect(await main(['simulate', path.join(RACINE, 'examples/msp-sip.json'), '--json'], a)).toBe(0);
  expect(fs.readdirSync(dossier)).toEqual([]);
  const j = JSON.parse(a.sortie.join('\n'));
  // SIP 21 600 + 5 400 ; ACI 12 000 puis 6 722,60 + 14 910 (test/rules/versements.test.ts).
  expect(j.totaux).toEqual({
    ARS: { annees: [27000, 0], total: 27000 },
    CPAM: { annees: [12000, 21632.6], total: 33632.6 },
    AIDES: { annees: [39000, 21632.6], total: 60632.6 },
  });
  expect(j.versements.map((v: { id: string; date: string; montant: number }) => [v.id, v.date, v.montant])).toEqual([
    ['sip.1', '2026-04-01', 21600],
    ['aci.2026.avance', '2026-07-01', 12000],
    ['sip.2', '2027-02-01', 5400],
    ['aci.2026.solde', '2027-04-30', 6722.6],
    ['aci.2027.avance', '2027-04-30', 14910],
  ]);
  expect(j.versements[0]).toMatchObject({ aide: 'SIP', financeur: 'ARS', regle: { id: 'sip.versement' }, statut: 'hypothese' });
});

test('sip verify --json : rapport machine ; code 1 quand une valeur en cache est retouchée', async () => {
  await main(['simulate', path.join(RACINE, 'examples/msp-sip.json'), '-o', 'msp.xlsx'], io());
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(path.join(dossier, 'msp.xlsx'));
  const ws = wb.getWorksheet('Simulation')!;
  let cible = '';
  ws.eachRow((r) => r.eachCell((c) => {
    if (!cible && c.formula?.startsWith('_xldudf_SIP_VERSEMENT(') && c.formula.includes(',1,')) cible = c.address;
  }));
  expect(cible).not.toBe('');
  ws.getCell(cible).value = { formula: ws.getCell(cible).formula, result: 32000 } as ExcelJS.CellFormulaValue;
  await wb.xlsx.writeFile(path.join(dossier, 'msp.xlsx'));
  const v = io();
  expect(await main(['verify', 'msp.xlsx', '--json'], v)).toBe(1);
  const r = JSON.parse(v.sortie.join('\n'));
  expect(r.ok).toBe(false);
  const ecarts = r.simulations[0].cellules.filter((c: { constats: string[] }) => c.constats[0] !== 'conforme');
  expect(ecarts).toEqual([expect.objectContaining({ adresse: cible, constats: ['valeur_differente'], valeurEnCache: 32000, valeurRecalculee: 21600 })]);
});

test('scénario invalide : erreurs précises (chemin, attendu), aucun fichier écrit, code 1', async () => {
  const s = JSON.parse(fs.readFileSync(path.join(RACINE, 'examples/centre-de-sante.json'), 'utf8'));
  s.medecins[1].quotite = 1.5;
  s.centre.zone = 'ZRR';
  s.medecins[2].conges[0].fin = '2026-13-01';
  delete s.simulation.horizonAnnees;
  fs.writeFileSync(path.join(dossier, 'faux.json'), JSON.stringify(s));
  const a = io();
  expect(await main(['simulate', 'faux.json', '-o', 'simulation.xlsx'], a)).toBe(1);
  expect(a.erreurs).toEqual(expect.arrayContaining([
    '  médecin n° 2, quotite : nombre dans ]0 ; 1] attendu (reçu : 1,5)',
    `  centre.zone : l’une des valeurs ${ZONES.join(', ')} attendu (reçu : « ZRR »)`,
    '  congé n° 1 du médecin n° 3, fin : date AAAA-MM-JJ attendu (reçu : « 2026-13-01 »)',
    '  simulation.horizonAnnees : entier dans [1 ; 10] attendu (reçu : rien)',
  ]));
  expect(a.erreurs[0]).toMatch(/scénario invalide \(4 erreurs\).*aucun fichier écrit/);
  expect(fs.readdirSync(dossier)).toEqual(['faux.json']);
});

test('JSON illisible, fichier absent, usage : messages clairs', async () => {
  fs.writeFileSync(path.join(dossier, 'casse.json'), '{ "version": 1,');
  const a = io();
  expect(await main(['simulate', 'casse.json', '-o', 'x.xlsx'], a)).toBe(1);
  expect(a.erreurs[0]).toBe('sip simulate : casse.json n’est pas un JSON valide : ligne 1, colonne 16 : fin du fichier inattendue : « } » manquant');
  const b = io();
  expect(await main(['simulate', 'absent.json', '-o', 'x.xlsx'], b)).toBe(2);
  expect(b.erreurs[0]).toBe('sip simulate : absent.json : fichier introuvable');
  const c = io();
  expect(await main(['simulate', 'casse.json'], c)).toBe(2);
  expect(c.erreurs[0]).toBe('sip simulate : -o simulation.xlsx (classeur) ou --json (totaux) attendu');
  expect(c.erreurs[1]).toMatch(/^Usage : sip simulate/);
  const d = io();
  fs.writeFileSync(path.join(dossier, 'pas-un-classeur.xlsx'), 'bonjour');
  expect(await main(['verify', 'pas-un-classeur.xlsx'], d)).toBe(2);
  expect(d.erreurs[0]).toBe('sip verify : pas-un-classeur.xlsx n’est pas un classeur .xlsx lisible (fichier trop court pour être un zip)');
  expect(fs.readdirSync(dossier).sort()).toEqual(['casse.json', 'pas-un-classeur.xlsx']);
});

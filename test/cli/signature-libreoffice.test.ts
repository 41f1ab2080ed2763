// Ré-enregistrement honnête par un vrai tableur (issue 14, point 3) : un classeur écrit et signé par
// `sip simulate --signer`, ouvert et enregistré par LibreOffice Calc (booléens en TRUE()/FALSE(),
// fonctions du complément en minuscules, formats réécrits, #N/A recalculé en #NOM?), se vérifie
// toujours : « signé par ARS Bretagne (clé …), intact », ré-enregistré par LibreOffice. Une seule
// conversion (5 à 10 s). Sauté seulement si soffice est absent ET hors CI.
import { execFileSync, spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { main } from '../../src/cli/main';
import { Io } from '../../src/cli/io';
import { parties, texte, cheminFeuille } from '../workbook/forge-xlsx';

const RACINE = path.resolve(__dirname, '../..');
const soffice = (() => {
  const r = spawnSync('sh', ['-c', 'command -v soffice || command -v libreoffice'], { encoding: 'utf8' });
  return r.status === 0 && r.stdout.trim() ? r.stdout.trim() : null;
})();
const testLo = soffice || process.env.CI ? test : test.skip;

let dossier: string;
async function lancer(...argv: string[]) {
  const sortie: string[] = [];
  const erreurs: string[] = [];
  const io: Io = { out: (t) => sortie.push(t), err: (t) => erreurs.push(t), cwd: dossier, aujourdhui: '2026-11-24' };
  return { code: await main(argv, io), sortie, erreurs };
}

beforeAll(async () => {
  dossier = fs.mkdtempSync(path.join(os.tmpdir(), 'sip-lo-signe-'));
  if (!soffice) return;
  await lancer('cle', 'creer', '--organisme', 'ARS Bretagne', '-o', 'ars');
  await lancer('cle', 'creer', '--organisme', 'CPAM du Finistère', '-o', 'cpam');
  expect((await lancer('simulate', path.join(RACINE, 'examples/centre-de-sante.json'), '-o', 'signe.xlsx', '--signer', 'ars.cle')).code).toBe(0);
  execFileSync(soffice, [`-env:UserInstallation=file://${path.join(dossier, 'profil')}`, '--headless', '--norestore', '--convert-to', 'xlsx', '--outdir', path.join(dossier, 'lo'), path.join(dossier, 'signe.xlsx')], {
    env: { ...process.env, HOME: dossier }, timeout: 120_000, stdio: 'pipe',
  });
}, 180_000);
afterAll(() => fs.rmSync(dossier, { recursive: true, force: true }));

testLo('signé, ré-enregistré par LibreOffice : intact, et le rapport dit qui l’a ré-enregistré', async () => {
  const lo = fs.readFileSync(path.join(dossier, 'lo', 'signe.xlsx'));
  // C'est bien un ré-enregistrement : application, VRAI/FAUX en formules, fonctions du complément en minuscules.
  const p = parties(lo);
  expect(texte(p, 'docProps/app.xml')).toMatch(/<Application>LibreOffice/);
  const feuille = texte(p, cheminFeuille(p, 'Simulation'));
  expect(feuille).toMatch(/<f[^>]*>TRUE\(\)<\/f>/);
  expect(feuille).toMatch(/<f[^>]*>_xldudf_sip_cai\(/);
  const v = await lancer('verify', 'lo/signe.xlsx', '--confiance', 'ars.pub');
  expect(v.erreurs).toEqual([]);
  expect(v.code).toBe(0);
  expect(v.sortie).toContainEqual(expect.stringMatching(/^ {2}Ré-enregistrée par LibreOffice \d[\d.]* : formules, booléens et formats comparés par leur sens, non par leur texte$/));
  expect(v.sortie).toContainEqual(expect.stringMatching(/^ {2}Signature : signé par ARS Bretagne \(clé [0-9a-f ]{19}\), intact \(ré-enregistré par LibreOffice \d[\d.]*\)$/));
  expect(v.sortie.at(-1)).toMatch(/^Résultat : signé par ARS Bretagne \(clé [0-9a-f ]{19}\), intact\.$/);
}, 60_000);

testLo('un classeur ré-enregistré par LibreOffice se signe aussi (sip signer), et se vérifie', async () => {
  expect((await lancer('signer', 'lo/signe.xlsx', '--cle', 'cpam.cle', '-o', 'cpam.xlsx')).code).toBe(0);
  const v = await lancer('verify', 'cpam.xlsx', '--confiance', 'cpam.pub');
  expect(v.code).toBe(0);
  expect(v.sortie.at(-1)).toMatch(/^Résultat : signé par CPAM du Finistère \(clé [0-9a-f ]{19}\), intact\.$/);
}, 60_000);

// Test navigateur de la vue « Programme SIP de l'année » : la vraie page du volet (bundle webpack, CSP)
// dans Chromium sans tête, avec le faux hôte Office (test/browser/faux-office.js). On ouvre l'onglet,
// on crée le modèle de tableau, on le remplit avec l'exemple, on le lit, on saisit l'enveloppe, puis on
// écrit la feuille « Programme SIP ». Capture : test/artifacts/volet-programme.png.
import * as fs from 'fs';
import * as http from 'http';
import type { AddressInfo } from 'net';
import * as os from 'os';
import * as path from 'path';
import { chromium, type Browser } from 'playwright-core';
import { construireVolet, RACINE } from '../../browser/construire-volet';
import { valeursExemple } from './aides-programme';

jest.setTimeout(90_000);

const CHROMIUM = '/usr/bin/chromium';
const OFFICE_JS = 'https://appsforoffice.microsoft.com/lib/1/hosted/office.js';
const ARTEFACTS = path.join(RACINE, 'test/artifacts');

let serveur: http.Server;
let url: string;
let navigateur: Browser;
let dossier: string;

beforeAll(async () => {
  if (!fs.existsSync(CHROMIUM)) throw new Error(`Chromium absent (${CHROMIUM}) : lancez « bash scripts/setup.sh »`);
  dossier = fs.mkdtempSync(path.join(os.tmpdir(), 'volet-programme-'));
  await construireVolet(dossier);
  const bundle = fs.readFileSync(path.join(dossier, 'taskpane.js'), 'utf8');
  for (const interdit of ['node_modules/hyperformula/', 'node_modules/exceljs/', 'node_modules/@resvg/']) expect(bundle.includes(interdit)).toBe(false);
  expect(bundle.includes('src/taskpane/programme/VueProgramme.tsx')).toBe(true);
  serveur = http.createServer((req, res) => {
    const fichier = path.join(dossier, decodeURIComponent((req.url ?? '/').split('?')[0]));
    if (!fichier.startsWith(dossier) || !fs.existsSync(fichier) || fs.statSync(fichier).isDirectory()) {
      res.writeHead(404).end();
      return;
    }
    const type = fichier.endsWith('.html') ? 'text/html; charset=utf-8' : fichier.endsWith('.js') ? 'text/javascript; charset=utf-8' : 'application/octet-stream';
    res.writeHead(200, { 'Content-Type': type }).end(fs.readFileSync(fichier));
  });
  await new Promise<void>((ok) => serveur.listen(0, '127.0.0.1', ok));
  url = `http://127.0.0.1:${(serveur.address() as AddressInfo).port}/taskpane.html`;
  navigateur = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    env: { ...process.env, LANGUAGE: 'fr', LANG: 'fr_FR.UTF-8' },
    args: ['--lang=fr-FR', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  fs.mkdirSync(ARTEFACTS, { recursive: true });
});

afterAll(async () => {
  await navigateur?.close();
  await new Promise((ok) => (serveur ? serveur.close(ok) : ok(undefined)));
  if (dossier) fs.rmSync(dossier, { recursive: true, force: true });
});

it('onglet Programme SIP : modèle, lecture du tableau, classement à 250 000 €, écriture de la feuille', async () => {
  const contexte = await navigateur.newContext({ viewport: { width: 400, height: 1400 }, locale: 'fr-FR' });
  const page = await contexte.newPage();
  const exterieures: string[] = [];
  const erreurs: string[] = [];
  page.on('pageerror', (e) => erreurs.push(String(e)));
  page.on('console', (m) => { if (m.type() === 'error') erreurs.push(m.text()); });
  await page.route('**/*', async (route) => {
    const u = route.request().url();
    if (u === OFFICE_JS) await route.fulfill({ status: 200, contentType: 'text/javascript', body: fs.readFileSync(path.join(RACINE, 'test/browser/faux-office.js'), 'utf8') });
    else if (u.startsWith('http://127.0.0.1:')) await route.continue();
    else {
      exterieures.push(u);
      await route.abort();
    }
  });
  await page.goto(url);
  await page.getByRole('heading', { name: 'Simulation d’un centre' }).waitFor();
  await page.getByRole('tab', { name: 'Programme SIP de l’année' }).click();
  await page.getByRole('heading', { name: 'Programme SIP de l’année' }).waitFor();

  await page.getByRole('button', { name: 'Créer un modèle de tableau de candidatures' }).click();
  await page.getByText('Tableau de candidatures vide écrit sur la nouvelle feuille « Candidatures »', { exact: false }).waitFor();
  // L'utilisateur remplit le modèle (lignes 5 à 18) avec les candidatures de l'exemple.
  await page.evaluate((lignes) => {
    lignes.forEach((l, i) => l.forEach((v, k) => (window as any).__fauxExcel.ecrireUtilisateur('Candidatures', `${'ABCDEFGHI'[k]}${5 + i}`, v)));
  }, valeursExemple().slice(1));
  await page.getByRole('button', { name: 'Lire le tableau de la feuille active' }).click();
  await page.getByText('14 candidatures sur la feuille « Candidatures ».').waitFor();

  await page.getByLabel('Année de l’appel').fill('2023');
  await page.getByLabel('Enveloppe annuelle').fill('250000');
  await page.getByLabel('Enveloppe annuelle').blur();
  expect(await page.getByLabel('Enveloppe annuelle').inputValue()).toBe('250 000');
  await page.locator('tr[data-decision="financee"]').first().waitFor();
  expect(await page.locator('tr[data-decision="financee"]').count()).toBe(8);
  expect(await page.locator('tr[data-decision="attente"]').count()).toBe(2);
  expect(await page.locator('tr[data-decision="non_eligible"]').count()).toBe(4);
  expect((await page.locator('[data-total="attribue"]').textContent())?.replace(/\u00a0/g, ' ')).toBe('240 500,57 €');
  await page.screenshot({ path: path.join(ARTEFACTS, 'volet-programme.png'), fullPage: true });

  const avant = await page.evaluate(() => ({ ...(window as any).__fauxExcel.journal }));
  await page.getByRole('button', { name: 'Écrire la feuille Programme SIP' }).click();
  await page.getByText('Feuille « Programme SIP » écrite', { exact: false }).waitFor();
  const apres = await page.evaluate(() => ({ ...(window as any).__fauxExcel.journal }));
  // feuilleExiste (1 run, 1 sync) puis l'écriture (1 run, 2 sync).
  expect([apres.runs - avant.runs, apres.syncs - avant.syncs]).toEqual([2, 3]);
  const feuilles = await page.evaluate(() => (window as any).__fauxExcel.etat()) as { nom: string; cellules: Record<string, { formule: string | null; valeur: unknown }> }[];
  expect(feuilles.map((f) => f.nom)).toEqual(['Feuil1', 'Candidatures', 'Programme SIP']);
  const programme = feuilles.find((f) => f.nom === 'Programme SIP')!;
  expect(programme.cellules.L15.formule).toBe('=SIP.AIDE(D15,C15,$B$9)');
  expect(programme.cellules.N29.formule).toBe('=SUM(N15:N28)');
  expect(programme.cellules.B6.valeur).toBe(250000);
  expect(erreurs).toEqual([]);
  expect(exterieures).toEqual([]);
  await contexte.close();
});

// La page du runtime partagé construite (taskpane.html), ouverte dans Chromium sans tête avec sa
// Content-Security-Policy : Office.js (le faux hôte Office des tests, test/browser/faux-office.js,
// servi à l'adresse du CDN) puis les deux bundles se
// chargent sans violation, les fonctions sont associées et le runtime demande à se charger avec
// le document ; le volet React se monte dans #racine.
import * as fs from 'fs';
import * as http from 'http';
import * as path from 'path';
import { AddressInfo } from 'net';
import { chromium, Browser } from 'playwright-core';
import { CATALOGUE } from '../../src/catalogue/fonctions';
import { fauxOfficeJs } from '../browser/volet-navigateur';
import { construire } from './construction';

const TYPES: Record<string, string> = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.json': 'application/json', '.png': 'image/png', '.map': 'application/json' };

let serveur: http.Server;
let adresse: string;
let navigateur: Browser;

beforeAll(async () => {
  const { dossier } = construire();
  serveur = http.createServer((req, res) => {
    const relatif = decodeURIComponent((req.url ?? '/').split('?')[0]).replace(/^\/+/, '');
    const chemin = path.resolve(dossier, relatif);
    if (!chemin.startsWith(dossier + path.sep) || !fs.existsSync(chemin) || !fs.statSync(chemin).isFile()) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { 'Content-Type': TYPES[path.extname(chemin)] ?? 'application/octet-stream' }).end(fs.readFileSync(chemin));
  });
  await new Promise<void>((ok) => serveur.listen(0, '127.0.0.1', ok));
  adresse = `http://127.0.0.1:${(serveur.address() as AddressInfo).port}`;
  navigateur = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    // (playwright lance Chromium avec un profil neuf et temporaire)
  });
}, 300_000);

afterAll(async () => {
  await navigateur?.close();
  await new Promise((ok) => serveur?.close(ok));
});

test('la page se charge sous sa CSP, associe les fonctions et monte le volet', async () => {
  const page = await navigateur.newPage();
  const problemes: string[] = [];
  const externes: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error' || /Content Security Policy|Refused to/.test(m.text())) problemes.push(m.text());
  });
  page.on('pageerror', (e) => problemes.push(e.message));
  await page.route('**/*', (route) => {
    const url = route.request().url();
    if (url === 'https://appsforoffice.microsoft.com/lib/1/hosted/office.js') return route.fulfill({ contentType: 'text/javascript', body: fauxOfficeJs() });
    if (!url.startsWith(adresse)) {
      externes.push(url);
      return route.abort();
    }
    return route.continue();
  });
  await page.goto(`${adresse}/taskpane.html`);
  await page.waitForFunction(() => (document.getElementById('racine')?.childElementCount ?? 0) > 0, undefined, { timeout: 20_000 });
  const etat = await page.evaluate(() => {
    const faux = (window as unknown as { __fauxExcel: { fonctions: Map<string, (...a: unknown[]) => unknown>; demarrage: string[] } }).__fauxExcel;
    const plafond = faux.fonctions.get('SIP_PLAFOND')!;
    const cai = faux.fonctions.get('SIP_CAI') as (...a: unknown[]) => { code: string; message: string };
    return { associes: [...faux.fonctions.keys()], demarrage: faux.demarrage, plafond: plafond(12, null, {}), erreur: { ...cai(-1, null, null, {}) } };
  });
  expect(etat.associes).toEqual(CATALOGUE.map((f) => f.id));
  expect(etat.demarrage).toEqual(['Load']);
  // Le moteur dans le navigateur (décimal, barème) : mêmes nombres que sous Node.
  expect(etat.plafond).toBe(27000);
  expect(etat.erreur).toEqual({ code: '#NUM!', message: 'etp : nombre ≥ 0 attendu (reçu : -1)' });
  expect(problemes).toEqual([]);
  expect(externes).toEqual([]);
  await page.close();
});

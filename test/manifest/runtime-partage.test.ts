// La page du runtime partagé construite (taskpane.html), ouverte dans Chromium sans tête avec sa
// Content-Security-Policy : Office.js (doublure servie à l'adresse du CDN) puis les deux bundles se
// chargent sans violation, les fonctions sont associées et le runtime demande à se charger avec
// le document ; le volet React se monte dans #racine.
import * as fs from 'fs';
import * as http from 'http';
import * as path from 'path';
import { AddressInfo } from 'net';
import { chromium, Browser } from 'playwright-core';
import { CATALOGUE } from '../../src/catalogue/fonctions';
import { construire } from './construction';

const TYPES: Record<string, string> = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.json': 'application/json', '.png': 'image/png', '.map': 'application/json' };

const DOUBLURE_OFFICE = `
  window.__sip = { associes: [], demarrage: [] };
  window.CustomFunctions = {
    associate: function (id, f) { window.__sip.associes.push(id); window.__sip[id] = f; },
    Error: function (code, message) { this.code = code; this.message = message; },
    ErrorCode: { invalidValue: '#VALUE!', invalidNumber: '#NUM!', notAvailable: '#N/A' }
  };
  window.Office = {
    onReady: function (rappel) { var info = { host: 'Excel', platform: 'OfficeOnline' }; setTimeout(function () { if (rappel) rappel(info); }, 0); return Promise.resolve(info); },
    context: { requirements: { isSetSupported: function (nom) { return nom === 'SharedRuntime'; } } },
    StartupBehavior: { load: 'Load', none: 'None' },
    addin: { setStartupBehavior: function (b) { window.__sip.demarrage.push(b); return Promise.resolve(); } },
    HostType: { Excel: 'Excel' }
  };
`;

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
    if (url === 'https://appsforoffice.microsoft.com/lib/1/hosted/office.js') return route.fulfill({ contentType: 'text/javascript', body: DOUBLURE_OFFICE });
    if (!url.startsWith(adresse)) {
      externes.push(url);
      return route.abort();
    }
    return route.continue();
  });
  await page.goto(`${adresse}/taskpane.html`);
  await page.waitForFunction(() => (document.getElementById('racine')?.childElementCount ?? 0) > 0, undefined, { timeout: 20_000 });
  const etat = await page.evaluate(() => {
    const sip = (window as unknown as { __sip: Record<string, unknown> & { associes: string[]; demarrage: string[] } }).__sip;
    const plafond = sip.SIP_PLAFOND as (...a: unknown[]) => unknown;
    const cai = sip.SIP_CAI as (...a: unknown[]) => { code: string; message: string };
    return { associes: sip.associes, demarrage: sip.demarrage, plafond: plafond(12, null, {}), erreur: { ...cai(-1, null, null, {}) } };
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

// Outils communs des tests navigateur du volet : construire la vraie page (webpack du projet), la
// servir sur 127.0.0.1, lancer Chromium (Debian) sans tête, et ouvrir une page où Office.js est
// remplacé par le faux hôte (test/browser/faux-office.js) et tout autre appel extérieur refusé et noté ;
// ou, pour la page ouverte hors d'Office, par le vrai Office.js (copie locale) ou rien.
import * as fs from 'fs';
import * as http from 'http';
import type { AddressInfo } from 'net';
import * as os from 'os';
import * as path from 'path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { construireVolet, RACINE } from './construire-volet';

const CHROMIUM = '/usr/bin/chromium';
const CDN_OFFICE = 'https://appsforoffice.microsoft.com/lib/1/hosted/';
const OFFICE_JS = `${CDN_OFFICE}office.js`;
/** Le vrai Office.js (paquet @microsoft/office-js), servi à l'adresse du CDN sans réseau. */
const OFFICE_JS_LOCAL = path.join(RACINE, 'node_modules/@microsoft/office-js/dist');
export const ARTEFACTS = path.join(RACINE, 'test/artifacts');

export interface VoletServi {
  url: string;
  navigateur: Browser;
  /** Le bundle du volet construit (texte), pour vérifier ce qu'il contient. */
  bundle: string;
  fermer(): Promise<void>;
}

export async function servirVolet(prefixe: string): Promise<VoletServi> {
  const dossier = fs.mkdtempSync(path.join(os.tmpdir(), prefixe));
  await construireVolet(dossier);
  const bundle = fs.readFileSync(path.join(dossier, 'taskpane.js'), 'utf8');
  const serveur = http.createServer((req, res) => {
    const fichier = path.join(dossier, decodeURIComponent((req.url ?? '/').split('?')[0]));
    if (!fichier.startsWith(dossier) || !fs.existsSync(fichier) || fs.statSync(fichier).isDirectory()) {
      res.writeHead(404).end();
      return;
    }
    const type = fichier.endsWith('.html') ? 'text/html; charset=utf-8' : fichier.endsWith('.js') ? 'text/javascript; charset=utf-8' : 'application/octet-stream';
    res.writeHead(200, { 'Content-Type': type }).end(fs.readFileSync(fichier));
  });
  await new Promise<void>((ok) => serveur.listen(0, '127.0.0.1', ok));
  const url = `http://127.0.0.1:${(serveur.address() as AddressInfo).port}/taskpane.html`;
  const navigateur = await lancerChromium();
  fs.mkdirSync(ARTEFACTS, { recursive: true });
  return {
    url,
    navigateur,
    bundle,
    fermer: async () => {
      await navigateur.close();
      await new Promise((ok) => serveur.close(ok));
      fs.rmSync(dossier, { recursive: true, force: true });
    },
  };
}

export interface PageVolet {
  page: Page;
  /** Adresses hors de 127.0.0.1 demandées par la page (refusées). */
  exterieures: string[];
  /** Erreurs de la page et de la console. */
  erreurs: string[];
}

/** Le faux hôte Office (faux-office.js et ses deux modules) en un seul script, à la place d'Office.js. */
export function fauxOfficeJs(): string {
  return ['faux-classeur.js', 'faux-vues.js', 'faux-office.js'].map((f) => fs.readFileSync(path.join(__dirname, f), 'utf8')).join('\n');
}

/** Lance le Chromium de Debian sans tête, en français. */
export function lancerChromium(): Promise<Browser> {
  if (!fs.existsSync(CHROMIUM)) throw new Error(`Chromium absent (${CHROMIUM}) : lancez « sudo bash scripts/setup.sh »`);
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    // Chromium prend la langue de son interface (format des champs date) dans l'environnement.
    env: { ...process.env, LANGUAGE: 'fr', LANG: 'fr_FR.UTF-8' },
    args: ['--lang=fr-FR', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}

/**
 * Ouvre `url` comme dans un simple navigateur, hors d'Office, sans le faux hôte : Office.js est le
 * vrai (`officeJs: 'reel'`, copie locale du paquet @microsoft/office-js servie à l'adresse du CDN)
 * ou n'est pas joignable (`'injoignable'`). Toute autre adresse que `origine` est refusée et notée.
 */
export async function ouvrirHorsOffice(navigateur: Browser, url: string, officeJs: 'reel' | 'injoignable'): Promise<PageVolet> {
  const contexte = await navigateur.newContext({ viewport: { width: 400, height: 700 }, locale: 'fr-FR', ignoreHTTPSErrors: true });
  const page = await contexte.newPage();
  const exterieures: string[] = [];
  const erreurs: string[] = [];
  page.on('pageerror', (e) => erreurs.push(String(e)));
  const origine = new URL(url).origin;
  await page.route('**/*', async (route) => {
    const u = route.request().url();
    const fichier = u.startsWith(CDN_OFFICE) ? path.join(OFFICE_JS_LOCAL, u.slice(CDN_OFFICE.length).split('?')[0]) : null;
    if (fichier && officeJs === 'reel' && fichier.startsWith(OFFICE_JS_LOCAL) && fs.existsSync(fichier)) {
      await route.fulfill({ status: 200, contentType: 'text/javascript', body: fs.readFileSync(fichier) });
    } else if (u.startsWith(origine)) await route.continue();
    else {
      exterieures.push(u);
      await route.abort();
    }
  });
  await page.goto(url);
  return { page, exterieures, erreurs };
}

/** Ouvre la page du volet avec le faux hôte Office, au format d'un volet (largeur 400 px). */
export async function ouvrirVolet(v: VoletServi, hauteur: number): Promise<PageVolet> {
  const contexte = await v.navigateur.newContext({ viewport: { width: 400, height: hauteur }, locale: 'fr-FR' });
  const page = await contexte.newPage();
  const exterieures: string[] = [];
  const erreurs: string[] = [];
  page.on('pageerror', (e) => erreurs.push(String(e)));
  page.on('console', (m) => {
    if (m.type() === 'error') erreurs.push(m.text());
  });
  // Office.js : le faux hôte ; tout autre appel hors de 127.0.0.1 est refusé et noté (aucune télémétrie).
  await page.route('**/*', async (route) => {
    const u = route.request().url();
    if (u === OFFICE_JS) await route.fulfill({ status: 200, contentType: 'text/javascript', body: fauxOfficeJs() });
    else if (u.startsWith('http://127.0.0.1:')) await route.continue();
    else {
      exterieures.push(u);
      await route.abort();
    }
  });
  await page.goto(v.url);
  return { page, exterieures, erreurs };
}

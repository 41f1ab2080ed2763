// Outils communs des tests navigateur du volet : construire la vraie page (webpack du projet), la
// servir sur 127.0.0.1, lancer Chromium (Debian) sans tête, et ouvrir une page où Office.js est
// remplacé par le faux hôte (test/browser/faux-office.js) et tout autre appel extérieur refusé et noté.
import * as fs from 'fs';
import * as http from 'http';
import type { AddressInfo } from 'net';
import * as os from 'os';
import * as path from 'path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { construireVolet, RACINE } from './construire-volet';

const CHROMIUM = '/usr/bin/chromium';
const OFFICE_JS = 'https://appsforoffice.microsoft.com/lib/1/hosted/office.js';
export const ARTEFACTS = path.join(RACINE, 'test/artifacts');

export interface VoletServi {
  url: string;
  navigateur: Browser;
  /** Le bundle du volet construit (texte), pour vérifier ce qu'il contient. */
  bundle: string;
  fermer(): Promise<void>;
}

export async function servirVolet(prefixe: string): Promise<VoletServi> {
  if (!fs.existsSync(CHROMIUM)) throw new Error(`Chromium absent (${CHROMIUM}) : lancez « bash scripts/setup.sh »`);
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
  const navigateur = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    // Chromium prend la langue de son interface (format des champs date) dans l'environnement.
    env: { ...process.env, LANGUAGE: 'fr', LANG: 'fr_FR.UTF-8' },
    args: ['--lang=fr-FR', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
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
    if (u === OFFICE_JS) await route.fulfill({ status: 200, contentType: 'text/javascript', body: fs.readFileSync(path.join(__dirname, 'faux-office.js'), 'utf8') });
    else if (u.startsWith('http://127.0.0.1:')) await route.continue();
    else {
      exterieures.push(u);
      await route.abort();
    }
  });
  await page.goto(v.url);
  return { page, exterieures, erreurs };
}

// `npm start` de bout en bout (port libre, certificats produits sans toucher au magasin) : tout ce
// qu'il affiche est en français ; la page servie, ouverte dans Chromium hors d'Office avec le vrai
// Office.js, dit en français qu'elle fonctionne dans Excel, sans calque d'erreur de webpack ; et
// un signal au processus npm (SIGTERM, SIGINT, SIGHUP) ne laisse aucun serveur derrière lui.
import { spawn, spawnSync, type ChildProcess } from 'child_process';
import * as net from 'net';
import * as path from 'path';
import type { Browser } from 'playwright-core';
import { lancerChromium, ouvrirHorsOffice } from './volet-navigateur';

jest.setTimeout(240_000);

const RACINE = path.resolve(__dirname, '../..');

interface NpmStart {
  npm: ChildProcess;
  port: number;
  sortie: () => string;
}

function portLibre(): Promise<number> {
  return new Promise((ok) => {
    const s = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address() as net.AddressInfo;
      s.close(() => ok(port));
    });
  });
}

const ecoute = (port: number) =>
  new Promise<boolean>((ok) => {
    const c = net.connect(port, '127.0.0.1', () => {
      c.destroy();
      ok(true);
    });
    c.on('error', () => ok(false));
  });

async function attendre(condition: () => boolean | Promise<boolean>, ms: number, quoi: string, sortie: () => string): Promise<void> {
  const fin = Date.now() + ms;
  while (!(await condition())) {
    if (Date.now() > fin) throw new Error(`${quoi} : délai dépassé. Sortie de npm start :\n${sortie()}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

async function demarrer(groupePropre = false): Promise<NpmStart> {
  const port = await portLibre();
  let texte = '';
  const npm = spawn('npm', ['start', '--', '--port', String(port)], {
    cwd: RACINE,
    env: { ...process.env, SIP_CERTIFICATS: 'generer', FORCE_COLOR: '0' },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: groupePropre, // son propre groupe de processus, comme un travail du terminal
  });
  npm.stdout!.on('data', (d) => (texte += d));
  npm.stderr!.on('data', (d) => (texte += d));
  const sortie = () => texte;
  await attendre(() => ecoute(port), 60_000, 'le serveur n’écoute pas', sortie);
  return { npm, port, sortie };
}

/** Tous les descendants d'un processus (Linux). */
function descendants(pid: number): number[] {
  const r = spawnSync('ps', ['-e', '-o', 'pid=,ppid='], { encoding: 'utf8' }).stdout.trim().split('\n').map((l) => l.trim().split(/\s+/).map(Number));
  const enfants = (p: number): number[] => r.filter(([, pp]) => pp === p).flatMap(([c]) => [c, ...enfants(c)]);
  return enfants(pid);
}
const vivant = (pid: number) => {
  try {
    process.kill(pid, 0);
    return !spawnSync('ps', ['-o', 'stat=', '-p', String(pid)], { encoding: 'utf8' }).stdout.trim().startsWith('Z');
  } catch {
    return false;
  }
};

/** Envoie `signal` au processus npm seul, puis vérifie qu'il ne reste ni serveur ni processus. */
async function arreterPar(s: NpmStart, signal: NodeJS.Signals): Promise<number> {
  const tous = descendants(s.npm.pid!);
  expect(tous.length).toBeGreaterThan(0); // sh et node scripts/serve.js
  const debut = Date.now();
  s.npm.kill(signal);
  await attendre(async () => !(await ecoute(s.port)) && tous.every((p) => !vivant(p)), 10_000, `après ${signal}, le serveur tourne encore`, s.sortie);
  return Date.now() - debut;
}

let navigateur: Browser;
const lances: NpmStart[] = [];

beforeAll(async () => {
  navigateur = await lancerChromium();
});

afterAll(async () => {
  await navigateur?.close();
  for (const s of lances) for (const p of [s.npm.pid!, ...descendants(s.npm.pid!)]) if (vivant(p)) process.kill(p, 'SIGKILL');
});

/** Lignes d'anglais que des outils écrivaient : webpack-dev-server, webpack, office-addin-dev-certs. */
const ANGLAIS = /\[webpack-dev-server\]|<[iwe]> |Project is running|Loopback|webpack compiled|compiled (successfully|with)|developer certificates|have been generated|trusted access|\b(the|is|was|has|have|been|with|not|found|error|warning|running)\b/i;

it('npm start : français seulement, page hors d’Office sans calque d’erreur, arrêté par SIGTERM envoyé à npm', async () => {
  const s = await demarrer();
  lances.push(s);
  await attendre(() => /Construction terminée\.|La construction a échoué/.test(s.sortie()), 180_000, 'construction', s.sortie);
  const lignes = s.sortie().split('\n').filter((l) => l.trim() && !l.startsWith('> ')); // « > » : les deux lignes d'en-tête de npm
  expect(lignes.filter((l) => ANGLAIS.test(l))).toEqual([]);
  expect(s.sortie()).toContain(`Complément SIP servi sur https://localhost:${s.port}`);

  const { page, erreurs, exterieures } = await ouvrirHorsOffice(navigateur, `https://localhost:${s.port}/taskpane.html`, 'reel');
  await page.getByText('Ce volet fonctionne dans Excel').waitFor({ timeout: 30_000 });
  await page.waitForTimeout(1000); // un calque d'erreur apparaîtrait ici
  expect(await page.locator('[id^="webpack-dev-server-client-overlay"]').count()).toBe(0);
  expect(erreurs).toEqual([]);
  expect(exterieures).toEqual([]);
  await page.context().close();

  const ms = await arreterPar(s, 'SIGTERM');
  expect(s.sortie()).toContain('Arrêt du serveur');
  console.log(`npm start arrêté ${ms} ms après SIGTERM à npm`);
});

it.each(['SIGINT', 'SIGHUP'] as const)('npm start arrêté par %s envoyé au processus npm', async (signal) => {
  const s = await demarrer();
  lances.push(s);
  const ms = await arreterPar(s, signal);
  console.log(`npm start arrêté ${ms} ms après ${signal} à npm`);
});

it('suspendu puis repris (Ctrl+Z puis fg sur tout le groupe) : le serveur continue, puis s’arrête avec npm', async () => {
  const s = await demarrer(true);
  lances.push(s);
  await new Promise((r) => setTimeout(r, 1000));
  process.kill(-s.npm.pid!, 'SIGSTOP'); // Ctrl+Z (SIGTSTP) hors terminal serait ignoré : SIGSTOP suspend de même
  await new Promise((r) => setTimeout(r, 1000));
  process.kill(-s.npm.pid!, 'SIGCONT');
  await new Promise((r) => setTimeout(r, 2000));
  expect(await ecoute(s.port)).toBe(true);
  expect(s.sortie()).not.toContain('Arrêt du serveur');
  await arreterPar(s, 'SIGINT');
});

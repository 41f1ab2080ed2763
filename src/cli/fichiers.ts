// Écriture sûre des fichiers de la CLI (classeurs, clés) : aucun fichier partiel ni corrompu, même
// disque plein ; jamais à travers un lien symbolique ; un fichier existant n'est remplacé qu'avec --force.
//
// 1. La cible est examinée (lstat, sans suivre les liens) : un lien symbolique ou un dossier est refusé ;
//    un fichier existant aussi, sans --force.
// 2. Un fichier temporaire est créé dans le dossier de la cible, sous un nom aléatoire, de façon
//    exclusive et sans suivre de lien (O_CREAT | O_EXCL | O_NOFOLLOW : un lien posé à ce nom fait
//    échouer la création au lieu d'être suivi), avec le mode voulu (0o600 pour une clé privée).
// 3. Le contenu y est écrit (d'un bloc ou en flux), puis fsync : il est sur le disque.
// 4. Mise en place atomique :
//    - avec --force : rename(), qui remplace la cible d'un coup (un lecteur voit l'ancien ou le
//      nouveau fichier, jamais un mélange) et, si la cible est devenue un lien entre-temps, remplace le
//      lien lui-même sans le suivre ;
//    - sans --force : link() du temporaire vers la cible, puis unlink() du temporaire. link() échoue
//      (EEXIST) si la cible est apparue depuis l'étape 1 — vérification et création en un seul appel
//      du système, sans fenêtre de course, contrairement à « vérifier puis renommer ». Seulement si le
//      système de fichiers ne connaît pas les liens physiques (certains partages réseau, FAT), on se
//      replie sur une vérification juste avant rename().
// 5. Sur toute erreur (disque plein, droits, cible apparue…), le temporaire est fermé et supprimé.
//    Une interruption (Ctrl+C, SIGTERM) pendant l'écriture le supprime aussi.
import { constants, promises as fsp, unlinkSync } from 'fs';
import { randomBytes } from 'crypto';
import * as path from 'path';
import { Writable } from 'stream';
import { ErreurCli, estErreurSysteme, messageErreurSysteme } from './erreurs';

/** Ce dont l'écriture a besoin du système de fichiers ; les tests injectent des pannes (disque plein). */
export interface SystemeFichiers {
  open(chemin: string, drapeaux: number, mode: number): Promise<Poignee>;
  lstat(chemin: string): Promise<{ isSymbolicLink(): boolean; isDirectory(): boolean }>;
  link(existant: string, nouveau: string): Promise<void>;
  rename(ancien: string, nouveau: string): Promise<void>;
  unlink(chemin: string): Promise<void>;
}

export interface Poignee {
  write(tampon: Uint8Array, decalage: number, longueur: number): Promise<{ bytesWritten: number }>;
  sync(): Promise<void>;
  close(): Promise<void>;
}

export const SYSTEME_REEL: SystemeFichiers = {
  open: (c, d, m) => fsp.open(c, d, m),
  lstat: (c) => fsp.lstat(c),
  link: (a, b) => fsp.link(a, b),
  rename: (a, b) => fsp.rename(a, b),
  unlink: (c) => fsp.unlink(c),
};

export interface OptionsEcriture {
  /** Remplacer un fichier existant (--force). */
  force: boolean;
  /** Droits du fichier créé (avant umask) ; 0o600 pour une clé privée. Défaut 0o666. */
  mode?: number;
  /** Le chemin tel que l'utilisateur l'a tapé, pour les messages. */
  affiche?: string;
  systeme?: SystemeFichiers;
}

const CREATION_EXCLUSIVE = constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL | (constants.O_NOFOLLOW ?? 0);

/** Erreurs de link() d'un système de fichiers sans liens physiques : repli sur rename(). */
const SANS_LIEN_PHYSIQUE = new Set(['EPERM', 'ENOTSUP', 'EOPNOTSUPP', 'ENOSYS', 'EMLINK', 'EACCES']);

const existe = (s: SystemeFichiers, chemin: string) =>
  s.lstat(chemin).then(
    (st) => st,
    (e) => {
      if (estErreurSysteme(e) && e.code === 'ENOENT') return null;
      throw e;
    },
  );

/**
 * Contrôle de la cible avant tout calcul coûteux (et de nouveau au moment d'écrire) : ni lien
 * symbolique, ni dossier, ni fichier existant sans --force.
 */
export async function verifierCible(cible: string, o: OptionsEcriture): Promise<void> {
  const s = o.systeme ?? SYSTEME_REEL;
  const affiche = o.affiche ?? cible;
  let st;
  try {
    st = await existe(s, cible);
  } catch (e) {
    throw enErreurCli(e, affiche);
  }
  if (!st) {
    // Le dossier de destination doit exister : dit avant tout calcul, pas après.
    const dossier = await s.lstat(path.dirname(cible)).then(
      (d) => d,
      (e) => {
        throw enErreurCli(e, affiche);
      },
    );
    if (!dossier.isDirectory() && !dossier.isSymbolicLink()) throw new ErreurCli(`${affiche} : ${path.dirname(cible)} n’est pas un dossier`);
    return;
  }
  if (st.isSymbolicLink()) throw new ErreurCli(`${affiche} est un lien symbolique : refusé (le fichier serait écrit ailleurs que là où il paraît) ; donnez le chemin du fichier lui-même`);
  if (st.isDirectory()) throw new ErreurCli(`${affiche} est un dossier, pas un fichier`);
  if (!o.force) throw new ErreurCli(`${affiche} existe déjà ; ajoutez --force pour le remplacer`);
}

function enErreurCli(e: unknown, affiche: string): unknown {
  if (e instanceof ErreurCli) return e;
  return estErreurSysteme(e) ? new ErreurCli(messageErreurSysteme(e, affiche, 'ecriture')) : e;
}

function nomTemporaire(cible: string): string {
  const base = path.basename(cible).slice(0, 80);
  return path.join(path.dirname(cible), `.${base}.${randomBytes(8).toString('hex')}.tmp`);
}

// — Temporaires en cours : supprimés si le processus est interrompu —
const enCours = new Set<string>();
const SIGNAUX = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;
function surSignal(signal: NodeJS.Signals): void {
  for (const t of enCours) {
    try {
      unlinkSync(t);
    } catch {
      /* déjà supprimé */
    }
  }
  enCours.clear();
  for (const s of SIGNAUX) process.removeListener(s, surSignal);
  process.kill(process.pid, signal);
}
function suivre(t: string): void {
  if (enCours.size === 0) for (const s of SIGNAUX) process.on(s, surSignal);
  enCours.add(t);
}
function oublier(t: string): void {
  enCours.delete(t);
  if (enCours.size === 0) for (const s of SIGNAUX) process.removeListener(s, surSignal);
}

async function ouvrirTemporaire(s: SystemeFichiers, cible: string, mode: number): Promise<{ chemin: string; poignee: Poignee }> {
  for (let essai = 0; ; essai++) {
    const chemin = nomTemporaire(cible);
    try {
      return { chemin, poignee: await s.open(chemin, CREATION_EXCLUSIVE, mode) };
    } catch (e) {
      // Nom déjà pris (hasard, ou lien posé là) : on en tire un autre, sans jamais l'ouvrir.
      if (!(estErreurSysteme(e) && (e.code === 'EEXIST' || e.code === 'ELOOP')) || essai >= 4) throw e;
    }
  }
}

/** Flux d'écriture vers une poignée : écrit tout, même quand le système écrit par morceaux. */
function fluxVers(p: Poignee): Writable {
  const toutEcrire = async (b: Buffer) => {
    for (let fait = 0; fait < b.length; ) fait += (await p.write(b, fait, b.length - fait)).bytesWritten;
  };
  return new Writable({
    highWaterMark: 1 << 20,
    write(morceau: Buffer, _enc, fini) {
      toutEcrire(morceau).then(() => fini(), fini);
    },
    writev(morceaux, fini) {
      toutEcrire(Buffer.concat(morceaux.map((m) => m.chunk as Buffer))).then(() => fini(), fini);
    },
  });
}

/** Attend la fin du flux, ou son erreur (disque plein) — même si le producteur ne la voit pas. */
function finDuFlux(f: Writable): Promise<void> {
  return new Promise((resoudre, rejeter) => {
    if (f.writableFinished) return resoudre();
    f.once('finish', () => resoudre());
    f.once('error', rejeter);
  });
}

async function mettreEnPlace(s: SystemeFichiers, temporaire: string, cible: string, o: OptionsEcriture, affiche: string): Promise<void> {
  const st = await existe(s, cible);
  if (st?.isSymbolicLink()) throw new ErreurCli(`${affiche} est devenu un lien symbolique pendant l’écriture : refusé`);
  if (o.force) return s.rename(temporaire, cible);
  try {
    await s.link(temporaire, cible);
  } catch (e) {
    if (estErreurSysteme(e) && e.code === 'EEXIST') throw new ErreurCli(`${affiche} est apparu pendant l’écriture ; il n’a pas été remplacé (ajoutez --force pour le remplacer)`);
    if (!(estErreurSysteme(e) && SANS_LIEN_PHYSIQUE.has(e.code))) throw e;
    // Pas de lien physique ici : vérification juste avant rename() (fenêtre de course minime).
    if (await existe(s, cible)) throw new ErreurCli(`${affiche} est apparu pendant l’écriture ; il n’a pas été remplacé (ajoutez --force pour le remplacer)`);
    return s.rename(temporaire, cible);
  }
  await s.unlink(temporaire);
}

/** fsync du dossier : le renommage lui-même survit à une coupure de courant (ignoré si impossible). */
async function synchroniserDossier(dossier: string): Promise<void> {
  try {
    const d = await fsp.open(dossier, constants.O_RDONLY);
    await d.sync().finally(() => d.close());
  } catch {
    /* certains systèmes refusent fsync sur un dossier */
  }
}

/**
 * Écrit `cible` en flux : `ecrire` reçoit un flux vers le fichier temporaire et doit le terminer
 * (end(), ou pipe() d'une source qui se termine). Rien n'apparaît à `cible` avant que tout soit écrit
 * et sur le disque ; sur erreur, rien n'est laissé.
 */
export async function ecrireFichierEnFlux(cible: string, o: OptionsEcriture, ecrire: (flux: Writable) => Promise<void> | void): Promise<void> {
  const s = o.systeme ?? SYSTEME_REEL;
  const affiche = o.affiche ?? cible;
  await verifierCible(cible, o);
  let t: { chemin: string; poignee: Poignee } | undefined;
  let ouverte = false;
  try {
    t = await ouvrirTemporaire(s, cible, o.mode ?? 0o666);
    ouverte = true;
    suivre(t.chemin);
    const flux = fluxVers(t.poignee);
    const fin = finDuFlux(flux);
    // Le producteur (exceljs) n'apprend pas toujours l'échec du flux : on attend l'un ou l'autre.
    const production = Promise.resolve().then(() => ecrire(flux));
    await Promise.race([production.then(() => fin), fin]);
    await t.poignee.sync();
    ouverte = false;
    await t.poignee.close();
    await mettreEnPlace(s, t.chemin, cible, o, affiche);
    oublier(t.chemin);
    t = undefined;
  } catch (e) {
    throw enErreurCli(e, affiche);
  } finally {
    if (t) {
      if (ouverte) await t.poignee.close().catch(() => undefined);
      await s.unlink(t.chemin).catch(() => undefined);
      oublier(t.chemin);
    }
  }
  await synchroniserDossier(path.dirname(cible));
}

/** Écrit `contenu` dans `cible`, mêmes garanties. */
export function ecrireFichier(cible: string, contenu: Uint8Array | string, o: OptionsEcriture): Promise<void> {
  return ecrireFichierEnFlux(cible, o, (flux) => {
    flux.end(contenu);
  });
}

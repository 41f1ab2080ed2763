// Erreurs de la commande `sip` : ce que l'utilisateur lit est en français et nomme le fichier ou
// l'option en cause. Les erreurs du système (fichier absent, droits, disque plein…) sont traduites
// ici ; une erreur inattendue n'est jamais affichée brute (voir messageErreurInterne).
import type { Commande, Io } from './io';

/** Une erreur destinée à l'utilisateur : message français complet, code de sortie. */
export class ErreurCli extends Error {
  constructor(
    message: string,
    /** 2 : usage ou fichier (rien n'a été calculé) ; 1 : données refusées. */
    readonly code: 1 | 2 = 2,
    /** Afficher l'usage de la commande après le message. */
    readonly usage = false,
  ) {
    super(message);
    this.name = 'ErreurCli';
  }
}

/** Erreur d'option ou d'argument : code 2, suivie de l'usage de la commande. */
export class ErreurUsage extends ErreurCli {
  constructor(message: string) {
    super(message, 2, true);
    this.name = 'ErreurUsage';
  }
}

/**
 * Une commande `sip <nom>` : une ErreurCli devient « sip <nom> : message » (suivi de l'usage pour une
 * erreur d'usage) et son code de sortie ; toute autre erreur remonte (messageErreurInterne).
 */
export function commande(nom: string, usage: string, executer: Commande): Commande {
  return async (args: string[], io: Io) => {
    try {
      return await executer(args, io);
    } catch (e) {
      if (!(e instanceof ErreurCli)) throw e;
      io.err(`sip ${nom} : ${e.message}`);
      if (e.usage) io.err(usage);
      return e.code;
    }
  };
}

export type Operation = 'lecture' | 'ecriture';

/** Une erreur du système de fichiers (Node la marque d'un code comme « ENOENT »). */
export function estErreurSysteme(e: unknown): e is NodeJS.ErrnoException & { code: string } {
  // Pas d'instanceof Error : les erreurs de Node viennent parfois d'un autre contexte (vm, jest).
  const code = typeof e === 'object' && e !== null ? (e as { code?: unknown }).code : undefined;
  return typeof code === 'string' && /^E[A-Z0-9]+$/.test(code);
}

const MESSAGES: Record<string, (p: string, op: Operation) => string> = {
  ENOENT: (p, op) => (op === 'lecture' ? `${p} : fichier introuvable` : `${p} : le dossier de destination n’existe pas`),
  EISDIR: (p) => `${p} est un dossier, pas un fichier`,
  ENOTDIR: (p) => `${p} : une partie du chemin n’est pas un dossier`,
  EACCES: (p, op) => (op === 'lecture' ? `${p} : lecture refusée (droits d’accès insuffisants)` : `${p} : écriture refusée (droits d’accès insuffisants sur le fichier ou son dossier)`),
  ENOSPC: (p) => `${p} : disque plein, le fichier n’a pas été écrit (aucun fichier partiel n’est laissé)`,
  EDQUOT: (p) => `${p} : quota de disque dépassé, le fichier n’a pas été écrit (aucun fichier partiel n’est laissé)`,
  EROFS: (p) => `${p} : le disque est en lecture seule`,
  EEXIST: (p) => `${p} existe déjà ; ajoutez --force pour le remplacer`,
  ELOOP: (p) => `${p} : trop de liens symboliques imbriqués`,
  ENAMETOOLONG: (p) => `${p} : nom de fichier trop long`,
  EMFILE: (p) => `${p} : trop de fichiers ouverts, réessayez`,
  ENFILE: (p) => `${p} : trop de fichiers ouverts sur le système, réessayez`,
  EBUSY: (p) => `${p} : fichier occupé (ouvert dans Excel ?) ; fermez-le et réessayez`,
  EIO: (p) => `${p} : erreur de lecture ou d’écriture du disque`,
  EFBIG: (p) => `${p} : fichier trop volumineux pour ce disque`,
  EXDEV: (p) => `${p} : déplacement entre deux disques impossible`,
};
MESSAGES.EPERM = MESSAGES.EACCES;

/**
 * Message français d'une erreur du système, avec le chemin tel que l'utilisateur l'a tapé.
 * `operation` distingue « fichier introuvable » (lecture) de « dossier absent » (écriture).
 */
export function messageErreurSysteme(e: NodeJS.ErrnoException, chemin: string, operation: Operation): string {
  const m = MESSAGES[e.code ?? ''];
  if (m) return m(chemin, operation);
  return `${chemin} : ${operation === 'lecture' ? 'lecture' : 'écriture'} impossible (erreur du système ${e.code})`;
}

/** Transforme une erreur du système en ErreurCli (les autres erreurs passent telles quelles). */
export function traduireErreurSysteme(e: unknown, chemin: string, operation: Operation): unknown {
  return estErreurSysteme(e) ? new ErreurCli(messageErreurSysteme(e, chemin, operation)) : e;
}

/** Mémoire épuisée pendant un calcul (tableau ou chaîne trop grands) : erreurs levées par V8. */
export function estMemoireEpuisee(e: unknown): boolean {
  return typeof e === 'object' && e !== null && (e as Error).name === 'RangeError' && /Invalid (string|array) length|allocation failed|Array buffer allocation|too large/i.test((e as Error).message);
}

/**
 * Ce que `sip` affiche pour une erreur qu'aucune commande n'a prévue : jamais le message brut de
 * JavaScript (anglais, technique), mais ce qui a échoué et comment le signaler.
 * `SIP_DEBUG=1` ajoute le détail technique pour la personne qui corrige.
 */
export function messageErreurInterne(commande: string, e: unknown, debug = process.env.SIP_DEBUG === '1'): string[] {
  if (e instanceof ErreurCli) return [`sip ${commande} : ${e.message}`];
  if (estErreurSysteme(e)) {
    const chemin = (e as NodeJS.ErrnoException).path ?? 'fichier';
    return [`sip ${commande} : ${messageErreurSysteme(e, chemin, /write|rename|link|mkdir|unlink|fsync/.test((e as NodeJS.ErrnoException).syscall ?? '') ? 'ecriture' : 'lecture')}`];
  }
  if (estMemoireEpuisee(e)) {
    return [`sip ${commande} : mémoire insuffisante pour traiter ces données ; réduisez la taille du fichier d’entrée (aucun fichier n’a été écrit).`];
  }
  const lignes = [
    `sip ${commande} : la commande s’est interrompue sur une erreur interne du simulateur, qui ne vient pas de vos données ; aucun fichier n’a été écrit.`,
    'Merci de la signaler à l’équipe du complément SIP (ARS Bretagne) en joignant la commande lancée et ses fichiers d’entrée ; relancez avec SIP_DEBUG=1 pour obtenir le détail technique.',
  ];
  if (debug) lignes.push(`Détail technique : ${e instanceof Error ? e.stack ?? e.message : String(e)}`);
  return lignes;
}

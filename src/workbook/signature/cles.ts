// Fichiers de clé d'un organisme (créés par `sip cle creer`), en JSON lisible :
//
//   ars.pub — clé PUBLIQUE, à envoyer une fois à ceux qui vérifieront :
//     { "type": "sip-cle-publique", "version": 1, "organisme": "ARS Bretagne", "algorithme": "Ed25519",
//       "cle": "<32 octets en base64>", "empreinte": "<SHA-256 hexadécimal des 32 octets>", "creee_le": "AAAA-MM-JJ" }
//   ars.cle — clé PRIVÉE (droits 600), qui ne quitte jamais l'organisme :
//     { "type": "sip-cle-privee", … mêmes champs …, "cle_privee": "<graine Ed25519 de 32 octets en base64>" }
//
// L'empreinte identifie la clé (affichée « 3f2a 91c0 5b7e 0d12 ») : on peut la confirmer de vive voix.
// Pur : lu par la CLI (fichiers) et par le volet (clés importées).
import { caractereInterdit } from '../../rules/scenario/bornes';
import { sha256Octets } from '../empreinte';
import { depuisBase64, versBase64 } from './base64';

export const TYPE_PUBLIQUE = 'sip-cle-publique';
export const TYPE_PRIVEE = 'sip-cle-privee';
export const LONGUEUR_ORGANISME_MAX = 120;

export interface ClePublique {
  organisme: string;
  /** Clé Ed25519 brute (32 octets). */
  cle: Uint8Array;
  /** SHA-256 hexadécimal de `cle`. */
  empreinte: string;
  creeeLe?: string;
}

export interface ClePrivee extends ClePublique {
  /** Graine Ed25519 (32 octets). */
  graine: Uint8Array;
}

/** Une clé refusée : le message nomme le fichier et dit quoi faire. */
export class ErreurCle extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ErreurCle';
  }
}

export const empreinteCle = (cle: Uint8Array) => sha256Octets(cle);

/** « 3f2a 91c0 5b7e 0d12 » : les 64 premiers bits de l'empreinte, à lire ou dicter. */
export const empreinteCourte = (empreinte: string) => (empreinte.slice(0, 16).match(/.{4}/g) ?? []).join(' ');

/** Nom d'organisme : non vide, sans caractère de contrôle, 120 caractères au plus. */
export function verifierOrganisme(nom: string, ou: string): string {
  const t = nom.trim();
  if (!t) throw new ErreurCle(`${ou} : nom d’organisme vide`);
  if (t.length > LONGUEUR_ORGANISME_MAX) throw new ErreurCle(`${ou} : nom d’organisme de ${t.length} caractères (au plus ${LONGUEUR_ORGANISME_MAX})`);
  const interdit = caractereInterdit(t);
  if (interdit) throw new ErreurCle(`${ou} : nom d’organisme refusé (${interdit})`);
  return t;
}

function octets(o: Record<string, unknown>, champ: string, fichier: string): Uint8Array {
  const b = typeof o[champ] === 'string' ? depuisBase64(o[champ] as string) : null;
  if (!b || b.length !== 32) throw new ErreurCle(`${fichier} : champ « ${champ} » illisible (clé Ed25519 de 32 octets en base64 attendue) : fichier abîmé ou modifié`);
  return b;
}

function objetCle(texte: string, fichier: string): Record<string, unknown> {
  let o: unknown;
  try {
    o = JSON.parse(texte.replace(/^\uFEFF/, ''));
  } catch {
    o = null;
  }
  const type = o && typeof o === 'object' ? (o as Record<string, unknown>).type : undefined;
  if (type !== TYPE_PUBLIQUE && type !== TYPE_PRIVEE) {
    throw new ErreurCle(`${fichier} n’est pas un fichier de clé du simulateur SIP (fichier .pub ou .cle créé par « sip cle creer » attendu)`);
  }
  const x = o as Record<string, unknown>;
  if (x.version !== 1) throw new ErreurCle(`${fichier} : version de clé ${String(x.version)} inconnue (1 attendue) ; clé créée par une version plus récente du simulateur ?`);
  if (x.algorithme !== 'Ed25519') throw new ErreurCle(`${fichier} : algorithme « ${String(x.algorithme)} » inconnu (Ed25519 attendu)`);
  return x;
}

function clePubliqueDe(o: Record<string, unknown>, fichier: string): ClePublique {
  const organisme = verifierOrganisme(typeof o.organisme === 'string' ? o.organisme : '', fichier);
  const cle = octets(o, 'cle', fichier);
  const empreinte = empreinteCle(cle);
  if (o.empreinte !== empreinte) throw new ErreurCle(`${fichier} : l’empreinte inscrite ne correspond pas à la clé (fichier modifié ?) ; demandez-en une nouvelle copie à ${organisme}`);
  return { organisme, cle, empreinte, ...(typeof o.creee_le === 'string' ? { creeeLe: o.creee_le } : {}) };
}

/** Lit une clé publique (.pub) ; une clé privée est refusée (elle ne doit pas circuler). */
export function lireClePublique(texte: string, fichier: string): ClePublique {
  const o = objetCle(texte, fichier);
  if (o.type === TYPE_PRIVEE) {
    throw new ErreurCle(`${fichier} est une clé PRIVÉE : pour vérifier, utilisez la clé publique (fichier .pub) ; une clé privée ne doit jamais être transmise`);
  }
  return clePubliqueDe(o, fichier);
}

/** Lit une clé privée (.cle) ; une clé publique est refusée (elle ne peut pas signer). */
export function lireClePrivee(texte: string, fichier: string): ClePrivee {
  const o = objetCle(texte, fichier);
  if (o.type === TYPE_PUBLIQUE) throw new ErreurCle(`${fichier} est une clé publique : pour signer, il faut la clé privée de l’organisme (fichier .cle créé avec elle)`);
  return { ...clePubliqueDe(o, fichier), graine: octets(o, 'cle_privee', fichier) };
}

const champsCommuns = (c: ClePublique) => ({
  version: 1,
  organisme: c.organisme,
  algorithme: 'Ed25519',
  cle: versBase64(c.cle),
  empreinte: c.empreinte,
  ...(c.creeeLe ? { creee_le: c.creeeLe } : {}),
});

export function texteClePublique(c: ClePublique): string {
  return `${JSON.stringify({ type: TYPE_PUBLIQUE, ...champsCommuns(c) }, null, 2)}\n`;
}

export function texteClePrivee(c: ClePrivee): string {
  const attention = 'Clé PRIVÉE : gardez-la dans l’organisme et ne la transmettez à personne. Envoyez le fichier .pub à ceux qui vérifieront vos classeurs.';
  return `${JSON.stringify({ type: TYPE_PRIVEE, ...champsCommuns(c), cle_privee: versBase64(c.graine), attention }, null, 2)}\n`;
}

// Clés d'organisme sur disque (CLI) : création (node:crypto, Ed25519), lecture bornée avec messages
// français qui nomment le fichier (pas une clé, clé publique au lieu de privée et l'inverse, clé privée
// lisible par d'autres), signature d'un texte. Formats : src/workbook/signature/cles.ts.
import { createPrivateKey, createPublicKey, generateKeyPairSync, sign, type KeyObject } from 'crypto';
import { promises as fsp } from 'fs';
import { ErreurCle, empreinteCle, lireClePrivee, lireClePublique, type ClePrivee, type ClePublique } from '../../workbook/signature/cles';
import { versBase64 } from '../../workbook/signature/base64';
import { lireFichierBorne } from '../entrees';
import { ErreurCli } from '../erreurs';

const TAILLE_MAX_CLE = 64 * 1024;
const base64url = (b: Uint8Array) => Buffer.from(b).toString('base64url');

/** Une paire de clés Ed25519 neuve pour un organisme. */
export function creerCles(organisme: string, creeeLe: string): ClePrivee {
  const { privateKey } = generateKeyPairSync('ed25519');
  const jwk = privateKey.export({ format: 'jwk' }) as { d: string; x: string };
  const cle = new Uint8Array(Buffer.from(jwk.x, 'base64url'));
  return { organisme, cle, empreinte: empreinteCle(cle), creeeLe, graine: new Uint8Array(Buffer.from(jwk.d, 'base64url')) };
}

function objetCle(c: ClePrivee, fichier: string): KeyObject {
  let k: KeyObject;
  try {
    k = createPrivateKey({ key: { kty: 'OKP', crv: 'Ed25519', d: base64url(c.graine), x: base64url(c.cle) }, format: 'jwk' });
  } catch {
    throw new ErreurCli(`${fichier} : clé privée illisible (fichier abîmé ou modifié)`);
  }
  const x = (createPublicKey(k).export({ format: 'jwk' }) as { x: string }).x;
  if (x !== base64url(c.cle)) throw new ErreurCli(`${fichier} : la clé privée et la clé publique du fichier ne vont pas ensemble (fichier modifié ?)`);
  return k;
}

/** Signature Ed25519 (base64) d'un texte UTF-8. */
export function signerTexte(c: ClePrivee, texte: string, fichier = 'clé'): string {
  return versBase64(new Uint8Array(sign(null, Buffer.from(texte, 'utf8'), objetCle(c, fichier))));
}

const enErreurCli = (e: unknown) => (e instanceof ErreurCle ? new ErreurCli(e.message) : e);

/** Lit une clé publique (.pub) : --confiance. */
export async function lireFichierClePublique(chemin: string, affiche: string): Promise<ClePublique> {
  const texte = (await lireFichierBorne(chemin, affiche, TAILLE_MAX_CLE, 'une clé publique (.pub)')).toString('utf8');
  try {
    return lireClePublique(texte, affiche);
  } catch (e) {
    throw enErreurCli(e);
  }
}

/**
 * Lit une clé privée (.cle) : --cle, --signer. Refusée si d'autres utilisateurs peuvent la lire
 * (comme ssh) : qui la lit peut signer au nom de l'organisme.
 */
export async function lireFichierClePrivee(chemin: string, affiche: string): Promise<ClePrivee> {
  const contenu = await lireFichierBorne(chemin, affiche, TAILLE_MAX_CLE, 'une clé privée (.cle)');
  let c: ClePrivee;
  try {
    c = lireClePrivee(contenu.toString('utf8'), affiche);
  } catch (e) {
    throw enErreurCli(e);
  }
  if (process.platform !== 'win32') {
    const mode = (await fsp.stat(chemin)).mode & 0o777;
    if (mode & 0o077) {
      throw new ErreurCli(`${affiche} : clé privée lisible par d’autres utilisateurs (droits ${mode.toString(8)}) ; quiconque la lit peut signer au nom de ${c.organisme}. Restreignez-la (chmod 600 ${affiche}), puis relancez`);
    }
  }
  objetCle(c, affiche);
  return c;
}

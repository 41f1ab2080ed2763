// Évaluateur sans tableur (volet : pas d'HyperFormula) : recalcule les appels SIP.* simples dont les
// arguments sont des références, des nombres, des textes ou des booléens. Le reste n'est pas recalculé
// (compté « non recalculé »).
import { evaluer, type ValeurBrute } from '../../catalogue/appel';
import { trouverFonction } from '../../catalogue/fonctions';
import { depuisFormeFichier } from '../../formules/forme-fichier';
import { ErreurRegle } from '../../rules/erreurs';
import type { Recalculateur, ValeurLue } from './types';
import { codeErreur, estErreur } from './valeurs';

const APPEL_SIMPLE = /^SIP\.([A-Z0-9_]+)\((.*)\)$/i;
const REF = /^\$?([A-Z]{1,3})\$?(\d+)$/i;

function argumentsSimples(texte: string): string[] | null {
  const r: string[] = [];
  let courant = '';
  let chaine = false;
  for (const ch of texte) {
    if (ch === '"') chaine = !chaine;
    if (!chaine && (ch === '(' || ch === ')')) return null; // expression imbriquée : hors de portée
    if (!chaine && ch === ',') {
      r.push(courant.trim());
      courant = '';
    } else courant += ch;
  }
  r.push(courant.trim());
  return texte.trim() === '' ? [] : r;
}

type Argument = { valeur: ValeurBrute } | { erreur: ValeurLue } | null;

/** Un argument : référence (valeur lue), texte, booléen, nombre ; null s'il n'est pas simple. */
function argument(b: string, valeurs: Map<string, ValeurLue>): Argument {
  const ref = REF.exec(b);
  if (b === '') return { valeur: null };
  if (ref) {
    const v = valeurs.get(`${ref[1]}${ref[2]}`.toUpperCase());
    return estErreur(v) ? { erreur: v } : { valeur: v === undefined ? null : v };
  }
  if (/^"(.*)"$/.test(b)) return { valeur: b.slice(1, -1).replace(/""/g, '"') };
  if (/^(TRUE|FALSE)$/i.test(b)) return { valeur: b.toUpperCase() === 'TRUE' };
  return Number.isFinite(Number(b)) ? { valeur: Number(b) } : null;
}

function recalculerUne(formule: string, valeurs: Map<string, ValeurLue>, bareme: Parameters<Recalculateur>[1], aujourdhui: string): ValeurLue | undefined {
  const m = APPEL_SIMPLE.exec(depuisFormeFichier(formule.trim().replace(/^=/, '')).trim());
  const f = m ? trouverFonction(m[1]) : undefined;
  const bruts = m ? argumentsSimples(m[2]) : null;
  if (!f || !bruts) return undefined;
  const args: ValeurBrute[] = [];
  let erreur: ValeurLue | undefined;
  for (const b of bruts) {
    const a = argument(b, valeurs);
    if (!a) return undefined;
    if ('erreur' in a) {
      erreur = erreur ?? a.erreur;
      args.push(null);
    } else args.push(a.valeur);
  }
  if (erreur) return erreur;
  try {
    return evaluer(f, args, { bareme, aujourdhui });
  } catch (e) {
    if (e instanceof ErreurRegle) return { erreur: codeErreur(e.code) };
    throw e;
  }
}

/** Recalcule les formules de la forme `SIP.NOM(ref, nombre, "texte", )` avec les valeurs lues des références. */
export const recalculerSansTableur: Recalculateur = (cellules, bareme, aujourdhui) => {
  const valeurs = new Map(cellules.map((c) => [c.adresse.replace(/\$/g, '').toUpperCase(), c.valeur]));
  const r = new Map<string, ValeurLue | undefined>();
  for (const c of cellules) if (c.formule) r.set(c.adresse, recalculerUne(c.formule, valeurs, bareme, aujourdhui));
  return r;
};

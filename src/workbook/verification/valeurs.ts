// Comparaison et affichage des valeurs lues : valeurs calculées (au centime), constantes (au
// milliardième relatif : un ré-enregistrement ne change pas un nombre), erreurs (#VALEUR! ≡ #VALUE!).
import type { ValeurLue } from './types';

const EQUIVALENTS_ERREUR: Record<string, string> = { '#VALEUR!': '#VALUE!', '#NOMBRE!': '#NUM!', '#NOM?': '#NAME?', '#DIV/0!': '#DIV/0!', '#REF!': '#REF!', '#N/A': '#N/A', '#NUL!': '#NULL!' };
export const codeErreur = (e: string) => EQUIVALENTS_ERREUR[e.toUpperCase()] ?? e.toUpperCase();

export const estVide = (x: ValeurLue | undefined) => x === null || x === undefined || x === '';
export const estErreur = (x: ValeurLue | undefined): x is { erreur: string } => typeof x === 'object' && x !== null;

/** Valeurs calculées : nombres égaux au demi-centime près ; erreurs de même code. */
export function memeValeur(a: ValeurLue | undefined, b: ValeurLue | undefined): boolean {
  if (estVide(a) || estVide(b)) return estVide(a) && estVide(b);
  if (estErreur(a) || estErreur(b)) return estErreur(a) && estErreur(b) && codeErreur(a.erreur) === codeErreur(b.erreur);
  if (typeof a === 'number' && typeof b === 'number') return Math.abs(a - b) < 0.005;
  return a === b;
}

/** Constantes (libellés, dates, parts, diviseurs) : égalité stricte, au bruit d'arrondi des flottants près. */
export function memeConstante(a: ValeurLue | undefined, b: ValeurLue | undefined): boolean {
  if (typeof a === 'number' && typeof b === 'number') return Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a), Math.abs(b));
  return memeValeur(a, b);
}

/** « 50 000 », « 0,6 », « « Non éligible » », « VRAI », « #N/A », « (vide) ». */
export function texteValeur(v: ValeurLue | undefined): string {
  if (v === undefined || v === null || v === '') return '(vide)';
  if (estErreur(v)) return v.erreur;
  if (typeof v === 'boolean') return v ? 'VRAI' : 'FAUX';
  if (typeof v === 'number') return String(v).replace('.', ',');
  return `« ${v.length > 200 ? `${v.slice(0, 200)}…` : v} »`;
}

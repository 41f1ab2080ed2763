// Appel d'une fonction du catalogue avec des valeurs brutes de tableur (Excel, HyperFormula) :
// conversion et contrôle des arguments, valeurs par défaut, arrondi en sortie.
import { serieVersIso, verifierIso } from '../rules/dates';
import { Decimal, decimalConstant } from '../rules/decimal';
import { ErreurRegle } from '../rules/erreurs';
import { Resultat } from '../rules/explication';
import { decrireContrainte, verifier } from '../rules/validation';
import { ArgumentCatalogue, Contexte, FonctionCatalogue, ValeurArgument } from './types';

/** Ce qu'un tableur peut passer : nombre, texte, booléen, ou rien (argument omis ou cellule vide). */
export type ValeurBrute = number | string | boolean | null | undefined;

const VRAI = new Set(['VRAI', 'TRUE']);
const FAUX = new Set(['FAUX', 'FALSE']);
const DATE_FR = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/;

export function attendu(arg: ArgumentCatalogue): string {
  switch (arg.type) {
    case 'nombre':
      return arg.contrainte ? decrireContrainte(arg.contrainte) : 'nombre';
    case 'booleen':
      return 'VRAI ou FAUX';
    case 'date':
      return 'date Excel';
    case 'texte':
      return arg.valeurs ? `l’une des valeurs ${arg.valeurs.join(', ')}` : 'texte';
  }
}

function decrireRecu(v: ValeurBrute): string {
  if (typeof v === 'string') return `le texte « ${v} »`;
  if (typeof v === 'boolean') return v ? 'VRAI' : 'FAUX';
  return String(v).replace('.', ',');
}

function erreurType(arg: ArgumentCatalogue, v: ValeurBrute): ErreurRegle {
  return new ErreurRegle('#VALEUR!', `${arg.nom} : ${attendu(arg)} attendu (reçu : ${decrireRecu(v)})`, arg.nom);
}

function estVide(v: ValeurBrute): v is null | undefined | '' {
  return v === null || v === undefined || (typeof v === 'string' && v.trim() === '');
}

export function convertirArgument(arg: ArgumentCatalogue, v: ValeurBrute, ctx: Contexte): ValeurArgument {
  if (estVide(v)) {
    if (!arg.optionnel) {
      throw new ErreurRegle('#VALEUR!', `${arg.nom} : argument obligatoire manquant (${attendu(arg)} attendu)`, arg.nom);
    }
    if (arg.type === 'date' && arg.aujourdhuiSiOmise !== false) return ctx.aujourdhui;
    if (arg.defaut === undefined) return null;
    return typeof arg.defaut === 'number' ? decimalConstant(arg.defaut) : arg.defaut;
  }
  switch (arg.type) {
    case 'nombre': {
      if (typeof v !== 'number') throw erreurType(arg, v);
      if (!Number.isFinite(v)) {
        throw new ErreurRegle('#NOMBRE!', `${arg.nom} : ${attendu(arg)} attendu (reçu : ${String(v)})`, arg.nom);
      }
      const d = new Decimal(v);
      return arg.contrainte ? verifier(arg.nom, d, arg.contrainte) : d;
    }
    case 'booleen': {
      if (typeof v === 'boolean') return v;
      if (v === 0 || v === 1) return v === 1;
      if (typeof v === 'string') {
        const t = v.trim().toUpperCase();
        if (VRAI.has(t)) return true;
        if (FAUX.has(t)) return false;
      }
      throw erreurType(arg, v);
    }
    case 'texte': {
      if (typeof v === 'boolean') throw erreurType(arg, v);
      return String(v);
    }
    case 'date': {
      if (typeof v === 'number') return serieVersIso(v, arg.nom);
      if (typeof v === 'string') {
        const t = v.trim();
        const fr = DATE_FR.exec(t);
        return verifierIso(fr ? `${fr[3]}-${fr[2].padStart(2, '0')}-${fr[1].padStart(2, '0')}` : t, arg.nom);
      }
      throw erreurType(arg, v);
    }
  }
}

/** Appelle une fonction du catalogue ; lève une ErreurRegle en cas d'entrée invalide. */
export function appeler(f: FonctionCatalogue, bruts: readonly ValeurBrute[], ctx: Contexte): Resultat<Decimal | boolean> {
  if (bruts.length > f.arguments.length) {
    throw new ErreurRegle('#VALEUR!', `SIP.${f.nom} : ${f.arguments.length} argument(s) au plus (${f.arguments.map((a) => a.nom).join(' ; ')}), ${bruts.length} reçu(s)`);
  }
  const args = f.arguments.map((a, i) => convertirArgument(a, bruts[i], ctx));
  return f.calculer(args, ctx);
}

/** Plus grande valeur qu'une cellule Excel peut afficher. */
const MAX_EXCEL = 9.99999999999999e307;
/** En deçà, une valeur de cellule est rendue comme 0. */
const PLUS_PETIT_NON_NUL = 1e-100;

/** Valeur de cellule : nombre (montant arrondi au centime par la règle) ou booléen. */
export function versCellule(f: FonctionCatalogue, r: Resultat<Decimal | boolean>): number | boolean {
  if (typeof r.valeur === 'boolean') return r.valeur;
  if (r.valeur.isNaN()) throw new ErreurRegle('#NOMBRE!', `SIP.${f.nom} : résultat non numérique`);
  const n = r.valeur.toNumber();
  if (!Number.isFinite(n) || Math.abs(n) > MAX_EXCEL) {
    throw new ErreurRegle('#NOMBRE!', `SIP.${f.nom} : résultat trop grand pour une cellule Excel`);
  }
  // Jamais -0 (affiché « -0 » par certains formats) ; une valeur sous 1e-100 (aucune grandeur du
  // domaine n'est si petite) vaut 0 : HyperFormula rend NaN au-dessous d'environ 1e-300.
  if (Math.abs(n) < PLUS_PETIT_NON_NUL) return 0;
  return n;
}

/** Évalue et renvoie directement la valeur de cellule. */
export function evaluer(f: FonctionCatalogue, bruts: readonly ValeurBrute[], ctx: Contexte): number | boolean {
  return versCellule(f, appeler(f, bruts, ctx));
}

// Appel d'une fonction du catalogue avec des valeurs brutes de tableur (Excel, HyperFormula) :
// conversion et contrôle des arguments, valeurs par défaut, arrondi en sortie.
import { SERIE_MAX, serieVersIso, verifierIso } from '../rules/dates';
import { Decimal, decimalConstant } from '../rules/decimal';
import { ErreurRegle } from '../rules/erreurs';
import { Resultat } from '../rules/explication';
import { jourDeIso } from '../rules/rapide/bareme';
import { decrireContrainte, verifier } from '../rules/validation';
import { ArgumentCatalogue, Contexte, FonctionCatalogue, ValeurArgument, ValeurRapide } from './types';

/** Ce qu'un tableur peut passer : nombre, texte, booléen, ou rien (argument omis ou cellule vide). */
export type ValeurBrute = number | string | boolean | null | undefined;

/** Plus petit numéro de série de date accepté (01/03/1900, après le faux 29/02/1900 d'Excel). */
const SERIE_MIN = 61;
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
  if (v === null || v === undefined) return true;
  if (typeof v !== 'string') return false;
  // Un texte qui commence par un caractère visible n'est pas vide (sans trim : chemin chaud).
  const c = v.charCodeAt(0);
  return !(c > 32 && c < 127) && v.trim() === '';
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
        try {
          return verifierIso(fr ? `${fr[3]}-${fr[2].padStart(2, '0')}-${fr[1].padStart(2, '0')}` : t, arg.nom);
        } catch {
          // Le message cite le texte saisi (« 31/02/2025 »), pas sa conversion.
          throw new ErreurRegle('#VALEUR!', `${arg.nom} : date attendue au format JJ/MM/AAAA ou AAAA-MM-JJ (reçu : « ${t} »)`, arg.nom);
        }
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

/**
 * Le contrôle d'un argument pour le chemin rapide, préparé une fois par fonction : des objets de même
 * forme (le contrôle d'un appel ne lit ainsi que des propriétés connues du moteur JavaScript).
 */
interface ControleRapide {
  genre: 'nombre' | 'booleen' | 'texte' | 'date';
  /** Valeur d'un argument omis ; undefined : obligatoire ; null : sans valeur par défaut. */
  omis: ValeurRapide | undefined;
  /** Omise, la date est celle du jour. */
  dateDuJour: boolean;
  entier: boolean;
  min: number;
  minExclu: boolean;
  max: number;
}

function controleRapide(a: ArgumentCatalogue): ControleRapide {
  const c = a.contrainte ?? {};
  return {
    genre: a.type,
    omis: !a.optionnel ? undefined : a.defaut ?? null,
    dateDuJour: a.type === 'date' && a.aujourdhuiSiOmise !== false,
    entier: c.entier === true,
    min: c.min ?? -Infinity,
    minExclu: c.minExclu === true,
    max: c.max ?? Infinity,
  };
}

const controles = new WeakMap<FonctionCatalogue, readonly ControleRapide[]>();
let derniereFonction: FonctionCatalogue | null = null;
let derniersControles: readonly ControleRapide[] = [];
function controlesDe(f: FonctionCatalogue): readonly ControleRapide[] {
  if (f === derniereFonction) return derniersControles;
  let c = controles.get(f);
  if (c === undefined) {
    c = f.arguments.map(controleRapide);
    controles.set(f, c);
  }
  derniereFonction = f;
  derniersControles = c;
  return c;
}

/** Un argument reçu pour le chemin rapide (mêmes règles que `convertirArgument`), ou undefined s'il faut le chemin expliqué. */
function argumentRapide(c: ControleRapide, v: ValeurBrute, ctx: Contexte): ValeurRapide | undefined {
  if (estVide(v)) return c.dateDuJour && c.omis !== undefined ? jourDeIso(ctx.aujourdhui) : c.omis;
  switch (c.genre) {
    case 'nombre':
      // La plage de `respecte`, sur le flottant (même réponse que sur le décimal qu'en lit decimal.js).
      if (typeof v !== 'number' || !Number.isFinite(v) || (c.entier && !Number.isInteger(v)) || (c.minExclu ? v <= c.min : v < c.min) || v > c.max) return undefined;
      return v;
    case 'booleen':
      return typeof v === 'boolean' ? v : v === 0 || v === 1 ? v === 1 : undefined;
    case 'texte':
      return typeof v === 'string' ? v : typeof v === 'number' ? String(v) : undefined;
    case 'date':
      return typeof v === 'number' && v >= SERIE_MIN && v <= SERIE_MAX ? Math.floor(v) : undefined;
  }
}

/**
 * Arguments du chemin rapide, contrôlés une fois : undefined dès qu'un argument n'est pas un cas simple
 * et valable (erreur à rédiger, date en texte…) — le chemin expliqué s'en charge alors. Quand chaque
 * valeur reçue est déjà celle du chemin rapide (cas courant), le tableau reçu sert tel quel : aucune copie.
 */
function argumentsRapides(f: FonctionCatalogue, bruts: readonly ValeurBrute[], ctx: Contexte): readonly ValeurRapide[] | undefined {
  const c = controlesDe(f);
  if (bruts.length > c.length) return undefined;
  let copie: ValeurRapide[] | null = null;
  for (let i = 0; i < c.length; i++) {
    const brut = bruts[i];
    const v = argumentRapide(c[i], brut, ctx);
    if (v === undefined) return undefined;
    if (copie !== null) copie.push(v);
    // Un argument omis en fin de liste (undefined) sans valeur par défaut se lit comme null : pas de copie.
    else if (v !== brut && !(v === null && brut === undefined)) {
      copie = [];
      for (let k = 0; k < i; k++) copie.push(bruts[k] ?? null);
      copie.push(v);
    }
  }
  return copie ?? (bruts as readonly ValeurRapide[]);
}

/** Une valeur rapide prête pour la cellule (comme `versCellule`), ou undefined. */
function celluleRapide(v: number | boolean | undefined): number | boolean | undefined {
  if (typeof v !== 'number') return v;
  if (!(Math.abs(v) <= MAX_EXCEL)) return undefined;
  return Math.abs(v) < PLUS_PETIT_NON_NUL ? 0 : v;
}

/**
 * Évalue et renvoie directement la valeur de cellule : par le chemin rapide (exact, sans explication)
 * quand la fonction en a un et qu'il aboutit, sinon par le chemin expliqué (decimal.js), qui rend
 * aussi les erreurs. Les deux donnent la même valeur (test de propriétés chemin-rapide).
 */
export function evaluer(f: FonctionCatalogue, bruts: readonly ValeurBrute[], ctx: Contexte): number | boolean {
  const v = valeurRapide(f, bruts, ctx);
  return v !== undefined ? v : versCellule(f, appeler(f, bruts, ctx));
}

/** La valeur de cellule par le seul chemin rapide, ou undefined s'il ne la prouve pas. */
export function valeurRapide(f: FonctionCatalogue, bruts: readonly ValeurBrute[], ctx: Contexte): number | boolean | undefined {
  if (!f.valeur) return undefined;
  const args = argumentsRapides(f, bruts, ctx);
  return args && celluleRapide(f.valeur(args, ctx));
}

/** La valeur de cellule par le seul chemin expliqué (decimal.js) : la référence du chemin rapide. */
export function evaluerSansCheminRapide(f: FonctionCatalogue, bruts: readonly ValeurBrute[], ctx: Contexte): number | boolean {
  return versCellule(f, appeler(f, bruts, ctx));
}

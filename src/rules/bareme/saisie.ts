// Lecture d'une valeur saisie par un utilisateur dans la feuille « Barème » d'un classeur : nombre,
// date, statut. Chaque lecture rend la valeur, ou la raison en français pour laquelle elle est
// refusée (« « abc » n’est pas un nombre ») : jamais une valeur devinée ni une valeur par défaut.
// Pur : les cellules arrivent déjà lues (nombre, texte, booléen, vide ou erreur Excel).
import { serieVersIso, SERIE_MAX } from '../dates';
import { Decimal } from '../decimal';
import { Statut, STATUTS } from './types';
import { estUniteMonetaire } from './validation';

/** Contenu d'une cellule lue : une date arrive en numéro de série Excel (nombre). */
export type ValeurSaisie = number | string | boolean | null | undefined | { erreur: string };

export type Lu<T> = { ok: true; v: T } | { ok: false; raison: string };

const ok = <T>(v: T): Lu<T> => ({ ok: true, v });
const refus = <T>(raison: string): Lu<T> => ({ ok: false, raison });

export const estVide = (v: ValeurSaisie): boolean => v === null || v === undefined || (typeof v === 'string' && v.trim() === '');

const estErreurExcel = (v: ValeurSaisie): v is { erreur: string } => typeof v === 'object' && v !== null;

/** La saisie telle que l'utilisateur la voit, entre guillemets, pour un message. */
export function texteSaisi(v: ValeurSaisie): string {
  if (estErreurExcel(v)) return v.erreur;
  if (typeof v === 'boolean') return v ? '« VRAI »' : '« FAUX »';
  if (typeof v === 'number') return `« ${String(v).replace('.', ',')} »`;
  return `« ${String(v ?? '').trim()} »`;
}

/** Texte d'une cellule (identifiant, source, libellé…), sans espaces autour ; '' si vide. */
export function texteDe(v: ValeurSaisie): string {
  if (v === null || v === undefined || estErreurExcel(v)) return '';
  return String(v).trim();
}

/** Minuscules sans accents ni espaces superflus, pour comparer des mots saisis. */
export function normaliser(t: string): string {
  return t.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/[_\s\u00a0\u202f]+/g, ' ').trim().toLowerCase();
}

// — Valeur —

/** Ce que dit la colonne « Valeur » : un nombre, « aucun » (valeur vide de sens : pas de plafond), ou non publié (vide). */
export interface ValeurLue {
  valeur: string | null;
  nonPublie: boolean;
}

const AUCUN = new Set(['aucun', 'aucune', 'sans']);
const OUI = new Set(['oui', 'vrai', 'true']);
const NON = new Set(['non', 'faux', 'false']);

/** Nombre décimal exact en texte (« 15000 », « 0.8 ») depuis un nombre d'Excel. */
function decimalDe(n: number): string {
  return new Decimal(String(n)).toFixed();
}

/** « 15 000,50 € », « 80 % », « 0,8 » → texte décimal ; null si ce n'est pas un nombre. */
function nombreDuTexte(t: string, unite: string): string | null {
  let s = t.replace(/[\s\u00a0\u202f]/g, '');
  let pourcent = false;
  if (s.endsWith('%') && unite === 'taux') {
    pourcent = true;
    s = s.slice(0, -1);
  } else if (s.endsWith('€') && estUniteMonetaire(unite)) s = s.slice(0, -1);
  s = s.replace(',', '.');
  if (!/^-?\d+(\.\d+)?$/.test(s)) return null;
  const d = new Decimal(s);
  return (pourcent ? d.dividedBy(100) : d).toFixed();
}

/** Bornes écrites dans l'unité (« mois (1 à 12) ») : la valeur doit s'y trouver. */
function hors(valeur: string, unite: string): string | null {
  const m = /\((\d+) à (\d+)\)/.exec(unite);
  const d = new Decimal(valeur);
  if (unite === 'oui/non' && !(d.eq(0) || d.eq(1))) return 'oui ou non attendu';
  if (m && (!d.isInteger() || d.lessThan(m[1]) || d.greaterThan(m[2]))) return `entier de ${m[1]} à ${m[2]} attendu`;
  return null;
}

/** La colonne « Valeur » d'une ligne, pour un paramètre d'unité `unite`. */
export function lireValeurSaisie(v: ValeurSaisie, unite: string): Lu<ValeurLue> {
  if (estErreurExcel(v)) return refus(`la cellule « Valeur » contient l’erreur ${v.erreur}`);
  if (estVide(v)) return ok({ valeur: null, nonPublie: true });
  let valeur: string | null;
  if (typeof v === 'boolean') {
    if (unite !== 'oui/non') return refus(`${texteSaisi(v)} n’est pas un nombre`);
    valeur = v ? '1' : '0';
  } else if (typeof v === 'number') {
    if (!Number.isFinite(v)) return refus(`${texteSaisi(v)} n’est pas un nombre`);
    valeur = decimalDe(v);
  } else {
    const mot = normaliser(String(v));
    if (AUCUN.has(mot)) return ok({ valeur: null, nonPublie: false });
    if (mot === 'non publie') return ok({ valeur: null, nonPublie: true });
    valeur = unite === 'oui/non' && OUI.has(mot) ? '1' : unite === 'oui/non' && NON.has(mot) ? '0' : nombreDuTexte(String(v), unite);
    if (valeur === null) return refus(`${texteSaisi(v)} n’est pas un nombre${unite === 'taux' ? ' (ex. 80 % ou 0,8)' : ' (ex. 15000 ou 15 000,50)'}`);
  }
  if (valeur.startsWith('-')) return refus(`valeur négative (${texteSaisi(v)}) ; une valeur du barème est positive ou nulle`);
  const borne = hors(valeur, unite);
  if (borne) return refus(`${texteSaisi(v)} : ${borne} (unité : ${unite})`);
  return ok({ valeur, nonPublie: false });
}

// — Dates —

const FRANCAISE = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/;
const ISO = /^(\d{4})-(\d{2})-(\d{2})$/;

function isoDuTexte(t: string): string | null {
  const fr = FRANCAISE.exec(t);
  const iso = fr ? `${fr[3]}-${fr[2].padStart(2, '0')}-${fr[1].padStart(2, '0')}` : t;
  const m = ISO.exec(iso);
  if (!m) return null;
  return new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]))).toISOString().slice(0, 10) === iso ? iso : null;
}

/** Une date (colonne « Du » ou « Au ») : numéro de série d'Excel, ou texte JJ/MM/AAAA ou AAAA-MM-JJ. Vide → null. */
export function lireDateSaisie(v: ValeurSaisie, colonne: string): Lu<string | null> {
  if (estErreurExcel(v)) return refus(`la cellule « ${colonne} » contient l’erreur ${v.erreur}`);
  if (estVide(v)) return ok(null);
  if (typeof v === 'number') {
    if (!Number.isFinite(v) || v < 61 || v > SERIE_MAX) return refus(`« ${colonne} » : ${texteSaisi(v)} n’est pas une date (attendu : JJ/MM/AAAA)`);
    return ok(serieVersIso(v, colonne));
  }
  const iso = typeof v === 'string' ? isoDuTexte(v.trim()) : null;
  return iso ? ok(iso) : refus(`« ${colonne} » : ${texteSaisi(v)} n’est pas une date (attendu : JJ/MM/AAAA)`);
}

// — Statut —

const STATUTS_SAISIS: ReadonlyMap<string, Statut> = new Map([
  ...STATUTS.map((s) => [normaliser(s), s] as [string, Statut]),
  ['confirme', 'confirme'],
  ['a confirmer', 'a_confirmer'],
  ['hypothese', 'hypothese'],
]);

export function lireStatutSaisi(v: ValeurSaisie): Lu<Statut> {
  const s = STATUTS_SAISIS.get(normaliser(texteDe(v)));
  if (s) return ok(s);
  const attendus = '« confirmé », « à confirmer » ou « hypothèse »';
  return refus(estVide(v) ? `statut manquant (${attendus})` : `statut ${texteSaisi(v)} inconnu (${attendus})`);
}

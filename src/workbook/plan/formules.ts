// Traduction des formules du plan (Terme) en formules Excel de forme invariante (noms anglais,
// virgules, point décimal ; fonctions du complément sous la forme `SIP.CAI(…)`).
import type { Terme } from '../../rules/plan-financement';

import { adresse } from '../adresses';

export { absolue, adresse, lettreColonne } from '../adresses';

export interface ContexteFormule {
  /** Colonne de la période. */
  col: number;
  /** Cellules d'entrée (références absolues) par clé (« medecin.0.quotite », « etp »…). */
  entrees: ReadonlyMap<string, string>;
  /** Ligne de chaque ligne du plan (pour `{ ligne }` : même colonne) ; absente pour une colonne annuelle. */
  lignes?: ReadonlyMap<string, number>;
  /** Date de début de la période et sa cellule (une date égale devient une référence). */
  debutPeriode?: { iso: string; cellule: string };
  /** Cellules des autres dates (début d'une autre période, table des dates de calcul). */
  dates?: ReadonlyMap<string, string>;
}

/** Dates (AAAA-MM-JJ) présentes dans une formule. */
export function datesDe(t: Terme, out: Set<string> = new Set()): Set<string> {
  if ('date' in t) out.add(t.date);
  else if ('sip' in t) t.args.forEach((a) => datesDe(a, out));
  else if ('op' in t) {
    datesDe(t.a, out);
    datesDe(t.b, out);
  } else if ('arrondi' in t) datesDe(t.arrondi, out);
  return out;
}

/** La formule sans « = », ou null si elle ne peut s'écrire dans ce contexte (la cellule prend alors la valeur). */
export function rendre(t: Terme, ctx: ContexteFormule): string | null {
  if ('op' in t) {
    const a = rendre(t.a, ctx);
    const b = rendre(t.b, ctx);
    if (a === null || b === null) return null;
    const additif = (u: Terme) => 'op' in u && (u.op === '+' || u.op === '-');
    const multiplicatif = t.op === '*' || t.op === '/';
    const gauche = multiplicatif && additif(t.a) ? `(${a})` : a;
    // Opérateurs non associatifs : a − (b + c), a / (b × c).
    const parenDroite = 'op' in t.b && (t.op === '/' || ((t.op === '-' || t.op === '*') && additif(t.b)));
    return `${gauche}${t.op}${parenDroite ? `(${b})` : b}`;
  }
  if ('n' in t) return t.n;
  if ('date' in t) {
    if (ctx.debutPeriode && ctx.debutPeriode.iso === t.date) return ctx.debutPeriode.cellule;
    const cellule = ctx.dates?.get(t.date);
    if (cellule) return cellule;
    const [a, m, j] = t.date.split('-').map(Number);
    return `DATE(${a},${m},${j})`;
  }
  // TRUE() plutôt que TRUE : accepté par Excel, LibreOffice et HyperFormula (qui ignore la constante).
  if ('b' in t) return t.b ? 'TRUE()' : 'FALSE()';
  if ('t' in t) return `"${t.t.replace(/"/g, '""')}"`;
  if ('entree' in t) return ctx.entrees.get(t.entree) ?? null;
  if ('ligne' in t) {
    const l = ctx.lignes?.get(t.ligne);
    return l === undefined ? null : adresse(ctx.col, l);
  }
  if ('sip' in t) {
    const args = t.args.map((a) => rendre(a, ctx));
    return args.some((a) => a === null) ? null : `SIP.${t.sip}(${args.join(',')})`;
  }
  if ('arrondi' in t) {
    const x = rendre(t.arrondi, ctx);
    return x === null ? null : `ROUND(${x},2)`;
  }
  throw new Error('Terme de formule inconnu');
}

/**
 * Somme de plusieurs formules d'une même ligne sur une année : les formules identiques sont
 * regroupées (`12*$C$14`) ; null si l'une ne s'écrit pas ou s'il y en a trop de différentes.
 */
export function sommeFormules(formules: (string | null)[], maxDifferentes = 6): string | null {
  if (formules.some((f) => f === null)) return null;
  const compte = new Map<string, number>();
  for (const f of formules as string[]) compte.set(f, (compte.get(f) ?? 0) + 1);
  if (compte.size > maxDifferentes) return null;
  return [...compte].map(([f, k]) => (k === 1 ? f : `${k}*${/^[\w$.]+$/.test(f) ? f : `(${f})`}`)).join('+');
}

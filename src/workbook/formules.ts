// Traduction d'une formule décrite par les règles (Terme) en formule Excel de forme invariante (noms
// anglais, virgules, point décimal ; fonctions du complément sous la forme `SIP.CAI(…)`), qui renvoie
// aux cellules de la feuille : données d'entrée, calculs intermédiaires, séries mensuelles du plan.
import type { Terme } from '../rules/formule';

export interface ContexteRendu {
  /** Cellules des données d'entrée (références absolues) par clé (« medecin.0.quotite », « etp »…). */
  entrees: ReadonlyMap<string, string>;
  /** Cellules des calculs intermédiaires du grand livre (« aci.2027.avance »). */
  calculs?: ReadonlyMap<string, string>;
  /** Cellule d'une série au mois m (colonne mensuelle du plan), ou null si le plan ne la montre pas. */
  serie?: (id: string, mois: number) => string | null;
  /** Formule d'une série au mois m, écrite sur place quand la cellule n'existe pas. */
  formuleSerie?: (id: string, mois: number) => Terme | undefined;
  /** Cellules portant une date (début de la période, date du versement) : une date égale y renvoie. */
  dates?: ReadonlyMap<string, string>;
}

const additif = (u: Terme) => 'op' in u && (u.op === '+' || u.op === '-');

function operation(t: Extract<Terme, { op: string }>, ctx: ContexteRendu): string | null {
  const a = rendre(t.a, ctx);
  const b = rendre(t.b, ctx);
  if (a === null || b === null) return null;
  const multiplicatif = t.op === '*' || t.op === '/';
  const gauche = multiplicatif && additif(t.a) ? `(${a})` : a;
  // Opérateurs non associatifs : a − (b + c), a / (b × c).
  const parenDroite = 'op' in t.b && (t.op === '/' || ((t.op === '-' || t.op === '*') && additif(t.b)));
  return `${gauche}${t.op}${parenDroite ? `(${b})` : b}`;
}

function date(iso: string, ctx: ContexteRendu): string {
  const cellule = ctx.dates?.get(iso);
  if (cellule) return cellule;
  const [a, m, j] = iso.split('-').map(Number);
  return `DATE(${a},${m},${j})`;
}

function serie(t: { serie: string; mois: number }, ctx: ContexteRendu): string | null {
  const cellule = ctx.serie?.(t.serie, t.mois);
  if (cellule) return cellule;
  const f = ctx.formuleSerie?.(t.serie, t.mois);
  return f ? rendre(f, ctx) : null;
}

/** La formule sans « = », ou null si elle ne peut s'écrire dans ce contexte (la cellule prend alors la valeur). */
export function rendre(t: Terme, ctx: ContexteRendu): string | null {
  if ('op' in t) return operation(t, ctx);
  if ('n' in t) return t.n;
  if ('date' in t) return date(t.date, ctx);
  // TRUE() plutôt que TRUE : accepté par Excel, LibreOffice et HyperFormula.
  if ('b' in t) return t.b ? 'TRUE()' : 'FALSE()';
  if ('t' in t) return `"${t.t.replace(/"/g, '""')}"`;
  if ('entree' in t) return ctx.entrees.get(t.entree) ?? null;
  if ('calcul' in t) return ctx.calculs?.get(t.calcul) ?? null;
  if ('serie' in t) return serie(t, ctx);
  if ('sip' in t) {
    const args = t.args.map((a) => rendre(a, ctx));
    return args.some((a) => a === null) ? null : `SIP.${t.sip}(${args.join(',')})`;
  }
  const x = rendre(t.arrondi, ctx);
  return x === null ? null : `ROUND(${x},2)`;
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

/** Texte entre guillemets pour un critère de SUMIFS (aucun caractère générique d'Excel : * ? ~). */
export function critereTexte(texte: string): string {
  return `"${texte.replace(/[~*?]/g, (c) => `~${c}`).replace(/"/g, '""')}"`;
}

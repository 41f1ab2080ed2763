// Calcul exact en entiers mis à l'échelle, pour le chemin rapide des fonctions SIP.* : une grandeur
// décimale est un entier m et une échelle s (valeur = m × 10^-s), m restant un entier « sûr » de
// JavaScript (|m| < 2^53), donc exact en flottant. Dès qu'une opération sortirait de ce domaine, son
// résultat est NaN (« non prouvé exact ») : NaN se propage dans les opérations suivantes et la règle
// appelante rend undefined, ce qui renvoie le calcul au chemin decimal.js. Tant que tout reste
// dans le domaine, le résultat est EXACTEMENT celui de decimal.js (précision 40 chiffres : un produit
// de deux entiers sûrs en a au plus 32) ; un test de propriétés le vérifie.

/** 10^0 … 10^22 : puissances de dix exactes en flottant. */
export const PUISSANCES_DE_DIX: readonly number[] = Array.from({ length: 23 }, (_, i) => Number(`1e${i}`));

const SUR = Number.MAX_SAFE_INTEGER;
/**
 * Borne d'un nombre à décimales lu dans le chemin rapide : en deçà, l'écriture décimale la plus courte
 * d'un flottant (celle que lit decimal.js : String(x)) est l'unique décimal à s chiffres après la
 * virgule qui lui corresponde (l'écart entre deux flottants voisins y est cent fois plus petit que 10^-s).
 */
const BORNE_DECIMALES = 4e13;
/** En deçà, le quotient et le reste d'une division par une puissance de dix se corrigent exactement. */
const BORNE_DIVISION = 2 ** 52;
/** Au-delà de 10 décimales, le chemin rapide laisse la main à decimal.js. */
const ECHELLE_MAX = 10;

/** x si c'est un entier sûr, sinon NaN (non prouvé exact). */
export function sur(x: number): number {
  return x <= SUR && x >= -SUR ? x : NaN;
}

/**
 * Nombre de décimales de l'écriture décimale la plus courte d'un flottant fini (ce que decimal.js en
 * lit), ou -1 s'il sort du domaine exact (trop de décimales, trop grand).
 */
export function echelle(x: number): number {
  if (Number.isInteger(x)) return x <= SUR && x >= -SUR ? 0 : -1;
  // Cas courant, d'un coup : une ou deux décimales (centimes, ETP, quotités).
  const c = Math.round(x * 100);
  if (c / 100 === x) return c <= BORNE_DECIMALES && c >= -BORNE_DECIMALES ? (c % 10 === 0 ? 1 : 2) : -1;
  return echelleAuDela(x);
}

/** Trois décimales ou plus (cas rare, à part : `echelle` reste assez courte pour être intégrée à l'appelant). */
function echelleAuDela(x: number): number {
  for (let s = 3; s <= ECHELLE_MAX; s++) {
    const p = PUISSANCES_DE_DIX[s];
    const m = Math.round(x * p);
    if (m / p === x) return m <= BORNE_DECIMALES && m >= -BORNE_DECIMALES ? s : -1;
  }
  return -1;
}

/** L'entier m de x = m × 10^-s (s donné par `echelle`). */
export function mantisse(x: number, s: number): number {
  return s === 0 ? x : Math.round(x * PUISSANCES_DE_DIX[s]);
}

/** m × 10^-s ramené à l'échelle t ≥ s (NaN hors du domaine exact). */
export function aligner(m: number, s: number, t: number): number {
  return s === t ? m : sur(m * PUISSANCES_DE_DIX[t - s]);
}

export function fois(a: number, b: number): number {
  return sur(a * b);
}

export function plus(a: number, b: number): number {
  return sur(a + b);
}

/**
 * Arrondi au centime de m × 10^-s, demi vers l'extérieur (ROUND_HALF_UP de decimal.js, ARRONDI
 * d'Excel) : le nombre de centimes, ou NaN.
 */
export function centimes(m: number, s: number): number {
  if (s <= 2) return aligner(m, s, 2);
  const p = PUISSANCES_DE_DIX[s - 2];
  if (p === undefined || m !== m) return NaN;
  const a = m < 0 ? -m : m;
  if (a > BORNE_DIVISION) return NaN;
  let q = Math.floor(a / p);
  let r = a - q * p;
  // La division flottante peut se tromper d'une unité : le reste exact la corrige.
  if (r < 0) {
    q -= 1;
    r += p;
  } else if (r >= p) {
    q += 1;
    r -= p;
  }
  if (2 * r >= p) q += 1;
  return m < 0 ? -q : q;
}

/** Un nombre de centimes en euros (valeur de cellule), ou undefined s'il n'est pas prouvé exact (NaN). */
export function euros(c: number): number | undefined {
  return c === c ? c / 100 : undefined;
}

/** La valeur flottante de m × 10^-s, arrondie au plus près comme Decimal.toNumber() ; undefined si non prouvé exact. */
export function versNombre(m: number, s: number): number | undefined {
  const v = s === 0 ? m : m / PUISSANCES_DE_DIX[s];
  return v === v ? v : undefined;
}

/** Une valeur du barème (texte décimal « 0.8 », « 9070 ») en entier et échelle, ou null hors du domaine exact. */
export interface Exact {
  m: number;
  s: number;
}

const DECIMAL_SIMPLE = /^-?(\d{1,15})(?:\.(\d{1,10}))?$/;

export function exactDeTexte(texte: string): Exact | null {
  const r = DECIMAL_SIMPLE.exec(texte);
  if (!r || r[1].length + (r[2]?.length ?? 0) > 15) return null;
  const s = r[2]?.length ?? 0;
  return { m: Number(texte.replace('.', '')), s };
}

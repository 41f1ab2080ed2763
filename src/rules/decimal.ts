// Décimal exact pour tous les montants : précision large, arrondi au centime seulement en sortie.
import DecimalBase from 'decimal.js';

export const Decimal = DecimalBase.clone({ precision: 40, rounding: DecimalBase.ROUND_HALF_UP });
export type Decimal = InstanceType<typeof Decimal>;

export const ZERO = new Decimal(0);

/** Arrondi commercial au centime (demi vers l'extérieur, comme ARRONDI d'Excel). */
export function auCentime(x: Decimal): Decimal {
  return x.toDecimalPlaces(2, Decimal.ROUND_HALF_UP);
}

export function min(a: Decimal, b: Decimal): Decimal {
  return a.lessThan(b) ? a : b;
}

export function max(a: Decimal, b: Decimal): Decimal {
  return a.greaterThan(b) ? a : b;
}

// Constantes converties une fois et partagées (un Decimal est immuable) : bornes, valeurs par
// défaut, valeurs du barème. Convertir à chaque appel coûterait plus que le calcul lui-même.
const memoire = new Map<string | number, Decimal>();
export function decimalConstant(x: string | number): Decimal {
  let d = memoire.get(x);
  if (d === undefined) {
    d = new Decimal(x);
    memoire.set(x, d);
  }
  return d;
}

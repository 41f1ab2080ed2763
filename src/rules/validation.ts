// Contraintes des entrées numériques, décrites une fois : elles servent au contrôle et aux messages.
import { Decimal, decimalConstant } from './decimal';
import { ErreurRegle } from './erreurs';

export interface Contrainte {
  min?: number;
  /** Borne basse exclue : ]min ; …]. */
  minExclu?: boolean;
  max?: number;
  entier?: boolean;
}

const fr = (n: number) => String(n).replace('.', ',');

export function decrireContrainte(c: Contrainte): string {
  const nature = c.entier ? 'entier' : 'nombre';
  if (c.min !== undefined && c.max !== undefined) {
    return `${nature} dans ${c.minExclu ? ']' : '['}${fr(c.min)} ; ${fr(c.max)}]`;
  }
  if (c.min !== undefined) return `${nature} ${c.minExclu ? '>' : '≥'} ${fr(c.min)}`;
  if (c.max !== undefined) return `${nature} ≤ ${fr(c.max)}`;
  return nature;
}

export function respecte(x: Decimal, c: Contrainte): boolean {
  if (!x.isFinite()) return false;
  if (c.entier && !x.isInteger()) return false;
  if (c.min !== undefined) {
    const comparaison = x.comparedTo(decimalConstant(c.min));
    if (c.minExclu ? comparaison <= 0 : comparaison < 0) return false;
  }
  if (c.max !== undefined && x.comparedTo(decimalConstant(c.max)) > 0) return false;
  return true;
}

/** Contrôle une entrée ; l'erreur nomme l'argument et la plage attendue. */
export function verifier(nom: string, x: Decimal, c: Contrainte): Decimal {
  if (!respecte(x, c)) {
    throw new ErreurRegle('#NOMBRE!', `${nom} : ${decrireContrainte(c)} attendu (reçu : ${x.isFinite() ? fr(x.toNumber()) : x.toString()})`, nom);
  }
  return x;
}

// Les contraintes des grandeurs du domaine.
export const POSITIF: Contrainte = { min: 0 };
export const ENTIER_POSITIF_NON_NUL: Contrainte = { min: 1, entier: true };
export const QUOTITE: Contrainte = { min: 0, minExclu: true, max: 1 };
export const NUMERO_VERSEMENT: Contrainte = { min: 1, max: 2, entier: true };

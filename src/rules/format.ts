// Mise en forme française des nombres pour les explications : 12 345,67 €.
import { Decimal } from './decimal';

const ESPACE_INSECABLE = '\u00a0';

function grouper(entier: string): string {
  return entier.replace(/\B(?=(\d{3})+(?!\d))/g, ESPACE_INSECABLE);
}

/** Nombre en français, décimales gardées telles quelles (au plus `decimales`). */
export function formatNombre(x: Decimal | number, decimales = 4): string {
  const d = new Decimal(x).toDecimalPlaces(decimales);
  const [ent, dec] = d.abs().toFixed().split('.');
  return `${d.isNegative() && !d.isZero() ? '-' : ''}${grouper(ent)}${dec ? `,${dec}` : ''}`;
}

/** Montant en euros, toujours deux décimales : 12 345,67 €. */
export function formatEuros(x: Decimal | number): string {
  const d = new Decimal(x).toDecimalPlaces(2, Decimal.ROUND_HALF_UP);
  const [ent, dec] = d.abs().toFixed(2).split('.');
  return `${d.isNegative() && !d.isZero() ? '-' : ''}${grouper(ent)},${dec}${ESPACE_INSECABLE}€`;
}

/** Taux en pourcentage : 0.8 → 80 %. */
export function formatTaux(x: Decimal): string {
  return `${formatNombre(x.times(100), 2)}${ESPACE_INSECABLE}%`;
}

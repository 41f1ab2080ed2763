// Mise en forme française des nombres pour les explications : 12 345,67 €.
import { Decimal } from './decimal';

const ESPACE_INSECABLE = '\u00a0';

function grouper(entier: string): string {
  // Par tranches de trois chiffres depuis la droite (boucle plutôt qu'expression régulière : chemin chaud).
  const tete = entier.length % 3 || 3;
  let sortie = entier.slice(0, tete);
  for (let i = tete; i < entier.length; i += 3) sortie += ESPACE_INSECABLE + entier.slice(i, i + 3);
  return sortie;
}

/** Un Decimal est immuable : inutile de le recopier. */
const enDecimal = (x: Decimal | number): Decimal => (x instanceof Decimal ? x : new Decimal(x));

/** Nombre en français, décimales gardées telles quelles (au plus `decimales`). */
export function formatNombre(x: Decimal | number, decimales = 4): string {
  const d = enDecimal(x).toDecimalPlaces(decimales);
  const [ent, dec] = d.abs().toFixed().split('.');
  return `${d.isNegative() && !d.isZero() ? '-' : ''}${grouper(ent)}${dec ? `,${dec}` : ''}`;
}

/** Montant en euros, toujours deux décimales : 12 345,67 €. */
export function formatEuros(x: Decimal | number): string {
  const texte = enDecimal(x).toFixed(2, Decimal.ROUND_HALF_UP);
  const negatif = texte.charCodeAt(0) === 45; // « - »
  const [ent, dec] = (negatif ? texte.slice(1) : texte).split('.');
  return `${negatif && (ent !== '0' || dec !== '00') ? '-' : ''}${grouper(ent)},${dec}${ESPACE_INSECABLE}€`;
}

/** Taux en pourcentage : 0,5 → 50 %. */
export function formatTaux(x: Decimal): string {
  return `${formatNombre(x.times(100), 2)}${ESPACE_INSECABLE}%`;
}

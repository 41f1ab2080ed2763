// Mise en forme française des nombres pour les explications : 12 345,67 €, 15 000 €, 80 %, 3 ans,
// 01/06/2025, et la valeur d'un paramètre du barème avec son unité (« 30 000 €/ETP », « aucune »).
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
const enDecimal = (x: Decimal | number | string): Decimal => (x instanceof Decimal ? x : new Decimal(x));

/** Nombre en français, décimales gardées telles quelles (au plus `decimales`) : un entier n'en a pas. */
export function formatNombre(x: Decimal | number, decimales = 4): string {
  const d = enDecimal(x).toDecimalPlaces(decimales);
  const [ent, dec] = d.abs().toFixed().split('.');
  return `${d.isNegative() && !d.isZero() ? '-' : ''}${grouper(ent)}${dec ? `,${dec}` : ''}`;
}

/** Montant en euros, toujours deux décimales (tableaux, totaux) : 12 345,67 € ; 15 000,00 €. */
export function formatEuros(x: Decimal | number): string {
  const texte = enDecimal(x).toFixed(2, Decimal.ROUND_HALF_UP);
  const negatif = texte.charCodeAt(0) === 45; // « - »
  const [ent, dec] = (negatif ? texte.slice(1) : texte).split('.');
  return `${negatif && (ent !== '0' || dec !== '00') ? '-' : ''}${grouper(ent)},${dec}${ESPACE_INSECABLE}€`;
}

/** Montant dans une phrase (explications) : euros entiers sans décimales (15 000 €), sinon au centime (12 345,67 €). */
export function formatMontant(x: Decimal | number): string {
  const euros = formatEuros(x);
  return euros.endsWith(`,00${ESPACE_INSECABLE}€`) ? `${euros.slice(0, -5)}${ESPACE_INSECABLE}€` : euros;
}

/** Taux en pourcentage : 0,5 → 50 % ; 0,125 → 12,5 %. */
export function formatTaux(x: Decimal): string {
  return `${formatNombre(x.times(100), 2)}${ESPACE_INSECABLE}%`;
}

/** Durée : 1 an, 1,5 an, 3 ans ; 1 mois, 24 mois (pluriel à partir de 2, à la française). */
export function formatDuree(x: Decimal | number, unite: 'an' | 'mois'): string {
  const pluriel = unite === 'an' && enDecimal(x).abs().greaterThanOrEqualTo(2);
  return `${formatNombre(x)}${ESPACE_INSECABLE}${unite}${pluriel ? 's' : ''}`;
}

const MOIS = ['janvier', 'février', 'mars', 'avril', 'mai', 'juin', 'juillet', 'août', 'septembre', 'octobre', 'novembre', 'décembre'];

/** Date AAAA-MM-JJ en JJ/MM/AAAA. */
export function formatDate(iso: string): string {
  const [a, m, j] = iso.slice(0, 10).split('-');
  return `${j}/${m}/${a}`;
}

const deuxChiffres = (n: number) => String(n).padStart(2, '0');

/**
 * Un instant (horodatage ISO, « 2026-12-01T20:24:32.560Z ») en JJ/MM/AAAA HH:MM, à l'heure locale ;
 * un texte qui n'est pas une date est rendu tel quel.
 */
export function formatDateHeure(horodatage: string): string {
  const d = new Date(horodatage);
  if (Number.isNaN(d.getTime())) return horodatage;
  return `${deuxChiffres(d.getDate())}/${deuxChiffres(d.getMonth() + 1)}/${d.getFullYear()} ${deuxChiffres(d.getHours())}:${deuxChiffres(d.getMinutes())}`;
}

/** « points/professionnel » au singulier : « point/professionnel » (le premier mot s'accorde). */
function auSingulier(unite: string): string {
  return unite.replace(/^([^\s/]+?)s(?=$|[\s/])/, (mot, racine: string) => (mot === 'mois' ? mot : racine));
}

/**
 * La valeur d'un paramètre du barème (texte décimal, ou null pour « aucune ») avec son unité, comme
 * la lit un lecteur français : 30 000 €/ETP, 80 %, 1 an, 3 ans, 24 mois, novembre, oui, 165 consultations/mois.
 */
export function formatValeurUnite(valeur: string | null, unite: string, nonPublie = false): string {
  if (nonPublie) return `non publié ${unite}`;
  if (valeur === null) return 'aucune';
  const d = new Decimal(valeur);
  if (unite === 'taux') return formatTaux(d);
  if (unite.startsWith('€')) return `${formatMontant(d)}${unite.slice(1)}`;
  if (unite === 'années') return formatDuree(d, 'an');
  if (unite === 'mois') return formatDuree(d, 'mois');
  if (unite.startsWith('mois (1 à 12)') || unite === 'mois de l’année') return d.isInteger() && d.gte(1) && d.lte(12) ? MOIS[d.toNumber() - 1] : formatNombre(d);
  if (unite === 'oui/non') return d.isZero() ? 'non' : 'oui';
  const u = d.abs().lessThan(2) ? auSingulier(unite) : unite;
  return `${formatNombre(d, 6)}${ESPACE_INSECABLE}${u}`;
}

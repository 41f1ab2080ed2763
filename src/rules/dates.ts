// Dates : les règles travaillent en AAAA-MM-JJ ; Excel donne des numéros de série (1 = 01/01/1900).
import { ErreurRegle } from './erreurs';

const MS_PAR_JOUR = 86_400_000;
/** Origine des numéros de série Excel au-delà du 28/02/1900 (Excel compte un faux 29/02/1900). */
const ORIGINE_EXCEL_UTC = Date.UTC(1899, 11, 30);
/** Plus grand numéro de série Excel : 31/12/9999. */
export const SERIE_MAX = 2_958_465;

const FORMAT_ISO = /^(\d{4})-(\d{2})-(\d{2})$/;

export function serieVersIso(serie: number, nomArgument = 'date'): string {
  if (!Number.isFinite(serie) || serie < 61 || serie > SERIE_MAX) {
    throw new ErreurRegle('#NOMBRE!', `${nomArgument} : date Excel attendue entre le 01/03/1900 et le 31/12/9999 (reçu : ${serie})`, nomArgument);
  }
  const jours = Math.floor(serie);
  return new Date(ORIGINE_EXCEL_UTC + jours * MS_PAR_JOUR).toISOString().slice(0, 10);
}

export function isoVersSerie(iso: string): number {
  verifierIso(iso);
  const [a, m, j] = iso.split('-').map(Number);
  return Math.round((Date.UTC(a, m - 1, j) - ORIGINE_EXCEL_UTC) / MS_PAR_JOUR);
}

export function verifierIso(iso: string, nomArgument = 'date'): string {
  const m = FORMAT_ISO.exec(iso);
  const d = m ? new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]))) : null;
  if (!m || !d || d.toISOString().slice(0, 10) !== iso) {
    throw new ErreurRegle('#VALEUR!', `${nomArgument} : date attendue au format AAAA-MM-JJ (reçu : « ${iso} »)`, nomArgument);
  }
  return iso;
}

/** Date du jour (locale) en AAAA-MM-JJ. */
export function aujourdhuiIso(maintenant: Date = new Date()): string {
  const a = maintenant.getFullYear();
  const m = String(maintenant.getMonth() + 1).padStart(2, '0');
  const j = String(maintenant.getDate()).padStart(2, '0');
  return `${a}-${m}-${j}`;
}

/** JJ/MM/AAAA pour l'affichage. */
export function isoVersFrancais(iso: string): string {
  const [a, m, j] = iso.split('-');
  return `${j}/${m}/${a}`;
}

/** Ajoute n mois à une date AAAA-MM-JJ (jour ramené à la fin du mois si besoin). */
export function ajouterMois(iso: string, n: number): string {
  const [a, m, j] = iso.split('-').map(Number);
  const total = a * 12 + (m - 1) + n;
  const an = Math.floor(total / 12);
  const mois = total % 12;
  const dernierJour = new Date(Date.UTC(an, mois + 1, 0)).getUTCDate();
  return `${String(an).padStart(4, '0')}-${String(mois + 1).padStart(2, '0')}-${String(Math.min(j, dernierJour)).padStart(2, '0')}`;
}

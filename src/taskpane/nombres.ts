// Lecture des nombres saisis à la française : « 1,5 », « 12 345,67 », « 12345.67 », « 1 234 € ».

const ESPACES = /[\s\u00a0\u202f]/g;
const NOMBRE = /^[+-]?(\d+([.,]\d*)?|[.,]\d+)$/;

/** Le nombre lu, ou null si le texte n'est pas un nombre (vide compris). */
export function lireNombreFr(texte: string): number | null {
  const t = texte.replace(ESPACES, '').replace(/€$/, '');
  if (!NOMBRE.test(t)) return null;
  const v = Number(t.replace(',', '.'));
  return Number.isFinite(v) ? v : null;
}

/** Affichage français d'un nombre simple (1.5 → « 1,5 »). */
export function nombreFr(x: number): string {
  return String(x).replace('.', ',');
}

const DATE_FR = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/;
const DATE_ISO = /^\d{4}-\d{2}-\d{2}$/;

/**
 * Date saisie « JJ/MM/AAAA » (ou « AAAA-MM-JJ ») → AAAA-MM-JJ, ou null si ce n'est pas une date
 * du calendrier (31/02/2027 refusé).
 */
export function lireDateFr(texte: string): string | null {
  const t = texte.trim();
  const m = DATE_FR.exec(t);
  const iso = m ? `${m[3]}-${m[2].padStart(2, '0')}-${m[1].padStart(2, '0')}` : DATE_ISO.test(t) ? t : null;
  if (!iso) return null;
  const [a, mo, j] = iso.split('-').map(Number);
  const d = new Date(Date.UTC(a, mo - 1, j));
  return d.getUTCFullYear() === a && d.getUTCMonth() === mo - 1 && d.getUTCDate() === j ? iso : null;
}

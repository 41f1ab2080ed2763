// Dates écrites en texte, lues dans l'ordre de la langue : JJ/MM/AAAA en français, MM/JJ/AAAA en
// anglais (en-US) ; AAAA-MM-JJ dans les deux. Rend la date AAAA-MM-JJ, ou null si le texte n'est
// pas une date du calendrier.
import { Locale } from './langue';

const ISO = /^(\d{4})-(\d{1,2})-(\d{1,2})$/;
const BARRES = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/;

/** Format attendu, pour les messages : « JJ/MM/AAAA ou AAAA-MM-JJ ». */
export function formatDateAttendu(ordre: Locale): string {
  return `${ordre === 'en-US' ? 'MM/JJ/AAAA' : 'JJ/MM/AAAA'} ou AAAA-MM-JJ`;
}

function dateValable(a: number, m: number, j: number): string | null {
  const d = new Date(Date.UTC(a, m - 1, j));
  if (a < 1900 || d.getUTCFullYear() !== a || d.getUTCMonth() !== m - 1 || d.getUTCDate() !== j) return null;
  return `${String(a).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(j).padStart(2, '0')}`;
}

export function texteVersIso(texte: string, ordre: Locale): string | null {
  const t = texte.trim();
  const iso = ISO.exec(t);
  if (iso) return dateValable(Number(iso[1]), Number(iso[2]), Number(iso[3]));
  const b = BARRES.exec(t);
  if (!b) return null;
  const [premier, second, annee] = [Number(b[1]), Number(b[2]), Number(b[3])];
  return ordre === 'en-US' ? dateValable(annee, premier, second) : dateValable(annee, second, premier);
}

/** Formats de date d'HyperFormula (fonctions natives, textes convertis en dates) pour un ordre. */
export function formatsHyperFormula(ordre: Locale): string[] {
  return ordre === 'en-US' ? ['MM/DD/YYYY', 'MM/DD/YY', 'YYYY-MM-DD'] : ['DD/MM/YYYY', 'DD/MM/YY', 'YYYY-MM-DD'];
}

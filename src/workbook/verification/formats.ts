// Formats de nombre comparés par ce qu'ils affichent : `#,##0.00 "€"` (exceljs, volet),
// `#,##0.00" €"` (LibreOffice) et `#,##0.00\ [$€-40C]` s'écrivent tous `#,##0.00" €"` ; les codes de
// date en minuscules ; « General », « Standard » et un format absent sont un seul format. Un format qui
// affiche autre chose (texte littéral, mise à l'échelle « , », section de plus) reste différent.
import { FORMATS_EXCEL, type FormatCellule } from '../description';

const GENERAL = 'General';
/** Caractères qui ont un sens dans un format (le reste s'affiche tel quel). */
const JETONS = new Set([...'0#?.,%;@/Ee+-:', ...'dmyhsDMYHS']);
const ESPACES = /[\u00a0\u202f\u2007]/g;

function crochets(code: string, i: number): [string, number] {
  const fin = code.indexOf(']', i);
  if (fin < 0) return [code.slice(i), code.length];
  const dedans = code.slice(i + 1, fin);
  // [$€-40C] : symbole monétaire (affiché) et langue (sans effet sur les chiffres) ; [$-40C] : langue seule.
  if (dedans.startsWith('$')) return [`\u0000${dedans.slice(1).split('-')[0]}`, fin + 1];
  return [`[${dedans.toUpperCase()}]`, fin + 1];
}

/**
 * Découpe un format en jetons et en littéraux (préfixés de \u0000) : guillemets, barre oblique
 * inverse, « _x » (espace de la largeur de x), caractères sans rôle.
 */
function jetons(code: string): string[] {
  const r: string[] = [];
  for (let i = 0; i < code.length; ) {
    const c = code[i];
    if (c === '"') {
      const fin = code.indexOf('"', i + 1);
      const t = fin < 0 ? code.slice(i + 1) : code.slice(i + 1, fin);
      for (const x of t) r.push(`\u0000${x}`);
      i = fin < 0 ? code.length : fin + 1;
    } else if (c === '\\' || c === '_') {
      r.push(`\u0000${c === '_' ? ' ' : (code[i + 1] ?? '')}`);
      i += 2;
    } else if (c === '*') i += 2; // remplissage : répète un caractère, n'affiche pas d'autre valeur
    else if (c === '[') {
      const [t, suite] = crochets(code, i);
      if (t.startsWith('\u0000')) for (const x of t.slice(1)) r.push(`\u0000${x}`);
      else r.push(t);
      i = suite;
    } else if (code.slice(i, i + 7).toLowerCase() === 'general') {
      r.push(GENERAL);
      i += 7;
    } else {
      r.push(JETONS.has(c) ? (/[dmyhsDMYHS]/.test(c) ? c.toLowerCase() : c) : `\u0000${c}`);
      i++;
    }
  }
  return r;
}

/** Forme canonique d'un format de nombre : littéraux regroupés entre guillemets. */
export function formatCanonique(code: string | null | undefined): string {
  const t = (code ?? '').replace(ESPACES, ' ').trim();
  if (!t || /^(general|standard|g\/standard)$/i.test(t)) return GENERAL;
  let r = '';
  let litteral = '';
  for (const j of jetons(t)) {
    if (j.startsWith('\u0000')) {
      litteral += j.slice(1);
      continue;
    }
    if (litteral) r += `"${litteral}"`;
    litteral = '';
    r += j;
  }
  return litteral ? `${r}"${litteral}"` : r;
}

/** Formats acceptés pour une cellule décrite : texte et booléen s'affichent tels quels (Standard ou « @ »). */
export function formatsAttendus(f: FormatCellule | undefined): string[] {
  if (!f || f === 'texte' || f === 'booleen') return [GENERAL, '@'];
  return [formatCanonique(FORMATS_EXCEL[f])];
}

/** Un format lu affiche-t-il comme l'un des formats attendus ? (Standard et « @ » se valent pour un texte.) */
export function formatConforme(lu: string | null | undefined, attendus: readonly string[], valeurTexte: boolean): boolean {
  const c = formatCanonique(lu);
  if (attendus.includes(c)) return true;
  return valeurTexte && (c === GENERAL || c === '@') && attendus.some((a) => a === GENERAL || a === '@');
}

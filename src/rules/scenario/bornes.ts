// Bornes des entrées, sans dépendance (la CLI les lit au démarrage) : taille d'un scénario, dates
// acceptées, caractères interdits dans un nom. Contrôlées par validation.ts (scénario), par
// programme/lecture.ts (candidatures) et par les options de la CLI.

/**
 * Bornes d'un scénario, vérifiées avant tout calcul. Elles couvrent chaque centre réel avec de la
 * marge : un centre de santé médical compte de 2 à une vingtaine de médecins salariés, les plus grands
 * centres de France une centaine ; un congé parental par médecin et par an sur l'horizon maximal de
 * 10 ans en ferait 10 (20 laisse deux congés par an) ; l'ACI compte une trentaine d'indicateurs.
 * Au-delà, la feuille dépasserait ce qu'Excel affiche (6 000 médecins : « Sheet size limit exceeded »).
 */
export const LIMITES_SCENARIO = { medecins: 200, congesParMedecin: 20, indicateursAci: 100, longueurNom: 255, longueurTexte: 1000 } as const;

/**
 * Dates acceptées : du 01/03/1900 (avant, le calendrier d'Excel compte un faux 29/02/1900 et décale
 * les dates d'un jour) au 31/12/2100.
 */
export const DATE_MIN = '1900-03-01';
export const DATE_MAX = '2100-12-31';

/** Caractères qu'un fichier xlsx (XML 1.0) ne peut pas porter, ou qui n'ont rien à faire dans un nom. */
const INTERDITS = /[\u0000-\u001f\u007f-\u009f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;
const INTERDITS_TOUS = new RegExp(INTERDITS.source, 'g');
const codePoint = (c: string) => `U+${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`;

/** Le premier caractère de contrôle ou invalide d'un texte, décrit en français ; null s'il n'y en a pas. */
export function caractereInterdit(t: string): string | null {
  const m = INTERDITS.exec(t);
  if (!m) return null;
  const code = m[0].charCodeAt(0);
  const nature = code < 0x20 || (code >= 0x7f && code <= 0x9f) ? 'caractère de contrôle' : 'caractère non valide';
  return `${nature} ${codePoint(m[0])} en position ${m.index + 1}`;
}

/** Un texte reçu, montrable : caractères invalides remplacés par leur code, longueur bornée. */
export function texteMontrable(t: string, max = 80): string {
  const court = t.length > max ? `${t.slice(0, max)}… (${t.length} caractères)` : t;
  return court.replace(INTERDITS_TOUS, (c) => `[${codePoint(c)}]`);
}

// Découpage d'une formule Excel en jetons (nombres, textes, noms, références, opérateurs…), selon la
// syntaxe de la langue. Textes à la manière d'Excel (guillemet doublé ""), exposants (1E5, 1,5E-3).
// Une faute de frappe donne une ErreurSyntaxe au message français, avec sa position (comptée depuis 1).
import { Syntaxe } from './langue';

export type GenreJeton =
  | 'nombre'
  | 'texte'
  | 'nom'
  | 'appel'
  | 'reference'
  | 'erreur'
  | 'operateur'
  | 'ouvrante'
  | 'fermante'
  | 'accolade-ouvrante'
  | 'accolade-fermante'
  | 'separateur'
  | 'fin';

export interface Jeton {
  genre: GenreJeton;
  /** Texte tel qu'écrit (pour un appel : le nom, sans la parenthèse). */
  texte: string;
  /** Position dans la formule, comptée depuis 1. */
  position: number;
  /** Nombre lu (nombre) ou texte sans guillemets (texte). */
  valeur?: number | string;
}

/** Une formule que la syntaxe d'Excel refuse ; `bloquante` : à ne pas confier au moteur complet. */
export class ErreurSyntaxe extends Error {
  constructor(
    message: string,
    readonly bloquante = false,
  ) {
    super(message);
    this.name = 'ErreurSyntaxe';
  }
}

// Les classes de caractères des noms sont celles d'HyperFormula (parser-consts).
const LETTRE = 'A-Za-z\\u00C0-\\u02AF';
const NOM = new RegExp(`[${LETTRE}_][${LETTRE}0-9_.]*`, 'y');
const FEUILLE = new RegExp(`(?:[${LETTRE}0-9_]+|'(?:[^']|'')*')!`, 'y');
const CELLULE = /\$?[A-Za-z]{1,3}\$?[0-9]+(?![A-Za-z0-9_.(])/y;
const COLONNES = /\$?[A-Za-z]{1,3}:\$?[A-Za-z]{1,3}(?![A-Za-z0-9_.(])/y;
const LIGNES = /\$?[0-9]+:\$?[0-9]+(?![A-Za-z0-9_.])/y;
const PLAGE_SUITE = /:(?:(?:[A-Za-z0-9_]+|'(?:[^']|'')*')!)?\$?[A-Za-z]{1,3}\$?[0-9]+(?![A-Za-z0-9_.(])/y;
const ERREUR = /#[A-Za-z0-9/]+[?!]?/y;
const ESPACES = /\s+/y;
const OPERATEURS = ['<>', '<=', '>=', '+', '-', '*', '/', '^', '&', '=', '<', '>', '%'];

function motif(re: RegExp, texte: string, i: number): string | null {
  re.lastIndex = i;
  const m = re.exec(texte);
  return m ? m[0] : null;
}

/** Nombre : chiffres, décimales après le séparateur de la langue, exposant facultatif (E ou e). */
function motifNombre(s: Syntaxe): RegExp {
  const d = s.decimal === '.' ? '\\.' : ',';
  return new RegExp(`(?:[0-9]+(?:${d}[0-9]+)?|${d}[0-9]+)(?:[eE][+-]?[0-9]+)?`, 'y');
}
const NOMBRES = new Map<string, RegExp>();

function caractereInattendu(c: string, position: number, s: Syntaxe): ErreurSyntaxe {
  let conseil = '';
  if (c === '.' && s.decimal === ',') conseil = ' : en français, la virgule sépare les décimales (1,5)';
  else if (c === ',' && s.argument === ';') conseil = ' : en français, les arguments sont séparés par « ; » et la virgule sépare les décimales';
  else if (c === '|' && s.locale === 'en-US') conseil = ' : en anglais (en-US), les lignes d’un tableau sont séparées par « ; »';
  return new ErreurSyntaxe(`caractère inattendu « ${c} » en position ${position}${conseil}`);
}

/** Texte entre guillemets ; un guillemet s'écrit "" (Excel). Rend [texte lu, longueur consommée]. */
function lireTexte(formule: string, i: number, debut: number): [string, number] {
  let j = i + 1;
  let valeur = '';
  for (;;) {
    const k = formule.indexOf('"', j);
    if (k < 0) throw new ErreurSyntaxe(`guillemet fermant manquant pour le texte ouvert en position ${i + 1 - debut}`);
    valeur += formule.slice(j, k);
    if (formule[k + 1] === '"') {
      valeur += '"';
      j = k + 2;
    } else return [valeur, k + 1 - i];
  }
}

/**
 * Découpe `formule` (sans le « = » initial) ; `decalage` : nombre de caractères qui précèdent dans
 * la formule écrite par l'utilisateur (le « = »), pour des positions qui lui parlent.
 */
export function decouper(formule: string, s: Syntaxe, decalage = 0): Jeton[] {
  let nombre = NOMBRES.get(s.decimal);
  if (!nombre) NOMBRES.set(s.decimal, (nombre = motifNombre(s)));
  const jetons: Jeton[] = [];
  const debut = -decalage;
  let i = 0;
  const pousser = (genre: GenreJeton, texte: string, longueur = texte.length, valeur?: number | string) => {
    jetons.push({ genre, texte, position: i + 1 + decalage, ...(valeur !== undefined ? { valeur } : {}) });
    i += longueur;
  };
  while (i < formule.length) {
    const c = formule[i];
    const espaces = motif(ESPACES, formule, i);
    if (espaces) {
      i += espaces.length;
      continue;
    }
    if (c === '"') {
      const [valeur, longueur] = lireTexte(formule, i, debut);
      pousser('texte', formule.slice(i, i + longueur), longueur, valeur);
      continue;
    }
    const reference = lireReference(formule, i);
    if (reference) {
      pousser('reference', reference);
      continue;
    }
    const n = motif(nombre, formule, i);
    if (n) {
      pousser('nombre', n, n.length, Number(n.replace(',', '.')));
      continue;
    }
    const nom = motif(NOM, formule, i);
    if (nom) {
      // Un appel : le nom suivi d'une parenthèse (des espaces entre deux sont tolérés).
      const apres = motif(ESPACES, formule, i + nom.length) ?? '';
      if (formule[i + nom.length + apres.length] === '(') pousser('appel', nom, nom.length + apres.length + 1);
      else pousser('nom', nom);
      continue;
    }
    const erreur = motif(ERREUR, formule, i);
    if (erreur) {
      pousser('erreur', erreur);
      continue;
    }
    const op = OPERATEURS.find((o) => formule.startsWith(o, i));
    if (op) pousser('operateur', op);
    else if (c === '(') pousser('ouvrante', c);
    else if (c === ')') pousser('fermante', c);
    else if (c === '{') pousser('accolade-ouvrante', c);
    else if (c === '}') pousser('accolade-fermante', c);
    else if (c === s.argument || c === s.colonneTableau || c === s.ligneTableau) pousser('separateur', c);
    else throw caractereInattendu(c, i + 1 + decalage, s);
  }
  jetons.push({ genre: 'fin', texte: '', position: formule.length + 1 + decalage });
  return jetons;
}

/** Référence de cellule, de plage, de colonnes ou de lignes, éventuellement précédée d'une feuille. */
function lireReference(formule: string, i: number): string | null {
  const feuille = motif(FEUILLE, formule, i) ?? '';
  const j = i + feuille.length;
  const plage = motif(COLONNES, formule, j) ?? motif(LIGNES, formule, j);
  if (plage) return feuille + plage;
  const cellule = motif(CELLULE, formule, j);
  if (!cellule) return feuille ? feuille + (motif(NOM, formule, j) ?? '') : null;
  const suite = motif(PLAGE_SUITE, formule, j + cellule.length) ?? '';
  return feuille + cellule + suite;
}

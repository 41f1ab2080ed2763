// Syntaxe d'une formule selon la langue d'Excel : séparateurs, noms des booléens, codes d'erreur.
// Module léger (aucun import) : la CLI le charge sans HyperFormula.

export type Locale = 'fr-FR' | 'en-US';

/** Les erreurs de cellule, sous les noms d'HyperFormula (ErrorType). */
export type TypeErreur = 'DIV_BY_ZERO' | 'NAME' | 'NUM' | 'VALUE' | 'NA' | 'REF' | 'SPILL' | 'CYCLE' | 'ERROR';

export interface Syntaxe {
  locale: Locale;
  decimal: ',' | '.';
  argument: ';' | ',';
  colonneTableau: ';' | ',';
  ligneTableau: '|' | ';';
  vrai: string;
  faux: string;
  /** Nom de CHAR (caractère de code n) : sert à écrire un guillemet dans un texte pour HyperFormula. */
  car: string;
  /** Code de langue d'HyperFormula. */
  langueHf: 'frFR' | 'enUS';
  codes: Record<TypeErreur, string>;
}

export const SYNTAXES: Record<Locale, Syntaxe> = {
  'fr-FR': {
    locale: 'fr-FR',
    decimal: ',',
    argument: ';',
    colonneTableau: ';',
    ligneTableau: '|',
    vrai: 'VRAI',
    faux: 'FAUX',
    car: 'CAR',
    langueHf: 'frFR',
    // Codes du pack de langue français d'HyperFormula (ceux d'Excel en français).
    codes: { DIV_BY_ZERO: '#DIV/0!', NAME: '#NOM?', NUM: '#NOMBRE!', VALUE: '#VALEUR!', NA: '#N/A', REF: '#REF!', SPILL: '#EPARS!', CYCLE: '#CYCLE!', ERROR: '#ERROR!' },
  },
  'en-US': {
    locale: 'en-US',
    decimal: '.',
    argument: ',',
    colonneTableau: ',',
    ligneTableau: ';',
    vrai: 'TRUE',
    faux: 'FALSE',
    car: 'CHAR',
    langueHf: 'enUS',
    codes: { DIV_BY_ZERO: '#DIV/0!', NAME: '#NAME?', NUM: '#NUM!', VALUE: '#VALUE!', NA: '#N/A', REF: '#REF!', SPILL: '#SPILL!', CYCLE: '#CYCLE!', ERROR: '#ERROR!' },
  },
};

export function syntaxe(locale: Locale = 'fr-FR'): Syntaxe {
  const s = SYNTAXES[locale];
  if (!s) throw new Error(`locale inconnue : ${String(locale)}`);
  return s;
}

/** Valeur d'une cellule calculée : nombre, texte, booléen, vide, ou erreur (code de la langue, message français). */
export type ValeurCalculee = number | string | boolean | null | { erreur: string; message: string };

/** Plus grand nombre de niveaux de fonctions imbriquées qu'Excel accepte. */
export const NIVEAUX_FONCTIONS_MAX = 64;
/** Niveaux imbriqués de toute sorte (parenthèses, fonctions, accolades, signes) : protège la pile. */
export const NIVEAUX_IMBRICATION_MAX = 100;
/**
 * Profondeur pondérée (analyse.ts, profondeurPonderee) au-delà de laquelle HyperFormula épuiserait sa
 * pile : mesuré sous jest, il lit 127 parenthèses imbriquées et 1 250 termes enchaînés (1+1+…).
 */
export const PROFONDEUR_MOTEUR_MAX = 1000;

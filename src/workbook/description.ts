// Description d'une feuille de simulation, indépendante de l'outil qui l'écrit : le volet (Office.js)
// et la CLI (exceljs) écrivent la même feuille depuis cette seule description.
//
// Les formules sont en forme « invariante » d'Excel : noms anglais des fonctions natives, virgule
// entre les arguments, point décimal, fonctions du complément sous la forme affichée `SIP.CAI(B5)`.
// (Office.js `range.formulas` prend cette forme ; exceljs écrit `_xldudf_SIP_CAI(B5)` dans le fichier.)

export type FormatCellule = 'euros' | 'nombre' | 'entier' | 'pourcentage' | 'date' | 'texte' | 'booleen' | 'consultations';

/** Formats de nombre Excel correspondants (français à l'affichage : 12 345,67 €). */
export const FORMATS_EXCEL: Record<FormatCellule, string> = {
  euros: '#,##0.00 "€"',
  nombre: '#,##0.00',
  entier: '#,##0',
  pourcentage: '0 %',
  date: 'dd/mm/yyyy',
  texte: '@',
  booleen: 'General',
  consultations: '#,##0.0',
};

export type StyleCellule = 'titre' | 'sous_titre' | 'entete' | 'libelle' | 'entree' | 'calcul' | 'total' | 'note' | 'alerte';

export interface Cellule {
  /** Adresse A1 dans la feuille (« B5 »). */
  adresse: string;
  /** Valeur constante (texte, nombre, booléen ; date en numéro de série Excel). */
  valeur?: string | number | boolean | null;
  /** Formule en forme invariante, commençant par « = ». */
  formule?: string;
  format?: FormatCellule;
  style?: StyleCellule;
  /** Nom défini (plage nommée) de la cellule, pour relire le scénario et pour des formules lisibles. */
  nom?: string;
}

export interface Graphique {
  type: 'colonnes_empilees' | 'ligne';
  titre: string;
  /** Plage des données (séries en lignes ou colonnes), ex. « A40:F44 ». */
  donnees: string;
  /** Coin supérieur gauche où placer le graphique. */
  ancre: string;
  /** Taille en cellules (colonnes × lignes). */
  largeurColonnes: number;
  hauteurLignes: number;
}

/** Mise en page à l'impression (A4 ; une page de large ; lignes de titres répétées). */
export interface MiseEnPage {
  orientation: 'paysage' | 'portrait';
  /** Lignes répétées en haut de chaque page imprimée (« 1:3 »). */
  lignesTitres?: string;
  /** En-tête (centre) et pied de page (gauche : date, droite : « page n / N »), texte simple. */
  entete?: string;
  pied?: string;
}

export interface DescriptionFeuille {
  /** Nom de l'onglet. */
  nom: string;
  /** Plage écrite par le générateur (ex. « A1:H140 ») : tout ce qui est hors d'elle appartient à l'utilisateur. */
  plage: string;
  colonnes: { lettre: string; largeur: number }[];
  cellules: Cellule[];
  fusions: string[];
  graphiques: Graphique[];
  /** Feuille masquée (provenance). */
  masquee?: boolean;
  miseEnPage?: MiseEnPage;
}

// Description d'une feuille de simulation, indépendante de l'outil qui l'écrit : le volet (Office.js)
// et la CLI (exceljs) écrivent la même feuille depuis cette seule description.
//
// Les formules sont en forme « invariante » d'Excel : noms anglais des fonctions natives, virgule
// entre les arguments, point décimal, fonctions du complément sous la forme affichée `SIP.CAI(B5)`.
// (Office.js `range.formulas` prend cette forme ; exceljs écrit `_xldudf_SIP_CAI(B5)` dans le fichier.)

export type FormatCellule = 'euros' | 'euros_arrondis' | 'nombre' | 'entier' | 'pourcentage' | 'date' | 'texte' | 'booleen' | 'consultations';

/** Formats de nombre Excel correspondants (français à l'affichage : 12 345,67 €). */
export const FORMATS_EXCEL: Record<FormatCellule, string> = {
  euros: '#,##0.00 "€"',
  /** Plan de financement : à l'euro près à l'affichage (la cellule garde ses centimes), pour 12 mois sur une page. */
  euros_arrondis: '#,##0 "€"',
  nombre: '#,##0.00',
  entier: '#,##0',
  pourcentage: '0 %',
  date: 'dd/mm/yyyy',
  texte: '@',
  booleen: 'General',
  consultations: '#,##0.0',
};

/**
 * Format de nombre écrit pour une cellule, le même pour les deux écrivains : une constante texte en
 * « @ » (posé avant la valeur : Excel ne convertit pas « (1) » en -1) ; une formule dans le format de
 * son résultat (« General » pour un texte) ; « General » pour un booléen ou sans format.
 */
export function formatExcel(c: Pick<Cellule, 'formule' | 'valeur' | 'format'>): string {
  if (c.formule) return c.format && c.format !== 'texte' ? FORMATS_EXCEL[c.format] : 'General';
  if (c.format === 'texte' || typeof c.valeur === 'string') return '@';
  return c.format && c.format !== 'booleen' ? FORMATS_EXCEL[c.format] : 'General';
}

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
  /** Renvoyer le texte à la ligne dans la cellule (texte long dans une colonne large). */
  renvoi?: boolean;
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

/** Marges d'impression, en centimètres. */
export interface MargesImpression {
  gauche: number;
  droite: number;
  haut: number;
  bas: number;
  /** Distance du bord de la page à l'en-tête, et au pied de page. */
  entete: number;
  pied: number;
}

/**
 * Mise en page à l'impression : A4, une page de large (hauteur libre), lignes de titres répétées,
 * en-tête et pied de page, zone d'impression = plage générée. Les deux écrivains (exceljs et
 * Office.js) l'appliquent telle quelle ; `miseEnPageA4` (impression.ts) la remplit pour une feuille.
 */
export interface MiseEnPage {
  orientation: 'paysage' | 'portrait';
  /** Lignes répétées en haut de chaque page imprimée (« 1:3 »). */
  lignesTitres?: string;
  /** En-tête : texte au centre (le centre, l'appel…), texte simple (les « & » sont protégés à l'écriture). */
  entete?: string;
  /** En-tête : à gauche (titre de la feuille) et à droite. */
  enteteGauche?: string;
  enteteDroite?: string;
  /** Pied de page à gauche (« Générée le JJ/MM/AAAA ») ; à droite, toujours « page n / N ». */
  pied?: string;
  /** Pied de page au centre. */
  piedCentre?: string;
  /** Zone d'impression ; par défaut la plage générée. */
  zone?: string;
  /** Nombre de pages de large (défaut 1) ; la hauteur suit le contenu. */
  pagesEnLargeur?: number;
  /** Marges (cm) ; par défaut MARGES_PAR_DEFAUT (impression.ts). */
  marges?: MargesImpression;
}

/** Hauteur imposée d'une ligne (points) : texte long renvoyé à la ligne dans des cellules fusionnées. */
export interface HauteurLigne {
  ligne: number;
  hauteur: number;
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
  /** Lignes de hauteur imposée (les autres suivent leur contenu). */
  hauteurs?: HauteurLigne[];
}

/** Une feuille dont les cellules sont produites dans l'ordre des lignes, au moment d'être écrites (écriture en flux). */
export type DescriptionEnFlux = Omit<DescriptionFeuille, 'cellules'> & { cellules: Iterable<Cellule> };

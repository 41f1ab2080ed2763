// L'impression d'une feuille, commune à toutes les feuilles du produit (simulation, programme SIP,
// barème…) et aux deux écrivains (exceljs, Office.js) : A4 paysage, une page de large, lignes de
// titres répétées, en-tête et pied de page en français, marges ; estimation de la place qu'occupe un
// texte (largeur de colonne, hauteur d'une ligne renvoyée). Pur : ni Office ni exceljs.
import { isoVersFrancais } from '../rules/dates';
import type { DescriptionEnFlux, MargesImpression, MiseEnPage, StyleCellule } from './description';

/** Marges (cm) : étroites à gauche et à droite pour la largeur, la place de l'en-tête en haut et en bas. */
export const MARGES_PAR_DEFAUT: MargesImpression = { gauche: 1.2, droite: 1.2, haut: 1.9, bas: 1.9, entete: 0.8, pied: 0.8 };

export interface OptionsMiseEnPage {
  /** Titre de la feuille (en-tête, à gauche) : « Simulation des financements », « Programme SIP 2023 ». */
  titre: string;
  /** Ce dont parle la feuille (en-tête, au centre) : le nom du centre, l'appel et son enveloppe. */
  sujet?: string;
  /** Date de génération AAAA-MM-JJ (pied de page, à gauche, en JJ/MM/AAAA). */
  dateGeneration?: string;
  /** Lignes de titres répétées en haut de chaque page (« 14:14 »). */
  lignesTitres?: string;
  orientation?: MiseEnPage['orientation'];
}

/**
 * LA mise en page d'une feuille du produit : A4 paysage, une page de large (hauteur libre), titre à
 * gauche et sujet au centre de l'en-tête, « Générée le JJ/MM/AAAA » à gauche du pied de page et
 * « page n / N » à droite, marges MARGES_PAR_DEFAUT, zone d'impression = plage générée.
 */
export function miseEnPageA4(o: OptionsMiseEnPage): MiseEnPage {
  return {
    orientation: o.orientation ?? 'paysage',
    enteteGauche: o.titre,
    ...(o.sujet ? { entete: o.sujet } : {}),
    ...(o.dateGeneration ? { pied: `Générée le ${isoVersFrancais(o.dateGeneration.slice(0, 10))}` } : {}),
    ...(o.lignesTitres ? { lignesTitres: o.lignesTitres } : {}),
    pagesEnLargeur: 1,
    marges: MARGES_PAR_DEFAUT,
  };
}

/** Parties d'un en-tête ou d'un pied de page, codes d'Excel compris (« &P »), prêtes à écrire. */
export interface PartiesEnTete {
  gauche: string;
  centre: string;
  droite: string;
}

/** Longueur gardée de chaque partie : Excel refuse un en-tête de plus de 255 caractères. */
const LONGUEUR_PARTIE = 80;

/** Texte simple → texte d'en-tête : « & » doublé (sinon pris pour un code), longueur bornée. */
export function protegerEnTete(texte: string | undefined): string {
  if (!texte) return '';
  const t = texte.length > LONGUEUR_PARTIE ? `${texte.slice(0, LONGUEUR_PARTIE - 1)}…` : texte;
  return t.replace(/&/g, '&&');
}

export const NUMERO_DE_PAGE = 'page &P / &N';

export function partiesEnTete(m: MiseEnPage): { entete: PartiesEnTete; pied: PartiesEnTete } {
  return {
    entete: { gauche: protegerEnTete(m.enteteGauche), centre: protegerEnTete(m.entete), droite: protegerEnTete(m.enteteDroite) },
    pied: { gauche: protegerEnTete(m.pied), centre: protegerEnTete(m.piedCentre), droite: NUMERO_DE_PAGE },
  };
}

/** Les trois parties en une chaîne d'en-tête Excel (« &Lgauche&Ccentre&Rdroite »). */
export function codeEnTete(p: PartiesEnTete): string {
  return `${p.gauche ? `&L${p.gauche}` : ''}${p.centre ? `&C${p.centre}` : ''}${p.droite ? `&R${p.droite}` : ''}`;
}

/** Zone d'impression : celle de la mise en page, sinon la plage générée. */
export function zoneImpression(d: Pick<DescriptionEnFlux, 'plage' | 'miseEnPage'>): string {
  return d.miseEnPage?.zone ?? d.plage;
}

/** « 14:14 » ou « 14 » → « $14:$14 » (lignes de titres d'Office.js). */
export function lignesAbsolues(lignes: string): string {
  const [a, b = a] = lignes.replace(/\$/g, '').split(':');
  return `$${a}:$${b}`;
}

export const cmVersPouces = (cm: number) => Math.round((cm / 2.54) * 1000) / 1000;
export const cmVersPoints = (cm: number) => Math.round((cm / 2.54) * 72 * 10) / 10;

// ——— Place d'un texte ———

/** Taille de police de chaque style (points), celle des deux écrivains. */
const TAILLE: Partial<Record<StyleCellule, number>> = { titre: 14, sous_titre: 12, note: 9 };
const GRAS: ReadonlySet<StyleCellule> = new Set(['titre', 'sous_titre', 'entete', 'total', 'alerte']);

export const taillePolice = (style: StyleCellule | undefined) => (style && TAILLE[style]) ?? 11;

/**
 * Largeur d'un texte en unités de largeur de colonne d'Excel (chiffre « 0 » de la police standard) :
 * un caractère courant de Calibri 11 en vaut environ 0,9 (majuscules et gras un peu plus).
 */
export function largeurTexte(texte: string, style?: StyleCellule): number {
  let unites = 0;
  for (const ch of texte) unites += /[A-Z0-9ÀÉÈÊ€%—]/.test(ch) ? 1.05 : /[iljtf.,;:'’ ()]/.test(ch) ? 0.55 : 0.9;
  return unites * (taillePolice(style) / 11) * (style && GRAS.has(style) ? 1.07 : 1);
}

/** Largeur de colonne (caractères) qui montre un libellé sans le couper (marge des bords de cellule). */
export const largeurPourTexte = (texte: string, style?: StyleCellule) => Math.ceil(largeurTexte(texte, style) + 2);

/** Hauteur (points) d'une ligne dont le texte est renvoyé à la ligne dans `largeur` caractères. */
export function hauteurTexte(texte: string, largeur: number, style?: StyleCellule): number {
  const utile = Math.max(1, largeur - 1.5);
  const lignes = Math.max(1, Math.ceil(largeurTexte(texte, style) / utile));
  return Math.ceil(lignes * taillePolice(style) * 1.3 + 3);
}

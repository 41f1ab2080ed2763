// Relecture de la feuille « Barème » d'un classeur, depuis ses cellules lues (exceljs dans la CLI,
// Office.js dans le runtime partagé, `CelluleLue` de verification.ts) : la ligne de titres est
// retrouvée par ses titres (l'utilisateur peut insérer des lignes au-dessus ou déplacer des colonnes),
// chaque ligne suivante devient une `LigneBareme`, puis le barème (src/rules/bareme/depuis-lignes).
// Une feuille illisible (titres absents) rend TOUS les paramètres invalides : jamais de retour
// silencieux au barème par défaut. Pur.
import { baremeDepuisLignes, baremeToutInvalide, type BaremeLu, type LigneBareme, type ValeurSaisie } from '../../rules/bareme/depuis-lignes';
import { normaliser } from '../../rules/bareme/saisie';
import type { Bareme } from '../../rules/bareme/types';
import { colonneDe, ligneDe } from '../adresses';
import type { CelluleLue } from '../verification/types';
import { COLONNES_BAREME, NOM_FEUILLE_BAREME } from './colonnes';

/** Au-delà, la feuille n'est pas lue (un barème compte une centaine de lignes). */
export const LIGNES_BAREME_MAX = 5000;

type Champ = Exclude<keyof LigneBareme, 'ligne'>;

/** Titre de colonne (normalisé) → champ de la ligne. */
const CHAMPS: ReadonlyMap<string, Champ> = new Map([
  ['identifiant', 'identifiant'],
  ['libelle', 'libelle'],
  ['valeur', 'valeur'],
  ['unite', 'unite'],
  ['du', 'du'],
  ['au', 'au'],
  ['statut', 'statut'],
  ['source', 'source'],
  ['note', 'note'],
]);
const OBLIGATOIRES: readonly Champ[] = ['identifiant', 'valeur', 'du', 'au', 'statut', 'source'];
const TITRE: Record<Champ, string> = Object.fromEntries(COLONNES_BAREME.map((t) => [CHAMPS.get(normaliser(t)), t])) as Record<Champ, string>;

export interface LignesLues {
  lignes: LigneBareme[];
  /** Problèmes qui empêchent toute lecture (titres introuvables, feuille trop longue). */
  erreurs: string[];
}

/** Cellules par ligne, puis par colonne. */
function grille(cellules: readonly CelluleLue[]): Map<number, Map<number, ValeurSaisie>> {
  const g = new Map<number, Map<number, ValeurSaisie>>();
  for (const c of cellules) {
    const a = c.adresse.replace(/\$/g, '').toUpperCase();
    const l = ligneDe(a);
    if (!g.has(l)) g.set(l, new Map());
    g.get(l)?.set(colonneDe(a), c.valeur);
  }
  return g;
}

/** La ligne de titres : la première qui a une cellule « Identifiant ». */
function ligneTitres(g: Map<number, Map<number, ValeurSaisie>>): { ligne: number; colonnes: Map<Champ, number> } | null {
  for (const l of [...g.keys()].sort((a, b) => a - b)) {
    const cellules = g.get(l) ?? new Map<number, ValeurSaisie>();
    const colonnes = new Map<Champ, number>();
    for (const [c, v] of cellules) {
      const champ = typeof v === 'string' ? CHAMPS.get(normaliser(v)) : undefined;
      if (champ && !colonnes.has(champ)) colonnes.set(champ, c);
    }
    if (colonnes.has('identifiant')) return { ligne: l, colonnes };
  }
  return null;
}

/** Les lignes de valeurs de la feuille « Barème » (cellules lues), ou ce qui empêche de les lire. */
export function lignesDepuisCellules(cellules: readonly CelluleLue[], feuille = NOM_FEUILLE_BAREME): LignesLues {
  const g = grille(cellules);
  const titres = ligneTitres(g);
  const attendus = COLONNES_BAREME.map((t) => `« ${t} »`).join(', ');
  if (!titres) return { lignes: [], erreurs: [`${feuille} : ligne de titres introuvable (${attendus}) ; le barème de la feuille ne peut pas être lu`] };
  const manquants = OBLIGATOIRES.filter((c) => !titres.colonnes.has(c));
  if (manquants.length) {
    const noms = manquants.map((c) => `« ${TITRE[c]} »`).join(', ');
    return { lignes: [], erreurs: [`${feuille}, ligne ${titres.ligne} : colonne${manquants.length > 1 ? 's' : ''} ${noms} introuvable${manquants.length > 1 ? 's' : ''} dans la ligne de titres (attendu : ${attendus})`] };
  }
  const numeros = [...g.keys()].filter((l) => l > titres.ligne).sort((a, b) => a - b);
  if (numeros.length > LIGNES_BAREME_MAX) return { lignes: [], erreurs: [`${feuille} : ${numeros.length} lignes, au-delà de la limite de ${LIGNES_BAREME_MAX} ; le barème de la feuille ne peut pas être lu`] };
  const lignes = numeros.map((l) => {
    const cellules = g.get(l) ?? new Map<number, ValeurSaisie>();
    const ligne = { ligne: l } as LigneBareme;
    for (const [champ, c] of titres.colonnes) ligne[champ] = cellules.get(c) ?? null;
    return ligne;
  });
  return { lignes, erreurs: [] };
}

/** Le barème d'un classeur depuis les cellules lues de sa feuille « Barème ». */
export function baremeDepuisCellules(cellules: readonly CelluleLue[], defaut: Bareme, feuille = NOM_FEUILLE_BAREME): BaremeLu {
  const { lignes, erreurs } = lignesDepuisCellules(cellules, feuille);
  if (erreurs.length) return baremeToutInvalide(defaut, erreurs.join(' ; '));
  return baremeDepuisLignes(lignes, defaut, { feuille });
}

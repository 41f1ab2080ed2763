// Largeurs et textes longs d'une feuille décrite, pour qu'aucun libellé ne soit coupé à l'écran ni à
// l'impression : une colonne de libellés prend la largeur de son plus long libellé (bornée) ; un texte
// long seul au bout de sa ligne (note, motif, avertissement) s'étend sur la largeur du tableau,
// renvoyé à la ligne, la hauteur de la ligne calculée (Excel n'ajuste pas seul une ligne fusionnée).
// Pur : ni Office ni exceljs.
import { adresse, colonneDe, ligneDe } from './adresses';
import type { Cellule, HauteurLigne } from './description';
import { hauteurTexte, largeurPourTexte } from './impression';

/** Bornes d'une plage « B5:E5 ». */
function bornes(plage: string): { c1: number; l1: number; c2: number; l2: number } {
  const [a, b = a] = plage.split(':');
  return { c1: colonneDe(a), l1: ligneDe(a), c2: colonneDe(b), l2: ligneDe(b) };
}

const estTexte = (c: Cellule): c is Cellule & { valeur: string } => !c.formule && typeof c.valeur === 'string' && c.valeur !== '';

/** Cellules par ligne, chacune triée par colonne. */
function parLigne(cellules: readonly Cellule[]): Map<number, Cellule[]> {
  const r = new Map<number, Cellule[]>();
  for (const c of cellules) {
    const l = ligneDe(c.adresse);
    const liste = r.get(l) ?? [];
    liste.push(c);
    r.set(l, liste);
  }
  for (const liste of r.values()) liste.sort((a, b) => colonneDe(a.adresse) - colonneDe(b.adresse));
  return r;
}

/** Cellules couvertes par une fusion (coin compris). */
function dansFusions(fusions: readonly string[]): Set<string> {
  const r = new Set<string>();
  for (const f of fusions) {
    const b = bornes(f);
    for (let l = b.l1; l <= b.l2; l++) for (let c = b.c1; c <= b.c2; c++) r.add(adresse(c, l));
  }
  return r;
}

/**
 * Largeur de chaque colonne demandée : celle de son plus long libellé suivi d'une autre cellule sur
 * sa ligne (un texte seul déborde à droite sans être coupé), entre la largeur déjà fixée et `max` ;
 * un libellé plus long que `max` est renvoyé à la ligne. Les en-têtes de tableau, déjà renvoyés à la
 * ligne, ne comptent pas.
 */
export function ajusterLargeurs(
  cellules: readonly Cellule[],
  fusions: readonly string[],
  largeurs: Map<number, number>,
  demandes: ReadonlyMap<number, number>,
): Cellule[] {
  const fusionnees = dansFusions(fusions);
  const lignes = parLigne(cellules);
  const trop = new Set<string>();
  for (const [col, max] of demandes) {
    let mesure = largeurs.get(col) ?? 0;
    for (const liste of lignes.values()) {
      const k = liste.findIndex((c) => colonneDe(c.adresse) === col);
      const c = liste[k];
      if (!c || k === liste.length - 1 || !estTexte(c) || c.style === 'entete' || fusionnees.has(c.adresse)) continue;
      const l = largeurPourTexte(c.valeur, c.style);
      if (l > max) trop.add(c.adresse);
      else mesure = Math.max(mesure, l);
    }
    largeurs.set(col, Math.min(Math.max(mesure, largeurs.get(col) ?? 0), Math.max(max, largeurs.get(col) ?? 0)));
  }
  return cellules.map((c) => (trop.has(c.adresse) ? { ...c, renvoi: true } : c));
}

export interface TextesLongs {
  cellules: Cellule[];
  fusions: string[];
  hauteurs: HauteurLigne[];
}

/** Styles d'un texte qui peut s'étendre à droite : commentaires et titres, jamais une saisie ni un titre de colonne parmi d'autres. */
const EXTENSIBLES: ReadonlySet<string> = new Set(['note', 'alerte', 'titre', 'sous_titre', 'libelle', '']);

/**
 * Un texte (note, motif, avertissement, titre) au bout de sa ligne, plus large que sa colonne,
 * s'étend jusqu'à `derniereColonne` (fusion), renvoyé à la ligne ; un texte déjà fusionné trop long
 * pour sa fusion est renvoyé à la ligne. La hauteur de ces lignes est calculée d'après la largeur de
 * la fusion. Les saisies (cellules jaunes) et les titres de colonnes ne s'étendent pas.
 */
export function etendreTextesLongs(
  cellules: readonly Cellule[],
  fusions: readonly string[],
  largeurs: ReadonlyMap<number, number>,
  derniereColonne: number,
): TextesLongs {
  const largeur = (c1: number, c2: number) => Array.from({ length: c2 - c1 + 1 }, (_, k) => largeurs.get(c1 + k) ?? 0).reduce((a, b) => a + b, 0);
  const coins = new Map(fusions.map((f) => [f.split(':')[0], bornes(f)]));
  const fusionnees = dansFusions(fusions);
  const nouvelles: string[] = [];
  const hauteurs = new Map<number, number>();
  const renvoyees = new Set<string>();
  const renvoyer = (c: Cellule & { valeur: string }, c1: number, c2: number) => {
    renvoyees.add(c.adresse);
    const l = ligneDe(c.adresse);
    hauteurs.set(l, Math.max(hauteurs.get(l) ?? 0, hauteurTexte(c.valeur, largeur(c1, c2), c.style)));
  };
  const tropLong = (c: Cellule & { valeur: string }, c1: number, c2: number) => largeurPourTexte(c.valeur, c.style) > largeur(c1, c2);
  for (const liste of parLigne(cellules).values()) {
    for (const c of liste) {
      const fusion = coins.get(c.adresse);
      if (fusion && estTexte(c) && tropLong(c, fusion.c1, fusion.c2)) renvoyer(c, fusion.c1, fusion.c2);
    }
    const c = liste[liste.length - 1];
    const col = colonneDe(c.adresse);
    const extensible = EXTENSIBLES.has(c.style ?? '') || (c.style === 'entete' && liste.length === 1);
    if (!estTexte(c) || !extensible || fusionnees.has(c.adresse) || col >= derniereColonne || !tropLong(c, col, col)) continue;
    nouvelles.push(`${c.adresse}:${adresse(derniereColonne, ligneDe(c.adresse))}`);
    renvoyer(c, col, derniereColonne);
  }
  return {
    cellules: cellules.map((c) => (renvoyees.has(c.adresse) ? { ...c, renvoi: true } : c)),
    fusions: [...fusions, ...nouvelles],
    hauteurs: [...hauteurs].sort((a, b) => a[0] - b[0]).map(([ligne, hauteur]) => ({ ligne, hauteur })),
  };
}

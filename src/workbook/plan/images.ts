// Images PNG des graphiques d'une feuille pour la CLI (exceljs n'écrit pas de graphiques natifs) : le
// SVG du graphique, construit depuis les valeurs de sa plage, converti par @resvg/resvg-js avec les polices du système (DejaVu Sans). Node seulement :
// ne pas importer depuis le volet.
import { Resvg } from '@resvg/resvg-js';
import { colonneDe, lettreColonne } from '../adresses';
import type { Graphique } from '../description';
import { DonneesGraphique, svgGraphique } from './svg';

export interface ImagePlan {
  titre: string;
  png: Buffer;
  /** Coin supérieur gauche (« A120 »), le même que le graphique natif du volet. */
  ancre: string;
  largeurPx: number;
  hauteurPx: number;
}

export function pngDepuisSvg(svg: string): Buffer {
  const r = new Resvg(svg, { font: { loadSystemFonts: true, defaultFontFamily: 'DejaVu Sans' }, fitTo: { mode: 'original' } });
  return r.render().asPng();
}

/**
 * Image d'un graphique quelconque d'une description de feuille, depuis les valeurs de sa plage
 * (valeurs en cache calculées par le moteur) : permet à l'écrivain exceljs de remplacer chaque
 * `graphique` par son image sans connaître le plan. `lire(adresse)` rend la valeur d'une cellule.
 */
export function imageGraphique(g: Graphique, lire: (adresse: string) => unknown, largeurPx = 640, hauteurPx = 360): ImagePlan {
  const m = /^\$?([A-Z]+)\$?(\d+):\$?([A-Z]+)\$?(\d+)$/.exec(g.donnees);
  if (!m) throw new Error(`Plage de graphique illisible : ${g.donnees}`);
  const [c1, l1, c2, l2] = [colonneDe(m[1]), Number(m[2]), colonneDe(m[3]), Number(m[4])];
  const categories: string[] = [];
  for (let c = c1 + 1; c <= c2; c++) categories.push(String(lire(`${lettreColonne(c)}${l1}`) ?? ''));
  const series: DonneesGraphique['series'] = [];
  for (let l = l1 + 1; l <= l2; l++) {
    const valeurs: number[] = [];
    for (let c = c1 + 1; c <= c2; c++) {
      const v = lire(`${lettreColonne(c)}${l}`);
      valeurs.push(typeof v === 'number' ? v : 0);
    }
    series.push({ nom: String(lire(`${lettreColonne(c1)}${l}`) ?? ''), valeurs });
  }
  const svg = svgGraphique({ type: g.type, titre: g.titre, categories, series }, largeurPx, hauteurPx);
  return { titre: g.titre, png: pngDepuisSvg(svg), ancre: g.ancre, largeurPx, hauteurPx };
}

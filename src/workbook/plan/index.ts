// Graphiques du plan de financement : natifs dans le volet (Office.js), SVG → PNG dans la CLI. Sans
// dépendance Node : les images PNG de la CLI sont dans ./images (à importer seulement côté Node).
export { ajouterGraphiques, remplacerGraphiques } from './office-graphiques';
export { svgGraphique, eurosArrondis } from './svg';
export type { DonneesGraphique } from './svg';
export { TITRE_GRAPHIQUE_AIDES, TITRE_GRAPHIQUE_SOLDE } from '../simulation/synthese';

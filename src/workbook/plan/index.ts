// Plan de financement dans la feuille de simulation (issue 8). Sans dépendance Node : les images PNG
// de la CLI sont dans ./images (à importer seulement côté Node).
export { blocPlanFinancement, blocPlanDeFinancement, donneesGraphiques, TITRE_PLAN, TITRE_GRAPHIQUE_AIDES, TITRE_GRAPHIQUE_SOLDE } from './bloc';
export type { BlocPlan } from './bloc';
export { ajouterGraphiques, remplacerGraphiques } from './office-graphiques';
export { svgGraphique, eurosArrondis } from './svg';
export type { DonneesGraphique } from './svg';

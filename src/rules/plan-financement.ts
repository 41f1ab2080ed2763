// Plan de financement pluriannuel d'un centre (issue 8) : point d'entrée.
// Calcul pur et exact (decimal.js) ; chaque aide vient d'une règle du moteur. Voir src/rules/plan/.
export * from './plan/types';
export { planFinancement, sensibilite, surPeriode, FACTEURS_SENSIBILITE, MOIS_DETAILLES } from './plan/calcul';
export type { LigneSensibilite } from './plan/calcul';
export { Calendrier } from './plan/calendrier';

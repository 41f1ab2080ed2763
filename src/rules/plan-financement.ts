// Plan de financement pluriannuel d'un centre : point d'entrée (voir src/rules/plan/).
export * from './plan/types';
export { planFinancement, periodesDuPlan, sensibilite, surPeriode, FACTEURS_SENSIBILITE, MOIS_DETAILLES } from './plan/plan';
export type { LigneSensibilite } from './plan/plan';
export { Calendrier } from './calendrier';

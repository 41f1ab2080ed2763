// Le grand livre des versements : point d'entrée.
export * from './types';
export { grandLivre } from './livre';
export { cleLigne, lignesAides, parMois, totaux } from './vues';
export type { LigneAides, TotalFinanceur, Totaux } from './vues';
export { livreJson, versementJson } from './json';
export type { LivreJson, VersementJson } from './json';
export { echeancierSip } from './sip';

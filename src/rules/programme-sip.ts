// Programme SIP de l'année (ticket 9) : point d'entrée du moteur pur (voir src/rules/programme/).
export * from './programme/types';
export { calculerProgramme, resoudreAppel } from './programme/programme';
export { motifsIneligibilite, CONDITIONS_ELIGIBILITE } from './programme/eligibilite';
export { ordonner, criteres, ORDRE_ZONES, REGLE_CLASSEMENT } from './programme/priorite';
export * from './programme/lecture';

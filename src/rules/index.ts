// Le moteur de règles : aucune dépendance à Office ni au DOM.
export * from './bareme/types';
export { BAREME_PAR_DEFAUT } from './bareme/donnees';
export { ErreurParametreNonPublie, estParametreNonPublie, LecteurBareme, parametreDe, trouverValeur, valeurEnVigueur } from './bareme/lecture';
export { validerBareme, type ErreurBareme } from './bareme/validation';
export * from './sources';
export * from './decimal';
export * from './erreurs';
export * from './dates';
export * from './explication';
export * from './format';
export * from './validation';
export * from './regles/sip';
export * from './regles/cds';
export * from './regles/postes400';
export * from './regles/aci';
export * from './regles/zonage';

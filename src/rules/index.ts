// Le moteur de règles : aucune dépendance à Office ni au DOM.
export * from './bareme/types';
export { BAREME_PAR_DEFAUT } from './bareme/donnees';
export { LecteurBareme, trouverValeur } from './bareme/lecture';
export * from './decimal';
export * from './erreurs';
export * from './dates';
export * from './explication';
export * from './format';
export * from './validation';
export * from './sip';
export * from './contrats-cds';
export * from './postes400';
export * from './aci';
export * from './eligibilite';

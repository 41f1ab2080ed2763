// Vérification d'un classeur de simulation : point d'entrée (CLI `sip verify`, volet, signature).
//  - types.ts : cellules lues, constats, rapport ;
//  - verifier.ts : la feuille reconstruite depuis la provenance, comparée cellule par cellule ;
//  - cellules.ts : formules, constantes, données d'entrée, formats, contenu ajouté ;
//  - formules.ts, formats.ts, valeurs.ts : comparaisons par le sens (ré-enregistrements honnêtes) ;
//  - hors-zone.ts : formules hors de la zone qui la citent ; bareme.ts : barème comparé au courant ;
//  - sans-tableur.ts : recalcul des appels SIP.* simples sans HyperFormula (volet).
export * from './types';
export { verifierClasseur, feuilleAttendue, type OptionsVerification } from './verifier';
export { comparerBaremes } from './bareme';
export { recalculerSansTableur } from './sans-tableur';
export { normaliserFormule, referencesDe, booleenDeFormule } from './formules';
export { formatCanonique } from './formats';
export { memeValeur, memeConstante, texteValeur } from './valeurs';
export { cellulePreparee } from './cellules';

export * from './types';
export * from './fonctions';
export * from './appel';
export * from './documentation';

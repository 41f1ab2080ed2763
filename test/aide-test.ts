// Outils communs des tests : évaluer une fonction du catalogue à une date fixe.
import { evaluer, trouverFonction, ValeurBrute, appeler } from '../src/catalogue';
import { BAREME_PAR_DEFAUT } from '../src/rules/bareme/donnees';
import { ErreurRegle } from '../src/rules/erreurs';

export const AUJOURDHUI = '2026-11-23';
export const CTX = { bareme: BAREME_PAR_DEFAUT, aujourdhui: AUJOURDHUI };

export function sip(nom: string, ...args: ValeurBrute[]): number | boolean {
  const f = trouverFonction(nom);
  if (!f) throw new Error(`fonction inconnue ${nom}`);
  return evaluer(f, args, CTX);
}

export function explication(nom: string, ...args: ValeurBrute[]) {
  return appeler(trouverFonction(nom)!, args, CTX).explication;
}

/** L'erreur levée par un appel (échoue si l'appel réussit). */
export function erreur(nom: string, ...args: ValeurBrute[]): ErreurRegle {
  try {
    const v = sip(nom, ...args);
    throw new Error(`SIP.${nom}(${args.join(';')}) devait échouer, a rendu ${v}`);
  } catch (e) {
    if (e instanceof ErreurRegle) return e;
    throw e;
  }
}

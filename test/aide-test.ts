// Outils communs des tests : évaluer une fonction du catalogue à une date fixe.
import { evaluer, trouverFonction, ValeurBrute, appeler } from '../src/catalogue';
import { BAREME_PAR_DEFAUT } from '../src/rules/bareme/donnees';
import { ErreurRegle } from '../src/rules/erreurs';

export const AUJOURDHUI = '2026-11-23';
export const CTX = { bareme: BAREME_PAR_DEFAUT, aujourdhui: AUJOURDHUI };
/** Une date de signature d'avant le 01/01/2026 (01/06/2025, numéro de série Excel) : les contrats CAI, COSCO, CST y sont possibles. */
export const SIGNE_2025 = 45809;

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

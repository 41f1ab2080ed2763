// Lecture des exemples de chaque fonction du catalogue, gardés en données à côté d'elle (exemples.json,
// schéma exemples.schema.json) : formule telle qu'on la tape dans Excel en français, date de calcul,
// résultat attendu (calculé à la main depuis les sources) ou erreur attendue, explication et source.
// Un test les exécute tous (test/catalogue/exemples.test.ts) ; l'aide (aide.html), `sip explain
// FONCTION` et le README les affichent (documentation.ts).
import type { Source } from '../rules/bareme/types';
import { verifierIso } from '../rules/dates';
import type { CodeErreur } from '../rules/erreurs';
import donnees from './exemples.json';
import type { FonctionCatalogue } from './types';

/** Un exemple tel qu'il est écrit dans exemples.json. */
export interface ExempleDonnees {
  formule: string;
  /** Date de calcul, JJ/MM/AAAA ou AAAA-MM-JJ. */
  date: string;
  /** Valeur exacte en texte (point décimal), ou VRAI / FAUX. */
  resultat?: string;
  /** Message exact, ou une partie qui le distingue terminée par « … ». */
  erreur?: { code: CodeErreur; message: string };
  explication: string;
  source: Source;
}

/** Un exemple prêt à l'emploi : la date de calcul en AAAA-MM-JJ. */
export interface ExempleFonction extends Omit<ExempleDonnees, 'date'> {
  /** Date de calcul (AAAA-MM-JJ) : la « date du jour » du calcul, valeur d'une date omise. */
  date: string;
}

export interface FichierExemples {
  exemples: Record<string, ExempleDonnees[]>;
}

/** Les données brutes (pour la validation par le schéma). */
export const DONNEES_EXEMPLES = donnees as unknown as FichierExemples;

const DATE_FR = /^(\d{2})\/(\d{2})\/(\d{4})$/;

/** JJ/MM/AAAA ou AAAA-MM-JJ → AAAA-MM-JJ ; une date impossible lève une erreur. */
export function dateExemple(texte: string): string {
  const fr = DATE_FR.exec(texte);
  return verifierIso(fr ? `${fr[3]}-${fr[2]}-${fr[1]}` : texte, 'date de l’exemple');
}

const PAR_FONCTION = new Map<string, readonly ExempleFonction[]>(
  Object.entries(DONNEES_EXEMPLES.exemples).map(([nom, liste]) => [nom, liste.map((e) => ({ ...e, date: dateExemple(e.date) }))]),
);

/** Le message attendu est-il une partie du message (terminée par « … ») ? Rend la partie, ou null. */
export function partieDuMessage(message: string): string | null {
  return message.endsWith('…') ? message.slice(0, -1) : null;
}

/** Noms des fonctions (sans l'espace de noms) qui ont des exemples. */
export function fonctionsAvecExemples(): string[] {
  return [...PAR_FONCTION.keys()];
}

/** Les exemples d'une fonction du catalogue (ou de son nom, PLAFOND), dans l'ordre du fichier. */
export function exemplesDe(f: FonctionCatalogue | string): readonly ExempleFonction[] {
  return PAR_FONCTION.get(typeof f === 'string' ? f : f.nom) ?? [];
}

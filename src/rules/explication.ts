// Chaque résultat s'explique : la règle, les entrées, chaque paramètre utilisé (valeur, dates,
// source, statut), les interprétations retenues et les avertissements.
import { Source, Statut, ValeurDatee } from './bareme/types';
import { Decimal } from './decimal';

/** Un paramètre lu dans le barème : sa valeur datée, avec son identifiant, son libellé et son unité. */
export interface ParametreUtilise extends ValeurDatee {
  id: string;
  libelle: string;
  unite: string;
}

export interface Interpretation {
  texte: string;
  statut: Statut;
  source: Source;
}

export interface Regle {
  id: string;
  libelle: string;
  source: Source;
}

/** Valeur d'une entrée ; un Decimal est gardé tel quel (converti seulement à l'affichage). */
export type ValeurEntree = string | number | boolean | null | Decimal;

export interface Explication {
  regle: Regle;
  /** Date à laquelle le barème a été lu (AAAA-MM-JJ), absente si la règle n'en lit aucun. */
  date?: string;
  entrees: Record<string, ValeurEntree>;
  /** Le calcul, chiffres compris, lisible par une personne. */
  calcul: string;
  parametres: ParametreUtilise[];
  interpretations: Interpretation[];
  avertissements: string[];
}

export interface Resultat<T = Decimal> {
  valeur: T;
  explication: Explication;
}

/** Le statut le plus faible des paramètres et interprétations utilisés. */
export function statutGlobal(e: Explication): Statut {
  const tous = [...e.parametres.map((p) => p.statut), ...e.interpretations.map((i) => i.statut)];
  if (tous.includes('hypothese')) return 'hypothese';
  if (tous.includes('a_confirmer')) return 'a_confirmer';
  return 'confirme';
}

/** Fusionne deux explications (règle composée : l'aide SIP utilise le plafond SIP). */
export function fusionnerParametres(a: ParametreUtilise[], b: ParametreUtilise[]): ParametreUtilise[] {
  const vus = new Set(a.map((p) => `${p.id}@${p.du}`));
  return [...a, ...b.filter((p) => !vus.has(`${p.id}@${p.du}`))];
}

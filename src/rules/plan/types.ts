// Types du plan de financement pluriannuel d'un centre (issue 8).
import type { Decimal } from '../decimal';
import type { ParametreUtilise, Resultat } from '../explication';

export type Financeur = 'ARS' | 'CPAM';

export const LIBELLES_FINANCEUR: Record<Financeur, string> = {
  ARS: 'ARS',
  CPAM: 'Assurance Maladie (CPAM)',
};

/** Dispositifs d'aide du plan (le « 400 postes » se décompose en garantie mensuelle et congés). */
export type DispositifPlan = 'CAI' | 'COSCO' | 'CST' | '400POSTES' | 'MATERNITE400' | 'ACI' | 'SIP';

/**
 * Formule d'une cellule du plan, indépendante de la feuille : le bloc de la feuille la traduit en
 * formule Excel (`SIP.CAI($C$12,1,DATE(2027,1,1))`), le plan en a déjà calculé la valeur exacte.
 */
export type Terme =
  | { n: string } // nombre exact (texte décimal)
  | { date: string } // date AAAA-MM-JJ
  | { b: boolean }
  | { t: string } // texte
  | { entree: string } // cellule d'entrée du plan (« medecin.0.quotite », « etp »…)
  | { ligne: string } // cellule d'une autre ligne du plan, même période
  | { sip: string; args: Terme[] } // fonction du complément SIP.xxx
  | { op: '+' | '-' | '*' | '/'; a: Terme; b: Terme }
  | { arrondi: Terme }; // ROUND(x, 2)

export interface Montant {
  valeur: Decimal;
  /** Formule équivalente (absente : la cellule reçoit la valeur). */
  formule?: Terme;
}

/** `activite` : consultations et tarif, affichés mais hors des sommes. */
export type CategorieLigne = 'activite' | 'cout' | 'honoraires' | 'ij' | 'aide';

export interface LignePlan {
  id: string;
  categorie: CategorieLigne;
  libelle: string;
  financeur?: Financeur;
  dispositif?: DispositifPlan;
  medecin?: number;
  /** Un montant par mois de l'horizon (index 0 = 1er mois) ; null = rien ce mois-là. */
  mois: (Montant | null)[];
}

/** Un versement d'aide daté, avec le résultat expliqué de la règle qui l'a produit. */
export interface Versement {
  ligne: string;
  dispositif: DispositifPlan;
  financeur: Financeur;
  libelle: string;
  date: string;
  /** Index du mois de l'horizon (0 = 1er mois). */
  mois: number;
  montant: Decimal;
  resultat: Resultat;
}

export interface Periode {
  type: 'mois' | 'annee';
  libelle: string;
  /** Premier jour, AAAA-MM-JJ. */
  debut: string;
  /** Index du premier mois de l'horizon couvert, et nombre de mois couverts. */
  premierMois: number;
  nbMois: number;
}

export interface Exclusion {
  dispositif: string;
  motif: string;
}

export interface OptionsPlan {
  /** Multiplie les consultations (donc les honoraires) de chaque médecin : 1 = scénario tel quel. */
  facteurConsultations?: Decimal;
  /** Multiplie le coût salarial mensuel de chaque médecin. */
  facteurCout?: Decimal;
}

export interface PlanFinancement {
  debut: string;
  nbMois: number;
  /** Débuts des mois de l'horizon (nbMois + 1 bornes). */
  bornes: string[];
  periodes: Periode[];
  lignes: LignePlan[];
  versements: Versement[];
  /** Par mois : charges, recettes d'activité (honoraires + IJ), aides par financeur, net, trésorerie cumulée. */
  charges: Decimal[];
  recettes: Decimal[];
  aides: Record<Financeur, Decimal[]>;
  net: Decimal[];
  tresorerie: Decimal[];
  exclusions: Exclusion[];
  /** Interprétations et hypothèses de calendrier propres au plan (statut, source). */
  hypotheses: { texte: string; statut: 'a_confirmer' | 'hypothese' }[];
  avertissements: string[];
  /**
   * Calculs intermédiaires des contrats (montant ACI de l'année, avance, solde ; aide SIP et ses
   * versements), écrits dans la feuille chacun dans sa cellule : les versements y renvoient
   * (`{ entree: 'calcul.<id>' }`), et chaque formule SIP.* reste un appel simple.
   */
  calculs: { id: string; libelle: string; valeur: Decimal; formule: Terme }[];
  /** Chaque paramètre du barème lu par le plan (valeur, dates, source, statut), une fois par valeur datée. */
  parametres: ParametreUtilise[];
}

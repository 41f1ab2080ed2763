// Le grand livre des versements : chaque versement d'aide d'un scénario (aide, financeur, médecin,
// période couverte, date, montant exact, règle et paramètres). C'est le SEUL endroit où se décident le
// montant et la date d'un versement ; tableaux, plan, échéancier, aperçu et résumés en sont des vues.
import type { AideScenario, Financeur, IdAide } from '../aides';
import type { Statut } from '../bareme/types';
import type { Decimal } from '../decimal';
import type { ParametreUtilise, Resultat } from '../explication';
import type { Montant, Terme } from '../formule';
import type { EligibiliteAide } from '../scenario/eligibilite';

/** Ce que tout versement prévu dit de lui-même, chiffré ou non : quoi, pour quelle période, quand. */
export interface VersementPrevu {
  /** Identifiant stable dans le livre (« cai.1 », « p400.2.5 », « aci.2027.avance »). */
  id: string;
  aide: IdAide;
  /** Ce que paie le versement, en clair (« 1er versement, à la signature »). */
  objet: string;
  /** Période couverte, bornes incluses (AAAA-MM-JJ). */
  du: string;
  au: string;
  /** Date de versement (AAAA-MM-JJ). */
  date: string;
  /** Index du mois de l'horizon qui contient la date (0 = 1er mois) et année de simulation (0 = 1re). */
  mois: number;
  annee: number;
  /**
   * Comment la feuille calcule le montant (formule vivante) ; absente : la feuille écrit la valeur. Pour
   * un montant non publié : la formule qui le donnera dès que le barème aura la valeur.
   */
  formule?: Terme;
}

export interface Versement extends VersementPrevu {
  financeur: Financeur;
  /** Index du médecin (0…) quand le versement lui est propre (400 postes, congés, CST). */
  medecin?: number;
  /** Mois du contrat du médecin (1…) pour la garantie « 400 postes ». */
  moisContrat?: number;
  /** Montant exact, arrondi au centime par la règle. */
  montant: Decimal;
  /** Le résultat expliqué de la règle : règle, entrées, paramètres (valeur, dates, source, statut). */
  resultat: Resultat;
}

/** Un versement prévu dont le montant n'est pas publié : montré « montant non publié », hors des totaux. */
export interface NonChiffre extends VersementPrevu {
  /** Paramètre du barème à renseigner. */
  parametre: string;
  message: string;
}

/** Une période d'un contrat démographique (signature ou renouvellement tacite, jusqu'à son terme). */
export interface PeriodeContrat {
  id: string;
  aide: 'CAI' | 'COSCO' | 'CST';
  /** Date de signature, ou de renouvellement tacite. */
  signature: string;
  /** Dernier jour de la période. */
  fin: string;
  renouvellement: boolean;
}

/** Calcul intermédiaire dont dépendent des versements (montant ACI d'une année, aide SIP) : une cellule de la feuille. */
export interface Calcul {
  id: string;
  libelle: string;
  valeur: Decimal;
  formule: Terme;
}

/** Une série mensuelle (coût, honoraires, consultations, IJ d'un médecin ; tarif G) : un montant par mois de l'horizon. */
export interface Serie {
  id: string;
  nature: 'activite' | 'cout' | 'honoraires' | 'ij';
  libelle: string;
  medecin?: number;
  /** null : rien ce mois-là (médecin pas encore arrivé). */
  mois: (Montant | null)[];
}

export interface Hypothese {
  texte: string;
  statut: Exclude<Statut, 'confirme'>;
}

export interface GrandLivre {
  /** Premier jour de la simulation et lendemain du dernier jour de l'horizon. */
  debut: string;
  fin: string;
  horizonAnnees: number;
  nbMois: number;
  /** Début de chaque mois de l'horizon (nbMois + 1 bornes, la dernière = fin). */
  bornes: string[];
  /** Versements datés dans l'horizon, par date puis par ordre du registre. */
  versements: Versement[];
  /** Versements calculés dont la date tombe après l'horizon (cités dans les notes, hors des totaux). */
  apresHorizon: Versement[];
  /** Versements prévus dont le montant n'est pas publié (aide automatique, accord national de 2025). */
  nonChiffres: NonChiffre[];
  /** Périodes des contrats démographiques (dates de signature et de renouvellement). */
  contrats: PeriodeContrat[];
  calculs: Calcul[];
  series: Serie[];
  /** Part de chaque mois de l'horizon travaillée par chaque médecin (1 hors congé ; null avant son arrivée). */
  partTravaillee: (Decimal | null)[][];
  eligibilite: EligibiliteAide[];
  /** Aides non retenues et leur motif. */
  exclusions: { aide: AideScenario; motif: string }[];
  hypotheses: Hypothese[];
  avertissements: string[];
  /** Paramètres du barème lus par le livre, une fois par valeur datée. */
  parametres: ParametreUtilise[];
}

export interface OptionsLivre {
  /** Multiplie l'activité (honoraires) de chaque médecin : 1 = scénario tel quel. */
  facteurActivite?: Decimal;
  /** Multiplie le coût salarial mensuel de chaque médecin. */
  facteurCout?: Decimal;
}

// Programme SIP de l'année (ticket 9) : les candidatures d'un appel, leur éligibilité, leur rang de
// priorité, l'aide, l'échéancier 80 % / 20 % et la décision au regard de l'enveloppe annuelle.
import { Decimal } from '../decimal';
import type { Zone } from '../regles/zonage';
import { Interpretation, ParametreUtilise, Resultat } from '../explication';

/** Situation de la MSP vis-à-vis de l'ACI (001, conditions d'éligibilité, 2e point). */
export type StatutAci =
  /** Adhère déjà à l'accord conventionnel interprofessionnel. */
  | 'adherent'
  /** S'engage à adhérer dans l'année suivant la réponse à l'appel ET présente un exercice coordonné avancé. */
  | 'engagement'
  /** Ni l'un ni l'autre : non éligible. */
  | 'non';

export const STATUTS_ACI: readonly StatutAci[] = ['adherent', 'engagement', 'non'];

export const LIBELLES_ACI: Record<StatutAci, string> = {
  adherent: 'adhérente à l’ACI',
  engagement: 'engagement d’adhésion à l’ACI dans l’année (coordination avancée)',
  non: 'ni adhérente ni engagée',
};

/** Une candidature, telle que saisie (montants en euros, dates AAAA-MM-JJ). */
export interface Candidature {
  /** Nom de la MSP. */
  nom: string;
  /** Nombre de professionnels intégrés au projet SIP (entier ≥ 1). */
  nbProfessionnels: number;
  /** Montant des devis validés par le consultant, en euros (≥ 0). */
  montantDevis: number;
  /** Projet de santé formalisé et validé par l'ARS. */
  projetSanteValide: boolean;
  aci: StatutAci;
  /** Logiciel labellisé par l'Agence du numérique en santé (ANS, ex-ASIP Santé). */
  logicielLabellise: boolean;
  zone: Zone;
  /** Niveau de maturité de la coordination (plus grand = plus mature), facultatif. */
  maturite?: number | null;
  /** Date de dépôt de la candidature, AAAA-MM-JJ, facultative. */
  dateCandidature?: string | null;
}

/** Paramètres de l'appel à candidatures, saisis par l'utilisateur. */
export interface ParametresAppel {
  /** Année de l'appel (ex. 2023). */
  annee: number;
  /** Enveloppe annuelle, en euros. */
  enveloppe: Decimal | number | string;
  /** Autorise le financement partiel du premier candidat qui ne tient pas dans le reste de l'enveloppe. */
  financementPartiel?: boolean;
  /** Nombre maximal de sites financés (001 : « une dizaine »), facultatif. */
  maxSites?: number | null;
  /** Date de lecture du barème, AAAA-MM-JJ ; par défaut le 1er janvier de l'année de l'appel. */
  dateBareme?: string;
  /** Mois de la convention (80 %), AAAA-MM ; par défaut lu au barème (novembre de l'année). */
  moisConvention?: string;
  /** Mois du solde (20 %), AAAA-MM ; par défaut lu au barème (mai de l'année suivante). */
  moisSolde?: string;
}

export type CodeMotif = 'projet_sante' | 'aci' | 'logiciel' | 'devis_nul';

export interface Motif {
  code: CodeMotif;
  /** La condition non remplie, en français, avec sa source. */
  texte: string;
}

export type Decision = 'financee' | 'partielle' | 'attente' | 'non_eligible';

export const LIBELLES_DECISION: Record<Decision, string> = {
  financee: 'financée',
  partielle: 'financée partiellement',
  attente: 'liste d’attente',
  non_eligible: 'non éligible',
};

export interface LigneProgramme {
  /** Position dans le fichier d'entrée (0 = première candidature). */
  index: number;
  candidature: Candidature;
  eligible: boolean;
  motifs: Motif[];
  /** Aide = min(devis ; plafond), avec son explication (plafond : hypothèse du barème). */
  aide: Resultat;
  /** Rang de priorité parmi les candidatures éligibles (1 = première), null si non éligible. */
  rang: number | null;
  /** Les critères de priorité de la candidature, lisibles. */
  criteres: string;
  decision: Decision;
  /** Rang sur la liste d'attente (1 = première), null sinon. */
  rangAttente: number | null;
  /** Montant attribué : l'aide, le reste de l'enveloppe (financement partiel) ou 0. */
  montantAttribue: Decimal;
  /** 80 % à la convention et solde de 20 % au PV d'installation, sur le montant attribué. */
  versementConvention: Resultat | null;
  versementSolde: Resultat | null;
  /** Reste de l'enveloppe avant et après l'examen de la candidature. */
  resteAvant: Decimal | null;
  resteApres: Decimal | null;
  /** Pourquoi financée / en attente, chiffres compris. */
  justification: string;
}

export interface TotalMois {
  /** AAAA-MM. */
  mois: string;
  convention: Decimal;
  solde: Decimal;
  total: Decimal;
}

export interface TotalAnnee {
  annee: number;
  total: Decimal;
}

export interface AppelResolu {
  annee: number;
  enveloppe: Decimal;
  financementPartiel: boolean;
  maxSites: number | null;
  dateBareme: string;
  moisConvention: string;
  moisSolde: string;
  /** D'où viennent les mois : « barème » ou « saisi ». */
  origineCalendrier: { convention: 'bareme' | 'saisi'; solde: 'bareme' | 'saisi' };
}

export interface Programme {
  appel: AppelResolu;
  /** Éligibles par rang de priorité, puis non éligibles dans l'ordre du fichier. */
  lignes: LigneProgramme[];
  totaux: {
    nbCandidatures: number;
    nbEligibles: number;
    nbFinancees: number;
    nbPartielles: number;
    nbAttente: number;
    nbNonEligibles: number;
    /** Somme des aides des candidatures éligibles (besoin total). */
    demandeEligible: Decimal;
    /** Somme des montants attribués. */
    attribue: Decimal;
    resteEnveloppe: Decimal;
    parMois: TotalMois[];
    parAnnee: TotalAnnee[];
  };
  /** Règle de classement, énoncée. */
  regleClassement: string[];
  parametres: ParametreUtilise[];
  interpretations: Interpretation[];
  avertissements: string[];
}

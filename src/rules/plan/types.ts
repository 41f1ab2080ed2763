// Types du plan de financement pluriannuel d'un centre : une vue du grand livre (aides) complétée des
// séries mensuelles des médecins (coûts, honoraires, IJ), mois par mois sur 24 mois puis par année.
import type { Financeur, IdAide } from '../aides';
import type { Decimal } from '../decimal';
import type { ParametreUtilise } from '../explication';
import type { Montant } from '../formule';
import type { GrandLivre, Hypothese } from '../versements/types';

export type { Financeur } from '../aides';
export { LIBELLES_FINANCEUR } from '../aides';

/** `activite` : consultations et tarif, affichés mais hors des sommes. */
export type CategorieLigne = 'activite' | 'cout' | 'honoraires' | 'ij' | 'aide';

export interface LignePlan {
  id: string;
  categorie: CategorieLigne;
  libelle: string;
  financeur?: Financeur;
  aide?: IdAide;
  medecin?: number;
  /** Un montant par mois de l'horizon (index 0 = 1er mois) ; null = rien ce mois-là. */
  mois: (Montant | null)[];
}

export interface Periode {
  type: 'mois' | 'annee';
  libelle: string;
  /** Premier jour, AAAA-MM-JJ. */
  debut: string;
  /** Index du premier mois de l'horizon couvert, et nombre de mois couverts. */
  premierMois: number;
  nbMois: number;
  /** Année de simulation (0…) de la période. */
  annee: number;
}

export interface PlanFinancement {
  livre: GrandLivre;
  debut: string;
  nbMois: number;
  /** Débuts des mois de l'horizon (nbMois + 1 bornes). */
  bornes: string[];
  periodes: Periode[];
  lignes: LignePlan[];
  /** Par mois : charges, recettes d'activité (honoraires + IJ), aides par financeur, net, trésorerie cumulée. */
  charges: Decimal[];
  recettes: Decimal[];
  aides: Record<Financeur, Decimal[]>;
  net: Decimal[];
  tresorerie: Decimal[];
  exclusions: { aide: string; motif: string }[];
  hypotheses: Hypothese[];
  avertissements: string[];
  parametres: ParametreUtilise[];
}

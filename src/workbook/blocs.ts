// Point d'extension de la feuille de simulation : des blocs supplémentaires (plan de financement,
// issue 8) s'ajoutent après l'échéancier et les tableaux 400 postes, avant les notes, sans copier la
// mise en page. Un bloc reçoit les références des cellules de la simulation et sa ligne de départ,
// et rend ses cellules (adresses absolues dans la feuille), ses graphiques et sa hauteur en lignes.
import type { Bareme } from '../rules/bareme/types';
import type { Cellule, Graphique } from './description';
import type { Aide, Financeur } from '../rules/scenario/eligibilite';
import type { Scenario } from '../rules/scenario/types';
import { blocPlanDeFinancement } from './plan/bloc';

export interface LigneVersement {
  aide: Aide;
  financeur: Financeur;
  libelle: string;
  objet: string;
  /** Ligne (1…) de la feuille dans le tableau « Versements par année ». */
  ligne: number;
  /** Années (0 = première) où la ligne porte un versement. */
  annees: number[];
  quand: (annee: number) => string;
}

export interface ReferencesSimulation {
  scenario: Scenario;
  bareme: Bareme;
  /** Cellule du début de la simulation, en référence absolue (« $B$13 »). */
  debut: string;
  /** Cellule du total d'ETP (référence absolue), ou null sans médecin. */
  etpTotal: string | null;
  horizon: number;
  /** Premier jour de chaque année de simulation (AAAA-MM-JJ). */
  datesAnnees: string[];
  /** Lettres des colonnes des années dans le tableau des versements (« B », « C »…). */
  colonnesAnnees: string[];
  /** Ligne des dates de début d'année. */
  ligneDatesAnnees: number;
  /** Cellules d'entrée de chaque médecin (références absolues). */
  medecins: { quotite: string; cout: string; honoraires: string; debutContrat: string }[];
  /** Lignes du tableau des versements par année (par aide et financeur). */
  versements: LigneVersement[];
  /** Lignes des totaux : CPAM, ARS et total général (colonnes des années). */
  lignesTotaux: { CPAM: number; ARS: number; total: number };
}

export interface ResultatBloc {
  cellules: Cellule[];
  graphiques: Graphique[];
  /** Nombre de lignes occupées à partir de la ligne de départ. */
  lignes: number;
  fusions?: string[];
}

export type BlocSupplementaire = (refs: ReferencesSimulation, ligneDepart: number) => ResultatBloc;

/** Blocs ajoutés à toute simulation (volet et CLI, et relus par `sip verify` pour comparer les formules). */
export const BLOCS_SUPPLEMENTAIRES: readonly BlocSupplementaire[] = [blocPlanDeFinancement];

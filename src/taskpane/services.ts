// Ce que le volet demande au classeur. L'implémentation Office.js est dans office-classeur.ts ;
// les tests en donnent une fausse. Aucune dépendance à Office ici.
import type { Scenario } from '../rules/scenario/types';

export interface ResultatEcriture {
  feuille: string;
  /** Nombre de cellules écrites (pour le message de réussite), si connu. */
  cellules?: number;
}

export interface RapportVerification {
  /** Tout concorde ? */
  ok: boolean;
  /** Résumé d'une ligne, en français. */
  resume: string;
  /** Détail par cellule ou par paramètre, en français. */
  details: string[];
}

export interface DifferencesBareme {
  /** Une ligne par paramètre modifié : « CAI : montant… ancienne valeur → nouvelle valeur (du JJ/MM/AAAA) ». */
  lignes: string[];
  appliquer(): Promise<ResultatEcriture>;
}

export interface ServicesClasseur {
  /** Nom de l'onglet qu'occupera la simulation de ce scénario. */
  nomFeuille(scenario: Scenario): string;
  feuilleExiste(nom: string): Promise<boolean>;
  /**
   * Écrit la simulation (un seul Excel.run) dans l'onglet `nomFeuille` (défaut : nomFeuille(scenario)) ;
   * `remplacer` autorise la mise à jour d'une feuille existante.
   */
  creerSimulation(scenario: Scenario, options: { remplacer: boolean; nomFeuille?: string }): Promise<ResultatEcriture>;
  /** Scénario de la feuille active si c'est une feuille de simulation, sinon null. */
  lireScenario(): Promise<{ scenario: Scenario; feuille: string } | null>;
  verifier?(): Promise<RapportVerification>;
  /** Différences entre le barème de la feuille active et le barème courant ; null s'il n'y en a pas. */
  differencesBareme?(): Promise<DifferencesBareme | null>;
}

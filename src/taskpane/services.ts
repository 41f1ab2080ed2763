// Ce que le volet demande au classeur. L'implémentation Office.js est dans office-classeur.ts ;
// les tests en donnent une fausse. Aucune dépendance à Office ici.
import type { Scenario } from '../rules/scenario/types';

export interface ResultatEcriture {
  feuille: string;
  /** Nombre de cellules écrites (pour le message de réussite), si connu. */
  cellules?: number;
}

export interface RapportVerification {
  /** Tout concorde ? (et la signature, s'il y en a une, est acceptée) */
  ok: boolean;
  /** Résumé d'une ligne, en français. */
  resume: string;
  /** Détail par cellule ou par paramètre, en français. */
  details: string[];
  /** Le détail rangé : données d'entrée modifiées (attendu), altérations, barème, hors de la simulation. */
  sections?: SectionRapport[];
  /** État de la signature de la simulation au regard des clés de confiance importées. */
  signature?: SignatureVolet;
}

export interface SectionRapport {
  titre: string;
  lignes: string[];
  /** attendu : ce que l'utilisateur est censé changer ; alerte : altération ; info : à savoir. */
  nature: 'attendu' | 'alerte' | 'info';
}

/** La signature de la simulation, dite en français (src/workbook/signature). */
export interface SignatureVolet {
  statut: 'absente' | 'intacte' | 'modifiee' | 'invalide' | 'cle_inconnue' | 'non_verifiable';
  /** Acceptée : signée par une clé de confiance et intacte. */
  acceptee: boolean;
  /** « Signée par ARS Bretagne (clé 3f2a 91c0 5b7e 0d12), intacte », « Simulation non signée »… */
  titre: string;
  texte: string;
  /** Changements depuis la signature (« B12 : 5000 → 6000 »). */
  details: string[];
}

/** Une clé publique d'organisme importée une fois (fichier .pub). */
export interface CleConfianceVolet {
  organisme: string;
  empreinte: string;
  /** « 3f2a 91c0 5b7e 0d12 », à confirmer de vive voix. */
  empreinteCourte: string;
}

/** Les clés de confiance du volet, gardées dans les réglages de l'utilisateur (jamais dans le classeur). */
export interface ServicesClesConfiance {
  lister(): CleConfianceVolet[];
  /** Importe le texte d'un fichier .pub ; lève une Error au message français si ce n'en est pas un. */
  importer(texte: string, fichier: string): CleConfianceVolet;
  retirer(empreinte: string): void;
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
  /** Clés publiques des organismes dont on vérifie la signature. */
  clesConfiance?: ServicesClesConfiance;
}

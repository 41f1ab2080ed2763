// Les fichiers de données du barème par défaut (un par famille) et leurs formes. Le schéma
// bareme.schema.json les valide dans les tests et à la construction (scripts/valider-bareme.js).
import aci from './aci.json';
import cds from './cds.json';
import changements from './changements.json';
import postes400 from './postes400.json';
import sip from './sip.json';
import tarifs from './tarifs.json';
import type { ChangementConnu, Parametre, Source } from './types';

export type NatureIndicateur = 'socle_prerequis' | 'socle' | 'optionnel';

/** Un indicateur de l'ACI ou de l'accord national, tel qu'écrit dans aci.json. */
export interface IndicateurDonnees {
  id: string;
  accord: 'aci' | 'accord_national';
  axe: 'acces' | 'equipe' | 'si';
  libelle: string;
  nature: NatureIndicateur;
  /** Premier jour où l'indicateur existe (AAAA-MM-JJ). */
  du: string;
  /** Où l'indicateur et sa nature sont listés. */
  source: Source;
  /**
   * Paramètres du barème portant ses points. Une partie absente vaut 0 si l'autre est donnée ;
   * sans aucune, les points ne sont pas connus (à saisir).
   */
  points?: {
    fixes?: string;
    variables?: string;
    parProfessionnel?: { pointsJusquAuSeuil: string; seuil: string; pointsAuDelaDuSeuil: string };
  };
  note?: string;
}

export interface FichierFamille {
  famille: string;
  libelle: string;
  parametres: Parametre[];
  indicateurs?: IndicateurDonnees[];
}

export interface FichierChangements {
  /** Version du barème par défaut : à changer quand une valeur d'un fichier change. */
  version: string;
  changements: ChangementConnu[];
}

/** Les familles, dans l'ordre des pages générées (docs/bareme.md, aide.html). */
export const FAMILLES: readonly FichierFamille[] = [sip, cds, postes400, aci, tarifs] as unknown as FichierFamille[];

export const FICHIER_CHANGEMENTS = changements as unknown as FichierChangements;

export const INDICATEURS_DONNEES: readonly IndicateurDonnees[] = (aci as unknown as FichierFamille).indicateurs ?? [];

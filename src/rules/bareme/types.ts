// Le barème daté : chaque chiffre qu'une règle utilise, avec sa période de validité,
// sa source (une entrée de la bibliographie) et son statut. Aucune règle ne contient de chiffre en
// dur : les valeurs par défaut sont les fichiers JSON de ce dossier (sip.json, cds.json…).

export type Statut = 'confirme' | 'a_confirmer' | 'hypothese';

export const STATUTS: readonly Statut[] = ['confirme', 'a_confirmer', 'hypothese'];

export const LIBELLES_STATUT: Record<Statut, string> = {
  confirme: 'confirmé',
  a_confirmer: 'à confirmer',
  hypothese: 'hypothèse',
};

export interface Source {
  /**
   * Identifiant d'une entrée de la bibliographie (`src/rules/bareme/sources.json`, ex.
   * « politique_cds_bretagne ») ; les anciens codes (« 004 ») y sont des alias. Pour l'afficher :
   * `texteSource(source)` de `src/rules/sources`.
   */
  document: string;
  /** Section ou passage du document. */
  section: string;
}

export interface ValeurDatee {
  /** Valeur décimale écrite en texte (exacte), ou null pour « aucune » (plafond facultatif absent). */
  valeur: string | null;
  /** Premier jour de validité, AAAA-MM-JJ. */
  du: string;
  /** Dernier jour de validité inclus, AAAA-MM-JJ, ou null si la fin n'est pas connue. */
  au: string | null;
  statut: Statut;
  source: Source;
  note?: string;
  /**
   * Montant prévu par un texte mais non publié à cette date (valeur null) : la lecture échoue avec
   * `#N/A` « montant non publié » jusqu'à ce que l'utilisateur saisisse la valeur publiée.
   */
  nonPublie?: boolean;
}

export interface Parametre {
  id: string;
  libelle: string;
  unite: string;
  valeurs: ValeurDatee[];
  /** Anciens identifiants du paramètre (renommé), toujours acceptés par la lecture. */
  alias?: string[];
  /**
   * Paramètre mal saisi (feuille « Barème » d'un classeur, fichier --bareme) : toute lecture échoue
   * avec #VALEUR! et ce message (« Barème, ligne 14 : … »), jamais avec la valeur par défaut.
   */
  invalide?: { message: string };
}

/** Un changement de règle connu mais dont les nouveaux chiffres ne le sont pas (avertissement daté). */
export interface ChangementConnu {
  id: string;
  date: string;
  libelle: string;
  /** Identifiants ou préfixes (terminés par « . ») des paramètres concernés. */
  concerne: string[];
  /** Le texte qui annonce le changement (entrée de la bibliographie). */
  source?: Source;
}

export interface Bareme {
  /** Identifiant de version du barème (change quand une valeur change). */
  version: string;
  parametres: Parametre[];
  changements: ChangementConnu[];
}

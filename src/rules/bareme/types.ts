// Le barème daté : chaque chiffre qu'une règle utilise, avec sa période de validité,
// sa source et son statut. Aucune règle ne contient de chiffre en dur.

export type Statut = 'confirme' | 'a_confirmer' | 'hypothese';

export const LIBELLES_STATUT: Record<Statut, string> = {
  confirme: 'confirmé',
  a_confirmer: 'à confirmer',
  hypothese: 'hypothèse',
};

export interface Source {
  /** Document source : « 004 », « 001 », ou un texte extérieur (« ACI avenant 1, JO 3 août 2022 »). */
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
}

export interface Parametre {
  id: string;
  libelle: string;
  unite: string;
  valeurs: ValeurDatee[];
}

/** Un changement de règle connu mais dont les nouveaux chiffres ne le sont pas (REGLES.md §6). */
export interface ChangementConnu {
  id: string;
  date: string;
  libelle: string;
  /** Identifiants ou préfixes (terminés par « . ») des paramètres concernés. */
  concerne: string[];
}

export interface Bareme {
  /** Identifiant de version du barème (change quand une valeur change). */
  version: string;
  parametres: Parametre[];
  changements: ChangementConnu[];
}

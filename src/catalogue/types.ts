// Forme d'une entrée du catalogue des fonctions : la seule déclaration d'une fonction SIP.*,
// dont dérivent les fonctions Excel, leurs métadonnées (fr/en), le moteur de formules sans
// tableur (CLI, tests) et le tableau du README.
import type { Bareme } from '../rules/bareme/types';
import type { Decimal } from '../rules/decimal';
import type { Resultat } from '../rules/explication';
import type { Contrainte } from '../rules/validation';

export const ESPACE_DE_NOMS = 'SIP';

export type TypeArgument = 'nombre' | 'booleen' | 'texte' | 'date';

export interface Texte {
  fr: string;
  en: string;
}

export interface ArgumentCatalogue {
  /** Nom français, utilisé dans les messages d'erreur et l'aide (« nb_professionnels »). */
  nom: string;
  /** Nom anglais des métadonnées par défaut. */
  nomEn: string;
  type: TypeArgument;
  optionnel: boolean;
  /** Valeur d'un argument omis ; pour une date, omise = aujourd'hui. */
  defaut?: number | boolean;
  /** Sens d'un argument omis sans valeur par défaut (« total »). */
  siOmis?: string;
  /** Date omise = aujourd'hui (défaut) ; faux : omise, l'argument vaut null (sens dit par `siOmis`). */
  aujourdhuiSiOmise?: boolean;
  description: Texte;
  /** Plage permise (nombres) ; décrite en clair dans l'aide et les messages. */
  contrainte?: Contrainte;
  /** Valeurs permises (textes). */
  valeurs?: readonly string[];
}

/** Valeur d'un argument une fois converti ; null pour un argument facultatif omis sans valeur par défaut. */
export type ValeurArgument = Decimal | boolean | string | null;

/**
 * Argument du chemin rapide, contrôlé une seule fois par le catalogue : nombre fini dans sa plage
 * (flottant tel que reçu), booléen, texte, date en jour (numéro de série Excel entier), ou null pour
 * un argument facultatif omis sans valeur par défaut (undefined s'il manque en fin de liste : lire
 * « a[i] == null »).
 */
export type ValeurRapide = number | boolean | string | null | undefined;

export interface Contexte {
  bareme: Bareme;
  /** Date du jour, AAAA-MM-JJ : valeur d'une date omise. */
  aujourdhui: string;
}

export interface FonctionCatalogue {
  /** Nom affiché après l'espace de noms : PLAFOND → =SIP.PLAFOND(…). Figé : les classeurs en dépendent. */
  nom: string;
  /** Identifiant des métadonnées Excel, distinct de toute fonction native (PLAFOND = CEILING en français). */
  id: string;
  description: Texte;
  arguments: readonly ArgumentCatalogue[];
  resultat: { type: 'nombre' | 'booleen'; unite: string; description: Texte };
  /** Le calcul expliqué (decimal.js), sur des arguments déjà convertis (dans l'ordre du catalogue). */
  calculer(args: ValeurArgument[], ctx: Contexte): Resultat<Decimal | boolean>;
  /**
   * Chemin rapide de la valeur seule (une cellule) : le même résultat que `calculer`, exact, sans
   * explication ; undefined quand il ne peut pas le prouver (le calcul passe alors par `calculer`,
   * qui rend aussi toute erreur). Arguments contrôlés, dans l'ordre du catalogue.
   */
  valeur?(args: readonly ValeurRapide[], ctx: Contexte): number | boolean | undefined;
}

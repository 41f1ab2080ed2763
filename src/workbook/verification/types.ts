// Types de la vérification d'un classeur de simulation : ce qui est lu (cellules, feuilles) et ce qui
// est rapporté (constats par cellule, altérations, références venues d'ailleurs). Pur.
import type { ParametreModifie } from '../../rules/bareme/depuis-lignes';
import type { Bareme } from '../../rules/bareme/types';

/** Valeur lue dans une cellule : nombre, texte, booléen, vide, ou erreur (#N/A…). */
export type ValeurLue = number | string | boolean | null | { erreur: string };

export interface CelluleLue {
  adresse: string;
  /** Formule lue (avec ou sans « = », forme affichée `SIP.CAI` ou fichier `_xldudf_SIP_CAI`), ou absente. */
  formule?: string | null;
  /** Valeur en cache (formule) ou constante. */
  valeur: ValeurLue;
  /** Format de nombre lu (« #,##0.00 "€" », « General »…) ; absent : non lu (il n'est alors pas contrôlé). */
  format?: string | null;
}

/** Une feuille du classeur autre que la simulation vérifiée (feuille ajoutée, barème, autre simulation…). */
export interface FeuilleLue {
  nom: string;
  cellules: CelluleLue[];
  masquee?: boolean;
}

export type Recalculateur = (cellules: readonly CelluleLue[], bareme: Bareme, aujourdhui: string) => Map<string, ValeurLue | undefined>;

/**
 * - entree_modifiee : une donnée d'entrée (cellule jaune) ne dit plus ce que dit le scénario — ce que
 *   l'utilisateur est censé changer ;
 * - tout le reste est une altération : formule modifiée, valeur en cache différente du recalcul,
 *   constante ou libellé modifié, contenu ajouté dans la zone générée, format de nombre modifié.
 */
export type Constat =
  | 'conforme'
  | 'valeur_differente'
  | 'formule_modifiee'
  | 'entree_modifiee'
  | 'constante_modifiee'
  | 'contenu_ajoute'
  | 'format_modifie';

export interface ConstatCellule {
  adresse: string;
  constats: Constat[];
  formuleAttendue?: string;
  formuleLue?: string;
  valeurEnCache?: ValeurLue;
  valeurRecalculee?: ValeurLue;
  /** Valeur attendue d'une constante ou d'une donnée d'entrée (scénario de la provenance). */
  valeurAttendue?: ValeurLue;
  formatAttendu?: string;
  formatLu?: string;
  message: string;
}

export interface DifferenceParametre {
  id: string;
  libelle: string;
  nature: 'modifie' | 'ajoute' | 'retire';
  /** Description lisible : « 15000 → 20000 (du 01/01/2017), statut hypothese → confirme ». */
  detail: string;
}

/** Une formule hors de la zone générée (autre feuille, ou même feuille hors de la plage) qui la cite. */
export interface ReferenceExterne {
  feuille: string;
  adresse: string;
  formule: string;
  /** Ce qui est cité : « B8 », « B40:E40 », « le nom sim_etp », « référence indirecte (INDIRECT) ». */
  cible: string;
}

export interface RapportVerification {
  /** Tout concorde : ni altération, ni donnée d'entrée modifiée, empreinte et barème identiques, aucune formule extérieure qui cite la simulation. */
  ok: boolean;
  feuille: string;
  /** Plage générée (« A1:AA268 ») : ce que la vérification couvre cellule par cellule. */
  plage: string;
  empreinte: { enregistree: string; recalculee: string; conforme: boolean; version: 1 | 2 };
  bareme: { versionEmbarquee: string; versionCourante: string; identique: boolean; differences: DifferenceParametre[]; cellulesAffectees: string[] };
  /**
   * La feuille « Barème » du classeur (null s'il n'en a pas) : ses valeurs sont des données d'entrée ;
   * chaque écart au barème embarqué est « modifié localement », chaque saisie refusée est une erreur.
   */
  baremeLocal: { feuille: string | null; modifies: ParametreModifie[]; erreurs: string[] };
  cellules: ConstatCellule[];
  /** Feuilles du classeur étrangères à la simulation (ni elle, ni sa provenance, ni une annexe attendue). */
  feuillesAjoutees: string[];
  /** Formules hors de la zone générée qui y font référence : elles redisent ses chiffres sans être vérifiées. */
  references: ReferenceExterne[];
  resume: {
    /** Formules vérifiées (attendues ou ajoutées dans la zone) et conformes. */
    verifiees: number;
    conformes: number;
    valeursDifferentes: number;
    formulesModifiees: number;
    entreesModifiees: number;
    nonRecalculees: number;
    /** Constantes, libellés et textes de la zone générée comparés (données d'entrée à part). */
    constantesVerifiees: number;
    constantesModifiees: number;
    contenusAjoutes: number;
    /** Formats de nombre comparés et modifiés. */
    formatsVerifies: number;
    formatsModifies: number;
    /** Toutes les altérations (tout ce qui n'est pas une donnée d'entrée), empreinte comprise. */
    alterations: number;
  };
}

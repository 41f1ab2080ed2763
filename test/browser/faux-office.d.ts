// Types du faux hôte Office des tests (faux-office.js, JavaScript servi tel quel au navigateur).

/** Une cellule écrite : formule (ou null), valeur (constante, ou résultat posé par poserResultat), format. */
export interface CelluleFausse {
  formule: string | null;
  valeur: unknown;
  format: string;
}

/** Un réglage de plage (format.font.bold, format.columnWidth…) ou de feuille (pageLayout.orientation…). */
export interface MiseFausse {
  plage: string;
  propriete: string;
  valeur: unknown;
}

export interface GraphiqueFaux {
  nom: string;
  type: string;
  donnees: string;
  seriesBy?: string;
  position: string | null;
  titre?: string;
  proprietes: Record<string, unknown>;
}

export interface FeuilleFausse {
  nom: string;
  visibilite: string;
  active: boolean;
  cellules: Record<string, CelluleFausse>;
  noms: { name: string; adresse: string }[];
  fusions: string[];
  mises: MiseFausse[];
  nbStyles: number;
  reglages: { propriete: string; valeur: unknown }[];
  graphiques: GraphiqueFaux[];
}

export interface InspectionFeuille extends FeuilleFausse {
  /** Formule, sinon valeur, de la cellule ; undefined si jamais écrite. */
  contenu(adresse: string): unknown;
  /** Réglages de toutes les plages qui couvrent la cellule (le dernier l'emporte). */
  style(adresse: string): Record<string, unknown>;
  /** Dernière valeur posée pour `propriete` sur exactement `plage`. */
  mise(plage: string, propriete: string): unknown;
}

export interface JournalFaux {
  runs: number;
  syncs: number;
  operations: string[];
}

export interface OptionsFauxOffice {
  /** Hôte rendu par Office.onReady (défaut « Excel » ; null : page hors d'Office). */
  hote?: string | null;
  plateforme?: string;
  langue?: string;
  /** Ensembles d'exigences pris en charge (défaut SharedRuntime 1.1, ExcelApi 1.12, CustomFunctionsRuntime 1.3). */
  exigences?: Record<string, string>;
}

export interface FauxOffice {
  /* eslint-disable @typescript-eslint/no-explicit-any */
  Office: any;
  Excel: any;
  CustomFunctions: any;
  /* eslint-enable @typescript-eslint/no-explicit-any */
  journal: JournalFaux;
  fonctions: Map<string, (...a: unknown[]) => unknown>;
  demarrage: string[];
  /** Un RequestContext neuf (hors Excel.run, non compté comme un run). */
  contexte(): Excel.RequestContext;
  etat(): FeuilleFausse[];
  feuille(nom: string): InspectionFeuille;
  nomsClasseur(): { name: string; adresse: string }[];
  active(): string | null;
  ajouterFeuille(nom: string): void;
  ecrireUtilisateur(feuille: string, adresse: string, contenu: unknown): void;
  poserResultat(feuille: string, adresse: string, valeur: unknown): void;
}

export class ErreurExcel {
  constructor(code: string, message?: string);
  code: string;
  message?: string;
}

export const CODES: {
  invalidValue: '#VALUE!';
  notAvailable: '#N/A';
  divisionByZero: '#DIV/0!';
  invalidNumber: '#NUM!';
  nullReference: '#NULL!';
  invalidName: '#NAME?';
  invalidReference: '#REF!';
};

export function creerFauxOffice(options?: OptionsFauxOffice): FauxOffice;
export function installer(cible: object, options?: OptionsFauxOffice): FauxOffice;

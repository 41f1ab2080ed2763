// Le scénario d'une simulation : ce que l'utilisateur saisit dans le volet (ou dans un fichier JSON
// pour `sip simulate`). Dates en AAAA-MM-JJ, montants en euros (nombres), quotités dans ]0 ; 1].
import type { Zone } from '../regles/zonage';

export const VERSION_SCENARIO = 1;

export type TypeCentre =
  | 'cds_medical'
  | 'cds_polyvalent'
  /** Centre dentaire ou infirmier qui recrute un médecin et devient polyvalent (004 §2.1). */
  | 'cds_devenant_polyvalent'
  /** Maison de santé pluriprofessionnelle : aide SIP. */
  | 'msp';

export const LIBELLES_TYPE_CENTRE: Record<TypeCentre, string> = {
  cds_medical: 'Centre de santé médical',
  cds_polyvalent: 'Centre de santé polyvalent',
  cds_devenant_polyvalent: 'Centre de santé dentaire ou infirmier devenant polyvalent',
  msp: 'Maison de santé pluriprofessionnelle (MSP)',
};

export interface CongeParental {
  /** Premier et dernier jour du congé. */
  debut: string;
  fin: string;
  /** Salaire toutes charges comprises sur la période, en euros. */
  salaireCharge: number;
  /** Indemnités journalières perçues sur la période, en euros. */
  indemnitesJournalieres: number;
  /** Le contrat ou la convention collective maintient-il le salaire ? */
  salaireMaintenu: boolean;
}

export interface Medecin {
  /** Nom ou libellé (« Médecin 1 »). */
  libelle: string;
  /** Quotité de temps de travail, dans ]0 ; 1]. */
  quotite: number;
  /** Coût salarial mensuel total, charges comprises, en euros. */
  coutSalarialMensuel: number;
  /**
   * Honoraires mensuels attendus, en euros. Omis (ou null) : consultations par mois × tarif daté de la
   * consultation G, les consultations étant celles saisies ou, à défaut, le seuil « 400 postes » du mois
   * (100 puis 165 × quotité, REGLES.md §7).
   */
  honorairesMensuels?: number | null;
  /** Poste « 400 postes » (garantie de salaire de l'ARS). */
  poste400: boolean;
  /** Contrat « 400 postes » renouvelé au terme de ses 2 ans (renouvelable tacitement : un choix explicite). */
  renouvellement400?: boolean;
  /** Début du contrat du médecin (mois 1 de la garantie 400 postes) ; par défaut, début de la simulation. */
  debutContrat?: string;
  conges: CongeParental[];
  /** Jours par an mis à disposition d'un centre en ZIP (CST, centre hors ZIP). */
  joursCstParAn: number;
  /** Honoraires annuels tirés de l'activité mise à disposition (CST), en euros. */
  honorairesCstAnnuels: number;
  /**
   * Consultations par mois attendues : sans honoraires saisis, elles font les honoraires (× tarif daté
   * de la consultation G) ; à défaut, le seuil « 400 postes » du mois est retenu.
   */
  consultationsParMois?: number;
}

export type NatureIndicateurAci = 'socle_prerequis' | 'socle' | 'optionnel';

export interface IndicateurAci {
  id: string;
  libelle: string;
  /** Socle prérequis : s'il manque, aucune rémunération. */
  prerequis: boolean;
  /** Socle prérequis, socle (compte dans l'avance) ou optionnel ; omise : déduite de `prerequis` et de la liste datée. */
  nature?: NatureIndicateurAci;
  pointsFixes: number;
  pointsVariables: number;
  atteint: boolean;
}

export interface Aci {
  /** ACI ou accord national : exclusifs pour un centre de santé (004 §1.4). */
  adhesion: 'aci' | 'accord_national' | 'aucune';
  /** Patientèle médecin traitant des médecins associés. */
  patientele: number;
  indicateurs: IndicateurAci[];
  /** Plan de financement : date de signature du contrat (défaut : début de la simulation). */
  dateSignature?: string;
  /** Nombre de professionnels de la structure : part par professionnel de l'indicateur « SI niveau standard ». */
  nbProfessionnels?: number;
}

/** Dates de signature des contrats démographiques (défaut : voir src/rules/scenario/signatures.ts). */
export interface SignaturesContrats {
  cai?: string;
  cosco?: string;
  cst?: string;
}

export interface Scenario {
  version: typeof VERSION_SCENARIO;
  centre: {
    nom: string;
    finess?: string;
    commune?: string;
    type: TypeCentre;
    /** Zonage médecin (ZIP, ZAC, HZ) ; « QPV » (ancienne forme) se lit « hors zone, en QPV ». */
    zone: Zone;
    /** Centre situé dans un quartier prioritaire de la politique de la ville (repère ajouté au zonage). */
    qpv?: boolean;
    /** Centre situé sur une île. */
    ile?: boolean;
    /** Centre dentaire ou infirmier devenant polyvalent : date de sa demande (COSCO dans les 2 ans qui suivent). */
    dateDemandePolyvalent?: string;
    /** Date de création du centre (le CAI vise les centres de moins d'un an, le COSCO dès la 2e année). */
    dateCreation: string;
    /** Membre d'une CPTS ou d'une ESP reconnue (condition du COSCO). */
    membreCptsEsp: boolean;
  };
  simulation: {
    /** Premier jour de la simulation. */
    debut: string;
    /** Horizon, en années (1 à 10). */
    horizonAnnees: number;
  };
  medecins: Medecin[];
  /** Contrats démographiques déjà signés (ou à signer) : leur date de signature décide du régime. */
  contrats?: SignaturesContrats;
  /** Aide SIP (MSP, ou centre de santé : formation et licences). */
  sip?: {
    nbProfessionnels: number;
    montantDevis: number;
    /** Plan de financement : signature de la convention (80 %) ; défaut : début de la simulation. */
    dateConvention?: string;
    /** Plan de financement : PV d'installation (solde de 20 %) ; défaut : convention + délai du barème. */
    dateCloture?: string;
  };
  aci?: Aci;
}

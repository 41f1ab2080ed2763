// Le registre des aides : une seule liste, un seul vocabulaire (libellé, libellé court, financeur,
// source) pour l'éligibilité, le grand livre des versements, les tableaux de la feuille, le volet
// et la CLI.
import type { Source } from './bareme/types';

export type Financeur = 'ARS' | 'CPAM';
export const FINANCEURS: readonly Financeur[] = ['CPAM', 'ARS'];

export const LIBELLES_FINANCEUR: Record<Financeur, string> = {
  ARS: 'Agence régionale de santé (ARS)',
  CPAM: 'Assurance Maladie (CPAM)',
};

/** Aides demandées par un scénario (une ligne d'éligibilité chacune). */
export const AIDES_SCENARIO = ['CAI', 'COSCO', 'CST', 'AIDE_CDS', '400POSTES', 'ACI', 'SIP'] as const;
export type AideScenario = (typeof AIDES_SCENARIO)[number];

/** Aides qui donnent lieu à un versement ; la prise en charge des congés suit l'éligibilité du « 400 postes ». */
export type IdAide = AideScenario | 'MATERNITE400';

export interface DefinitionAide {
  id: IdAide;
  libelle: string;
  /** Dans les tableaux étroits (échéancier, plan). */
  court: string;
  financeur: Financeur;
  /** Aide de rattachement pour l'éligibilité (congés → 400 postes). */
  eligibiliteDe: AideScenario;
  /** Qui paie, et pourquoi on le dit : affiché dans les notes de la feuille. */
  noteFinanceur: string;
  source: Source;
}

// Qui paie : les contrats sont tripartites (centre, CPAM, ARS) ; hypothèse affichée (aucune source ne le dit) :
// CAI, COSCO, CST et ACI par l'Assurance Maladie ; 400 postes et SIP par l'ARS.
const TRIPARTITE = 'contrat tripartite centre, CPAM, ARS : versé par l’Assurance Maladie (hypothèse affichée)';

export const AIDES: Readonly<Record<IdAide, DefinitionAide>> = {
  CAI: {
    id: 'CAI', libelle: 'Contrat d’aide à l’installation (CAI)', court: 'CAI', financeur: 'CPAM', eligibiliteDe: 'CAI',
    noteFinanceur: TRIPARTITE, source: { document: 'politique_cds_bretagne', section: '§2.1 Contrat d’aide à l’installation (CAI)' },
  },
  COSCO: {
    id: 'COSCO', libelle: 'Contrat de stabilisation et de coordination (COSCO)', court: 'COSCO', financeur: 'CPAM', eligibiliteDe: 'COSCO',
    noteFinanceur: TRIPARTITE, source: { document: 'politique_cds_bretagne', section: '§2.1 Contrat de stabilisation et de coordination (COSCO)' },
  },
  CST: {
    id: 'CST', libelle: 'Contrat de solidarité territoriale (CST)', court: 'CST', financeur: 'CPAM', eligibiliteDe: 'CST',
    noteFinanceur: TRIPARTITE, source: { document: 'politique_cds_bretagne', section: '§2.1 Contrat de solidarité territoriale (CST)' },
  },
  AIDE_CDS: {
    id: 'AIDE_CDS', libelle: 'Aide démographique automatique des centres de santé', court: 'Aide automatique CDS', financeur: 'CPAM', eligibiliteDe: 'AIDE_CDS',
    noteFinanceur: 'montants fixes par ETP éligible dans la rémunération forfaitaire spécifique, versée par l’Assurance Maladie',
    source: { document: 'ars_hdf_centres_sante', section: '« A compter du 1er janvier 2026 »' },
  },
  '400POSTES': {
    id: '400POSTES', libelle: 'Garantie de salaire « 400 postes »', court: '400 postes', financeur: 'ARS', eligibiliteDe: '400POSTES',
    noteFinanceur: 'garantie de salaire versée par l’ARS (instruction DGOS/DIR/2019/27)',
    source: { document: 'instruction_dgos_2019_27', section: 'garantie de salaire des 400 postes (politique régionale des centres de santé, §2.2)' },
  },
  MATERNITE400: {
    id: 'MATERNITE400', libelle: 'Congé maternité / paternité « 400 postes »', court: 'Congé 400 postes', financeur: 'ARS', eligibiliteDe: '400POSTES',
    noteFinanceur: 'charge directe de l’employeur pendant le congé, prise en charge par l’ARS (400 postes)',
    source: { document: 'politique_cds_bretagne', section: '§2.2 400 postes de médecins généralistes (congés maternité et paternité)' },
  },
  ACI: {
    id: 'ACI', libelle: 'Accord conventionnel interprofessionnel (ACI)', court: 'ACI', financeur: 'CPAM', eligibiliteDe: 'ACI',
    noteFinanceur: 'rémunération conventionnelle versée par l’Assurance Maladie', source: { document: 'politique_cds_bretagne', section: '§1.4 ACI et accord national' },
  },
  SIP: {
    id: 'SIP', libelle: 'Aide au système d’information partagé (SIP)', court: 'SIP', financeur: 'ARS', eligibiliteDe: 'SIP',
    noteFinanceur: 'aide versée par l’ARS au titre de l’appel à candidatures (convention ARS–structure)',
    source: { document: 'aap_sip_2023', section: 'Modalités d’accompagnement et échéancier' },
  },
};

/** Libellé de l'ACI selon l'adhésion (ACI ou accord national des centres de santé, exclusifs). */
export function libelleAci(adhesion: 'aci' | 'accord_national' | 'aucune' | undefined): string {
  return adhesion === 'accord_national' ? 'Accord national des centres de santé' : AIDES.ACI.libelle;
}

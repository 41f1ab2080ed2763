// Indicateurs de l'ACI (MSP et centres de santé, avenant 1 du 23 mai 2017) et de l'accord national
// des centres de santé (8 juillet 2015) : la liste vient de la source 004 §1.4, les points de
// REGLES.md §4. Données datées et sourcées comme le barème ; le volet en tire les valeurs par défaut,
// que l'utilisateur peut corriger (les points de l'accord national ne sont pas publiés : à saisir).
import type { Source, Statut } from '../bareme/types';

export type Accord = 'aci' | 'accord_national';
export type Axe = 'acces' | 'equipe' | 'si';

export const LIBELLES_AXE: Record<Axe, string> = {
  acces: 'Accès aux soins',
  equipe: 'Travail en équipe',
  si: 'Système d’information',
};

export interface IndicateurReference {
  id: string;
  accord: Accord;
  axe: Axe;
  libelle: string;
  /** Socle prérequis : s'il manque, aucune rémunération (ACI). */
  prerequis: boolean;
  /** Points par défaut ; null = valeur non publiée, à saisir par l'utilisateur. */
  pointsFixes: number | null;
  pointsVariables: number | null;
  /** Premier jour de validité des points (AAAA-MM-JJ) ; fin non connue. */
  du: string;
  statut: Statut;
  source: Source;
  note?: string;
}

const LISTE_004: Source = { document: '004', section: '§1.4 Accord conventionnel interprofessionnel (liste des indicateurs)' };
const LISTE_AN: Source = { document: '004', section: '§1.4 Accord national du 8 juillet 2015 (liste des indicateurs)' };
const ACI_AV1: Source = { document: 'ACI MSP, avenant 1 (JO 3 août 2022)', section: 'Valeurs en points (REGLES.md §4)' };
const SECONDAIRE: Source = { document: 'REGLES.md §4 (sources secondaires)', section: 'Valeurs en points trouvées hors des textes officiels' };
const ACI_DEBUT = '2017-04-20';
const AVENANT1_ACI = '2022-08-03';
const AN_DEBUT = '2015-07-08';

function aci(id: string, axe: Axe, libelle: string, prerequis: boolean, fixes: number | null, variables: number | null,
  statut: Statut, source: Source, note?: string, du = ACI_DEBUT): IndicateurReference {
  return { id, accord: 'aci', axe, libelle, prerequis, pointsFixes: fixes, pointsVariables: variables, du, statut, source, ...(note ? { note } : {}) };
}

function an(id: string, axe: Axe, libelle: string): IndicateurReference {
  return {
    id, accord: 'accord_national', axe, libelle, prerequis: false, pointsFixes: null, pointsVariables: null,
    du: AN_DEBUT, statut: 'hypothese', source: LISTE_AN, note: 'Valeur en points de l’accord national non trouvée : à saisir',
  };
}

export const INDICATEURS_ACI: readonly IndicateurReference[] = [
  // — ACI : socle prérequis (004 §1.4) —
  aci('aci.horaires', 'acces', 'Horaires d’ouverture et soins non programmés', true, 800, 0, 'a_confirmer', SECONDAIRE),
  aci('aci.coordination', 'equipe', 'Fonction de coordination', true, 1000, 1700, 'confirme', ACI_AV1, 'Valeurs de l’avenant 1 (2022)'),
  aci('aci.protocoles', 'equipe', 'Protocoles pluri-professionnels', true, 100, 0, 'confirme', ACI_AV1,
    '100 points par protocole (avenant 1, 2022) : saisir le total'),
  aci('aci.concertation', 'equipe', 'Concertation pluri-professionnelle formalisée et régulière', true, 0, 1000, 'a_confirmer', SECONDAIRE),
  aci('aci.si_standard', 'si', 'Système d’information niveau standard', true, 500, 0, 'a_confirmer', SECONDAIRE,
    '500 points, plus 200 par professionnel jusqu’à 16 puis 150 : ajouter la part par professionnel'),
  aci('aci.si_avance', 'si', 'Système d’information niveau avancé', true, 100, 0, 'a_confirmer', SECONDAIRE),
  // — ACI : optionnels (004 §1.4, puis avenant 1) —
  aci('aci.diversification', 'acces', 'Diversification de l’offre de soins', false, 300, 300, 'a_confirmer', SECONDAIRE,
    '« 300 + 300 » : répartition fixe / variable à confirmer'),
  aci('aci.accueil_cst', 'acces', 'Accueil de médecins intervenant dans le cadre d’un CST', false, 200, 0, 'a_confirmer', SECONDAIRE),
  aci('aci.sante_publique', 'acces', 'Missions de santé publique', false, null, null, 'hypothese', LISTE_004, 'Valeur non trouvée : à saisir'),
  aci('aci.satisfaction', 'acces', 'Satisfaction des patients', false, null, null, 'hypothese', LISTE_004, 'Valeur non trouvée : à saisir'),
  aci('aci.stagiaires', 'equipe', 'Formation des jeunes professionnels de santé', false, 450, 0, 'a_confirmer', SECONDAIRE,
    '450 points pour 2 stagiaires, 225 pour le 3e et le 4e'),
  aci('aci.coordination_externe', 'equipe', 'Coordination externe', false, 0, 200, 'a_confirmer', SECONDAIRE),
  aci('aci.qualite', 'equipe', 'Démarche qualité', false, 100, 0, 'a_confirmer', SECONDAIRE, '100, 200 ou 300 points selon le niveau', AVENANT1_ACI),
  aci('aci.crises', 'acces', 'Crises sanitaires', false, 100, 350, 'a_confirmer', SECONDAIRE, undefined, AVENANT1_ACI),
  aci('aci.usagers', 'equipe', 'Implication des usagers', false, 200, 300, 'a_confirmer', SECONDAIRE, undefined, AVENANT1_ACI),
  // — Accord national des centres de santé (2015) : socle et optionnels (004 §1.4) —
  an('an.accessibilite', 'acces', 'Accessibilité du centre de santé'),
  an('an.sante_publique', 'acces', 'Missions de santé publique'),
  an('an.diversification', 'acces', 'Diversification de l’offre de soins'),
  an('an.accueil_cst', 'acces', 'Accueil d’un centre adhérent à un contrat de solidarité territoriale'),
  an('an.publics_vulnerables', 'acces', 'Accompagnement des publics vulnérables (optionnel)'),
  an('an.information', 'acces', 'Information du public (optionnel)'),
  an('an.concertation', 'equipe', 'Concertation pluri-professionnelle formalisée et régulière'),
  an('an.formation', 'equipe', 'Formation des jeunes professionnels de santé'),
  an('an.coordination_externe', 'equipe', 'Coordination externe'),
  an('an.protocoles', 'equipe', 'Protocoles pluri-professionnels'),
  an('an.coordination', 'equipe', 'Fonction de coordination'),
  an('an.qualite', 'equipe', 'Démarche qualité (optionnel)'),
  an('an.partage_information', 'si', 'Partage et structuration de l’information'),
  an('an.si', 'si', 'Système d’information pluri-professionnel'),
  an('an.teletransmission', 'si', 'Télétransmission et télé-services (optionnel)'),
  an('an.justificatif', 'si', 'Justificatif informatique de l’utilisation des télé-services (optionnel)'),
];

/** Indicateurs d'un accord en vigueur à une date (ceux introduits plus tard sont écartés). */
export function indicateursDe(accord: Accord, date: string): IndicateurReference[] {
  return INDICATEURS_ACI.filter((i) => i.accord === accord && i.du <= date);
}

// Éligibilité de chaque aide pour un scénario : zone (motifRefusZone), type et âge du centre,
// adhésion CPTS/ESP, jours de mise à disposition (CST), ACI ou accord national (exclusifs).
// Pur (sans Office) : la feuille de simulation, le volet et la CLI en tirent les mêmes motifs.
import { LecteurBareme } from '../bareme/lecture';
import { Bareme } from '../bareme/types';
import { ajouterMois, isoVersFrancais } from '../dates';
import { motifRefusZone } from '../regles/zonage';
import { Medecin, Scenario } from './types';

export type Aide = 'CAI' | 'COSCO' | 'CST' | '400POSTES' | 'ACI' | 'SIP';
export type Financeur = 'CPAM' | 'ARS';

export const FINANCEUR: Record<Aide, Financeur> = {
  CAI: 'CPAM',
  COSCO: 'CPAM',
  CST: 'CPAM',
  ACI: 'CPAM',
  '400POSTES': 'ARS',
  SIP: 'ARS',
};

export const LIBELLES_AIDE: Record<Aide, string> = {
  CAI: 'Contrat d’aide à l’installation (CAI)',
  COSCO: 'Contrat de stabilisation et de coordination (COSCO)',
  CST: 'Contrat de solidarité territoriale (CST)',
  '400POSTES': 'Garantie de salaire « 400 postes »',
  ACI: 'Accord conventionnel interprofessionnel (ACI)',
  SIP: 'Aide au système d’information partagé (SIP)',
};

/** Source du financeur, citée dans les notes de la feuille. */
export const SOURCE_FINANCEUR: Record<Aide, string> = {
  CAI: 'Assurance maladie (CPAM) — contrat tripartite centre, CPAM, ARS (004 §2.1, avenant 1 à l’accord national des CDS)',
  COSCO: 'Assurance maladie (CPAM) — contrat tripartite centre, CPAM, ARS (004 §2.1)',
  CST: 'Assurance maladie (CPAM) — contrat tripartite centre, CPAM, ARS (004 §2.1)',
  ACI: 'Assurance maladie (CPAM) — ACI ou accord national des centres de santé (004 §1.4)',
  '400POSTES': 'ARS — garantie de salaire, instruction DGOS/DIR/2019/27 (004 §2.2)',
  SIP: 'ARS — appel à candidatures SIP, convention ARS–MSP (000, 001)',
};

export interface EligibiliteAide {
  aide: Aide;
  financeur: Financeur;
  eligible: boolean;
  /** Condition remplie (éligible) ou motif du refus, en français, avec la source. */
  motif: string;
  /** Détail par médecin (CST, 400 postes) : index du médecin → motif de refus, ou null si éligible. */
  medecins?: (string | null)[];
  /** COSCO : première date de l'année à partir de laquelle le contrat est possible (2e année du centre). */
  aPartirDu?: string;
}

const estCds = (s: Scenario) => s.centre.type !== 'msp';
const RESERVE_CDS = 'réservé aux centres de santé employant des médecins salariés (004 §2.1) ; une MSP relève de l’aide SIP et de l’ACI';

/** Premier jour de la 2e année du centre (COSCO dès la 2e année, 004 §2.1). */
export function debutDeuxiemeAnnee(s: Scenario): string {
  return ajouterMois(s.centre.dateCreation, 12);
}

/** Le centre a-t-il moins d'un an au début de la simulation ? (CAI, 004 §2.1) */
export function centreDeMoinsDUnAn(s: Scenario): boolean {
  return s.simulation.debut < debutDeuxiemeAnnee(s);
}

function joursMinimumCst(bareme: Bareme, date: string): number | null {
  try {
    return new LecteurBareme(bareme, date).valeur('cst.jours_minimum_zip').toNumber();
  } catch {
    return null;
  }
}

function motifCstMedecin(m: Medecin, minimum: number | null): string | null {
  if (minimum === null) return 'seuil de jours du CST absent du barème à cette date';
  if (m.joursCstParAn < minimum) {
    return `${m.libelle} : ${m.joursCstParAn} jour(s) par an mis à disposition d’un centre en ZIP, au moins ${minimum} exigés (004 §2.1 CST)`;
  }
  if (m.honorairesCstAnnuels <= 0) return `${m.libelle} : aucun honoraire tiré de la mise à disposition`;
  return null;
}

export function eligibiliteScenario(s: Scenario, bareme: Bareme): EligibiliteAide[] {
  const zone = s.centre.zone;
  const r: EligibiliteAide[] = [];
  const ajouter = (aide: Aide, eligible: boolean, motif: string, extra: Partial<EligibiliteAide> = {}) =>
    r.push({ aide, financeur: FINANCEUR[aide], eligible, motif, ...extra });

  // CAI : ZIP ; centre de moins d'un an, ou centre dentaire/infirmier devenant polyvalent.
  {
    const refusZone = motifRefusZone('CAI', zone);
    if (!estCds(s)) ajouter('CAI', false, `CAI ${RESERVE_CDS}`);
    else if (refusZone) ajouter('CAI', false, refusZone);
    else if (s.medecins.length === 0) ajouter('CAI', false, 'aucun médecin salarié dans le scénario');
    else if (s.centre.type === 'cds_devenant_polyvalent') ajouter('CAI', true, 'centre dentaire ou infirmier devenant polyvalent, en ZIP (004 §2.1)');
    else if (centreDeMoinsDUnAn(s)) ajouter('CAI', true, `centre créé le ${isoVersFrancais(s.centre.dateCreation)}, moins d’un an avant le début de la simulation, en ZIP (004 §2.1)`);
    else {
      ajouter('CAI', false,
        `centre créé le ${isoVersFrancais(s.centre.dateCreation)}, plus d’un an avant le début de la simulation : le CAI vise les centres de moins d’un an ou les centres dentaires/infirmiers devenant polyvalents (004 §2.1)`);
    }
  }
  // COSCO : ZIP ; CPTS ou ESP ; à partir de la 2e année d'un centre nouveau.
  {
    const refusZone = motifRefusZone('COSCO', zone);
    const deux = debutDeuxiemeAnnee(s);
    if (!estCds(s)) ajouter('COSCO', false, `COSCO ${RESERVE_CDS}`);
    else if (refusZone) ajouter('COSCO', false, refusZone);
    else if (!s.centre.membreCptsEsp) ajouter('COSCO', false, 'le centre doit être membre d’une CPTS ou d’une ESP reconnue (004 §2.1 COSCO)');
    else if (s.medecins.length === 0) ajouter('COSCO', false, 'aucun médecin salarié dans le scénario');
    else {
      ajouter('COSCO', true,
        deux > s.simulation.debut
          ? `en ZIP, membre d’une CPTS/ESP ; à partir de la 2e année du centre, soit du ${isoVersFrancais(deux)} (004 §2.1)`
          : 'en ZIP, membre d’une CPTS/ESP, centre installé (004 §2.1)',
        { aPartirDu: deux });
    }
  }
  // CST : hors ZIP ; au moins n jours par an dans un centre en ZIP, par médecin.
  {
    const refusZone = motifRefusZone('CST', zone);
    const minimum = joursMinimumCst(bareme, s.simulation.debut);
    const parMedecin = s.medecins.map((m) => motifCstMedecin(m, minimum));
    if (!estCds(s)) ajouter('CST', false, `CST ${RESERVE_CDS}`);
    else if (refusZone) ajouter('CST', false, refusZone);
    else if (!parMedecin.some((x) => x === null)) {
      ajouter('CST', false, parMedecin.length ? parMedecin.join(' ; ') : 'aucun médecin mis à disposition', { medecins: parMedecin });
    } else ajouter('CST', true, `centre hors ZIP, médecin(s) mis à disposition au moins ${minimum} jours par an d’un centre en ZIP (004 §2.1)`, { medecins: parMedecin });
  }
  // 400 postes : ZIP, ZAC ou QPV ; médecins salariés sur un poste « 400 postes ».
  {
    const refusZone = motifRefusZone('400POSTES', zone);
    const parMedecin = s.medecins.map((m) => (m.poste400 ? null : `${m.libelle} : pas sur un poste « 400 postes »`));
    if (!estCds(s)) ajouter('400POSTES', false, `400 postes : ${RESERVE_CDS}`);
    else if (refusZone) ajouter('400POSTES', false, refusZone);
    else if (!parMedecin.some((x) => x === null)) ajouter('400POSTES', false, 'aucun médecin sur un poste « 400 postes »', { medecins: parMedecin });
    else ajouter('400POSTES', true, 'poste en ZIP, ZAC ou QPV, garantie de salaire pendant 2 ans (004 §2.2)', { medecins: parMedecin });
  }
  // ACI / accord national : exclusifs pour un centre de santé ; l'accord national ne vise pas les MSP.
  {
    const a = s.aci;
    if (!a || a.adhesion === 'aucune') ajouter('ACI', false, 'aucune adhésion à l’ACI ni à l’accord national déclarée');
    else if (a.adhesion === 'accord_national' && !estCds(s)) ajouter('ACI', false, 'l’accord national (2015) ne vise que les centres de santé ; une MSP adhère à l’ACI (004 §1.4)');
    else if (a.adhesion === 'accord_national') {
      ajouter('ACI', true, 'centre de santé adhérent à l’accord national (exclusif de l’ACI, 004 §1.4) ; valeurs de points de l’accord national à saisir (non publiées)');
    } else ajouter('ACI', true, estCds(s) ? 'centre de santé adhérent à l’ACI (exclusif de l’accord national, 004 §1.4)' : 'MSP adhérente à l’ACI');
  }
  // SIP : MSP avec un projet (001) ; pas de condition de zone.
  {
    if (estCds(s)) ajouter('SIP', false, 'l’aide SIP est réservée aux maisons de santé pluriprofessionnelles (MSP) avec un projet de santé validé (000, 001)');
    else if (!s.sip) ajouter('SIP', false, 'aucune demande d’aide SIP dans le scénario (nombre de professionnels et devis)');
    else ajouter('SIP', true, 'MSP ; aucune condition de zone, la fragilité de la zone est un critère de priorité (001)');
  }
  return r;
}

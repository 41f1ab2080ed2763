// Éligibilité de chaque aide pour un scénario : territoire (zonage médecin, QPV, île), structure, âge
// du centre, adhésion CPTS/ESP, jours de mise à disposition (CST), date de signature des contrats
// (régime de 2026), ACI ou accord national (exclusifs). Pur : la feuille, le volet et la CLI en tirent
// les mêmes motifs.
import { AIDES, type AideScenario, type Financeur } from '../aides';
import { LecteurBareme } from '../bareme/lecture';
import type { Bareme } from '../bareme/types';
import { ajouterMois, isoVersFrancais } from '../dates';
import { formatDuree } from '../format';
import { motifFermeture, motifRefusTerritoire, territoire, type Territoire } from '../regles/zonage';
import { texteSource } from '../sources';
import { debutDeuxiemeAnnee, signatureCai, signatureCosco } from './signatures';
import type { Medecin, Scenario } from './types';

export type Aide = AideScenario;
export type { Financeur };
export { debutDeuxiemeAnnee };

export interface EligibiliteAide {
  aide: Aide;
  financeur: Financeur;
  eligible: boolean;
  /** Condition remplie (éligible) ou motif du refus, en français, avec la source. */
  motif: string;
  /** Détail par médecin (CST, 400 postes) : index du médecin → motif de refus, ou null si éligible. */
  medecins?: (string | null)[];
  /** Contrats : date de signature retenue ; aide automatique : premier jour où elle s'applique. */
  aPartirDu?: string;
}

type Verdict = Omit<EligibiliteAide, 'aide' | 'financeur'>;
const oui = (motif: string, extra: Partial<Verdict> = {}): Verdict => ({ eligible: true, motif, ...extra });
const non = (motif: string, extra: Partial<Verdict> = {}): Verdict => ({ eligible: false, motif, ...extra });

// Sources citées dans les motifs, par leur titre court (bibliographie : src/rules/bareme/sources.json).
const CDS_14 = texteSource({ document: 'politique_cds_bretagne', section: '§1.4' });
const CDS_21 = texteSource({ document: 'politique_cds_bretagne', section: '§2.1' });
const CDS_22 = texteSource({ document: 'politique_cds_bretagne', section: '§2.2' });
const CDS_32 = texteSource({ document: 'politique_cds_bretagne', section: '§3.2' });
const SIP_2023 = texteSource({ document: 'aap_sip_2023', section: '' });
const RESERVE_CDS = `réservé aux centres de santé employant des médecins salariés (${CDS_21}) ; une MSP relève de l’aide SIP et de l’ACI`;

const estCds = (s: Scenario) => s.centre.type !== 'msp';
const territoireDe = (s: Scenario): Territoire => territoire(s.centre.zone, s.centre.qpv === true, s.centre.ile === true);

function entier(bareme: Bareme, id: string, date: string): number | null {
  try {
    return new LecteurBareme(bareme, date).valeur(id).toNumber();
  } catch {
    return null;
  }
}

/** Refus commun aux contrats des centres de santé : structure, territoire, médecins, régime à la signature. */
function refusContrat(s: Scenario, bareme: Bareme, aide: 'CAI' | 'COSCO' | 'CST', signature: string): string | null {
  if (!estCds(s)) return `${aide} ${RESERVE_CDS}`;
  const zone = motifRefusTerritoire(aide, territoireDe(s), 'CDS');
  if (zone) return zone;
  if (s.medecins.length === 0) return 'aucun médecin salarié dans le scénario';
  const fermeture = motifFermeture(bareme, aide, signature);
  return fermeture ? `signé le ${isoVersFrancais(signature)} : ${fermeture}` : null;
}

function cai(s: Scenario, bareme: Bareme): Verdict {
  const signature = signatureCai(s);
  const refus = refusContrat(s, bareme, 'CAI', signature);
  if (refus) return non(refus);
  if (s.centre.type === 'cds_devenant_polyvalent') return oui(`centre dentaire ou infirmier devenant polyvalent, en ZIP ; signé le ${isoVersFrancais(signature)} (${CDS_21})`, { aPartirDu: signature });
  if (signature < debutDeuxiemeAnnee(s)) {
    return oui(`centre créé le ${isoVersFrancais(s.centre.dateCreation)}, moins d’un an avant la signature (${isoVersFrancais(signature)}), en ZIP (${CDS_21})`, { aPartirDu: signature });
  }
  return non(`centre créé le ${isoVersFrancais(s.centre.dateCreation)}, plus d’un an avant la signature (${isoVersFrancais(signature)}) : le CAI vise les centres de moins d’un an ou les centres dentaires/infirmiers devenant polyvalents (${CDS_21})`);
}

function cosco(s: Scenario, bareme: Bareme): Verdict {
  const signature = signatureCosco(s);
  const refus = refusContrat(s, bareme, 'COSCO', signature);
  if (refus) return non(refus);
  if (!s.centre.membreCptsEsp) return non(`le centre doit être membre d’une CPTS ou d’une ESP reconnue (${CDS_21} COSCO)`);
  if (s.centre.type === 'cds_devenant_polyvalent') {
    const demande = s.centre.dateDemandePolyvalent ?? s.simulation.debut;
    const delai = entier(bareme, 'cosco.delai_devenir_polyvalent_annees', signature) ?? 0;
    if (signature >= ajouterMois(demande, 12 * delai)) return non(`centre dentaire ou infirmier : signature (${isoVersFrancais(signature)}) plus de ${delai} ans après sa demande de devenir polyvalent (${isoVersFrancais(demande)}) (${CDS_21} COSCO)`);
    return oui(`centre dentaire ou infirmier en ZIP, dans les ${delai} ans de sa demande de devenir polyvalent ; signé le ${isoVersFrancais(signature)} (${CDS_21})`, { aPartirDu: signature });
  }
  if (signature < debutDeuxiemeAnnee(s)) return non(`le COSCO commence à la 2e année du centre, soit le ${isoVersFrancais(debutDeuxiemeAnnee(s))} (signature saisie : ${isoVersFrancais(signature)}) (${CDS_21})`);
  return oui(`en ZIP, membre d’une CPTS/ESP, centre dans sa 2e année au moins ; signé le ${isoVersFrancais(signature)} (${CDS_21})`, { aPartirDu: signature });
}

function motifCstMedecin(m: Medecin, minimum: number | null): string | null {
  if (minimum === null) return 'seuil de jours du CST absent du barème à cette date';
  if (m.joursCstParAn < minimum) return `${m.libelle} : ${m.joursCstParAn} jour(s) par an mis à disposition d’un centre en ZIP, au moins ${minimum} exigés (${CDS_21} CST)`;
  if (m.honorairesCstAnnuels <= 0) return `${m.libelle} : aucun honoraire tiré de la mise à disposition`;
  return null;
}

function cst(s: Scenario, bareme: Bareme): Verdict {
  const premier = s.contrats?.cst ?? s.simulation.debut;
  const refus = refusContrat(s, bareme, 'CST', premier);
  if (refus) return non(refus);
  const minimum = entier(bareme, 'cst.jours_minimum_zip', premier);
  const parMedecin = s.medecins.map((m) => motifCstMedecin(m, minimum));
  if (!parMedecin.some((x) => x === null)) return non(parMedecin.join(' ; '), { medecins: parMedecin });
  return oui(`centre hors ZIP, médecin(s) mis à disposition au moins ${minimum} jours par an d’un centre en ZIP ; signé le ${isoVersFrancais(premier)} (${CDS_21})`, { medecins: parMedecin, aPartirDu: premier });
}

/** Aide automatique (à partir du 01/01/2026) : centres de santé en ZIP ou en ZAC, par ETP éligible. */
function aideCds(s: Scenario, bareme: Bareme): Verdict {
  if (!estCds(s)) return non(`aide automatique : ${RESERVE_CDS}`);
  const zone = motifRefusTerritoire('AIDE_CDS', territoireDe(s), 'CDS');
  if (zone) return non(zone);
  if (s.medecins.length === 0) return non('aucun médecin salarié dans le scénario');
  const fin = ajouterMois(s.simulation.debut, 12 * s.simulation.horizonAnnees);
  // Première date de l'horizon où l'aide existe : le début, ou le 1er janvier suivant, année après année.
  const dates = [s.simulation.debut, ...Array.from({ length: s.simulation.horizonAnnees }, (_, k) => `${Number(s.simulation.debut.slice(0, 4)) + k + 1}-01-01`)].filter((d) => d < fin);
  const debut = dates.find((d) => motifFermeture(bareme, 'AIDE_CDS', d) === null);
  if (!debut) return non(`pas encore en vigueur pendant la simulation (${texteSource({ document: 'ars_hdf_centres_sante', section: '« A compter du 1er janvier 2026 »' })})`);
  return oui(`centre de santé en ZIP ou en ZAC, par ETP éligible, à partir du ${isoVersFrancais(debut)} ; montants non publiés (${texteSource({ document: 'ars_hdf_centres_sante', section: '' })})`, { aPartirDu: debut });
}

/** « 24 mois », « 2 ans » : durée lue dans le barème à la date de début. */
function dureeContrat400(s: Scenario, bareme: Bareme): string {
  const mois = entier(bareme, 'postes400.duree_mois', s.simulation.debut);
  if (mois === null) return 'pendant la durée du contrat';
  return `pendant ${mois % 12 === 0 ? formatDuree(mois / 12, 'an') : formatDuree(mois, 'mois')}`;
}

function postes400(s: Scenario, bareme: Bareme): Verdict {
  if (!estCds(s)) return non(`400 postes : ${RESERVE_CDS}`);
  const zone = motifRefusTerritoire('400POSTES', territoireDe(s), 'CDS');
  if (zone) return non(zone);
  const parMedecin = s.medecins.map((m) => (m.poste400 ? null : `${m.libelle} : pas sur un poste « 400 postes »`));
  if (!parMedecin.some((x) => x === null)) return non('aucun médecin sur un poste « 400 postes »', { medecins: parMedecin });
  const renouvele = s.medecins.some((m) => m.poste400 && m.renouvellement400) ? ', renouvelée une fois pour les contrats renouvelés' : '';
  return oui(`poste en ZIP, en ZAC ou en QPV, garantie de salaire ${dureeContrat400(s, bareme)}${renouvele}, contre une activité minimale (${CDS_22})`, { medecins: parMedecin });
}

function aci(s: Scenario): Verdict {
  const a = s.aci;
  if (!a || a.adhesion === 'aucune') return non('aucune adhésion à l’ACI ni à l’accord national déclarée');
  if (a.adhesion === 'accord_national' && !estCds(s)) return non(`l’accord national ne vise que les centres de santé ; une MSP adhère à l’ACI (${CDS_14})`);
  if (a.adhesion === 'accord_national') return oui(`centre de santé adhérent à l’accord national (exclusif de l’ACI, ${CDS_14}) ; rémunération non publiée (points avant 2026, euros ensuite)`);
  return oui(estCds(s) ? `centre de santé adhérent à l’ACI (exclusif de l’accord national, ${CDS_14})` : 'MSP adhérente à l’ACI');
}

function sip(s: Scenario): Verdict {
  if (!s.sip) return non('aucune demande d’aide SIP dans le scénario (nombre de professionnels et devis)');
  if (!estCds(s)) return oui(`MSP ; aucune condition de zone, la fragilité de la zone est un critère de priorité (${SIP_2023})`);
  const zone = motifRefusTerritoire('SIP', territoireDe(s), 'CDS');
  return zone ? non(zone) : oui(`centre de santé en ZIP, en QPV, sur une île ou en ZAC : formation et tout ou partie des licences (${CDS_32})`);
}

export function eligibiliteScenario(s: Scenario, bareme: Bareme): EligibiliteAide[] {
  const verdicts: Record<AideScenario, () => Verdict> = {
    CAI: () => cai(s, bareme),
    COSCO: () => cosco(s, bareme),
    CST: () => cst(s, bareme),
    AIDE_CDS: () => aideCds(s, bareme),
    '400POSTES': () => postes400(s, bareme),
    ACI: () => aci(s),
    SIP: () => sip(s),
  };
  return (Object.keys(verdicts) as AideScenario[]).map((aide) => ({ aide, financeur: AIDES[aide].financeur, ...verdicts[aide]() }));
}

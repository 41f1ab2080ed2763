// Contrats démographiques des centres de santé : CAI, COSCO, CST — politique régionale des centres de
// santé de l'ARS Bretagne, §2.1 (avenant 1 à l'accord national des centres de santé).
import { LecteurBareme } from '../bareme/lecture';
import { Bareme } from '../bareme/types';
import { isoVersFrancais } from '../dates';
import { ErreurRegle } from '../erreurs';
import { auCentime, Decimal, max, min, ZERO } from '../decimal';
import { Interpretation, Resultat } from '../explication';
import { formatDuree, formatMontant, formatNombre, formatTaux } from '../format';
import { regle, resultat } from '../regle';
import { NUMERO_VERSEMENT, POSITIF, verifier } from '../validation';

const S_CAI = { document: 'politique_cds_bretagne', section: '§2.1 Contrat d’aide à l’installation (CAI)' };
const REGLE_CAI = regle('cai', 'CAI : montant par ETP du 1er ETP, puis des 2e et 3e ETP, plafonné, versé en deux fois', S_CAI);
const REGLE_COSCO = regle('cosco', 'COSCO : montant par an et par ETP de médecin salarié', {
  document: 'politique_cds_bretagne',
  section: '§2.1 Contrat de stabilisation et de coordination (COSCO)',
});
const REGLE_CST = regle('cst', 'CST : majoration des honoraires du médecin mis à disposition, plafonnée par an et par ETP médical', {
  document: 'politique_cds_bretagne',
  section: '§2.1 Contrat de solidarité territoriale (CST)',
});

const ETP_FRACTIONNAIRE: Interpretation = {
  texte: 'ETP fractionnaire : prorata de la tranche où il tombe (1,5 ETP → montant du 1er ETP + 0,5 × montant par ETP de la 2e tranche)',
  statut: 'a_confirmer',
  source: { document: 'interpretation_simulateur', section: 'CAI pour un ETP fractionnaire : prorata de la tranche où il tombe' },
};

/**
 * Le contrat peut-il être signé à cette date (la `date` d'un contrat est celle de sa signature) ? Signé
 * après la fin du régime : #N/A qui dit quand et par quoi il a été remplacé (texte et dates du barème).
 */
function verifierSignature(l: LecteurBareme, contrat: 'CAI' | 'COSCO' | 'CST'): void {
  const id = `${contrat.toLowerCase()}.signature_ouverte`;
  if (!l.valeur(id).isZero()) return;
  const fermeture = l.valeurDatee(id);
  throw new ErreurRegle('#N/A',
    `date : ${contrat} signé le ${isoVersFrancais(l.date)} — contrat remplacé le ${isoVersFrancais(fermeture.du)}${fermeture.note ? ` : ${fermeture.note}` : ''} (voir SIP.AIDE_CDS)`, 'date');
}

export function caiTotal(bareme: Bareme, e: { etp: Decimal; date: string }): Resultat {
  const etp = verifier('etp', e.etp, POSITIF);
  const l = new LecteurBareme(bareme, e.date);
  verifierSignature(l, 'CAI');
  const m1 = l.valeur('cai.montant_etp_tranche1');
  const fin1 = l.valeur('cai.fin_tranche1_etp');
  const m2 = l.valeur('cai.montant_etp_tranche2');
  const fin2 = l.valeur('cai.fin_tranche2_etp');
  const plafond = l.valeur('cai.plafond');
  // Politique régionale des CDS §2.1 : un montant pour le 1er ETP, un autre pour les 2e et 3e, « soit jusqu'à » un plafond.
  const etp1 = min(etp, fin1);
  const etp2 = min(max(etp.minus(fin1), ZERO), fin2.minus(fin1));
  const brut = etp1.times(m1).plus(etp2.times(m2));
  const total = min(brut, plafond);
  const calcul = () =>
    `${formatNombre(etp1)} × ${formatMontant(m1)} + ${formatNombre(etp2)} × ${formatMontant(m2)} = ${formatMontant(brut)}` +
    `, plafonné à ${formatMontant(plafond)} → ${formatMontant(total)}`;
  return resultat(auCentime(total), REGLE_CAI, l, { etp: etp }, calcul, etp.isInteger() ? [] : [ETP_FRACTIONNAIRE]);
}

/** CAI total (versement null) ou l'un des deux versements. */
export function cai(bareme: Bareme, e: { etp: Decimal; versement: Decimal | null; date: string }): Resultat {
  const total = caiTotal(bareme, e);
  if (e.versement === null) return total;
  const numero = verifier('versement', e.versement, NUMERO_VERSEMENT).toNumber();
  const l = new LecteurBareme(bareme, e.date);
  const part = l.valeur('cai.part_premier_versement');
  const premier = auCentime(total.valeur.times(part));
  const valeur = numero === 1 ? premier : total.valeur.minus(premier);
  const r = resultat(valeur, REGLE_CAI, l, { etp: e.etp, versement: numero },
    () => `${numero === 1 ? `1er versement : ${formatTaux(part)} × ${formatMontant(total.valeur)}` : `2e versement : ${formatMontant(total.valeur)} − ${formatMontant(premier)}`}` +
    ` = ${formatMontant(valeur)} [total : ${total.explication.calcul}]`, total.explication.interpretations);
  r.explication.parametres = [...total.explication.parametres, ...r.explication.parametres];
  r.explication.avertissements = [...new Set([...total.explication.avertissements, ...r.explication.avertissements])];
  return r;
}

export function cosco(bareme: Bareme, e: { etp: Decimal; annees: Decimal; date: string }): Resultat {
  const etp = verifier('etp', e.etp, POSITIF);
  const annees = verifier('annees', e.annees, POSITIF);
  const l = new LecteurBareme(bareme, e.date);
  verifierSignature(l, 'COSCO');
  const montant = l.valeur('cosco.montant_etp_an');
  const total = montant.times(etp).times(annees);
  const interpretations: Interpretation[] = annees.isInteger()
    ? []
    : [{ texte: 'Année incomplète : montant au prorata du temps', statut: 'a_confirmer', source: { document: 'interpretation_simulateur', section: 'COSCO pour une année incomplète : prorata du temps' } }];
  return resultat(auCentime(total), REGLE_COSCO, l, { etp: etp, annees: annees },
    () => `${formatMontant(montant)} × ${formatNombre(etp)} ETP × ${formatDuree(annees, 'an')} = ${formatMontant(total)}`, interpretations);
}

export function cst(bareme: Bareme, e: { honorairesAnnuels: Decimal; etp: Decimal; date: string }): Resultat {
  const honoraires = verifier('honoraires_annuels', e.honorairesAnnuels, POSITIF);
  const etp = verifier('etp', e.etp, POSITIF);
  const l = new LecteurBareme(bareme, e.date);
  verifierSignature(l, 'CST');
  const taux = l.valeur('cst.taux_honoraires');
  const plafondEtp = l.valeur('cst.plafond_etp_an');
  const majoration = honoraires.times(taux);
  const plafond = plafondEtp.times(etp);
  const valeur = min(majoration, plafond);
  const interpretations: Interpretation[] = etp.isInteger()
    ? []
    : [{ texte: 'Plafond « par ETP médical » proratisé pour un ETP fractionnaire', statut: 'a_confirmer', source: { document: 'interpretation_simulateur', section: 'Plafond du CST « par ETP médical » proratisé pour un ETP fractionnaire' } }];
  return resultat(auCentime(valeur), REGLE_CST, l, { honoraires_annuels: honoraires, etp: etp },
    () => `min(${formatTaux(taux)} × ${formatMontant(honoraires)} = ${formatMontant(majoration)} ; ${formatMontant(plafondEtp)} × ${formatNombre(etp)} ETP = ${formatMontant(plafond)}) = ${formatMontant(valeur)}`,
    interpretations);
}

// — Aide démographique automatique (accord national des centres de santé de 2025, à partir du 01/01/2026) —

export const TYPES_AIDE_CDS = ['POLYVALENT', 'MEDICAL', 'INFIRMIER'] as const;
export type TypeAideCds = (typeof TYPES_AIDE_CDS)[number];
export const ZONES_AIDE_CDS = ['ZIP', 'ZAC'] as const;
export type ZoneAideCds = (typeof ZONES_AIDE_CDS)[number];

const REGLE_AIDE_CDS = regle('aide_cds', 'Aide démographique automatique : montant fixe par ETP éligible, selon le type de centre et la zone, dans la rémunération forfaitaire spécifique', {
  document: 'ars_hdf_centres_sante',
  section: '« A compter du 1er janvier 2026 » : « des montants fixes sont prévus automatiquement … en fonction de leurs équivalents temps plein (ETP) éligibles »',
});

/** Montant annuel pour `etp` ETP éligibles ; #N/A « montant non publié » tant que le barème n'a pas de valeur. */
export function aideAutomatiqueCds(bareme: Bareme, e: { etp: Decimal; type: TypeAideCds; zone: ZoneAideCds; date: string }): Resultat {
  const etp = verifier('etp', e.etp, POSITIF);
  const l = new LecteurBareme(bareme, e.date);
  l.valeur('cds.aide_automatique.ouverte');
  const parEtp = l.valeur(`cds.aide_automatique.${e.type.toLowerCase()}.${e.zone.toLowerCase()}`);
  const valeur = parEtp.times(etp);
  return resultat(auCentime(valeur), REGLE_AIDE_CDS, l, { etp, type_centre: e.type, zone: e.zone },
    () => `${formatMontant(parEtp)} × ${formatNombre(etp)} ETP = ${formatMontant(valeur)}`);
}

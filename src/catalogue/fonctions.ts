// Le catalogue des fonctions SIP.* — seule liste des fonctions du produit.
// L'ordre des arguments est figé : les classeurs des utilisateurs et des partenaires en dépendent.
import { Decimal } from '../rules/decimal';
import { aci, aciAvance, pointsSiStandard } from '../rules/regles/aci';
import { aideAutomatiqueCds, cai, cosco, cst, TYPES_AIDE_CDS, ZONES_AIDE_CDS, type TypeAideCds, type ZoneAideCds } from '../rules/regles/cds';
import { eligibleTerritoire, lireDispositif, lireStructure, lireZone, territoire, DISPOSITIFS, STRUCTURES, ZONES } from '../rules/regles/zonage';
import { garantie400, maternite400, plafond400, seuil400 } from '../rules/regles/postes400';
import { aideSip, plafondSip, versementSip } from '../rules/regles/sip';
import { LecteurBareme, parametreDe } from '../rules/bareme/lecture';
import { ErreurRegle } from '../rules/erreurs';
import { formatValeurUnite } from '../rules/format';
import { regle, resultat } from '../rules/regle';
import { ENTIER_POSITIF_NON_NUL, NUMERO_VERSEMENT, POSITIF, QUOTITE } from '../rules/validation';
import { aciAvanceRapide, aciRapide, pointsSiStandardRapide } from '../rules/rapide/aci';
import { aideAutomatiqueCdsRapide, caiRapide, coscoRapide, cstRapide } from '../rules/rapide/cds';
import { parametreRapide } from '../rules/rapide/parametre';
import { lecteurDeValeurs } from '../rules/rapide/textes';
import { garantie400Rapide, maternite400Rapide, plafond400Rapide, seuil400Rapide } from '../rules/rapide/postes400';
import { aideSipRapide, plafondSipRapide, versementSipRapide } from '../rules/rapide/sip';
import { eligibleRapide } from '../rules/rapide/zonage';
import { ArgumentCatalogue, FonctionCatalogue, ValeurArgument, ValeurRapide } from './types';

const dec = (v: ValeurArgument) => v as Decimal;
/** Un texte parmi des valeurs permises, sans tenir compte de la casse ; sinon #VALEUR! qui nomme l'argument. */
function choix(texte: string, valeurs: readonly string[], nom: string): string {
  const t = texte.trim().toUpperCase();
  if (!valeurs.includes(t)) throw new ErreurRegle('#VALEUR!', `${nom} : « ${texte} » inconnu ; valeurs permises : ${valeurs.join(', ')}`, nom);
  return t;
}
/** Le chemin rapide : la valeur permise (celle de la liste), ou undefined (le chemin expliqué rédige l'erreur). */
const typeAideCds = lecteurDeValeurs(TYPES_AIDE_CDS);
const zoneAideCds = lecteurDeValeurs(ZONES_AIDE_CDS);
/** Chemin rapide : arguments lus par indice (a[0], a[1]…) ; les déstructurer coûte plus que le calcul (V8). */
const num = (v: ValeurRapide) => v as number;
const bool = (v: ValeurArgument) => v as boolean;
const txt = (v: ValeurArgument) => v as string;
const iso = (v: ValeurArgument) => v as string;

const DATE: ArgumentCatalogue = {
  nom: 'date',
  nomEn: 'date',
  type: 'date',
  optionnel: true,
  description: {
    fr: 'Date de calcul (date Excel) : le barème en vigueur à cette date s’applique. Omise : aujourd’hui.',
    en: 'Calculation date (Excel date): the barème in force on that date applies. Omitted: today.',
  },
};
/** La date d'un contrat démographique est sa date de signature : elle décide du régime (contrats remplacés en 2026). */
const DATE_SIGNATURE: ArgumentCatalogue = {
  ...DATE,
  description: {
    fr: 'Date de signature du contrat (date Excel) : le barème en vigueur à cette date s’applique ; signé à partir du 01/01/2026, le contrat est remplacé par l’aide automatique (SIP.AIDE_CDS). Omise : aujourd’hui.',
    en: 'Contract signature date (Excel date): the barème in force on that date applies; contracts signed from 1 Jan 2026 are replaced by the automatic aid. Omitted: today.',
  },
};
const ETP: ArgumentCatalogue = {
  nom: 'etp',
  nomEn: 'fte',
  type: 'nombre',
  optionnel: false,
  contrainte: POSITIF,
  description: { fr: 'Équivalents temps plein de médecins salariés (ex. 1,5).', en: 'Full-time equivalents of salaried doctors (e.g. 1.5).' },
};
const QUOTITE_ARG: ArgumentCatalogue = {
  nom: 'quotite',
  nomEn: 'working_time',
  type: 'nombre',
  optionnel: true,
  defaut: 1,
  contrainte: QUOTITE,
  description: { fr: 'Quotité de temps de travail, dans ]0 ; 1] (1 = temps plein). Omise : 1.', en: 'Working-time ratio in ]0;1] (1 = full time). Omitted: 1.' },
};
const NB_PROS: ArgumentCatalogue = {
  nom: 'nb_professionnels',
  nomEn: 'professionals',
  type: 'nombre',
  optionnel: false,
  contrainte: ENTIER_POSITIF_NON_NUL,
  description: { fr: 'Nombre de professionnels intégrés au projet SIP.', en: 'Number of professionals in the shared-IS project.' },
};
const montant = (nom: string, nomEn: string, fr: string, en: string): ArgumentCatalogue => ({
  nom,
  nomEn,
  type: 'nombre',
  optionnel: false,
  contrainte: POSITIF,
  description: { fr, en },
});
const EUROS = (fr: string, en: string) => ({ type: 'nombre' as const, unite: '€', description: { fr, en } });

export const CATALOGUE: readonly FonctionCatalogue[] = [
  {
    nom: 'PLAFOND',
    id: 'SIP_PLAFOND',
    description: { fr: 'Plafond de l’aide SIP pour une équipe de n professionnels (barème à confirmer par l’ARS).', en: 'Shared-IS aid ceiling for a team of n professionals.' },
    arguments: [NB_PROS, DATE],
    resultat: EUROS('Plafond de l’aide, en euros', 'Aid ceiling, in euros'),
    calculer: ([n, date], ctx) => plafondSip(ctx.bareme, { nbProfessionnels: dec(n), date: iso(date) }),
    valeur: (a, ctx) => plafondSipRapide(ctx.bareme, num(a[0]), num(a[1])),
  },
  {
    nom: 'AIDE',
    id: 'SIP_AIDE',
    description: { fr: 'Aide SIP = montant des devis validés, dans la limite du plafond.', en: 'Shared-IS aid = validated quotes, capped by the ceiling.' },
    arguments: [montant('montant_devis', 'quotes', 'Montant des devis validés, en euros.', 'Validated quotes, in euros.'), NB_PROS, DATE],
    resultat: EUROS('Aide attribuée, en euros', 'Aid granted, in euros'),
    calculer: ([devis, n, date], ctx) => aideSip(ctx.bareme, { montantDevis: dec(devis), nbProfessionnels: dec(n), date: iso(date) }),
    valeur: (a, ctx) => aideSipRapide(ctx.bareme, num(a[0]), num(a[1]), num(a[2])),
  },
  {
    nom: 'VERSEMENT',
    id: 'SIP_VERSEMENT',
    description: { fr: 'Versement de l’aide SIP : 1 = à la signature de la convention, 2 = solde au PV d’installation.', en: 'Shared-IS aid payment: 1 = at signature, 2 = balance at closing.' },
    arguments: [
      montant('montant_aide', 'aid', 'Montant de l’aide attribuée, en euros.', 'Aid granted, in euros.'),
      { nom: 'numero', nomEn: 'number', type: 'nombre', optionnel: false, contrainte: NUMERO_VERSEMENT, description: { fr: '1 = à la convention, 2 = solde.', en: '1 = at signature, 2 = balance.' } },
      DATE,
    ],
    resultat: EUROS('Montant du versement, en euros', 'Payment, in euros'),
    calculer: ([aide, numero, date], ctx) => versementSip(ctx.bareme, { montantAide: dec(aide), numero: dec(numero), date: iso(date) }),
    valeur: (a, ctx) => versementSipRapide(ctx.bareme, num(a[0]), num(a[1]), num(a[2])),
  },
  {
    nom: 'CAI',
    id: 'SIP_CAI',
    description: { fr: 'Contrat d’aide à l’installation d’un centre de santé en ZIP : total ou l’un des deux versements.', en: 'Installation aid contract of a health centre in a ZIP: total or one of the two instalments.' },
    arguments: [
      ETP,
      { nom: 'versement', nomEn: 'instalment', type: 'nombre', optionnel: true, siOmis: 'montant total', contrainte: NUMERO_VERSEMENT, description: { fr: 'Omis = montant total ; 1 ou 2 = premier ou second versement.', en: 'Omitted = total; 1 or 2 = first or second instalment.' } },
      DATE_SIGNATURE,
    ],
    resultat: EUROS('Montant du CAI, en euros', 'CAI amount, in euros'),
    calculer: ([etp, versement, date], ctx) => cai(ctx.bareme, { etp: dec(etp), versement: versement === null ? null : dec(versement), date: iso(date) }),
    valeur: (a, ctx) => caiRapide(ctx.bareme, num(a[0]), a[1] == null ? null : num(a[1]), num(a[2])),
  },
  {
    nom: 'COSCO',
    id: 'SIP_COSCO',
    description: { fr: 'Contrat de stabilisation et de coordination : montant par an et par ETP de médecin salarié (ZIP).', en: 'Stabilisation and coordination contract: per ETP-year of salaried doctor (ZIP).' },
    arguments: [
      ETP,
      { nom: 'annees', nomEn: 'years', type: 'nombre', optionnel: true, defaut: 1, contrainte: POSITIF, description: { fr: 'Nombre d’années. Omis : 1.', en: 'Number of years. Omitted: 1.' } },
      DATE_SIGNATURE,
    ],
    resultat: EUROS('Montant du COSCO, en euros', 'COSCO amount, in euros'),
    calculer: ([etp, annees, date], ctx) => cosco(ctx.bareme, { etp: dec(etp), annees: dec(annees), date: iso(date) }),
    valeur: (a, ctx) => coscoRapide(ctx.bareme, num(a[0]), num(a[1]), num(a[2])),
  },
  {
    nom: 'CST',
    id: 'SIP_CST',
    description: { fr: 'Contrat de solidarité territoriale : majoration des honoraires du médecin mis à disposition, plafonnée par ETP (hors ZIP).', en: 'Territorial solidarity contract: share of the fees, capped per ETP (outside ZIP).' },
    arguments: [montant('honoraires_annuels', 'annual_fees', 'Honoraires annuels du médecin mis à disposition, en euros.', 'Annual fees of the doctor, in euros.'), ETP, DATE_SIGNATURE],
    resultat: EUROS('Montant annuel du CST, en euros', 'Annual CST amount, in euros'),
    calculer: ([h, etp, date], ctx) => cst(ctx.bareme, { honorairesAnnuels: dec(h), etp: dec(etp), date: iso(date) }),
    valeur: (a, ctx) => cstRapide(ctx.bareme, num(a[0]), num(a[1]), num(a[2])),
  },
  {
    nom: 'AIDE_CDS',
    id: 'SIP_AIDE_CDS',
    description: {
      fr: 'Aide démographique automatique des centres de santé (depuis le 01/01/2026) : montant annuel par ETP éligible, selon le type de centre et la zone ; #N/A « montant non publié » tant que le barème n’a pas de valeur.',
      en: 'Automatic demographic aid for health centres (from 1 Jan 2026): annual amount per eligible FTE; #N/A while the amount is not published.',
    },
    arguments: [
      ETP,
      { nom: 'type_centre', nomEn: 'centre_type', type: 'texte', optionnel: false, valeurs: TYPES_AIDE_CDS, description: { fr: `Type de centre : ${TYPES_AIDE_CDS.join(', ')}.`, en: `Centre type: ${TYPES_AIDE_CDS.join(', ')}.` } },
      { nom: 'zone', nomEn: 'zone', type: 'texte', optionnel: false, valeurs: ZONES_AIDE_CDS, description: { fr: `Zone : ${ZONES_AIDE_CDS.join(', ')}.`, en: `Zone: ${ZONES_AIDE_CDS.join(', ')}.` } },
      DATE,
    ],
    resultat: EUROS('Montant annuel, en euros', 'Annual amount, in euros'),
    calculer: ([etp, t, z, date], ctx) => aideAutomatiqueCds(ctx.bareme, { etp: dec(etp), type: choix(txt(t), TYPES_AIDE_CDS, 'type_centre') as TypeAideCds, zone: choix(txt(z), ZONES_AIDE_CDS, 'zone') as ZoneAideCds, date: iso(date) }),
    valeur: (a, ctx) => {
      const type = typeAideCds(a[1] as string);
      const zone = zoneAideCds(a[2] as string);
      return type && zone && aideAutomatiqueCdsRapide(ctx.bareme, num(a[0]), type, zone, num(a[3]));
    },
  },
  {
    nom: 'GARANTIE400',
    id: 'SIP_GARANTIE400',
    description: {
      fr: '400 postes : garantie mensuelle = coût salarial plafonné (plafond temps plein × quotité) moins les honoraires, jamais négative ; 0 si les consultations du mois sont sous le seuil (quand elles sont données avec le mois du contrat).',
      en: '400 posts: monthly guarantee = capped salary cost minus fees, never negative; 0 if the month’s consultations are below the threshold (when given with the contract month).',
    },
    arguments: [
      montant('cout_salarial_mensuel', 'monthly_salary_cost', 'Coût salarial mensuel total (charges comprises), en euros.', 'Total monthly salary cost, in euros.'),
      montant('honoraires_mensuels', 'monthly_fees', 'Honoraires générés dans le mois, en euros.', 'Fees generated in the month, in euros.'),
      QUOTITE_ARG,
      DATE,
      { nom: 'consultations', nomEn: 'consultations', type: 'nombre', optionnel: true, siOmis: 'contrepartie non vérifiée', contrainte: POSITIF,
        description: { fr: 'Consultations du mois : avec mois_du_contrat, la garantie n’est due qu’au seuil (SIP.SEUIL400) atteint. Omises : contrepartie non vérifiée.', en: 'Consultations in the month: with contract_month, the guarantee is due only at the threshold. Omitted: not checked.' } },
      { nom: 'mois_du_contrat', nomEn: 'contract_month', type: 'nombre', optionnel: true, siOmis: 'contrepartie non vérifiée', contrainte: ENTIER_POSITIF_NON_NUL,
        description: { fr: 'Mois du contrat (1, 2, 3…) pour le seuil de consultations. Omis : contrepartie non vérifiée.', en: 'Contract month (1, 2, 3…) for the consultation threshold. Omitted: not checked.' } },
    ],
    resultat: EUROS('Garantie du mois, en euros', 'Monthly guarantee, in euros'),
    calculer: ([c, h, q, date, consultations, mois], ctx) => garantie400(ctx.bareme, {
      coutSalarialMensuel: dec(c), honorairesMensuels: dec(h), quotite: dec(q), date: iso(date),
      activite: consultations !== null && mois !== null ? { consultations: dec(consultations), mois: dec(mois) } : null,
    }),
    valeur: (a, ctx) =>
      garantie400Rapide(ctx.bareme, num(a[0]), num(a[1]), num(a[2]), num(a[3]), a[4] == null ? null : num(a[4]), a[5] == null ? null : num(a[5])),
  },
  {
    nom: 'PLAFOND400',
    id: 'SIP_PLAFOND400',
    description: { fr: '400 postes : coût salarial mensuel maximal garanti pour une quotité.', en: '400 posts: maximum guaranteed monthly salary cost for a working-time ratio.' },
    arguments: [QUOTITE_ARG, DATE],
    resultat: EUROS('Plafond mensuel, en euros', 'Monthly ceiling, in euros'),
    calculer: ([q, date], ctx) => plafond400(ctx.bareme, { quotite: dec(q), date: iso(date) }),
    valeur: (a, ctx) => plafond400Rapide(ctx.bareme, num(a[0]), num(a[1])),
  },
  {
    nom: 'SEUIL400',
    id: 'SIP_SEUIL400',
    description: { fr: '400 postes : consultations par mois exigées (seuil des premiers mois, puis seuil courant), × quotité.', en: '400 posts: consultations per month required (initial then ongoing threshold), × working time.' },
    arguments: [
      { nom: 'mois_du_contrat', nomEn: 'contract_month', type: 'nombre', optionnel: false, contrainte: ENTIER_POSITIF_NON_NUL, description: { fr: 'Mois du contrat : 1, 2, 3…', en: 'Month of the contract: 1, 2, 3…' } },
      QUOTITE_ARG,
      DATE,
    ],
    resultat: { type: 'nombre', unite: 'consultations/mois', description: { fr: 'Consultations par mois', en: 'Consultations per month' } },
    calculer: ([m, q, date], ctx) => seuil400(ctx.bareme, { moisDuContrat: dec(m), quotite: dec(q), date: iso(date) }),
    valeur: (a, ctx) => seuil400Rapide(ctx.bareme, num(a[0]), num(a[1]), num(a[2])),
  },
  {
    nom: 'MATERNITE400',
    id: 'SIP_MATERNITE400',
    description: { fr: '400 postes, congé maternité/paternité : salaire chargé moins indemnités journalières si le salaire est maintenu, sinon 0.', en: '400 posts, parental leave: charged salary minus daily allowances if the salary is maintained, else 0.' },
    arguments: [
      montant('salaire_charge', 'charged_salary', 'Salaire toutes charges comprises sur la période, en euros.', 'Salary with all charges for the period, in euros.'),
      montant('indemnites_journalieres', 'daily_allowances', 'Indemnités journalières perçues sur la période, en euros.', 'Daily allowances received for the period, in euros.'),
      { nom: 'salaire_maintenu', nomEn: 'salary_maintained', type: 'booleen', optionnel: true, defaut: true, description: { fr: 'VRAI si le contrat ou la convention maintient le salaire. Omis : VRAI.', en: 'TRUE if the salary is maintained. Omitted: TRUE.' } },
      { ...DATE, description: { fr: 'Date du début du congé (date Excel) : #N/A avant le dispositif « 400 postes ». Omise : aujourd’hui.', en: 'Start of the leave (Excel date): #N/A before the 400-posts scheme. Omitted: today.' } },
    ],
    resultat: EUROS('Prise en charge ARS, en euros', 'ARS payment, in euros'),
    calculer: ([s, ij, m, date], ctx) => maternite400(ctx.bareme, { salaireCharge: dec(s), indemnitesJournalieres: dec(ij), salaireMaintenu: bool(m), date: iso(date) }),
    valeur: (a, ctx) => maternite400Rapide(ctx.bareme, num(a[0]), num(a[1]), a[2] as boolean, num(a[3])),
  },
  {
    nom: 'ACI',
    id: 'SIP_ACI',
    description: { fr: 'Rémunération ACI annuelle : (points fixes + points variables × patientèle / patientèle de référence) × valeur du point, 0 si un prérequis manque.', en: 'Annual ACI remuneration: (fixed + variable × patients / reference patients) × point value, 0 if a prerequisite is missing.' },
    arguments: [
      { nom: 'points_fixes', nomEn: 'fixed_points', type: 'nombre', optionnel: false, contrainte: POSITIF, description: { fr: 'Points fixes atteints.', en: 'Fixed points reached.' } },
      { nom: 'points_variables', nomEn: 'variable_points', type: 'nombre', optionnel: false, contrainte: POSITIF, description: { fr: 'Points variables atteints (pour la patientèle de référence).', en: 'Variable points reached (for the reference patient count).' } },
      { nom: 'patientele', nomEn: 'patients', type: 'nombre', optionnel: false, contrainte: POSITIF, description: { fr: 'Patientèle médecin traitant des médecins associés.', en: 'Registered patients of the associated doctors.' } },
      { nom: 'prerequis_remplis', nomEn: 'prerequisites_met', type: 'booleen', optionnel: true, defaut: true, description: { fr: 'VRAI si tous les indicateurs prérequis sont remplis. Omis : VRAI.', en: 'TRUE if all prerequisites are met. Omitted: TRUE.' } },
      DATE,
    ],
    resultat: EUROS('Rémunération annuelle, en euros', 'Annual remuneration, in euros'),
    calculer: ([f, v, p, pr, date], ctx) => aci(ctx.bareme, { pointsFixes: dec(f), pointsVariables: dec(v), patientele: dec(p), prerequisRemplis: bool(pr), date: iso(date) }),
    valeur: (a, ctx) => aciRapide(ctx.bareme, num(a[0]), num(a[1]), num(a[2]), a[3] as boolean, num(a[4])),
  },
  {
    nom: 'ACI_AVANCE',
    id: 'SIP_ACI_AVANCE',
    description: {
      fr: 'Avance ACI versée en année n : 60 % du montant des indicateurs socles atteints à 100 %, au moins 12 000 € depuis l’avenant 1 (à confirmer), jamais plus que ce montant ; le solde suit en n+1.',
      en: 'ACI advance paid in year n: 60% of the amount for 100% of the core (socle) indicators, at least the avenant-1 minimum, never more than that amount.',
    },
    arguments: [montant('montant_socle', 'socle_amount', 'Montant annuel correspondant aux indicateurs socles atteints à 100 %, en euros.', 'Annual amount for 100% of the core indicators, in euros.'), DATE],
    resultat: EUROS('Avance, en euros', 'Advance, in euros'),
    calculer: ([m, date], ctx) => aciAvance(ctx.bareme, { montantSocle: dec(m), date: iso(date) }),
    valeur: (a, ctx) => aciAvanceRapide(ctx.bareme, num(a[0]), num(a[1])),
  },
  {
    nom: 'ACI_SI',
    id: 'SIP_ACI_SI',
    description: { fr: 'ACI, indicateur « système d’information niveau standard » : points fixes et part par professionnel (jusqu’au seuil, puis au-delà).', en: 'ACI, standard information-system indicator: fixed points plus a part per professional.' },
    arguments: [NB_PROS, DATE],
    resultat: { type: 'nombre', unite: 'points', description: { fr: 'Points de l’indicateur', en: 'Indicator points' } },
    calculer: ([n, date], ctx) => pointsSiStandard(ctx.bareme, { nbProfessionnels: dec(n), date: iso(date) }),
    valeur: (a, ctx) => pointsSiStandardRapide(ctx.bareme, num(a[0]), num(a[1])),
  },
  {
    nom: 'ELIGIBLE',
    id: 'SIP_ELIGIBLE',
    description: {
      fr: 'VRAI si le dispositif est permis pour ce territoire et cette structure (CAI/COSCO : ZIP ; CST : hors ZIP ; 400 postes : ZIP, ZAC ou QPV ; SIP : toute zone pour une MSP, ZIP, ZAC, QPV ou île pour un centre de santé) et, avec une date, ouvert à cette date.',
      en: 'TRUE if the scheme is allowed for this territory and structure and, with a date, open on that date.',
    },
    arguments: [
      { nom: 'dispositif', nomEn: 'scheme', type: 'texte', optionnel: false, valeurs: DISPOSITIFS, description: { fr: `Dispositif : ${DISPOSITIFS.join(', ')}.`, en: `Scheme: ${DISPOSITIFS.join(', ')}.` } },
      { nom: 'zone', nomEn: 'zone', type: 'texte', optionnel: false, valeurs: ZONES, description: { fr: 'Zonage médecin : ZIP, ZAC, HZ (hors zone) ; QPV (ancienne forme) = hors zone en QPV.', en: 'Doctor zoning: ZIP, ZAC, HZ; QPV (legacy) = outside any zone, in a QPV.' } },
      { nom: 'structure', nomEn: 'structure', type: 'texte', optionnel: true, valeurs: STRUCTURES, siOmis: 'public habituel du dispositif',
        description: { fr: 'Structure : MSP ou CDS. Omise : le public habituel du dispositif (MSP pour le SIP, CDS pour les autres).', en: 'Structure: MSP or CDS. Omitted: the scheme’s usual public.' } },
      { nom: 'qpv', nomEn: 'qpv', type: 'booleen', optionnel: true, defaut: false, description: { fr: 'VRAI si la structure est dans un quartier prioritaire de la politique de la ville. Omis : FAUX.', en: 'TRUE if in a priority urban district. Omitted: FALSE.' } },
      { ...DATE, aujourdhuiSiOmise: false, siOmis: 'sans condition de date',
        description: { fr: 'Date du régime (date Excel) : le dispositif doit y être ouvert (contrats CDS remplacés le 01/01/2026). Omise : sans condition de date.', en: 'Regime date: the scheme must be open on that date. Omitted: no date condition.' } },
    ],
    resultat: { type: 'booleen', unite: 'VRAI/FAUX', description: { fr: 'VRAI si éligible', en: 'TRUE if eligible' } },
    calculer: ([d, z, st, q, date], ctx) => eligibleTerritoire(ctx.bareme, {
      dispositif: lireDispositif(txt(d)), territoire: territoire(lireZone(txt(z)), bool(q)), structure: st === null ? null : lireStructure(txt(st)), date: date === null ? null : iso(date),
    }),
    valeur: (a, ctx) => eligibleRapide(ctx.bareme, a[0] as string, a[1] as string, a[2] == null ? null : (a[2] as string), a[3] as boolean, a[4] == null ? null : num(a[4])),
  },
  {
    nom: 'PARAMETRE',
    id: 'SIP_PARAMETRE',
    description: { fr: 'Valeur d’un paramètre du barème à une date (ex. "postes400.plafond_mensuel_temps_plein").', en: 'Value of a barème parameter on a date.' },
    arguments: [
      { nom: 'identifiant', nomEn: 'identifier', type: 'texte', optionnel: false, description: { fr: 'Identifiant du paramètre dans le barème.', en: 'Parameter identifier in the barème.' } },
      DATE,
    ],
    resultat: { type: 'nombre', unite: 'selon le paramètre', description: { fr: 'Valeur du paramètre', en: 'Parameter value' } },
    calculer: ([id, date], ctx) => {
      const l = new LecteurBareme(ctx.bareme, iso(date));
      const ident = txt(id).trim();
      // Erreurs nommant l'argument : identifiant inconnu, ou paramètre sans valeur (« aucune ») à cette date.
      if (!parametreDe(ctx.bareme, ident)) {
        throw new ErreurRegle('#N/A', `identifiant : paramètre de barème inconnu « ${ident} » (liste : sip explain --bareme)`, 'identifiant');
      }
      const v = l.valeurOuAucune(ident);
      if (v === null) throw new ErreurRegle('#N/A', `identifiant : le paramètre « ${ident} » n’a pas de valeur (aucune) à cette date`, 'identifiant');
      const p = l.utilises[0];
      return resultat(v, regle('bareme.parametre', `Paramètre du barème : ${p.libelle}`, p.source), l, { identifiant: p.id }, `${p.libelle} = ${formatValeurUnite(p.valeur, p.unite)}`);
    },
    valeur: (a, ctx) => parametreRapide(ctx.bareme, a[0] as string, num(a[1])),
  },
];

export function trouverFonction(nom: string): FonctionCatalogue | undefined {
  const n = nom.toUpperCase().replace(/^SIP[._]/, '');
  return CATALOGUE.find((f) => f.nom === n);
}

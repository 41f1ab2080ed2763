// ACI / accord national : rémunération par points (valeurs : src/rules/bareme/aci.json ; liste des
// indicateurs : politique régionale des centres de santé de l'ARS Bretagne, §1.4).
import { LecteurBareme, trouverValeur } from '../bareme/lecture';
import { Bareme } from '../bareme/types';
import { auCentime, Decimal, max, min, ZERO } from '../decimal';
import { Resultat } from '../explication';
import { formatMontant, formatNombre, formatTaux } from '../format';
import { regle, resultat } from '../regle';
import { ENTIER_POSITIF_NON_NUL, POSITIF, verifier } from '../validation';

const REGLE_ACI = regle('aci.remuneration',
  'ACI : (points fixes + points variables × patientèle / patientèle de référence) × valeur du point ; 0 si un prérequis manque',
  { document: 'femasif_aci', section: 'Rémunération par points ; « indicateurs socles prérequis : leur atteinte conditionne le déclenchement de la rémunération »' });
const REGLE_AVANCE = regle('aci.avance', 'ACI : avance en année n, 60 % du montant des indicateurs socles atteints à 100 % (avec un minimum depuis l’avenant 1, sans dépasser ce montant)',
  { document: 'femasif_aci', section: 'Avance de 60 % du montant correspondant aux indicateurs socles atteints à 100 %' });

export function aci(bareme: Bareme, e: { pointsFixes: Decimal; pointsVariables: Decimal; patientele: Decimal; prerequisRemplis: boolean; date: string }): Resultat {
  const fixes = verifier('points_fixes', e.pointsFixes, POSITIF);
  const variables = verifier('points_variables', e.pointsVariables, POSITIF);
  const patientele = verifier('patientele', e.patientele, POSITIF);
  const l = new LecteurBareme(bareme, e.date);
  const point = l.valeur('aci.valeur_point');
  const reference = l.valeur('aci.patientele_reference');
  const entrees = { points_fixes: fixes, points_variables: variables, patientele: patientele, prerequis_remplis: e.prerequisRemplis };
  if (!e.prerequisRemplis) {
    return resultat(ZERO, REGLE_ACI, l, entrees, 'un indicateur prérequis n’est pas rempli : aucune rémunération (0 €)');
  }
  const variablesRetenus = variables.times(patientele).dividedBy(reference);
  const points = fixes.plus(variablesRetenus);
  const valeur = points.times(point);
  return resultat(auCentime(valeur), REGLE_ACI, l, entrees,
    () => `(${formatNombre(fixes)} + ${formatNombre(variables)} × ${formatNombre(patientele)} / ${formatNombre(reference)}) × ${formatMontant(point)} = ${formatNombre(points)} points × ${formatMontant(point)} = ${formatMontant(valeur)}`);
}

/**
 * Avance de l'année n : 60 % du montant qui correspondrait à l'atteinte à 100 % des indicateurs socles
 * (FEMASIF), au moins le minimum de l'avenant 1 (APMSL : 12 000 €), jamais plus que ce montant.
 */
export function aciAvance(bareme: Bareme, e: { montantSocle: Decimal; date: string }): Resultat {
  const montant = auCentime(verifier('montant_socle', e.montantSocle, POSITIF));
  const l = new LecteurBareme(bareme, e.date);
  const taux = l.valeur('aci.taux_avance');
  const minimum = l.valeur('aci.avance_minimum');
  const proportionnelle = auCentime(montant.times(taux));
  const valeur = min(montant, max(proportionnelle, minimum));
  const minimumApplique = !valeur.equals(proportionnelle);
  return resultat(valeur, REGLE_AVANCE, l, { montant_socle: montant },
    () => `${formatTaux(taux)} × ${formatMontant(montant)} (indicateurs socles atteints à 100 %) = ${formatMontant(proportionnelle)}` +
    (minimumApplique ? ` ; minimum ${formatMontant(minimum)}, sans dépasser ce montant → ${formatMontant(valeur)}` : ''),
    minimumApplique ? [{ texte: 'Avance portée au minimum, bornée au montant des indicateurs socles', statut: 'a_confirmer', source: { document: 'apmsl_aci', section: 'Avance « pour un montant minimum de 12 000 € » depuis l’avenant 1' } }] : []);
}

const REGLE_SI = regle('aci.si_standard', 'Indicateur « système d’information niveau standard » : points fixes + points par professionnel jusqu’au seuil, puis au-delà',
  { document: 'releve_secondaire_aci', section: 'SI niveau standard : 500 points, plus 200 par professionnel jusqu’à 16 puis 150' });

/** Points de l'indicateur SI niveau standard pour une équipe de n professionnels. */
export function pointsSiStandard(bareme: Bareme, e: { nbProfessionnels: Decimal; date: string }): Resultat {
  const n = verifier('nb_professionnels', e.nbProfessionnels, ENTIER_POSITIF_NON_NUL);
  const l = new LecteurBareme(bareme, e.date);
  const base = 'aci.indicateur.si_standard';
  const fixes = l.valeur(`${base}.points_fixes`);
  const avant = l.valeur(`${base}.points_par_professionnel_jusqu_au_seuil`);
  const seuil = l.valeur(`${base}.seuil_professionnels`);
  const apres = l.valeur(`${base}.points_par_professionnel_au_dela_du_seuil`);
  const jusquAu = min(n, seuil);
  const auDela = max(ZERO, n.minus(seuil));
  const valeur = fixes.plus(jusquAu.times(avant)).plus(auDela.times(apres));
  return resultat(valeur, REGLE_SI, l, { nb_professionnels: n },
    () => `${formatNombre(fixes)} + ${formatNombre(jusquAu)} × ${formatNombre(avant)} + ${formatNombre(auDela)} × ${formatNombre(apres)} = ${formatNombre(valeur)} points`);
}

const REGLE_AN_2025 = regle('accord_national_2025', 'Accord national des centres de santé de 2025 : rémunération en euros (et non plus en points), 0 si un prérequis manque',
  { document: 'accord_national_cds_2025', section: 'Rémunération des indicateurs' });

/** Rémunération annuelle de l'accord national de 2025 : #N/A « montant non publié » tant que le barème n'en a pas. */
export function accordNational2025(bareme: Bareme, e: { prerequisRemplis: boolean; date: string }): Resultat {
  const l = new LecteurBareme(bareme, e.date);
  const montant = l.valeur('cds.accord_national_2025.remuneration_forfaitaire_annuelle');
  const valeur = e.prerequisRemplis ? montant : ZERO;
  return resultat(auCentime(valeur), REGLE_AN_2025, l, { prerequis_remplis: e.prerequisRemplis },
    () => (e.prerequisRemplis ? `rémunération annuelle ${formatMontant(montant)}` : 'un indicateur prérequis n’est pas rempli : aucune rémunération (0 €)'));
}

/** Le régime de l'accord national de 2025 (euros) s'applique-t-il à cette date ? (paramètre au barème à cette date) */
export function regimeAccordNational2025(bareme: Bareme, date: string): boolean {
  try {
    trouverValeur(bareme, 'cds.accord_national_2025.remuneration_forfaitaire_annuelle', date);
    return true;
  } catch {
    return false;
  }
}

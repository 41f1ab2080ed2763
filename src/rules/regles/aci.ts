// ACI / accord national : rémunération par points (REGLES.md §4 ; liste des indicateurs : 004 §1.4).
import { LecteurBareme } from '../bareme/lecture';
import { Bareme } from '../bareme/types';
import { auCentime, Decimal, max, min, ZERO } from '../decimal';
import { Resultat } from '../explication';
import { formatEuros, formatNombre, formatTaux } from '../format';
import { regle, resultat } from '../regle';
import { POSITIF, verifier } from '../validation';

const REGLE_ACI = regle('aci.remuneration',
  'ACI : (points fixes + points variables × patientèle / patientèle de référence) × valeur du point ; 0 si un prérequis manque',
  { document: 'ACI MSP (avenant 1, JO 3 août 2022) ; 004 §1.4', section: 'Rémunération par points, indicateurs socle prérequis' });
const REGLE_AVANCE = regle('aci.avance', 'ACI : avance en année n, proportionnelle au montant annuel (avec un minimum depuis l’avenant 1, sans dépasser le montant annuel)',
  { document: 'ACI MSP', section: 'Modalités de versement' });

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
    () => `(${formatNombre(fixes)} + ${formatNombre(variables)} × ${formatNombre(patientele)} / ${formatNombre(reference)}) × ${formatEuros(point)} = ${formatNombre(points)} points × ${formatEuros(point)} = ${formatEuros(valeur)}`);
}

export function aciAvance(bareme: Bareme, e: { montantAnnuel: Decimal; date: string }): Resultat {
  const montant = auCentime(verifier('montant_annuel', e.montantAnnuel, POSITIF));
  const l = new LecteurBareme(bareme, e.date);
  const taux = l.valeur('aci.taux_avance');
  const minimum = l.valeur('aci.avance_minimum');
  const proportionnelle = auCentime(montant.times(taux));
  const valeur = min(montant, max(proportionnelle, minimum));
  const minimumApplique = !valeur.equals(proportionnelle);
  return resultat(valeur, REGLE_AVANCE, l, { montant_annuel: montant },
    () => `${formatTaux(taux)} × ${formatEuros(montant)} = ${formatEuros(proportionnelle)}` +
    (minimumApplique ? ` ; minimum ${formatEuros(minimum)}, sans dépasser le montant annuel → ${formatEuros(valeur)}` : ''),
    minimumApplique ? [{ texte: 'Avance portée au minimum, bornée au montant annuel', statut: 'a_confirmer', source: { document: 'REGLES.md §4', section: 'Avance minimale' } }] : []);
}

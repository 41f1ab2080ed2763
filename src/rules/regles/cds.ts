// Contrats démographiques des centres de santé : CAI, COSCO, CST — source 004 §2.1
// (avenant 1 à l'accord national des centres de santé).
import { LecteurBareme } from '../bareme/lecture';
import { Bareme } from '../bareme/types';
import { auCentime, Decimal, max, min, ZERO } from '../decimal';
import { Interpretation, Resultat } from '../explication';
import { formatEuros, formatNombre, formatTaux } from '../format';
import { regle, resultat } from '../regle';
import { NUMERO_VERSEMENT, POSITIF, verifier } from '../validation';

const S_CAI = { document: '004', section: '§2.1 Contrat d’aide à l’installation (CAI)' };
const REGLE_CAI = regle('cai', 'CAI : montant par ETP du 1er ETP, puis des 2e et 3e ETP, plafonné, versé en deux fois', S_CAI);
const REGLE_COSCO = regle('cosco', 'COSCO : montant par an et par ETP de médecin salarié', {
  document: '004',
  section: '§2.1 Contrat de stabilisation et de coordination (COSCO)',
});
const REGLE_CST = regle('cst', 'CST : majoration des honoraires du médecin mis à disposition, plafonnée par an et par ETP médical', {
  document: '004',
  section: '§2.1 Contrat de solidarité territoriale (CST)',
});

const ETP_FRACTIONNAIRE: Interpretation = {
  texte: 'ETP fractionnaire : prorata de la tranche où il tombe (1,5 ETP → montant du 1er ETP + 0,5 × montant par ETP de la 2e tranche)',
  statut: 'a_confirmer',
  source: { document: 'REGLES.md §2', section: 'Points ouverts' },
};

export function caiTotal(bareme: Bareme, e: { etp: Decimal; date: string }): Resultat {
  const etp = verifier('etp', e.etp, POSITIF);
  const l = new LecteurBareme(bareme, e.date);
  const m1 = l.valeur('cai.montant_etp_tranche1');
  const fin1 = l.valeur('cai.fin_tranche1_etp');
  const m2 = l.valeur('cai.montant_etp_tranche2');
  const fin2 = l.valeur('cai.fin_tranche2_etp');
  const plafond = l.valeur('cai.plafond');
  // 004 §2.1 : un montant pour le 1er ETP, un autre pour les 2e et 3e, « soit jusqu'à » un plafond.
  const etp1 = min(etp, fin1);
  const etp2 = min(max(etp.minus(fin1), ZERO), fin2.minus(fin1));
  const brut = etp1.times(m1).plus(etp2.times(m2));
  const total = min(brut, plafond);
  const calcul = () =>
    `${formatNombre(etp1)} × ${formatEuros(m1)} + ${formatNombre(etp2)} × ${formatEuros(m2)} = ${formatEuros(brut)}` +
    `, plafonné à ${formatEuros(plafond)} → ${formatEuros(total)}`;
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
    () => `${numero === 1 ? `1er versement : ${formatTaux(part)} × ${formatEuros(total.valeur)}` : `2e versement : ${formatEuros(total.valeur)} − ${formatEuros(premier)}`}` +
    ` = ${formatEuros(valeur)} [total : ${total.explication.calcul}]`, total.explication.interpretations);
  r.explication.parametres = [...total.explication.parametres, ...r.explication.parametres];
  r.explication.avertissements = [...new Set([...total.explication.avertissements, ...r.explication.avertissements])];
  return r;
}

export function cosco(bareme: Bareme, e: { etp: Decimal; annees: Decimal; date: string }): Resultat {
  const etp = verifier('etp', e.etp, POSITIF);
  const annees = verifier('annees', e.annees, POSITIF);
  const l = new LecteurBareme(bareme, e.date);
  const montant = l.valeur('cosco.montant_etp_an');
  const total = montant.times(etp).times(annees);
  const interpretations: Interpretation[] = annees.isInteger()
    ? []
    : [{ texte: 'Année incomplète : montant au prorata du temps', statut: 'a_confirmer', source: { document: 'REGLES.md §2', section: 'COSCO par ETP-année' } }];
  return resultat(auCentime(total), REGLE_COSCO, l, { etp: etp, annees: annees },
    () => `${formatEuros(montant)} × ${formatNombre(etp)} ETP × ${formatNombre(annees)} an(s) = ${formatEuros(total)}`, interpretations);
}

export function cst(bareme: Bareme, e: { honorairesAnnuels: Decimal; etp: Decimal; date: string }): Resultat {
  const honoraires = verifier('honoraires_annuels', e.honorairesAnnuels, POSITIF);
  const etp = verifier('etp', e.etp, POSITIF);
  const l = new LecteurBareme(bareme, e.date);
  const taux = l.valeur('cst.taux_honoraires');
  const plafondEtp = l.valeur('cst.plafond_etp_an');
  const majoration = honoraires.times(taux);
  const plafond = plafondEtp.times(etp);
  const valeur = min(majoration, plafond);
  const interpretations: Interpretation[] = etp.isInteger()
    ? []
    : [{ texte: 'Plafond « par ETP médical » proratisé pour un ETP fractionnaire', statut: 'a_confirmer', source: { document: 'REGLES.md §2', section: 'Points ouverts' } }];
  return resultat(auCentime(valeur), REGLE_CST, l, { honoraires_annuels: honoraires, etp: etp },
    () => `min(${formatTaux(taux)} × ${formatEuros(honoraires)} = ${formatEuros(majoration)} ; ${formatEuros(plafondEtp)} × ${formatNombre(etp)} ETP = ${formatEuros(plafond)}) = ${formatEuros(valeur)}`,
    interpretations);
}

// « 400 postes » de médecins généralistes salariés : garantie de salaire — politique régionale des
// centres de santé de l'ARS Bretagne, §2.2 (instruction DGOS/DIR/2019/27 du 6 février 2019).
import { LecteurBareme } from '../bareme/lecture';
import { Bareme } from '../bareme/types';
import { auCentime, Decimal, max, min, ZERO } from '../decimal';
import { Resultat } from '../explication';
import { formatMontant, formatNombre } from '../format';
import { regle, resultat } from '../regle';
import { ENTIER_POSITIF_NON_NUL, POSITIF, QUOTITE, verifier } from '../validation';

const S_400 = { document: 'politique_cds_bretagne', section: '§2.2 400 postes de médecins généralistes' };
const REGLE_GARANTIE = regle('postes400.garantie',
  'Garantie mensuelle = max(0 ; min(coût salarial ; plafond temps plein × quotité) − honoraires) ; variables proratisées au temps de travail', S_400);
const REGLE_SEUIL = regle('postes400.seuil',
  'Contrepartie : consultations par mois, seuil initial sur les premiers mois puis seuil courant, × quotité', S_400);
const REGLE_MATERNITE = regle('postes400.maternite',
  'Congé maternité / paternité : si le salaire est maintenu, l’ARS prend en charge le salaire toutes charges comprises moins les indemnités journalières', S_400);

/** Contrepartie d'activité du mois (consultations et mois du contrat saisis) : seuil du mois et respect. */
interface Activite {
  consultations: Decimal;
  mois: Decimal;
}

/**
 * Garantie du mois. Avec les consultations et le mois du contrat, la garantie n'est due que si la
 * contrepartie d'activité est tenue (politique régionale des CDS §2.2 : 100 consultations par mois sur
 * les 3 premiers mois puis 165, × quotité) : sous le seuil, 0 € et l'explication dit pourquoi.
 */
export function garantie400(bareme: Bareme, e: { coutSalarialMensuel: Decimal; honorairesMensuels: Decimal; quotite: Decimal; date: string; activite?: Activite | null }): Resultat {
  const cout = verifier('cout_salarial_mensuel', e.coutSalarialMensuel, POSITIF);
  const honoraires = verifier('honoraires_mensuels', e.honorairesMensuels, POSITIF);
  const quotite = verifier('quotite', e.quotite, QUOTITE);
  const activite = e.activite ? { consultations: verifier('consultations', e.activite.consultations, POSITIF), mois: e.activite.mois } : null;
  const seuil = activite ? seuil400(bareme, { moisDuContrat: activite.mois, quotite, date: e.date }) : null;
  const l = new LecteurBareme(bareme, e.date);
  const plafondTp = l.valeur('postes400.plafond_mensuel_temps_plein');
  // Politique régionale des CDS §2.2 : « l'ensemble des variables de la garantie … sont proratisées ».
  const plafond = plafondTp.times(quotite);
  const coutRetenu = min(cout, plafond);
  const tenue = !activite || !seuil || activite.consultations.greaterThanOrEqualTo(seuil.valeur);
  const valeur = tenue ? max(ZERO, coutRetenu.minus(honoraires)) : ZERO;
  const entrees = { cout_salarial_mensuel: cout, honoraires_mensuels: honoraires, quotite, ...(activite ? { consultations: activite.consultations, mois_du_contrat: activite.mois } : {}) };
  const r = resultat(auCentime(valeur), REGLE_GARANTIE, l, entrees, () =>
    tenue
      ? `max(0 ; min(${formatMontant(cout)} ; ${formatMontant(plafondTp)} × ${formatNombre(quotite)} = ${formatMontant(plafond)}) − ${formatMontant(honoraires)}) = ${formatMontant(valeur)}` +
        (seuil && activite ? ` ; contrepartie tenue : ${formatNombre(activite.consultations)} consultations ≥ seuil ${formatNombre(seuil.valeur)}` : '')
      : `contrepartie d’activité non tenue : ${formatNombre(activite!.consultations)} consultations < seuil du mois ${formatNombre(activite!.mois)} du contrat (${seuil!.explication.calcul}) : aucune garantie ce mois-ci (0 €)`);
  if (seuil) r.explication.parametres = [...r.explication.parametres, ...seuil.explication.parametres.filter((p) => !r.explication.parametres.some((x) => x.id === p.id))];
  return r;
}

/** Plafond mensuel garanti pour une quotité (plafond temps plein × quotité). */
export function plafond400(bareme: Bareme, e: { quotite: Decimal; date: string }): Resultat {
  const quotite = verifier('quotite', e.quotite, QUOTITE);
  const l = new LecteurBareme(bareme, e.date);
  const plafondTp = l.valeur('postes400.plafond_mensuel_temps_plein');
  const valeur = plafondTp.times(quotite);
  return resultat(auCentime(valeur), REGLE_GARANTIE, l, { quotite: quotite },
    () => `${formatMontant(plafondTp)} × ${formatNombre(quotite)} = ${formatMontant(valeur)}`);
}

export function seuil400(bareme: Bareme, e: { moisDuContrat: Decimal; quotite: Decimal; date: string }): Resultat {
  const mois = verifier('mois_du_contrat', e.moisDuContrat, ENTIER_POSITIF_NON_NUL);
  const quotite = verifier('quotite', e.quotite, QUOTITE);
  const l = new LecteurBareme(bareme, e.date);
  const moisInitial = l.valeur('postes400.mois_seuil_initial');
  const initial = mois.lessThanOrEqualTo(moisInitial);
  const seuilTp = initial ? l.valeur('postes400.seuil_initial') : l.valeur('postes400.seuil_courant');
  const valeur = seuilTp.times(quotite);
  return resultat(valeur, REGLE_SEUIL, l, { mois_du_contrat: mois, quotite: quotite },
    () => `mois ${formatNombre(mois)} ${initial ? `≤ ${formatNombre(moisInitial)}` : `> ${formatNombre(moisInitial)}`} : ${formatNombre(seuilTp)} × ${formatNombre(quotite)} = ${formatNombre(valeur)} consultations par mois`);
}

/** Prise en charge d'un congé ; datée : #N/A avant le dispositif (instruction DGOS/DIR/2019/27). */
export function maternite400(bareme: Bareme, e: { salaireCharge: Decimal; indemnitesJournalieres: Decimal; salaireMaintenu: boolean; date: string }): Resultat {
  const salaire = verifier('salaire_charge', e.salaireCharge, POSITIF);
  const ij = verifier('indemnites_journalieres', e.indemnitesJournalieres, POSITIF);
  const l = new LecteurBareme(bareme, e.date);
  // Le dispositif existe à la date si sa durée de contrat est au barème (période de validité du dispositif).
  l.valeur('postes400.duree_mois');
  const valeur = e.salaireMaintenu ? max(ZERO, salaire.minus(ij)) : ZERO;
  const calcul = () => e.salaireMaintenu
    ? `${formatMontant(salaire)} − ${formatMontant(ij)} = ${formatMontant(valeur)}${salaire.lessThan(ij) ? ' (les IJ dépassent le salaire : rien à la charge de l’employeur)' : ''}`
    : 'salaire non maintenu : aucune prise en charge (0 €)';
  return resultat(auCentime(valeur), REGLE_MATERNITE, l,
    { salaire_charge: salaire, indemnites_journalieres: ij, salaire_maintenu: e.salaireMaintenu }, calcul);
}

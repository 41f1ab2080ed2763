// Aide SIP (système d'information partagé des MSP) — appels à candidatures SIP de l'ARS Bretagne
// (2017 et 2023 : bibliographie aap_sip_2017, aap_sip_2023).
import { LecteurBareme } from '../bareme/lecture';
import { Bareme } from '../bareme/types';
import { auCentime, Decimal, min } from '../decimal';
import { fusionnerParametres, Resultat } from '../explication';
import { formatMontant, formatNombre, formatTaux } from '../format';
import { regle, resultat } from '../regle';
import { ENTIER_POSITIF_NON_NUL, NUMERO_VERSEMENT, POSITIF, verifier } from '../validation';

const REGLE_PLAFOND = regle('sip.plafond', 'Plafond de l’aide SIP selon le nombre de professionnels', {
  document: 'aap_sip_2023',
  section: 'Modalités d’accompagnement : « plafond forfaitaire calculé en fonction du nombre de professionnels intégrés dans le projet »',
});
const REGLE_AIDE = regle('sip.aide', 'Aide SIP = min(devis validés ; plafond)', {
  document: 'aap_sip_2023',
  section: 'Modalités d’accompagnement : « financement au réel sur la base des devis validés … dans la limite d’un plafond forfaitaire »',
});
const REGLE_VERSEMENT = regle('sip.versement', 'Échéancier de l’aide SIP : part à la signature de la convention, solde au PV d’installation', {
  document: 'aap_sip_2023',
  section: 'Modalités d’engagement, étapes « Contractualisation » et « Clôture de l’accompagnement »',
});

export function plafondSip(bareme: Bareme, e: { nbProfessionnels: Decimal; date: string }): Resultat {
  const n = verifier('nb_professionnels', e.nbProfessionnels, ENTIER_POSITIF_NON_NUL);
  const l = new LecteurBareme(bareme, e.date);
  const base = l.valeur('sip.plafond.base');
  const parPro = l.valeur('sip.plafond.par_professionnel');
  const maximum = l.valeurOuAucune('sip.plafond.maximum');
  const brut = base.plus(parPro.times(n));
  const plafond = maximum === null ? brut : min(brut, maximum);
  const calcul = () =>
    `${formatMontant(base)} + ${formatMontant(parPro)} × ${formatNombre(n)} = ${formatMontant(brut)}` +
    (maximum === null ? ' (aucun plafond global)' : ` ; plafond global ${formatMontant(maximum)} → ${formatMontant(plafond)}`);
  return resultat(auCentime(plafond), REGLE_PLAFOND, l, { nb_professionnels: n }, calcul);
}

export function aideSip(bareme: Bareme, e: { montantDevis: Decimal; nbProfessionnels: Decimal; date: string }): Resultat {
  const devis = verifier('montant_devis', e.montantDevis, POSITIF);
  const p = plafondSip(bareme, e);
  const aide = auCentime(min(devis, p.valeur));
  const r = resultat(aide, REGLE_AIDE, null, { montant_devis: devis, nb_professionnels: e.nbProfessionnels },
    () => `min(${formatMontant(devis)} ; plafond ${formatMontant(p.valeur)}) = ${formatMontant(aide)} [plafond : ${p.explication.calcul}]`);
  r.explication.date = e.date;
  r.explication.parametres = fusionnerParametres(r.explication.parametres, p.explication.parametres);
  r.explication.avertissements = [...p.explication.avertissements];
  return r;
}

export function versementSip(bareme: Bareme, e: { montantAide: Decimal; numero: Decimal; date: string }): Resultat {
  const aide = auCentime(verifier('montant_aide', e.montantAide, POSITIF));
  const numero = verifier('numero', e.numero, NUMERO_VERSEMENT).toNumber();
  const l = new LecteurBareme(bareme, e.date);
  const part = l.valeur('sip.versement.part_convention');
  // Le solde est calculé par différence : 1er versement + solde = aide, au centime près.
  const premier = auCentime(aide.times(part));
  const valeur = numero === 1 ? premier : aide.minus(premier);
  const calcul = () =>
    numero === 1
      ? `${formatTaux(part)} × ${formatMontant(aide)} = ${formatMontant(premier)} (à la signature de la convention)`
      : `${formatMontant(aide)} − ${formatMontant(premier)} = ${formatMontant(valeur)} (solde au PV d’installation)`;
  return resultat(valeur, REGLE_VERSEMENT, l, { montant_aide: aide, numero }, calcul);
}

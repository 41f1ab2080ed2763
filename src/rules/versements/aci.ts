// Versements de l'ACI ou de l'accord national. ACI (et accord national de 2015, en points) : pour chaque
// année civile du contrat, une avance en année n — 60 % du montant des indicateurs socles atteints à
// 100 % (FEMASIF), au moins le minimum de l'avenant 1 — dans les 3 mois de la signature pour un nouvel
// adhérent, sinon à l'échéance annuelle ; le solde (montant de l'année − avance) à l'échéance de n+1.
// L'année de signature est proratisée aux jours. Accord national de 2025 (en euros, dès 2026) : une
// rémunération annuelle, « montant non publié » tant que le barème n'en a pas.
import { finDeMois, joursEntre, veille } from '../calendrier';
import { ajouterMois } from '../dates';
import { auCentime, Decimal, ZERO } from '../decimal';
import type { Resultat } from '../explication';
import { dateT, entree, fois, nombre, sip, type Terme } from '../formule';
import { accordNational2025, aci, aciAvance, pointsSiStandard, regimeAccordNational2025 } from '../regles/aci';
import { INDICATEURS_ACI } from '../regles/aci-indicateurs';
import type { Aci, IndicateurAci, NatureIndicateurAci } from '../scenario/types';
import type { Redaction } from './redaction';

interface Points {
  fixes: Decimal;
  variables: Decimal;
  prerequis: boolean;
  /** Points des indicateurs socles (prérequis compris), comptés comme atteints : base de l'avance. */
  fixesSocle: Decimal;
  variablesSocle: Decimal;
}

/** Nature d'un indicateur : saisie, sinon prérequis, sinon celle de la liste datée (socle ou optionnel). */
export function natureIndicateur(ind: IndicateurAci): NatureIndicateurAci {
  if (ind.nature) return ind.nature;
  if (ind.prerequis) return 'socle_prerequis';
  return INDICATEURS_ACI.find((x) => x.id === ind.id || x.id === `aci.${ind.id}`)?.nature ?? 'optionnel';
}

const estSi = (ind: IndicateurAci) => /(^|\.)si_standard$/.test(ind.id);

/** Points fixes d'un indicateur : ceux de l'indicateur SI standard suivent le nombre de professionnels, s'il est saisi. */
function fixesDe(r: Redaction, a: Aci, ind: IndicateurAci, signature: string): Decimal {
  if (!estSi(ind) || a.nbProfessionnels === undefined) return new Decimal(ind.pointsFixes);
  const si = pointsSiStandard(r.bareme, { nbProfessionnels: new Decimal(a.nbProfessionnels), date: signature });
  r.noter(si);
  return si.valeur;
}

function points(r: Redaction, a: Aci, signature: string): Points {
  const p: Points = { fixes: ZERO, variables: ZERO, prerequis: true, fixesSocle: ZERO, variablesSocle: ZERO };
  for (const ind of a.indicateurs) {
    const fixes = fixesDe(r, a, ind, signature);
    if (ind.atteint) {
      p.fixes = p.fixes.plus(fixes);
      p.variables = p.variables.plus(ind.pointsVariables);
    } else if (ind.prerequis) p.prerequis = false;
    if (natureIndicateur(ind) !== 'optionnel') {
      p.fixesSocle = p.fixesSocle.plus(fixes);
      p.variablesSocle = p.variablesSocle.plus(ind.pointsVariables);
    }
  }
  return p;
}

/** Un montant de l'année (au prorata des jours pour l'année de signature) : valeur, terme de la feuille, résultat. */
function montantAnnee(r: Redaction, y: number, ref: string, id: string, libelle: string, calcul: () => Resultat, formule: Terme) {
  const resultat = calcul();
  r.noter(resultat);
  const terme = r.calcul(`aci.${y}.${id}`, `${y} : ${libelle}`, resultat.valeur, formule);
  const jours = joursEntre(ref, `${y + 1}-01-01`);
  const joursAnnee = joursEntre(`${y}-01-01`, `${y + 1}-01-01`);
  if (jours === joursAnnee) return { valeur: resultat.valeur, terme, resultat, prorata: '' };
  const valeur = resultat.valeur.times(jours).dividedBy(joursAnnee);
  return {
    valeur,
    terme: r.calcul(`aci.${y}.${id}_prorata`, `${y} : ${libelle} au prorata (${jours}/${joursAnnee} jours)`, valeur, { op: '/', a: fois(terme, nombre(jours)), b: nombre(joursAnnee) }),
    resultat,
    prorata: ` × ${jours}/${joursAnnee} jours`,
  };
}

function avanceEtSolde(r: Redaction, a: Aci, p: Points, y: number, signature: string): void {
  const anneeSignature = Number(signature.slice(0, 4));
  const ref = y === anneeSignature ? signature : `${y}-01-01`;
  const echeance = r.lireEntier('aci.mois_echeance_annuelle', ref);
  const delai = r.lireEntier('aci.delai_avance_nouvel_adherent_mois', signature);
  const patientele = new Decimal(a.patientele);
  const montant = montantAnnee(r, y, ref, 'annuel', 'rémunération annuelle',
    () => aci(r.bareme, { pointsFixes: p.fixes, pointsVariables: p.variables, patientele, prerequisRemplis: p.prerequis, date: ref }),
    sip('ACI', entree('aci.fixes'), entree('aci.variables'), entree('aci.patientele'), entree('aci.prerequis'), dateT(ref)));
  const socle = montantAnnee(r, y, ref, 'socle', 'montant des indicateurs socles atteints à 100 %',
    // Sans ses prérequis, la rémunération n'est pas déclenchée : ni avance, ni solde.
    () => aci(r.bareme, { pointsFixes: p.fixesSocle, pointsVariables: p.variablesSocle, patientele, prerequisRemplis: p.prerequis, date: ref }),
    sip('ACI', entree('aci.fixes_socle'), entree('aci.variables_socle'), entree('aci.patientele'), entree('aci.prerequis'), dateT(ref)));
  const avance = aciAvance(r.bareme, { montantSocle: socle.valeur, date: ref });
  avance.explication.calcul = `indicateurs socles de l’année ${y} atteints à 100 % : ${socle.resultat.explication.calcul}${socle.prorata} ; avance : ${avance.explication.calcul}`;
  const termeAvance = r.calcul(`aci.${y}.avance`, `${y} : avance`, avance.valeur, sip('ACI_AVANCE', socle.terme, dateT(ref)));
  const periode = { du: ref, au: `${y}-12-31` };
  r.verser({
    id: `aci.${y}.avance`, aide: 'ACI', objet: `avance de l’année ${y}`, ...periode,
    date: y === anneeSignature ? ajouterMois(signature, delai) : finDeMois(y, echeance), resultat: avance, aussi: [socle.resultat], formule: termeAvance,
  });
  const solde = auCentime(montant.valeur).minus(avance.valeur);
  const termeSolde = r.calcul(`aci.${y}.solde`, `${y} : solde (montant − avance)`, solde, { op: '-', a: { arrondi: montant.terme }, b: termeAvance });
  const resultatSolde: Resultat = {
    valeur: solde,
    explication: {
      ...avance.explication,
      regle: { ...avance.explication.regle, id: 'aci.solde', libelle: 'ACI : solde = rémunération de l’année − avance, versé à l’échéance de l’année suivante' },
      calcul: `rémunération de l’année ${y} : ${montant.resultat.explication.calcul}${montant.prorata} ; solde : ${auCentime(montant.valeur).toFixed(2)} − ${avance.valeur.toFixed(2)} = ${solde.toFixed(2)} €`,
    },
  };
  r.verser({ id: `aci.${y}.solde`, aide: 'ACI', objet: `solde de l’année ${y}`, ...periode, date: finDeMois(y + 1, echeance), resultat: resultatSolde, aussi: [montant.resultat], formule: termeSolde });
}

/** Accord national de 2025 (en euros) : la rémunération de l'année y, versée à l'échéance de l'année suivante. */
function remunerationAccordNational(r: Redaction, p: Points, y: number, signature: string): void {
  const ref = y === Number(signature.slice(0, 4)) ? signature : `${y}-01-01`;
  const echeance = r.lireEntier('aci.mois_echeance_annuelle', ref);
  const formule: Terme = fois(sip('PARAMETRE', { t: 'cds.accord_national_2025.remuneration_forfaitaire_annuelle' }, dateT(ref)), entree('aci.prerequis'));
  r.verserSiPublie(
    { id: `an2025.${y}`, aide: 'ACI', objet: `accord national (2025) : rémunération de l’année ${y}`, du: ref, au: `${y}-12-31`, date: finDeMois(y + 1, echeance), formule },
    () => accordNational2025(r.bareme, { prerequisRemplis: p.prerequis, date: ref }),
  );
  r.hypothese('Accord national des centres de santé de 2025 : rémunération annuelle en euros (non publiée), versée à l’échéance de l’année suivante, sans avance ni prorata', 'hypothese');
}

export function versementsAci(r: Redaction): void {
  const a = r.s.aci as Aci;
  const signature = a.dateSignature ?? r.s.simulation.debut;
  const p = points(r, a, signature);
  const derniere = Number(veille(r.cal.bornes[r.cal.nbMois]).slice(0, 4));
  for (let y = Number(signature.slice(0, 4)); y <= derniere; y++) {
    const ref = `${y}-01-01` > signature ? `${y}-01-01` : signature;
    if (a.adhesion === 'accord_national' && regimeAccordNational2025(r.bareme, ref)) remunerationAccordNational(r, p, y, signature);
    else avanceEtSolde(r, a, p, y, signature);
  }
  if (joursEntre(`${signature.slice(0, 4)}-01-01`, signature) > 0) r.hypothese('ACI : montant de l’année de signature au prorata des jours restants');
  r.hypothese('ACI : avance calculée sur les indicateurs socles et socles prérequis, comptés comme atteints à 100 %');
  if (a.adhesion === 'accord_national') {
    r.hypothese('Accord national des centres de santé (2015) : valeurs des points non publiées ; la valeur du point de l’ACI est appliquée aux points saisis', 'hypothese');
  }
}

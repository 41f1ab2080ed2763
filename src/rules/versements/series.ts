// Une série mensuelle par médecin, la même partout (plan de financement, garantie « 400 postes ») :
// coût salarial, honoraires, consultations, indemnités journalières, part du mois travaillée.
// Honoraires : ceux que l'utilisateur a saisis ; à défaut, consultations du mois × tarif daté de la
// consultation G, les consultations étant celles saisies ou le seuil « 400 postes » du mois
// (100 puis 165 × quotité : le défaut naturel d'activité, REGLES.md §7 ; réponse de l'issue 12).
import { Decimal, ZERO } from '../decimal';
import { formatNombre } from '../format';
import { dateT, entree, fois, nombre, serie, sip, type Montant } from '../formule';
import { seuil400 } from '../regles/postes400';
import type { Medecin } from '../scenario/types';
import type { Redaction } from './redaction';
import type { Serie } from './types';

const UN = new Decimal(1);

export interface SeriesMedecin {
  i: number;
  /** Index du mois de l'horizon où commence le contrat (négatif : avant la simulation). */
  m0: number;
  /** Part du mois travaillée (1 hors congé), par mois de l'horizon ; null avant l'arrivée. */
  travail: (Decimal | null)[];
  cout: Serie;
  honoraires: Serie;
  consultations: Serie | null;
  ij: Serie | null;
}

export interface Facteurs {
  activite: Decimal;
  cout: Decimal;
}

/** Part de chaque mois de l'horizon couverte par chaque congé (jours communs / jours du mois). */
function poidsConges(r: Redaction, med: Medecin): Decimal[][] {
  const { cal } = r;
  return med.conges.map((c) => Array.from({ length: cal.nbMois }, (_, m) => new Decimal(cal.joursCommuns(m, c.debut, c.fin)).dividedBy(cal.joursDuMois(m))));
}

function vide(n: number): (Montant | null)[] {
  return Array.from({ length: n }, () => null);
}

/** Série du tarif G, créée au premier médecin dont les honoraires en dépendent. */
function serieTarif(r: Redaction, series: Serie[]): Serie {
  let t = series.find((x) => x.id === 'tarif');
  if (!t) {
    t = { id: 'tarif', nature: 'activite', libelle: 'Tarif de la consultation G', mois: vide(r.cal.nbMois) };
    series.unshift(t);
  }
  return t;
}

function tarifDuMois(r: Redaction, series: Serie[], m: number): Decimal {
  const t = serieTarif(r, series);
  const existant = t.mois[m];
  if (existant) return existant.valeur;
  const valeur = r.lireValeur('tarif.consultation_g', r.cal.bornes[m]);
  t.mois[m] = { valeur, formule: sip('PARAMETRE', { t: 'tarif.consultation_g' }, dateT(r.cal.bornes[m])) };
  return valeur;
}

/** Consultations du mois m (k = mois du contrat) : saisies, ou seuil « 400 postes ». */
function consultationsDuMois(r: Redaction, med: Medecin, i: number, m: number, k: number): Montant {
  if (med.consultationsParMois !== undefined) return { valeur: new Decimal(med.consultationsParMois), formule: entree(`medecin.${i}.consultations`) };
  const s = seuil400(r.bareme, { moisDuContrat: new Decimal(Math.max(1, k)), quotite: new Decimal(med.quotite), date: r.cal.bornes[m] });
  r.noter(s);
  return { valeur: s.valeur, formule: sip('SEUIL400', nombre(Math.max(1, k)), entree(`medecin.${i}.quotite`), dateT(r.cal.bornes[m])) };
}

export function seriesMedecin(r: Redaction, med: Medecin, i: number, f: Facteurs, tarifs: Serie[]): SeriesMedecin {
  const { cal } = r;
  const debutContrat = med.debutContrat ?? r.s.simulation.debut;
  const m0 = cal.indexMois(debutContrat);
  const poids = poidsConges(r, med);
  const totalPoids = poids.map((p) => p.reduce((a, b) => a.plus(b), ZERO));
  const saisis = med.honorairesMensuels !== undefined && med.honorairesMensuels !== null;
  const ligne = (id: string, nature: Serie['nature'], libelle: string): Serie => ({ id: `${id}.${i}`, nature, libelle, medecin: i, mois: vide(cal.nbMois) });
  const out: SeriesMedecin = {
    i,
    m0,
    travail: Array.from({ length: cal.nbMois }, () => null),
    cout: ligne('cout', 'cout', `Coût salarial — ${med.libelle} (${formatNombre(med.quotite)} ETP)`),
    honoraires: ligne('honoraires', 'honoraires', `Honoraires — ${med.libelle}`),
    // Consultations : elles font les honoraires non saisis, et la contrepartie « 400 postes » quand elles sont saisies.
    consultations: saisis && med.consultationsParMois === undefined ? null : ligne('consultations', 'activite', `Consultations — ${med.libelle}`),
    ij: med.conges.some((c) => c.salaireMaintenu) ? ligne('ij', 'ij', `Indemnités journalières (subrogation) — ${med.libelle}`) : null,
  };
  const formules = r.avecFormules && f.activite.equals(1) && f.cout.equals(1);
  for (let m = Math.max(0, m0); m < cal.nbMois; m++) {
    const conge = Decimal.min(UN, poids.reduce((a, p) => a.plus(p[m]), ZERO));
    const travail = UN.minus(conge);
    const plein = conge.isZero() && formules;
    out.travail[m] = travail;
    // Coût : salaire habituel sur la part travaillée + salaire maintenu du congé, réparti au prorata des jours.
    let coutConge = ZERO;
    let ij = ZERO;
    med.conges.forEach((c, j) => {
      if (!c.salaireMaintenu || totalPoids[j].isZero() || poids[j][m].isZero()) return;
      coutConge = coutConge.plus(new Decimal(c.salaireCharge).times(poids[j][m]).dividedBy(totalPoids[j]));
      ij = ij.plus(new Decimal(c.indemnitesJournalieres).times(poids[j][m]).dividedBy(totalPoids[j]));
    });
    const coutTravail = new Decimal(med.coutSalarialMensuel).times(f.cout).times(travail);
    out.cout.mois[m] = { valeur: coutTravail.plus(coutConge), ...(plein ? { formule: entree(`medecin.${i}.cout`) } : {}) };
    if (out.ij && !ij.isZero()) out.ij.mois[m] = { valeur: ij };
    const consultations = out.consultations ? consultationsDuMois(r, med, i, m, m - m0 + 1) : null;
    if (out.consultations && consultations) {
      out.consultations.mois[m] = { valeur: consultations.valeur.times(f.activite).times(travail), ...(plein ? { formule: consultations.formule } : {}) };
    }
    if (saisis) {
      out.honoraires.mois[m] = { valeur: new Decimal(med.honorairesMensuels as number).times(f.activite).times(travail), ...(plein ? { formule: entree(`medecin.${i}.honoraires`) } : {}) };
      continue;
    }
    const tarif = tarifDuMois(r, tarifs, m);
    out.honoraires.mois[m] = { valeur: (out.consultations?.mois[m]?.valeur as Decimal).times(tarif), ...(plein ? { formule: fois(serie(`consultations.${i}`, m), serie('tarif', m)) } : {}) };
  }
  return out;
}

/** Les séries de tous les médecins, dans l'ordre d'affichage du plan (tarif, consultations, coûts, honoraires, IJ). */
export function toutesLesSeries(r: Redaction, f: Facteurs): { parMedecin: SeriesMedecin[]; series: Serie[] } {
  const tarifs: Serie[] = [];
  const parMedecin = r.s.medecins.map((med, i) => seriesMedecin(r, med, i, f, tarifs));
  if (r.s.medecins.some((m) => m.honorairesMensuels === undefined || m.honorairesMensuels === null)) {
    r.hypothese('Honoraires sans montant saisi : consultations du mois (saisies, sinon seuil « 400 postes » × quotité) × tarif daté de la consultation G');
  }
  if (r.s.medecins.some((m) => m.conges.length)) {
    r.hypothese('Congé maternité / paternité : salaire et IJ du congé répartis au prorata des jours de congé de chaque mois ; coût et honoraires habituels sur la part du mois travaillée');
  }
  const series: Serie[] = [
    ...tarifs,
    ...parMedecin.flatMap((x) => (x.consultations ? [x.consultations] : [])),
    ...parMedecin.map((x) => x.cout),
    ...parMedecin.map((x) => x.honoraires),
    ...parMedecin.flatMap((x) => (x.ij ? [x.ij] : [])),
  ];
  return { parMedecin, series };
}

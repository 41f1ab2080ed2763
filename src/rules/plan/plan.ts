// Plan de financement pluriannuel d'un centre : coûts salariaux, honoraires, IJ (séries mensuelles
// des médecins) et aides (lues dans le grand livre, à leur date de versement), résultat net et
// trésorerie cumulée, mois par mois. Aucun montant d'aide n'est calculé ici.
import { AIDES, FINANCEURS, libelleAci } from '../aides';
import type { Bareme } from '../bareme/types';
import { Calendrier } from '../calendrier';
import { Decimal, ZERO } from '../decimal';
import type { Scenario } from '../scenario/types';
import { grandLivre } from '../versements/livre';
import type { GrandLivre, OptionsLivre } from '../versements/types';
import { cleLigne, lignesAides, parMois } from '../versements/vues';
import type { LignePlan, Periode, PlanFinancement } from './types';

/** Mois affichés un par un avant de passer à l'année (« mensuel sur 24 mois »). */
export const MOIS_DETAILLES = 24;

/** 24 mois, puis des années de 12 mois sur les mêmes bornes que les années de simulation. */
export function periodesDuPlan(debut: string, nbMois: number): Periode[] {
  const cal = new Calendrier(debut, nbMois);
  const r: Periode[] = [];
  for (let m = 0; m < Math.min(MOIS_DETAILLES, nbMois); m++) r.push({ type: 'mois', libelle: cal.libelleMois(m), debut: cal.bornes[m], premierMois: m, nbMois: 1, annee: Math.floor(m / 12) });
  for (let m = MOIS_DETAILLES; m < nbMois; m += 12) r.push({ type: 'annee', libelle: `Année ${m / 12 + 1}`, debut: cal.bornes[m], premierMois: m, nbMois: 12, annee: m / 12 });
  return r;
}

/** Lignes d'aide du plan : une par ligne du grand livre (aide, et médecin s'il y a lieu). */
function lignesAidesDuPlan(livre: GrandLivre, s: Scenario): LignePlan[] {
  return lignesAides(livre, s).map((l) => ({
    id: `aide.${l.cle}`,
    categorie: 'aide',
    libelle: l.aide === 'ACI' ? libelleAci(s.aci?.adhesion) : l.medecin === undefined ? AIDES[l.aide].libelle : l.libelle,
    financeur: l.financeur,
    aide: l.aide,
    ...(l.medecin !== undefined ? { medecin: l.medecin } : {}),
    mois: parMois(livre, (v) => cleLigne(v) === l.cle).map((valeur) => (valeur.isZero() ? null : { valeur })),
  }));
}

function sommeParMois(lignes: LignePlan[], nbMois: number, filtre: (l: LignePlan) => boolean): Decimal[] {
  return Array.from({ length: nbMois }, (_, m) => lignes.filter(filtre).reduce((a, l) => a.plus(l.mois[m]?.valeur ?? ZERO), ZERO));
}

export function planFinancement(s: Scenario, bareme: Bareme, options: OptionsLivre = {}): PlanFinancement {
  const livre = grandLivre(s, bareme, options);
  const { nbMois } = livre;
  const lignes: LignePlan[] = [
    ...livre.series.map((x) => ({ id: x.id, categorie: x.nature, libelle: x.libelle, ...(x.medecin !== undefined ? { medecin: x.medecin } : {}), mois: x.mois })),
    ...lignesAidesDuPlan(livre, s),
  ];
  const charges = sommeParMois(lignes, nbMois, (l) => l.categorie === 'cout');
  const recettes = sommeParMois(lignes, nbMois, (l) => l.categorie === 'honoraires' || l.categorie === 'ij');
  const aides = Object.fromEntries(FINANCEURS.map((f) => [f, parMois(livre, (v) => v.financeur === f)])) as PlanFinancement['aides'];
  const net = charges.map((c, m) => FINANCEURS.reduce((a, f) => a.plus(aides[f][m]), recettes[m]).minus(c));
  const tresorerie: Decimal[] = [];
  net.forEach((x, m) => tresorerie.push((m ? tresorerie[m - 1] : ZERO).plus(x)));
  return {
    livre,
    debut: livre.debut,
    nbMois,
    bornes: livre.bornes,
    periodes: periodesDuPlan(livre.debut, nbMois),
    lignes,
    charges,
    recettes,
    aides,
    net,
    tresorerie,
    exclusions: livre.exclusions.map((e) => ({ aide: e.aide === 'ACI' ? libelleAci(s.aci?.adhesion) : AIDES[e.aide].libelle, motif: e.motif })),
    hypotheses: livre.hypotheses,
    avertissements: livre.avertissements,
    parametres: livre.parametres,
  };
}

/** Somme d'une série mensuelle sur une période du plan. */
export function surPeriode(serie: Decimal[], p: Pick<Periode, 'premierMois' | 'nbMois'>): Decimal {
  return serie.slice(p.premierMois, p.premierMois + p.nbMois).reduce((a, b) => a.plus(b), ZERO);
}

/** Variations de l'analyse de sensibilité (±20 %) : un réglage d'analyse, pas un chiffre de règle. */
export const FACTEURS_SENSIBILITE = ['0.8', '0.9', '1', '1.1', '1.2'];

export interface LigneSensibilite {
  facteur: Decimal;
  /** Trésorerie cumulée à 24 mois (ou à la fin de l'horizon s'il est plus court). */
  solde: Decimal;
}

/** Sensibilité du solde à 24 mois à l'activité (honoraires) ou au coût salarial, de −20 % à +20 %. */
export function sensibilite(s: Scenario, bareme: Bareme, variable: 'activite' | 'cout', facteurs = FACTEURS_SENSIBILITE): LigneSensibilite[] {
  return facteurs.map((texte) => {
    const facteur = new Decimal(texte);
    const p = planFinancement(s, bareme, variable === 'activite' ? { facteurActivite: facteur } : { facteurCout: facteur });
    return { facteur, solde: p.tresorerie[Math.min(MOIS_DETAILLES, p.nbMois) - 1] };
  });
}

// Chemin rapide (valeur seule) des règles de l'ACI (regles/aci.ts) : rémunération, avance, points de
// l'indicateur SI ; exacts en entiers mis à l'échelle, undefined quand l'exactitude n'est pas prouvée
// ou qu'une lecture du barème échouerait (chemin decimal.js).
import { Bareme } from '../bareme/types';
import { tableParJour } from './bareme';
import { aligner, centimes, echelle, euros, Exact, fois, mantisse, plus, PUISSANCES_DE_DIX, sur, versNombre } from './exact';

/**
 * Division exacte par la patientèle de référence r = m × 10^-s : m = 2^a × 5^b × c. Le quotient d'un
 * entier N par m est décimal fini si c divise N : N / m = (N / c) × f × 10^-k, avec k = max(a ; b) et
 * f = 10^k / (2^a × 5^b). decimal.js le calcule alors exactement (il a moins de 40 chiffres).
 */
interface Diviseur {
  s: number;
  c: number;
  f: number;
  k: number;
}

function diviseur(r: Exact): Diviseur | null {
  if (!(r.m > 0)) return null;
  let c = r.m;
  let a = 0;
  let b = 0;
  while (c % 2 === 0) { c /= 2; a++; }
  while (c % 5 === 0) { c /= 5; b++; }
  const k = Math.max(a, b);
  if (k > 22) return null;
  return { s: r.s, c, k, f: 2 ** (k - a) * 5 ** (k - b) };
}

const tableAci = tableParJour((l) => {
  const point = l.exact('aci.valeur_point');
  const reference = diviseur(l.exact('aci.patientele_reference'));
  return reference === null ? null : { point, reference };
});

/** SIP.ACI : (fixes + variables × patientèle / référence) × valeur du point, au centime ; 0 sans les prérequis. */
export function aciRapide(bareme: Bareme, fixes: number, variables: number, patientele: number, prerequis: boolean, jour: number): number | undefined {
  const t = tableAci(bareme, jour);
  if (t === null) return undefined;
  if (!prerequis) return 0;
  const sv = echelle(variables);
  const sp = echelle(patientele);
  const n = fois(mantisse(variables, sv), mantisse(patientele, sp));
  const d = t.reference;
  if (n % d.c !== 0) return undefined; // quotient décimal infini (ou NaN) : decimal.js l'arrondit, on lui laisse la main
  let q = fois(n / d.c, d.f);
  let sq = sv + sp + d.k - d.s;
  if (sq < 0) {
    q = sur(q * PUISSANCES_DE_DIX[-sq]);
    sq = 0;
  }
  const sf = echelle(fixes);
  const sPoints = Math.max(sf, sq);
  const points = plus(aligner(mantisse(fixes, sf), sf, sPoints), aligner(q, sq, sPoints));
  return euros(centimes(fois(points, t.point.m), sPoints + t.point.s));
}

const tableAvance = tableParJour((l) => ({ taux: l.exact('aci.taux_avance'), minimum: l.exact('aci.avance_minimum') }));

/** SIP.ACI_AVANCE : min(montant ; max(taux × montant au centime ; minimum)). */
export function aciAvanceRapide(bareme: Bareme, montantSocle: number, jour: number): number | undefined {
  const t = tableAvance(bareme, jour);
  if (t === null) return undefined;
  const sm = echelle(montantSocle);
  const montant = centimes(mantisse(montantSocle, sm), sm);
  const proportionnelle = centimes(fois(montant, t.taux.m), 2 + t.taux.s);
  const s = Math.max(2, t.minimum.s);
  const m = aligner(montant, 2, s);
  return versNombre(Math.min(m, Math.max(aligner(proportionnelle, 2, s), aligner(t.minimum.m, t.minimum.s, s))), s);
}

const base = 'aci.indicateur.si_standard';
const tableSi = tableParJour((l) => ({
  fixes: l.exact(`${base}.points_fixes`),
  avant: l.exact(`${base}.points_par_professionnel_jusqu_au_seuil`),
  seuil: l.exact(`${base}.seuil_professionnels`),
  apres: l.exact(`${base}.points_par_professionnel_au_dela_du_seuil`),
}));

/** SIP.ACI_SI : points fixes + points par professionnel jusqu'au seuil, puis au-delà (sans arrondi). */
export function pointsSiStandardRapide(bareme: Bareme, n: number, jour: number): number | undefined {
  const t = tableSi(bareme, jour);
  if (t === null) return undefined;
  const ss = t.seuil.s;
  const pros = aligner(n, 0, ss);
  const jusquAu = Math.min(pros, t.seuil.m);
  const auDela = Math.max(0, plus(pros, -t.seuil.m));
  const s = Math.max(t.fixes.s, ss + t.avant.s, ss + t.apres.s);
  const total = plus(plus(aligner(t.fixes.m, t.fixes.s, s), aligner(fois(jusquAu, t.avant.m), ss + t.avant.s, s)), aligner(fois(auDela, t.apres.m), ss + t.apres.s, s));
  return versNombre(total, s);
}

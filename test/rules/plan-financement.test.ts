// Plan de financement : une vue du grand livre (aides) et des séries mensuelles des médecins, calculée
// à la main pour le centre de Guingamp (test/rules/scenarios.ts ; versements dans versements.test.ts).
import { BAREME_PAR_DEFAUT } from '../../src/rules/bareme/donnees';
import { Decimal } from '../../src/rules/decimal';
import { periodesDuPlan, planFinancement, sensibilite, surPeriode } from '../../src/rules/plan-financement';
import { totaux } from '../../src/rules/versements';
import { avecHorizon, centreMiAnnee } from './scenarios';

const B = BAREME_PAR_DEFAUT;
const annee = (a: number) => ({ premierMois: 12 * a, nbMois: 12 });
const arrondi = (x: Decimal) => x.toDecimalPlaces(6).toString();

/*
 * Année 1 (01/07/2025–30/06/2026) :
 *   charges : Dr Q 12 × 9 000 = 108 000 ; Dr P : coût habituel sur la part travaillée
 *     4 000 × (2 + 0,5 + 0 + 0 + 16/31 + 6) = 4 000 × (8,5 + 16/31) = 36 064,516129… plus le salaire maintenu du congé,
 *     12 000 (réparti au prorata des jours de congé de chaque mois) → 48 064,516129 ; total 156 064,516129.
 *   recettes : Dr Q 108 000 ; Dr P honoraires 1 500 × 2 + 750 + 0 + 0 + 2 475 × 16/31 + 6 × 2 475 = 19 877,419355, IJ 5 000 ;
 *     total 132 877,419355.
 *   aides : ARS 23 187,10 + CPAM 5 000 = 28 187,10.
 *   net : 132 877,419355 + 28 187,10 − 156 064,516129 = 5 000,003226 (la garantie compense le coût moins les honoraires
 *     de Dr P, la prise en charge du congé son salaire moins les IJ ; reste le CST et l'arrondi au centime de décembre).
 * Année 2 : charges 12 × (4 000 + 9 000) = 156 000 ; recettes 12 × (2 475 + 9 000) = 137 700 ; aides 18 300 + 5 000 ;
 *   net 5 000 ; trésorerie à 24 mois 10 000,003226.
 */
describe('plan de financement du centre de Guingamp (calculé à la main)', () => {
  const p = planFinancement(centreMiAnnee(), B);

  test('périodes : 24 mois sur les mêmes bornes que les années de simulation', () => {
    expect(p.periodes.map((x) => x.libelle).slice(0, 2)).toEqual(['juil. 2025', 'août 2025']);
    expect(p.periodes).toHaveLength(24);
    expect(p.periodes[12]).toMatchObject({ debut: '2026-07-01', annee: 1 });
    const dix = periodesDuPlan('2025-07-01', 120);
    expect(dix.slice(24).map((x) => [x.libelle, x.debut, x.annee])).toEqual(
      Array.from({ length: 8 }, (_, k) => [`Année ${k + 3}`, `${2027 + k}-07-01`, k + 2]),
    );
  });

  test('charges, recettes, aides et résultat net par année', () => {
    expect([0, 1].map((a) => arrondi(surPeriode(p.charges, annee(a))))).toEqual(['156064.516129', '156000']);
    expect([0, 1].map((a) => arrondi(surPeriode(p.recettes, annee(a))))).toEqual(['132877.419355', '137700']);
    expect([0, 1].map((a) => surPeriode(p.aides.ARS, annee(a)).toFixed(2))).toEqual(['23187.10', '18300.00']);
    expect([0, 1].map((a) => arrondi(surPeriode(p.net, annee(a))))).toEqual(['5000.003226', '5000']);
    expect(arrondi(p.tresorerie[23])).toBe('10000.003226');
  });

  test('le congé réparti par jours : le salaire maintenu et les IJ totalisent les montants saisis', () => {
    const cout = p.lignes.find((l) => l.id === 'cout.0')!;
    const ij = p.lignes.find((l) => l.id === 'ij.0')!;
    const somme = (xs: typeof cout.mois, m0: number, m1: number) => xs.slice(m0, m1).reduce((a, x) => a.plus(x?.valeur ?? 0), new Decimal(0));
    // Juillet–août 4 000 × 2, janvier–juin 4 000 × 6 ; de septembre à décembre : 4 000 × (0,5 + 16/31) + 12 000.
    expect(arrondi(somme(cout.mois, 2, 6))).toBe(arrondi(new Decimal(4000).times(new Decimal(0.5).plus(new Decimal(16).dividedBy(31))).plus(12000)));
    expect(arrondi(somme(ij.mois, 0, 24))).toBe('5000');
    expect(p.lignes.find((l) => l.id === 'aide.MATERNITE400.0')!.mois[5]?.valeur.toFixed(2)).toBe('7000.00');
  });

  test('les aides du plan sont celles du grand livre, mois par mois (aucun montant recalculé)', () => {
    const t = totaux(p.livre);
    expect(surPeriode(p.aides.ARS, annee(0)).equals(t.ARS.annees[0])).toBe(true);
    expect(surPeriode(p.aides.CPAM, { premierMois: 0, nbMois: 24 }).equals(t.CPAM.total)).toBe(true);
  });

  test('sensibilité : la garantie compense la baisse d’activité de Dr P, pas celle de Dr Q', () => {
    const s = sensibilite(centreMiAnnee(), B, 'activite');
    // −20 % d'activité : Dr Q perd 20 % × 9 000 × 24 = 43 200 € ; Dr P est compensé par la garantie (coût ≤ plafond).
    const ecart = s[2].solde.minus(s[0].solde);
    expect(ecart.toDecimalPlaces(2).toNumber()).toBeCloseTo(43200, 0);
    expect(s.map((x) => x.facteur.toString())).toEqual(['0.8', '0.9', '1', '1.1', '1.2']);
  });

  test('horizon de 10 ans : années 3 à 10 en colonnes annuelles, trésorerie continue', () => {
    const dix = planFinancement(avecHorizon(centreMiAnnee(), 10), B);
    expect(dix.periodes).toHaveLength(32);
    // Années 3 à 10 : plus de garantie ; Dr P sans honoraires saisis reste à 82,5 × 30 € ; CST 5 000 € par an.
    expect(surPeriode(dix.net, annee(2)).toFixed(2)).toBe((12 * (2475 + 9000) + 5000 - 12 * 13000).toFixed(2));
  });
});

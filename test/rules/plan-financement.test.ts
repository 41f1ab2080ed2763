// Plan de financement (issue 8) : plan de 24 mois calculé à la main pour le centre d'exemple.
import { BAREME_PAR_DEFAUT } from '../../src/rules/bareme/donnees';
import { Decimal } from '../../src/rules/decimal';
import { planFinancement, sensibilite, surPeriode } from '../../src/rules/plan-financement';
import type { Scenario } from '../../src/rules/scenario/types';
import { centreExemple } from './plan/exemple';

const B = BAREME_PAR_DEFAUT;
const nombres = (xs: Decimal[]) => xs.map((x) => x.toNumber());
const ligne = (p: ReturnType<typeof planFinancement>, id: string) => p.lignes.find((l) => l.id === id)!;
const parMois = (p: ReturnType<typeof planFinancement>, id: string, n = 24) =>
  ligne(p, id).mois.slice(0, n).map((x) => (x ? x.valeur.toNumber() : 0));

/*
 * Calcul à la main (barème par défaut, tarif G = 30 € depuis le 22/12/2024) :
 *
 * Dr B, 400 postes à 0,6 : seuils 100 × 0,6 = 60 consultations (mois 1–3), puis 165 × 0,6 = 99 (mois 4+)
 *   honoraires : 60 × 30 = 1 800 € (mois 1–3), 99 × 30 = 2 970 € (mois 4+), 0 € pendant le congé (mois 7–10)
 *   garantie  : plafond 9 070 × 0,6 = 5 442 € ≥ coût 5 000 €
 *               mois 1–3 : 5 000 − 1 800 = 3 200 € ; mois 4–6 et 11–24 : 5 000 − 2 970 = 2 030 € ; mois 7–10 : congé
 *   congé     : coût 20 000 € / 4 mois = 5 000 €/mois ; IJ 8 000 € / 4 = 2 000 €/mois (subrogation)
 *               ARS : 20 000 − 8 000 = 12 000 € au mois de fin du congé (octobre 2027 = mois 10)
 * CAI, ETP 1,6 : 30 000 + 0,6 × 25 000 = 45 000 € → 22 500 € en mois 1 (signature), 22 500 € en mois 13 (+ 12 mois)
 * COSCO : 2e année du centre dès le 01/01/2028 (mois 13) ; 5 000 × 1,6 = 8 000 € versés en fin d'année de contrat (déc. 2028, mois 24)
 * ACI 2027 : (1 000 + 1 700 × 4 000 / 4 000) × 7 = 18 900 € ; avance max(60 % = 11 340 ; 12 000) = 12 000 €
 *   versée 3 mois après la signature (01/04/2027, mois 4) ; solde 6 900 € au 30/04/2028 (mois 16)
 * ACI 2028 : 18 900 € ; avance 12 000 € au 30/04/2028 (mois 16)
 *
 * Par mois : charges 8 000 + 5 000 = 13 000 € chaque mois.
 *   m1 : 7 500 + 1 800 + 3 200 + 22 500 − 13 000 = 22 000 → cumul 22 000
 *   m2, m3 : 7 500 + 1 800 + 3 200 − 13 000 = −500 → 21 500, 21 000
 *   m4 : 7 500 + 2 970 + 2 030 + 12 000 − 13 000 = 11 500 → 32 500
 *   m5, m6 : −500 → 32 000, 31 500
 *   m7–m9 : 7 500 + 2 000 (IJ) − 13 000 = −3 500 → 28 000, 24 500, 21 000
 *   m10 : −3 500 + 12 000 = 8 500 → 29 500
 *   m11, m12 : −500 → 29 000, 28 500
 *   m13 : −500 + 22 500 = 22 000 → 50 500
 *   m14, m15 : −500 → 50 000, 49 500
 *   m16 : −500 + 6 900 + 12 000 = 18 400 → 67 900
 *   m17–m23 : −500 × 7 → 64 400
 *   m24 : −500 + 8 000 = 7 500 → 71 900
 * Totaux 24 mois : ARS = 3 × 3 200 + 17 × 2 030 + 12 000 = 56 110 € ; CPAM = 45 000 + 30 900 + 8 000 = 83 900 €
 *   charges 312 000 € ; honoraires 180 000 + 5 400 + 50 490 = 235 890 € ; IJ 8 000 € ; net 71 900 €.
 */
describe('plan de financement du centre d’exemple (24 mois calculés à la main)', () => {
  const p = planFinancement(centreExemple(), B);

  test('périodes : 24 mois puis les années 3 à 5', () => {
    expect(p.nbMois).toBe(60);
    expect(p.periodes.map((x) => x.libelle).slice(0, 3)).toEqual(['janv. 2027', 'févr. 2027', 'mars 2027']);
    expect(p.periodes[23].libelle).toBe('déc. 2028');
    expect(p.periodes.slice(24).map((x) => [x.libelle, x.debut, x.nbMois])).toEqual([
      ['Année 3', '2029-01-01', 12],
      ['Année 4', '2030-01-01', 12],
      ['Année 5', '2031-01-01', 12],
    ]);
  });

  test('honoraires de Dr B : seuils 400 postes × 30 €, rien pendant le congé', () => {
    const h = parMois(p, 'honoraires.1');
    expect(h.slice(0, 12)).toEqual([1800, 1800, 1800, 2970, 2970, 2970, 0, 0, 0, 0, 2970, 2970]);
    expect(parMois(p, 'honoraires.0').every((x) => x === 7500)).toBe(true);
    expect(parMois(p, 'cout.1').slice(5, 11)).toEqual([5000, 5000, 5000, 5000, 5000, 5000]);
    expect(parMois(p, 'ij.1').slice(5, 11)).toEqual([0, 2000, 2000, 2000, 2000, 0]);
  });

  test('chaque aide tombe le bon mois', () => {
    const g = parMois(p, 'aide.400.1');
    expect(g).toEqual([3200, 3200, 3200, 2030, 2030, 2030, 0, 0, 0, 0, ...Array(14).fill(2030)]);
    expect(parMois(p, 'aide.400.1', 60).slice(24).every((x) => x === 0)).toBe(true); // contrat de 24 mois
    const mat = parMois(p, 'aide.maternite.1');
    expect(mat[9]).toBe(12000);
    expect(mat.reduce((a, b) => a + b)).toBe(12000);
    const caiM = parMois(p, 'aide.cai');
    expect([caiM[0], caiM[12]]).toEqual([22500, 22500]);
    expect(caiM.reduce((a, b) => a + b)).toBe(45000);
    const coscoM = parMois(p, 'aide.cosco');
    expect(coscoM[23]).toBe(8000);
    expect(coscoM.reduce((a, b) => a + b)).toBe(8000);
    const aciM = parMois(p, 'aide.aci');
    expect([aciM[3], aciM[15]]).toEqual([12000, 18900]);
    expect(aciM.reduce((a, b) => a + b)).toBe(30900);
    expect(p.versements.filter((v) => v.dispositif === 'ACI').slice(0, 3).map((v) => [v.libelle, v.date, v.montant.toNumber()])).toEqual([
      ['ACI 2027, avance', '2027-04-01', 12000],
      ['ACI 2027, solde', '2028-04-30', 6900],
      ['ACI 2028, avance', '2028-04-30', 12000],
    ]);
  });

  test('totaux par financeur, charges, recettes et trésorerie cumulée', () => {
    const somme = (xs: Decimal[]) => xs.slice(0, 24).reduce((a, b) => a.plus(b)).toNumber();
    expect(somme(p.aides.ARS)).toBe(56110);
    expect(somme(p.aides.CPAM)).toBe(83900);
    expect(somme(p.charges)).toBe(312000);
    expect(somme(p.recettes)).toBe(235890 + 8000);
    expect(nombres(p.net.slice(0, 24))).toEqual([22000, -500, -500, 11500, -500, -500, -3500, -3500, -3500, 8500, -500, -500, 22000, -500, -500, 18400, -500, -500, -500, -500, -500, -500, -500, 7500]);
    expect(nombres(p.tresorerie.slice(0, 24))).toEqual([
      22000, 21500, 21000, 32500, 32000, 31500, 28000, 24500, 21000, 29500, 29000, 28500, 50500, 50000, 49500, 67900, 67400, 66900, 66400, 65900, 65400, 64900, 64400, 71900,
    ]);
  });

  test('année 3 : plus de garantie, COSCO et ACI annuels', () => {
    // Honoraires 12 × (7 500 + 2 970) = 125 640 ; COSCO année 2 = 8 000 (déc. 2029) ; ACI solde 2028 6 900 + avance 2029 12 000.
    const a3 = p.periodes[24];
    expect(surPeriode(p.charges, a3).toNumber()).toBe(156000);
    expect(surPeriode(p.recettes, a3).toNumber()).toBe(125640);
    expect(surPeriode(p.aides.ARS, a3).toNumber()).toBe(0);
    expect(surPeriode(p.aides.CPAM, a3).toNumber()).toBe(26900);
    expect(surPeriode(p.net, a3).toNumber()).toBe(-3460);
    expect(p.tresorerie[35].toNumber()).toBe(71900 - 3460);
  });

  test('aides exclues avec leur motif (CST hors ZIP seulement, SIP réservée aux MSP)', () => {
    const cst = p.exclusions.find((e) => e.dispositif.includes('CST'))!;
    expect(cst.motif).toMatch(/hors ZIP/);
    expect(p.exclusions.find((e) => e.dispositif.includes('SIP'))!.motif).toMatch(/MSP/);
    expect(p.lignes.some((l) => l.id === 'aide.cst')).toBe(false);
    // Les hypothèses de calendrier sont signalées avec leur statut.
    expect(p.hypotheses.some((h) => h.texte.includes('CAI') && h.statut === 'a_confirmer')).toBe(true);
  });

  test('paramètres du barème lus par le plan, avec date, source et statut', () => {
    const ids = p.parametres.map((x) => `${x.id}@${x.du}:${x.statut}`);
    expect(ids).toEqual(expect.arrayContaining([
      'tarif.consultation_g@2024-12-22:a_confirmer',
      'cai.delai_second_versement_mois@2018-10-20:a_confirmer',
      'postes400.plafond_mensuel_temps_plein@2019-02-06:confirme',
      'aci.avance_minimum@2022-08-03:a_confirmer',
      'cosco.montant_etp_an@2018-10-20:confirme',
    ]));
    expect(p.avertissements.some((a) => a.includes('28 août 2025'))).toBe(true);
  });

  test('chaque versement porte l’explication de la règle du moteur', () => {
    const v = p.versements.find((x) => x.dispositif === 'CAI')!;
    expect(v.resultat.explication.regle.id).toBe('cai');
    expect(v.resultat.explication.parametres.some((x) => x.id === 'cai.part_premier_versement' && x.statut === 'a_confirmer')).toBe(true);
  });
});

describe('plan : autres cas', () => {
  test('même centre hors ZIP : CAI, COSCO exclus avec le motif de zone, 400 postes refusé hors zone', () => {
    const s = centreExemple();
    s.centre.zone = 'HZ';
    const p = planFinancement(s, B);
    const motifs = p.exclusions.map((e) => e.motif).join('\n');
    expect(motifs).toMatch(/CAI|aide à l’installation/);
    expect(p.lignes.some((l) => l.id === 'aide.cai' || l.id === 'aide.cosco' || l.id.startsWith('aide.400'))).toBe(false);
    // Dr B garde sa montée en charge d'activité, mais sans garantie ; l'ACI reste versé.
    expect(p.aides.ARS.every((x) => x.isZero())).toBe(true);
    expect(p.aides.CPAM[3].toNumber()).toBe(12000);
  });

  test('CST hors ZIP : 10 % des honoraires mis à disposition, plafonné, versé en fin d’année de contrat', () => {
    const s: Scenario = centreExemple();
    s.centre.zone = 'ZAC';
    s.medecins[0].joursCstParAn = 12;
    s.medecins[0].honorairesCstAnnuels = 120000; // 10 % = 12 000 € ≤ 20 000 €
    const p = planFinancement(s, B);
    const cst = parMois(p, 'aide.cst', 60);
    expect(cst[11]).toBe(12000);
    expect(cst[23]).toBe(12000);
    expect(cst.filter((x) => x !== 0)).toHaveLength(5);
  });

  test('MSP : aide SIP 80 % à la convention, 20 % dix mois plus tard (hypothèse du barème)', () => {
    const s: Scenario = {
      version: 1,
      centre: { nom: 'MSP', type: 'msp', zone: 'ZAC', dateCreation: '2020-01-01', membreCptsEsp: true },
      simulation: { debut: '2027-03-01', horizonAnnees: 2 },
      medecins: [],
      sip: { nbProfessionnels: 12, montantDevis: 40000 },
    };
    const p = planFinancement(s, B);
    // Plafond 15 000 + 12 × 1 000 = 27 000 € < devis → aide 27 000 € ; 21 600 € en mars 2027, 5 400 € en janvier 2028.
    const v = parMois(p, 'aide.sip');
    expect(v[0]).toBe(21600);
    expect(v[10]).toBe(5400);
    expect(p.tresorerie[23].toNumber()).toBe(27000);
    expect(p.periodes).toHaveLength(24);
  });

  test('ACI signé en cours d’année : montant au prorata des jours, avance au minimum', () => {
    const s = centreExemple();
    s.aci!.dateSignature = '2027-07-01'; // 184 jours sur 365
    const p = planFinancement(s, B);
    const v = p.versements.filter((x) => x.dispositif === 'ACI');
    // 18 900 × 184 / 365 = 9 527,67 € ; avance = min(montant ; max(60 % ; 12 000)) = 9 527,67 € ; solde 0.
    expect(v[0].date).toBe('2027-10-01');
    expect(v[0].montant.toNumber()).toBe(9527.67);
    expect(v[1].montant.toNumber()).toBe(0);
  });

  test('sensibilité du solde à 2 ans aux consultations et au coût salarial', () => {
    const s = centreExemple();
    const c = sensibilite(s, B, 'consultations');
    expect(c.map((x) => x.facteur.toNumber())).toEqual([0.8, 0.9, 1, 1.1, 1.2]);
    expect(c[2].solde.toNumber()).toBe(71900);
    // −20 % de consultations : Dr A perd 1 500 €/mois × 24 = 36 000 € ; Dr B perd des honoraires
    // que la garantie compense (coût 5 000 € < plafond) sauf pendant le congé (pas d'honoraires) → −36 000 €.
    expect(c[0].solde.toNumber()).toBe(71900 - 36000);
    const k = sensibilite(s, B, 'cout');
    // +10 % de coût : Dr A +800 €/mois × 24 ; Dr B +500 €/mois sur les 20 mois hors congé (le congé garde son
    // salaire saisi), dont la garantie ne couvre que 442 € : plafond 9 070 × 0,6 = 5 442 € < 5 500 €.
    expect(k[3].solde.toNumber()).toBe(71900 - 800 * 24 - 500 * 20 + 442 * 20);
  });

  test('entrées invalides : erreur qui nomme le champ et la plage, jamais un nombre', () => {
    const avec = (f: (s: Scenario) => void) => {
      const s = centreExemple();
      f(s);
      return () => planFinancement(s, B);
    };
    expect(avec((s) => (s.simulation.horizonAnnees = 0))).toThrow(/simulation\.horizonAnnees : entier dans \[1 ; 10\]/);
    expect(avec((s) => (s.medecins[1].quotite = 1.2))).toThrow(/medecins\[1\]\.quotite : nombre dans \]0 ; 1\]/);
    expect(avec((s) => (s.medecins[0].coutSalarialMensuel = -1))).toThrow(/medecins\[0\]\.coutSalarialMensuel : nombre ≥ 0/);
    expect(avec((s) => (s.medecins[0].honorairesMensuels = NaN))).toThrow(/medecins\[0\]\.honorairesMensuels/);
    expect(avec((s) => (s.medecins[1].conges[0].fin = '2027-02-30'))).toThrow(/conges\[0\]\.fin : date attendue au format AAAA-MM-JJ/);
    expect(avec((s) => (s.medecins[1].conges[0].fin = '2027-06-30'))).toThrow(/conges\[0\]\.fin : date postérieure/);
  });
});

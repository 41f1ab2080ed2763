// Les exemples chiffrés de REGLES.md (« Worked examples ») et des cas calculés à la main.
import { erreur, explication, sip, SIGNE_2025 } from '../aide-test';

describe('exemples de REGLES.md', () => {
  test('CAI : 2 ETP = 30 000 + 25 000 = 55 000 € ; 5 ETP = 80 000 €', () => {
    expect(sip('CAI', 2, null, SIGNE_2025)).toBe(55000);
    expect(sip('CAI', 5, null, SIGNE_2025)).toBe(80000);
  });
  test('COSCO : 3 ETP, 3 ans = 45 000 €', () => {
    expect(sip('COSCO', 3, 3, SIGNE_2025)).toBe(45000);
  });
  test('CST : 120 000 € d’honoraires, 1 ETP = 12 000 € ; 250 000 € = 20 000 € (plafond)', () => {
    expect(sip('CST', 120000, 1, SIGNE_2025)).toBe(12000);
    expect(sip('CST', 250000, 1, SIGNE_2025)).toBe(20000);
  });
  test('400 postes, temps plein : coût 9 500, honoraires 7 000 → 2 070 € ; coût 8 000, honoraires 8 500 → 0 €', () => {
    expect(sip('GARANTIE400', 9500, 7000)).toBe(2070);
    expect(sip('GARANTIE400', 8000, 8500)).toBe(0);
  });
  test('400 postes à 60 % : plafond 5 442 €, seuils 60 puis 99 consultations', () => {
    expect(sip('PLAFOND400', 0.6)).toBe(5442);
    expect(sip('SEUIL400', 1, 0.6)).toBe(60);
    expect(sip('SEUIL400', 4, 0.6)).toBe(99);
  });
  test('maternité : salaire chargé 7 200 €, IJ 2 900 € → 4 300 €', () => {
    expect(sip('MATERNITE400', 7200, 2900)).toBe(4300);
    expect(sip('MATERNITE400', 7200, 2900, true)).toBe(4300);
  });
  test('ACI : 1 000 fixes + 1 700 variables, patientèle 6 000 → 24 850 €', () => {
    expect(sip('ACI', 1000, 1700, 6000)).toBe(24850);
  });
});

describe('SIP', () => {
  // Barème par défaut (hypothèse) : 15 000 € + 1 000 € par professionnel, sans plafond global.
  test('plafond pour 12 professionnels = 27 000 € ; pour 1 = 16 000 €', () => {
    expect(sip('PLAFOND', 12)).toBe(27000);
    expect(sip('PLAFOND', 1)).toBe(16000);
  });
  test('aide = min(devis ; plafond)', () => {
    expect(sip('AIDE', 40000, 12)).toBe(27000);
    expect(sip('AIDE', 18000.5, 12)).toBe(18000.5);
    expect(sip('AIDE', 0, 12)).toBe(0);
  });
  test('versements 80 % / 20 % : la somme fait l’aide au centime', () => {
    expect(sip('VERSEMENT', 27000, 1)).toBe(21600);
    expect(sip('VERSEMENT', 27000, 2)).toBe(5400);
    // 80 % de 1 000,01 = 800,008 → 800,01 ; solde 200,00
    expect(sip('VERSEMENT', 1000.01, 1)).toBe(800.01);
    expect(sip('VERSEMENT', 1000.01, 2)).toBe(200);
  });
  test('le plafond est une hypothèse et l’explication le dit', () => {
    const e = explication('PLAFOND', 12);
    expect(e.parametres.map((p) => p.statut)).toEqual(['hypothese', 'hypothese', 'hypothese']);
    expect(e.calcul).toContain('27');
  });
});

describe('CAI', () => {
  test('ETP fractionnaires : prorata de la tranche (1,5 ETP → 30 000 + 12 500)', () => {
    expect(sip('CAI', 1.5, null, SIGNE_2025)).toBe(42500);
    expect(sip('CAI', 0.5, null, SIGNE_2025)).toBe(15000);
    expect(sip('CAI', 2.5, null, SIGNE_2025)).toBe(67500);
    expect(explication('CAI', 1.5, null, SIGNE_2025).interpretations[0].statut).toBe('a_confirmer');
    expect(explication('CAI', 2, null, SIGNE_2025).interpretations).toEqual([]);
  });
  test('exactement 3 ETP = 80 000 € ; au-delà, plafond', () => {
    expect(sip('CAI', 3, null, SIGNE_2025)).toBe(80000);
    expect(sip('CAI', 3.5, null, SIGNE_2025)).toBe(80000);
    expect(sip('CAI', 2.99, null, SIGNE_2025)).toBe(79750);
    expect(sip('CAI', 0, null, SIGNE_2025)).toBe(0);
  });
  test('deux versements de 50 % (à confirmer), somme exacte', () => {
    expect(sip('CAI', 2, 1, SIGNE_2025)).toBe(27500);
    expect(sip('CAI', 2, 2, SIGNE_2025)).toBe(27500);
    expect(sip('CAI', 2, null, SIGNE_2025)).toBe(55000);
    // 0,33333 ETP → 9 999,90 € ; moitié 4 999,95
    expect(sip('CAI', 0.33333, null, SIGNE_2025)).toBe(9999.9);
    expect((sip('CAI', 0.33333, 1, SIGNE_2025) as number) + (sip('CAI', 0.33333, 2, SIGNE_2025) as number)).toBeCloseTo(9999.9, 10);
  });
  test('versement hors de [1 ; 2]', () => {
    const e = erreur('CAI', 2, 3, SIGNE_2025);
    expect(e.code).toBe('#NOMBRE!');
    expect(e.message).toBe('versement : entier dans [1 ; 2] attendu (reçu : 3)');
  });
});

describe('COSCO et CST', () => {
  test('COSCO : 1 année par défaut ; ETP fractionnaire', () => {
    expect(sip('COSCO', 1, null, SIGNE_2025)).toBe(5000);
    expect(sip('COSCO', 2.5, null, SIGNE_2025)).toBe(12500);
    expect(sip('COSCO', 0.8, 3, SIGNE_2025)).toBe(12000);
  });
  test('CST : plafond proratisé à l’ETP (à confirmer)', () => {
    expect(sip('CST', 250000, 0.5, SIGNE_2025)).toBe(10000);
    expect(sip('CST', 90000, 0.5, SIGNE_2025)).toBe(9000);
    expect(explication('CST', 250000, 0.5, SIGNE_2025).interpretations).toHaveLength(1);
    expect(sip('CST', 200000, 1, SIGNE_2025)).toBe(20000); // pile au plafond
  });
});

describe('400 postes', () => {
  test('quotité 1 contre 0,5 : plafond et seuils proratisés', () => {
    expect(sip('GARANTIE400', 9500, 7000, 1)).toBe(2070);
    // 0,5 : plafond 4 535 €, coût 5 000 → retenu 4 535 − 3 000 = 1 535
    expect(sip('GARANTIE400', 5000, 3000, 0.5)).toBe(1535);
    expect(sip('SEUIL400', 3, 0.5)).toBe(50);
    expect(sip('SEUIL400', 4, 0.5)).toBe(82.5);
  });
  test('mois 3 contre mois 4', () => {
    expect(sip('SEUIL400', 3)).toBe(100);
    expect(sip('SEUIL400', 4)).toBe(165);
    expect(sip('SEUIL400', 24)).toBe(165);
  });
  test('honoraires au-dessus du plafond : 0, jamais négatif', () => {
    expect(sip('GARANTIE400', 12000, 9070)).toBe(0);
    expect(sip('GARANTIE400', 12000, 9069.99)).toBe(0.01);
    expect(sip('GARANTIE400', 12000, 20000)).toBe(0);
  });
  test('maternité : salaire non maintenu → 0 ; IJ supérieures au salaire → 0', () => {
    expect(sip('MATERNITE400', 7200, 2900, false)).toBe(0);
    expect(sip('MATERNITE400', 7200, 2900, 'FAUX')).toBe(0);
    expect(sip('MATERNITE400', 2000, 2900)).toBe(0);
  });
  test('mois < 1 ou non entier', () => {
    expect(erreur('SEUIL400', 0).message).toBe('mois_du_contrat : entier ≥ 1 attendu (reçu : 0)');
    expect(erreur('SEUIL400', 1.5).code).toBe('#NOMBRE!');
  });
});

describe('ACI', () => {
  test('prérequis manquant → 0', () => {
    expect(sip('ACI', 1000, 1700, 6000, false)).toBe(0);
  });
  test('patientèle de référence : 4 000 patients = points variables pleins', () => {
    expect(sip('ACI', 0, 1000, 4000)).toBe(7000);
    expect(sip('ACI', 100, 0, 0)).toBe(700);
    // 1 700 × 3 333 / 4 000 = 1 416,525 points × 7 = 9 915,675 → 9 915,68
    expect(sip('ACI', 0, 1700, 3333)).toBe(9915.68);
  });
  test('avance : 60 % (au moins 12 000 € depuis 2022, à confirmer), bornée au montant', () => {
    expect(sip('ACI_AVANCE', 24850)).toBe(14910);
    expect(sip('ACI_AVANCE', 15000)).toBe(12000);
    expect(sip('ACI_AVANCE', 10000)).toBe(10000);
    expect(sip('ACI_AVANCE', 0)).toBe(0);
    expect(sip('ACI_AVANCE', 15000, '2021-06-01')).toBe(9000); // avant l'avenant 1 : pas de minimum
  });
});

describe('éligibilité par zone', () => {
  test.each([
    ['CAI', 'ZIP', true], ['CAI', 'ZAC', false], ['CAI', 'QPV', false], ['CAI', 'HZ', false],
    ['COSCO', 'ZIP', true], ['COSCO', 'HZ', false],
    ['CST', 'ZIP', false], ['CST', 'ZAC', true], ['CST', 'HZ', true], ['CST', 'QPV', true],
    ['400POSTES', 'ZIP', true], ['400POSTES', 'ZAC', true], ['400POSTES', 'QPV', true], ['400POSTES', 'HZ', false],
    ['SIP', 'HZ', true], ['SIP', 'ZIP', true],
  ])('%s en %s → %s', (d, z, attendu) => {
    expect(sip('ELIGIBLE', d, z)).toBe(attendu);
  });
  test('alias et casse', () => {
    expect(sip('ELIGIBLE', 'cst', 'hors zone')).toBe(true);
    expect(sip('ELIGIBLE', '400 postes', 'qppv')).toBe(true);
  });
  test('zone ou dispositif inconnus', () => {
    expect(erreur('ELIGIBLE', 'CAI', 'ZRR').message).toBe('zone : « ZRR » inconnue ; valeurs permises : ZIP, ZAC, QPV, HZ');
    expect(erreur('ELIGIBLE', 'PDSA', 'ZIP').code).toBe('#VALEUR!');
  });
});

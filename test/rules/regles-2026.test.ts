// Règles mises à jour (issue 13) : régime de 2026 des contrats des centres de santé, aide automatique,
// ACI (socles prérequis, avance sur le socle, SI par professionnel), contrepartie d'activité des
// « 400 postes », zonage et structure. Valeurs calculées à la main depuis les sources et le barème.
import { appeler, trouverFonction, type ValeurBrute } from '../../src/catalogue';
import { BAREME_PAR_DEFAUT } from '../../src/rules/bareme/donnees';
import type { Bareme } from '../../src/rules/bareme/types';
import { isoVersSerie } from '../../src/rules/dates';
import { estErreurRegle } from '../../src/rules/erreurs';
import type { Scenario } from '../../src/rules/scenario/types';
import { grandLivre, totaux } from '../../src/rules/versements';
import { dateFermeture } from '../../src/rules/regles/zonage';

const B = BAREME_PAR_DEFAUT;
const ctx = (bareme: Bareme = B) => ({ bareme, aujourdhui: '2026-12-01' });
const d = (iso: string) => isoVersSerie(iso);

function calcul(nom: string, args: ValeurBrute[], bareme: Bareme = B): { valeur?: string | boolean; erreur?: string; message?: string; explication?: string } {
  try {
    const r = appeler(trouverFonction(nom)!, args, ctx(bareme));
    return { valeur: typeof r.valeur === 'boolean' ? r.valeur : r.valeur.toFixed(2), explication: r.explication.calcul };
  } catch (e) {
    if (!estErreurRegle(e)) throw e;
    return { erreur: e.code, message: e.message };
  }
}

/** Le barème par défaut avec une valeur publiée pour un paramètre « non publié ». */
function avecValeur(id: string, valeur: string): Bareme {
  const b = structuredClone(B);
  const p = b.parametres.find((x) => x.id === id)!;
  p.valeurs = p.valeurs.map((v) => ({ ...v, valeur, nonPublie: undefined }));
  return b;
}

describe('contrats des centres de santé : la date est celle de la signature', () => {
  test('CAI signé le 01/06/2025 : 2 ETP = 30 000 + 25 000 = 55 000 € ; signé le 01/06/2026 : #N/A, remplacé par l’aide automatique', () => {
    expect(calcul('CAI', [2, null, d('2025-06-01')]).valeur).toBe('55000.00');
    const r = calcul('CAI', [2, null, d('2026-06-01')]);
    expect(r.erreur).toBe('#N/A');
    expect(r.message).toBe('date : CAI signé le 01/06/2026 — contrat remplacé le 01/01/2026 : contrats remplacés par l’aide automatique de l’accord national des centres de santé du 28 août 2025 ; les contrats signés jusqu’au 31 décembre 2025 vont à leur terme (voir SIP.AIDE_CDS)');
  });

  test('COSCO et CST : signés le 31/12/2025 ils comptent, le 01/01/2026 non', () => {
    expect(calcul('COSCO', [3, 3, d('2025-12-31')]).valeur).toBe('45000.00'); // 5 000 × 3 ETP × 3 ans (REGLES.md)
    expect(calcul('COSCO', [3, 3, d('2026-01-01')]).erreur).toBe('#N/A');
    expect(calcul('CST', [120000, 1, d('2025-12-31')]).valeur).toBe('12000.00');
    expect(calcul('CST', [120000, 1, d('2026-01-01')]).message).toMatch(/^date : CST signé le 01\/01\/2026 — contrat remplacé le 01\/01\/2026/);
  });

  test('aide automatique : #N/A qui nomme le paramètre à renseigner, puis le montant une fois la valeur saisie', () => {
    const r = calcul('AIDE_CDS', [2, 'MEDICAL', 'ZIP', d('2026-03-01')]);
    expect(r.erreur).toBe('#N/A');
    expect(r.message).toMatch(/cds\.aide_automatique\.medical\.zip/);
    expect(r.message).toMatch(/feuille « Barème »/);
    // Avec une valeur (fictive) de 6 000 € par ETP : 2 ETP → 12 000 €.
    expect(calcul('AIDE_CDS', [2, 'MEDICAL', 'ZIP', d('2026-03-01')], avecValeur('cds.aide_automatique.medical.zip', '6000')).valeur).toBe('12000.00');
    // Avant le 01/01/2026, l'aide n'existe pas.
    expect(calcul('AIDE_CDS', [2, 'MEDICAL', 'ZIP', d('2025-12-31')], avecValeur('cds.aide_automatique.medical.zip', '6000')).erreur).toBe('#N/A');
    expect(calcul('AIDE_CDS', [2, 'DENTAIRE', 'ZIP', d('2026-03-01')])).toMatchObject({ erreur: '#VALEUR!', message: 'type_centre : « DENTAIRE » inconnu ; valeurs permises : POLYVALENT, MEDICAL, INFIRMIER' });
  });
});

describe('grand livre : contrats signés avant 2026 jusqu’à leur terme, puis l’aide automatique', () => {
  /** CDS médical en ZIP créé en 2018, membre d'une CPTS, 2 médecins à temps plein ; COSCO signé le 01/03/2019. */
  function centre(): Scenario {
    return {
      version: 1,
      centre: { nom: 'CDS de Rostrenen', type: 'cds_medical', zone: 'ZIP', dateCreation: '2018-01-01', membreCptsEsp: true },
      simulation: { debut: '2026-01-01', horizonAnnees: 4 },
      contrats: { cosco: '2019-03-01' },
      medecins: [1, 2].map((k) => ({ libelle: `Dr ${k}`, quotite: 1, coutSalarialMensuel: 9000, honorairesMensuels: 8000, poste400: false, conges: [], joursCstParAn: 0, honorairesCstAnnuels: 0 })),
    };
  }

  test('COSCO signé le 01/03/2019, renouvelé le 01/03/2022 et le 01/03/2025, jusqu’au 29/02/2028 ; pas de renouvellement en 2028', () => {
    const l = grandLivre(centre(), B);
    expect(l.contrats.map((p) => [p.id, p.signature, p.fin, p.renouvellement])).toEqual([
      ['cosco.1', '2019-03-01', '2022-02-28', false],
      ['cosco.2', '2022-03-01', '2025-02-28', true],
      ['cosco.3', '2025-03-01', '2028-02-29', true],
    ]);
    // 2 ETP × 5 000 € au dernier jour de chaque année de contrat dans l'horizon.
    expect(l.versements.filter((v) => v.aide === 'COSCO').map((v) => [v.date, v.montant.toFixed(2)])).toEqual([
      ['2026-02-28', '10000.00'], ['2027-02-28', '10000.00'], ['2028-02-29', '10000.00'],
    ]);
  });

  test('aide automatique : pas les années couvertes au 1er janvier par le COSCO, ensuite « montant non publié »', () => {
    const l = grandLivre(centre(), B);
    expect(l.nonChiffres.map((v) => [v.id, v.date])).toEqual([['aide_cds.2029', '2029-12-31']]);
    // Avec une valeur de 6 000 € par ETP, elle devient un versement : 2 ETP × 6 000 € en 2029.
    const publie = grandLivre(centre(), avecValeur('cds.aide_automatique.medical.zip', '6000'));
    expect(publie.versements.filter((v) => v.aide === 'AIDE_CDS').map((v) => [v.date, v.montant.toFixed(2)])).toEqual([['2029-12-31', '12000.00']]);
    expect(totaux(publie).CPAM.total.toFixed(2)).toBe('42000.00');
  });
});

describe('400 postes : la garantie est la contrepartie d’une activité', () => {
  // Coût 9 500 €, honoraires 7 000 € : garantie min(9 500 ; 9 070) − 7 000 = 2 070 € si la contrepartie est tenue.
  const g = (q: number, consultations: number | null, mois: number | null) => calcul('GARANTIE400', [9500 * q, 7000 * q, q, d('2026-03-01'), consultations, mois]);

  test('temps plein : mois 3, seuil 100 ; mois 4, seuil 165', () => {
    expect(g(1, 100, 3).valeur).toBe('2070.00');
    expect(g(1, 99, 3)).toMatchObject({ valeur: '0.00', explication: expect.stringMatching(/^contrepartie d’activité non tenue : 99 consultations < seuil du mois 3/) });
    expect(g(1, 165, 4).valeur).toBe('2070.00');
    expect(g(1, 164, 4).valeur).toBe('0.00');
  });

  test('mi-temps : seuils 50 puis 82,5 ; garantie min(4 750 ; 4 535) − 3 500 = 1 035 €', () => {
    expect(g(0.5, 50, 3).valeur).toBe('1035.00');
    expect(g(0.5, 49.9, 3).valeur).toBe('0.00');
    expect(g(0.5, 82.5, 4).valeur).toBe('1035.00');
    expect(g(0.5, 82, 4).valeur).toBe('0.00');
  });

  test('sans consultations ni mois du contrat : le résultat d’avant (contrepartie non vérifiée)', () => {
    expect(g(1, null, null).valeur).toBe('2070.00');
    expect(g(1, 10, null).valeur).toBe('2070.00');
  });

  test('congé maternité daté : #N/A avant le dispositif (instruction du 6 février 2019), 7 200 − 2 900 = 4 300 € après', () => {
    expect(calcul('MATERNITE400', [7200, 2900, true, d('2019-03-01')]).valeur).toBe('4300.00');
    const avant = calcul('MATERNITE400', [7200, 2900, true, d('2018-12-01')]);
    expect(avant.erreur).toBe('#N/A');
    expect(avant.message).toMatch(/06\/02\/2019/);
  });

  test('grand livre : un médecin sous le seuil n’a pas de garantie ce mois-là', () => {
    const s: Scenario = {
      version: 1,
      centre: { nom: 'CDS', type: 'cds_medical', zone: 'ZAC', dateCreation: '2020-01-01', membreCptsEsp: false },
      simulation: { debut: '2026-01-01', horizonAnnees: 1 },
      medecins: [{ libelle: 'Dr R', quotite: 1, coutSalarialMensuel: 9500, honorairesMensuels: 7000, consultationsParMois: 120, poste400: true, conges: [], joursCstParAn: 0, honorairesCstAnnuels: 0 }],
    };
    // 120 consultations : ≥ 100 les 3 premiers mois (2 070 €), < 165 ensuite (0 €).
    const g400 = grandLivre(s, B).versements.filter((v) => v.aide === '400POSTES');
    expect(g400.map((v) => v.montant.toFixed(2))).toEqual(['2070.00', '2070.00', '2070.00', ...Array(9).fill('0.00')]);
  });
});

describe('ACI', () => {
  test('avance : 60 % du socle, au moins 12 000 € depuis l’avenant 1, jamais plus que le socle ; pas de minimum avant', () => {
    expect(calcul('ACI_AVANCE', [30000, d('2023-01-01')]).valeur).toBe('18000.00'); // 60 % au-dessus du minimum
    expect(calcul('ACI_AVANCE', [15000, d('2023-01-01')]).valeur).toBe('12000.00'); // 9 000 < 12 000
    expect(calcul('ACI_AVANCE', [10000, d('2023-01-01')]).valeur).toBe('10000.00'); // minimum borné au socle
    expect(calcul('ACI_AVANCE', [15000, d('2021-01-01')]).valeur).toBe('9000.00'); // avant l'avenant 1 (03/08/2022)
  });

  test('SI niveau standard : 500 + 200 par professionnel jusqu’à 16, puis 150', () => {
    expect(calcul('ACI_SI', [10, d('2023-01-01')]).valeur).toBe('2500.00');
    expect(calcul('ACI_SI', [20, d('2023-01-01')]).valeur).toBe('4300.00'); // 500 + 16 × 200 + 4 × 150
  });

  /** MSP, ACI au 01/01/2027 sur 1 an, patientèle 4 000 : trois prérequis, un socle, un optionnel. */
  function msp(atteints: Record<string, boolean>): Scenario {
    const ind = (id: string, prerequis: boolean, fixes: number) => ({ id, libelle: id, prerequis, pointsFixes: fixes, pointsVariables: 0, atteint: atteints[id] ?? true });
    return {
      version: 1,
      centre: { nom: 'MSP', type: 'msp', zone: 'ZAC', dateCreation: '2020-01-01', membreCptsEsp: true },
      simulation: { debut: '2027-01-01', horizonAnnees: 2 },
      medecins: [],
      aci: { adhesion: 'aci', patientele: 4000, indicateurs: [ind('aci.horaires', true, 800), ind('aci.coordination', true, 1000), ind('aci.si_standard', true, 500), ind('aci.protocoles', false, 200), ind('aci.qualite', false, 1000)] },
    };
  }
  const versements = (s: Scenario) => grandLivre(s, B).versements.map((v) => [v.id, v.montant.toFixed(2)]);

  test('un optionnel manqué est payé quand même ; l’avance porte sur le socle', () => {
    // Atteints sans « qualité » : (800 + 1 000 + 500 + 200) × 7 = 17 500 € ; socle (prérequis + protocoles) = 17 500 €.
    // Avance = max(60 % × 17 500 = 10 500 ; 12 000) = 12 000 ; solde 5 500 €.
    expect(versements(msp({ 'aci.qualite': false }))).toEqual([['aci.2027.avance', '12000.00'], ['aci.2027.solde', '5500.00'], ['aci.2028.avance', '12000.00']]);
    // Tout atteint : 3 500 points × 7 = 24 500 € ; avance sur le socle (17 500 €) : 12 000 ; solde 12 500 €.
    expect(versements(msp({}))).toEqual([['aci.2027.avance', '12000.00'], ['aci.2027.solde', '12500.00'], ['aci.2028.avance', '12000.00']]);
  });

  test('un prérequis manqué : aucune rémunération, ni avance ni solde', () => {
    // Les prérequis conditionnent le déclenchement de la rémunération (FEMASIF) : socle 0 €, avance min(0 ; 12 000) = 0 €.
    expect(versements(msp({ 'aci.coordination': false }))).toEqual([['aci.2027.avance', '0.00'], ['aci.2027.solde', '0.00'], ['aci.2028.avance', '0.00']]);
  });
});

describe('zonage et structure : SIP.ELIGIBLE', () => {
  const e = (...args: ValeurBrute[]) => calcul('ELIGIBLE', args).valeur;

  test('SIP pour un centre de santé : ZIP, ZAC, QPV ou île oui ; hors zone non (politique régionale des CDS §3.2)', () => {
    expect(e('SIP', 'ZAC', 'CDS')).toBe(true);
    expect(e('SIP', 'HZ', 'CDS')).toBe(false);
    expect(e('SIP', 'HZ', 'CDS', true)).toBe(true); // QPV hors zone
    expect(e('SIP', 'HZ')).toBe(true); // public habituel : MSP, aucune condition de zone
  });

  test('formes d’avant conservées : zone « QPV », aucune date', () => {
    expect(e('400POSTES', 'QPV')).toBe(true);
    expect(e('CST', 'QPV')).toBe(true);
    expect(e('CAI', 'QPV')).toBe(false);
    expect(e('CAI', 'ZIP')).toBe(true);
  });

  test('avec une date : les contrats CDS ne s’ouvrent plus après le 31/12/2025', () => {
    expect(e('CAI', 'ZIP', 'CDS', false, d('2025-12-31'))).toBe(true);
    expect(e('CAI', 'ZIP', 'CDS', false, d('2026-01-01'))).toBe(false);
    expect(e('AIDE_CDS', 'ZAC', 'CDS', false, d('2026-01-01'))).toBe(true);
    expect(e('CAI', 'ZIP', 'MSP')).toBe(false);
  });
});

test('date de fermeture des contrats : premier jour sans signature possible, lue dans le barème', () => {
  // Contrats démographiques des CDS « jusqu'au 31 décembre 2025 » (ameli.fr, REGLES.md §8) ; l'aide SIP n'a pas de fin connue.
  expect(dateFermeture(BAREME_PAR_DEFAUT, 'CAI')).toBe('2026-01-01');
  expect(dateFermeture(BAREME_PAR_DEFAUT, 'COSCO')).toBe('2026-01-01');
  expect(dateFermeture(BAREME_PAR_DEFAUT, 'CST')).toBe('2026-01-01');
  expect(dateFermeture(BAREME_PAR_DEFAUT, 'SIP')).toBeNull();
});

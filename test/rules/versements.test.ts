// Le grand livre des versements (issue 12) : chaque versement, sa date, son montant, calculés à la main
// depuis les sources (barème par défaut : 004 §2.1–2.2, 001, ACI ; tarif G 30 € depuis le 22/12/2024).
import { BAREME_PAR_DEFAUT } from '../../src/rules/bareme/donnees';
import { Decimal } from '../../src/rules/decimal';
import { grandLivre, livreJson, totaux, lignesAides } from '../../src/rules/versements';
import type { GrandLivre } from '../../src/rules/versements';
import { avecHorizon, centreMiAnnee, exempleJson } from './scenarios';

const B = BAREME_PAR_DEFAUT;
const euros = (xs: Decimal[]) => xs.map((x) => x.toFixed(2));
const liste = (l: GrandLivre, filtre: (id: string) => boolean = () => true) =>
  l.versements.filter((v) => filtre(v.id)).map((v) => [v.id, v.date, v.annee + 1, v.montant.toFixed(2)]);

/*
 * examples/centre-de-sante.json — CDS médical en ZIP créé le 01/09/2025, du 01/01/2026 sur 3 ans, CAI signé le 01/10/2025 :
 * CAI (signé avant le 31/12/2025, il va à son terme) : 2,6 ETP → 30 000 + 1,6 × 25 000 = 70 000 € (≤ 80 000), 50 % à la
 *   signature (01/10/2025, avant la simulation), 50 % 12 mois après : 35 000 € le 01/10/2026.
 * COSCO : possible dès la 2e année du centre (01/09/2026), mais plus aucune signature depuis le 01/01/2026 : non éligible.
 * Aide automatique (depuis le 01/01/2026, CDS médical en ZIP) : montant non publié → 3 versements « non chiffrés ».
 * 400 postes (Médecin 3, 0,6) : plafond 9 070 × 0,6 = 5 442 € ; min(5 800 ; 5 442) − 3 500 = 1 942 € par mois,
 *   à terme échu, mois 1–6 et 11–24 du contrat (congé de juillet à octobre 2026 : mois 7–10) ;
 *   congé : 23 200 − 9 600 = 13 600 € au dernier jour du congé (31/10/2026).
 * ACI : (800 + 1 000 + 500 + 200) + 1 700 × 5 000 / 4 000 = 4 625 points × 7 € = 32 375 € ; les indicateurs socles (les trois
 *   prérequis et les protocoles) sont tous atteints : avance 60 % × 32 375 = 19 425 € (au-dessus du minimum de 12 000 €),
 *   3 mois après la signature (01/04/2026), puis au 30 avril ; solde 12 950 € au 30 avril suivant (celui de 2028 après l'horizon).
 * CPAM : année 1 = 19 425 + 35 000 = 54 425 ; année 2 = 12 950 + 19 425 = 32 375 ; année 3 = 32 375 ; total 119 175 €.
 * ARS  : année 1 = 8 × 1 942 + 13 600 = 29 136 ; année 2 = 12 × 1 942 = 23 304 ; année 3 = 0 ; total 52 440 €.
 */
describe('grand livre de l’exemple « centre de santé »', () => {
  const l = grandLivre(exempleJson('centre-de-sante'), B);

  test('CAI signé en 2025 (2e versement), ACI : dates et montants ; aucun COSCO', () => {
    expect(liste(l, (id) => /^(cai|cosco|aci)\./.test(id))).toEqual([
      ['aci.2026.avance', '2026-04-01', 1, '19425.00'],
      ['cai.2', '2026-10-01', 1, '35000.00'],
      ['aci.2026.solde', '2027-04-30', 2, '12950.00'],
      ['aci.2027.avance', '2027-04-30', 2, '19425.00'],
      ['aci.2027.solde', '2028-04-30', 3, '12950.00'],
      ['aci.2028.avance', '2028-04-30', 3, '19425.00'],
    ]);
    expect(l.apresHorizon.map((v) => [v.id, v.date, v.montant.toFixed(2)])).toEqual([['aci.2028.solde', '2029-04-30', '12950.00']]);
    expect(l.contrats).toEqual([{ id: 'cai', aide: 'CAI', signature: '2025-10-01', fin: '2030-09-30', renouvellement: false }]);
  });

  test('aide automatique : montant non publié chaque année, hors des totaux, avec le paramètre à renseigner', () => {
    expect(l.nonChiffres.map((v) => [v.id, v.date, v.parametre])).toEqual([
      ['aide_cds.2026', '2026-12-31', 'cds.aide_automatique.medical.zip'],
      ['aide_cds.2027', '2027-12-31', 'cds.aide_automatique.medical.zip'],
      ['aide_cds.2028', '2028-12-31', 'cds.aide_automatique.medical.zip'],
    ]);
    expect(l.nonChiffres[0].message).toMatch(/n’a pas de valeur publiée au 01\/01\/2026.*feuille « Barème »/);
  });

  test('400 postes : 1 942 € à terme échu hors mois de congé, congé payé à sa fin', () => {
    const g = l.versements.filter((v) => v.aide === '400POSTES');
    expect(g.map((v) => v.moisContrat)).toEqual([1, 2, 3, 4, 5, 6, ...Array.from({ length: 14 }, (_, k) => 11 + k)]);
    expect(new Set(g.map((v) => v.montant.toFixed(2)))).toEqual(new Set(['1942.00']));
    expect([g[0].date, g[5].date, g[6].date]).toEqual(['2026-01-31', '2026-06-30', '2026-11-30']);
    expect(liste(l, (id) => id.startsWith('mat400'))).toEqual([['mat400.2.1', '2026-10-31', 1, '13600.00']]);
  });

  test('totaux par financeur et par année', () => {
    const t = totaux(l);
    expect([euros(t.CPAM.annees), t.CPAM.total.toFixed(2)]).toEqual([['54425.00', '32375.00', '32375.00'], '119175.00']);
    expect([euros(t.ARS.annees), t.ARS.total.toFixed(2)]).toEqual([['29136.00', '23304.00', '0.00'], '52440.00']);
    expect(t.AIDES.total.toFixed(2)).toBe('171615.00');
  });

  test('chaque versement porte sa règle et les paramètres lus, avec leur statut', () => {
    const cai = l.versements.find((v) => v.id === 'cai.2')!;
    expect(cai.resultat.explication.regle.id).toBe('cai');
    expect(cai.resultat.explication.parametres.find((p) => p.id === 'cai.part_premier_versement')?.statut).toBe('a_confirmer');
    const avance = l.versements.find((v) => v.id === 'aci.2026.avance')!;
    // L'avance dit aussi d'où vient le montant des indicateurs socles : valeur du point et patientèle de référence.
    expect(avance.resultat.explication.parametres.map((p) => p.id)).toEqual(expect.arrayContaining(['aci.valeur_point', 'aci.patientele_reference', 'aci.taux_avance']));
  });
});

/*
 * examples/msp-sip.json — MSP en ZAC, du 01/04/2026 sur 2 ans (année 1 : 01/04/2026–31/03/2027) :
 * SIP : plafond 15 000 + 12 × 1 000 = 27 000 € ; aide = min(40 000 ; 27 000) = 27 000 € ;
 *   80 % = 21 600 € à la convention (01/04/2026), solde 5 400 € 10 mois après (01/02/2027) : année 1.
 * ACI signé le 01/04/2026 : (1 000 + 1 700 × 6 000 / 4 000) × 7 = 24 850 € par an ;
 *   2026 au prorata : 24 850 × 275 / 365 = 18 722,60 € ; avance = max(60 % = 11 233,56 ; 12 000) = 12 000 €
 *   au 01/07/2026 (année 1) ; solde 18 722,60 − 12 000 = 6 722,60 € au 30/04/2027 (année 2) ;
 *   2027 : avance 60 % × 24 850 = 14 910 € au 30/04/2027 (année 2) ; solde et avance 2028 après l'horizon.
 * CPAM : 12 000 puis 21 632,60 ; ARS : 27 000 puis 0.
 */
describe('grand livre de l’exemple « MSP »', () => {
  const l = grandLivre(exempleJson('msp-sip'), B);

  test('SIP 80/20 et ACI avec l’année de signature au prorata', () => {
    expect(liste(l)).toEqual([
      ['sip.1', '2026-04-01', 1, '21600.00'],
      ['aci.2026.avance', '2026-07-01', 1, '12000.00'],
      ['sip.2', '2027-02-01', 1, '5400.00'],
      ['aci.2026.solde', '2027-04-30', 2, '6722.60'],
      ['aci.2027.avance', '2027-04-30', 2, '14910.00'],
    ]);
    const t = totaux(l);
    expect([euros(t.CPAM.annees), euros(t.ARS.annees)]).toEqual([['12000.00', '21632.60'], ['27000.00', '0.00']]);
  });
});

/*
 * Centre de Guingamp (test/rules/scenarios.ts), du 01/07/2025 sur 2 ans ; tarif G 30 €.
 * Dr P, 400 postes à 0,5 : plafond 9 070 × 0,5 = 4 535 € ≥ coût 4 000 € ; sans honoraires saisis, honoraires =
 *   seuil × 30 € : 100 × 0,5 = 50 consultations (mois 1–3), 165 × 0,5 = 82,5 ensuite.
 *   juil., août 2025 : 4 000 − 50 × 30 = 2 500 € ;
 *   sept. 2025 (mois 3, congé dès le 16 : 15/30 travaillé = 0,5) : min(4 000 × 0,5 ; 4 535 × 0,5) − 50 × 0,5 × 30 = 2 000 − 750 = 1 250 € ;
 *   oct., nov. 2025 : entièrement en congé, pas de garantie ;
 *   déc. 2025 (mois 6, congé jusqu'au 15 : 16/31 travaillé) : 4 000 × 16/31 − 82,5 × 16/31 × 30 = 1 525 × 16/31 = 787,096… → 787,10 € ;
 *   janv. 2026 à juin 2027 (mois 7 à 24) : 4 000 − 82,5 × 30 = 4 000 − 2 475 = 1 525 € ;
 *   congé : 12 000 − 5 000 = 7 000 € le 15/12/2025.
 *   ARS : année 1 = 2 500 × 2 + 1 250 + 787,10 + 6 × 1 525 + 7 000 = 23 187,10 ; année 2 = 12 × 1 525 = 18 300.
 * Dr Q, CST (centre hors ZIP, 12 jours ≥ 10), signé le 01/07/2025 pour 3 ans : min(10 % × 50 000 ; 20 000 × 1) = 5 000 €
 *   au dernier jour de chaque année de contrat : 30/06/2026 et 30/06/2027 (et 30/06/2028) ; pas de renouvellement
 *   en 2028, les signatures ayant cessé au 31/12/2025.
 */
describe('grand livre d’un centre commencé en milieu d’année', () => {
  const l = grandLivre(centreMiAnnee(), B);

  test('garantie des mois partiellement en congé au prorata des jours, aucune les mois entièrement en congé', () => {
    expect(liste(l, (id) => /^p400\.0\.[1-7]$/.test(id))).toEqual([
      ['p400.0.1', '2025-07-31', 1, '2500.00'],
      ['p400.0.2', '2025-08-31', 1, '2500.00'],
      ['p400.0.3', '2025-09-30', 1, '1250.00'],
      ['p400.0.6', '2025-12-31', 1, '787.10'],
      ['p400.0.7', '2026-01-31', 1, '1525.00'],
    ]);
    expect(liste(l, (id) => id.startsWith('mat400') || id.startsWith('cst'))).toEqual([
      ['mat400.0.1', '2025-12-15', 1, '7000.00'],
      ['cst.1.1.1', '2026-06-30', 1, '5000.00'],
      ['cst.1.1.2', '2027-06-30', 2, '5000.00'],
    ]);
    expect(l.versements.filter((v) => v.aide === '400POSTES')).toHaveLength(22);
  });

  test('totaux', () => {
    const t = totaux(l);
    expect(euros(t.ARS.annees)).toEqual(['23187.10', '18300.00']);
    expect(euros(t.CPAM.annees)).toEqual(['5000.00', '5000.00']);
    expect(t.AIDES.total.toFixed(2)).toBe('51487.10');
  });

  test('la même série d’honoraires sert le plan et la garantie : 50 puis 82,5 consultations × 30 €', () => {
    const honoraires = l.series.find((x) => x.id === 'honoraires.0')!.mois.map((m) => m?.valeur.toFixed(2) ?? null);
    expect(honoraires.slice(0, 7)).toEqual(['1500.00', '1500.00', '750.00', '0.00', '0.00', '1277.42', '2475.00']);
    const garantie = l.versements.find((v) => v.id === 'p400.0.7')!;
    expect(garantie.resultat.explication.entrees.honoraires_mensuels?.toString()).toBe('2475');
    expect(l.hypotheses.map((h) => h.texte).join('\n')).toMatch(/seuil « 400 postes » × quotité\) × tarif daté de la consultation G/);
  });

  test('horizons de 1 et 10 ans : mêmes versements sur la première année', () => {
    const un = grandLivre(avecHorizon(centreMiAnnee(), 1), B);
    expect(euros(totaux(un).ARS.annees)).toEqual(['23187.10']);
    expect(un.apresHorizon.map((v) => v.id)).toEqual([]);
    const dix = grandLivre(avecHorizon(centreMiAnnee(), 10), B);
    const t = totaux(dix);
    // Garantie limitée aux 24 mois du contrat ; CST sur les 3 ans du contrat signé en 2025, sans renouvellement.
    expect(euros(t.ARS.annees)).toEqual(['23187.10', '18300.00', ...Array(8).fill('0.00')]);
    expect(euros(t.CPAM.annees)).toEqual(['5000.00', '5000.00', '5000.00', ...Array(7).fill('0.00')]);
    expect(dix.contrats.map((p) => [p.id, p.signature, p.fin])).toEqual([['cst.1', '2025-07-01', '2028-06-30']]);
    // Centre polyvalent en ZAC : aide automatique chaque année civile dès 2026, versée le 31/12 (celle de 2035 après l'horizon), montant non publié.
    expect(dix.nonChiffres.map((v) => v.id)).toEqual(Array.from({ length: 9 }, (_, k) => `aide_cds.${2026 + k}`));
  });
});

test('aide automatique : aucune ligne pour une année sans médecin présent au 1er janvier', () => {
  // Simulation commencée le 01/12/2026 (médecins arrivés ce jour-là) sur 2 ans : ETP nul au 01/01/2026 → rien ;
  // 2,6 ETP au 01/01/2027 → une ligne « non publié » (montant du barème absent), versée le 31/12/2027.
  const s = exempleJson('centre-de-sante');
  s.simulation = { debut: '2026-12-01', horizonAnnees: 2 };
  for (const m of s.medecins) delete m.debutContrat;
  const l = grandLivre(s, B);
  expect(l.nonChiffres.filter((v) => v.aide === 'AIDE_CDS').map((v) => [v.id, v.date])).toEqual([['aide_cds.2027', '2027-12-31']]);
});

test('le JSON du grand livre : totaux par financeur, puis chaque versement (médecins et années comptés à partir de 1)', () => {
  const j = livreJson(grandLivre(centreMiAnnee(), B));
  expect(j.totaux).toEqual({
    ARS: { annees: [23187.1, 18300], total: 41487.1 },
    CPAM: { annees: [5000, 5000], total: 10000 },
    AIDES: { annees: [28187.1, 23300], total: 51487.1 },
  });
  const cst = j.versements.find((v) => v.id === 'cst.1.1.1')!;
  expect(cst).toMatchObject({ aide: 'CST', financeur: 'CPAM', medecin: 2, du: '2025-07-01', au: '2026-06-30', date: '2026-06-30', annee: 1, montant: 5000, regle: { id: 'cst' } });
  expect(cst.parametres.map((p) => p.id)).toEqual(['cst.signature_ouverte', 'cst.taux_honoraires', 'cst.plafond_etp_an']);
});

test('lignes par aide et par médecin, dans l’ordre du registre', () => {
  const s = exempleJson('centre-de-sante');
  expect(lignesAides(grandLivre(s, B), s).map((x) => [x.cle, x.financeur, x.total.toFixed(2)])).toEqual([
    ['CAI', 'CPAM', '35000.00'],
    ['400POSTES.2', 'ARS', '38840.00'],
    ['MATERNITE400.2', 'ARS', '13600.00'],
    ['ACI', 'CPAM', '84175.00'],
  ]);
});

test('un scénario invalide est refusé avec le message de la validation (un seul contrôle)', () => {
  const s = centreMiAnnee();
  s.medecins[0].quotite = 1.5;
  expect(() => grandLivre(s, B)).toThrow(/quotite.*\]0 ; 1\]/);
});

// Éligibilité de chaque aide pour un scénario (src/rules/scenario/eligibilite.ts), avec le motif.
import { BAREME_PAR_DEFAUT } from '../../src/rules/bareme/donnees';
import { eligibiliteScenario } from '../../src/rules/scenario/eligibilite';
import type { Scenario } from '../../src/rules/scenario/types';
import { exempleJson } from './scenarios';

const cds = exempleJson('centre-de-sante');
const elig = (s: Scenario) => Object.fromEntries(eligibiliteScenario(s, BAREME_PAR_DEFAUT).map((e) => [e.aide, e]));
const variante = (f: (s: Scenario) => void): Scenario => {
  const s = structuredClone(cds);
  f(s);
  return s;
};

test('exemple : CAI signé en 2025 (centre de moins d’un an), aide automatique, 400 postes, ACI ; COSCO (2e année en 2026), CST et SIP refusés', () => {
  const e = elig(cds);
  expect(Object.fromEntries(Object.entries(e).map(([k, v]) => [k, v.eligible]))).toEqual({ CAI: true, COSCO: false, CST: false, AIDE_CDS: true, '400POSTES': true, ACI: true, SIP: false });
  expect(e.CAI.aPartirDu).toBe('2025-10-01');
  expect(e.COSCO.motif).toMatch(/^signé le 01\/09\/2026 : .*plus de signature possible au 01\/09\/2026/);
  expect(e.AIDE_CDS).toMatchObject({ aPartirDu: '2026-01-01' });
});

test('CAI refusé pour un centre de plus d’un an, sauf centre dentaire/infirmier devenant polyvalent', () => {
  const vieux = variante((s) => (s.centre.dateCreation = '2020-01-01'));
  expect(elig(vieux).CAI).toMatchObject({ eligible: false });
  expect(elig(vieux).CAI.motif).toMatch(/plus d’un an avant la signature \(01\/10\/2025\)/);
  expect(elig(variante((s) => { s.centre.dateCreation = '2020-01-01'; s.centre.type = 'cds_devenant_polyvalent'; })).CAI.eligible).toBe(true);
});

test('COSCO signé en 2025 : exige une CPTS ou une ESP ; hors ZIP refusé avec le motif de zone', () => {
  const installe = (f: (s: Scenario) => void) => variante((s) => { s.centre.dateCreation = '2020-01-01'; s.contrats = { cosco: '2025-06-01' }; f(s); });
  expect(elig(installe(() => undefined)).COSCO).toMatchObject({ eligible: true, aPartirDu: '2025-06-01' });
  expect(elig(installe((s) => (s.centre.membreCptsEsp = false))).COSCO.motif).toMatch(/CPTS ou d’une ESP/);
  const zac = elig(installe((s) => (s.centre.zone = 'ZAC')));
  expect(zac.COSCO.motif).toMatch(/non accessible en zone d’action complémentaire/);
  expect(zac['400POSTES'].eligible).toBe(true);
});

test('CST hors ZIP : au moins 10 jours par an (barème) par médecin', () => {
  const e = elig(variante((x) => {
    x.centre.zone = 'HZ';
    x.contrats = { cst: '2025-06-01' };
    x.medecins[0].joursCstParAn = 12;
    x.medecins[0].honorairesCstAnnuels = 120000;
    x.medecins[1].joursCstParAn = 9;
    x.medecins[1].honorairesCstAnnuels = 50000;
  }));
  expect(e.CST.eligible).toBe(true);
  expect(e.CST.medecins?.[0]).toBeNull();
  expect(e.CST.medecins?.[1]).toMatch(/9 jour\(s\).*au moins 10/);
  expect(e['400POSTES'].motif).toMatch(/hors zone/);
});

test('SIP pour les MSP seulement ; accord national réservé aux centres de santé ; ACI et accord national exclusifs', () => {
  const msp = exempleJson('msp-sip');
  expect(elig(msp).SIP.eligible).toBe(true);
  expect(elig(msp).CAI.motif).toMatch(/réservé aux centres de santé/);
  expect(elig({ ...msp, aci: { ...msp.aci!, adhesion: 'accord_national' } }).ACI.motif).toMatch(/ne vise que les centres de santé/);
  expect(elig(variante((s) => (s.aci!.adhesion = 'accord_national'))).ACI.motif).toMatch(/exclusif de l’ACI/);
});

test('un QPV s’ajoute au zonage : 400 postes hors zone en QPV ; la forme ancienne « QPV » se lit « hors zone, en QPV »', () => {
  expect(elig(variante((s) => { s.centre.zone = 'HZ'; s.centre.qpv = true; }))['400POSTES'].eligible).toBe(true);
  expect(elig(variante((s) => (s.centre.zone = 'HZ')))['400POSTES'].eligible).toBe(false);
  expect(elig(variante((s) => (s.centre.zone = 'QPV')))['400POSTES'].eligible).toBe(true);
});

test('SIP d’un centre de santé : en ZAC oui, hors zone non, hors zone sur une île oui', () => {
  const sip = (zone: 'ZAC' | 'HZ', ile = false) => elig(variante((s) => { s.centre.zone = zone; s.centre.ile = ile; s.sip = { nbProfessionnels: 8, montantDevis: 20000 }; })).SIP;
  expect(sip('ZAC').eligible).toBe(true);
  expect(sip('HZ')).toMatchObject({ eligible: false, motif: expect.stringMatching(/non accessible en hors zone : centre en ZIP, en QPV, sur une île ou en ZAC/) });
  expect(sip('HZ', true).eligible).toBe(true);
});

test('COSCO d’un centre dentaire ou infirmier en ZIP : dans les 2 ans de sa demande de devenir polyvalent', () => {
  const centre = (demande: string) => elig(variante((s) => {
    s.centre.type = 'cds_devenant_polyvalent';
    s.centre.dateCreation = '2015-01-01';
    s.centre.dateDemandePolyvalent = demande;
    s.contrats = { cosco: '2025-06-01' };
  })).COSCO;
  expect(centre('2024-01-01').eligible).toBe(true); // 2025-06-01 < 2026-01-01
  expect(centre('2023-01-01')).toMatchObject({ eligible: false, motif: expect.stringMatching(/plus de 2 ans après sa demande/) });
});

import { TITRE_PLAN } from '../../src/workbook/plan';
import type { Cellule } from '../../src/workbook/description';
import { BAREME_PAR_DEFAUT } from '../../src/rules/bareme/donnees';
import { decrireSimulation, moisDeConge } from '../../src/workbook/layout';
import { eligibiliteScenario } from '../../src/rules/scenario/eligibilite';
import { Scenario } from '../../src/rules/scenario/types';
import { exemple, ligneDuLibelle } from './aides';

/** Les cellules au-dessus du bloc « Plan de financement » (qui a ses propres appels SIP.*). */
function avantLePlan(cellules: Cellule[]): Cellule[] {
  const titre = cellules.find((c) => c.valeur === TITRE_PLAN);
  if (!titre) throw new Error('bloc « Plan de financement » absent de la feuille');
  const ligne = (a: string) => Number(/(\d+)$/.exec(a)![1]);
  return cellules.filter((c) => ligne(c.adresse) < ligne(titre.adresse));
}

const cds = exemple('centre-de-sante');
const d = decrireSimulation(cds, BAREME_PAR_DEFAUT, { dateGeneration: '2026-11-23' });
const cellule = (a: string) => d.cellules.find((c) => c.adresse === a);
const elig = (s: Scenario) => Object.fromEntries(eligibiliteScenario(s, BAREME_PAR_DEFAUT).map((e) => [e.aide, e]));
const variante = (f: (s: Scenario) => void): Scenario => {
  const s = structuredClone(cds);
  f(s);
  return s;
};

describe('mise en page de la simulation (centre de santé d’exemple)', () => {
  test('entrées nommées, en format français', () => {
    expect(cellule('B13')).toMatchObject({ valeur: 46023, format: 'date', nom: 'sim_debut', style: 'entree' }); // 01/01/2026
    expect(cellule('B19')).toMatchObject({ valeur: 0.6, nom: 'sim_med3_quotite' });
    expect(cellule('C19')).toMatchObject({ valeur: 5800, format: 'euros' });
    expect(cellule('B20')).toMatchObject({ formule: '=SUM(B17:B19)', nom: 'sim_etp' });
  });

  test('montants en formules vivantes qui pointent vers les entrées, avec la date de l’année', () => {
    const l = ligneDuLibelle(d.cellules, 'CAI — 1er versement');
    expect(cellule(`B${l}`)?.formule).toBe('=SIP.CAI($B$20,1,$B$13)');
    expect(cellule(`C${l + 1}`)?.formule).toBe('=SIP.CAI($B$20,2,$B$13)');
    const cosco = ligneDuLibelle(d.cellules, 'COSCO');
    // Centre créé le 01/09/2025 : COSCO à partir des années commençant après le 01/09/2026.
    expect(cellule(`B${cosco}`)).toBeUndefined();
    expect(cellule(`C${cosco}`)?.formule).toBe('=SIP.COSCO($B$20,1,C$50)');
    expect(cellule(`D${cosco}`)?.formule).toBe('=SIP.COSCO($B$20,1,D$50)');
    const aci = ligneDuLibelle(d.cellules, 'ACI — rémunération annuelle');
    expect(cellule(`B${aci}`)?.formule).toBe('=SIP.ACI($B$35,$B$36,$B$28,$B$37,B$50)');
    const avance = ligneDuLibelle(d.cellules, 'ACI — avance');
    expect(cellule(`C${avance}`)?.formule).toBe(`=SIP.ACI_AVANCE(C${aci},C$50)`);
    expect(cellule(`C${avance + 1}`)?.formule).toBe(`=B${aci}-B${avance}`);
    expect(cellule(`E${avance}`)?.formule).toBe(`=SUM(B${avance}:D${avance})`);
    expect(cellule(`B${avance}`)?.format).toBe('euros');
  });

  test('aide refusée : le motif à la place d’un nombre', () => {
    const l = ligneDuLibelle(d.cellules, 'CST');
    expect(cellule(`B${l}`)?.valeur).toMatch(/^Non éligible : .*hors ZIP/);
    expect(cellule(`B${l}`)?.style).toBe('alerte');
    expect(cellule(`B${l}`)?.formule).toBeUndefined();
    expect(d.fusions).toContain(`B${l}:E${l}`);
  });

  test('tableau mensuel 400 postes : seuil, plafond, garantie, mois de congé', () => {
    const entete = ligneDuLibelle(d.cellules, 'Mois du contrat');
    const m1 = entete + 1;
    expect(cellule(`B${m1}`)?.formule).toBe(`=EDATE($F$19,A${m1}-1)`);
    expect(cellule(`C${m1}`)?.formule).toBe(`=SIP.SEUIL400(A${m1},$B$19,B${m1})`);
    expect(cellule(`D${m1}`)?.formule).toBe(`=SIP.PLAFOND400($B$19,B${m1})`);
    expect(cellule(`H${m1}`)?.formule).toBe(`=SIP.GARANTIE400(E${m1},F${m1},$B$19,B${m1})`);
    // Congé du 01/07/2026 au 31/10/2026 : mois 7 à 10 du contrat.
    for (const m of [7, 8, 9, 10]) {
      expect(cellule(`G${entete + m}`)?.valeur).toBe('congé');
      expect(cellule(`I${entete + m}`)?.formule).toBe('=SIP.MATERNITE400($H$23,$I$23,$F$23)');
      expect(cellule(`H${entete + m}`)?.valeur).toBe(0);
    }
    expect(cellule(`I${entete + 11}`)).toBeUndefined();
    expect(cellule(`A${entete + 24}`)?.valeur).toBe(24);
    expect(cellule(`A${entete + 25}`)?.valeur).toMatch(/^Total sur 24 mois/);
    const v = ligneDuLibelle(d.cellules, '400 postes — Médecin 3');
    expect(cellule(`B${v}`)?.formule).toBe(`=SUM(J${m1}:J${entete + 12})`);
    expect(cellule(`C${v}`)?.formule).toBe(`=SUM(J${entete + 13}:J${entete + 24})`);
    expect(cellule(`D${v}`)).toBeUndefined();
  });

  test('échéancier : financeur, dispositif, date, montant relié aux versements', () => {
    const e = ligneDuLibelle(d.cellules, 'Financeur') + 1;
    expect([cellule(`A${e}`)?.valeur, cellule(`B${e}`)?.valeur, cellule(`D${e}`)?.valeur]).toEqual(['CPAM', 'CAI', 'à la signature du contrat (01/01/2026)']);
    expect(cellule(`E${e}`)?.formule).toBe(`=B${ligneDuLibelle(d.cellules, 'CAI — 1er versement')}`);
    const textes = d.cellules.map((c) => String(c.valeur ?? ''));
    expect(textes).toContain('au 30 avril 2027, solde de l’année 1');
    expect(textes.some((t) => t.startsWith('garantie mensuelle de Médecin 3') && t.endsWith('mois 13 à 24 du contrat'))).toBe(true);
  });

  test('notes : source et statut de chaque paramètre, hypothèses et points à confirmer signalés', () => {
    const notes = d.cellules.filter((c) => c.style === 'alerte' || c.style === 'note').map((c) => String(c.valeur));
    expect(notes.map((t) => t.replace(/\u00a0/g, ' '))).toContain('[confirmé] CAI : montant par ETP du 1er ETP = 30 000 €/ETP (en vigueur du 20/10/2018 ; source : 004, §2.1 Contrat d’aide à l’installation (CAI))');
    const alerte = d.cellules.find((c) => String(c.valeur).startsWith('⚠ À CONFIRMER : CAI : part du 1er versement'));
    expect(alerte?.style).toBe('alerte');
    expect(d.cellules.some((c) => c.style === 'alerte' && String(c.valeur).includes('Nouvel accord national des centres de santé signé le 28 août 2025'))).toBe(true);
    expect(notes.some((t) => t.startsWith('Financeur : ARS') && t.includes('DGOS/DIR/2019/27'))).toBe(true);
    // MSP : le plafond SIP est une hypothèse, signalée.
    const msp = decrireSimulation(exemple('msp-sip'), BAREME_PAR_DEFAUT);
    expect(msp.cellules.some((c) => c.style === 'alerte' && String(c.valeur).replace(/\u00a0/g, ' ').startsWith('⚠ HYPOTHÈSE : Plafond SIP : part forfaitaire = 15 000 €'))).toBe(true);
  });

  test('formules en forme invariante : virgules, noms anglais, aucune constante VRAI/FAUX', () => {
    for (const c of d.cellules.filter((x) => x.formule)) {
      expect(c.formule).not.toMatch(/;|SOMME|MOIS\.DECALER|TRUE|FALSE/);
    }
    expect(d.plage).toMatch(/^A1:[A-Z]+\d+$/);
  });

  test('la feuille MSP : SIP avec plafond, aide, 80/20', () => {
    const m = decrireSimulation(exemple('msp-sip'), BAREME_PAR_DEFAUT);
    const f = avantLePlan(m.cellules).filter((c) => c.formule?.includes('SIP.')).map((c) => c.formule);
    expect(f).toEqual(expect.arrayContaining(['=SIP.PLAFOND($B$17,$B$13)', '=SIP.AIDE($B$18,$B$17,$B$13)']));
    expect(f.filter((x) => x?.startsWith('=SIP.VERSEMENT(')).length).toBe(2);
  });
});

describe('éligibilité par aide', () => {
  test('exemple : CAI (centre de moins d’un an), COSCO, 400 postes, ACI ; CST et SIP refusés', () => {
    const e = elig(cds);
    expect(Object.fromEntries(Object.entries(e).map(([k, v]) => [k, v.eligible]))).toEqual({ CAI: true, COSCO: true, CST: false, '400POSTES': true, ACI: true, SIP: false });
    expect(e.COSCO.aPartirDu).toBe('2026-09-01');
  });
  test('CAI refusé pour un centre de plus d’un an, sauf centre dentaire/infirmier devenant polyvalent', () => {
    const vieux = variante((s) => (s.centre.dateCreation = '2020-01-01'));
    expect(elig(vieux).CAI).toMatchObject({ eligible: false });
    expect(elig(vieux).CAI.motif).toMatch(/plus d’un an avant le début/);
    expect(elig(variante((s) => { s.centre.dateCreation = '2020-01-01'; s.centre.type = 'cds_devenant_polyvalent'; })).CAI.eligible).toBe(true);
  });
  test('COSCO exige une CPTS ou une ESP ; hors ZIP refusé avec le motif de zone', () => {
    expect(elig(variante((s) => (s.centre.membreCptsEsp = false))).COSCO.motif).toMatch(/CPTS ou d’une ESP/);
    const zac = elig(variante((s) => (s.centre.zone = 'ZAC')));
    expect(zac.COSCO.motif).toMatch(/non accessible en zone d’action complémentaire/);
    expect(zac['400POSTES'].eligible).toBe(true);
  });
  test('CST hors ZIP : au moins 10 jours par an (barème) par médecin', () => {
    const s = variante((x) => {
      x.centre.zone = 'HZ';
      x.medecins[0].joursCstParAn = 12;
      x.medecins[0].honorairesCstAnnuels = 120000;
      x.medecins[1].joursCstParAn = 9;
      x.medecins[1].honorairesCstAnnuels = 50000;
    });
    const e = elig(s);
    expect(e.CST.eligible).toBe(true);
    expect(e.CST.medecins?.[0]).toBeNull();
    expect(e.CST.medecins?.[1]).toMatch(/9 jour\(s\).*au moins 10/);
    expect(e['400POSTES'].motif).toMatch(/hors zone/);
    const f = avantLePlan(decrireSimulation(s, BAREME_PAR_DEFAUT).cellules).filter((c) => c.formule?.startsWith('=SIP.CST('));
    expect(f.map((c) => c.formule)).toEqual(['=SIP.CST($H$17,$B$17,B$50)', '=SIP.CST($H$17,$B$17,C$50)', '=SIP.CST($H$17,$B$17,D$50)']);
  });
  test('SIP pour les MSP seulement ; accord national réservé aux centres de santé ; ACI et accord national exclusifs', () => {
    const msp = exemple('msp-sip');
    expect(elig(msp).SIP.eligible).toBe(true);
    expect(elig(msp).CAI.motif).toMatch(/réservé aux centres de santé/);
    expect(elig({ ...msp, aci: { ...msp.aci!, adhesion: 'accord_national' } }).ACI.motif).toMatch(/ne vise que les centres de santé/);
    expect(elig(variante((s) => (s.aci!.adhesion = 'accord_national'))).ACI.motif).toMatch(/exclusif de l’ACI/);
  });
});

test('horizon d’un an : le 2e versement du CAI est signalé hors horizon, sans montant', () => {
  const s = structuredClone(cds);
  s.simulation.horizonAnnees = 1;
  const un = decrireSimulation(s, BAREME_PAR_DEFAUT);
  const l = ligneDuLibelle(un.cellules, 'CAI — 2e versement');
  expect(un.cellules.find((c) => c.adresse === `B${l}`)?.valeur).toBe('hors de l’horizon de la simulation (versé un an après la signature, le 01/01/2027)');
  expect(un.cellules.filter((c) => c.formule?.startsWith('=SIP.CAI(') && c.formule.includes(',2,'))).toEqual([]);
});

test('mois de congé : tout mois du contrat entamé par le congé', () => {
  expect(moisDeConge('2026-01-01', { debut: '2026-07-01', fin: '2026-10-31' })).toEqual([7, 8, 9, 10]);
  // Contrat au 15 : le mois 2 va du 15/02 au 14/03, le mois 3 du 15/03 au 14/04.
  expect(moisDeConge('2026-01-15', { debut: '2026-03-01', fin: '2026-03-14' })).toEqual([2]);
  expect(moisDeConge('2026-01-15', { debut: '2026-03-10', fin: '2026-03-16' })).toEqual([2, 3]);
  expect(moisDeConge('2026-01-15', { debut: '2026-03-15', fin: '2026-03-15' })).toEqual([3]);
});

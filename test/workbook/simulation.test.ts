// Classeurs partageables : valeurs en cache contrôlées à la main, aller-retour simulate → verify,
// retouches détectées exactement, classeur « à la manière d'Excel » (formules partagées).
import ExcelJS from 'exceljs';
import { BAREME_PAR_DEFAUT } from '../../src/rules/bareme/donnees';
import { Bareme } from '../../src/rules/bareme/types';
import { genererSimulation, SimulationGeneree } from '../../src/workbook/exceljs/simulation';
import { lireClasseur, recalculerAvecMoteur } from '../../src/workbook/exceljs/lire';
import { recalculerSansTableur, verifierClasseur } from '../../src/workbook/verification';
import { DATE_GENERATION, exemple, ligneDuLibelle, modifierBaremeEmbarque, recalculerCommeExcel, retoucher } from './aides';
import { lireCellules } from '../../src/workbook/exceljs/lire';
import { lireProvenance } from '../../src/workbook/provenance';

let cds: SimulationGeneree;
let msp: SimulationGeneree;
beforeAll(async () => {
  cds = await genererSimulation(exemple('centre-de-sante'), BAREME_PAR_DEFAUT, { dateGeneration: DATE_GENERATION });
  msp = await genererSimulation(exemple('msp-sip'), BAREME_PAR_DEFAUT, { dateGeneration: DATE_GENERATION });
});

const val = (g: SimulationGeneree, a: string) => g.valeurs.get(a);
const ligne = (g: SimulationGeneree, libelle: string) => ligneDuLibelle(g.description.cellules, libelle);

async function verifier(fichier: Buffer, bareme: Bareme = BAREME_PAR_DEFAUT) {
  const lu = await lireClasseur(fichier);
  expect(lu.erreurs).toEqual([]);
  expect(lu.simulations).toHaveLength(1);
  const s = lu.simulations[0];
  return { lu: s, rapport: verifierClasseur(s.cellules, s.provenance, bareme, { recalculer: recalculerAvecMoteur }) };
}
const nonConformes = (r: ReturnType<typeof verifierClasseur>) => r.cellules.filter((c) => c.constats[0] !== 'conforme');

/** Ligne d'un libellé de la colonne A dans la partie de la feuille qui suit le libellé `apres`. */
const ligneApres = (g: SimulationGeneree, apres: string, libelle: string) =>
  ligneDuLibelle(g.description.cellules.filter((c) => Number(c.adresse.replace(/^[A-Z]+/, '')) > ligne(g, apres)), libelle);

describe('valeurs calculées de l’exemple « centre de santé » (contrôlées à la main)', () => {
  test('CAI signé le 01/10/2025 : 2,6 ETP → 30 000 + 1,6 × 25 000 = 70 000 €, 2e versement de 35 000 € le 01/10/2026', () => {
    expect(val(cds, `B${ligne(cds, 'Total ETP')}`)).toBe(2.6);
    expect(val(cds, `I${ligne(cds, 'CAI — 2e versement')}`)).toBe(35000);
    const l = ligneApres(cds, 'Versements par année', 'CAI');
    expect(['B', 'C', 'D', 'E'].map((c) => val(cds, `${c}${l}`))).toEqual([35000, 0, 0, 35000]);
  });
  test('COSCO : signature possible le 01/09/2026 seulement (2e année du centre), après la fin des contrats : non éligible ; aide automatique non publiée', () => {
    const l = ligneApres(cds, 'Versements par année', 'COSCO');
    expect(String(cds.description.cellules.find((c) => c.adresse === `B${l}`)?.valeur)).toMatch(/^Non éligible : signé le 01\/09\/2026 : .*plus de signature possible/);
    const a = ligneApres(cds, 'Versements par année', 'Aide automatique CDS');
    expect(String(cds.description.cellules.find((c) => c.adresse === `B${a}`)?.valeur)).toMatch(/^Montant non publié \(paramètre cds\.aide_automatique\.medical\.zip/);
    // L'échéancier montre la formule qui donnera le montant : #N/A « montant non publié » tant que le barème n'a pas la valeur.
    const prevu = ligne(cds, 'Aide automatique CDS — année 2026');
    expect(val(cds, `I${prevu}`)).toMatchObject({ erreur: '#N/A', message: expect.stringMatching(/^Montant non publié/) });
  });
  test('400 postes à 60 % : plafond 5 442 €, seuils 60 puis 99, garantie 5 442 − 3 500 = 1 942 €, congé 23 200 − 9 600 = 13 600 €', () => {
    const m1 = ligne(cds, 'Mois du contrat') + 1;
    expect([val(cds, `D${m1}`), val(cds, `D${m1 + 2}`), val(cds, `D${m1 + 3}`)]).toEqual([60, 60, 99]);
    expect(val(cds, `E${m1}`)).toBe(5442);
    expect(val(cds, `H${m1}`)).toBe(1942);
    expect(val(cds, `I${m1 + 9}`)).toBe(13600); // mois 10 : fin du congé
    expect(val(cds, `H${m1 + 10}`)).toBe(1942); // mois 11 : reprise
    const v = ligneApres(cds, 'Versements par année', '400 postes — Médecin 3');
    // Année 1 : 8 × 1 942 = 15 536 € ; année 2 : 12 × 1 942 = 23 304 €.
    expect([val(cds, `B${v}`), val(cds, `C${v}`), val(cds, `E${v}`)]).toEqual([15536, 23304, 38840]);
  });
  test('ACI : (2 500 + 1 700 × 5 000 / 4 000) × 7 € = 32 375 €, avance 60 % = 19 425 €, solde 12 950 € en n+1', () => {
    expect(val(cds, `B${ligne(cds, 'ACI 2026 : rémunération annuelle')}`)).toBe(32375);
    expect(val(cds, `B${ligne(cds, 'Tous les prérequis remplis')}`)).toBe(true);
    expect([val(cds, `B${ligne(cds, 'ACI 2026 : avance')}`), val(cds, `B${ligne(cds, 'ACI 2026 : solde')}`)]).toEqual([19425, 12950]);
  });
  test('totaux par financeur et par année', () => {
    const cpam = ligneApres(cds, 'Versements par année', 'Total Assurance Maladie (CPAM)');
    const ars = ligneApres(cds, 'Versements par année', 'Total Agence régionale de santé (ARS)');
    // CPAM : 35 000 (CAI) + 19 425 ; 12 950 + 19 425 ; 12 950 + 19 425.
    expect(['B', 'C', 'D', 'E'].map((c) => val(cds, `${c}${cpam}`))).toEqual([54425, 32375, 32375, 119175]);
    // ARS : 8 × 1 942 + 13 600 ; 12 × 1 942 ; 0.
    expect(['B', 'C', 'D', 'E'].map((c) => val(cds, `${c}${ars}`))).toEqual([29136, 23304, 0, 52440]);
    expect(val(cds, `E${ligne(cds, 'Total des aides (CPAM + ARS)')}`)).toBe(171615);
  });
  test('MSP : aide SIP = min(40 000 ; 15 000 + 12 × 1 000) = 27 000 €, 80/20 ; ACI 24 850 € par an', () => {
    expect(val(msp, `B${ligne(msp, 'Aide SIP = min')}`)).toBe(27000);
    expect(val(msp, `I${ligne(msp, 'SIP — versement à la signature')}`)).toBe(21600);
    expect(val(msp, `I${ligne(msp, 'SIP — solde')}`)).toBe(5400);
    expect(val(msp, `B${ligne(msp, 'ACI 2027 : rémunération annuelle')}`)).toBe(24850);
    // 12 000 (avance 2026) + 6 722,60 (solde 2026) + 14 910 (avance 2027).
    expect(val(msp, `D${ligneApres(msp, 'Versements par année', 'Total Assurance Maladie (CPAM)')}`)).toBeCloseTo(33632.6, 6);
  });
});

test('CST hors ZIP : 10 % × 120 000 € = 12 000 € par an (1 ETP) ; 10 % × 250 000 € plafonné à 20 000 € × 0,6 ETP = 12 000 €', async () => {
  const s = exemple('centre-de-sante');
  s.centre.zone = 'HZ';
  s.contrats = { cst: '2025-12-01' }; // signé avant la fin des contrats : 3 ans, du 01/12/2025 au 30/11/2028
  Object.assign(s.medecins[0], { joursCstParAn: 12, honorairesCstAnnuels: 120000 });
  Object.assign(s.medecins[2], { joursCstParAn: 10, honorairesCstAnnuels: 250000 });
  const g = await genererSimulation(s, BAREME_PAR_DEFAUT, { dateGeneration: DATE_GENERATION });
  // Années de contrat du 01/12 au 30/11, versées le 30/11 : 3 versements par médecin dans l'horizon.
  const l1 = ligneApres(g, 'Versements par année', 'CST — Médecin 1');
  const l3 = ligneApres(g, 'Versements par année', 'CST — Médecin 3');
  expect(['B', 'C', 'D', 'E'].map((c) => val(g, `${c}${l1}`))).toEqual([12000, 12000, 12000, 36000]);
  // Médecin 3, arrivé le 01/01/2026 : ses années de contrat vont du 01/01 au 31/12 ; la 3e dépasserait la fin du contrat (30/11/2028).
  expect(['B', 'C', 'D', 'E'].map((c) => val(g, `${c}${l3}`))).toEqual([12000, 12000, 0, 24000]);
  expect(() => ligneApres(g, 'Versements par année', 'CST — Médecin 2')).toThrow(); // 0 jour : pas de ligne
  // Hors zone : ni CAI, ni COSCO, ni 400 postes ; CPAM = CST + ACI (19 425 + 12 950 + 19 425 + 12 950 + 19 425).
  expect(val(g, `E${ligneApres(g, 'Versements par année', 'Total Agence régionale de santé (ARS)')}`)).toBe(0);
  expect(val(g, `E${ligneApres(g, 'Versements par année', 'Total Assurance Maladie (CPAM)')}`)).toBe(60000 + 3 * 19425 + 2 * 12950);
});

describe('fichier écrit par exceljs', () => {
  test('formules `_xldudf_SIP_…` avec valeurs en cache, formats, noms, provenance masquée', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(cds.fichier as unknown as ArrayBuffer);
    const ws = wb.getWorksheet('Simulation')!;
    const l = ligne(cds, 'CAI — 2e versement');
    const etp = ligne(cds, 'Total ETP');
    expect(ws.getCell(`I${l}`).formula).toBe(`_xldudf_SIP_CAI($B$${etp},2,$B$${ligne(cds, 'CAI')})`);
    expect(ws.getCell(`I${l}`).result).toBe(35000);
    expect(ws.getCell(`I${l}`).numFmt).toBe('#,##0.00 "€"');
    const debut = ligne(cds, 'Début de la simulation');
    expect(ws.getCell(`B${debut}`).numFmt).toBe('dd/mm/yyyy');
    expect(wb.definedNames.getRanges('sim_debut').ranges).toEqual([`Simulation!$B$${debut}`]);
    // Colonne des libellés : 45 caractères au plus (au-delà, renvoi à la ligne) pour une page de large lisible.
    expect(ws.getColumn('A').width).toBe(45);
    const prov = wb.getWorksheet('_sip_provenance')!;
    expect(prov.state).toBe('hidden');
    expect(prov.getCell('A5').value).toBe('empreinte_sha256');
    expect(prov.getCell('B5').value).toBe(cds.provenance.empreinte);
    expect(prov.getCell('A9').value).toBe('bareme_json');
    expect(lireProvenance(new Map(lireCellules(prov).map((c) => [c.adresse, c.valeur]))).bareme).toEqual(BAREME_PAR_DEFAUT);
  });
});

test('par défaut, chaque graphique du plan de financement devient une image PNG à son ancre', async () => {
  expect(cds.description.graphiques).toHaveLength(2);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(cds.fichier as unknown as ArrayBuffer);
  const images = wb.getWorksheet('Simulation')!.getImages();
  expect(images).toHaveLength(2);
  const ancres = cds.description.graphiques.map((g) => Number(/(\d+)$/.exec(g.ancre)![1]) - 1);
  expect(images.map((i) => i.range.tl.nativeRow)).toEqual(ancres);
  const png = wb.getImage(Number(images[0].imageId));
  expect((png.buffer as unknown as Buffer).subarray(1, 4).toString()).toBe('PNG');
});

test('images des blocs (graphiques du plan) posées à leur ancre ; la vérification les ignore', async () => {
  // PNG 1 × 1 transparent.
  const png = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==', 'base64');
  const g = await genererSimulation(exemple('msp-sip'), BAREME_PAR_DEFAUT, {
    dateGeneration: DATE_GENERATION,
    images: [(d) => [{ png, ancre: `B${Number(d.plage.split(':')[1].replace(/[A-Z]+/, '')) + 2}`, largeurPx: 40, hauteurPx: 20, titre: 'essai' }]],
  });
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(g.fichier as unknown as ArrayBuffer);
  const images = wb.getWorksheet('Simulation')!.getImages();
  expect(images).toHaveLength(1);
  expect(images[0].range.tl.nativeCol).toBe(1);
  expect((await verifier(g.fichier)).rapport.ok).toBe(true);
});

describe('sip verify : aller-retour et retouches', () => {
  test('simulate → verify : tout concorde (moteur complet et évaluateur sans tableur)', async () => {
    const { lu, rapport } = await verifier(cds.fichier);
    expect(nonConformes(rapport)).toEqual([]);
    expect(rapport).toMatchObject({ ok: true, empreinte: { conforme: true }, bareme: { identique: true } });
    expect(rapport.resume.verifiees).toBe(cds.description.cellules.filter((c) => c.formule).length);
    expect(lu.provenance.scenario).toEqual(exemple('centre-de-sante'));
    // Le volet n'a pas HyperFormula : l'évaluateur sans tableur recalcule les appels SIP.* simples.
    const pur = verifierClasseur(lu.cellules, lu.provenance, BAREME_PAR_DEFAUT, { recalculer: recalculerSansTableur });
    expect(pur.ok).toBe(true);
    expect(pur.resume.verifiees - pur.resume.nonRecalculees).toBe(lu.cellules.filter((c) => c.formule?.includes('_xldudf_SIP_')).length);
  });

  test('valeur en cache retouchée : exactement cette cellule, « valeur_differente »', async () => {
    const l = ligne(cds, 'CAI — 2e versement');
    const f = await retoucher(cds.fichier, (wb) => {
      const c = wb.getWorksheet('Simulation')!.getCell(`I${l}`);
      c.value = { formula: c.formula, result: 15000 } as ExcelJS.CellFormulaValue;
    });
    const { rapport } = await verifier(f);
    expect(rapport.ok).toBe(false);
    expect(nonConformes(rapport).map((c) => [c.adresse, c.constats])).toEqual([[`I${l}`, ['valeur_differente']]]);
    expect(nonConformes(rapport)[0]).toMatchObject({ valeurEnCache: 15000, valeurRecalculee: 35000 });
    expect(rapport.empreinte.conforme).toBe(true);
    expect(rapport.bareme.identique).toBe(true);
  });

  test('formule modifiée à la main (valeur en cache cohérente, comme Excel l’enregistre) : « formule_modifiee » seulement', async () => {
    const l = ligne(cds, 'CAI — 2e versement');
    const etp = ligne(cds, 'Total ETP');
    const contrat = ligne(cds, 'CAI');
    const f = await retoucher(cds.fichier, (wb) => {
      wb.getWorksheet('Simulation')!.getCell(`I${l}`).value = { formula: `_xldudf_SIP_CAI($B$${etp},2,$B$${contrat})*2`, result: 0 } as ExcelJS.CellFormulaValue;
      recalculerCommeExcel(wb);
    });
    const { rapport } = await verifier(f);
    const ecarts = nonConformes(rapport);
    // Le montant retouché se propage aux sommes : elles restent des formules conformes, seule la formule modifiée est signalée.
    expect(ecarts.map((c) => [c.adresse, c.constats])).toEqual([[`I${l}`, ['formule_modifiee']]]);
    expect(ecarts[0].message).toBe(`formule modifiée à la main : =SIP.CAI($B$${etp},2,$B$${contrat})*2 au lieu de =SIP.CAI($B$${etp},2,$B$${contrat})`);
    expect(rapport.empreinte.conforme).toBe(true);
  });

  test('donnée d’entrée modifiée dans la feuille (puis recalculée par Excel) : « entree_modifiee » seulement', async () => {
    const l = ligne(cds, 'Médecin 3');
    const f = await retoucher(cds.fichier, (wb) => {
      wb.getWorksheet('Simulation')!.getCell(`B${l}`).value = 0.8;
      recalculerCommeExcel(wb);
    });
    const { rapport } = await verifier(f);
    expect(nonConformes(rapport).map((c) => [c.adresse, c.constats, c.message])).toEqual([
      [`B${l}`, ['entree_modifiee'], 'donnée d’entrée sim_med3_quotite modifiée dans la feuille : 0,8 au lieu de 0,6 (scénario de la provenance)'],
    ]);
    expect(rapport.ok).toBe(false);
    expect(rapport.resume.entreesModifiees).toBe(1);
  });

  test('formule remplacée par une valeur : « formule_modifiee »', async () => {
    const l = ligne(cds, 'CAI — 2e versement');
    const etp = ligne(cds, 'Total ETP');
    const f = await retoucher(cds.fichier, (wb) => {
      wb.getWorksheet('Simulation')!.getCell(`I${l}`).value = 40000;
      recalculerCommeExcel(wb);
    });
    const ecarts = nonConformes((await verifier(f)).rapport);
    expect(ecarts.map((c) => [c.adresse, c.constats, c.message])).toEqual([[`I${l}`, ['formule_modifiee'], `formule =SIP.CAI($B$${etp},2,$B$${ligne(cds, 'CAI')}) remplacée par la valeur 40000`]]);
  });

  test('barème embarqué retouché : empreinte non conforme, paramètre nommé, cellules recalculées différentes', async () => {
    const f = await retoucher(cds.fichier, (wb) => modifierBaremeEmbarque(wb, (b) => {
      b.parametres.find((p) => p.id === 'cai.montant_etp_tranche1')!.valeurs[0].valeur = '31000';
    }));
    const { rapport } = await verifier(f);
    expect(rapport.ok).toBe(false);
    expect(rapport.empreinte.conforme).toBe(false);
    expect(rapport.bareme.differences.map((d) => [d.id, d.nature])).toEqual([['cai.montant_etp_tranche1', 'modifie']]);
    expect(rapport.bareme.differences[0].detail).toMatch(/classeur : 31000 .* → courant : 30000/);
    const l = ligne(cds, 'CAI — 2e versement');
    // Recalculé avec le barème embarqué (31 000 € pour le 1er ETP) : (31 000 + 1,6 × 25 000) / 2 = 35 500 € ≠ 35 000 € en cache.
    expect(rapport.bareme.cellulesAffectees).toEqual(expect.arrayContaining([`I${l}`]));
    const ecarts = nonConformes(rapport);
    // Les constantes calculées avec le barème (sensibilité de la synthèse) ne correspondent plus non plus.
    expect(ecarts.every((c) => ['valeur_differente', 'constante_modifiee'].includes(c.constats.join()))).toBe(true);
    expect(ecarts.some((c) => c.constats.join() === 'constante_modifiee')).toBe(true);
    expect(ecarts.find((c) => c.adresse === `I${l}`)).toMatchObject({ valeurEnCache: 35000, valeurRecalculee: 35500 });
  });

  test('barème courant plus récent que le barème embarqué : différence signalée, classeur intact', async () => {
    const courant: Bareme = structuredClone(BAREME_PAR_DEFAUT);
    courant.version = '2027.01-1';
    courant.parametres.find((p) => p.id === 'cai.plafond')!.valeurs[0].au = '2026-12-31';
    courant.parametres.find((p) => p.id === 'cai.plafond')!.valeurs.push({ valeur: '90000', du: '2027-01-01', au: null, statut: 'confirme', source: { document: 'test', section: 'test' } });
    const { rapport } = await verifier(cds.fichier, courant);
    expect(nonConformes(rapport)).toEqual([]);
    expect(rapport.empreinte.conforme).toBe(true);
    expect(rapport.bareme.differences.map((d) => d.id)).toEqual(['cai.plafond']);
    expect(rapport.bareme.differences[0].detail).toMatch(/nouvelle période dans le barème courant : 90000 \(du 2027-01-01/);
    expect(rapport.ok).toBe(false);
  });

  test('classeur enregistré à la manière d’Excel : formules partagées, `_xlfn.`, minuscules, valeurs en cache', async () => {
    const m1 = ligne(cds, 'Mois du contrat') + 1;
    const q = ligne(cds, 'Médecin 3');
    const f = await retoucher(cds.fichier, (wb) => {
      const ws = wb.getWorksheet('Simulation')!;
      // Excel factorise les formules recopiées d'une colonne en formule partagée (maître + esclaves).
      for (const col of ['D', 'E']) {
        for (let l = m1 + 1; l < m1 + 6; l++) {
          const c = ws.getCell(`${col}${l}`);
          c.value = { sharedFormula: `${col}${m1}`, result: c.result } as unknown as ExcelJS.CellValue;
        }
      }
      const s = ws.getCell(`D${m1}`);
      s.value = { formula: `_xldudf_sip_seuil400(A${m1}, $B$${q},B${m1})`, result: s.result } as ExcelJS.CellFormulaValue;
      const e = ws.getCell(`E${m1}`);
      e.value = { formula: `_xlfn._xldudf_SIP_PLAFOND400($B$${q},B${m1})`, result: e.result } as ExcelJS.CellFormulaValue;
    });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(f as unknown as ArrayBuffer);
    expect(wb.getWorksheet('Simulation')!.getCell(`E${m1 + 3}`).formulaType).toBe(ExcelJS.FormulaType.Shared);
    const { rapport } = await verifier(f);
    expect(nonConformes(rapport)).toEqual([]);
    expect(rapport.ok).toBe(true);
  });

  test('scénario embarqué corrompu : erreur claire, pas de plantage', async () => {
    const f = await retoucher(cds.fichier, (wb) => {
      const c = wb.getWorksheet('_sip_provenance')!.getCell('B8');
      const s = JSON.parse(String(c.value));
      s.medecins[0].quotite = -1;
      c.value = JSON.stringify(s);
    });
    const lu = await lireClasseur(f);
    expect(lu.simulations).toEqual([]);
    expect(lu.erreurs).toEqual([expect.stringMatching(/^_sip_provenance : scénario embarqué invalide \(.*quotit.*\]0 ; 1\].*-1/)]);
  });

  test('classeur sans provenance : erreur claire', async () => {
    const f = await retoucher(cds.fichier, (wb) => wb.removeWorksheet(wb.getWorksheet('_sip_provenance')!.id));
    const lu = await lireClasseur(f);
    expect(lu.simulations).toEqual([]);
    expect(lu.erreurs[0]).toMatch(/aucune feuille de provenance/);
  });
});

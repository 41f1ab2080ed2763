// Classeurs partageables : valeurs en cache contrôlées à la main, aller-retour simulate → verify,
// retouches détectées exactement, classeur « à la manière d'Excel » (formules partagées).
import ExcelJS from 'exceljs';
import { BAREME_PAR_DEFAUT } from '../../src/rules/bareme/donnees';
import { Bareme } from '../../src/rules/bareme/types';
import { genererSimulation, SimulationGeneree } from '../../src/workbook/exceljs/simulation';
import { lireClasseur, recalculerAvecMoteur } from '../../src/workbook/exceljs/lire';
import { recalculerSansTableur, verifierClasseur } from '../../src/workbook/verification';
import { DATE_GENERATION, exemple, ligneDuLibelle, recalculerCommeExcel, retoucher } from './aides';

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

describe('valeurs calculées de l’exemple « centre de santé » (contrôlées à la main)', () => {
  test('CAI : 2,6 ETP → 30 000 + 1,6 × 25 000 = 70 000 €, deux versements de 35 000 €', () => {
    expect(val(cds, 'B20')).toBe(2.6);
    expect(val(cds, `B${ligne(cds, 'CAI — montant total')}`)).toBe(70000);
    expect(val(cds, `B${ligne(cds, 'CAI — 1er versement')}`)).toBe(35000);
    expect(val(cds, `C${ligne(cds, 'CAI — 2e versement')}`)).toBe(35000);
  });
  test('COSCO : 2,6 ETP × 5 000 € = 13 000 € en années 2 et 3, rien en année 1 (centre créé le 01/09/2025)', () => {
    const l = ligne(cds, 'COSCO');
    expect([val(cds, `B${l}`), val(cds, `C${l}`), val(cds, `D${l}`), val(cds, `E${l}`)]).toEqual([undefined, 13000, 13000, 26000]);
  });
  test('400 postes à 60 % : plafond 5 442 €, seuils 60 puis 99, garantie 5 442 − 3 500 = 1 942 €, congé (23 200 − 9 600) / 4 = 3 400 € par mois', () => {
    const m1 = ligne(cds, 'Mois du contrat') + 1;
    expect([val(cds, `C${m1}`), val(cds, `C${m1 + 2}`), val(cds, `C${m1 + 3}`)]).toEqual([60, 60, 99]);
    expect(val(cds, `D${m1}`)).toBe(5442);
    expect(val(cds, `H${m1}`)).toBe(1942);
    expect(val(cds, `I${m1 + 6}`)).toBe(3400); // mois 7 : congé
    expect(val(cds, `J${m1 + 6}`)).toBe(3400);
    expect(val(cds, `J${m1 + 10}`)).toBe(1942); // mois 11 : reprise
    const v = ligne(cds, '400 postes — Médecin 3');
    // Année 1 : 8 × 1 942 + 4 × 3 400 = 29 136 € ; année 2 : 12 × 1 942 = 23 304 €.
    expect([val(cds, `B${v}`), val(cds, `C${v}`), val(cds, `E${v}`)]).toEqual([29136, 23304, 52440]);
  });
  test('ACI : (2 500 + 1 700 × 5 000 / 4 000) × 7 € = 32 375 €, avance 60 % = 19 425 €, solde 12 950 € en n+1', () => {
    expect(val(cds, `B${ligne(cds, 'ACI — rémunération annuelle')}`)).toBe(32375);
    expect(val(cds, 'B37')).toBe(true);
    const a = ligne(cds, 'ACI — avance');
    expect([val(cds, `B${a}`), val(cds, `B${a + 1}`), val(cds, `C${a + 1}`)]).toEqual([19425, undefined, 12950]);
  });
  test('totaux par financeur et par année ; l’échéancier totalise la même somme', () => {
    const cpam = ligne(cds, 'Total Assurance maladie');
    const ars = ligne(cds, 'Total ARS');
    const total = ligne(cds, 'Total des aides');
    // CPAM : 35 000 + 19 425 ; 35 000 + 13 000 + 19 425 + 12 950 ; 13 000 + 19 425 + 12 950.
    expect(['B', 'C', 'D', 'E'].map((c) => val(cds, `${c}${cpam}`))).toEqual([54425, 80375, 45375, 180175]);
    expect(['B', 'C', 'D', 'E'].map((c) => val(cds, `${c}${ars}`))).toEqual([29136, 23304, 0, 52440]);
    expect(val(cds, `E${total}`)).toBe(232615);
    const ech = cds.description.cellules.find((c) => c.valeur === 'Total de l’échéancier (égal au total des aides)');
    expect(val(cds, `E${Number(ech!.adresse.slice(1))}`)).toBe(232615);
  });
  test('MSP : plafond SIP 15 000 + 12 × 1 000 = 27 000 €, aide = min(40 000 ; 27 000), 80/20 ; ACI 24 850 €', () => {
    expect(val(msp, `B${ligne(msp, 'SIP — plafond')}`)).toBe(27000);
    expect(val(msp, `B${ligne(msp, 'SIP — aide accordée')}`)).toBe(27000);
    expect(val(msp, `B${ligne(msp, 'SIP — 1er versement')}`)).toBe(21600);
    expect(val(msp, `B${ligne(msp, 'SIP — solde')}`)).toBe(5400);
    expect(val(msp, `B${ligne(msp, 'ACI — rémunération annuelle')}`)).toBe(24850);
    expect(val(msp, `E${ligne(msp, 'Total Assurance maladie')}`) ?? val(msp, `D${ligne(msp, 'Total Assurance maladie')}`)).toBe(14910 + 14910 + 9940);
  });
});

test('CST hors ZIP : 10 % × 120 000 € = 12 000 € par an (1 ETP) ; 10 % × 250 000 € plafonné à 20 000 € × 0,6 ETP = 12 000 €', async () => {
  const s = exemple('centre-de-sante');
  s.centre.zone = 'HZ';
  Object.assign(s.medecins[0], { joursCstParAn: 12, honorairesCstAnnuels: 120000 });
  Object.assign(s.medecins[2], { joursCstParAn: 10, honorairesCstAnnuels: 250000 });
  const g = await genererSimulation(s, BAREME_PAR_DEFAUT, { dateGeneration: DATE_GENERATION });
  const l1 = ligne(g, 'CST — Médecin 1');
  const l3 = ligne(g, 'CST — Médecin 3');
  expect(['B', 'C', 'D', 'E'].map((c) => val(g, `${c}${l1}`))).toEqual([12000, 12000, 12000, 36000]);
  expect(['B', 'C', 'D', 'E'].map((c) => val(g, `${c}${l3}`))).toEqual([12000, 12000, 12000, 36000]);
  expect(() => ligne(g, 'CST — Médecin 2')).toThrow(); // 0 jour : pas de ligne
  // Hors zone : ni CAI, ni COSCO, ni 400 postes ; total CPAM = CST + ACI.
  expect(val(g, `E${ligne(g, 'Total ARS')}`)).toBe(0);
  expect(val(g, `E${ligne(g, 'Total Assurance maladie')}`)).toBe(72000 + 58275 + 25900);
});

describe('fichier écrit par exceljs', () => {
  test('formules `_xldudf_SIP_…` avec valeurs en cache, formats, noms, provenance masquée', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(cds.fichier as unknown as ArrayBuffer);
    const ws = wb.getWorksheet('Simulation')!;
    const l = ligne(cds, 'CAI — 1er versement');
    expect(ws.getCell(`B${l}`).formula).toBe('_xldudf_SIP_CAI($B$20,1,$B$13)');
    expect(ws.getCell(`B${l}`).result).toBe(35000);
    expect(ws.getCell(`B${l}`).numFmt).toBe('#,##0.00 "€"');
    expect(ws.getCell('B13').numFmt).toBe('dd/mm/yyyy');
    expect(wb.definedNames.getRanges('sim_debut').ranges).toEqual(['Simulation!$B$13']);
    expect(ws.getColumn('A').width).toBe(46);
    const prov = wb.getWorksheet('_sip_provenance')!;
    expect(prov.state).toBe('hidden');
    expect(prov.getCell('A5').value).toBe('empreinte_sha256');
    expect(prov.getCell('B5').value).toBe(cds.provenance.empreinte);
    const bareme = JSON.parse(String(prov.getCell('B9').value)) as Bareme;
    expect(bareme).toEqual(BAREME_PAR_DEFAUT);
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
    const l = ligne(cds, 'COSCO');
    const f = await retoucher(cds.fichier, (wb) => {
      const c = wb.getWorksheet('Simulation')!.getCell(`C${l}`);
      c.value = { formula: c.formula, result: 15000 } as ExcelJS.CellFormulaValue;
    });
    const { rapport } = await verifier(f);
    expect(rapport.ok).toBe(false);
    expect(nonConformes(rapport).map((c) => [c.adresse, c.constats])).toEqual([[`C${l}`, ['valeur_differente']]]);
    expect(nonConformes(rapport)[0]).toMatchObject({ valeurEnCache: 15000, valeurRecalculee: 13000 });
    expect(rapport.empreinte.conforme).toBe(true);
    expect(rapport.bareme.identique).toBe(true);
  });

  test('formule modifiée à la main (valeur en cache cohérente, comme Excel l’enregistre) : « formule_modifiee » seulement', async () => {
    const l = ligne(cds, 'CAI — 1er versement');
    const f = await retoucher(cds.fichier, (wb) => {
      wb.getWorksheet('Simulation')!.getCell(`B${l}`).value = { formula: '_xldudf_SIP_CAI($B$20,1,$B$13)*2', result: 0 } as ExcelJS.CellFormulaValue;
      recalculerCommeExcel(wb);
    });
    const { rapport } = await verifier(f);
    const ecarts = nonConformes(rapport);
    expect(ecarts.map((c) => [c.adresse, c.constats])).toEqual([[`B${l}`, ['formule_modifiee']]]);
    expect(ecarts[0].message).toBe(`formule modifiée à la main : =SIP.CAI($B$20,1,$B$13)*2 au lieu de =SIP.CAI($B$20,1,$B$13)`);
    expect(rapport.empreinte.conforme).toBe(true);
  });

  test('donnée d’entrée modifiée dans la feuille (puis recalculée par Excel) : « entree_modifiee » seulement', async () => {
    const f = await retoucher(cds.fichier, (wb) => {
      wb.getWorksheet('Simulation')!.getCell('B19').value = 0.8;
      recalculerCommeExcel(wb);
    });
    const { rapport } = await verifier(f);
    expect(nonConformes(rapport).map((c) => [c.adresse, c.constats, c.message])).toEqual([
      ['B19', ['entree_modifiee'], 'donnée d’entrée sim_med3_quotite modifiée dans la feuille : 0,8 au lieu de 0,6 (scénario de la provenance)'],
    ]);
    expect(rapport.ok).toBe(false);
    expect(rapport.resume.entreesModifiees).toBe(1);
  });

  test('formule remplacée par une valeur : « formule_modifiee »', async () => {
    const l = ligne(cds, 'CAI — 2e versement');
    const f = await retoucher(cds.fichier, (wb) => {
      wb.getWorksheet('Simulation')!.getCell(`C${l}`).value = 40000;
      recalculerCommeExcel(wb);
    });
    const ecarts = nonConformes((await verifier(f)).rapport);
    expect(ecarts.map((c) => [c.adresse, c.constats, c.message])).toEqual([[`C${l}`, ['formule_modifiee'], 'formule =SIP.CAI($B$20,2,$B$13) remplacée par la valeur 40000']]);
  });

  test('barème embarqué retouché : empreinte non conforme, paramètre nommé, cellules recalculées différentes', async () => {
    const f = await retoucher(cds.fichier, (wb) => {
      const c = wb.getWorksheet('_sip_provenance')!.getCell('B9');
      const b = JSON.parse(String(c.value)) as Bareme;
      b.parametres.find((p) => p.id === 'cosco.montant_etp_an')!.valeurs[0].valeur = '6000';
      c.value = JSON.stringify(b);
    });
    const { rapport } = await verifier(f);
    expect(rapport.ok).toBe(false);
    expect(rapport.empreinte.conforme).toBe(false);
    expect(rapport.bareme.differences.map((d) => [d.id, d.nature])).toEqual([['cosco.montant_etp_an', 'modifie']]);
    expect(rapport.bareme.differences[0].detail).toMatch(/classeur : 6000 .* → courant : 5000/);
    const l = ligne(cds, 'COSCO');
    // Recalculé avec le barème embarqué (6 000 €/ETP) : 15 600 € ≠ 13 000 € en cache.
    expect(rapport.bareme.cellulesAffectees).toEqual(expect.arrayContaining([`C${l}`, `D${l}`]));
    const ecarts = nonConformes(rapport);
    expect(ecarts.every((c) => c.constats.join() === 'valeur_differente')).toBe(true);
    expect(ecarts.find((c) => c.adresse === `C${l}`)).toMatchObject({ valeurEnCache: 13000, valeurRecalculee: 15600 });
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
    const f = await retoucher(cds.fichier, (wb) => {
      const ws = wb.getWorksheet('Simulation')!;
      // Excel factorise les formules recopiées d'une colonne en formule partagée (maître + esclaves).
      for (const col of ['B', 'C', 'D']) {
        for (let l = m1 + 1; l < m1 + 6; l++) {
          const c = ws.getCell(`${col}${l}`);
          c.value = { sharedFormula: `${col}${m1}`, result: c.result } as unknown as ExcelJS.CellValue;
        }
      }
      const d = ws.getCell(`B${m1}`);
      d.value = { formula: `_xlfn.EDATE($F$19, A${m1}-1)`, result: d.result } as ExcelJS.CellFormulaValue;
      const g = ws.getCell(`H${m1}`);
      g.value = { formula: `_xldudf_sip_garantie400(E${m1},F${m1},$B$19,B${m1})`, result: g.result } as ExcelJS.CellFormulaValue;
    });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(f as unknown as ArrayBuffer);
    expect(wb.getWorksheet('Simulation')!.getCell(`C${m1 + 3}`).formulaType).toBe(ExcelJS.FormulaType.Shared);
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
    expect(lu.erreurs).toEqual(['_sip_provenance : scénario embarqué invalide (medecins[0].quotite : nombre dans ]0 ; 1] attendu (reçu : -1))']);
  });

  test('classeur sans provenance : erreur claire', async () => {
    const f = await retoucher(cds.fichier, (wb) => wb.removeWorksheet(wb.getWorksheet('_sip_provenance')!.id));
    const lu = await lireClasseur(f);
    expect(lu.simulations).toEqual([]);
    expect(lu.erreurs[0]).toMatch(/aucune feuille de provenance/);
  });
});

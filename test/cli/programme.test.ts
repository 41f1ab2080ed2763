// `sip programme` : sortie texte et JSON sur le fichier d'exemple (valeurs calculées à la main),
// classeur « Programme SIP » (formules _xldudf_ avec valeurs en cache, recalculées par le moteur),
// lecture d'un classeur de candidatures, erreurs d'entrée.
import ExcelJS from 'exceljs';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { main } from '../../src/cli/main';
import { Io } from '../../src/cli/io';
import { creerClasseur, valeurCellule } from '../../src/formules/moteur';
import { FORMATS_EXCEL } from '../../src/workbook/description';
import { AUJOURDHUI } from '../aide-test';

const RACINE = path.join(__dirname, '../..');
const EXEMPLE = 'examples/candidatures-sip.json';
const txt = (t: string) => t.replace(/\u00a0/g, ' ');

async function lancer(...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const io: Io = { out: (t) => out.push(...txt(t).split('\n')), err: (t) => err.push(...txt(t).split('\n')), cwd: RACINE, aujourdhui: AUJOURDHUI };
  const code = await main(['programme', ...argv], io);
  return { code, out, err, texte: out.join('\n') };
}

const dossier = fs.mkdtempSync(path.join(os.tmpdir(), 'sip-programme-'));
afterAll(() => fs.rmSync(dossier, { recursive: true, force: true }));

describe('sip programme sur le fichier d’exemple (enveloppe 250 000 €)', () => {
  test('tableau français : rang, MSP, éligibilité, aide, 80 %, 20 %, décision ; totaux', async () => {
    const r = await lancer(EXEMPLE, '--enveloppe', '250000');
    expect(r.code).toBe(0);
    const ligne = (nom: string) => r.out.find((l) => l.includes(` ${nom} `))!.trim().replace(/\s{2,}/g, ' | ');
    expect(r.out[0]).toBe('Programme SIP 2023 — enveloppe 250 000,00 € ; financement partiel : non ; sites : sans limite');
    expect(r.out[3]).toMatch(/^Rang\s+MSP\s+Éligible\s+Aide\s+80 % novembre 2023\s+20 % mai 2024\s+Décision$/);
    expect(ligne('MSP de Carhaix')).toBe('1 | MSP de Carhaix | oui | 34 000,00 € | 27 200,00 € | 6 800,00 € | financée');
    expect(ligne('MSP de Pontivy')).toBe('4 | MSP de Pontivy | oui | 22 500,57 € | 18 000,46 € | 4 500,11 € | financée');
    expect(ligne('MSP de Vitré')).toBe('8 | MSP de Vitré | oui | 33 000,00 € | liste d’attente n° 1');
    expect(ligne('MSP de Dinan')).toBe('9 | MSP de Dinan | oui | 19 000,00 € | 15 200,00 € | 3 800,00 € | financée');
    expect(ligne('MSP de Paimpol')).toBe('— | MSP de Paimpol | non : projet de santé, logiciel | 26 000,00 € | non éligible');
    expect(r.texte).toContain('Candidatures : 14 ; éligibles : 10 ; financées : 8 ; financées partiellement : 0 ; liste d’attente : 2 ; non éligibles : 4');
    expect(r.texte).toContain('Demande éligible : 285 500,57 € ; attribué : 240 500,57 € ; reste de l’enveloppe : 9 499,43 €');
    expect(r.texte).toMatch(/novembre 2023\s+192 400,46 €/);
    expect(r.texte).toMatch(/mai 2024\s+48 100,11 €/);
    expect(r.texte).toMatch(/\n {2}2023\s+192 400,46 €\n {2}2024\s+48 100,11 €/);
    expect(r.texte).toContain('8. MSP de Vitré : aide 33 000,00 € > reste de l’enveloppe 28 499,43 € : liste d’attente');
    expect(r.texte).toContain('[hypothèse] sip.plafond.base = 15000 €');
    expect(r.texte).toContain('⚠ Hypothèse : les aides reposent sur des chiffres non publiés');
  });

  test('--json : montants exacts au centime, mois des versements', async () => {
    const r = await lancer(EXEMPLE, '--enveloppe', '250000', '--json');
    expect(r.code).toBe(0);
    const j = JSON.parse(r.texte);
    expect(j.lignes.map((l: { rang: number | null; nom: string }) => l.rang ?? '—').join(',')).toBe('1,2,3,4,5,6,7,8,9,10,—,—,—,—');
    expect(j.lignes[3]).toMatchObject({
      nom: 'MSP de Pontivy',
      aide: 22500.57,
      decision: 'financee',
      versementConvention: { montant: 18000.46, mois: '2023-11' },
      versementSolde: { montant: 4500.11, mois: '2024-05' },
    });
    expect(j.totaux).toMatchObject({ attribue: 240500.57, resteEnveloppe: 9499.43, parAnnee: [{ annee: 2023, total: 192400.46 }, { annee: 2024, total: 48100.11 }] });
  });

  test('--partiel : la MSP de Vitré reçoit le reste (28 499,43 €), Dinan et Redon attendent', async () => {
    const j = JSON.parse((await lancer(EXEMPLE, '--enveloppe', '250000', '--partiel', '--json')).texte);
    const vitre = j.lignes.find((l: { nom: string }) => l.nom === 'MSP de Vitré');
    // 80 % × 28 499,43 = 22 799,544 → 22 799,54 ; solde 5 699,89.
    expect(vitre).toMatchObject({ decision: 'partielle', montantAttribue: 28499.43, versementConvention: { montant: 22799.54 }, versementSolde: { montant: 5699.89 } });
    expect(j.lignes.filter((l: { decision: string }) => l.decision === 'attente').map((l: { nom: string }) => l.nom)).toEqual(['MSP de Dinan', 'MSP de Redon']);
    expect(j.totaux.parMois).toEqual([
      { mois: '2023-11', convention: 200000, solde: 0, total: 200000 },
      { mois: '2024-05', convention: 0, solde: 50000, total: 50000 },
    ]);
  });

  test('--max-sites 5', async () => {
    const j = JSON.parse((await lancer(EXEMPLE, '--enveloppe', '250000', '--max-sites', '5', '--json')).texte);
    expect(j.totaux).toMatchObject({ nbFinancees: 5, nbAttente: 5, attribue: 136500.57 });
    expect(j.totaux.parMois.map((m: { total: number }) => m.total)).toEqual([109200.46, 27300.11]);
  });
});

describe('sip programme -o : la feuille « Programme SIP »', () => {
  const sortie = path.join(dossier, 'programme.xlsx');
  let ws: ExcelJS.Worksheet;
  beforeAll(async () => {
    const r = await lancer(EXEMPLE, '--enveloppe', '250000', '-o', sortie);
    expect(r.code).toBe(0);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(sortie);
    ws = wb.getWorksheet('Programme SIP')!;
  });

  test('aides en formules _xldudf_SIP_AIDE avec valeur en cache, format français en euros', () => {
    expect(ws.getCell('A15').value).toBe(1);
    expect(ws.getCell('B15').value).toBe('MSP de Carhaix');
    expect(ws.getCell('L15').value).toEqual({ formula: '_xldudf_SIP_AIDE(D15,C15,$B$9)', result: 34000 });
    expect(ws.getCell('L15').numFmt).toBe('#,##0.00 "€"');
    expect(ws.getCell('O18').value).toEqual({ formula: '_xldudf_SIP_VERSEMENT(N18,1,$B$9)', result: 18000.46 });
    expect(ws.getCell('Q18').value).toEqual({ formula: '_xldudf_SIP_VERSEMENT(N18,2,$B$9)', result: 4500.11 });
    expect(ws.getCell('P18').value).toBe('novembre 2023');
    expect(ws.getCell('R18').value).toBe('mai 2024');
    expect(ws.getCell('M22').value).toBe('liste d’attente n° 1');
    expect(ws.getCell('K25').value).toBe('non éligible : projet de santé non validé');
    expect(ws.getCell('B6').value).toBe(250000);
    expect(ws.getCell('B6').numFmt).toBe(FORMATS_EXCEL.euros);
    expect(ws.getCell('B9').numFmt).toBe('dd/mm/yyyy');
  });

  test('totaux par mois et par année en formules natives avec valeurs en cache', () => {
    const cellules: Record<string, unknown> = {};
    ws.eachRow((row) => row.eachCell((c) => (cellules[c.address] = c.value)));
    const parLibelle = (libelle: string | number, col: string) => {
      const adresse = Object.keys(cellules).find((a) => a.startsWith('A') && cellules[a] === libelle)!;
      return cellules[`${col}${adresse.slice(1)}`] as { formula: string; result: number };
    };
    expect(parLibelle('novembre 2023', 'B')).toEqual({ formula: 'SUMIF($P$15:$P$28,A42,$O$15:$O$28)', result: 192400.46 });
    expect(parLibelle('mai 2024', 'C').result).toBe(48100.11);
    expect(parLibelle(2024, 'B')).toEqual({ formula: 'SUM(D43)', result: 48100.11 });
    expect(parLibelle('Reste de l’enveloppe', 'D')).toEqual({ formula: 'B6-N29', result: 9499.43 });
    expect(parLibelle('Liste d’attente', 'D')).toEqual({ formula: 'COUNTIF(M15:M28,"liste d’attente*")', result: 2 });
  });

  test('recalculé par le moteur (sans tableur), chaque formule redonne sa valeur en cache', () => {
    const lignes: (string | number | boolean | null)[][] = [];
    const attendues: { r: number; c: number; v: number }[] = [];
    ws.eachRow((row, r) =>
      row.eachCell((cell, c) => {
        lignes[r - 1] ??= [];
        const v = cell.value as ExcelJS.CellValue;
        if (v && typeof v === 'object' && 'formula' in v) {
          lignes[r - 1][c - 1] = `=${v.formula}`;
          // exceljs relit <v>0</v> comme un résultat absent : le fichier contient bien 0.
          attendues.push({ r: r - 1, c: c - 1, v: (v.result as number | undefined) ?? 0 });
        } else lignes[r - 1][c - 1] = (v as string | number | boolean | null) ?? null;
      }),
    );
    for (let i = 0; i < lignes.length; i++) lignes[i] = Array.from(lignes[i] ?? [], (x) => x ?? null);
    const hf = creerClasseur({ 'Programme SIP': lignes }, { locale: 'en-US', aujourdhui: AUJOURDHUI });
    expect(attendues.length).toBeGreaterThan(50);
    for (const a of attendues) expect([a.r, a.c, valeurCellule(hf, 0, a.r, a.c)]).toEqual([a.r, a.c, a.v]);
    hf.destroy();
  });

  test('un fichier existant n’est pas remplacé sans --force', async () => {
    const r = await lancer(EXEMPLE, '--enveloppe', '250000', '-o', sortie);
    expect(r.code).toBe(2);
    expect(r.err[0]).toBe(`sip programme : ${sortie} existe déjà ; ajoutez --force pour le remplacer`);
    expect((await lancer(EXEMPLE, '--enveloppe', '250000', '-o', sortie, '--force')).code).toBe(0);
  });
});

describe('sip programme candidatures.xlsx', () => {
  async function classeur(lignes: unknown[][], nom = 'Candidatures'): Promise<string> {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet(nom);
    ws.addRow(['Candidatures SIP 2023']);
    for (const l of lignes) ws.addRow(l);
    const f = path.join(dossier, `candidatures-${Math.random().toString(36).slice(2)}.xlsx`);
    await wb.xlsx.writeFile(f);
    return f;
  }
  const ENTETES = ['MSP', 'Professionnels', 'Devis validés (€)', 'Projet de santé validé', 'ACI', 'Logiciel labellisé', 'Zone', 'Maturité', 'Date de candidature'];

  test('en-têtes français, booléens VRAI/FAUX ou oui/non, dates Excel : même classement que le JSON', async () => {
    const exemple = JSON.parse(fs.readFileSync(path.join(RACINE, EXEMPLE), 'utf8')).candidatures;
    const f = await classeur([
      ENTETES,
      ...exemple.map((c: Record<string, unknown>, i: number) => [
        c.nom,
        c.nbProfessionnels,
        c.montantDevis,
        i % 2 ? c.projetSanteValide : c.projetSanteValide ? 'oui' : 'non',
        c.aci === 'adherent' ? 'Adhérente' : c.aci,
        c.logicielLabellise,
        c.zone,
        c.maturite ?? null,
        c.dateCandidature ? new Date(`${c.dateCandidature}T00:00:00Z`) : null,
      ]),
      [],
    ]);
    const depuisXlsx = JSON.parse((await lancer(f, '--enveloppe', '250000', '--annee', '2023', '--json')).texte);
    const depuisJson = JSON.parse((await lancer(EXEMPLE, '--enveloppe', '250000', '--json')).texte);
    expect(depuisXlsx.lignes).toEqual(depuisJson.lignes);
    expect(depuisXlsx.totaux).toEqual(depuisJson.totaux);
  });

  test('le classeur d’exemple examples/candidatures-sip.xlsx donne le même programme que le JSON', async () => {
    const depuisXlsx = JSON.parse((await lancer('examples/candidatures-sip.xlsx', '--enveloppe', '250000', '--annee', '2023', '--json')).texte);
    const depuisJson = JSON.parse((await lancer(EXEMPLE, '--enveloppe', '250000', '--json')).texte);
    expect(depuisXlsx.lignes).toEqual(depuisJson.lignes);
    expect(depuisXlsx.totaux.attribue).toBe(240500.57);
  });

  test('erreurs : ligne de la feuille, colonne, attendu', async () => {
    const f = await classeur([ENTETES, ['MSP A', 12, 'trente mille', 'VRAI', 'adherent', 'VRAI', 'ZIP', null, null], ['MSP B', 0, 1000, 'VRAI', 'adherent', 'peut-être', 'ZIP']]);
    const r = await lancer(f, '--enveloppe', '250000');
    expect(r.code).toBe(1);
    expect(r.err).toEqual([
      'sip programme : Candidatures invalides (3 erreurs) :',
      'ligne 3 de la feuille « Candidatures », champ « Devis validés (€) (colonne C) » : montant en euros ≥ 0, au centime près attendu (reçu : « trente mille »)',
      'ligne 4 de la feuille « Candidatures », champ « Professionnels (colonne B) » : entier ≥ 1 attendu (reçu : 0)',
      'ligne 4 de la feuille « Candidatures », champ « Logiciel labellisé (colonne F) » : oui/non (VRAI/FAUX, true/false) attendu (reçu : « peut-être »)',
    ]);
  });

  test('colonne obligatoire absente', async () => {
    const f = await classeur([['MSP', 'Professionnels', 'Devis validés', 'ACI', 'Zone'], ['MSP A', 3, 1000, 'adherent', 'ZIP']]);
    const r = await lancer(f, '--enveloppe', '1000');
    expect(r.code).toBe(1);
    expect(r.err.slice(1)).toEqual([
      'ligne 2 de la feuille « Candidatures », champ « Projet de santé validé » : une colonne « Projet de santé validé » attendu (reçu : colonne absente)',
      'ligne 2 de la feuille « Candidatures », champ « Logiciel labellisé » : une colonne « Logiciel labellisé » attendu (reçu : colonne absente)',
    ]);
  });
});

describe('sip programme : erreurs d’usage et de données, sans sortie partielle', () => {
  test.each([
    [[EXEMPLE, '--enveloppe', '-5'], 2, 'sip programme : --enveloppe : montant en euros ≥ 0, au centime près, attendu (reçu : « -5 »)'],
    [[EXEMPLE, '--enveloppe', '1000', '--max-sites', '0'], 2, 'sip programme : --max-sites : entier entre 1 et 100 000 attendu (reçu : « 0 »)'],
    [[EXEMPLE, '--enveloppe', '1000', '--vite'], 2, 'sip programme : option inconnue : --vite ; options de sip programme : --enveloppe, --annee, --partiel, --max-sites, --date, -o (--sortie), --force, --json'],
    [[], 2, 'sip programme : fichier de candidatures attendu'],
    [['examples/absent.json', '--enveloppe', '1'], 2, 'sip programme : examples/absent.json : fichier introuvable'],
    [[EXEMPLE, '--enveloppe', '1000', '--annee', '2016'], 1, 'sip programme : #N/A date : aucune valeur du barème'],
  ])('%p', async (argv, code, message) => {
    const r = await lancer(...(argv as string[]));
    expect(r.code).toBe(code);
    expect(r.err[0]).toContain(message);
    expect(r.out).toEqual([]);
  });

  test('enveloppe absente du fichier et de la ligne de commande', async () => {
    const f = path.join(dossier, 'sans-enveloppe.json');
    fs.writeFileSync(f, JSON.stringify([{ nom: 'MSP A', nbProfessionnels: 3, montantDevis: 1000, projetSanteValide: true, aci: 'adherent', logicielLabellise: true, zone: 'ZIP' }]));
    const r = await lancer(f);
    expect(r.code).toBe(2);
    expect(r.err[0]).toContain('--enveloppe : enveloppe annuelle en euros attendue');
  });

  test('données invalides : code 1, aucun classeur écrit', async () => {
    const f = path.join(dossier, 'invalide.json');
    fs.writeFileSync(f, JSON.stringify({ candidatures: [{ nom: 'MSP A', nbProfessionnels: 3, montantDevis: 1000, projetSanteValide: true, aci: 'oui', logicielLabellise: true, zone: 'ZIP' }] }));
    const sortie = path.join(dossier, 'jamais.xlsx');
    const r = await lancer(f, '--enveloppe', '1000', '-o', sortie);
    expect(r.code).toBe(1);
    expect(r.err[1]).toBe('candidature n° 1 (ligne 1), champ « aci » : l’une des valeurs adherent, engagement, non attendu (reçu : « oui »)');
    expect(fs.existsSync(sortie)).toBe(false);
  });
});

// L'impression (issue 15, point 3) : chaque feuille écrite a sa mise en page (A4 paysage, une page de
// large, zone d'impression = plage générée, en-tête et pied de page en français), posée de la même
// façon par exceljs (relue ici) et par Office.js (faux Excel) ; aucun libellé coupé, les textes longs
// renvoyés à la ligne sur la largeur du tableau ; et le vrai compte : la simulation de
// examples/centre-de-sante.json exportée en PDF par LibreOffice tient en 8 pages au plus (33 avant).
import { execFileSync, spawnSync } from 'child_process';
import ExcelJS from 'exceljs';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as zlib from 'zlib';
import { BAREME_PAR_DEFAUT } from '../../src/rules/bareme/donnees';
import { lireFichierJson } from '../../src/rules/programme/lecture';
import { calculerProgramme } from '../../src/rules/programme/programme';
import { Feuille } from '../../src/workbook/feuille';
import { genererSimulation, type SimulationGeneree } from '../../src/workbook/exceljs/simulation';
import { codeEnTete, hauteurTexte, largeurPourTexte, miseEnPageA4, partiesEnTete, protegerEnTete } from '../../src/workbook/impression';
import { classeurProgramme } from '../../src/workbook/programme/ecrire-xlsx';
import { feuilleProgrammeEnFlux } from '../../src/workbook/programme/feuille-programme';
import { ecrireOffice, plagesRenvoi } from '../../src/workbook/office/ecrire.office';
import { creerFauxOffice, type FauxOffice } from '../browser/faux-office';
import { DATE_GENERATION, exemple, RACINE } from './aides';

function trouverSoffice(): string | null {
  const r = spawnSync('sh', ['-c', 'command -v soffice || command -v libreoffice'], { encoding: 'utf8' });
  return r.status === 0 && r.stdout.trim() ? r.stdout.trim() : null;
}
const soffice = trouverSoffice();
const enCI = !!process.env.CI;
const testLo = soffice || enCI ? test : test.skip;

/** Pages d'un PDF : les objets `/Type /Page` (et non l'arbre `/Pages`). */
const pagesPdf = (pdf: Buffer) => (pdf.toString('latin1').match(/\/Type\s*\/Page(?![a-z])/g) ?? []).length;
/** Formats de page du PDF (`/MediaBox`, points) : A4 paysage = 841,89 × 595,30. */
/** Taille (points) la plus fréquente du texte d'un PDF : les opérateurs « /F1 6.6 Tf » des flux décompressés. */
function tailleTextePdf(pdf: Buffer): number {
  const compte = new Map<number, number>();
  const texte = pdf.toString('latin1');
  for (const m of texte.matchAll(/stream\r?\n([\s\S]*?)\r?\nendstream/g)) {
    let flux: string;
    try {
      flux = zlib.inflateSync(Buffer.from(m[1], 'latin1')).toString('latin1');
    } catch {
      continue;
    }
    for (const t of flux.matchAll(/\/F\d+ ([\d.]+) Tf/g)) compte.set(Math.round(Number(t[1]) * 10) / 10, (compte.get(Math.round(Number(t[1]) * 10) / 10) ?? 0) + 1);
  }
  return [...compte].sort((a, b) => b[1] - a[1])[0]?.[0] ?? 0;
}

const formatsPdf = (pdf: Buffer) => [...new Set((pdf.toString('latin1').match(/\/MediaBox\s*\[[^\]]*\]/g) ?? []).map((m) => m.replace(/^\/MediaBox\s*\[\s*|\s*\]$/g, '').split(/\s+/).map((x) => Math.round(Number(x))).join(' ')))];

async function relire(b: Buffer): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(b as unknown as ArrayBuffer);
  return wb;
}

const programme = calculerProgramme(
  BAREME_PAR_DEFAUT,
  lireFichierJson(JSON.parse(fs.readFileSync(path.join(RACINE, 'examples', 'candidatures-sip.json'), 'utf8'))).candidatures,
  { annee: 2023, enveloppe: 250000 },
);

let g: SimulationGeneree;
let xlsxProgramme: Buffer;
beforeAll(async () => {
  g = await genererSimulation(exemple('centre-de-sante'), BAREME_PAR_DEFAUT, { dateGeneration: DATE_GENERATION });
  xlsxProgramme = await classeurProgramme(feuilleProgrammeEnFlux(programme, { dateGeneration: '2023-06-30' }));
});

describe('la mise en page commune', () => {
  test('miseEnPageA4 : paysage, une page de large, titre, sujet, date JJ/MM/AAAA, marges', () => {
    const m = miseEnPageA4({ titre: 'Simulation des financements', sujet: 'CDS de Carhaix', dateGeneration: '2026-11-23T10:00:00.000Z', lignesTitres: '4:4' });
    expect(m).toMatchObject({ orientation: 'paysage', pagesEnLargeur: 1, enteteGauche: 'Simulation des financements', entete: 'CDS de Carhaix', pied: 'Générée le 23/11/2026', lignesTitres: '4:4' });
    expect(m.marges).toEqual({ gauche: 1.2, droite: 1.2, haut: 1.9, bas: 1.9, entete: 0.8, pied: 0.8 });
  });

  test('en-tête et pied : « & » doublé (sinon code d’Excel), texte borné à 80 caractères, « page &P / &N » à droite', () => {
    expect(protegerEnTete('Maison de santé Dupont & Fils')).toBe('Maison de santé Dupont && Fils');
    expect(protegerEnTete('x'.repeat(200))).toHaveLength(80);
    const p = partiesEnTete(miseEnPageA4({ titre: 'Programme SIP 2023', sujet: 'Appel 2023', dateGeneration: '2023-06-30' }));
    expect(codeEnTete(p.entete)).toBe('&LProgramme SIP 2023&CAppel 2023');
    expect(codeEnTete(p.pied)).toBe('&LGénérée le 30/06/2023&Rpage &P / &N');
  });

  test('place d’un texte : un libellé de 16 caractères tient dans 14 à 20 caractères de colonne ; renvoyé sur 60, quatre lignes de 9 points', () => {
    // « Année de l’appel » : 16 caractères, dont 2 majuscules ou chiffres et 5 étroits.
    expect(largeurPourTexte('Année de l’appel')).toBeGreaterThanOrEqual(14);
    expect(largeurPourTexte('Année de l’appel')).toBeLessThanOrEqual(20);
    // 300 « a » en italique 9 points : 300 × 0,9 × 9/11 ≈ 221 unités, sur 58,5 utiles = 4 lignes de 11,7 points.
    expect(hauteurTexte('a'.repeat(300), 60, 'note')).toBe(Math.ceil(4 * 9 * 1.3 + 3));
  });
});

describe('Feuille : largeurs mesurées et textes longs', () => {
  test('la colonne des libellés prend la largeur du plus long libellé suivi d’une valeur ; un texte seul n’y compte pas', () => {
    const f = new Feuille();
    f.texte(1, 1, 'Une note très longue qui déborde à droite sans être coupée, seule sur sa ligne', 'note');
    f.texte(1, 2, 'Financement partiel autorisé', 'libelle');
    f.pose(2, 2, { valeur: true, format: 'booleen' });
    f.largeur(1, 7);
    f.ajusterLargeur(1, 34);
    const d = f.description('Essai');
    expect(d.colonnes[0].largeur).toBe(largeurPourTexte('Financement partiel autorisé', 'libelle'));
    expect(d.colonnes[0].largeur).toBeGreaterThan(20);
  });

  test('un libellé plus long que le maximum est renvoyé à la ligne, la colonne garde le maximum', () => {
    const f = new Feuille();
    f.texte(1, 1, 'Congé 400 postes — Médecin 3 (400 postes, 60 %), congé du 01/07/2026 au 31/10/2026 (5)', 'libelle');
    f.pose(2, 1, { valeur: 1, format: 'euros' });
    f.largeur(1, 20);
    f.ajusterLargeur(1, 30);
    const d = f.description('Essai');
    expect(d.colonnes[0].largeur).toBe(20);
    expect(d.cellules.find((c) => c.adresse === 'A1')?.renvoi).toBe(true);
  });

  test('un texte long au bout de sa ligne s’étend jusqu’à la dernière colonne du tableau, renvoyé, sa hauteur calculée', () => {
    const f = new Feuille();
    const motif = 'a'.repeat(400);
    f.texte(1, 1, 'Aide', 'libelle');
    f.texte(2, 1, motif, 'alerte');
    f.texte(1, 2, 'court', 'note');
    for (let c = 1; c <= 5; c++) f.largeur(c, 20);
    const d = f.description('Essai', { textesLongsJusqua: 5 });
    expect(d.fusions).toEqual(['B1:E1']);
    expect(d.cellules.find((c) => c.adresse === 'B1')?.renvoi).toBe(true);
    // 400 « a » en gras (alerte) : 400 × 0,9 × 1,07 ≈ 385 unités sur les 78,5 utiles de B:E (4 × 20) :
    // 5 lignes de 11 × 1,3 points, plus 3 (sur la seule colonne B, ce serait 21 lignes).
    expect(d.hauteurs).toEqual([{ ligne: 1, hauteur: Math.ceil(5 * 11 * 1.3 + 3) }]);
    expect(d.plage).toBe('A1:E2');
    // Le texte court tient dans sa colonne : ni fusion ni renvoi.
    expect(d.cellules.find((c) => c.adresse === 'A2')?.renvoi).toBeUndefined();
  });

  test('une saisie (jaune) et un titre de colonne parmi d’autres ne s’étendent jamais ; un texte long déjà fusionné est renvoyé', () => {
    const f = new Feuille();
    f.texte(1, 1, 'Nom du centre', 'libelle');
    f.pose(2, 1, { valeur: 'Centre de santé intercommunal des Monts d’Arrée et du Poher', format: 'texte', style: 'entree' });
    f.entetes(2, ['Médecin', 'Consultations par mois (vide : seuil 400 postes)']);
    f.texte(1, 3, 'COSCO', 'libelle');
    f.texte(2, 3, 'Non éligible : '.padEnd(120, 'motif '), 'alerte');
    f.fusion(2, 3, 3, 3);
    f.texte(4, 3, '(2)', 'note');
    for (let c = 1; c <= 5; c++) f.largeur(c, 10);
    const d = f.description('Essai', { textesLongsJusqua: 5 });
    expect(d.fusions).toEqual(['B3:C3']);
    const renvoi = (a: string) => d.cellules.find((c) => c.adresse === a)?.renvoi;
    expect([renvoi('B1'), renvoi('B2'), renvoi('B3')]).toEqual([undefined, undefined, true]);
    expect(d.hauteurs?.map((h) => h.ligne)).toEqual([3]);
  });
});

/** Ce que toute feuille visible écrite doit porter. */
function verifierMiseEnPage(ws: ExcelJS.Worksheet, plage: string): void {
  const p = ws.pageSetup;
  expect({ nom: ws.name, orientation: p.orientation, papier: p.paperSize, ajuste: p.fitToPage, large: p.fitToWidth, haut: p.fitToHeight })
    .toEqual({ nom: ws.name, orientation: 'landscape', papier: 9, ajuste: true, large: 1, haut: 0 });
  expect(p.printArea?.replace(/\$/g, '')).toBe(plage);
  expect(p.margins?.left).toBeCloseTo(1.2 / 2.54, 2);
  expect(ws.headerFooter.oddFooter).toMatch(/&Rpage &P \/ &N$/);
}

describe('classeur de simulation écrit par exceljs', () => {
  test('chaque feuille visible a sa mise en page ; en-tête : le centre ; pied : la date de génération', async () => {
    const wb = await relire(g.fichier);
    const visibles = wb.worksheets.filter((ws) => ws.state !== 'hidden');
    expect(visibles.map((ws) => ws.name)).toEqual(['Simulation', 'Barème']);
    verifierMiseEnPage(wb.getWorksheet('Simulation')!, g.description.plage);
    verifierMiseEnPage(wb.getWorksheet('Barème')!, g.feuilleBareme.plage);
    const sim = wb.getWorksheet('Simulation')!;
    expect(sim.headerFooter.oddHeader).toBe('&LSimulation des financements&CCentre de santé des Monts d\'Arrée');
    expect(sim.headerFooter.oddFooter).toBe('&LGénérée le 23/11/2026&Rpage &P / &N');
    expect(wb.getWorksheet('Barème')!.pageSetup.printTitlesRow).toBe('4:4');
  });

  test('libellés entiers, textes longs renvoyés : « Quartier prioritaire… (QPV) » tient dans A ; le motif COSCO est renvoyé sur D:J', async () => {
    const wb = await relire(g.fichier);
    const ws = wb.getWorksheet('Simulation')!;
    expect(ws.getColumn('A').width).toBeGreaterThanOrEqual(largeurPourTexte('Quartier prioritaire de la politique de la ville (QPV)', 'libelle'));
    const motif = g.description.cellules.find((c) => c.adresse.startsWith('D') && String(c.valeur).includes('contrat de stabilisation'))!;
    expect(motif.renvoi).toBe(true);
    expect(ws.model.merges).toContain(`${motif.adresse}:J${motif.adresse.slice(1)}`);
    expect(ws.getCell(motif.adresse).alignment).toMatchObject({ wrapText: true, vertical: 'top' });
    expect(ws.getRow(Number(motif.adresse.slice(1))).height).toBeGreaterThan(15);
  });
});

describe('écrivain Office.js : la même mise en page', () => {
  const reglage = (c: FauxOffice, feuille: string, propriete: string) => c.feuille(feuille).reglages.filter((r) => r.propriete === propriete).pop()?.valeur;
  const ecrire = async (exigences: Record<string, string>) => {
    const c = creerFauxOffice({ exigences });
    (globalThis as { Office?: unknown }).Office = c.Office;
    try {
      await c.Excel.run((context: Excel.RequestContext) => ecrireOffice(context, g.description, g.provenance));
    } finally {
      delete (globalThis as { Office?: unknown }).Office;
    }
    return c;
  };

  test('ExcelApi 1.9 : A4 paysage, une page de large, zone, marges (cm), en-tête et pied en français', async () => {
    const c = await ecrire({ ExcelApi: '1.12' });
    const r = (p: string) => reglage(c, 'Simulation', `pageLayout.${p}`);
    expect(r('paperSize')).toBe('A4');
    expect(r('orientation')).toBe('Landscape');
    expect(r('zoom')).toEqual({ horizontalFitToPages: 1, verticalFitToPages: 0, scale: null });
    expect(r('setPrintArea()')).toEqual([g.description.plage]);
    expect(r('setPrintMargins()')).toEqual(['Centimeters', { left: 1.2, right: 1.2, top: 1.9, bottom: 1.9, header: 0.8, footer: 0.8 }]);
    expect(r('headersFooters.defaultForAllPages.leftHeader')).toBe('Simulation des financements');
    expect(r('headersFooters.defaultForAllPages.centerHeader')).toBe('Centre de santé des Monts d\'Arrée');
    expect(r('headersFooters.defaultForAllPages.leftFooter')).toBe('Générée le 23/11/2026');
    expect(r('headersFooters.defaultForAllPages.rightFooter')).toBe('page &P / &N');
    // La provenance, masquée, n'est jamais imprimée : aucune mise en page.
    expect(c.feuille('_sip_provenance').reglages.filter((x) => x.propriete.startsWith('pageLayout'))).toEqual([]);
  });

  test('textes renvoyés à la ligne et hauteurs posés comme par exceljs', async () => {
    const c = await ecrire({ ExcelApi: '1.12' });
    const f = c.feuille('Simulation');
    const motif = g.description.cellules.find((x) => x.adresse.startsWith('D') && String(x.valeur).includes('contrat de stabilisation'))!;
    expect(f.style(motif.adresse)).toMatchObject({ 'format.wrapText': true, 'format.verticalAlignment': 'Top' });
    const h = g.description.hauteurs!.find((x) => x.ligne === Number(motif.adresse.slice(1)))!;
    expect(f.mise(`${h.ligne}:${h.ligne}`, 'format.rowHeight')).toBe(h.hauteur);
  });

  test('renvoi à la ligne posé par plages verticales (une par suite de lignes d’une colonne)', () => {
    const c = (adresse: string, renvoi = true) => ({ adresse, valeur: 'x', renvoi });
    expect(plagesRenvoi([c('S15'), c('K15'), c('S16'), c('S17'), c('S19'), c('B15', false)])).toEqual(['K15', 'S15:S17', 'S19']);
  });

  test('sans ExcelApi 1.9 (Excel 2016) : la feuille s’écrit, sans mise en page', async () => {
    const c = await ecrire({ ExcelApi: '1.8' });
    expect(c.feuille('Simulation').contenu('A1')).toBe(g.description.cellules[0].valeur);
    expect(c.feuille('Simulation').reglages.filter((x) => x.propriete.startsWith('pageLayout'))).toEqual([]);
  });
});

describe('LibreOffice : le compte des pages imprimées', () => {
  const pdf: Record<string, Buffer> = {};
  /** La feuille « Simulation » seule : le classeur sans sa feuille « Barème » (annexe). */
  let simulationSeule: Buffer;
  beforeAll(async () => {
    if (!soffice) return;
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(g.fichier as unknown as ArrayBuffer);
    wb.removeWorksheet(wb.getWorksheet('Barème')!.id);
    simulationSeule = Buffer.from(await wb.xlsx.writeBuffer());
    const dossier = fs.mkdtempSync(path.join(os.tmpdir(), 'sip-impression-'));
    try {
      fs.writeFileSync(path.join(dossier, 'simulation.xlsx'), g.fichier);
      fs.writeFileSync(path.join(dossier, 'feuille.xlsx'), simulationSeule);
      fs.writeFileSync(path.join(dossier, 'programme.xlsx'), xlsxProgramme);
      // Une seule conversion pour les deux classeurs (quelques secondes).
      execFileSync(soffice, [
        `-env:UserInstallation=file://${path.join(dossier, 'profil')}`, '--headless', '--norestore',
        '--convert-to', 'pdf', '--outdir', dossier, path.join(dossier, 'simulation.xlsx'), path.join(dossier, 'feuille.xlsx'), path.join(dossier, 'programme.xlsx'),
      ], { env: { ...process.env, HOME: dossier }, timeout: 120_000, stdio: 'pipe' });
      for (const n of ['simulation', 'feuille', 'programme']) pdf[n] = fs.readFileSync(path.join(dossier, `${n}.pdf`));
    } finally {
      fs.rmSync(dossier, { recursive: true, force: true });
    }
  }, 150_000);

  testLo('la simulation de centre-de-sante.json : au plus 8 pages A4 paysage (33 en portrait avant), texte d’au moins 6 points', () => {
    if (!soffice) throw new Error('soffice est requis en CI : lancez `bash scripts/setup.sh`');
    const n = pagesPdf(pdf.feuille);
    expect(n).toBeGreaterThanOrEqual(2);
    expect(n).toBeLessThanOrEqual(8);
    expect(formatsPdf(pdf.feuille)).toEqual(['0 0 842 595']);
    // Une page de large sans tout réduire : le plan par tranches de 12 mois garde le texte lisible
    // (11 points à l'écran ; 3,8 points imprimés quand les 24 mois étaient côte à côte).
    expect(tailleTextePdf(pdf.feuille)).toBeGreaterThanOrEqual(6);
    // Le classeur entier, avec son barème en annexe (2 à 3 pages).
    expect(pagesPdf(pdf.simulation) - n).toBeLessThanOrEqual(3);
    expect(formatsPdf(pdf.simulation)).toEqual(['0 0 842 595']);
  });

  testLo('le programme SIP de l’exemple (14 candidatures) : une page de large, A4 paysage', () => {
    if (!soffice) throw new Error('soffice est requis en CI : lancez `bash scripts/setup.sh`');
    const n = pagesPdf(pdf.programme);
    expect(n).toBeGreaterThanOrEqual(1);
    expect(n).toBeLessThanOrEqual(2);
    expect(formatsPdf(pdf.programme)).toEqual(['0 0 842 595']);
  });
});

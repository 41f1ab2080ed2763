// La feuille « Programme SIP » sur le constructeur commun et l'écrivain exceljs commun (issues 12 et
// 15) : libellés entiers dans la colonne A (7 caractères coupaient « Année de l’appel »), justification
// dans la seule colonne large, renvoyée à la ligne ; mise en page à l'impression avec l'année de
// l'appel et l'enveloppe en en-tête, identique en flux, en mémoire et par Office.js.
import ExcelJS from 'exceljs';
import * as fs from 'fs';
import * as path from 'path';
import { BAREME_PAR_DEFAUT } from '../../src/rules/bareme/donnees';
import { lireFichierJson } from '../../src/rules/programme/lecture';
import { calculerProgramme } from '../../src/rules/programme/programme';
import { fileEcritureDescription } from '../../src/workbook/office/ecrire.office';
import { ajouterFeuille, classeurProgramme } from '../../src/workbook/programme/ecrire-xlsx';
import { decrireFeuilleProgramme, feuilleProgrammeEnFlux } from '../../src/workbook/programme/feuille-programme';
import { creerFauxOffice } from '../browser/faux-office';
import { RACINE } from './aides';

const exemple = lireFichierJson(JSON.parse(fs.readFileSync(path.join(RACINE, 'examples', 'candidatures-sip.json'), 'utf8')));
const programme = calculerProgramme(BAREME_PAR_DEFAUT, exemple.candidatures, { annee: 2023, enveloppe: 250000 });
const DATE = { dateGeneration: '2023-06-30' };
const description = decrireFeuilleProgramme(programme, DATE);
const largeur = (lettre: string) => description.colonnes.find((c) => c.lettre === lettre)!.largeur;

async function relire(b: Buffer): Promise<ExcelJS.Worksheet> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(b as unknown as ArrayBuffer);
  return wb.worksheets[0];
}

describe('feuille « Programme SIP » : largeurs et textes longs', () => {
  test('colonne A assez large pour ses libellés (« Financement partiel autorisé » : 28 caractères, environ 24 de Calibri 11)', () => {
    expect(largeur('A')).toBeGreaterThanOrEqual(24);
    expect(largeur('A')).toBeLessThanOrEqual(34);
    const libellesA = description.cellules.filter((c) => /^A([5-9]|1[01])$/.test(c.adresse)).map((c) => c.valeur);
    expect(libellesA).toEqual(['Année de l’appel', 'Enveloppe annuelle', 'Financement partiel autorisé', 'Nombre maximal de sites', 'Date de lecture du barème',
      'Mois de la convention (80 %)', 'Mois du solde (20 %)']);
  });

  test('la justification a la seule colonne large, renvoyée à la ligne ; les lignes des candidatures sont alignées en haut', () => {
    const larges = description.colonnes.filter((c) => c.largeur > 40).map((c) => c.lettre);
    expect(larges).toEqual(['S']);
    const justifications = description.cellules.filter((c) => /^S(1[5-9]|2[0-8])$/.test(c.adresse));
    expect(justifications).toHaveLength(14);
    expect(justifications.every((c) => c.renvoi && c.style === 'note')).toBe(true);
    expect(description.cellules.filter((c) => /^[A-S]15$/.test(c.adresse)).every((c) => c.renvoi)).toBe(true);
  });

  test('notes du bas (règle de classement, interprétations, paramètres) étendues sur A:S et renvoyées à la ligne, jamais dans une colonne étroite', () => {
    const regle = description.cellules.find((c) => c.valeur === 'Règle de classement')!;
    const premiere = Number(regle.adresse.slice(1)) + 1;
    expect(description.fusions).toContain(`A${premiere}:S${premiere}`);
    expect(description.cellules.find((c) => c.adresse === `A${premiere}`)?.renvoi).toBe(true);
  });
});

describe('mise en page du programme', () => {
  test('en-tête : le programme, l’année de l’appel et l’enveloppe ; pied : la date et le numéro de page ; titres du tableau répétés', () => {
    const m = description.miseEnPage!;
    expect(m).toMatchObject({ orientation: 'paysage', pagesEnLargeur: 1, enteteGauche: 'Programme SIP 2023', lignesTitres: '14:14', pied: 'Générée le 30/06/2023' });
    expect(m.entete).toMatch(/^Appel 2023 — enveloppe annuelle 250\s000,00\s€$/u);
  });

  test('écrite en flux comme en mémoire : même mise en page, mêmes hauteurs, même renvoi à la ligne', async () => {
    const enFlux = await relire(await classeurProgramme(feuilleProgrammeEnFlux(programme, DATE)));
    const wb = new ExcelJS.Workbook();
    ajouterFeuille(wb, description);
    const enMemoire = await relire(Buffer.from(await wb.xlsx.writeBuffer()));
    for (const ws of [enFlux, enMemoire]) {
      expect(ws.pageSetup).toMatchObject({ orientation: 'landscape', paperSize: 9, fitToPage: true, fitToWidth: 1, fitToHeight: 0, printTitlesRow: '14:14' });
      expect(ws.pageSetup.printArea?.replace(/\$/g, '')).toBe(description.plage);
      expect(ws.headerFooter.oddHeader).toMatch(/^&LProgramme SIP 2023&CAppel 2023 — enveloppe annuelle 250\s000,00\s€$/u);
      expect(ws.headerFooter.oddFooter).toBe('&LGénérée le 30/06/2023&Rpage &P / &N');
      expect(ws.getCell('S15').alignment).toMatchObject({ wrapText: true, vertical: 'top' });
      expect(ws.getColumn('A').width).toBe(largeur('A'));
    }
    const hauteurs = (ws: ExcelJS.Worksheet) => (description.hauteurs ?? []).map((h) => ws.getRow(h.ligne).height);
    expect(hauteurs(enFlux)).toEqual(hauteurs(enMemoire));
    expect(hauteurs(enFlux).every((h) => h > 0)).toBe(true);
  });

  test('Office.js (ExcelApi 1.9) : la même mise en page, l’enveloppe en en-tête', () => {
    const c = creerFauxOffice({ exigences: { ExcelApi: '1.12' } });
    (globalThis as { Office?: unknown }).Office = c.Office;
    try {
      const feuille = c.contexte().workbook.worksheets.add('Programme SIP');
      fileEcritureDescription(feuille, description);
    } finally {
      delete (globalThis as { Office?: unknown }).Office;
    }
    const reglages = c.feuille('Programme SIP').reglages;
    const r = (p: string) => reglages.filter((x) => x.propriete === `pageLayout.${p}`).pop()?.valeur;
    expect(r('orientation')).toBe('Landscape');
    expect(r('setPrintTitleRows()')).toEqual(['$14:$14']);
    expect(r('setPrintArea()')).toEqual([description.plage]);
    expect(r('headersFooters.defaultForAllPages.centerHeader')).toMatch(/enveloppe annuelle 250\s000,00\s€/u);
  });
});

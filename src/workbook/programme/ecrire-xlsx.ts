// Écriture de la feuille « Programme SIP » avec exceljs (Node seulement : CLI et tests).
// Les formules SIP.* sont écrites sous la forme qu'Excel enregistre (`_xldudf_SIP_AIDE(D15,C15,$B$9)`)
// avec leur valeur en cache : un lecteur sans le complément, ou LibreOffice, affiche les bons chiffres.
import ExcelJS from 'exceljs';
import { versFormeFichier } from '../../formules/forme-fichier';
import { DescriptionFeuille, FORMATS_EXCEL, StyleCellule } from '../description';
import { corrigerCalcId } from '../exceljs/calc-id';

type Style = Partial<ExcelJS.Style>;

const GRIS = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE7E6E6' } } as ExcelJS.Fill;
const JAUNE = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFF8DC' } } as ExcelJS.Fill;

const STYLES: Record<StyleCellule, Style> = {
  titre: { font: { bold: true, size: 14 } },
  sous_titre: { font: { bold: true, size: 12 } },
  entete: { font: { bold: true }, fill: GRIS, alignment: { wrapText: true, vertical: 'middle' } },
  libelle: {},
  entree: { fill: JAUNE },
  calcul: {},
  total: { font: { bold: true }, border: { top: { style: 'thin' } } },
  note: { font: { italic: true, color: { argb: 'FF595959' } } },
  alerte: { font: { color: { argb: 'FFC00000' } } },
};

/** Ajoute au classeur la feuille décrite ; les formules SIP.* passent en forme fichier. */
export function ajouterFeuille(classeur: ExcelJS.Workbook, d: DescriptionFeuille): ExcelJS.Worksheet {
  const ws = classeur.addWorksheet(d.nom);
  for (const col of d.colonnes) ws.getColumn(col.lettre).width = col.largeur;
  for (const cel of d.cellules) {
    const cell = ws.getCell(cel.adresse);
    if (cel.formule) {
      const formule = versFormeFichier(cel.formule).replace(/^=/, '');
      cell.value = { formula: formule, result: cel.valeur ?? undefined } as ExcelJS.CellFormulaValue;
    } else {
      cell.value = cel.valeur ?? null;
    }
    if (cel.format) cell.numFmt = FORMATS_EXCEL[cel.format];
    if (cel.style) Object.assign(cell, { style: { ...STYLES[cel.style], numFmt: cell.numFmt } });
    if (cel.nom) cell.name = cel.nom;
  }
  for (const f of d.fusions) ws.mergeCells(f);
  if (d.masquee) ws.state = 'hidden';
  return ws;
}

/** Le classeur du programme SIP, en mémoire (xlsx). */
export async function classeurProgramme(d: DescriptionFeuille): Promise<Buffer> {
  corrigerCalcId();
  const classeur = new ExcelJS.Workbook();
  classeur.creator = 'sip programme';
  classeur.calcProperties = { fullCalcOnLoad: false };
  ajouterFeuille(classeur, d);
  return Buffer.from(await classeur.xlsx.writeBuffer());
}

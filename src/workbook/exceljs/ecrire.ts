// Écriture d'une simulation en .xlsx avec exceljs (CLI `sip simulate`) depuis la description partagée :
// formules sous la forme que stocke Excel pour les fonctions de complément (`_xldudf_SIP_CAI(B5)`)
// AVEC leurs valeurs en cache (moteur sans tableur, barème de la provenance), plages nommées,
// largeurs de colonnes, formats français, feuille de provenance masquée. Node seulement.
import ExcelJS from 'exceljs';
import { versFormeFichier } from '../../formules/forme-fichier';
import { ValeurCalculee } from '../../formules/moteur';
import { Cellule, DescriptionFeuille, FORMATS_EXCEL, StyleCellule } from '../description';
import { colonneDe, ligneDe } from '../adresses';
import { decrireProvenance, Provenance } from '../provenance';
import { calculerFeuille } from './valeurs';
import { corrigerCalcId } from './calc-id';

const ARGB = { jaune: 'FFFFF2CC', bleu: 'FFDDEBF7', gris: 'FFF2F2F2', rouge: 'FFC00000', orange: 'FFFCE4D6', noir: 'FF000000', gris_fonce: 'FF595959' };

function styler(c: ExcelJS.Cell, style: StyleCellule | undefined): void {
  const fond = (argb: string) => ({ type: 'pattern' as const, pattern: 'solid' as const, fgColor: { argb } });
  switch (style) {
    case 'titre':
      c.font = { bold: true, size: 14 };
      break;
    case 'sous_titre':
      c.font = { bold: true, size: 12 };
      break;
    case 'entete':
      c.font = { bold: true };
      c.fill = fond(ARGB.bleu);
      c.alignment = { wrapText: true, vertical: 'top' };
      break;
    case 'entree':
      c.fill = fond(ARGB.jaune);
      break;
    case 'total':
      c.font = { bold: true };
      c.fill = fond(ARGB.gris);
      break;
    case 'note':
      c.font = { italic: true, size: 9, color: { argb: ARGB.gris_fonce } };
      break;
    case 'alerte':
      c.font = { bold: true, color: { argb: ARGB.rouge } };
      c.fill = fond(ARGB.orange);
      break;
    default:
      break;
  }
}

function resultat(v: ValeurCalculee | undefined): ExcelJS.CellFormulaValue['result'] {
  if (v === undefined || v === null) return undefined;
  if (typeof v === 'object') return { error: normaliserErreur(v.erreur) } as ExcelJS.CellErrorValue;
  return v;
}

const ERREURS_EXCEL = ['#N/A', '#REF!', '#NAME?', '#DIV/0!', '#NULL!', '#VALUE!', '#NUM!'] as const;
function normaliserErreur(e: string): ExcelJS.CellErrorValue['error'] {
  return ((ERREURS_EXCEL as readonly string[]).includes(e) ? e : '#VALUE!') as ExcelJS.CellErrorValue['error'];
}

function ecrireFeuille(wb: ExcelJS.Workbook, d: DescriptionFeuille, caches: Map<string, ValeurCalculee> | null): void {
  const ws = wb.addWorksheet(d.nom, d.masquee ? { state: 'hidden' } : { views: [{ showGridLines: true }] });
  for (const col of d.colonnes) ws.getColumn(col.lettre).width = col.largeur;
  for (const cel of d.cellules) ecrireCellule(ws, cel, caches);
  for (const f of d.fusions) ws.mergeCells(f);
}

function ecrireCellule(ws: ExcelJS.Worksheet, cel: Cellule, caches: Map<string, ValeurCalculee> | null): void {
  const c = ws.getCell(cel.adresse);
  if (cel.formule) {
    c.value = { formula: versFormeFichier(cel.formule).replace(/^=/, ''), result: resultat(caches?.get(cel.adresse)) } as ExcelJS.CellFormulaValue;
  } else if (cel.valeur !== undefined && cel.valeur !== null) {
    c.value = cel.valeur;
  }
  if (cel.format && cel.format !== 'texte' && cel.format !== 'booleen') c.numFmt = FORMATS_EXCEL[cel.format];
  styler(c, cel.style);
  if (cel.nom) ws.workbook.definedNames.add(`'${ws.name.replace(/'/g, "''")}'!$${cel.adresse.replace(/(\d+)/, '$$$1')}`, cel.nom);
}

/** Valeurs en cache de la simulation (moteur sans tableur, barème de la provenance). */
export function valeursEnCache(description: DescriptionFeuille, provenance: Provenance): Map<string, ValeurCalculee> {
  return calculerFeuille(description.cellules, provenance.bareme, provenance.scenario.simulation.debut);
}

/** Image à poser sur la feuille (graphiques du plan de financement : exceljs n'écrit pas de graphique natif). */
export interface ImageFeuille {
  png: Buffer;
  /** Coin supérieur gauche (« A120 »). */
  ancre: string;
  largeurPx: number;
  hauteurPx: number;
  titre?: string;
}

export async function ecrireExcelJs(
  description: DescriptionFeuille,
  provenance: Provenance,
  o: { images?: readonly ImageFeuille[]; valeurs?: Map<string, ValeurCalculee> } = {},
): Promise<Buffer> {
  corrigerCalcId();
  const wb = new ExcelJS.Workbook();
  wb.creator = `sip-simulateur ${provenance.versionComplement}`;
  wb.created = new Date(provenance.dateGeneration);
  wb.modified = wb.created;
  ecrireFeuille(wb, description, o.valeurs ?? valeursEnCache(description, provenance));
  const ws = wb.getWorksheet(description.nom) as ExcelJS.Worksheet;
  for (const img of o.images ?? []) {
    const id = wb.addImage({ buffer: img.png as unknown as ExcelJS.Buffer, extension: 'png' });
    ws.addImage(id, { tl: { col: colonneDe(img.ancre) - 1, row: ligneDe(img.ancre) - 1 } as ExcelJS.Anchor, ext: { width: img.largeurPx, height: img.hauteurPx } });
  }
  ecrireFeuille(wb, decrireProvenance(provenance), null);
  wb.views = [{ x: 0, y: 0, width: 20000, height: 12000, firstSheet: 0, activeTab: 0, visibility: 'visible' }];
  return Buffer.from(await wb.xlsx.writeBuffer());
}

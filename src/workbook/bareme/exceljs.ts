// Le barème d'un classeur .xlsx lu avec exceljs (CLI `--bareme classeur.xlsx`, `sip verify`, tests) :
// la feuille « Barème » relue cellule par cellule, puis le barème (lecture-feuille.ts). Node seulement.
import ExcelJS from 'exceljs';
import type { BaremeLu } from '../../rules/bareme/depuis-lignes';
import type { Bareme } from '../../rules/bareme/types';
import { lireCellules } from '../exceljs/lire';
import { NOM_FEUILLE_BAREME } from './feuille-bareme';
import { baremeDepuisCellules } from './lecture-feuille';

/** La feuille « Barème » du classeur (nom comparé sans la casse), ou undefined (classeur d'avant le barème en feuille). */
export function feuilleBaremeDe(wb: ExcelJS.Workbook): ExcelJS.Worksheet | undefined {
  return wb.worksheets.find((ws) => ws.name.toLowerCase() === NOM_FEUILLE_BAREME.toLowerCase());
}

/** Le barème de la feuille « Barème » d'un classeur ouvert ; null s'il n'en a pas (barème par défaut). */
export function baremeDuClasseurExcelJs(wb: ExcelJS.Workbook, defaut: Bareme): BaremeLu | null {
  const ws = feuilleBaremeDe(wb);
  return ws ? baremeDepuisCellules(lireCellules(ws), defaut, ws.name) : null;
}

/** Le barème d'un fichier .xlsx (déjà lu et contrôlé en taille) ; null s'il n'a pas de feuille « Barème ». */
export async function lireBaremeXlsx(fichier: Buffer | ArrayBuffer, defaut: Bareme): Promise<BaremeLu | null> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(fichier as ArrayBuffer);
  return baremeDuClasseurExcelJs(wb, defaut);
}

// Outils de test partagés : scénarios d'exemple, génération, retouche d'un .xlsx avec exceljs.
import * as fs from 'fs';
import * as path from 'path';
import ExcelJS from 'exceljs';
import { Scenario } from '../../src/rules/scenario/types';
import { validerScenario } from '../../src/rules/scenario/validation';
import { calculerFeuille } from '../../src/workbook/exceljs/valeurs';
import { lireCellules } from '../../src/workbook/exceljs/lire';
import { lireProvenance } from '../../src/workbook/provenance';

export const RACINE = path.resolve(__dirname, '../..');

export function exemple(nom: 'centre-de-sante' | 'msp-sip'): Scenario {
  const v = validerScenario(JSON.parse(fs.readFileSync(path.join(RACINE, 'examples', `${nom}.json`), 'utf8')));
  if (!v.ok) throw new Error(v.erreurs.join('\n'));
  return v.scenario;
}

export const DATE_GENERATION = '2026-11-23T10:00:00.000Z';

/** Ouvre un .xlsx, applique une retouche, réécrit. */
export async function retoucher(fichier: Buffer, f: (wb: ExcelJS.Workbook) => void): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(fichier as unknown as ArrayBuffer);
  f(wb);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** Ligne (1…) d'un libellé de la colonne A. */
export function ligneDuLibelle(cellules: { adresse: string; valeur?: unknown }[], debut: string): number {
  const c = cellules.find((x) => /^A\d+$/.test(x.adresse) && typeof x.valeur === 'string' && x.valeur.startsWith(debut));
  if (!c) throw new Error(`libellé introuvable : ${debut}`);
  return Number(c.adresse.slice(1));
}

/** Comme Excel à l'enregistrement : recalcule toutes les formules de la simulation et met leurs valeurs en cache. */
export function recalculerCommeExcel(wb: ExcelJS.Workbook): void {
  const prov = lireProvenance(new Map(lireCellules(wb.getWorksheet('_sip_provenance')!).map((c) => [c.adresse, c.valeur])));
  const ws = wb.getWorksheet(prov.feuille)!;
  const cellules = lireCellules(ws).map((c) => (c.formule ? { adresse: c.adresse, formule: c.formule } : { adresse: c.adresse, valeur: c.valeur as string | number | boolean | null }));
  for (const [a, v] of calculerFeuille(cellules, prov.bareme, prov.scenario.simulation.debut)) {
    const c = ws.getCell(a);
    c.value = { formula: c.formula, result: v !== null && typeof v === 'object' ? { error: v.erreur } : v } as ExcelJS.CellFormulaValue;
  }
}

/** Modifie le barème embarqué dans la provenance (JSON découpé en morceaux sur la ligne de « bareme_json »). */
export function modifierBaremeEmbarque(wb: ExcelJS.Workbook, f: (b: import('../../src/rules/bareme/types').Bareme) => void): void {
  const ws = wb.getWorksheet('_sip_provenance')!;
  let ligne = 1;
  while (ws.getCell(`A${ligne}`).value !== 'bareme_json') ligne++;
  const cellules: ExcelJS.Cell[] = [];
  for (let col = 2; ws.getRow(ligne).getCell(col).value; col++) cellules.push(ws.getRow(ligne).getCell(col));
  const b = JSON.parse(cellules.map((c) => String(c.value)).join(''));
  f(b);
  const texte = JSON.stringify(b);
  const taille = Math.ceil(texte.length / cellules.length);
  cellules.forEach((c, k) => (c.value = texte.slice(k * taille, (k + 1) * taille)));
}

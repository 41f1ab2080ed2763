// Correctif d'exceljs commun aux classeurs écrits par la CLI (simulation, programme SIP).

/** calcId d'Excel 2019/365 : un calcId plus ancien (exceljs écrit 171027) ferait tout recalculer à
 * l'ouverture, et un Excel sans le complément remplacerait les valeurs en cache par #NOM?. */
const CALC_ID_EXCEL = 191029;
let calcIdCorrige = false;
export function corrigerCalcId(): void {
  if (calcIdCorrige) return;
  calcIdCorrige = true;
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const Xform = require('exceljs/lib/xlsx/xform/book/workbook-calc-properties-xform');
    Xform.prototype.render = function (xmlStream: { leafNode: (n: string, a: Record<string, unknown>) => void }, model: { fullCalcOnLoad?: boolean }) {
      xmlStream.leafNode('calcPr', { calcId: CALC_ID_EXCEL, fullCalcOnLoad: model?.fullCalcOnLoad ? 1 : undefined });
    };
  } catch {
    // Structure interne d'exceljs différente : on garde son calcId.
  }
}

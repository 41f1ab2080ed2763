// Graphiques natifs Excel (Office.js) du plan de financement, dans le volet : colonnes empilées des
// aides par financeur, courbes du résultat net et de la trésorerie. Aucun `sync` ici : l'appelant
// regroupe ces appels dans son `Excel.run` (un seul aller-retour).
// Types structurels (sous-ensemble d'Office.js) : le module se compile aussi hors du volet, et les
// valeurs des énumérations sont celles d'Office.js (Excel.ChartType.columnStacked = "ColumnStacked"…).
import { colonneDe, lettreColonne } from '../adresses';
import type { Graphique } from '../description';

export interface PlageOffice {
  readonly address?: string;
}
export interface GraphiqueOffice {
  name: string;
  title: { text: string };
  legend: { position: string; visible: boolean };
  axes: { valueAxis: { numberFormat: string } };
  setPosition(debut: string | PlageOffice, fin?: string | PlageOffice): void;
  delete(): void;
}
export interface FeuilleOffice {
  getRange(adresse: string): PlageOffice;
  charts: {
    add(type: string, source: PlageOffice, seriesBy?: string): GraphiqueOffice;
    items?: GraphiqueOffice[];
    load?(proprietes: string): unknown;
  };
}

/** Excel.ChartType et Excel.ChartSeriesBy (valeurs des énumérations d'Office.js). */
export const TYPE_OFFICE: Record<Graphique['type'], string> = { colonnes_empilees: 'ColumnStacked', ligne: 'Line' };
export const SERIES_EN_LIGNES = 'Rows';
export const PREFIXE_NOM = 'SIP_Plan_';
const FORMAT_AXE_EUROS = '#,##0 "€"';

function finDePlage(ancre: string, largeurColonnes: number, hauteurLignes: number): string {
  const m = /^\$?([A-Z]+)\$?(\d+)$/.exec(ancre);
  if (!m) throw new Error(`Ancre de graphique illisible : ${ancre}`);
  return `${lettreColonne(colonneDe(m[1]) + largeurColonnes - 1)}${Number(m[2]) + hauteurLignes - 1}`;
}

/** Ajoute les graphiques décrits (séries en lignes), titrés, légende en bas, axe en euros. */
export function ajouterGraphiques(sheet: FeuilleOffice, graphiques: readonly Graphique[]): GraphiqueOffice[] {
  return graphiques.map((g, k) => {
    const chart = sheet.charts.add(TYPE_OFFICE[g.type], sheet.getRange(g.donnees), SERIES_EN_LIGNES);
    chart.name = `${PREFIXE_NOM}${k + 1}`;
    chart.title.text = g.titre;
    chart.legend.visible = true;
    chart.legend.position = 'Bottom';
    chart.axes.valueAxis.numberFormat = FORMAT_AXE_EUROS;
    chart.setPosition(g.ancre, finDePlage(g.ancre, g.largeurColonnes, g.hauteurLignes));
    return chart;
  });
}

/**
 * Pour une feuille réécrite en place : supprime les graphiques du plan déjà présents (ceux que le
 * complément a nommés, jamais ceux de l'utilisateur), puis ajoute les nouveaux. Un seul `sync`.
 */
export async function remplacerGraphiques(context: { sync(): Promise<unknown> }, sheet: FeuilleOffice, graphiques: readonly Graphique[]): Promise<GraphiqueOffice[]> {
  sheet.charts.load?.('items/name');
  await context.sync();
  for (const c of sheet.charts.items ?? []) if (c.name.startsWith(PREFIXE_NOM)) c.delete();
  return ajouterGraphiques(sheet, graphiques);
}

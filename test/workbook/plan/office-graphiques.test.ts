// Graphiques natifs du volet : appels Office.js attendus, contre un objet simulé.
import { BAREME_PAR_DEFAUT } from '../../../src/rules/bareme/donnees';
import { blocPlanFinancement } from '../../../src/workbook/plan';
import { ajouterGraphiques, FeuilleOffice, GraphiqueOffice, remplacerGraphiques } from '../../../src/workbook/plan/office-graphiques';
import { centreExemple } from '../../rules/plan/exemple';

function feuilleSimulee(existants: string[] = []) {
  const appels: string[] = [];
  const crees: (GraphiqueOffice & { position?: [unknown, unknown] })[] = [];
  const existantsObjets = existants.map((name) => ({ name, delete: jest.fn() }));
  const sheet: FeuilleOffice = {
    getRange: (adresse: string) => ({ address: adresse }),
    charts: {
      add: jest.fn((type: string, source: { address?: string }, seriesBy?: string) => {
        appels.push(`add(${type}, ${source.address}, ${seriesBy})`);
        const g = {
          name: '',
          title: { text: '' },
          legend: { position: '', visible: false },
          axes: { valueAxis: { numberFormat: '' } },
          setPosition(debut: unknown, fin?: unknown) {
            (this as { position?: [unknown, unknown] }).position = [debut, fin];
          },
          delete: jest.fn(),
        };
        crees.push(g);
        return g;
      }),
      items: existantsObjets as unknown as GraphiqueOffice[],
      load: jest.fn(),
    },
  };
  return { sheet, appels, crees, existantsObjets };
}

/** Vérifié par le compilateur : une vraie feuille Office.js convient au module (types structurels). */
export function accepteUneFeuilleExcel(feuille: Excel.Worksheet, graphiques: Parameters<typeof ajouterGraphiques>[1]): void {
  ajouterGraphiques(feuille, graphiques);
}

describe('ajouterGraphiques (Office.js)', () => {
  const bloc = blocPlanFinancement(centreExemple(), BAREME_PAR_DEFAUT, 100);

  test('colonnes empilées des aides par financeur et courbe du résultat, séries en lignes, placées et titrées', () => {
    const { sheet, appels, crees } = feuilleSimulee();
    ajouterGraphiques(sheet, bloc.graphiques);
    const [g1, g2] = bloc.graphiques;
    expect(appels).toEqual([`add(ColumnStacked, ${g1.donnees}, Rows)`, `add(Line, ${g2.donnees}, Rows)`]);
    expect(crees.map((c) => c.title.text)).toEqual(['Aides par financeur et par année', 'Résultat net et trésorerie cumulée par année']);
    expect(crees.map((c) => c.name)).toEqual(['SIP_Plan_1', 'SIP_Plan_2']);
    expect(crees.every((c) => c.legend.position === 'Bottom' && c.legend.visible)).toBe(true);
    expect(crees[0].axes.valueAxis.numberFormat).toBe('#,##0 "€"');
    // Ancre et coin opposé : 4 colonnes × 18 lignes.
    const l = Number(g1.ancre.slice(1));
    expect(crees[0].position).toEqual([g1.ancre, `D${l + 17}`]);
    expect(crees[1].position).toEqual([g2.ancre, `I${l + 17}`]);
  });

  test('réécriture en place : seuls les graphiques du plan sont remplacés, un seul sync', async () => {
    const { sheet, appels, existantsObjets } = feuilleSimulee(['SIP_Plan_1', 'Graphique de l’utilisateur', 'SIP_Plan_2']);
    const context = { sync: jest.fn(async () => undefined) };
    await remplacerGraphiques(context, sheet, bloc.graphiques);
    expect(context.sync).toHaveBeenCalledTimes(1);
    expect(sheet.charts.load).toHaveBeenCalledWith('items/name');
    expect(existantsObjets.map((c) => (c.delete as jest.Mock).mock.calls.length)).toEqual([1, 0, 1]);
    expect(appels).toHaveLength(2);
  });
});

// Graphiques natifs du volet : appels Office.js attendus, contre le faux hôte Office des tests
// (test/browser/faux-office.js, le même que pour l'écrivain, le volet et les fonctions).
import { BAREME_PAR_DEFAUT } from '../../../src/rules/bareme/donnees';
import { decrireSimulation } from '../../../src/workbook/simulation';
import { ajouterGraphiques, FeuilleOffice, remplacerGraphiques } from '../../../src/workbook/plan/office-graphiques';
import { centreMiAnnee } from '../../rules/scenarios';
import { creerFauxOffice } from '../../browser/faux-office';

/** Une feuille « Plan » du faux Excel, avec des graphiques déjà présents (nommés `existants`), et son contexte. */
async function feuilleSimulee(existants: string[] = []) {
  const faux = creerFauxOffice();
  faux.ajouterFeuille('Plan');
  const context = faux.contexte();
  const sheet = context.workbook.worksheets.getItem('Plan');
  for (const nom of existants) sheet.charts.add('Pie', sheet.getRange('A1:B2')).name = nom;
  await context.sync();
  faux.journal.operations.length = 0;
  faux.journal.syncs = 0;
  return { faux, context, sheet: sheet as unknown as FeuilleOffice };
}

/** Vérifié par le compilateur : une vraie feuille Office.js convient au module (types structurels). */
export function accepteUneFeuilleExcel(feuille: Excel.Worksheet, graphiques: Parameters<typeof ajouterGraphiques>[1]): void {
  ajouterGraphiques(feuille, graphiques);
}

describe('ajouterGraphiques (Office.js)', () => {
  const bloc = decrireSimulation(centreMiAnnee(), BAREME_PAR_DEFAUT);

  test('colonnes empilées des aides par financeur et courbe du résultat, séries en lignes, placées et titrées', async () => {
    const { faux, sheet } = await feuilleSimulee();
    ajouterGraphiques(sheet, bloc.graphiques);
    const [g1, g2] = bloc.graphiques;
    expect(faux.journal.operations).toEqual([`Plan!charts.add ColumnStacked ${g1.donnees} Rows`, `Plan!charts.add Line ${g2.donnees} Rows`]);
    const crees = faux.feuille('Plan').graphiques;
    expect(crees.map((c) => c.titre)).toEqual(['Aides par financeur et par année', 'Résultat net et trésorerie cumulée par année']);
    expect(crees.map((c) => c.nom)).toEqual(['SIP_Plan_1', 'SIP_Plan_2']);
    expect(crees.every((c) => c.proprietes['legend.position'] === 'Bottom' && c.proprietes['legend.visible'] === true)).toBe(true);
    expect(crees[0].proprietes['axes.valueAxis.numberFormat']).toBe('#,##0 "€"');
    // Ancre et coin opposé : 5 colonnes × 18 lignes, le second graphique à droite du premier.
    const l = Number(g1.ancre.slice(1));
    expect([g1.ancre, g2.ancre]).toEqual([`A${l}`, `G${l}`]);
    expect(crees[0].position).toBe(`${g1.ancre}:E${l + 17}`);
    expect(crees[1].position).toBe(`${g2.ancre}:K${l + 17}`);
    expect(faux.journal.syncs).toBe(0); // aucun sync ici : l'appelant regroupe
  });

  test('réécriture en place : seuls les graphiques du plan sont remplacés, un seul sync', async () => {
    const { faux, context, sheet } = await feuilleSimulee(['SIP_Plan_1', 'Graphique de l’utilisateur', 'SIP_Plan_2']);
    await remplacerGraphiques(context, sheet, bloc.graphiques);
    expect(faux.journal.syncs).toBe(1);
    // Les noms des graphiques existants sont lus après load('items/name') + sync (sinon le faux Excel refuse).
    expect(faux.journal.operations).toEqual([
      'Plan!graphique SIP_Plan_1.delete',
      'Plan!graphique SIP_Plan_2.delete',
      `Plan!charts.add ColumnStacked ${bloc.graphiques[0].donnees} Rows`,
      `Plan!charts.add Line ${bloc.graphiques[1].donnees} Rows`,
    ]);
    expect(faux.feuille('Plan').graphiques.map((g) => g.nom)).toEqual(['Graphique de l’utilisateur', 'SIP_Plan_1', 'SIP_Plan_2']);
  });
});

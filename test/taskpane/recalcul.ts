// Ce que ferait le recalcul d'Excel sur le faux classeur des tests : toutes les formules de la feuille
// évaluées par le moteur sans tableur (HyperFormula), leurs valeurs posées comme résultats.
import { BAREME_PAR_DEFAUT } from '../../src/rules/bareme/donnees';
import { colonneDe, ligneDe } from '../../src/workbook/adresses';
import { creerClasseur, valeurCellule } from '../../src/formules/moteur';
import type { FauxOffice } from '../browser/faux-office';

export function recalculerFeuille(faux: FauxOffice, nom: string, aujourdhui: string): void {
  const f = faux.feuille(nom);
  const lignes: (string | number | boolean | null)[][] = [];
  const position = (a: string) => ({ c: colonneDe(a) - 1, l: ligneDe(a) - 1 });
  for (const [a, c] of Object.entries(f.cellules)) {
    const { l, c: k } = position(a);
    while (lignes.length <= l) lignes.push([]);
    lignes[l][k] = c.formule ?? (c.valeur === '' ? null : (c.valeur as string | number | boolean));
  }
  const hf = creerClasseur({ Feuille: lignes.map((l) => Array.from(l, (v) => v ?? null)) }, { locale: 'en-US', bareme: BAREME_PAR_DEFAUT, aujourdhui });
  try {
    for (const [a, c] of Object.entries(f.cellules)) {
      if (!c.formule) continue;
      const { l, c: k } = position(a);
      const v = valeurCellule(hf, 0, l, k);
      faux.poserResultat(nom, a, v !== null && typeof v === 'object' ? v.erreur : v);
    }
  } finally {
    hf.destroy();
  }
}

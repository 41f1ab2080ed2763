// Écriture de la feuille « Barème » par le volet (Office.js), depuis la description partagée avec la
// CLI : seulement si le classeur n'en a pas — une feuille existante porte peut-être des valeurs saisies
// par l'utilisateur, elle n'est jamais écrasée.
import type { Bareme } from '../../rules/bareme/types';
import { fileEcritureDescription } from '../office/ecrire.office';
import { NOM_FEUILLE_BAREME } from './colonnes';
import { decrireFeuilleBareme, type OptionsFeuilleBareme } from './feuille-bareme';
import type { FeuilleBaremeLue } from './office-lecture';

/**
 * Écrit la feuille « Barème » si le classeur n'en a pas (2 `sync`) ; rend la feuille écrite (son
 * identifiant et ses cellules, sans la relire), ou null si le classeur en avait déjà une.
 */
export async function ecrireFeuilleBaremeSiAbsente(context: Excel.RequestContext, bareme: Bareme, o: OptionsFeuilleBareme = {}): Promise<FeuilleBaremeLue | null> {
  const feuilles = context.workbook.worksheets;
  const existante = feuilles.getItemOrNullObject(NOM_FEUILLE_BAREME);
  existante.load('name');
  await context.sync();
  if (!existante.isNullObject) return null;
  const feuille = feuilles.add(NOM_FEUILLE_BAREME);
  const description = decrireFeuilleBareme(bareme, o);
  fileEcritureDescription(feuille, description);
  feuille.load('id');
  await context.sync();
  const cellules = description.cellules.flatMap((c) => (c.valeur === undefined || c.valeur === null ? [] : [{ adresse: c.adresse, valeur: c.valeur }]));
  return { id: feuille.id, nom: NOM_FEUILLE_BAREME, cellules };
}

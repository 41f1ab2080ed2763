// Ce que le volet utilise du barème du classeur (un seul point d'import pour src/taskpane) : l'état lu
// par le runtime partagé (bareme-classeur.ts) et l'écriture de la feuille « Barème » avec une
// simulation. Hors du bundle des fonctions (il embarque l'écrivain Office.js des feuilles).
import { aujourdhuiIso } from '../rules/dates';
import type { Bareme } from '../rules/bareme/types';
import { ecrireFeuilleBaremeSiAbsente } from '../workbook/bareme/office-ecriture';
import { appliquerFeuilleBareme, type EtatBaremeClasseur } from './bareme-classeur';

export { abonnerBaremeClasseur, baremeDuClasseur, demarrerBaremeClasseur, relireBaremeClasseur, type EtatBaremeClasseur } from './bareme-classeur';

/**
 * Après l'écriture d'une simulation : écrit la feuille « Barème » (le barème `bareme`, celui de la
 * simulation) si le classeur n'en a pas encore — jamais d'écrasement —, et la suit désormais comme
 * barème du classeur. Un seul Excel.run (2 `sync`) ; rend null si le classeur avait déjà sa feuille.
 */
export async function ecrireBaremeDuClasseur(bareme: Bareme): Promise<EtatBaremeClasseur | null> {
  const ecrite = await Excel.run((context) => ecrireFeuilleBaremeSiAbsente(context, bareme, { dateGeneration: aujourdhuiIso() }));
  return ecrite ? appliquerFeuilleBareme(ecrite) : null;
}

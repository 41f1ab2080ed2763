// Chemin rapide (valeur seule) de SIP.PARAMETRE : la valeur d'un paramètre du barème à une date, lue
// une fois par (barème, identifiant, plage de jours où elle ne change pas). undefined pour un
// identifiant inconnu, une valeur « aucune » ou non publiée : le chemin expliqué lève l'erreur qui le dit.
import { parametreDe } from '../bareme/lecture';
import { Bareme } from '../bareme/types';
import { tableParJour } from './bareme';
import { versNombre } from './exact';

/** Une table par identifiant connu (un texte quelconque ne fait pas grossir la mémoire). */
const tables = new Map<string, (bareme: Bareme, jour: number) => number | null>();

function tableDe(id: string) {
  let t = tables.get(id);
  if (t === undefined) {
    t = tableParJour((l) => {
      const v = l.exact(id);
      return versNombre(v.m, v.s) ?? null;
    });
    tables.set(id, t);
  }
  return t;
}

export function parametreRapide(bareme: Bareme, identifiant: string, jour: number): number | undefined {
  const id = identifiant.trim();
  if (!tables.has(id) && !parametreDe(bareme, id)) return undefined;
  return tableDe(id)(bareme, jour) ?? undefined;
}

// Chemin rapide (valeur seule) de SIP.ELIGIBLE (regles/zonage.ts) : la même décision, sans rédiger
// de motif ; l'ouverture des dispositifs est lue une fois par (barème, jour). undefined pour une entrée
// inconnue : le chemin expliqué lève l'erreur qui la nomme.
import { Bareme } from '../bareme/types';
import { DISPOSITIFS, dispositifLu, motifFermeture, parametreOuverture, permisTerritoire, publicDe, structureLue, territoire, zoneLue } from '../regles/zonage';
import { tableParJour } from './bareme';

/** Chaque dispositif est-il ouvert ce jour-là ? (la décision de `motifFermeture`, lue une fois par plage de jours) */
const tableOuverture = tableParJour((l) =>
  new Map(DISPOSITIFS.map((d) => {
    l.noter(parametreOuverture(d));
    return [d, motifFermeture(l.bareme, d, l.date) === null];
  })),
);

/** SIP.ELIGIBLE : permis pour ce territoire et cette structure et, avec un jour, ouvert ce jour-là. */
export function eligibleRapide(bareme: Bareme, dispositif: string, zone: string, structure: string | null, qpv: boolean, jour: number | null): boolean | undefined {
  const d = dispositifLu(dispositif);
  const z = zoneLue(zone);
  if (d === undefined || z === undefined) return undefined;
  const s = structure === null ? publicDe(d) : structureLue(structure);
  if (s === undefined) return undefined;
  if (!permisTerritoire(d, territoire(z, qpv), s)) return false;
  if (jour === null) return true;
  return tableOuverture(bareme, jour)?.get(d);
}

// Barème embarqué comparé au barème courant : paramètres modifiés, ajoutés, retirés, période par période.
import type { Bareme, Parametre } from '../../rules/bareme/types';
import { jsonCanonique } from '../empreinte';
import type { DifferenceParametre } from './types';

function decrireValeurs(p: Parametre): Map<string, string> {
  return new Map(p.valeurs.map((v) => [v.du, `${v.valeur ?? 'aucune'} (du ${v.du}${v.au ? ` au ${v.au}` : ''}, ${v.statut}, ${v.source.document} ${v.source.section})`]));
}

function detailModification(p: Parametre, c: Parametre): string {
  const a = decrireValeurs(p);
  const b = decrireValeurs(c);
  const details: string[] = [];
  for (const [du, t] of a) {
    const u = b.get(du);
    if (u === undefined) details.push(`période du ${du} retirée (classeur : ${t})`);
    else if (u !== t) details.push(`classeur : ${t} → courant : ${u}`);
  }
  for (const [du, u] of b) if (!a.has(du)) details.push(`nouvelle période dans le barème courant : ${u}`);
  if (p.libelle !== c.libelle || p.unite !== c.unite) details.push(`libellé ou unité : « ${p.libelle} » (${p.unite}) → « ${c.libelle} » (${c.unite})`);
  return details.join(' ; ') || 'changement de forme';
}

export function comparerBaremes(embarque: Bareme, courant: Bareme): DifferenceParametre[] {
  const r: DifferenceParametre[] = [];
  const courants = new Map(courant.parametres.map((p) => [p.id, p]));
  const embarques = new Map(embarque.parametres.map((p) => [p.id, p]));
  for (const p of embarque.parametres) {
    const c = courants.get(p.id);
    if (!c) r.push({ id: p.id, libelle: p.libelle, nature: 'retire', detail: 'absent du barème courant' });
    else if (jsonCanonique(p) !== jsonCanonique(c)) r.push({ id: p.id, libelle: p.libelle, nature: 'modifie', detail: detailModification(p, c) });
  }
  for (const c of courant.parametres) if (!embarques.has(c.id)) r.push({ id: c.id, libelle: c.libelle, nature: 'ajoute', detail: 'nouveau paramètre du barème courant' });
  return r;
}

// Mise en texte d'une explication pour le terminal (et pour `sip explain`).
import { LIBELLES_STATUT } from '../rules/bareme/types';
import { isoVersFrancais } from '../rules/dates';
import { Explication, statutGlobal } from '../rules/explication';
import { texteSource } from '../rules/sources';
import { Io } from './io';

export function texteExplication(fonction: string, e: Explication): string[] {
  const l: string[] = [];
  l.push(`${fonction} — ${e.regle.libelle}`);
  l.push(`  Règle : ${texteSource(e.regle.source)}`);
  const entrees = Object.entries(e.entrees).map(([k, v]) => `${k} = ${typeof v === 'boolean' ? (v ? 'VRAI' : 'FAUX') : v}`);
  if (entrees.length) l.push(`  Entrées : ${entrees.join(' ; ')}`);
  if (e.date) l.push(`  Barème lu au : ${isoVersFrancais(e.date)}`);
  l.push(`  Calcul : ${e.calcul}`);
  for (const p of e.parametres) {
    const periode = `du ${isoVersFrancais(p.du)}${p.au ? ` au ${isoVersFrancais(p.au)}` : ''}`;
    l.push(`  Paramètre ${p.id} = ${p.valeur ?? 'aucun'} ${p.unite} (${periode}) [${LIBELLES_STATUT[p.statut]}] — source : ${texteSource(p.source)}`);
  }
  for (const i of e.interpretations) l.push(`  Interprétation [${LIBELLES_STATUT[i.statut]}] : ${i.texte}`);
  for (const a of e.avertissements) l.push(`  ⚠ ${a}`);
  const s = statutGlobal(e);
  if (s !== 'confirme') l.push(`  Statut du résultat : ${LIBELLES_STATUT[s]}${s === 'hypothese' ? ' (repose sur une hypothèse de travail)' : ''}`);
  return l;
}

export function ecrireExplication(io: Io, fonction: string, e: Explication): void {
  for (const ligne of texteExplication(fonction, e)) io.out(ligne);
}

// Mise en texte d'une explication pour le terminal (et pour `sip explain`).
import { LIBELLES_STATUT } from '../rules/bareme/types';
import { isoVersFrancais } from '../rules/dates';
import { Explication, statutGlobal, ValeurEntree } from '../rules/explication';
import { formatDate, formatNombre, formatValeurUnite } from '../rules/format';
import { texteSource } from '../rules/sources';
import { Io } from './io';

const DATE_ISO = /^\d{4}-\d{2}-\d{2}$/;

/** Une entrée telle qu'un lecteur français l'attend : 1,5 ; 12 000 ; VRAI ; 01/06/2025 ; « — » si omise. */
function texteEntree(v: ValeurEntree): string {
  if (typeof v === 'boolean') return v ? 'VRAI' : 'FAUX';
  if (v === null) return '—';
  if (typeof v === 'string') return DATE_ISO.test(v) ? formatDate(v) : v;
  return formatNombre(v, 6);
}

export function texteExplication(fonction: string, e: Explication): string[] {
  const l: string[] = [];
  l.push(`${fonction} — ${e.regle.libelle}`);
  l.push(`  Règle : ${texteSource(e.regle.source)}`);
  const entrees = Object.entries(e.entrees).map(([k, v]) => `${k} = ${texteEntree(v)}`);
  if (entrees.length) l.push(`  Entrées : ${entrees.join(' ; ')}`);
  if (e.date) l.push(`  Barème lu au : ${isoVersFrancais(e.date)}`);
  l.push(`  Calcul : ${e.calcul}`);
  for (const p of e.parametres) {
    const periode = `du ${isoVersFrancais(p.du)}${p.au ? ` au ${isoVersFrancais(p.au)}` : ''}`;
    l.push(`  Paramètre ${p.id} = ${formatValeurUnite(p.valeur, p.unite, p.nonPublie)} (${periode}) [${LIBELLES_STATUT[p.statut]}] — source : ${texteSource(p.source)}`);
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

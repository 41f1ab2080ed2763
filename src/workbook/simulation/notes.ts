// Bloc 10 : les notes — pour chaque aide, qui paie, le motif d'un refus, et chaque paramètre du barème
// que ses versements ont lu (valeur, période, source, statut), les interprétations et avertissements ;
// puis les hypothèses du calendrier et les autres paramètres du plan. Tout vient du grand livre.
import { AIDES, AIDES_SCENARIO, libelleAci, type AideScenario } from '../../rules/aides';
import { LIBELLES_STATUT, type Statut } from '../../rules/bareme/types';
import { texteSource } from '../../rules/sources';
import { isoVersFrancais } from '../../rules/dates';
import { Decimal } from '../../rules/decimal';
import type { Interpretation, ParametreUtilise } from '../../rules/explication';
import { formatNombre } from '../../rules/format';
import type { Versement } from '../../rules/versements/types';
import type { StyleCellule } from '../description';
import type { ContexteSimulation } from './contexte';

export function prefixeStatut(statut: Statut): string {
  return statut === 'confirme' ? `[${LIBELLES_STATUT.confirme}]` : `⚠ ${LIBELLES_STATUT[statut].toUpperCase()} :`;
}

export function texteParametre(p: ParametreUtilise): string {
  const valeur = p.valeur === null ? 'aucune' : `${formatNombre(new Decimal(p.valeur), 6)} ${p.unite}`;
  const periode = `en vigueur du ${isoVersFrancais(p.du)}${p.au ? ` au ${isoVersFrancais(p.au)}` : ''}`;
  return `${p.libelle} = ${valeur} (${periode} ; source : ${texteSource(p.source)})${p.note ? ` — ${p.note}` : ''}`;
}

const style = (s: Statut | 'info'): StyleCellule => (s === 'info' || s === 'confirme' ? 'note' : 'alerte');

/** Numérote les notes (une par aide du scénario, dans l'ordre du registre) avant que les blocs y renvoient. */
export function numeroterNotes(ctx: ContexteSimulation): void {
  AIDES_SCENARIO.forEach((a, k) => ctx.notes.set(a, k + 1));
}

interface Lus {
  parametres: Map<string, ParametreUtilise>;
  interpretations: Map<string, Interpretation>;
  avertissements: Set<string>;
}

function lusPar(versements: readonly Versement[]): Lus {
  const r: Lus = { parametres: new Map(), interpretations: new Map(), avertissements: new Set() };
  for (const v of versements) {
    const e = v.resultat.explication;
    e.parametres.forEach((p) => r.parametres.set(`${p.id}@${p.du}`, p));
    e.interpretations.forEach((i) => r.interpretations.set(i.texte, i));
    e.avertissements.forEach((a) => r.avertissements.add(a));
  }
  return r;
}

function noteAide(ctx: ContexteSimulation, aide: AideScenario, dejaCites: Set<string>): void {
  const { f, livre } = ctx;
  const e = livre.eligibilite.find((x) => x.aide === aide);
  const ligne = (texte: string, statut: Statut | 'info') => f.texte(1, f.ligne++, texte, style(statut));
  f.texte(1, f.ligne++, `(${ctx.notes.get(aide)}) ${aide === 'ACI' ? libelleAci(ctx.s.aci?.adhesion) : AIDES[aide].libelle}`, 'entete');
  ligne(`Financeur : ${AIDES[aide].financeur} — ${AIDES[aide].noteFinanceur} ; source : ${texteSource(AIDES[aide].source)}.`, 'info');
  if (e && !e.eligible) {
    ligne(`Non éligible : ${e.motif}`, 'info');
    return;
  }
  const lus = lusPar([...livre.versements, ...livre.apresHorizon].filter((v) => AIDES[v.aide].eligibiliteDe === aide));
  for (const [cle, p] of lus.parametres) {
    dejaCites.add(cle);
    ligne(`${prefixeStatut(p.statut)} ${texteParametre(p)}`, p.statut);
  }
  for (const i of lus.interpretations.values()) ligne(`${prefixeStatut(i.statut)} Interprétation : ${i.texte}`, i.statut);
  const nonPublies = new Map(livre.nonChiffres.filter((v) => AIDES[v.aide].eligibiliteDe === aide).map((v) => [v.parametre, v.message]));
  for (const message of nonPublies.values()) ligne(`⚠ ${message}`, 'a_confirmer');
  for (const a of lus.avertissements) {
    dejaCites.add(a);
    ligne(`⚠ ${a}`, 'a_confirmer');
  }
}

export function blocNotes(ctx: ContexteSimulation): void {
  const { f, livre, bareme } = ctx;
  f.texte(1, f.ligne++, 'Notes : qui paie, source et statut de chaque paramètre du barème', 'sous_titre');
  f.texte(1, f.ligne++, `Barème ${bareme.version}. Statuts : confirmé (document source), à confirmer (source secondaire ou interprétation), hypothèse (aucun chiffre public : valeur de travail à remplacer).`, 'note');
  const cites = new Set<string>();
  for (const aide of AIDES_SCENARIO) noteAide(ctx, aide, cites);
  f.texte(1, f.ligne++, 'Calendrier des versements et plan de financement', 'entete');
  for (const h of livre.hypotheses) f.texte(1, f.ligne++, `${prefixeStatut(h.statut)} ${h.texte}`, 'alerte');
  for (const p of livre.parametres.filter((x) => !cites.has(`${x.id}@${x.du}`))) f.texte(1, f.ligne++, `${prefixeStatut(p.statut)} ${texteParametre(p)}`, style(p.statut));
  for (const a of livre.avertissements.filter((x) => !cites.has(x))) f.texte(1, f.ligne++, `⚠ ${a}`, 'alerte');
}

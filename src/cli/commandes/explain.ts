// `sip explain` : une formule (comme `calc --explain`), une fonction du catalogue, le barème
// (`--bareme`) ou la bibliographie (`--sources`).
import { attendu } from '../../catalogue/appel';
import { exemplesTexte } from '../../catalogue/documentation';
import { trouverFonction } from '../../catalogue/fonctions';
import { ESPACE_DE_NOMS } from '../../catalogue/types';
import { BAREME_PAR_DEFAUT } from '../../rules/bareme/donnees';
import { formatValeurUnite } from '../../rules/format';
import { LIBELLES_STATUT } from '../../rules/bareme/types';
import { isoVersFrancais } from '../../rules/dates';
import { BIBLIOGRAPHIE, noticeSource, texteSource } from '../../rules/sources';
import { ErreurCli, ErreurUsage } from '../erreurs';
import { Io } from '../io';
import { DeclarationOption, lireDateOption, lireOptions } from '../options';
import { calc } from './calc';

function expliquerBareme(io: Io): number {
  io.out(`Barème ${BAREME_PAR_DEFAUT.version}`);
  for (const p of BAREME_PAR_DEFAUT.parametres) {
    for (const v of p.valeurs) {
      const periode = `du ${isoVersFrancais(v.du)}${v.au ? ` au ${isoVersFrancais(v.au)}` : ''}`;
      const valeur = formatValeurUnite(v.valeur, p.unite, v.nonPublie).replace(/\u00a0/g, ' ');
      io.out(`${p.id} = ${valeur} ${periode} [${LIBELLES_STATUT[v.statut]}] — ${p.libelle} — source : ${texteSource(v.source)}`);
    }
  }
  io.out('Changements connus non chiffrés :');
  for (const c of BAREME_PAR_DEFAUT.changements) io.out(`  ${isoVersFrancais(c.date)} : ${c.libelle}${c.source ? ` (${texteSource(c.source)})` : ''}`);
  io.out('Bibliographie complète : sip explain --sources');
  return 0;
}

function expliquerSources(io: Io): number {
  io.out('Bibliographie du simulateur (identifiant : notice)');
  for (const s of BIBLIOGRAPHIE) {
    io.out(`${s.id}${s.alias?.length ? ` (code ${s.alias.join(', ')})` : ''} : ${noticeSource(s)}`);
    if (s.note) io.out(`  ${s.note}`);
  }
  return 0;
}

export const OPTIONS_EXPLAIN: readonly DeclarationOption[] = [
  { nom: '--bareme' },
  { nom: '--sources' },
  { nom: '--locale', exemple: 'en-US' },
  { nom: '--date', exemple: '15/01/2025' },
  { nom: '--explain' },
];
const USAGE_EXPLAIN = 'Usage : sip explain "<formule>" [--locale en-US] [--date JJ/MM/AAAA] | sip explain <FONCTION> | sip explain --bareme | sip explain --sources';

/** Options (options.ts) ; une formule est passée à calc avec sa locale et sa date (JJ/MM/AAAA acceptée). */
function lireArguments(args: string[]): { aide: boolean; bareme: boolean; sources: boolean; cible?: string; versCalc: string[] } {
  const o = lireOptions('explain', args, OPTIONS_EXPLAIN);
  if (o.aide) return { aide: true, bareme: false, sources: false, versCalc: [] };
  if (o.positionnels.length > 1) throw new ErreurUsage(`une seule formule ou fonction attendue (reçu : ${o.positionnels.join(', ')}) ; mettez la formule entre guillemets`);
  const cible = o.positionnels[0];
  const locale = o.valeur('--locale');
  const date = o.valeur('--date');
  const versCalc = [...(cible ? [cible] : []), ...(locale ? ['--locale', locale] : []), ...(date ? ['--date', lireDateOption(date, '--date')] : [])];
  return { aide: false, bareme: o.drapeau('--bareme'), sources: o.drapeau('--sources'), ...(cible ? { cible } : {}), versCalc };
}

export async function explain(args: string[], io: Io): Promise<number> {
  let lu;
  try {
    lu = lireArguments(args);
  } catch (e) {
    if (!(e instanceof ErreurCli)) throw e;
    io.err(`sip explain : ${e.message}`);
    io.err(USAGE_EXPLAIN);
    return e.code;
  }
  if (lu.aide) {
    io.out(USAGE_EXPLAIN);
    return 0;
  }
  if (lu.bareme) return expliquerBareme(io);
  if (lu.sources) return expliquerSources(io);
  const cible = lu.cible;
  if (!cible) {
    io.err(USAGE_EXPLAIN);
    return 2;
  }
  if (!cible.includes('(')) {
    const f = trouverFonction(cible);
    if (!f) {
      io.err(`Fonction inconnue : ${cible}`);
      return 1;
    }
    io.out(`${ESPACE_DE_NOMS}.${f.nom} — ${f.description.fr}`);
    for (const arg of f.arguments) io.out(`  ${arg.optionnel ? `[${arg.nom}]` : arg.nom} : ${arg.description.fr} (${attendu(arg)})`);
    io.out(`  Résultat : ${f.resultat.description.fr} (${f.resultat.unite})`);
    for (const l of exemplesTexte(f)) io.out(l);
    return 0;
  }
  return calc(lu.versCalc, io, true);
}

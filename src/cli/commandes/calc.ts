// `sip calc "<formule>"` : évalue une formule avec les fonctions du catalogue. Démarrage rapide :
// l'évaluateur léger calcule les formules faites d'appels SIP.* et d'opérateurs ; HyperFormula n'est
// chargé que pour les autres (fonctions natives, références, tableaux).
// Dernière ligne de stdout : la valeur brute (nombre avec « . », ou VRAI/FAUX ; un tableau en
// notation invariante {1;2;3}) ; erreur : code Excel et message français, code de sortie 1.
import type { Explication } from '../../rules/explication';
import { evaluer, ResultatFormule } from '../../formules/evaluation';
import { Locale, ValeurCalculee } from '../../formules/langue';
import { ErreurCli, ErreurUsage } from '../erreurs';
import { ecrireExplication } from '../explication-texte';
import { Io } from '../io';
import { DeclarationOption, lireDateOption, lireOptions } from '../options';
import type { Bareme } from '../../rules/bareme/types';

const USAGE = [
  'Usage : sip calc "<formule>" [--locale en-US] [--explain] [--date JJ/MM/AAAA] [--bareme bareme.json|classeur.xlsx]',
  'Exemple : sip calc "=SIP.AIDE(40000;12)+SOMME(1;2)"',
  '          sip calc --bareme simulation.xlsx "=SIP.PLAFOND(12)"   (barème de la feuille « Barème » du classeur)',
];

const OPTIONS: readonly DeclarationOption[] = [{ nom: '--locale', exemple: 'en-US' }, { nom: '--date', exemple: '15/01/2025' }, { nom: '--explain' }, { nom: '--bareme', exemple: 'bareme.json' }];

export function valeurBrute(v: number | string | boolean | null): string {
  if (typeof v === 'boolean') return v ? 'VRAI' : 'FAUX';
  if (v === null) return '';
  return String(v);
}

const estErreur = (v: ValeurCalculee): v is { erreur: string; message: string } => v !== null && typeof v === 'object';

/** Un élément de tableau : texte entre guillemets (pour le distinguer), erreur par son code. */
function elementBrut(v: ValeurCalculee): string {
  if (estErreur(v)) return v.erreur;
  return typeof v === 'string' ? `"${v.replace(/"/g, '""')}"` : valeurBrute(v);
}

/** Tableau en notation invariante d'Excel : colonnes séparées par « , », lignes par « ; ». */
function tableauBrut(t: ValeurCalculee[][]): string {
  return `{${t.map((l) => l.map(elementBrut).join(',')).join(';')}}`;
}

function afficher(r: ResultatFormule, io: Io): number {
  if (r !== null && typeof r === 'object' && 'tableau' in r) {
    io.out(tableauBrut(r.tableau));
    return 0;
  }
  if (estErreur(r)) {
    io.err(`${r.erreur} ${r.message}`.trim());
    io.out(r.erreur);
    return 1;
  }
  io.out(valeurBrute(r));
  return 0;
}

interface Demande {
  formule: string;
  locale: Locale;
  aujourdhui?: string;
  expliquer: boolean;
  /** Fichier du barème (--bareme) : données JSON ou classeur avec une feuille « Barème ». */
  bareme?: string;
}

/** Options lues ; null si l'aide est demandée. Lève une ErreurUsage au message français. */
function lireDemande(args: string[], io: Io, expliquer: boolean): Demande | null {
  const o = lireOptions('calc', args, OPTIONS);
  if (o.aide) return null;
  const locale = o.valeur('--locale') ?? 'fr-FR';
  if (locale !== 'fr-FR' && locale !== 'en-US') throw new ErreurUsage(`--locale : fr-FR ou en-US attendu (reçu : « ${locale} »)`);
  if (o.positionnels.length !== 1) {
    throw new ErreurUsage(o.positionnels.length === 0 ? 'formule attendue, entre guillemets' : `une seule formule attendue, entre guillemets (reçu : ${o.positionnels.length} arguments)`);
  }
  const date = o.valeur('--date');
  const aujourdhui = date === undefined ? io.aujourdhui : lireDateOption(date, '--date');
  const bareme = o.valeur('--bareme');
  return { formule: o.positionnels[0], locale, expliquer: expliquer || o.drapeau('--explain'), ...(aujourdhui ? { aujourdhui } : {}), ...(bareme ? { bareme } : {}) };
}

/** Le barème de --bareme, avec son compte rendu sur la sortie d'erreur (la sortie standard garde la seule valeur). */
async function baremeDemande(fichier: string | undefined, io: Io): Promise<Bareme | undefined> {
  if (!fichier) return undefined;
  // Chargé à la demande : sip calc sans --bareme garde son démarrage rapide.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { chargerBareme, compteRenduBareme } = require('../bareme') as typeof import('../bareme');
  const b = await chargerBareme(fichier, io);
  const { infos, erreurs } = compteRenduBareme(b);
  [...infos, ...erreurs].forEach((l) => io.err(l));
  return b.bareme;
}

export async function calc(args: string[], io: Io, expliquer = false): Promise<number> {
  let d: Demande | null;
  let bareme: Bareme | undefined;
  try {
    d = lireDemande(args, io, expliquer);
    bareme = await baremeDemande(d?.bareme, io);
  } catch (e) {
    if (!(e instanceof ErreurCli)) throw e;
    io.err(`sip calc : ${e.message}`);
    if (e.usage) USAGE.forEach((l) => io.err(l));
    return e.code;
  }
  if (!d) {
    USAGE.forEach((l) => io.out(l));
    return 0;
  }
  const explications: { fonction: string; explication: Explication }[] = [];
  const { resultat } = evaluer(d.formule, {
    locale: d.locale,
    ...(bareme ? { bareme } : {}),
    ...(d.aujourdhui ? { aujourdhui: d.aujourdhui } : {}),
    collecteur: (fonction, explication) => explications.push({ fonction, explication }),
  });
  if (d.expliquer) for (const e of explications) ecrireExplication(io, e.fonction, e.explication);
  return afficher(resultat, io);
}

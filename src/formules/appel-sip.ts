// Appel d'une fonction SIP.* depuis une formule, commun au moteur complet (HyperFormula) et à
// l'évaluateur léger de la CLI : dates en texte lues dans l'ordre de la langue, erreurs des règles
// rendues comme erreurs de cellule (type + message français), explication transmise au collecteur.
import { appeler, versCellule, ValeurBrute } from '../catalogue/appel';
import { ESPACE_DE_NOMS, FonctionCatalogue } from '../catalogue/types';
import { CodeErreur, ErreurRegle } from '../rules/erreurs';
import type { ContexteMoteur } from './contexte';
import { formatDateAttendu, texteVersIso } from './dates-texte';
import { Locale, TypeErreur } from './langue';

/** Erreur de cellule : type (celui d'HyperFormula) et message français. */
export interface ErreurCellule {
  type: TypeErreur;
  message: string;
}

const TYPE_ERREUR: Record<CodeErreur, TypeErreur> = { '#VALEUR!': 'VALUE', '#NOMBRE!': 'NUM', '#N/A': 'NA' };

export const nomComplet = (f: FonctionCatalogue) => `${ESPACE_DE_NOMS}.${f.nom}`;

/** Une date en texte devient AAAA-MM-JJ selon l'ordre de la langue ; sinon, erreur nommant l'argument. */
function datesLues(f: FonctionCatalogue, bruts: readonly ValeurBrute[], ordre: Locale): ValeurBrute[] {
  return bruts.map((v, i) => {
    const arg = f.arguments[i];
    if (arg?.type !== 'date' || typeof v !== 'string' || v.trim() === '') return v;
    const iso = texteVersIso(v, ordre);
    if (iso === null) throw new ErreurRegle('#VALEUR!', `${arg.nom} : date attendue au format ${formatDateAttendu(ordre)} (reçu : « ${v} »)`, arg.nom);
    return iso;
  });
}

export function appelerSip(f: FonctionCatalogue, bruts: readonly ValeurBrute[], ctx: ContexteMoteur): number | boolean | ErreurCellule {
  try {
    const r = appeler(f, datesLues(f, bruts, ctx.ordreDates), ctx);
    const valeur = versCellule(f, r);
    ctx.collecteur?.(nomComplet(f), r.explication);
    return valeur;
  } catch (e) {
    if (e instanceof ErreurRegle) return { type: TYPE_ERREUR[e.code], message: e.message };
    throw e;
  }
}

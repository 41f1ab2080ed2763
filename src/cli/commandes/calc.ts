// `sip calc "<formule>"` : évalue une formule avec les fonctions du catalogue dans HyperFormula.
// Dernière ligne de stdout : la valeur brute (nombre avec « . », ou VRAI/FAUX) ; erreur : code 1.
import { verifierIso } from '../../rules/dates';
import { ErreurRegle } from '../../rules/erreurs';
import { Explication } from '../../rules/explication';
import { evaluerFormule, Locale } from '../../formules/moteur';
import { ecrireExplication } from '../explication-texte';
import { extraireDrapeau, extraireOption, Io } from '../io';

export function valeurBrute(v: number | string | boolean | null): string {
  if (typeof v === 'boolean') return v ? 'VRAI' : 'FAUX';
  if (v === null) return '';
  return String(v);
}

export async function calc(args: string[], io: Io, expliquer = false): Promise<number> {
  const a = [...args];
  const locale = (extraireOption(a, '--locale') ?? 'fr-FR') as Locale;
  const date = extraireOption(a, '--date');
  const avecExplication = extraireDrapeau(a, '--explain') || expliquer;
  if (locale !== 'fr-FR' && locale !== 'en-US') {
    io.err(`--locale : fr-FR ou en-US attendu (reçu : ${locale})`);
    return 2;
  }
  if (a.length !== 1) {
    io.err('Usage : sip calc "<formule>" [--locale en-US] [--explain] [--date AAAA-MM-JJ]');
    io.err('Exemple : sip calc "=SIP.AIDE(40000;12)+SOMME(1;2)"');
    return 2;
  }
  let aujourdhui = io.aujourdhui;
  if (date) {
    try {
      aujourdhui = verifierIso(date, '--date');
    } catch (e) {
      io.err((e as ErreurRegle).message);
      return 2;
    }
  }
  const explications: { fonction: string; explication: Explication }[] = [];
  const v = evaluerFormule(a[0], {
    locale,
    ...(aujourdhui ? { aujourdhui } : {}),
    collecteur: (fonction, explication) => explications.push({ fonction, explication }),
  });
  if (avecExplication) for (const e of explications) ecrireExplication(io, e.fonction, e.explication);
  if (v !== null && typeof v === 'object') {
    io.err(`${v.erreur} ${v.message}`.trim());
    io.out(v.erreur);
    return 1;
  }
  io.out(valeurBrute(v));
  return 0;
}

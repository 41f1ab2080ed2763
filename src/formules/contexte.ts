// Options d'évaluation des formules et contexte transmis aux fonctions SIP.* (barème, date du jour,
// ordre de lecture des dates en texte, collecteur d'explications). Module léger, sans HyperFormula.
import { Contexte } from '../catalogue/types';
import { BAREME_PAR_DEFAUT } from '../rules/bareme/donnees';
import { Bareme } from '../rules/bareme/types';
import { aujourdhuiIso } from '../rules/dates';
import { Explication } from '../rules/explication';
import { Locale } from './langue';

export interface ContexteMoteur extends Contexte {
  /** Reçoit l'explication de chaque appel SIP.* évalué (pour `--explain`). */
  collecteur?: (fonction: string, explication: Explication) => void;
  /** Ordre de lecture des dates écrites en texte (JJ/MM ou MM/JJ). */
  ordreDates: Locale;
}

export interface OptionsMoteur {
  /** Syntaxe des formules (séparateurs, noms des fonctions natives). Par défaut fr-FR. */
  locale?: Locale;
  bareme?: Bareme;
  aujourdhui?: string;
  collecteur?: ContexteMoteur['collecteur'];
  /** Ordre de lecture des dates en texte ; par défaut celui de `locale`. */
  ordreDates?: Locale;
}

export function contexteMoteur(o: OptionsMoteur, ordreParDefaut: Locale = o.locale ?? 'fr-FR'): ContexteMoteur {
  return {
    bareme: o.bareme ?? BAREME_PAR_DEFAUT,
    aujourdhui: o.aujourdhui ?? aujourdhuiIso(),
    ordreDates: o.ordreDates ?? ordreParDefaut,
    ...(o.collecteur ? { collecteur: o.collecteur } : {}),
  };
}

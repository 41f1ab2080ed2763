// Moteur de formules sans tableur (CLI, tests, vérification de classeurs) : HyperFormula, avec les
// fonctions du catalogue enregistrées comme fonctions natives. Node seulement (GPL-3.0).
import { CellError, ErrorType, FunctionArgumentType, FunctionPlugin, HyperFormula } from 'hyperformula';
import type { FunctionMetadata, ImplementedFunctions } from 'hyperformula';
import enUS from 'hyperformula/commonjs/i18n/languages/enUS';
import frFR from 'hyperformula/commonjs/i18n/languages/frFR';
import { appeler, versCellule, ValeurBrute } from '../catalogue/appel';
import { CATALOGUE } from '../catalogue/fonctions';
import { Contexte, ESPACE_DE_NOMS, FonctionCatalogue } from '../catalogue/types';
import { BAREME_PAR_DEFAUT } from '../rules/bareme/donnees';
import { Bareme } from '../rules/bareme/types';
import { aujourdhuiIso } from '../rules/dates';
import { CodeErreur, ErreurRegle } from '../rules/erreurs';
import { Explication } from '../rules/explication';
import { depuisFormeFichier } from './forme-fichier';

export type Locale = 'fr-FR' | 'en-US';

export interface ContexteMoteur extends Contexte {
  /** Reçoit l'explication de chaque appel SIP.* évalué (pour `--explain`). */
  collecteur?: (fonction: string, explication: Explication) => void;
}

const TYPE_ERREUR: Record<CodeErreur, ErrorType> = {
  '#VALEUR!': ErrorType.VALUE,
  '#NOMBRE!': ErrorType.NUM,
  '#N/A': ErrorType.NA,
};

export const nomComplet = (f: FonctionCatalogue) => `${ESPACE_DE_NOMS}.${f.nom}`;
const methode = (f: FonctionCatalogue) => `sip_${f.nom}`;

function brut(v: unknown): ValeurBrute {
  if (typeof v === 'number' || typeof v === 'string' || typeof v === 'boolean') return v;
  return null; // EmptyValue, undefined : argument omis ou cellule vide
}

class PluginSip extends FunctionPlugin {
  static implementedFunctions: ImplementedFunctions = Object.fromEntries(
    CATALOGUE.map((f) => [
      nomComplet(f),
      {
        method: methode(f),
        parameters: f.arguments.map(() => ({ argumentType: FunctionArgumentType.SCALAR, optionalArg: true })),
      } satisfies FunctionMetadata,
    ]),
  );
}

for (const f of CATALOGUE) {
  (PluginSip.prototype as unknown as Record<string, unknown>)[methode(f)] = function (this: PluginSip, ast: { args: unknown[] }, state: unknown) {
    const ctx = (this as unknown as { config: { context: ContexteMoteur } }).config.context;
    const run = (this as unknown as { runFunction: (...a: unknown[]) => unknown }).runFunction;
    return run(ast.args, state, this.metadata(nomComplet(f)), (...args: unknown[]) => {
      const erreur = args.find((a) => a instanceof CellError);
      if (erreur) return erreur; // une erreur en argument se propage, comme dans Excel
      try {
        const r = appeler(f, args.map(brut), ctx);
        const valeur = versCellule(f, r);
        ctx.collecteur?.(nomComplet(f), r.explication);
        return valeur;
      } catch (e) {
        if (e instanceof ErreurRegle) return new CellError(TYPE_ERREUR[e.code], e.message);
        throw e;
      }
    });
  };
}

const traductions = Object.fromEntries(CATALOGUE.map((f) => [nomComplet(f), nomComplet(f)]));
let enregistre = false;

function enregistrer(): void {
  if (enregistre) return;
  for (const [code, pack] of [['frFR', frFR], ['enUS', enUS]] as const) {
    if (!HyperFormula.getRegisteredLanguagesCodes().includes(code)) HyperFormula.registerLanguage(code, pack);
  }
  HyperFormula.registerFunctionPlugin(PluginSip, { frFR: traductions, enUS: traductions, enGB: traductions });
  enregistre = true;
}

/** Noms des fonctions enregistrées dans le moteur (pour le test de cohérence avec le catalogue). */
export function fonctionsEnregistrees(): string[] {
  enregistrer();
  return HyperFormula.getRegisteredFunctionNames('enGB').filter((n) => n.startsWith(`${ESPACE_DE_NOMS}.`));
}

export interface OptionsMoteur {
  locale?: Locale;
  bareme?: Bareme;
  aujourdhui?: string;
  collecteur?: ContexteMoteur['collecteur'];
}

export function configMoteur(o: OptionsMoteur = {}) {
  const fr = (o.locale ?? 'fr-FR') === 'fr-FR';
  const context: ContexteMoteur = {
    bareme: o.bareme ?? BAREME_PAR_DEFAUT,
    aujourdhui: o.aujourdhui ?? aujourdhuiIso(),
    ...(o.collecteur ? { collecteur: o.collecteur } : {}),
  };
  return {
    licenseKey: 'gpl-v3',
    language: fr ? 'frFR' : 'enUS',
    functionArgSeparator: fr ? ';' : ',',
    decimalSeparator: (fr ? ',' : '.') as ',' | '.',
    thousandSeparator: '' as const,
    arrayColumnSeparator: (fr ? ';' : ',') as ';' | ',',
    arrayRowSeparator: (fr ? '|' : ';') as '|' | ';',
    context,
  };
}

/** Crée un classeur sans tableur ; les formules peuvent être sous forme affichée ou fichier. */
export function creerClasseur(feuilles: Record<string, (string | number | boolean | null)[][]>, o: OptionsMoteur = {}): HyperFormula {
  enregistrer();
  const normalisees = Object.fromEntries(
    Object.entries(feuilles).map(([nom, lignes]) => [nom, lignes.map((l) => l.map((c) => (typeof c === 'string' && c.startsWith('=') ? depuisFormeFichier(c) : c)))]),
  );
  return HyperFormula.buildFromSheets(normalisees, configMoteur(o));
}

export type ValeurCalculee = number | string | boolean | null | { erreur: string; message: string };

export function valeurCellule(hf: HyperFormula, feuille: number, ligne: number, colonne: number): ValeurCalculee {
  const v = hf.getCellValue({ sheet: feuille, row: ligne, col: colonne });
  if (v !== null && typeof v === 'object') return { erreur: v.value, message: v.message };
  return v;
}

/** Évalue une seule formule. */
export function evaluerFormule(formule: string, o: OptionsMoteur = {}): ValeurCalculee {
  const texte = formule.trim().startsWith('=') ? formule.trim() : `=${formule.trim()}`;
  const hf = creerClasseur({ Feuille1: [[texte]] }, o);
  try {
    return valeurCellule(hf, 0, 0, 0);
  } finally {
    hf.destroy();
  }
}

// Les fonctions du catalogue enregistrées dans HyperFormula comme fonctions natives, et les packs
// de langue (français, anglais). Node seulement (GPL-3.0).
import { CellError, ErrorType, FunctionArgumentType, FunctionPlugin, HyperFormula } from 'hyperformula';
import type { FunctionMetadata, ImplementedFunctions, RawTranslationPackage } from 'hyperformula';
import enUS from 'hyperformula/commonjs/i18n/languages/enUS';
import frFR from 'hyperformula/commonjs/i18n/languages/frFR';
import { ValeurBrute, valeurRapide } from '../catalogue/appel';
import { CATALOGUE } from '../catalogue/fonctions';
import { ESPACE_DE_NOMS } from '../catalogue/types';
import { appelerSip, nomComplet } from './appel-sip';
import { ContexteMoteur } from './contexte';

const methode = (nom: string) => `sip_${nom}`;

function brut(v: unknown): ValeurBrute {
  if (typeof v === 'number' || typeof v === 'string' || typeof v === 'boolean') return v;
  return null; // EmptyValue : argument omis ou cellule vide
}

class PluginSip extends FunctionPlugin {
  static implementedFunctions: ImplementedFunctions = Object.fromEntries(
    CATALOGUE.map((f) => [
      nomComplet(f),
      {
        method: methode(f.nom),
        // Un tableau ou une plage en argument est calculé élément par élément (comme Excel).
        enableArrayArithmeticForArguments: true,
        // Arguments en trop acceptés ici : la règle les refuse avec un message français.
        repeatLastArgs: 1,
        parameters: f.arguments.map(() => ({ argumentType: FunctionArgumentType.SCALAR, optionalArg: true })),
      } satisfies FunctionMetadata,
    ]),
  );
}

for (const f of CATALOGUE) {
  (PluginSip.prototype as unknown as Record<string, unknown>)[methode(f.nom)] = function (this: PluginSip, ast: { args: unknown[] }, state: unknown) {
    const ctx = (this as unknown as { config: { context: ContexteMoteur } }).config.context;
    const run = (this as unknown as { runFunction: (...a: unknown[]) => unknown }).runFunction;
    return run(ast.args, state, this.metadata(nomComplet(f)), (...args: unknown[]) => {
      // Tableaux de tailles différentes : pas de valeur à cette position (Excel : #N/A).
      if (args.slice(0, ast.args.length).some((a) => a === undefined)) {
        return new CellError(ErrorType.NA, 'tableaux de tailles différentes : aucune valeur à cette position');
      }
      const erreur = args.find((a) => a instanceof CellError);
      if (erreur) return erreur; // une erreur en argument se propage, comme dans Excel
      const bruts = args.map(brut);
      // Valeur seule (pas d'explication à recueillir) : chemin rapide, s'il aboutit.
      const v = ctx.collecteur ? undefined : valeurRapide(f, bruts, ctx);
      if (v !== undefined) return v;
      const r = appelerSip(f, bruts, ctx);
      return typeof r === 'object' ? new CellError(r.type as ErrorType, r.message) : r;
    });
  };
}

const traductions = Object.fromEntries(CATALOGUE.map((f) => [nomComplet(f), nomComplet(f)]));
let enregistre = false;

export function enregistrer(): void {
  if (enregistre) return;
  // #SPILL! s'appelle #PROPAGATION! dans Excel en français.
  const fr: RawTranslationPackage = { ...frFR, errors: { ...frFR.errors, SPILL: '#PROPAGATION!' } };
  for (const [code, pack] of [['frFR', fr], ['enUS', enUS]] as const) {
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

// Un Excel simulé pour les tests : exécute le bundle functions.js construit dans un contexte isolé
// où `CustomFunctions` et `Office` sont ceux du faux hôte Office des tests (test/browser/faux-office.js,
// le même que pour l'écrivain et le volet), puis appelle les fonctions comme Excel : un argument par
// paramètre déclaré (null si omis), plus l'objet « invocation » qu'Excel ajoute toujours en dernier.
import * as fs from 'fs';
import * as path from 'path';
import * as vm from 'vm';
import { CODES, creerFauxOffice, ErreurExcel } from '../browser/faux-office';

export { CODES, ErreurExcel };

export type Valeur = number | string | boolean | null;

export interface ExcelSimule {
  ids: string[];
  /** Appel tel qu'Excel le fait ; `args` ne donne que ce que l'utilisateur a tapé. */
  appeler(id: string, ...args: Valeur[]): unknown;
  comportementDemarrage: string[];
  erreursConsole: unknown[];
}

export interface OptionsExcel {
  /** Métadonnées (pour connaître le nombre de paramètres déclarés de chaque fonction). */
  metadonnees: { functions: { id: string; parameters: unknown[] }[] };
  /** Date courante vue par le runtime (défaut : l'horloge réelle). */
  maintenant?: Date;
}

export function chargerBundle(dossier: string, options: OptionsExcel): ExcelSimule {
  const faux = creerFauxOffice();
  const erreursConsole: unknown[] = [];
  const contexte = vm.createContext({
    console: { log: () => undefined, warn: () => undefined, error: (...a: unknown[]) => erreursConsole.push(a) },
    Date: dateFigee(options.maintenant),
    CustomFunctions: faux.CustomFunctions,
    Office: faux.Office,
  });
  vm.runInContext(fs.readFileSync(path.join(dossier, 'functions.js'), 'utf8'), contexte, { filename: 'functions.js' });
  const declares = new Map(options.metadonnees.functions.map((f) => [f.id, f.parameters.length]));
  return {
    ids: [...faux.fonctions.keys()],
    comportementDemarrage: faux.demarrage,
    erreursConsole,
    appeler(id, ...args) {
      const f = faux.fonctions.get(id);
      if (!f) throw new Error(`fonction ${id} non associée`);
      const n = declares.get(id);
      if (n === undefined) throw new Error(`fonction ${id} absente des métadonnées`);
      if (args.length > n) throw new Error(`Excel refuse la formule : ${id} a ${n} paramètre(s)`);
      const complets = [...args, ...Array(n - args.length).fill(null)];
      return f(...complets, { address: 'Feuil1!A1', functionName: id });
    },
  };
}

/** Date figée : `new Date()` sans argument rend `maintenant`, le reste se comporte normalement. */
function dateFigee(maintenant?: Date): DateConstructor {
  const DateReelle = Date;
  const instant = maintenant?.getTime();
  if (instant === undefined) return DateReelle;
  return class extends DateReelle {
    constructor(...a: unknown[]) {
      if (a.length === 0) super(instant as number);
      else super(...(a as [number]));
    }
    static now() {
      return instant as number;
    }
  } as DateConstructor;
}

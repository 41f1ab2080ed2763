// Un Excel simulé pour les tests : exécute le bundle functions.js construit dans un contexte isolé
// où `CustomFunctions` (associate, Error, ErrorCode) et `Office` sont des doublures, puis appelle
// les fonctions comme Excel : un argument par paramètre déclaré (null si omis), plus l'objet
// « invocation » qu'Excel ajoute toujours en dernier.
import * as fs from 'fs';
import * as path from 'path';
import * as vm from 'vm';

export const CODES = {
  invalidValue: '#VALUE!',
  invalidNumber: '#NUM!',
  notAvailable: '#N/A',
  divisionByZero: '#DIV/0!',
  nullReference: '#NULL!',
  invalidName: '#NAME?',
  invalidReference: '#REF!',
} as const;

/** Doublure de CustomFunctions.Error : garde le code et le message. */
export class ErreurExcel {
  constructor(
    readonly code: string,
    readonly message?: string,
  ) {}
}

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
  const fonctions = new Map<string, (...a: unknown[]) => unknown>();
  const comportementDemarrage: string[] = [];
  const erreursConsole: unknown[] = [];
  const DateReelle = Date;
  // Date figée : `new Date()` sans argument rend `maintenant`, le reste se comporte normalement.
  const instant = options.maintenant?.getTime();
  const DateFigee =
    instant === undefined
      ? DateReelle
      : (class extends DateReelle {
          constructor(...a: unknown[]) {
            if (a.length === 0) super(instant as number);
            else super(...(a as [number]));
          }
          static now() {
            return instant as number;
          }
        } as DateConstructor);
  const contexte = vm.createContext({
    console: { log: () => undefined, warn: () => undefined, error: (...a: unknown[]) => erreursConsole.push(a) },
    Date: DateFigee,
    CustomFunctions: {
      associate: (id: string, f: (...a: unknown[]) => unknown) => fonctions.set(id, f),
      Error: ErreurExcel,
      ErrorCode: CODES,
    },
    Office: {
      onReady: (rappel: () => void) => {
        rappel();
        return Promise.resolve({ host: 'Excel', platform: 'OfficeOnline' });
      },
      context: { requirements: { isSetSupported: (nom: string, version: string) => nom === 'SharedRuntime' && version === '1.1' } },
      StartupBehavior: { load: 'Load', none: 'None' },
      addin: {
        setStartupBehavior: (b: string) => {
          comportementDemarrage.push(b);
          return Promise.resolve();
        },
      },
    },
  });
  vm.runInContext(fs.readFileSync(path.join(dossier, 'functions.js'), 'utf8'), contexte, { filename: 'functions.js' });
  const declares = new Map(options.metadonnees.functions.map((f) => [f.id, f.parameters.length]));
  return {
    ids: [...fonctions.keys()],
    comportementDemarrage,
    erreursConsole,
    appeler(id, ...args) {
      const f = fonctions.get(id);
      if (!f) throw new Error(`fonction ${id} non associée`);
      const n = declares.get(id);
      if (n === undefined) throw new Error(`fonction ${id} absente des métadonnées`);
      if (args.length > n) throw new Error(`Excel refuse la formule : ${id} a ${n} paramètre(s)`);
      const complets = [...args, ...Array(n - args.length).fill(null)];
      return f(...complets, { address: 'Feuil1!A1', functionName: id });
    },
  };
}

// Nos métadonnées des fonctions personnalisées (functions.json, produites depuis le catalogue par
// scripts/metadata.js) comparées à celles que produit l'outil de Microsoft, le plugin webpack
// custom-functions-metadata-plugin, pour les mêmes fonctions déclarées à sa manière (JSDoc
// @customfunction) : chaque champ qu'il écrit doit être celui que nous écrivons. Le catalogue reste
// la seule source ; la déclaration JSDoc est tirée de notre propre fichier, le temps du test.
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { genererMetadonnees, type FonctionExcel } from '../../src/functions/metadonnees';

jest.setTimeout(120_000);

const RACINE = path.resolve(__dirname, '../..');
const URL_BASE = 'https://localhost:3000';

/** Une fonction TypeScript commentée comme l'attend l'outil de Microsoft. */
function declaration(f: FonctionExcel): string {
  const ligne = (t: string) => t.replace(/\*\//g, '* /');
  const params = f.parameters.map((p) => ` * @param ${p.optional ? `[${p.name}]` : p.name} ${ligne(p.description)}`);
  const signature = f.parameters.map((p) => `${p.name}${p.optional ? '?' : ''}: any`).join(', ');
  return [
    '/**',
    ` * ${ligne(f.description)}`,
    ` * @customfunction ${f.id} ${f.name}`,
    ...(f.helpUrl ? [` * @helpurl ${f.helpUrl}`] : []),
    ...params,
    ' */',
    `export function ${f.id}(${signature}): ${f.result.type} {`,
    `  return ${f.result.type === 'boolean' ? 'false' : '0'};`,
    '}',
    '',
  ].join('\n');
}

/** functions.json écrit par custom-functions-metadata-plugin pour ces déclarations (construction webpack). */
async function metadonneesOfficielles(source: string): Promise<{ functions: Record<string, unknown>[] }> {
  const dossier = fs.mkdtempSync(path.join(os.tmpdir(), 'metadonnees-officielles-'));
  const entree = path.join(dossier, 'fonctions.ts');
  fs.writeFileSync(entree, source);
  /* eslint-disable @typescript-eslint/no-require-imports */
  const webpack = require('webpack');
  const CustomFunctionsMetadataPlugin = require('custom-functions-metadata-plugin');
  /* eslint-enable @typescript-eslint/no-require-imports */
  const config = {
    mode: 'development',
    devtool: false,
    context: dossier,
    entry: entree,
    output: { path: path.join(dossier, 'dist') },
    resolve: { extensions: ['.ts', '.js'] },
    resolveLoader: { modules: [path.join(RACINE, 'node_modules')] },
    module: { rules: [{ test: /\.ts$/, loader: 'ts-loader', options: { transpileOnly: true, configFile: path.join(RACINE, 'tsconfig.json') } }] },
    plugins: [new CustomFunctionsMetadataPlugin({ input: entree, output: 'functions.json' })],
    infrastructureLogging: { level: 'none' },
    stats: 'none',
  };
  try {
    await new Promise<void>((ok, echec) =>
      webpack(config, (err: Error | null, stats: { hasErrors(): boolean; toString(o: string): string }) => {
        if (err) echec(err);
        else if (stats.hasErrors()) echec(new Error(stats.toString('errors-only')));
        else ok();
      }),
    );
    return JSON.parse(fs.readFileSync(path.join(dossier, 'dist', 'functions.json'), 'utf8'));
  } finally {
    fs.rmSync(dossier, { recursive: true, force: true });
  }
}

/** Ce que nous écrivons, réduit aux champs que l'outil écrit (récursivement). */
function restreindre(notre: unknown, officiel: unknown): unknown {
  if (Array.isArray(officiel) && Array.isArray(notre)) return notre.map((x, i) => restreindre(x, officiel[i]));
  if (officiel && typeof officiel === 'object' && notre && typeof notre === 'object') {
    return Object.fromEntries(Object.keys(officiel).map((k) => [k, restreindre((notre as Record<string, unknown>)[k], (officiel as Record<string, unknown>)[k])]));
  }
  return notre;
}

/** Les valeurs par défaut du schéma, que l'outil n'écrit pas (paramètre obligatoire, scalaire). */
function avecDefauts(f: Record<string, unknown>): Record<string, unknown> {
  const parametres = (f.parameters as Record<string, unknown>[]).map((p) => ({ optional: false, dimensionality: 'scalar', ...p }));
  return { ...f, parameters: parametres, result: { dimensionality: 'scalar', ...(f.result as object) } };
}

test('chaque fonction : id, nom, description, aide, paramètres et résultat tels que les écrit l’outil de Microsoft', async () => {
  const notres = genererMetadonnees('en', URL_BASE).functions;
  const officielles = (await metadonneesOfficielles(notres.map(declaration).join('\n'))).functions;
  expect(officielles.map((f) => f.id)).toEqual(notres.map((f) => f.id));
  for (const [k, officielle] of officielles.entries()) {
    const complete = avecDefauts(officielle);
    expect(restreindre(notres[k], complete)).toEqual(complete);
  }
  // L'outil écrit au moins ces champs : la comparaison ne peut pas être vide.
  expect(Object.keys(officielles[0])).toEqual(expect.arrayContaining(['id', 'name', 'description', 'helpUrl', 'parameters', 'result']));
});

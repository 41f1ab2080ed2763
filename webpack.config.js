// Construction du complément Excel : bundles `functions` (fonctions personnalisées) et `taskpane`
// (volet React), page taskpane.html du runtime partagé, métadonnées des fonctions (depuis le
// catalogue), icônes et manifeste. `npm run build` (production) ; `npm start` (scripts/serve.js).
//
// Options (`webpack --env cle=valeur`) : `sortie=<dossier>` (défaut dist/, dont dist/node de la CLI
// est préservé) ; `modules=<fichier.json>` (liste des sources de chaque bundle, pour les tests) ;
// `cache=<dossier>` (cache disque de webpack).
// Variable SIP_URL_BASE : adresse publique du complément (défaut https://localhost:3000),
// reportée dans le manifeste copié et les liens d'aide des métadonnées.
'use strict';
const path = require('path');
const CopyWebpackPlugin = require('copy-webpack-plugin');
const HtmlWebpackPlugin = require('html-webpack-plugin');
const { MetadonneesFonctionsPlugin } = require('./scripts/metadata');

const URL_DEV = 'https://localhost:3000';
const PORT = 3000;

/** Modules réservés à Node (CLI, tests) : ils ne doivent jamais entrer dans les bundles du complément. */
const MODULES_INTERDITS = ['hyperformula', 'exceljs'];

class ModulesInterditsPlugin {
  apply(compiler) {
    const motif = new RegExp(`[\\\\/]node_modules[\\\\/](${MODULES_INTERDITS.join('|')})[\\\\/]`);
    compiler.hooks.thisCompilation.tap('ModulesInterdits', (compilation, { normalModuleFactory }) => {
      normalModuleFactory.hooks.afterResolve.tap('ModulesInterdits', (donnees) => {
        const ressource = donnees.createData && donnees.createData.resource;
        if (ressource && motif.test(ressource)) {
          const origine = donnees.contextInfo && donnees.contextInfo.issuer ? path.relative(__dirname, donnees.contextInfo.issuer) : '?';
          compilation.errors.push(
            new compiler.webpack.WebpackError(
              `Module interdit dans le complément : « ${donnees.request} » importé par ${origine}. ` +
                `${MODULES_INTERDITS.join(' et ')} sont réservés à la CLI et aux tests (Node).`,
            ),
          );
          return false; // ignoré : la construction échoue sans analyser le module
        }
        return undefined;
      });
    });
  }
}

/** Écrit, pour chaque bundle, la liste des fichiers sources qu'il contient (tests, mesures). */
class ListeModulesPlugin {
  constructor(fichier) {
    this.fichier = fichier;
  }

  apply(compiler) {
    compiler.hooks.done.tap('ListeModules', ({ compilation }) => {
      const liste = {};
      const ressources = (m) => (m.modules ? [...m.modules].flatMap(ressources) : m.resource ? [path.relative(__dirname, m.resource)] : []);
      for (const chunk of compilation.chunks) {
        const modules = [...compilation.chunkGraph.getChunkModulesIterable(chunk)].flatMap(ressources);
        liste[chunk.name] = [...new Set(modules)].sort();
      }
      require('fs').writeFileSync(this.fichier, JSON.stringify(liste, null, 1));
    });
  }
}

function configuration(env = {}, argv = {}) {
  const production = (argv.mode || process.env.NODE_ENV || 'production') === 'production';
  const urlBase = (process.env.SIP_URL_BASE || URL_DEV).replace(/\/+$/, '');
  const sortie = path.resolve(__dirname, env.sortie || 'dist');
  return {
    mode: production ? 'production' : 'development',
    context: __dirname,
    entry: {
      functions: './src/functions/functions.ts',
      taskpane: './src/taskpane/index.tsx',
    },
    output: {
      path: sortie,
      filename: '[name].js',
      // dist/node contient la CLI compilée par `npm run build:node` : ne pas l'effacer.
      clean: { keep: /^node[\\/]/ },
    },
    // Cache disque facultatif (`--env cache=<dossier>`), pour les constructions répétées des tests.
    ...(env.cache ? { cache: { type: 'filesystem', cacheDirectory: path.resolve(env.cache), buildDependencies: { config: [__filename, require.resolve('./scripts/metadata')] } } } : {}),
    // Pas d'eval (la Content-Security-Policy du volet l'interdit) : cartes de source séparées.
    devtool: 'source-map',
    resolve: { extensions: ['.ts', '.tsx', '.js', '.mjs'] },
    module: {
      rules: [
        {
          test: /\.tsx?$/,
          exclude: /node_modules/,
          use: {
            loader: 'ts-loader',
            options: { transpileOnly: true, compilerOptions: { module: 'es2020', sourceMap: true } },
          },
        },
      ],
    },
    // Budgets de taille : vérifiés par `npm run bench` (gzip), pas par les avertissements de webpack.
    performance: { hints: false },
    plugins: [
      new ModulesInterditsPlugin(),
      ...(env.modules ? [new ListeModulesPlugin(path.resolve(env.modules))] : []),
      new MetadonneesFonctionsPlugin({ urlBase }),
      new HtmlWebpackPlugin({
        filename: 'taskpane.html',
        template: './src/taskpane/taskpane.html',
        chunks: ['functions', 'taskpane'],
        chunksSortMode: 'manual',
        inject: 'head',
        scriptLoading: 'defer',
      }),
      new CopyWebpackPlugin({
        patterns: [
          { from: 'assets/icon-*.png', to: 'assets/[name][ext]' },
          {
            from: 'manifest.xml',
            to: 'manifest.xml',
            transform: (contenu) => (urlBase === URL_DEV ? contenu : contenu.toString().split(URL_DEV).join(urlBase)),
          },
        ],
      }),
    ],
    devServer: {
      port: PORT,
      // Excel (sur le web) lit les métadonnées et le script depuis une autre origine.
      headers: { 'Access-Control-Allow-Origin': '*' },
      static: false,
      // Ni calque d'erreur rouge ni journal du client dans la page (en anglais) : `npm start` rapporte
      // les erreurs de construction en français dans le terminal ; hors d'Excel, la page le dit.
      client: { overlay: false, logging: 'none' },
    },
    stats: 'errors-warnings',
  };
}

module.exports = configuration;
module.exports.MODULES_INTERDITS = MODULES_INTERDITS;
module.exports.ModulesInterditsPlugin = ModulesInterditsPlugin;
module.exports.URL_DEV = URL_DEV;
module.exports.PORT = PORT;

// Métadonnées des fonctions personnalisées, produites depuis le catalogue (src/catalogue) au moment
// de la construction : plugin webpack qui émet functions.json (anglais), functions-fr.json
// (français) et aide.html dans dist/. Utilisable seul : `node scripts/metadata.js [dossier]`.
'use strict';
const fs = require('fs');
const path = require('path');
const ts = require('typescript');

const RACINE = path.resolve(__dirname, '..');
const SRC = path.join(RACINE, 'src');

/**
 * Charge un module TypeScript de src/ (le catalogue et ses dépendances) sans étape de
 * compilation séparée : transpilation à la volée, limitée aux fichiers de src/.
 */
function requireTs(fichier) {
  if (!require.extensions['.ts']) {
    require.extensions['.ts'] = (module, nom) => {
      if (!nom.startsWith(SRC + path.sep)) throw new Error(`metadata : fichier TypeScript hors de src/ : ${nom}`);
      const sortie = ts.transpileModule(fs.readFileSync(nom, 'utf8'), {
        fileName: nom,
        compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2020, esModuleInterop: true },
      });
      module._compile(sortie.outputText, nom);
    };
  }
  // Relecture à chaque construction (mode surveillance) : on oublie les modules de src/ déjà chargés.
  for (const cle of Object.keys(require.cache)) if (cle.startsWith(SRC + path.sep)) delete require.cache[cle];
  return require(fichier);
}

/** Contenu des fichiers émis, par nom de fichier. `urlBase` : adresse publique du complément. */
function fichiersMetadonnees(urlBase) {
  const m = requireTs(path.join(SRC, 'functions', 'metadonnees.ts'));
  const json = (langue) => JSON.stringify(m.genererMetadonnees(langue, urlBase), null, 2) + '\n';
  return {
    [m.FICHIER_METADONNEES.en]: json('en'),
    [m.FICHIER_METADONNEES.fr]: json('fr'),
    [m.PAGE_AIDE]: m.pageAide(),
  };
}

class MetadonneesFonctionsPlugin {
  constructor({ urlBase }) {
    this.urlBase = urlBase;
  }

  apply(compiler) {
    const { Compilation, sources } = compiler.webpack;
    compiler.hooks.thisCompilation.tap('MetadonneesFonctions', (compilation) => {
      compilation.hooks.processAssets.tap({ name: 'MetadonneesFonctions', stage: Compilation.PROCESS_ASSETS_STAGE_ADDITIONAL }, () => {
        // Le catalogue et les règles sont des dépendances : une modification relance l'émission.
        compilation.contextDependencies.add(path.join(SRC, 'catalogue'));
        compilation.contextDependencies.add(path.join(SRC, 'rules'));
        compilation.fileDependencies.add(path.join(SRC, 'functions', 'metadonnees.ts'));
        try {
          for (const [nom, contenu] of Object.entries(fichiersMetadonnees(this.urlBase))) {
            compilation.emitAsset(nom, new sources.RawSource(contenu));
          }
        } catch (e) {
          compilation.errors.push(new compiler.webpack.WebpackError(`Métadonnées des fonctions : ${e.message}`));
        }
      });
    });
  }
}

module.exports = { MetadonneesFonctionsPlugin, fichiersMetadonnees, requireTs };

if (require.main === module) {
  const dossier = path.resolve(process.argv[2] || path.join(RACINE, 'dist'));
  fs.mkdirSync(dossier, { recursive: true });
  for (const [nom, contenu] of Object.entries(fichiersMetadonnees(process.env.SIP_URL_BASE || 'https://localhost:3000'))) {
    fs.writeFileSync(path.join(dossier, nom), contenu);
    console.log(`${path.relative(process.cwd(), path.join(dossier, nom))} écrit`);
  }
}

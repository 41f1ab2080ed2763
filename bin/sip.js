#!/usr/bin/env node
'use strict';
// Point d'entrée de la commande `sip` : le code TypeScript est compilé dans dist/node au `npm ci` (script prepare).
// Rien d'autre au démarrage : pas d'accès disque avant le chargement de la CLI (l'absence du code
// compilé n'est cherchée qu'en cas d'échec de ce chargement).
const compile = require('path').join(__dirname, '..', 'dist', 'node', 'cli', 'main.js');
let cli;
try {
  cli = require(compile);
} catch (e) {
  if (e && e.code === 'MODULE_NOT_FOUND' && String(e.message).includes(compile)) {
    process.stderr.write('sip : le code compilé est absent. Lancez « npm run build:node » (ou « npm ci »).\n');
    process.exit(2);
  }
  throw e;
}
cli.main(process.argv.slice(2)).then((code) => {
  process.exitCode = code;
});

#!/usr/bin/env node
'use strict';
// Point d'entrée de la commande `sip` : le code TypeScript est compilé dans dist/node au `npm ci` (script prepare).
const path = require('path');
const fs = require('fs');
const compiled = path.join(__dirname, '..', 'dist', 'node', 'cli', 'main.js');
if (!fs.existsSync(compiled)) {
  process.stderr.write('sip : le code compilé est absent. Lancez « npm run build:node » (ou « npm ci »).\n');
  process.exit(2);
}
require(compiled).main(process.argv.slice(2)).then((code) => { process.exitCode = code; });

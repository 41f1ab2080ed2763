#!/usr/bin/env node
'use strict';
// Régénère le tableau des fonctions du README depuis le catalogue (après `npm run build:node`).
const fs = require('fs');
const path = require('path');
const { remplacerTableau } = require('../dist/node/catalogue/documentation.js');

const fichier = path.join(__dirname, '..', 'README.md');
const avant = fs.readFileSync(fichier, 'utf8');
const apres = remplacerTableau(avant);
if (apres !== avant) fs.writeFileSync(fichier, apres);
process.stdout.write(apres !== avant ? 'README.md : tableau des fonctions mis à jour\n' : 'README.md : tableau des fonctions déjà à jour\n');

#!/usr/bin/env node
'use strict';
// Régénère, depuis le catalogue et les fichiers du barème (après `npm run build:node`) :
// le tableau des fonctions et la bibliographie du README, et la page docs/bareme.md.
const fs = require('fs');
const path = require('path');
const { remplacerTableau } = require('../dist/node/catalogue/documentation.js');
const { pageBaremeMarkdown, remplacerBibliographie } = require('../dist/node/rules/bareme/documentation.js');

/** Écrit un fichier s'il change ; rend un compte rendu d'une ligne. */
function ecrire(fichier, nouveau, quoi) {
  const avant = fs.existsSync(fichier) ? fs.readFileSync(fichier, 'utf8') : null;
  if (nouveau !== avant) fs.writeFileSync(fichier, nouveau);
  return `${path.relative(path.join(__dirname, '..'), fichier)} : ${quoi} ${nouveau !== avant ? 'mis à jour' : 'déjà à jour'}\n`;
}

const readme = path.join(__dirname, '..', 'README.md');
const texte = fs.readFileSync(readme, 'utf8');
process.stdout.write(ecrire(readme, remplacerBibliographie(remplacerTableau(texte)), 'tableau des fonctions et bibliographie'));
process.stdout.write(ecrire(path.join(__dirname, '..', 'docs', 'bareme.md'), pageBaremeMarkdown(), 'barème par défaut'));

#!/usr/bin/env node
// Produit les icônes PNG du complément (16, 32, 64, 80, 128 px) depuis assets/icone.svg.
// Les PNG sont versionnés : relancer `node assets/generer-icones.js` après avoir modifié le SVG.
'use strict';
const fs = require('fs');
const path = require('path');
const { Resvg } = require('@resvg/resvg-js');

const TAILLES = [16, 32, 64, 80, 128];
const svg = fs.readFileSync(path.join(__dirname, 'icone.svg'));
for (const taille of TAILLES) {
  const png = new Resvg(svg, { fitTo: { mode: 'width', value: taille } }).render().asPng();
  const cible = path.join(__dirname, `icon-${taille}.png`);
  fs.writeFileSync(cible, png);
  console.log(`${path.relative(process.cwd(), cible)} : ${taille}×${taille}, ${png.length} octets`);
}

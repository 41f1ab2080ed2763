#!/usr/bin/env node
// `npm start` : construit le complément (webpack, mode développement) et le sert en HTTPS sur
// https://localhost:3000 avec les certificats de développement d'Office, puis explique en français
// comment le charger dans Excel. Ctrl+C pour arrêter. Aucune question interactive, aucune télémétrie.
'use strict';
const path = require('path');
const webpack = require('webpack');
const WebpackDevServer = require('webpack-dev-server');
const configuration = require('../webpack.config');
const { certificatsHttps } = require('./serve-certificats');

const RACINE = path.resolve(__dirname, '..');
const URL = `https://localhost:${configuration.PORT}`;

function instructions() {
  const manifeste = path.join(RACINE, 'manifest.xml');
  return `
Complément SIP servi sur ${URL} (volet : ${URL}/taskpane.html, manifeste : ${manifeste}).

Charger le complément dans Excel (« chargement de version test ») :

• Excel sur le web (Microsoft 365, tout système) : ouvrez un classeur, puis
  Accueil › Compléments › Plus de compléments › Mes compléments › Charger mon complément,
  et choisissez le fichier ${manifeste}.
  Le navigateur doit approuver ${URL} : ouvrez une fois ${URL}/taskpane.html et acceptez le certificat
  si l'autorité de développement n'est pas installée.

• Excel pour Windows : partagez le dossier ${RACINE} (Propriétés › Partage), puis dans Excel
  Fichier › Options › Centre de gestion de la confidentialité › Paramètres du Centre de gestion de
  la confidentialité › Catalogues de compléments approuvés : ajoutez le chemin réseau (\\\\MACHINE\\partage),
  cochez « Afficher dans le menu », redémarrez Excel, puis
  Accueil › Compléments › Plus de compléments › DOSSIER PARTAGÉ › Simulateur SIP.

• Excel pour Mac : copiez manifest.xml dans ~/Library/Containers/com.microsoft.Excel/Data/Documents/wef/
  (créez le dossier s'il manque), redémarrez Excel, puis Accueil › Compléments › Mes compléments.

• Linux : il n'existe pas d'Excel de bureau ; utilisez Excel sur le web.

Essayez ensuite dans une cellule : =SIP.PLAFOND(12)  → 27 000
Le bouton « Simulateur SIP » de l'onglet Accueil ouvre le volet. Ctrl+C pour arrêter le serveur.
`;
}

async function main() {
  const certs = await certificatsHttps();
  const config = configuration({}, { mode: 'development' });
  const compilateur = webpack(config);
  let premiere = true;
  compilateur.hooks.done.tap('InstructionsSip', (stats) => {
    if (premiere) {
      premiere = false;
      for (const n of certs.notes) console.log(`ℹ ${n}`);
      console.log(instructions());
    }
    if (stats.hasErrors()) {
      console.error('La construction a échoué (erreurs ci-dessus) ; le serveur attend les corrections et reconstruit seul.');
    }
  });
  const serveur = new WebpackDevServer(
    { ...config.devServer, host: 'localhost', server: { type: 'https', options: certs.options }, open: false },
    compilateur,
  );
  const arreter = async () => {
    await serveur.stop();
    process.exit(0);
  };
  process.on('SIGINT', arreter);
  process.on('SIGTERM', arreter);
  try {
    await serveur.start();
  } catch (e) {
    if (e && e.code === 'EADDRINUSE') {
      console.error(`Le port ${configuration.PORT} est déjà utilisé : un autre « npm start » tourne-t-il ? Arrêtez-le puis relancez.`);
    } else {
      console.error(`Impossible de démarrer le serveur HTTPS : ${e && e.message ? e.message : e}`);
    }
    process.exit(1);
  }
}

main().catch((e) => {
  console.error(`npm start : ${e && e.message ? e.message : e}`);
  process.exit(1);
});

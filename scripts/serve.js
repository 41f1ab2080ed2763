#!/usr/bin/env node
// `npm start` : construit le complément (webpack, mode développement) et le sert en HTTPS sur
// https://localhost:3000 avec les certificats de développement d'Office, puis explique en français
// comment le charger dans Excel. Aucune question interactive, aucune télémétrie, aucun réseau hors
// de localhost. Tout ce qui s'affiche est en français (scripts/serve-messages.js).
//
// Option : `npm start -- --port 3001` (défaut 3000) ; le manifeste servi et celui à charger pointent
// alors sur ce port (copie écrite dans le dossier temporaire).
//
// Arrêt : Ctrl+C, ou SIGINT / SIGTERM / SIGHUP envoyé au processus npm (voir scripts/serve-arret.js).
'use strict';
const fs = require('fs');
const os = require('os');
const path = require('path');
const { parseNumber } = require('office-addin-cli/lib/parse'); // sans son journal d'usage ni node-fetch
const messages = require('./serve-messages');
const { surveillerLanceur } = require('./serve-arret');

const RACINE = path.resolve(__dirname, '..');
const afficher = (ligne) => process.stdout.write(`${ligne}\n`);
const signaler = (ligne) => process.stderr.write(`${ligne}\n`);
// Terminal fermé (SIGHUP) : écrire ne doit pas faire tomber l'arrêt propre.
process.stdout.on('error', () => undefined);
process.stderr.on('error', () => undefined);

/** Options de la ligne de commande ; une option inconnue ou un port invalide : erreur française. */
function lireOptions(argv, portParDefaut) {
  let port = portParDefaut;
  for (let i = 0; i < argv.length; i++) {
    const [nom, valeurJointe] = argv[i].split(/=(.*)/s);
    if (nom !== '--port') throw new Error(`option inconnue : « ${argv[i]} » (seule option : --port <numéro>, par exemple npm start -- --port 3001)`);
    const valeur = valeurJointe ?? argv[++i];
    const message = `--port : numéro de port entier entre 1024 et 65535 attendu (reçu : ${valeur === undefined ? 'rien' : `« ${valeur} »`})`;
    port = parseNumber(valeur, message); // office-addin-cli : lecture d'un nombre d'option, message fourni
    if (port === undefined || !Number.isInteger(port) || port < 1024 || port > 65535 || !/^\d+$/.test(String(valeur))) throw new Error(message);
  }
  return { port };
}

/** Arrêt propre et unique du serveur, quelle qu'en soit la cause. */
function arretUnique(serveur) {
  let enCours = false;
  return async (cause) => {
    if (enCours) return;
    enCours = true;
    afficher(`\nArrêt du serveur (${cause}).`);
    setTimeout(() => process.exit(0), 3000).unref(); // au pire, 3 s
    await serveur.stop().catch(() => undefined);
    process.exit(0);
  };
}

/** Manifeste à charger : celui du projet sur le port par défaut, sinon une copie réécrite pour le port. */
function manifesteACharger(url, urlParDefaut) {
  const projet = path.join(RACINE, 'manifest.xml');
  if (url === urlParDefaut) return projet;
  const copie = path.join(os.tmpdir(), `sip-manifest-${new URL(url).port}`, 'manifest.xml');
  fs.mkdirSync(path.dirname(copie), { recursive: true });
  fs.writeFileSync(copie, fs.readFileSync(projet, 'utf8').split(urlParDefaut).join(url));
  return copie;
}

async function main() {
  messages.localiserTypeScript();
  const configuration = require('../webpack.config');
  const { port } = lireOptions(process.argv.slice(2), configuration.PORT);
  const url = `https://localhost:${port}`;
  if (!process.env.SIP_URL_BASE) process.env.SIP_URL_BASE = url; // manifeste et aide servis pour ce port
  const { certificatsHttps } = require('./serve-certificats');
  const certs = await certificatsHttps(url);
  const webpack = require('webpack');
  const WebpackDevServer = require('webpack-dev-server');
  const config = configuration({}, { mode: 'development' });
  config.infrastructureLogging = { level: 'warn', console: messages.consoleInfrastructure(signaler) };
  const compilateur = webpack(config);
  let premiere = true;
  compilateur.hooks.done.tap('InstructionsSip', (stats) => {
    if (premiere) {
      for (const n of certs.notes) afficher(`ℹ ${n}`);
      afficher(messages.instructions(url, manifesteACharger(url, configuration.URL_DEV)));
    }
    const lignes = messages.resumeConstruction(stats, premiere);
    (stats.hasErrors() ? signaler : afficher)(lignes.join('\n'));
    premiere = false;
  });
  const serveur = new WebpackDevServer(
    { ...config.devServer, port, host: 'localhost', server: { type: 'https', options: certs.options }, open: false, devMiddleware: { stats: 'none' } },
    compilateur,
  );
  const arreter = arretUnique(serveur);
  process.on('SIGINT', () => arreter('Ctrl+C'));
  process.on('SIGTERM', () => arreter('signal SIGTERM'));
  process.on('SIGHUP', () => arreter('terminal fermé'));
  surveillerLanceur(arreter);
  try {
    await serveur.start();
  } catch (e) {
    signaler(
      e && e.code === 'EADDRINUSE'
        ? `Le port ${port} est déjà utilisé : un autre « npm start » tourne-t-il ? Arrêtez-le, ou choisissez un autre port : npm start -- --port ${port + 1}`
        : `Impossible de démarrer le serveur HTTPS : ${messages.traduireMessage(e && e.message ? e.message : e)}`,
    );
    process.exit(1);
  }
}

if (require.main === module) {
  main().catch((e) => {
    signaler(`npm start : ${e && e.message ? e.message : e}`);
    process.exit(1);
  });
}

module.exports = { lireOptions };

// Ce que `npm start` affiche, en français seulement : les instructions de chargement dans Excel, le
// résultat de chaque construction (erreurs de webpack et de TypeScript traduites), les messages
// des outils sous-jacents (webpack-dev-server, office-addin-dev-certs) captés puis traduits.
'use strict';
const path = require('path');

const RACINE = path.resolve(__dirname, '..');

/** Instructions de chargement (« chargement de version test ») ; `manifeste` : fichier à charger. */
function instructions(url, manifeste) {
  const dossier = path.dirname(manifeste);
  return `
Complément SIP servi sur ${url} (volet : ${url}/taskpane.html, manifeste : ${manifeste}).

Charger le complément dans Excel (« chargement de version test ») :

• Excel sur le web (Microsoft 365, tout système) : ouvrez un classeur, puis
  Accueil › Compléments › Plus de compléments › Mes compléments › Charger mon complément,
  et choisissez le fichier ${manifeste}.
  Le navigateur doit approuver ${url} : ouvrez une fois ${url}/taskpane.html et acceptez le certificat
  si l'autorité de développement n'est pas installée (la page dit alors qu'elle s'ouvre dans Excel).

• Excel pour Windows : partagez le dossier ${dossier} (Propriétés › Partage), puis dans Excel
  Fichier › Options › Centre de gestion de la confidentialité › Paramètres du Centre de gestion de
  la confidentialité › Catalogues de compléments approuvés : ajoutez le chemin réseau (\\\\MACHINE\\partage),
  cochez « Afficher dans le menu », redémarrez Excel, puis
  Accueil › Compléments › Plus de compléments › DOSSIER PARTAGÉ › Simulateur SIP.

• Excel pour Mac : copiez ${path.basename(manifeste)} dans ~/Library/Containers/com.microsoft.Excel/Data/Documents/wef/
  (créez le dossier s'il manque), redémarrez Excel, puis Accueil › Compléments › Mes compléments.

• Linux : il n'existe pas d'Excel de bureau ; utilisez Excel sur le web.

Essayez ensuite dans une cellule : =SIP.PLAFOND(12)  → 27 000
Le bouton « Simulateur SIP » de l'onglet Accueil ouvre le volet. Ctrl+C pour arrêter le serveur.
`;
}

/** Chemin relatif au projet s'il est dedans, tel quel sinon. */
const relatif = (f) => (f && f.startsWith(RACINE + path.sep) ? path.relative(RACINE, f) : f || '');

/** Messages de webpack les plus courants, en français ; les autres sont cités tels quels. */
const TRADUCTIONS = [
  [/^Module not found: Error: Can't resolve '([^']+)' in '([^']+)'/, (m) => `module introuvable : « ${m[1]} » (importé depuis ${relatif(m[2]) || '.'})`],
  [/^export '([^']+)' \(imported as '([^']+)'\) was not found in '([^']+)'(?: \(possible exports: ([^)]*)\))?/, (m) => `« ${m[1]} » n'est pas exporté par « ${m[3]} »${m[4] ? ` (exports : ${m[4]})` : ''}`],
  [/^export '([^']+)' \(reexported as '([^']+)'\) was not found in '([^']+)'/, (m) => `« ${m[1]} » (réexporté) n'est pas exporté par « ${m[3]} »`],
  [/^Module parse failed: (.*)/, (m) => `analyse du module impossible : « ${m[1]} »`],
  // ts-loader : diagnostic de TypeScript (déjà en français, voir localiserTypeScript).
  [/\[tsl\] (?:ERROR|WARNING) in (.*?)\((\d+),(\d+)\)\s*\n\s*(TS\d+): ([\s\S]*)/, (m) => `${m[4]} dans ${relatif(m[1])}, ligne ${m[2]}, colonne ${m[3]} : ${m[5].trim()}`],
];

function traduireMessage(message) {
  const texte = String(message || '').trim();
  for (const [motif, traduire] of TRADUCTIONS) {
    const m = motif.exec(texte);
    if (m) return traduire(m);
  }
  return `« ${texte.split('\n')[0]} »`;
}

/** Une erreur ou un avertissement de webpack (objet de stats.toJson) en une ligne française. */
function ligneProbleme(probleme, nature) {
  const ou = probleme.moduleName ? ` dans ${probleme.moduleName}${probleme.loc ? ` (${probleme.loc})` : ''}` : '';
  return `${nature}${ou} : ${traduireMessage(probleme.message)}`;
}

/** Résumé français d'une construction : rien si elle est propre, sinon une ligne par problème. */
function resumeConstruction(stats, premiere) {
  const json = stats.toJson({ all: false, errors: true, warnings: true });
  const erreurs = json.errors || [];
  const avertissements = json.warnings || [];
  const lignes = [];
  if (erreurs.length) {
    lignes.push(`La construction a échoué (${erreurs.length} erreur${erreurs.length > 1 ? 's' : ''}) ; le serveur attend les corrections et reconstruit seul :`);
  } else {
    lignes.push(premiere ? 'Construction terminée.' : 'Reconstruction terminée : rechargez le volet.');
  }
  for (const e of erreurs) lignes.push(`  ${ligneProbleme(e, 'Erreur')}`);
  for (const a of avertissements) lignes.push(`  ${ligneProbleme(a, 'Avertissement')}`);
  return lignes;
}

/** Diagnostics de TypeScript (ts-loader) dans la langue de ses propres traductions françaises. */
function localiserTypeScript() {
  try {
    const ts = require('typescript');
    ts.validateLocaleAndSetLanguage('fr', ts.sys);
  } catch {
    // sans effet : les messages restent cités tels quels
  }
}

/**
 * Journal d'infrastructure de webpack (webpack-dev-server) : les informations (en anglais) sont
 * tues ; une erreur ou un avertissement est rapporté en français, message d'origine cité.
 */
function consoleInfrastructure(ecrire) {
  const rien = () => undefined;
  const rapporter = (nature) => (...a) => ecrire(`Serveur de développement, ${nature} : ${traduireMessage(a.map(String).join(' ').replace(/^\[[^\]]+\]\s*/, ''))}`);
  return { log: rien, info: rien, debug: rien, trace: rien, group: rien, groupCollapsed: rien, groupEnd: rien, profile: rien, profileEnd: rien, time: rien, timeEnd: rien, clear: rien, status: rien, warn: rapporter('avertissement'), error: rapporter('erreur') };
}

/**
 * Exécute `action` en captant ce qu'elle écrit sur la console (office-addin-dev-certs écrit en
 * anglais) ; rend son résultat. Les lignes captées ne sont pas affichées.
 */
async function sansBavardage(action) {
  const origine = { log: console.log, info: console.info, warn: console.warn };
  const captees = [];
  console.log = console.info = console.warn = (...a) => captees.push(a.join(' '));
  try {
    return await action();
  } finally {
    Object.assign(console, origine);
  }
}

module.exports = { instructions, resumeConstruction, traduireMessage, localiserTypeScript, consoleInfrastructure, sansBavardage };

// Certificats HTTPS de développement (office-addin-dev-certs), sans question interactive.
// - Certificats existants et valides dans ~/.office-addin-dev-certs : réutilisés.
// - Sinon ils sont produits localement (bibliothèque mkcert, aucun réseau).
// - L'autorité n'est ajoutée au magasin de confiance du système que si c'est possible sans
//   bloquer : Windows et macOS avec un terminal interactif (le système affiche sa propre
//   confirmation), ou SIP_CERTIFICATS=installer. SIP_CERTIFICATS=generer ne touche jamais au
//   magasin. Ailleurs (Linux, CI), on explique comment faire approuver le certificat.
// office-addin-usage-data (dépendance de office-addin-dev-certs) est, dans les versions
// installées (2.1.1 et 3.0.0), une coquille vide : aucune donnée d'usage n'est envoyée.
// office-addin-dev-certs écrit en anglais sur la console : ses lignes sont captées (sansBavardage)
// et remplacées par les notes françaises rendues ici ; ses erreurs sont reformulées en français.
'use strict';
const crypto = require('crypto');
const fs = require('fs');
const defauts = require('office-addin-dev-certs/lib/defaults');
const { sansBavardage } = require('./serve-messages');

/** Reformule en français une erreur d'office-addin-dev-certs (message d'origine cité). */
function erreurFrancaise(action, e) {
  const detail = String((e && e.message) || e).split('\n')[0];
  return new Error(`certificats de développement : ${action} impossible (« ${detail} »). Dossier : ${defauts.certificateDirectory}.`);
}

const UN_JOUR_MS = 86_400_000;

function lire(chemin) {
  try {
    return fs.readFileSync(chemin);
  } catch {
    return null;
  }
}

/** Vrai si le certificat localhost existe et reste valide au moins un jour. */
function certificatsValides() {
  const cert = lire(defauts.localhostCertificatePath);
  if (!cert || !lire(defauts.localhostKeyPath) || !lire(defauts.caCertificatePath)) return false;
  try {
    const x509 = new crypto.X509Certificate(cert);
    return new Date(x509.validTo).getTime() - Date.now() > UN_JOUR_MS;
  } catch {
    return false;
  }
}

function autoriteApprouvee() {
  try {
    return require('office-addin-dev-certs/lib/verify').isCaCertificateInstalled();
  } catch {
    return false;
  }
}

function modeInstallation() {
  const choix = (process.env.SIP_CERTIFICATS || 'auto').toLowerCase();
  if (choix === 'installer') return true;
  if (choix === 'generer') return false;
  return (process.platform === 'win32' || process.platform === 'darwin') && Boolean(process.stdin.isTTY);
}

/**
 * Options HTTPS du serveur ({ key, cert, ca }) servi à `url`, et un message qui dit en français ce qui a été fait
 * et, si l'autorité n'est pas approuvée, comment l'approuver.
 */
async function certificatsHttps(url = 'https://localhost:3000') {
  const notes = [];
  const installer = modeInstallation();
  if (installer) {
    // Produit (si besoin) puis ajoute l'autorité au magasin de l'utilisateur ; le système demande confirmation.
    const { ensureCertificatesAreInstalled } = require('office-addin-dev-certs/lib/install');
    await sansBavardage(ensureCertificatesAreInstalled).catch((e) => {
      throw erreurFrancaise('installation de l’autorité', e);
    });
  } else if (!certificatsValides()) {
    const { generateCertificates } = require('office-addin-dev-certs/lib/generate');
    // generateCertificates n'écrit rien si une ancienne autorité est présente : on retire les fichiers périmés.
    for (const f of [defauts.caCertificatePath, defauts.localhostCertificatePath, defauts.localhostKeyPath]) fs.rmSync(f, { force: true });
    await sansBavardage(generateCertificates).catch((e) => {
      throw erreurFrancaise('production', e);
    });
    notes.push(`Certificats de développement produits dans ${defauts.certificateDirectory} (valables ${defauts.daysUntilCertificateExpires} jours).`);
  }
  const approuvee = autoriteApprouvee();
  if (!approuvee) {
    notes.push(
      'L’autorité « Developer CA for Microsoft Office Add-ins » n’est pas approuvée par ce système : ' +
        `Excel refusera ${url} tant qu’elle ne l’est pas.`,
      process.platform === 'linux'
        ? `Sous Linux (pas d’Excel de bureau), pour Excel sur le web : ouvrez une fois ${url}/taskpane.html ` +
            `dans le navigateur et acceptez le certificat, ou importez ${defauts.caCertificatePath} dans ses autorités.`
        : 'Pour l’approuver : « npx office-addin-dev-certs install » (le système demande confirmation), puis relancez npm start.',
    );
  }
  return {
    options: { key: lire(defauts.localhostKeyPath), cert: lire(defauts.localhostCertificatePath), ca: lire(defauts.caCertificatePath) },
    approuvee,
    notes,
    dossier: defauts.certificateDirectory,
  };
}

module.exports = { certificatsHttps, certificatsValides };

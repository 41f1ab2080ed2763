#!/usr/bin/env node
'use strict';
// Valide les fichiers de données du barème (src/rules/bareme/*.json) contre bareme.schema.json, puis
// leurs renvois entre fichiers (sources citées, identifiants uniques, paramètres des indicateurs).
// Lancé par `npm run build` et `npm run docs` ; sort en erreur (code 1) à la première anomalie.
// Si le moteur compilé est là (dist/node, `npm run build:node`), le barème assemblé passe aussi par
// son contrôle complet (validerBareme : dates qui se chevauchent, montants négatifs…).
const fs = require('fs');
const path = require('path');
const Ajv = require('ajv');

const DOSSIER = path.join(__dirname, '..', 'src', 'rules', 'bareme');
const FAMILLES = ['sip', 'cds', 'postes400', 'aci', 'tarifs'];

function lireJson(fichier) {
  return JSON.parse(fs.readFileSync(fichier, 'utf8'));
}

let valider;
function validateur() {
  if (!valider) {
    const ajv = new Ajv({ allErrors: true, strict: false });
    valider = ajv.compile(lireJson(path.join(DOSSIER, 'bareme.schema.json')));
  }
  return valider;
}

/** Le paramètre et la valeur datée désignés par un chemin d'erreur (« /parametres/3/valeurs/0/valeur »). */
function situer(donnees, chemin) {
  const m = /^\/(parametres|indicateurs|changements|sources)\/(\d+)(?:\/valeurs\/(\d+))?/.exec(chemin);
  if (!m) return '';
  const objet = (donnees[m[1]] || [])[Number(m[2])] || {};
  const nom = { parametres: 'paramètre', indicateurs: 'indicateur', changements: 'changement', sources: 'source' }[m[1]];
  const valeur = m[3] !== undefined && objet.valeurs ? objet.valeurs[Number(m[3])] : undefined;
  return `${nom} ${objet.id || `n° ${Number(m[2]) + 1}`}${valeur ? `, valeur du ${valeur.du}` : ''} : `;
}

/** Une erreur d'ajv en français, qui nomme le paramètre. */
function messageSchema(donnees, e) {
  const champ = e.instancePath.split('/').pop();
  const recu = e.instancePath.split('/').slice(1).reduce((o, k) => (o === undefined || o === null ? o : o[k]), donnees);
  let texte;
  if (champ === 'valeur' && e.schemaPath === '#/then/properties/valeur/type') texte = `un montant « non publié » n’a pas de valeur (reçu : ${recu})`;
  else if (e.keyword === 'pattern' && champ === 'valeur') {
    texte = /^-\d/.test(String(recu))
      ? `montant négatif (« ${recu} ») ; un montant en euros est positif ou nul`
      : `« ${recu} » n’est pas un nombre (attendu : chiffres, point décimal, ex. 9070 ou 0.8)`;
  } else if (e.keyword === 'type' && champ === 'valeur') texte = `« ${recu} » n’est pas un nombre écrit en texte ni null`;
  else if (e.keyword === 'enum' && champ === 'statut') texte = `statut « ${recu} » inconnu ; statuts permis : confirme, a_confirmer, hypothese`;
  else if (e.keyword === 'enum') texte = `${champ} « ${recu} » inconnu ; valeurs permises : ${e.params.allowedValues.join(', ')}`;
  else if (e.keyword === 'pattern' && (champ === 'du' || champ === 'au' || champ === 'date')) texte = `${champ} : date attendue au format AAAA-MM-JJ (reçu : « ${recu} »)`;
  else if (e.keyword === 'required') texte = `champ « ${e.params.missingProperty} » manquant`;
  else if (e.keyword === 'additionalProperties') texte = `champ « ${e.params.additionalProperty} » inconnu`;
  else texte = `${e.instancePath || '/'} ${e.message}`;
  return `${situer(donnees, e.instancePath)}${texte}`;
}

/** Erreurs de schéma d'un fichier déjà lu (liste vide s'il est valide). */
function erreursSchema(donnees) {
  const v = validateur();
  if (v(donnees)) return [];
  // Les erreurs « if/then » et « anyOf » ne font que répéter une erreur plus précise ; de même, la
  // branche « null » d'un anyOf quand la branche texte a échoué sur son motif.
  const motifs = new Set(v.errors.filter((e) => e.keyword === 'pattern').map((e) => e.instancePath));
  const utiles = v.errors.filter((e) => e.keyword !== 'if' && e.keyword !== 'anyOf' && !(e.keyword === 'type' && motifs.has(e.instancePath)));
  const vues = new Set();
  return utiles.map((e) => messageSchema(donnees, e)).filter((m) => !vues.has(m) && vues.add(m));
}

/** Renvois entre fichiers : sources connues, identifiants uniques, paramètres des indicateurs existants. */
function erreursRenvois(familles, changements, sources) {
  const erreurs = [];
  const connues = new Set(sources.sources.flatMap((s) => [s.id, ...(s.alias || [])]));
  const ids = new Map();
  const source = (ou, s) => s && !connues.has(s.document) && erreurs.push(`${ou} : source « ${s.document} » inconnue de la bibliographie (sources.json)`);
  for (const [fichier, f] of familles) {
    for (const p of f.parametres) {
      for (const nom of [p.id, ...(p.alias || [])]) {
        if (ids.has(nom)) erreurs.push(`${fichier} : paramètre ${p.id} : identifiant « ${nom} » déjà utilisé (${ids.get(nom)})`);
        else ids.set(nom, fichier);
      }
      for (const v of p.valeurs) source(`${fichier} : paramètre ${p.id}, valeur du ${v.du}`, v.source);
    }
  }
  for (const [fichier, f] of familles) {
    for (const i of f.indicateurs || []) {
      source(`${fichier} : indicateur ${i.id}`, i.source);
      const pts = i.points || {};
      for (const id of [pts.fixes, pts.variables, ...Object.values(pts.parProfessionnel || {})].filter(Boolean)) {
        if (!ids.has(id)) erreurs.push(`${fichier} : indicateur ${i.id} : paramètre de points « ${id} » introuvable`);
      }
    }
  }
  for (const c of changements.changements) source(`changements.json : changement ${c.id}`, c.source);
  return erreurs;
}

/** Toutes les erreurs des fichiers d'un dossier (par défaut celui du barème). */
function validerDossier(dossier = DOSSIER) {
  const lire = (nom) => [nom, lireJson(path.join(dossier, nom))];
  const familles = FAMILLES.map((f) => lire(`${f}.json`));
  const changements = lire('changements.json');
  const sources = lire('sources.json');
  const erreurs = [...familles, changements, sources].flatMap(([nom, d]) => erreursSchema(d).map((m) => `${nom} : ${m}`));
  if (erreurs.length) return erreurs;
  erreurs.push(...erreursRenvois(familles, changements[1], sources[1]));
  const moteur = path.join(__dirname, '..', 'dist', 'node', 'rules', 'bareme', 'validation.js');
  if (!erreurs.length && fs.existsSync(moteur)) {
    const { validerBareme } = require(moteur);
    const bareme = { version: changements[1].version, parametres: familles.flatMap(([, f]) => f.parametres), changements: changements[1].changements };
    erreurs.push(...validerBareme(bareme, sources[1].sources).map((e) => e.message));
  }
  return erreurs;
}

module.exports = { erreursSchema, erreursRenvois, validerDossier };

if (require.main === module) {
  const erreurs = validerDossier(process.argv[2] ? path.resolve(process.argv[2]) : DOSSIER);
  if (erreurs.length) {
    process.stderr.write(`Barème : ${erreurs.length} erreur(s) dans src/rules/bareme/*.json\n${erreurs.map((e) => `  - ${e}`).join('\n')}\n`);
    process.exit(1);
  }
  process.stdout.write('Barème : fichiers de données valides (schéma, sources, identifiants)\n');
}

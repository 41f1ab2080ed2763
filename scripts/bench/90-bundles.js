'use strict';
// Taille des bundles du complément, minifiés (construction de production) et compressés gzip,
// contre leur budget : fonctions personnalisées ≤ 60 ko gz, volet ≤ 350 ko gz (1 ko = 1 000 octets).
// Un budget dépassé, ou une construction en échec, fait échouer `npm run bench`.
const fs = require('fs');
const path = require('path');
const zlib = require('zlib');
const { spawnSync } = require('child_process');
const { ko } = require('../bench-outils');

const BUDGETS = { functions: 60_000, taskpane: 350_000 };

function scripts(racine) {
  return JSON.parse(fs.readFileSync(path.join(racine, 'package.json'), 'utf8')).scripts || {};
}

/** Scripts JS locaux chargés par une page HTML construite (hors Office.js, servi par le CDN). */
function scriptsDeLaPage(html) {
  return [...html.matchAll(/<script\b[^>]*\bsrc\s*=\s*["']([^"']+)["']/gi)].map((m) => m[1]).filter((s) => !/^https?:/i.test(s));
}

function taille(fichier) {
  const contenu = fs.readFileSync(fichier);
  return { brut: contenu.length, gz: zlib.gzipSync(contenu, { level: 9 }).length };
}

module.exports = {
  titre: 'Bundles du complément (minifiés, gzip)',
  async executer(ctx) {
    const dist = path.join(ctx.racine, 'dist');
    if (!scripts(ctx.racine).build) {
      return { lignes: [{ mesure: 'bundles', valeur: 'construction absente (pas de script « build »)', statut: 'info' }] };
    }
    if (ctx.construire) {
      ctx.journal('npm run build (production)…');
      const r = spawnSync('npm', ['run', 'build'], { cwd: ctx.racine, encoding: 'utf8', env: { ...process.env, NODE_ENV: 'production' } });
      if (r.status !== 0) {
        process.stdout.write(`${r.stdout}\n${r.stderr}\n`);
        return { lignes: [{ mesure: 'npm run build', valeur: `construction en échec (code ${r.status})`, statut: 'echec' }] };
      }
    }
    const fichierFonctions = path.join(dist, 'functions.js');
    const page = path.join(dist, 'taskpane.html');
    if (!fs.existsSync(fichierFonctions) || !fs.existsSync(page)) {
      return { lignes: [{ mesure: 'bundles', valeur: 'construction absente (dist/functions.js ou dist/taskpane.html manquant ; lancez npm run build)', statut: 'echec' }] };
    }
    // Le volet charge (runtime partagé) le bundle des fonctions puis le sien : le budget du volet
    // porte sur ce qu'il charge en plus des fonctions (taskpane.js et ses morceaux).
    const charges = scriptsDeLaPage(fs.readFileSync(page, 'utf8')).map((s) => path.join(dist, s.replace(/^\.?\//, '').split('?')[0]));
    const duVolet = charges.filter((f) => path.resolve(f) !== path.resolve(fichierFonctions));
    const groupes = {
      functions: [fichierFonctions],
      taskpane: duVolet.length ? duVolet : [path.join(dist, 'taskpane.js')],
    };
    const lignes = [];
    const notes = [];
    for (const [nom, fichiers] of Object.entries(groupes)) {
      const manquants = fichiers.filter((f) => !fs.existsSync(f));
      if (manquants.length) {
        lignes.push({ mesure: nom, valeur: `fichier absent : ${manquants.map((f) => path.relative(ctx.racine, f)).join(', ')}`, statut: 'echec' });
        continue;
      }
      const t = fichiers.map(taille).reduce((a, b) => ({ brut: a.brut + b.brut, gz: a.gz + b.gz }), { brut: 0, gz: 0 });
      const budget = BUDGETS[nom];
      notes.push(`${nom} : ${fichiers.map((f) => path.relative(ctx.racine, f)).join(' + ')} — ${ko(t.brut)} minifié, ${ko(t.gz)} gzip`);
      lignes.push({ mesure: `${nom} minifié`, valeur: ko(t.brut), statut: 'info' });
      lignes.push({
        mesure: `${nom} gzip`,
        valeur: `${ko(t.gz)} (${Math.round((100 * t.gz) / budget)} % du budget)`,
        objectif: `≤ ${ko(budget)}`,
        statut: t.gz <= budget ? 'ok' : 'echec',
      });
    }
    return { lignes, notes };
  },
};

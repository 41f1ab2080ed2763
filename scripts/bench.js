#!/usr/bin/env node
'use strict';
// `npm run bench` : mesures de performance et budgets du complément, en une exécution.
//
// Chaque section est un module de scripts/bench/ (ordre : nom de fichier), qui exporte
//   { titre: string, executer(ctx) => Promise<{ lignes: Ligne[], notes?: string[] }> }
// où Ligne = { mesure, valeur, objectif?, statut?: 'ok' | 'hors-objectif' | 'echec' | 'info' }.
// Un statut « echec » (budget dépassé, construction en échec) fait sortir le script en code 1 ;
// « hors-objectif » est signalé sans faire échouer (débits dépendants de la machine).
// Une section peut aussi rendre `resume: { cle: nombre }` : la DERNIÈRE ligne de la sortie les
// reprend, lisible par une machine : `RESUME min_evals_par_s=<n> ratio_feuille=<r> ratio_js=<q>`
// (NA pour une mesure dont la section n'a pas tourné ou a échoué).
// Ajouter une section = ajouter un fichier scripts/bench/NN-nom.js.
//
// Options : --sans-construction (mesure dist/ tel quel, sans `npm run build`),
//           --section <motif> (ne lance que les sections dont le fichier contient le motif),
//           --rapide (mesures plus courtes, moins précises).
const fs = require('fs');
const path = require('path');
const { spawnSync } = require('child_process');

const RACINE = path.resolve(__dirname, '..');
const DOSSIER_SECTIONS = path.join(__dirname, 'bench');

function options(argv) {
  const o = { construire: true, sections: [], rapide: false };
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--sans-construction') o.construire = false;
    else if (argv[i] === '--rapide') o.rapide = true;
    else if (argv[i] === '--section') o.sections.push(argv[++i]);
    else throw new Error(`option inconnue : ${argv[i]} (permises : --sans-construction, --section <motif>, --rapide)`);
  }
  return o;
}

const SYMBOLE = { ok: '✔', 'hors-objectif': '✘', echec: '✘ ÉCHEC', info: '·' };

function largeur(lignes, cle) {
  return Math.max(...lignes.map((l) => String(l[cle] ?? '').length));
}

/** Tableau récapitulatif : une ligne de titre par section, puis ses mesures. */
function tableau(resultats) {
  const entetes = { mesure: 'Mesure', valeur: 'Valeur', objectif: 'Objectif', etat: 'État' };
  const lignes = resultats.flatMap((r) => r.lignes.map((l) => ({ ...l, mesure: `  ${l.mesure}`, etat: SYMBOLE[l.statut || 'info'] })));
  if (lignes.length === 0) return '';
  const l = Object.fromEntries(Object.keys(entetes).map((k) => [k, largeur([entetes, ...lignes], k)]));
  const ligne = (x) => Object.keys(entetes).map((k) => String(x[k] ?? '').padEnd(l[k])).join(' │ ');
  const sep = Object.keys(entetes).map((k) => '─'.repeat(l[k])).join('─┼─');
  const sortie = [ligne(entetes), sep];
  for (const r of resultats) {
    sortie.push(`${r.titre}`);
    for (const x of r.lignes) sortie.push(ligne({ ...x, mesure: `  ${x.mesure}`, etat: SYMBOLE[x.statut || 'info'] }));
  }
  return sortie.join('\n');
}

async function principal() {
  const o = options(process.argv.slice(2));
  const fichiers = fs
    .readdirSync(DOSSIER_SECTIONS)
    .filter((f) => f.endsWith('.js'))
    .sort()
    .filter((f) => o.sections.length === 0 || o.sections.some((m) => f.includes(m)));
  // Le moteur mesuré est celui de dist/node : on le recompile. Des erreurs de types ailleurs dans
  // le projet (npm run typecheck les signale) n'empêchent pas tsc d'émettre le code : on mesure quand même.
  const tsc = spawnSync(process.execPath, [require.resolve('typescript/bin/tsc'), '-p', 'tsconfig.node.json'], { cwd: RACINE, encoding: 'utf8' });
  if (tsc.status !== 0) {
    process.stdout.write(`Attention : « tsc -p tsconfig.node.json » signale des erreurs (code ${tsc.status}) ; mesures faites sur le code émis.\n`);
  }
  const ctx = { racine: RACINE, construire: o.construire, rapide: o.rapide, journal: (t) => process.stdout.write(`  ${t}\n`) };
  process.stdout.write(`Mesures — Node ${process.version}, ${require('os').cpus().length} cœur(s) ${require('os').cpus()[0]?.model ?? ''}\n`);
  const resultats = [];
  for (const f of fichiers) {
    const section = require(path.join(DOSSIER_SECTIONS, f));
    process.stdout.write(`\n▶ ${section.titre}\n`);
    try {
      const r = await section.executer(ctx);
      resultats.push({ titre: section.titre, lignes: r.lignes, notes: r.notes || [], resume: r.resume || {} });
      for (const n of r.notes || []) process.stdout.write(`  ${n}\n`);
    } catch (e) {
      resultats.push({ titre: section.titre, lignes: [{ mesure: 'section', valeur: `erreur : ${e.message}`, statut: 'echec' }], notes: [], resume: {} });
      process.stdout.write(`  erreur : ${e.stack || e.message}\n`);
    }
  }
  process.stdout.write(`\nRésumé\n\n${tableau(resultats)}\n\n`);
  const echecs = resultats.flatMap((r) => r.lignes.filter((l) => l.statut === 'echec').map((l) => `${r.titre} — ${l.mesure} : ${l.valeur}`));
  const horsObjectif = resultats.flatMap((r) => r.lignes.filter((l) => l.statut === 'hors-objectif'));
  if (horsObjectif.length) process.stdout.write(`${horsObjectif.length} mesure(s) hors objectif (signalées, sans échec).\n`);
  if (echecs.length) {
    process.stdout.write(`ÉCHEC : ${echecs.length} budget(s) dépassé(s) ou section(s) en erreur :\n${echecs.map((e) => `  - ${e}`).join('\n')}\n`);
    process.exitCode = 1;
  } else {
    process.stdout.write('Budgets respectés.\n');
  }
  process.stdout.write(`${ligneResume(resultats)}\n`);
}

/** Dernière ligne, lisible par une machine : les mesures résumées par les sections. */
const CLES_RESUME = ['min_evals_par_s', 'ratio_feuille', 'ratio_js'];
function ligneResume(resultats) {
  const valeurs = Object.assign({}, ...resultats.map((r) => r.resume));
  return `RESUME ${CLES_RESUME.map((k) => `${k}=${valeurs[k] ?? 'NA'}`).join(' ')}`;
}

principal().catch((e) => {
  process.stderr.write(`${e instanceof Error && e.message.startsWith('option inconnue') ? e.message : e.stack || e.message}\n`);
  process.exitCode = 1;
});

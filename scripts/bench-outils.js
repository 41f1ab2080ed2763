'use strict';
// Outils communs des sections de `npm run bench` (scripts/bench/*.js).
const fs = require('fs');
const path = require('path');

const RACINE = path.resolve(__dirname, '..');

/**
 * Module compilé de dist/node (npm run build:node), avec un message clair s'il manque. BENCH_DIST=<dossier>
 * mesure une autre compilation (une copie de dist/node d'avant un changement, pour comparer).
 */
function moduleCompile(relatif) {
  const p = path.join(process.env.BENCH_DIST ? path.resolve(process.env.BENCH_DIST) : path.join(RACINE, 'dist', 'node'), relatif);
  if (!fs.existsSync(`${p}.js`) && !fs.existsSync(p)) {
    throw new Error(`${path.relative(RACINE, p)} absent : lancez d'abord « npm run build:node » (npm run bench le fait)`);
  }
  return require(p);
}

/**
 * Horloge des mesures : temps CPU du processus (ms), pas le temps écoulé — la machine peut être
 * partagée, et le temps passé à attendre un cœur ne doit pas compter.
 */
const maintenant = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};

/**
 * Débit d'une fonction (appels par seconde) : lots calibrés à ≥ 20 ms, échauffement, puis médiane
 * des lots sur la durée demandée.
 */
function debit(fn, { dureeMs = 600 } = {}) {
  let n = 1;
  for (;;) {
    const t0 = maintenant();
    for (let i = 0; i < n; i++) fn();
    if (maintenant() - t0 >= 20) break;
    n *= 2;
  }
  const fin = maintenant() + dureeMs; // temps CPU
  const debits = [];
  while (maintenant() < fin || debits.length < 3) {
    const t0 = maintenant();
    for (let i = 0; i < n; i++) fn();
    debits.push((n * 1000) / (maintenant() - t0));
  }
  return mediane(debits.slice(1)); // le premier lot sert encore d'échauffement
}

/** Durée médiane (ms) de `repetitions` exécutions. */
function dureeMediane(fn, repetitions) {
  const durees = [];
  for (let i = 0; i < repetitions; i++) {
    const t0 = maintenant();
    fn(i);
    durees.push(maintenant() - t0);
  }
  return mediane(durees);
}

function mediane(xs) {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

/** 1234567.8 → « 1 234 568 » (espaces fines insécables). */
function entierFr(x) {
  return Math.round(x).toString().replace(/\B(?=(\d{3})+(?!\d))/g, '\u202f');
}

function decimalFr(x, decimales = 1) {
  return x.toFixed(decimales).replace('.', ',');
}

/** Taille en ko (1 ko = 1 000 octets, lecture stricte des budgets) : 12,3 ko. */
function ko(octets) {
  return `${decimalFr(octets / 1000, 1)} ko`;
}

/** Générateur pseudo-aléatoire déterministe (mulberry32) : des entrées variées, les mêmes à chaque exécution. */
function alea(graine) {
  let a = graine >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

module.exports = { RACINE, moduleCompile, debit, dureeMediane, mediane, entierFr, decimalFr, ko, maintenant, alea };

// `npm start` doit s'arrêter avec npm. Ctrl+C atteint tout le groupe de processus du terminal (npm,
// sh, node) ; mais un signal envoyé au seul processus npm ne nous parvient pas :
//   npm ──sh -c──> node scripts/serve.js
// npm relaie SIGINT et SIGTERM à son enfant `sh -c`, pas au-delà ; SIGHUP ne l'est pas du tout (npm
// meurt). Le sh de Debian (dash), lui, meurt de SIGTERM sans relayer, et sur SIGINT attend
// poliment que son enfant finisse. Le serveur surveille donc son lanceur (Linux : /proc) :
// - son parent ou le parent de celui-ci disparaît (SIGTERM, SIGHUP à npm) : arrêt ;
// - le sh de npm se réveille alors que nous tournons toujours : il n'attend rien d'autre que notre
//   fin, et les seuls signaux qu'il capte sont SIGINT et SIGCHLD ; sauf après une suspension
//   (Ctrl+Z puis fg, qui réveille aussi le sh et nous vaut SIGCONT), c'est que npm lui a relayé
//   SIGINT : arrêt.
'use strict';
const fs = require('fs');

function lireProc(pid, fichier) {
  try {
    return fs.readFileSync(`/proc/${pid}/${fichier}`, 'utf8');
  } catch {
    return null;
  }
}

/** Parent d'un processus (Linux) ; null si inconnu ou disparu. */
function parentDe(pid) {
  const stat = lireProc(pid, 'stat');
  return stat ? Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]) : null;
}

/** Nombre de réveils (changements de contexte volontaires) d'un processus endormi ; null si inconnu. */
function reveilsDe(pid) {
  const m = /voluntary_ctxt_switches:\s+(\d+)/.exec(lireProc(pid, 'status') || '');
  return m ? Number(m[1]) : null;
}

const COQUILLES = new Set(['sh', 'dash', 'ash', 'busybox', 'bash', 'zsh', 'ksh', 'mksh']);

/**
 * Appelle `quandArret(cause)` une fois, dès que le lanceur (npm, et le `sh -c` par lequel npm lance
 * ses scripts) disparaît ou reçoit SIGINT. Sans /proc (macOS…) : seul le changement de parent est vu.
 */
function surveillerLanceur(quandArret, intervalleMs = 250) {
  const parent = process.ppid;
  const parNpm = Boolean(process.env.npm_lifecycle_event);
  const coquille = parNpm && COQUILLES.has((lireProc(parent, 'comm') || '').trim());
  const grandParent = parNpm ? parentDe(parent) : null;
  let reveils = coquille ? reveilsDe(parent) : null;
  let suspect = false;
  let repris = false;
  process.on('SIGCONT', () => {
    repris = true;
  });
  const minuterie = setInterval(() => {
    const arreter = (cause) => {
      clearInterval(minuterie);
      quandArret(cause);
    };
    if (process.ppid !== parent || (grandParent !== null && parentDe(parent) !== grandParent)) return arreter('npm s’est arrêté');
    if (reveils === null) return undefined;
    const maintenant = reveilsDe(parent);
    if (repris || maintenant === null) {
      // Reprise après suspension : le sh s'est réveillé pour cela ; nouvelle référence.
      [repris, suspect, reveils] = [false, false, maintenant];
    } else if (maintenant > reveils) {
      // Confirmé au tour suivant, pour laisser à un SIGCONT le temps d'être vu.
      if (suspect) return arreter('npm a reçu SIGINT');
      suspect = true;
    }
    return undefined;
  }, intervalleMs);
  minuterie.unref();
}

module.exports = { surveillerLanceur, parentDe, reveilsDe };

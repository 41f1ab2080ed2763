'use strict';
// Démarrage de `sip calc` (processus entier, de son lancement à sa fin) contre un Node nu
// (`node -e 0`), mesurés en alternance dans la même exécution : rapport des médianes. Objectif :
// au plus 3 × pour une formule faite d'appels SIP.* (évaluateur léger, sans HyperFormula) ; une
// formule avec une fonction native charge HyperFormula (mesurée pour information).
const path = require('path');
const { spawnSync } = require('child_process');
const { decimalFr, mediane } = require('../bench-outils');

const OBJECTIF = 3;

/** Temps écoulé (ms) d'un processus enfant : le temps CPU de ce script-ci ne le compte pas. */
function duree(commande, args, cwd) {
  const t = process.hrtime.bigint();
  const r = spawnSync(commande, args, { cwd, encoding: 'utf8' });
  const ms = Number(process.hrtime.bigint() - t) / 1e6;
  if (r.status !== 0) throw new Error(`${args.join(' ')} : code ${r.status} ${r.stderr}`);
  return ms;
}

module.exports = {
  titre: 'Démarrage de sip calc (processus entier) contre node -e 0',
  async executer(ctx) {
    const sip = path.join(ctx.racine, 'bin', 'sip.js');
    const cas = {
      nu: ['-e', '0'],
      // Date de calcul où le CAI se signe encore (contrats remplacés le 01/01/2026).
      leger: [sip, 'calc', '=SIP.AIDE(40000;12)*2+SIP.CAI(1,5)', '--date', '01/06/2025'],
      complet: [sip, 'calc', '=SIP.AIDE(40000;12)+SOMME(1;2)'],
    };
    const tours = ctx.rapide ? 7 : 21;
    const mesures = { nu: [], leger: [], complet: [] };
    for (const args of Object.values(cas)) duree(process.execPath, args, ctx.racine); // échauffement
    for (let i = 0; i < tours; i++) {
      for (const [nom, args] of Object.entries(cas)) mesures[nom].push(duree(process.execPath, args, ctx.racine));
    }
    const m = Object.fromEntries(Object.entries(mesures).map(([k, v]) => [k, mediane(v)]));
    const ratioLeger = m.leger / m.nu;
    return {
      lignes: [
        { mesure: 'node -e 0 (médiane)', valeur: `${decimalFr(m.nu, 0)} ms`, statut: 'info' },
        { mesure: 'sip calc, appels SIP.* (évaluateur léger)', valeur: `${decimalFr(m.leger, 0)} ms, ${decimalFr(ratioLeger, 2)} ×`, objectif: `≤ ${OBJECTIF} ×`, statut: ratioLeger <= OBJECTIF ? 'ok' : 'hors-objectif' },
        { mesure: 'sip calc, fonction native (HyperFormula)', valeur: `${decimalFr(m.complet, 0)} ms, ${decimalFr(m.complet / m.nu, 2)} ×`, statut: 'info' },
      ],
      notes: [`${tours} mesures alternées de chaque commande (temps écoulé, machine partagée : rapport des médianes).`],
    };
  },
};

'use strict';
// Débit du moteur de règles : évaluations par seconde de chaque fonction du catalogue, par le
// chemin d'une cellule (evaluer() : conversion des arguments, règle, explication, arrondi).
// Toutes les fonctions du catalogue sont mesurées ; une fonction nouvelle sans exemple ci-dessous
// reçoit des arguments déduits de ses contraintes.
const { moduleCompile, debit, entierFr } = require('../bench-outils');

const OBJECTIF_SIMPLE = 1_000_000;

/** Arguments typiques (exemples de REGLES.md) ; date omise = date du jour du contexte. */
const EXEMPLES = {
  PLAFOND: [12],
  AIDE: [40000, 12],
  VERSEMENT: [27000, 1],
  CAI: [1.5],
  COSCO: [3, 3],
  CST: [120000, 1],
  GARANTIE400: [9500, 7000],
  PLAFOND400: [0.6],
  SEUIL400: [4, 0.6],
  MATERNITE400: [7200, 2900],
  ACI: [1000, 1700, 6000],
  ACI_AVANCE: [24850],
  ELIGIBLE: ['CAI', 'ZIP'],
  PARAMETRE: ['cai.plafond'],
};

/** Arguments déduits du catalogue pour une fonction sans exemple. */
function argumentsDeduits(f) {
  return f.arguments
    .filter((a) => !a.optionnel)
    .map((a) => {
      if (a.type === 'booleen') return true;
      if (a.type === 'texte') return a.valeurs ? a.valeurs[0] : '';
      if (a.type === 'date') return 45000;
      const c = a.contrainte || {};
      if (c.max !== undefined) return c.max;
      return c.entier ? Math.max(1, c.min ?? 1) : Math.max(1, c.min ?? 1) * 2;
    });
}

module.exports = {
  titre: 'Moteur de règles : évaluations par seconde (evaluer)',
  async executer(ctx) {
    const { CATALOGUE, evaluer, appeler } = moduleCompile('catalogue');
    const { BAREME_PAR_DEFAUT } = moduleCompile('rules/bareme/donnees');
    const { aujourdhuiIso } = moduleCompile('rules/dates');
    const contexte = { bareme: BAREME_PAR_DEFAUT, aujourdhui: aujourdhuiIso() };
    const lignes = [];
    for (const f of CATALOGUE) {
      const args = EXEMPLES[f.nom] || argumentsDeduits(f);
      const appel = `SIP.${f.nom}(${args.map((a) => JSON.stringify(a)).join(';')})`;
      let r;
      try {
        r = appeler(f, args, contexte);
      } catch (e) {
        lignes.push({ mesure: appel, valeur: `erreur : ${e.message}`, statut: 'info' });
        continue;
      }
      // « Simple » : la règle lit au plus un paramètre du barème et n'en compose pas d'autre.
      const simple = r.explication.parametres.length <= 1;
      let puits = 0;
      const parSeconde = debit(() => {
        const v = evaluer(f, args, contexte);
        puits += typeof v === 'number' ? v : 1;
      }, { dureeMs: ctx.rapide ? 150 : 600 });
      if (!Number.isFinite(puits)) throw new Error('résultat non fini');
      lignes.push({
        mesure: `${appel} — ${r.explication.parametres.length} paramètre(s) lu(s)`,
        valeur: `${entierFr(parSeconde)} /s`,
        objectif: simple ? `≥ ${entierFr(OBJECTIF_SIMPLE)} /s` : '',
        statut: simple ? (parSeconde >= OBJECTIF_SIMPLE ? 'ok' : 'hors-objectif') : 'info',
      });
      ctx.journal(`${appel.padEnd(34)} ${entierFr(parSeconde).padStart(11)} évaluations/s`);
    }
    return {
      lignes,
      notes: ['Objectif ≥ 1 million/s pour les fonctions simples (au plus un paramètre du barème lu).'],
    };
  },
};

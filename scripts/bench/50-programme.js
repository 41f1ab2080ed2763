'use strict';
// Programme SIP de l'année (ticket 9) : temps de classement d'un appel de 10, 1 000 et 10 000
// candidatures (éligibilité, aide par le moteur SIP, rang, enveloppe, échéancier, totaux), puis
// de la description et de l'écriture xlsx de la feuille « Programme SIP » pour 1 000 candidatures.
// Objectif : « instantané » pour 1 000 candidatures (≤ 100 ms de calcul).
// Puis la mémoire de la commande elle-même à 100 000 candidatures (ticket 14) : pic de mémoire (RSS)
// de « sip programme -o » (classeur écrit en flux) et de « sip programme --json » (sortie en flux),
// dans un processus à part, sur un fichier généré pour l'occasion. Budget : 1 Go.
const { spawnSync } = require('child_process');
const fs = require('fs');
const os = require('os');
const path = require('path');
const { moduleCompile, dureeMediane, decimalFr, entierFr, maintenant } = require('../bench-outils');

const OBJECTIF_1000_MS = 100;
const GRAND_APPEL = 100000;
const BUDGET_MEMOIRE_MO = 1024;

/** Candidatures fictives, déterministes (générateur congruentiel), couvrant tous les cas. */
function candidatures(n) {
  let graine = 12345;
  const alea = () => ((graine = (graine * 1103515245 + 12345) % 2147483648) / 2147483648);
  const zones = ['ZIP', 'ZAC', 'QPV', 'HZ'];
  const aci = ['adherent', 'adherent', 'engagement', 'non'];
  return Array.from({ length: n }, (_, i) => ({
    nom: `MSP ${i + 1}`,
    nbProfessionnels: 3 + Math.floor(alea() * 40),
    montantDevis: Math.round(5000 + alea() * 60000 * 100) / 100,
    projetSanteValide: alea() > 0.05,
    aci: aci[Math.floor(alea() * aci.length)],
    logicielLabellise: alea() > 0.05,
    zone: zones[Math.floor(alea() * zones.length)],
    maturite: alea() > 0.2 ? Math.floor(alea() * 5) : null,
    dateCandidature: `2023-0${5 + Math.floor(alea() * 2)}-${String(1 + Math.floor(alea() * 28)).padStart(2, '0')}`,
  }));
}

/**
 * Lance `sip <args>` dans un processus à part et rend son pic de mémoire (RSS, Mo) et sa durée :
 * un module préchargé écrit process.resourceUsage().maxRSS à la sortie.
 */
function mesurerCommande(racine, dossier, args) {
  const prechargement = path.join(dossier, 'pic-memoire.js');
  const rapport = path.join(dossier, 'pic-memoire.txt');
  fs.writeFileSync(prechargement, `process.on('exit', () => require('fs').writeFileSync(${JSON.stringify(rapport)}, String(process.resourceUsage().maxRSS)));\n`);
  const t0 = Date.now();
  const r = spawnSync(process.execPath, ['--require', prechargement, path.join(racine, 'bin', 'sip.js'), ...args], { cwd: dossier, stdio: ['ignore', 'ignore', 'pipe'], encoding: 'utf8' });
  const secondes = (Date.now() - t0) / 1000;
  if (r.status !== 0) throw new Error(`sip ${args.join(' ')} : code ${r.status} ${r.stderr}`);
  return { mo: Number(fs.readFileSync(rapport, 'utf8')) / 1024, secondes };
}

/** Mémoire de sip programme -o et --json à 100 000 candidatures (fichier JSON généré). */
function lignesMemoire(ctx) {
  const dossier = fs.mkdtempSync(path.join(os.tmpdir(), 'sip-bench-programme-'));
  try {
    const entree = path.join(dossier, 'candidatures.json');
    fs.writeFileSync(entree, JSON.stringify({ appel: { annee: 2023, enveloppe: 25000 * Math.ceil(GRAND_APPEL / 3) }, candidatures: candidatures(GRAND_APPEL) }));
    const taille = fs.statSync(entree).size;
    const lignes = [];
    for (const [libelle, args] of [
      ['-o programme.xlsx', ['programme', entree, '-o', path.join(dossier, 'programme.xlsx')]],
      ['--json', ['programme', entree, '--json']],
    ]) {
      const m = mesurerCommande(ctx.racine, dossier, args);
      const ok = m.mo <= BUDGET_MEMOIRE_MO;
      lignes.push({
        mesure: `sip programme ${libelle}, ${entierFr(GRAND_APPEL)} candidatures (${entierFr(taille / 1e6)} Mo de JSON) : pic de mémoire (RSS) en ${decimalFr(m.secondes, 0)} s`,
        valeur: `${entierFr(m.mo)} Mo`,
        objectif: `≤ ${entierFr(BUDGET_MEMOIRE_MO)} Mo`,
        statut: ok ? 'ok' : 'echec',
      });
      ctx.journal(`sip programme ${libelle} (${entierFr(GRAND_APPEL)} candidatures) : ${entierFr(m.mo)} Mo de pic, ${decimalFr(m.secondes, 1)} s`);
    }
    const xlsx = fs.statSync(path.join(dossier, 'programme.xlsx')).size;
    ctx.journal(`classeur écrit : ${entierFr(xlsx / 1e6)} Mo`);
    return lignes;
  } finally {
    fs.rmSync(dossier, { recursive: true, force: true });
  }
}

module.exports = {
  titre: 'Programme SIP : classement des candidatures et enveloppe',
  async executer(ctx) {
    const { calculerProgramme } = moduleCompile('rules/programme/programme');
    const { BAREME_PAR_DEFAUT } = moduleCompile('rules/bareme/donnees');
    const { decrireFeuilleProgramme } = moduleCompile('workbook/programme/feuille-programme');
    const { classeurProgramme } = moduleCompile('workbook/programme/ecrire-xlsx');
    const lignes = [];
    const tailles = [10, 1000, 10000];
    const resultats = {};
    for (const n of tailles) {
      const liste = candidatures(n);
      // Enveloppe : environ un tiers de la demande, pour exercer liste d'attente et saut au suivant.
      const appel = { annee: 2023, enveloppe: 25000 * Math.ceil(n / 3), maxSites: null };
      const repetitions = n >= 10000 ? (ctx.rapide ? 3 : 5) : n >= 1000 ? (ctx.rapide ? 5 : 15) : 200;
      calculerProgramme(BAREME_PAR_DEFAUT, liste, appel); // échauffement
      const ms = dureeMediane(() => (resultats[n] = calculerProgramme(BAREME_PAR_DEFAUT, liste, appel)), repetitions);
      const t = resultats[n].totaux;
      const ligne = { mesure: `classer ${entierFr(n)} candidatures (médiane de ${repetitions})`, valeur: `${decimalFr(ms, ms < 10 ? 2 : 1)} ms`, statut: 'info' };
      if (n === 1000) Object.assign(ligne, { objectif: `≤ ${OBJECTIF_1000_MS} ms`, statut: ms <= OBJECTIF_1000_MS ? 'ok' : 'hors-objectif' });
      lignes.push(ligne);
      ctx.journal(`${entierFr(n)} candidatures : ${t.nbEligibles} éligibles, ${t.nbFinancees} financées, ${t.nbAttente} en attente — ${decimalFr(ms, 2)} ms`);
    }
    const t0 = maintenant();
    const description = decrireFeuilleProgramme(resultats[1000]);
    const t1 = maintenant();
    const xlsx = await classeurProgramme(description);
    const t2 = maintenant();
    lignes.push({ mesure: 'feuille « Programme SIP » de 1 000 candidatures : description', valeur: `${decimalFr(t1 - t0, 1)} ms`, statut: 'info' });
    lignes.push({ mesure: `feuille « Programme SIP » de 1 000 candidatures : écriture xlsx (${entierFr(xlsx.length / 1000)} ko)`, valeur: `${decimalFr(t2 - t1, 0)} ms`, statut: 'info' });
    lignes.push(...lignesMemoire(ctx));
    return {
      lignes,
      notes: [
        'Le calcul est linéaire en nombre de candidatures, hormis le tri (n log n).',
        'Mémoire à 100 000 candidatures avant l’écriture en flux (classeur exceljs en mémoire) : 3,35 Go de pic pour -o, 0,86 Go pour --json.',
      ],
    };
  },
};

'use strict';
// Programme SIP de l'année (ticket 9) : temps de classement d'un appel de 10, 1 000 et 10 000
// candidatures (éligibilité, aide par le moteur SIP, rang, enveloppe, échéancier, totaux), puis
// de la description et de l'écriture xlsx de la feuille « Programme SIP » pour 1 000 candidatures.
// Objectif : « instantané » pour 1 000 candidatures (≤ 100 ms de calcul).
const { moduleCompile, dureeMediane, decimalFr, entierFr, maintenant } = require('../bench-outils');

const OBJECTIF_1000_MS = 100;

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
    return { lignes, notes: ['Le calcul est linéaire en nombre de candidatures, hormis le tri (n log n).'] };
  },
};

'use strict';
// Recalcul d'une feuille sans tableur (HyperFormula) de 10 000 formules SIP.* contre la même feuille
// écrite en formules natives équivalentes (=MIN(…), =ARRONDI(…)), où l'auteur a recopié les chiffres
// du barème en vigueur à la date de chaque ligne. Entrées variées et réalistes : ETP 1,6 ou 2,35,
// montants avec centimes, dates réparties sur le barème (colonne E). Mesure : construction (calcul
// initial) puis recalcul complet après changement d'une cellule dont dépendent toutes les formules
// ($H$1, facteur 1 ou 2), les deux feuilles en alternance. Les deux feuilles doivent donner les mêmes
// valeurs ; les formules natives calculent en flottants : un écart d'un centime sur un demi-centime
// est signalé (c'est l'arrondi flottant de la feuille native), un écart plus grand est un échec.
const { moduleCompile, dureeMediane, decimalFr, entierFr, alea, maintenant, mediane } = require('../bench-outils');

const NB_FORMULES = 10_000;
const OBJECTIF_RATIO = 1.5;

/** Les familles de formules : entrées de la ligne (A–D, E = date), formule SIP.* et formule native. */
function familles(h, jour) {
  const entre = (min, max) => min + h() * (max - min);
  const centimes = (min, max) => Math.round(entre(min, max) * 100) / 100;
  const deux = (min, max) => Math.round(entre(min, max) * 100) / 100;
  const entier = (min, max) => Math.floor(entre(min, max + 1));
  return [
    { nom: 'PLAFOND', date: () => jour('2017-01-01', '2030-12-31'), entrees: () => [entier(1, 40)],
      sip: (l) => `=SIP.PLAFOND(A${l}*$H$1;E${l})`,
      native: (l, v) => (v('sip.plafond.maximum') === null ? `=${v('sip.plafond.base')}+${v('sip.plafond.par_professionnel')}*A${l}*$H$1`
        : `=MIN(${v('sip.plafond.maximum')};${v('sip.plafond.base')}+${v('sip.plafond.par_professionnel')}*A${l}*$H$1)`) },
    { nom: 'AIDE', date: () => jour('2017-01-01', '2030-12-31'), entrees: () => [entier(1, 40), centimes(1000, 70000)],
      sip: (l) => `=SIP.AIDE(B${l}*$H$1;A${l};E${l})`,
      native: (l, v) => `=ARRONDI(MIN(B${l}*$H$1;${v('sip.plafond.base')}+${v('sip.plafond.par_professionnel')}*A${l});2)` },
    { nom: 'VERSEMENT', date: () => jour('2017-01-01', '2030-12-31'), entrees: () => [entier(1, 2), centimes(1000, 60000)],
      sip: (l) => `=SIP.VERSEMENT(B${l}*$H$1;A${l};E${l})`,
      native: (l, v, [numero]) => (numero === 1 ? `=ARRONDI(ARRONDI(B${l}*$H$1;2)*${v('sip.versement.part_convention')};2)`
        : `=ARRONDI(B${l}*$H$1;2)-ARRONDI(ARRONDI(B${l}*$H$1;2)*${v('sip.versement.part_convention')};2)`) },
    { nom: 'CAI', date: () => jour('2018-10-20', '2025-12-31'), entrees: () => [null, null, deux(0.1, 3.5)],
      sip: (l) => `=SIP.CAI(C${l}*$H$1;;E${l})`,
      native: (l, v) => `=ARRONDI(MIN(${v('cai.plafond')};${v('cai.montant_etp_tranche1')}*MIN(C${l}*$H$1;${v('cai.fin_tranche1_etp')})+${v('cai.montant_etp_tranche2')}*MIN(MAX(C${l}*$H$1-${v('cai.fin_tranche1_etp')};0);${v('cai.fin_tranche2_etp')}-${v('cai.fin_tranche1_etp')}));2)` },
    { nom: 'COSCO', date: () => jour('2018-10-20', '2025-12-31'), entrees: () => [entier(1, 3), null, deux(0.1, 4)],
      sip: (l) => `=SIP.COSCO(C${l}*$H$1;A${l};E${l})`,
      native: (l, v) => `=ARRONDI(${v('cosco.montant_etp_an')}*C${l}*$H$1*A${l};2)` },
    { nom: 'CST', date: () => jour('2018-10-20', '2025-12-31'), entrees: () => [null, centimes(5000, 300000), deux(0.1, 2)],
      sip: (l) => `=SIP.CST(B${l}*$H$1;C${l};E${l})`,
      native: (l, v) => `=ARRONDI(MIN(${v('cst.taux_honoraires')}*B${l}*$H$1;${v('cst.plafond_etp_an')}*C${l});2)` },
    { nom: 'GARANTIE400', date: () => jour('2019-02-06', '2030-12-31'), entrees: () => [null, centimes(2000, 6000), deux(0.1, 1), centimes(0, 9000)],
      sip: (l) => `=SIP.GARANTIE400(B${l}*$H$1;D${l};C${l};E${l})`,
      native: (l, v) => `=ARRONDI(MAX(0;MIN(B${l}*$H$1;${v('postes400.plafond_mensuel_temps_plein')}*C${l})-D${l});2)` },
    { nom: 'ACI', date: () => jour('2017-04-20', '2030-12-31'), entrees: () => [entier(0, 3000), entier(0, 3000), entier(300, 12000)],
      sip: (l) => `=SIP.ACI(A${l};B${l};C${l}*$H$1;VRAI;E${l})`,
      native: (l, v) => `=ARRONDI((A${l}+B${l}*C${l}*$H$1/${v('aci.patientele_reference')})*${v('aci.valeur_point')};2)` },
    { nom: 'ACI_AVANCE', date: () => jour('2017-04-20', '2030-12-31'), entrees: () => [null, centimes(1000, 90000)],
      sip: (l) => `=SIP.ACI_AVANCE(B${l}*$H$1;E${l})`,
      native: (l, v) => `=MIN(ARRONDI(B${l}*$H$1;2);MAX(ARRONDI(ARRONDI(B${l}*$H$1;2)*${v('aci.taux_avance')};2);${v('aci.avance_minimum')}))` },
  ];
}

/** Les deux feuilles : mêmes entrées ; formules SIP.* ou natives (chiffres du barème à la date de la ligne). */
function feuilles(lecteur, isoDeSerie) {
  const h = alea(20261202);
  const jour = (du, au) => {
    const [a, b] = [du, au].map((d) => Math.round((Date.UTC(+d.slice(0, 4), +d.slice(5, 7) - 1, +d.slice(8, 10)) - Date.UTC(1899, 11, 30)) / 86400000));
    return a + Math.floor(h() * (b - a + 1));
  };
  const fs = familles(h, jour);
  const sip = [];
  const native = [];
  for (let i = 0; i < NB_FORMULES; i++) {
    const l = i + 1;
    const f = fs[i % fs.length];
    const date = f.date();
    const e = f.entrees();
    const entrees = [0, 1, 2, 3].map((k) => (e[k] === undefined ? null : e[k]));
    const v = (id) => {
      const x = lecteur(id, isoDeSerie(date));
      return x === null ? null : x.replace('.', ',');
    };
    const facteur = i === 0 ? 1 : null; // H1 : facteur commun
    sip.push([...entrees, date, f.sip(l), null, facteur]);
    native.push([...entrees, date, f.native(l, v, entrees), null, facteur]);
  }
  return { sip, native, nbFamilles: fs.length };
}

module.exports = {
  titre: `Feuille de ${entierFr(NB_FORMULES)} formules : SIP.* contre formules natives (HyperFormula), entrées variées`,
  async executer(ctx) {
    const { creerClasseur } = moduleCompile('formules/moteur');
    const { LecteurBareme } = moduleCompile('rules/bareme/lecture');
    const { BAREME_PAR_DEFAUT } = moduleCompile('rules/bareme/donnees');
    const { serieVersIso } = moduleCompile('rules/dates');
    const aujourdhui = '2026-11-23';
    const lecteur = (id, iso) => {
      const v = new LecteurBareme(BAREME_PAR_DEFAUT, iso).valeurOuAucune(id);
      return v === null ? null : v.toString();
    };
    const { sip, native, nbFamilles } = feuilles(lecteur, (s) => serieVersIso(s));
    const repetitions = ctx.rapide ? 5 : 15;

    const construire = (donnees) => {
      let hf;
      const construction = dureeMediane(() => {
        if (hf) hf.destroy();
        hf = creerClasseur({ F: donnees }, { aujourdhui });
      }, ctx.rapide ? 1 : 3);
      return { hf, construction };
    };
    const s = construire(sip);
    const n = construire(native);
    // Recalcul : H1 alterne entre 2 et 1, toutes les formules en dépendent ; les deux feuilles en alternance.
    const recalculs = { sip: [], native: [] };
    for (let k = 0; k < repetitions * 2; k++) {
      for (const [cle, hf] of [['sip', s.hf], ['native', n.hf]]) {
        const t0 = maintenant();
        hf.setCellContents({ sheet: 0, row: 0, col: 7 }, [[k % 2 === 0 ? 2 : 1]]);
        recalculs[cle].push(maintenant() - t0);
      }
    }
    const valeurs = (hf) => {
      hf.setCellContents({ sheet: 0, row: 0, col: 7 }, [[2]]);
      const v = hf.getSheetValues(0).map((l) => l[5]);
      hf.destroy();
      return v;
    };
    const vs = valeurs(s.hf);
    const vn = valeurs(n.hf);
    const erreurs = vs.filter((v) => typeof v !== 'number').length + vn.filter((v) => typeof v !== 'number').length;
    const centime = vs.filter((v, i) => v !== vn[i] && typeof v === 'number' && Math.abs(v - vn[i]) <= 0.0100001).length;
    const ecarts = vs.filter((v, i) => v !== vn[i] && !(typeof v === 'number' && Math.abs(v - vn[i]) <= 0.0100001)).length;
    const rs = mediane(recalculs.sip);
    const rn = mediane(recalculs.native);
    const ratioRecalcul = rs / rn;
    const ratioConstruction = s.construction / n.construction;
    ctx.journal(`${nbFamilles} familles de formules, ${entierFr(NB_FORMULES)} lignes`);
    ctx.journal(`construction : SIP.* ${decimalFr(s.construction, 0)} ms, natives ${decimalFr(n.construction, 0)} ms`);
    ctx.journal(`recalcul     : SIP.* ${decimalFr(rs, 1)} ms, natives ${decimalFr(rn, 1)} ms (médianes de ${recalculs.sip.length}, en alternance)`);
    ctx.journal(`valeurs : ${ecarts} écart(s), ${erreurs} cellule(s) non numérique(s), ${centime} écart(s) d’un centime (arrondi flottant des formules natives)`);
    const memes = ecarts === 0 && erreurs === 0;
    return {
      lignes: [
        { mesure: 'recalcul complet, SIP.*', valeur: `${decimalFr(rs, 1)} ms`, statut: 'info' },
        { mesure: 'recalcul complet, formules natives', valeur: `${decimalFr(rn, 1)} ms`, statut: 'info' },
        { mesure: 'ratio de recalcul SIP.* / natives', valeur: `${decimalFr(ratioRecalcul, 2)} ×`, objectif: `≤ ${decimalFr(OBJECTIF_RATIO, 1)} ×`, statut: ratioRecalcul <= OBJECTIF_RATIO ? 'ok' : 'hors-objectif' },
        { mesure: 'ratio de construction (calcul initial)', valeur: `${decimalFr(ratioConstruction, 2)} ×`, statut: 'info' },
        { mesure: 'mêmes valeurs dans les deux feuilles (au centime d’arrondi flottant près)', valeur: memes ? `oui (${centime} demi-centime(s) arrondi(s) autrement par les flottants)` : `non (${ecarts} écarts, ${erreurs} erreurs)`, objectif: 'oui', statut: memes ? 'ok' : 'echec' },
      ],
      resume: { ratio_feuille: Number(ratioRecalcul.toFixed(2)) },
    };
  },
};

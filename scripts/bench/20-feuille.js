'use strict';
// Recalcul d'une feuille sans tableur (HyperFormula) de 10 000 formules SIP.* contre la même feuille
// écrite avec des formules natives équivalentes (=MIN(…), =ARRONDI(…)), dont les chiffres sont lus
// dans le barème à la même date. Mesure : construction (calcul initial) et recalcul complet après
// changement d'une cellule dont dépendent toutes les formules ; les deux feuilles doivent donner
// les mêmes valeurs.
const { moduleCompile, dureeMediane, decimalFr, entierFr } = require('../bench-outils');

const NB_FORMULES = 10_000;
const OBJECTIF_RATIO = 3;

/** Cinq familles de formules, SIP.* et native ; $H$1 (facteur 1 ou 2) multiplie les entrées. */
function familles(p) {
  // Les chiffres du barème, en texte décimal français pour les formules natives.
  const v = (id) => String(p(id)).replace('.', ',');
  const fin1 = v('cai.fin_tranche1_etp');
  const largeur2 = String(p('cai.fin_tranche2_etp') - p('cai.fin_tranche1_etp')).replace('.', ',');
  return [
    { sip: (l) => `=SIP.PLAFOND(A${l}*$H$1)`, native: (l) => `=${v('sip.plafond.base')}+${v('sip.plafond.par_professionnel')}*A${l}*$H$1` },
    { sip: (l) => `=SIP.AIDE(B${l}*$H$1;A${l})`, native: (l) => `=MIN(B${l}*$H$1;${v('sip.plafond.base')}+${v('sip.plafond.par_professionnel')}*A${l})` },
    {
      sip: (l) => `=SIP.CAI(C${l}*$H$1)`,
      native: (l) =>
        `=ARRONDI(MIN(${v('cai.plafond')};${v('cai.montant_etp_tranche1')}*MIN(C${l}*$H$1;${fin1})+${v('cai.montant_etp_tranche2')}*MIN(MAX(C${l}*$H$1-${fin1};0);${largeur2}));2)`,
    },
    { sip: (l) => `=SIP.CST(B${l}*$H$1;C${l})`, native: (l) => `=ARRONDI(MIN(${v('cst.taux_honoraires')}*B${l}*$H$1;${v('cst.plafond_etp_an')}*C${l});2)` },
    {
      sip: (l) => `=SIP.GARANTIE400(B${l}*$H$1;D${l};0,6)`,
      native: (l) => `=ARRONDI(MAX(0;MIN(B${l}*$H$1;${v('postes400.plafond_mensuel_temps_plein')}*0,6)-D${l});2)`,
    },
  ];
}

function feuille(formule, nb) {
  const lignes = [];
  for (let i = 0; i < nb; i++) {
    const l = i + 1;
    // Entrées déterministes : nb de professionnels, montant, ETP, honoraires mensuels.
    const ligne = [1 + (i % 40), 1000 + ((i * 7919) % 90000) + (i % 100) / 100, ((i * 37) % 60) / 10, 2000 + ((i * 131) % 9000), null, null, null, null];
    ligne[4] = formule(i, l);
    if (i === 0) ligne[7] = 1; // H1 : facteur commun
    lignes.push(ligne);
  }
  return lignes;
}

module.exports = {
  titre: `Feuille de ${entierFr(NB_FORMULES)} formules : SIP.* contre formules natives (HyperFormula)`,
  async executer(ctx) {
    const { creerClasseur } = moduleCompile('formules/moteur');
    const { LecteurBareme } = moduleCompile('rules/bareme/lecture');
    const { BAREME_PAR_DEFAUT } = moduleCompile('rules/bareme/donnees');
    const { aujourdhuiIso } = moduleCompile('rules/dates');
    const aujourdhui = aujourdhuiIso();
    const lecteur = new LecteurBareme(BAREME_PAR_DEFAUT, aujourdhui);
    const f = familles((id) => lecteur.valeur(id).toNumber());
    const repetitions = ctx.rapide ? 3 : 7;

    const mesurer = (genre) => {
      const donnees = feuille((i, l) => f[i % f.length][genre](l), NB_FORMULES);
      let hf;
      const construction = dureeMediane(() => {
        if (hf) hf.destroy();
        hf = creerClasseur({ F: donnees }, { aujourdhui });
      }, ctx.rapide ? 1 : 3);
      // Recalcul : H1 alterne entre 2 et 1, toutes les formules dépendent de H1.
      const recalcul = dureeMediane((i) => hf.setCellContents({ sheet: 0, row: 0, col: 7 }, [[i % 2 === 0 ? 2 : 1]]), repetitions * 2);
      hf.setCellContents({ sheet: 0, row: 0, col: 7 }, [[2]]);
      const valeurs = hf.getSheetValues(0).map((l) => l[4]);
      hf.destroy();
      return { construction, recalcul, valeurs };
    };

    const sip = mesurer('sip');
    const native = mesurer('native');
    const differences = sip.valeurs.filter((v, i) => v !== native.valeurs[i]).length;
    const erreurs = sip.valeurs.filter((v) => typeof v !== 'number').length;
    const ratioRecalcul = sip.recalcul / native.recalcul;
    const ratioConstruction = sip.construction / native.construction;
    ctx.journal(`construction : SIP.* ${decimalFr(sip.construction, 0)} ms, natives ${decimalFr(native.construction, 0)} ms`);
    ctx.journal(`recalcul     : SIP.* ${decimalFr(sip.recalcul, 0)} ms, natives ${decimalFr(native.recalcul, 0)} ms`);
    ctx.journal(`valeurs différentes entre les deux feuilles : ${differences} ; cellules non numériques : ${erreurs}`);
    return {
      lignes: [
        { mesure: 'recalcul complet, SIP.*', valeur: `${decimalFr(sip.recalcul, 0)} ms`, statut: 'info' },
        { mesure: 'recalcul complet, formules natives', valeur: `${decimalFr(native.recalcul, 0)} ms`, statut: 'info' },
        { mesure: 'ratio de recalcul SIP.* / natives', valeur: `${decimalFr(ratioRecalcul, 2)} ×`, objectif: `≤ ${OBJECTIF_RATIO} ×`, statut: ratioRecalcul <= OBJECTIF_RATIO ? 'ok' : 'hors-objectif' },
        { mesure: 'ratio de construction (calcul initial)', valeur: `${decimalFr(ratioConstruction, 2)} ×`, statut: 'info' },
        { mesure: 'mêmes valeurs dans les deux feuilles', valeur: differences === 0 && erreurs === 0 ? 'oui' : `non (${differences} écarts, ${erreurs} erreurs)`, objectif: 'oui', statut: differences === 0 && erreurs === 0 ? 'ok' : 'echec' },
      ],
    };
  },
};

'use strict';
// Débit du moteur de règles : évaluations par seconde de chaque fonction du catalogue par le chemin
// d'une cellule (evaluer() : contrôle des arguments, barème à la date, calcul exact, valeur de cellule),
// sur des entrées VARIÉES et réalistes (decimal.js court-circuite les petits entiers : ETP 1,6 ou 2,35,
// montants avec centimes, dates réparties sur tout le barème), contre une référence en JavaScript nu
// (nombres flottants, centimes arrondis par Math.round) mesurée dans la même exécution, en alternance.
// Pour information : le chemin expliqué (appeler() : résultat avec son explication, en decimal.js).
//
// Résumé (ligne RESUME de npm run bench) : min_evals_par_s = débit de la fonction la plus lente ;
// ratio_js = pire rapport « temps par évaluation du moteur / temps de la référence JS ».
const { moduleCompile, debit, entierFr, decimalFr, alea, mediane } = require('../bench-outils');

const OBJECTIF = 2_000_000;
const NB_ENTREES = 1024; // puissance de 2 : l'indice tourne par masque

/** Générateurs d'entrées réalistes, déterministes. `h` : hasard ; `jour(du, au)` : date Excel dans la période. */
function generateurs(h, jour) {
  const entre = (min, max) => min + h() * (max - min);
  const centimes = (min, max) => Math.round(entre(min, max) * 100) / 100;
  const etp = () => Math.round(entre(0.1, 6) * 100) / 100; // 1,6 ; 2,35…
  const quotite = () => Math.max(0.05, Math.round(entre(0.05, 1) * 100) / 100);
  const entier = (min, max) => Math.floor(entre(min, max + 1));
  const parmi = (xs) => xs[Math.floor(h() * xs.length)];
  // Périodes où chaque famille calcule : contrats CDS signés jusqu'au 31/12/2025, aide automatique depuis 2026.
  const sip = () => jour('2017-01-01', '2030-12-31');
  const contrat = () => jour('2018-10-20', '2025-12-31');
  const postes = () => jour('2019-02-06', '2030-12-31');
  const aci = () => jour('2017-04-20', '2030-12-31');
  return {
    PLAFOND: () => [entier(1, 40), sip()],
    AIDE: () => [centimes(1000, 70000), entier(1, 40), sip()],
    VERSEMENT: () => [centimes(1000, 60000), entier(1, 2), sip()],
    CAI: () => [etp(), parmi([null, 1, 2]), contrat()],
    COSCO: () => [etp(), parmi([1, 2, 3, 0.5, 2.75, 1.25]), contrat()],
    CST: () => [centimes(5000, 300000), etp(), contrat()],
    AIDE_CDS: () => [etp(), parmi(['POLYVALENT', 'MEDICAL', 'INFIRMIER']), parmi(['ZIP', 'ZAC']), jour('2026-01-01', '2030-12-31')],
    GARANTIE400: () => {
      const base = [centimes(2000, 12000), centimes(0, 11000), quotite(), postes()];
      return h() < 0.5 ? base : [...base, entier(0, 250), entier(1, 24)];
    },
    PLAFOND400: () => [quotite(), postes()],
    SEUIL400: () => [entier(1, 24), quotite(), postes()],
    MATERNITE400: () => [centimes(1000, 30000), centimes(0, 20000), h() < 0.8, postes()],
    ACI: () => [entier(0, 3000), entier(0, 3000), entier(300, 12000), h() < 0.9, aci()],
    ACI_AVANCE: () => [centimes(1000, 90000), aci()],
    ACI_SI: () => [entier(1, 40), jour('2022-08-03', '2030-12-31')],
    ELIGIBLE: () => [parmi(['CAI', 'COSCO', 'CST', '400POSTES', 'SIP', 'AIDE_CDS']), parmi(['ZIP', 'ZAC', 'HZ', 'QPV']), parmi([null, 'MSP', 'CDS']), h() < 0.3, parmi([null, sip()])],
    PARAMETRE: () => [parmi(['cai.plafond', 'postes400.plafond_mensuel_temps_plein', 'aci.valeur_point', 'sip.versement.part_convention', 'tarif.consultation_g', 'aci.avance_minimum']), aci()],
  };
}

/** Éligibilité écrite à la main (politique régionale des CDS §2.1, §2.2, §3.2 ; appel SIP 2023). */
const ELIGIBILITE = {
  CAI: { public: 'CDS', ouverture: 'cai.signature_ouverte', CDS: { zones: ['ZIP'], qpv: false } },
  COSCO: { public: 'CDS', ouverture: 'cosco.signature_ouverte', CDS: { zones: ['ZIP'], qpv: false } },
  CST: { public: 'CDS', ouverture: 'cst.signature_ouverte', CDS: { zones: ['ZAC', 'HZ'], qpv: false } },
  '400POSTES': { public: 'CDS', ouverture: 'postes400.duree_mois', CDS: { zones: ['ZIP', 'ZAC'], qpv: true } },
  SIP: { public: 'MSP', ouverture: 'sip.plafond.base', MSP: { zones: ['ZIP', 'ZAC', 'HZ'], qpv: true }, CDS: { zones: ['ZIP', 'ZAC'], qpv: true } },
  AIDE_CDS: { public: 'CDS', ouverture: 'cds.aide_automatique.ouverte', CDS: { zones: ['ZIP', 'ZAC'], qpv: false } },
};

/** Références en JavaScript nu : flottants, barème lu par un parcours des périodes, centimes par Math.round. */
function references(bareme, jourDuJour) {
  /** Valeur d'un paramètre à un jour (numéro de série) : parcours de ses périodes. */
  const P = (id) => {
    const vs = bareme.parametres.find((x) => x.id === id).valeurs;
    const du = vs.map((v) => v.duSerie), au = vs.map((v) => (v.auSerie === null ? Infinity : v.auSerie));
    const val = vs.map((v) => (v.valeur === null ? null : Number(v.valeur)));
    return (j) => {
      for (let k = 0; k < du.length; k++) if (j >= du[k] && j <= au[k]) return val[k];
      return NaN;
    };
  };
  const c = (x) => Math.round(x * 100) / 100;
  const j = (d) => (d === null || d === undefined ? jourDuJour : Math.floor(d));
  const base = P('sip.plafond.base'), parPro = P('sip.plafond.par_professionnel'), partSip = P('sip.versement.part_convention');
  const m1 = P('cai.montant_etp_tranche1'), f1 = P('cai.fin_tranche1_etp'), m2 = P('cai.montant_etp_tranche2'), f2 = P('cai.fin_tranche2_etp');
  const plafCai = P('cai.plafond'), partCai = P('cai.part_premier_versement'), cosco = P('cosco.montant_etp_an');
  const tauxCst = P('cst.taux_honoraires'), plafCst = P('cst.plafond_etp_an');
  const p400 = P('postes400.plafond_mensuel_temps_plein'), sInit = P('postes400.seuil_initial'), sCour = P('postes400.seuil_courant'), mInit = P('postes400.mois_seuil_initial');
  const point = P('aci.valeur_point'), ref = P('aci.patientele_reference'), tauxAv = P('aci.taux_avance'), minAv = P('aci.avance_minimum');
  const siF = P('aci.indicateur.si_standard.points_fixes'), siA = P('aci.indicateur.si_standard.points_par_professionnel_jusqu_au_seuil');
  const siS = P('aci.indicateur.si_standard.seuil_professionnels'), siB = P('aci.indicateur.si_standard.points_par_professionnel_au_dela_du_seuil');
  const plafond = (n, d) => base(d) + parPro(d) * n;
  const caiTotal = (e, d) => {
    const fin1 = f1(d);
    return c(Math.min(plafCai(d), Math.min(e, fin1) * m1(d) + Math.min(Math.max(e - fin1, 0), f2(d) - fin1) * m2(d)));
  };
  const seuil = (m, q, d) => (m <= mInit(d) ? sInit(d) : sCour(d)) * q;
  const aideCds = new Map([['POLYVALENT', 6250.5], ['MEDICAL', 5000], ['INFIRMIER', 2500.25]]);
  const ouverture = Object.fromEntries(Object.entries(ELIGIBILITE).map(([d, r]) => [d, P(r.ouverture)]));
  const valeurs = new Map(['cai.plafond', 'postes400.plafond_mensuel_temps_plein', 'aci.valeur_point', 'sip.versement.part_convention', 'tarif.consultation_g', 'aci.avance_minimum'].map((id) => [id, P(id)]));
  return {
    PLAFOND: ([n, d]) => c(plafond(n, j(d))),
    AIDE: ([devis, n, d]) => c(Math.min(devis, plafond(n, j(d)))),
    VERSEMENT: ([aide, num, d]) => {
      const premier = c(aide * partSip(j(d)));
      return num === 1 ? premier : c(aide - premier);
    },
    CAI: ([e, v, d]) => {
      const D = j(d);
      const t = caiTotal(e, D);
      if (v === null) return t;
      const premier = c(t * partCai(D));
      return v === 1 ? premier : c(t - premier);
    },
    COSCO: ([e, a, d]) => c(cosco(j(d)) * e * a),
    CST: ([h, e, d]) => {
      const D = j(d);
      return c(Math.min(h * tauxCst(D), plafCst(D) * e));
    },
    AIDE_CDS: ([e, t]) => c(aideCds.get(t) * e),
    GARANTIE400: ([cout, hon, q, d, cons, mois]) => {
      const D = j(d);
      if (cons !== undefined && cons < seuil(mois, q, D)) return 0;
      return c(Math.max(0, Math.min(cout, p400(D) * q) - hon));
    },
    PLAFOND400: ([q, d]) => c(p400(j(d)) * q),
    SEUIL400: ([m, q, d]) => seuil(m, q, j(d)),
    MATERNITE400: ([s, ij, maintenu]) => (maintenu ? c(Math.max(0, s - ij)) : 0),
    ACI: ([f, v, p, pr, d]) => {
      const D = j(d);
      return pr ? c((f + (v * p) / ref(D)) * point(D)) : 0;
    },
    ACI_AVANCE: ([m, d]) => {
      const D = j(d);
      return Math.min(m, Math.max(c(m * tauxAv(D)), minAv(D)));
    },
    ACI_SI: ([n, d]) => {
      const D = j(d);
      const s = siS(D);
      return siF(D) + Math.min(n, s) * siA(D) + Math.max(0, n - s) * siB(D);
    },
    ELIGIBLE: ([disp, zone, structure, qpv, d]) => {
      const r = ELIGIBILITE[disp];
      const s = r[structure ?? r.public];
      const z = zone === 'QPV' ? 'HZ' : zone;
      if (!s || !(s.zones.includes(z) || (s.qpv && (qpv || zone === 'QPV')))) return false;
      if (d === null) return true;
      const o = ouverture[disp](Math.floor(d));
      return o !== null && !Number.isNaN(o) && o !== 0;
    },
    PARAMETRE: ([id, d]) => valeurs.get(id)(j(d)),
  };
}

/** Barème d'essai de l'aide automatique des centres de santé : ses montants ne sont pas publiés (valeurs fictives). */
function baremeAideCds(bareme) {
  const fictifs = { polyvalent: '6250.5', medical: '5000', infirmier: '2500.25' };
  return {
    ...bareme,
    version: `${bareme.version}+essai`,
    parametres: bareme.parametres.map((p) => {
      const m = /^cds\.aide_automatique\.(polyvalent|medical|infirmier)\.(zip|zac)$/.exec(p.id);
      return m ? { ...p, valeurs: p.valeurs.map((v) => ({ ...v, valeur: fictifs[m[1]], nonPublie: false })) } : p;
    }),
  };
}

module.exports = {
  titre: 'Moteur de règles : évaluations par seconde, entrées variées (evaluer), contre JavaScript nu',
  async executer(ctx) {
    const { CATALOGUE, evaluer, appeler } = moduleCompile('catalogue');
    const { BAREME_PAR_DEFAUT } = moduleCompile('rules/bareme/donnees');
    const { isoVersSerie } = moduleCompile('rules/dates');
    const aujourdhui = '2026-11-23';
    const contexte = { bareme: BAREME_PAR_DEFAUT, aujourdhui };
    const contexteAideCds = { bareme: baremeAideCds(BAREME_PAR_DEFAUT), aujourdhui };
    const h = alea(20261201);
    const jour = (du, au) => {
      const a = isoVersSerie(du), b = isoVersSerie(au);
      return a + Math.floor(h() * (b - a + 1));
    };
    const gen = generateurs(h, jour);
    const baremeSeries = {
      parametres: BAREME_PAR_DEFAUT.parametres.map((p) => ({ id: p.id, valeurs: p.valeurs.map((v) => ({ ...v, duSerie: isoVersSerie(v.du), auSerie: v.au ? isoVersSerie(v.au) : null })) })),
    };
    const refs = references(baremeSeries, isoVersSerie(aujourdhui));
    const dureeMs = ctx.rapide ? 60 : 150;
    const tours = ctx.rapide ? 3 : 4;
    const lignes = [];
    const mesures = [];
    for (const f of CATALOGUE) {
      const c = f.nom === 'AIDE_CDS' ? contexteAideCds : contexte;
      const fabrique = gen[f.nom];
      if (!fabrique) {
        lignes.push({ mesure: `SIP.${f.nom}`, valeur: 'aucun générateur d’entrées dans scripts/bench/10-moteur.js', statut: 'echec' });
        continue;
      }
      // Entrées valables (le débit mesuré est celui d'un calcul, pas d'une erreur).
      const entrees = [];
      let rejets = 0;
      while (entrees.length < NB_ENTREES) {
        const a = fabrique();
        try {
          appeler(f, a, c);
          entrees.push(a);
        } catch {
          if (++rejets > 100 * NB_ENTREES) throw new Error(`SIP.${f.nom} : le générateur ne produit pas d’entrées valables`);
        }
      }
      const ref = refs[f.nom];
      const ecarts = entrees.filter((a) => ref(a) !== evaluer(f, a, c)).length;
      let i = 0;
      let puits = 0;
      const moteur = () => {
        const v = evaluer(f, entrees[i++ & (NB_ENTREES - 1)], c);
        puits += typeof v === 'number' ? v : 1;
      };
      const js = () => {
        const v = ref(entrees[i++ & (NB_ENTREES - 1)]);
        puits += typeof v === 'number' ? v : 1;
      };
      const explique = () => {
        puits += appeler(f, entrees[i++ & (NB_ENTREES - 1)], c).explication.parametres.length;
      };
      const m = [];
      const r = [];
      for (let t = 0; t < tours; t++) {
        m.push(debit(moteur, { dureeMs }));
        r.push(debit(js, { dureeMs }));
      }
      const e = debit(explique, { dureeMs: dureeMs / 2 });
      if (!Number.isFinite(puits)) throw new Error('résultat non fini');
      const parSeconde = mediane(m);
      const reference = mediane(r);
      mesures.push({ nom: f.nom, parSeconde, reference });
      const appel = `SIP.${f.nom}`;
      lignes.push({
        mesure: `${appel} — JS nu ${entierFr(reference)} /s, × ${decimalFr(reference / parSeconde, 1)} ; expliqué ${entierFr(e)} /s${ecarts ? ` ; ${ecarts}/${NB_ENTREES} écarts avec JS nu (arrondi flottant)` : ''}`,
        valeur: `${entierFr(parSeconde)} /s`,
        objectif: `≥ ${entierFr(OBJECTIF)} /s`,
        statut: parSeconde >= OBJECTIF ? 'ok' : 'hors-objectif',
      });
      ctx.journal(`${appel.padEnd(18)} ${entierFr(parSeconde).padStart(11)} /s   JS nu ${entierFr(reference).padStart(11)} /s   expliqué ${entierFr(e).padStart(9)} /s${ecarts ? `   (${ecarts} écarts JS nu)` : ''}`);
    }
    const plusLente = mesures.reduce((a, b) => (b.parSeconde < a.parSeconde ? b : a));
    const pireRatio = Math.max(...mesures.map((x) => x.reference / x.parSeconde));
    return {
      lignes,
      notes: [
        `Objectif ≥ ${entierFr(OBJECTIF)} évaluations/s pour chaque fonction ; la plus lente : SIP.${plusLente.nom} (${entierFr(plusLente.parSeconde)} /s).`,
        'SIP.AIDE_CDS est mesurée avec un barème d’essai (montants fictifs) : ses montants ne sont pas publiés.',
        'Écarts avec JS nu : la référence arrondit des flottants (Math.round), le moteur calcule exactement (demi-centime vers le haut).',
      ],
      resume: { min_evals_par_s: Math.round(plusLente.parSeconde), ratio_js: Number(pireRatio.toFixed(2)) },
    };
  },
};

// Monotonie et plafonds des règles, chiffres lus dans le barème (jamais recopiés ici) :
// CAI croissant en ETP et plafonné, versements = total ; CST ≤ plafond × ETP et ≤ taux × honoraires ;
// garantie 400 postes dans [0 ; plafond × quotité] et décroissante en honoraires ; aide SIP ≤ devis et
// ≤ plafond, versements = aide ; ACI nul sans prérequis, croissant en patientèle ; avance ≤ montant annuel.
import fc from 'fast-check';
import Decimal from 'decimal.js';
import { evaluer, trouverFonction, ValeurBrute } from '../../src/catalogue';
import { BAREME_PAR_DEFAUT } from '../../src/rules/bareme/donnees';
import { LecteurBareme } from '../../src/rules/bareme/lecture';
import { serieVersIso } from '../../src/rules/dates';
import { CTX, SERIE_AUJOURDHUI, SERIE_DEBUT_BAREME, SERIE_FERMETURE } from './arbitraires';

const RUNS = { numRuns: 300 };

function fn(nom: string) {
  const f = trouverFonction(nom);
  if (!f) throw new Error(`SIP.${nom} absente du catalogue`);
  return (...args: ValeurBrute[]) => evaluer(f, args, CTX) as number;
}
const CAI = fn('CAI');
const CST = fn('CST');
const GARANTIE = fn('GARANTIE400');
const PLAFOND400 = fn('PLAFOND400');
const AIDE = fn('AIDE');
const PLAFOND = fn('PLAFOND');
const VERSEMENT = fn('VERSEMENT');
const ACI = fn('ACI');
const AVANCE = fn('ACI_AVANCE');
const SEUIL = fn('SEUIL400');

/** Paramètre du barème par défaut à une date (série Excel), en décimal exact. */
function bareme(id: string, serie: number): Decimal {
  return new Decimal(new LecteurBareme(BAREME_PAR_DEFAUT, serieVersIso(serie)).valeur(id).toString());
}
const euros = (x: Decimal) => x.toDecimalPlaces(2, Decimal.ROUND_HALF_UP).toNumber();

const date = fc.integer({ min: SERIE_DEBUT_BAREME, max: SERIE_AUJOURDHUI + 3650 });
/** Signature d'un contrat CAI, COSCO ou CST : avant leur remplacement par l'aide automatique. */
const signature = fc.integer({ min: SERIE_DEBUT_BAREME, max: SERIE_FERMETURE - 1 });
const etp = fc.oneof(fc.integer({ min: 0, max: 1000 }).map((x) => x / 100), fc.double({ min: 0, max: 50, noNaN: true }));
const centimes = (max: number) => fc.integer({ min: 0, max: max * 100 }).map((c) => c / 100);
const montantQuelconque = fc.oneof(centimes(1_000_000), fc.double({ min: 0, max: 1e9, noNaN: true }));
const quotite = fc.oneof(fc.integer({ min: 1, max: 100 }).map((x) => x / 100), fc.double({ min: 0, max: 1, minExcluded: true, noNaN: true }));

describe('CAI', () => {
  it('croît avec l’ETP et ne dépasse jamais le plafond du barème', () => {
    fc.assert(
      fc.property(etp, etp, signature, (a, b, d) => {
        const [petit, grand] = a <= b ? [a, b] : [b, a];
        const plafond = bareme('cai.plafond', d).toNumber();
        expect(CAI(petit, null, d)).toBeLessThanOrEqual(CAI(grand, null, d));
        expect(CAI(grand, null, d)).toBeLessThanOrEqual(plafond);
        expect(CAI(petit, null, d)).toBeGreaterThanOrEqual(0);
      }),
      RUNS,
    );
  });

  it('atteint le plafond au-delà de la dernière tranche', () => {
    fc.assert(
      fc.property(fc.double({ min: 0, max: 1000, noNaN: true }), signature, (surplus, d) => {
        const fin = bareme('cai.fin_tranche2_etp', d).toNumber();
        const plafond = bareme('cai.plafond', d);
        const fin1 = bareme('cai.fin_tranche1_etp', d);
        const brut = bareme('cai.montant_etp_tranche1', d).times(fin1).plus(bareme('cai.montant_etp_tranche2', d).times(new Decimal(fin).minus(fin1)));
        expect(CAI(fin + surplus, null, d)).toBe(euros(Decimal.min(brut, plafond)));
      }),
      RUNS,
    );
  });

  it('1er versement + 2e versement = total, au centime', () => {
    fc.assert(
      fc.property(etp, signature, (e, d) => {
        const total = new Decimal(CAI(e, null, d));
        const somme = new Decimal(CAI(e, 1, d)).plus(CAI(e, 2, d));
        expect(somme.equals(total)).toBe(true);
        expect(new Decimal(CAI(e, 1, d)).decimalPlaces()).toBeLessThanOrEqual(2);
      }),
      RUNS,
    );
  });
});

describe('CST', () => {
  it('≤ plafond par ETP × ETP, ≤ taux × honoraires, et égal au plus petit des deux (au centime)', () => {
    fc.assert(
      fc.property(montantQuelconque, etp, signature, (h, e, d) => {
        const plafond = euros(bareme('cst.plafond_etp_an', d).times(e));
        const majoration = euros(bareme('cst.taux_honoraires', d).times(h));
        const v = CST(h, e, d);
        expect(v).toBeLessThanOrEqual(plafond);
        expect(v).toBeLessThanOrEqual(majoration);
        expect(v).toBe(Math.min(plafond, majoration));
      }),
      RUNS,
    );
  });

  it('croît avec les honoraires et avec l’ETP', () => {
    fc.assert(
      fc.property(montantQuelconque, montantQuelconque, etp, etp, signature, (h1, h2, e1, e2, d) => {
        const [h, H] = h1 <= h2 ? [h1, h2] : [h2, h1];
        const [e, E] = e1 <= e2 ? [e1, e2] : [e2, e1];
        expect(CST(h, e, d)).toBeLessThanOrEqual(CST(H, e, d));
        expect(CST(h, e, d)).toBeLessThanOrEqual(CST(h, E, d));
      }),
      RUNS,
    );
  });
});

describe('400 postes', () => {
  it('garantie dans [0 ; plafond temps plein × quotité], et décroissante en honoraires', () => {
    fc.assert(
      fc.property(montantQuelconque, montantQuelconque, montantQuelconque, quotite, date, (cout, h1, h2, q, d) => {
        const plafond = euros(bareme('postes400.plafond_mensuel_temps_plein', d).times(q));
        const [h, H] = h1 <= h2 ? [h1, h2] : [h2, h1];
        const g = GARANTIE(cout, h, q, d);
        expect(g).toBeGreaterThanOrEqual(0);
        expect(g).toBeLessThanOrEqual(plafond);
        expect(g).toBeLessThanOrEqual(euros(new Decimal(cout)));
        expect(GARANTIE(cout, H, q, d)).toBeLessThanOrEqual(g);
        expect(PLAFOND400(q, d)).toBe(plafond);
      }),
      RUNS,
    );
  });

  it('garantie croissante en coût salarial, nulle quand les honoraires couvrent le coût', () => {
    fc.assert(
      fc.property(montantQuelconque, montantQuelconque, quotite, date, (c1, c2, q, d) => {
        const [c, C] = c1 <= c2 ? [c1, c2] : [c2, c1];
        expect(GARANTIE(c, 0, q, d)).toBeLessThanOrEqual(GARANTIE(C, 0, q, d));
        expect(GARANTIE(c, C, q, d)).toBe(0);
      }),
      RUNS,
    );
  });

  it('seuil de consultations : fini, ≥ 0, proportionnel à la quotité, initial puis courant', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 600 }), quotite, date, (m, q, d) => {
        const initial = m <= bareme('postes400.mois_seuil_initial', d).toNumber();
        const seuil = bareme(initial ? 'postes400.seuil_initial' : 'postes400.seuil_courant', d).times(q).toNumber();
        const v = SEUIL(m, q, d);
        expect(Number.isFinite(v) && v >= 0).toBe(true);
        expect(v).toBe(seuil < 1e-100 ? 0 : seuil); // valeur de cellule : sous 1e-100, 0 (voir versCellule)
      }),
      RUNS,
    );
  });
});

describe('aide SIP', () => {
  const nb = fc.integer({ min: 1, max: 500 });
  it('≤ devis, ≤ plafond, = le plus petit des deux', () => {
    fc.assert(
      fc.property(montantQuelconque, nb, date, (devis, n, d) => {
        const aide = AIDE(devis, n, d);
        const plafond = PLAFOND(n, d);
        expect(aide).toBeLessThanOrEqual(plafond);
        expect(aide).toBeLessThanOrEqual(euros(new Decimal(devis)));
        expect(aide).toBe(Math.min(plafond, euros(new Decimal(devis))));
        const base = bareme('sip.plafond.base', d);
        expect(plafond).toBe(euros(base.plus(bareme('sip.plafond.par_professionnel', d).times(n))));
      }),
      RUNS,
    );
  });

  it('le plafond croît avec le nombre de professionnels', () => {
    fc.assert(fc.property(nb, nb, date, (a, b, d) => expect(PLAFOND(Math.min(a, b), d)).toBeLessThanOrEqual(PLAFOND(Math.max(a, b), d))), RUNS);
  });

  it('versement 1 + versement 2 = aide, exactement ; le 1er est la part du barème au centime', () => {
    fc.assert(
      fc.property(montantQuelconque, nb, date, (devis, n, d) => {
        const aide = AIDE(devis, n, d);
        const v1 = VERSEMENT(aide, 1, d);
        const v2 = VERSEMENT(aide, 2, d);
        expect(new Decimal(v1).plus(v2).equals(new Decimal(aide))).toBe(true);
        expect(v1).toBe(euros(bareme('sip.versement.part_convention', d).times(aide)));
        expect(v1 >= 0 && v2 >= 0).toBe(true);
      }),
      RUNS,
    );
  });
});

describe('ACI', () => {
  const points = fc.oneof(fc.integer({ min: 0, max: 20_000 }), fc.double({ min: 0, max: 1e5, noNaN: true }));
  const patientele = fc.oneof(fc.integer({ min: 0, max: 100_000 }), fc.double({ min: 0, max: 1e6, noNaN: true }));

  it('nul quand un prérequis manque, quelles que soient les autres entrées', () => {
    fc.assert(fc.property(points, points, patientele, date, (f, v, p, d) => expect(ACI(f, v, p, false, d)).toBe(0)), RUNS);
  });

  it('croissant en patientèle et en points ; formule du barème', () => {
    fc.assert(
      fc.property(points, points, patientele, patientele, date, (f, v, p1, p2, d) => {
        const [p, P] = p1 <= p2 ? [p1, p2] : [p2, p1];
        expect(ACI(f, v, p, true, d)).toBeLessThanOrEqual(ACI(f, v, P, true, d));
        const attendu = new Decimal(f)
          .plus(new Decimal(v).times(p).dividedBy(bareme('aci.patientele_reference', d)))
          .times(bareme('aci.valeur_point', d));
        expect(ACI(f, v, p, true, d)).toBe(euros(attendu));
      }),
      RUNS,
    );
  });

  it('avance ≤ montant annuel, ≥ part du barème quand le minimum ne joue pas', () => {
    fc.assert(
      fc.property(montantQuelconque, date, (m, d) => {
        const annuel = euros(new Decimal(m));
        const avance = AVANCE(m, d);
        expect(avance).toBeLessThanOrEqual(annuel);
        expect(avance).toBeGreaterThanOrEqual(Math.min(annuel, euros(bareme('aci.taux_avance', d).times(annuel))));
        const minimum = bareme('aci.avance_minimum', d).toNumber();
        expect(avance).toBe(Math.min(annuel, Math.max(minimum, euros(bareme('aci.taux_avance', d).times(annuel)))));
      }),
      RUNS,
    );
  });
});

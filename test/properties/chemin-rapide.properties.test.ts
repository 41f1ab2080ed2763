// Le chemin rapide (entiers mis à l'échelle, sans explication) rend EXACTEMENT ce que rend le chemin
// expliqué (decimal.js) — même valeur de cellule, ou même erreur (code et message) — pour TOUTES les
// fonctions du catalogue : ETP fractionnaires, centimes, demi-centimes, nombres très grands et très
// petits, toutes les dates du barème (bornes des périodes comprises), entrées quelconques ; avec le
// barème par défaut et avec un barème d'essai aux valeurs moins rondes (décimales, référence non
// divisible, plafond global). Et il répond lui-même pour l'essentiel des entrées réalistes.
import fc from 'fast-check';
import { ArgumentCatalogue, CATALOGUE, Contexte, evaluer, evaluerSansCheminRapide, FonctionCatalogue, valeurRapide, ValeurBrute } from '../../src/catalogue';
import { BAREME_PAR_DEFAUT } from '../../src/rules/bareme/donnees';
import { Bareme } from '../../src/rules/bareme/types';
import { isoVersSerie, SERIE_MAX } from '../../src/rules/dates';
import { ErreurRegle } from '../../src/rules/erreurs';
import { argumentsDe, AUJOURDHUI, CTX } from './arbitraires';

/** Un barème modifié : valeurs remplacées (toutes les périodes du paramètre). */
function avec(bareme: Bareme, valeurs: Record<string, string | null>, version: string): Bareme {
  return {
    ...bareme,
    version,
    parametres: bareme.parametres.map((p) =>
      p.id in valeurs ? { ...p, valeurs: p.valeurs.map((v) => ({ ...v, valeur: valeurs[p.id], nonPublie: false })) } : p,
    ),
  };
}

/** Aide automatique publiée (montants fictifs) : sinon SIP.AIDE_CDS n'est jamais qu'une erreur. */
const AIDE_CDS_PUBLIEE = Object.fromEntries(
  ['polyvalent', 'medical', 'infirmier'].flatMap((t, i) => ['zip', 'zac'].map((z, j) => [`cds.aide_automatique.${t}.${z}`, ['6250.5', '5000', '2500.25'][i] + (j ? '1' : '')])),
);
const BAREME_ESSAI = avec(BAREME_PAR_DEFAUT, {
  ...AIDE_CDS_PUBLIEE,
  'sip.plafond.maximum': '40000.5',
  'sip.plafond.par_professionnel': '1000.25',
  'sip.versement.part_convention': '0.815',
  'cai.fin_tranche1_etp': '1.5',
  'cai.montant_etp_tranche2': '25000.75',
  'cai.part_premier_versement': '0.333',
  'cosco.montant_etp_an': '5000.01',
  'cst.taux_honoraires': '0.125',
  'postes400.plafond_mensuel_temps_plein': '9070.35',
  'postes400.seuil_courant': '165.5',
  'postes400.mois_seuil_initial': '3.5',
  'aci.patientele_reference': '3000',
  'aci.valeur_point': '7.25',
  'aci.taux_avance': '0.605',
  'aci.avance_minimum': '12000.125',
  'aci.indicateur.si_standard.seuil_professionnels': '16.5',
}, 'essai-chemin-rapide');

const CONTEXTES: [string, Contexte][] = [
  ['barème par défaut', CTX],
  ['barème par défaut, aide automatique publiée', { bareme: avec(BAREME_PAR_DEFAUT, AIDE_CDS_PUBLIEE, 'essai-aide-cds'), aujourdhui: AUJOURDHUI }],
  ['barème d’essai aux valeurs moins rondes', { bareme: BAREME_ESSAI, aujourdhui: AUJOURDHUI }],
];

type Issue = { valeur: number | boolean } | { code: string; message: string; argument?: string };

function issue(calcul: () => number | boolean): Issue {
  try {
    return { valeur: calcul() };
  } catch (e) {
    if (!(e instanceof ErreurRegle)) throw e;
    return { code: e.code, message: e.message, ...(e.argument !== undefined ? { argument: e.argument } : {}) };
  }
}

/** Égalité stricte (Object.is : -0 n'est pas 0) de la valeur, ou de l'erreur (code, message, argument). */
function memeIssue(a: Issue, b: Issue): boolean {
  if ('valeur' in a && 'valeur' in b) return Object.is(a.valeur, b.valeur);
  return JSON.stringify(a) === JSON.stringify(b);
}

// — Entrées —

/** Toutes les dates qui comptent : bornes de chaque période du barème (± 1 jour), et n'importe quel jour de 2010 à 2040. */
const BORNES = [...new Set(BAREME_PAR_DEFAUT.parametres.flatMap((p) => p.valeurs.flatMap((v) => [v.du, ...(v.au ? [v.au] : [])])))].flatMap((iso) => {
  const s = isoVersSerie(iso);
  return [s - 1, s, s + 1];
});
const date: fc.Arbitrary<ValeurBrute> = fc.oneof(
  { arbitrary: fc.constantFrom(...BORNES), weight: 2 },
  { arbitrary: fc.integer({ min: isoVersSerie('2010-01-01'), max: isoVersSerie('2040-12-31') }), weight: 4 },
  { arbitrary: fc.double({ min: isoVersSerie('2016-01-01'), max: isoVersSerie('2032-12-31'), noNaN: true }), weight: 1 }, // heure dans la journée
  { arbitrary: fc.constantFrom<ValeurBrute>(null, 61, 60, SERIE_MAX, SERIE_MAX + 1, '15/01/2024', '2024-01-15'), weight: 1 },
);

/** Montants et quantités : entiers, centimes, demi-centimes, décimales nombreuses, très grands, très petits. */
const nombre: fc.Arbitrary<number> = fc.oneof(
  { arbitrary: fc.integer({ min: 0, max: 200_000 }).map((c) => c / 100), weight: 4 }, // centimes
  { arbitrary: fc.integer({ min: 0, max: 2_000_000 }).map((m) => (m * 10 + 5) / 1000), weight: 2 }, // x,xx5 : demi-centime
  { arbitrary: fc.integer({ min: 1, max: 700 }).map((e) => e / 100), weight: 3 }, // ETP, quotité : 1,6 ; 2,35
  { arbitrary: fc.integer({ min: 0, max: 40 }), weight: 2 },
  { arbitrary: fc.double({ min: 0, max: 1e7, noNaN: true }), weight: 2 }, // décimales quelconques (17 chiffres)
  { arbitrary: fc.integer({ min: 0, max: 1e9 }).map((m) => m / 1e9), weight: 1 },
  {
    arbitrary: fc.constantFrom(0, -0, 1, 2, 3, 0.5, 1e-7, 1e-10, 1e-11, 1e-300, 5e-324, 0.1 + 0.2, 1.005, 2.675, 1e13, 4e13, 4.1e13, 1e15, 2 ** 53 - 1, 2 ** 53, 2 ** 53 + 2, 1e21, 1e300, Number.MAX_VALUE, -1, -0.01),
    weight: 2,
  },
);

/**
 * Ce qu'on saisit vraiment, selon l'argument : montants au centime (jusqu'à 2 millions d'euros) ou au
 * demi-centime, ETP, quotités et années à deux décimales, points, patientèles et consultations entiers.
 */
function nombreRealiste(a: ArgumentCatalogue): fc.Arbitrary<ValeurBrute> {
  const c = a.contrainte ?? {};
  if (c.entier && c.max !== undefined) return fc.integer({ min: c.min ?? 0, max: c.max });
  if (c.entier || /points|patientele|consultations|professionnels|mois/.test(a.nom)) return fc.integer({ min: c.min ?? 0, max: 20_000 });
  if (/etp|quotite|annees/.test(a.nom)) return fc.integer({ min: 1, max: c.max === 1 ? 100 : 700 }).map((e) => e / 100);
  return fc.oneof(fc.integer({ min: 0, max: 200_000_000 }).map((x) => x / 100), fc.integer({ min: 0, max: 2_000_000 }).map((m) => (m * 10 + 5) / 1000));
}

function valeurPour(f: FonctionCatalogue, i: number, realiste = false): fc.Arbitrary<ValeurBrute> {
  const a = f.arguments[i];
  switch (a.type) {
    case 'date':
      return realiste ? fc.oneof(fc.constantFrom<ValeurBrute>(...BORNES, null), fc.integer({ min: isoVersSerie('2017-01-01'), max: isoVersSerie('2032-12-31') })) : date;
    case 'booleen':
      return realiste ? fc.boolean() : fc.oneof(fc.boolean(), fc.constantFrom<ValeurBrute>(0, 1, null, 'VRAI', 2));
    case 'texte':
      if (realiste) return a.valeurs ? fc.constantFrom(...a.valeurs) : fc.constantFrom(...BAREME_PAR_DEFAUT.parametres.map((p) => p.id));
      return a.valeurs
        ? fc.oneof({ arbitrary: fc.constantFrom(...a.valeurs), weight: 6 }, { arbitrary: fc.constantFrom<ValeurBrute>(' zip ', 'medical', 'QPPV', 'inconnu', '', null), weight: 1 })
        : fc.constantFrom<ValeurBrute>(...BAREME_PAR_DEFAUT.parametres.map((p) => p.id), ' cai.plafond ', 'cai.inconnu', '');
    case 'nombre':
      if (realiste) return a.optionnel ? fc.oneof({ arbitrary: nombreRealiste(a), weight: 4 }, { arbitrary: fc.constant(null), weight: 1 }) : nombreRealiste(a);
      return fc.oneof({ arbitrary: nombre, weight: 8 }, { arbitrary: fc.constantFrom<ValeurBrute>(null, NaN, Infinity, '12', true), weight: 1 });
  }
}

/** Arguments variés et réalistes, parfois moins d'arguments (facultatifs omis). */
function argumentsVaries(f: FonctionCatalogue, realiste = false): fc.Arbitrary<ValeurBrute[]> {
  return fc.tuple(fc.tuple(...f.arguments.map((_, i) => valeurPour(f, i, realiste))), fc.nat(f.arguments.length)).map(([args, coupe]) =>
    coupe === 0 ? args : args.slice(0, Math.max(f.arguments.filter((a) => !a.optionnel).length, args.length - coupe)),
  );
}

describe.each(CATALOGUE.map((f) => [`SIP.${f.nom}`, f] as const))('%s : chemin rapide = chemin decimal.js', (_nom, f) => {
  it('a un chemin rapide', () => {
    expect(typeof f.valeur).toBe('function');
  });

  it.each(CONTEXTES)('même valeur ou même erreur, entrées variées (%s)', (_c, ctx) => {
    fc.assert(
      fc.property(fc.oneof({ arbitrary: argumentsVaries(f), weight: 5 }, { arbitrary: argumentsDe(f), weight: 1 }), (bruts) => {
        const attendu = issue(() => evaluerSansCheminRapide(f, bruts, ctx));
        const obtenu = issue(() => evaluer(f, bruts, ctx));
        if (!memeIssue(obtenu, attendu)) {
          throw new Error(`SIP.${f.nom}(${bruts.map((b) => String(b)).join(' ; ')}) : rapide ${JSON.stringify(obtenu)} ≠ decimal.js ${JSON.stringify(attendu)}`);
        }
        // Quand le chemin rapide répond lui-même, le chemin decimal.js ne lève pas d'erreur.
        const rapide = valeurRapide(f, bruts, ctx);
        if (rapide !== undefined) expect('valeur' in attendu && Object.is(attendu.valeur, rapide)).toBe(true);
      }),
      { numRuns: 700 },
    );
  });
});

describe('le chemin rapide répond lui-même aux entrées réalistes', () => {
  /** Toute entrée réaliste valable : le chemin rapide y répond lui-même (sans quoi il ne sert à rien). */
  it.each(CATALOGUE.map((f) => [`SIP.${f.nom}`, f] as const))('%s', (_nom, f) => {
    const ctx = CONTEXTES[1][1];
    let valables = 0;
    let rapides = 0;
    fc.assert(
      fc.property(argumentsVaries(f, true), (bruts) => {
        if ('code' in issue(() => evaluerSansCheminRapide(f, bruts, ctx))) return;
        valables++;
        if (valeurRapide(f, bruts, ctx) !== undefined) rapides++;
      }),
      { numRuns: 600, seed: 15 },
    );
    expect(valables).toBeGreaterThan(30);
    // Seules vont au chemin decimal.js les entrées à plus de 10 décimales ou hors des entiers sûrs.
    expect(rapides).toBe(valables);
  });
});

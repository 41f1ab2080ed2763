// Générateurs fast-check des valeurs brutes qu'un tableur peut passer aux fonctions SIP.*,
// et contrôle commun d'un résultat : nombre fini (au centime pour un montant), booléen, ou
// ErreurRegle claire. Partagé par les tests de propriétés.
import fc from 'fast-check';
import Decimal from 'decimal.js';
import { ArgumentCatalogue, Contexte, FonctionCatalogue, ValeurBrute } from '../../src/catalogue';
import { BAREME_PAR_DEFAUT } from '../../src/rules/bareme/donnees';
import { isoVersSerie, SERIE_MAX } from '../../src/rules/dates';
import { ErreurRegle } from '../../src/rules/erreurs';

export const CODES_PERMIS = new Set(['#VALEUR!', '#NOMBRE!', '#N/A']);

/** Date du jour fixe : les tests ne dépendent pas du jour où ils tournent. */
export const AUJOURDHUI = '2026-11-23';
export const CTX: Contexte = { bareme: BAREME_PAR_DEFAUT, aujourdhui: AUJOURDHUI };

/** Fin des signatures de contrats des centres de santé (régime de 2026) : début de la période « 0 » du barème. */
const FERMETURE = BAREME_PAR_DEFAUT.parametres.find((p) => p.id === 'cai.signature_ouverte')!.valeurs.find((v) => v.valeur === '0')!.du;
/** Première date couverte par tout le barème établi avant le régime de 2026 (toutes ses valeurs ont commencé). */
const DEBUT_BAREME = BAREME_PAR_DEFAUT.parametres.map((p) => p.valeurs[0].du).filter((du) => du < FERMETURE).sort().at(-1) as string;
export const SERIE_DEBUT_BAREME = isoVersSerie(DEBUT_BAREME);
export const SERIE_FERMETURE = isoVersSerie(FERMETURE);
export const SERIE_AUJOURDHUI = isoVersSerie(AUJOURDHUI);

/** Dates où une fonction calcule : contrats CAI/COSCO/CST signés avant leur fin, aide automatique après. */
function plageDates(f?: FonctionCatalogue): { min: number; max: number } {
  if (f && ['CAI', 'COSCO', 'CST'].includes(f.nom)) return { min: SERIE_DEBUT_BAREME, max: SERIE_FERMETURE - 1 };
  if (f?.nom === 'AIDE_CDS') return { min: SERIE_FERMETURE, max: SERIE_AUJOURDHUI + 3650 };
  return { min: SERIE_DEBUT_BAREME, max: SERIE_AUJOURDHUI + 3650 };
}

const IDS_BAREME = BAREME_PAR_DEFAUT.parametres.map((p) => p.id);

/** Nombres « de bord » : signes, zéros, très grands, très petits, bornes des dates Excel. */
const NOMBRES_DE_BORD = [
  0, -0, 1, -1, 0.5, 0.1, 0.3, 1.005, 2, 3, 3.0000001, 2.9999999, 4, 12, 60, 61, 100, 4000, 9070, 20000, 80000,
  1e-300, -1e-300, 5e-324, Number.EPSILON, 1e15, 1e21, 1e300, -1e300, 1e308, Number.MAX_VALUE, -Number.MAX_VALUE,
  Number.MAX_SAFE_INTEGER, 2 ** 53 + 2, SERIE_MAX, SERIE_MAX + 1, NaN, Infinity, -Infinity,
];

/** Textes : vides, numériques (y compris à la française), booléens, zones, dispositifs, dates, identifiants. */
const TEXTES_DE_BORD = [
  '', ' ', '0', '12', '1,5', '1.5', '-3', '1e3', '12 000,50', 'NaN', 'Infinity', 'VRAI', 'FAUX', 'vrai', 'TRUE', 'false', 'oui',
  'ZIP', 'zac', 'QPV', 'HZ', 'hors zone', 'QPPV', 'CAI', 'COSCO', 'cst', '400POSTES', '400 postes', 'SIP', 'ZRR',
  '2024-01-15', '15/01/2024', '31/02/2024', '2024-02-30', '2010-01-01', '1899-12-31', '9999-12-31', '0000-01-01', '01/01/0001',
  'aujourd’hui', '#N/A', '=SIP.CAI(2)', 'é', '\u0000', 'a'.repeat(300),
  ...IDS_BAREME, 'sip.inconnu', 'cai.',
];

export const nombreQuelconque: fc.Arbitrary<number> = fc.oneof(
  fc.constantFrom(...NOMBRES_DE_BORD),
  fc.double(), // tout double, NaN, ±Infinity et -0 compris
  fc.integer({ min: -1_000_000, max: 1_000_000 }),
  fc.double({ min: -10, max: 10, noNaN: true }),
  fc.integer({ min: -1e9, max: 1e11 }).map((c) => c / 100),
);

export const texteQuelconque: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom(...TEXTES_DE_BORD),
  fc.string({ maxLength: 20 }),
  fc.double().map((x) => String(x)),
  fc.double({ noNaN: true, noDefaultInfinity: true }).map((x) => String(x).replace('.', ',')),
);

/** N'importe quelle valeur brute de cellule : nombre, texte, booléen, vide. */
export const valeurBrute: fc.Arbitrary<ValeurBrute> = fc.oneof(
  { arbitrary: nombreQuelconque, weight: 4 },
  { arbitrary: texteQuelconque, weight: 2 },
  { arbitrary: fc.boolean(), weight: 1 },
  { arbitrary: fc.constantFrom<ValeurBrute>(null, undefined), weight: 1 },
);

/** Valeur plausible pour un argument : dans sa contrainte, pour aller au fond des règles. */
export function valeurPlausible(arg: ArgumentCatalogue, f?: FonctionCatalogue): fc.Arbitrary<ValeurBrute> {
  switch (arg.type) {
    case 'booleen':
      return fc.boolean();
    case 'texte':
      return arg.valeurs ? fc.constantFrom(...arg.valeurs) : fc.constantFrom(...IDS_BAREME);
    case 'date':
      return fc.integer(plageDates(f));
    case 'nombre': {
      const c = arg.contrainte ?? {};
      const min = c.min ?? -1e6;
      const max = c.max ?? 1e7;
      if (c.entier) return fc.integer({ min: Math.ceil(min), max: Math.min(Math.floor(max), 1000) });
      return fc.oneof(
        fc.integer({ min: Math.round(min * 100), max: Math.round(Math.min(max, 1e7) * 100) }).map((x) => x / 100),
        fc.double({ min, max: Math.min(max, 1e7), noNaN: true, minExcluded: !!c.minExclu }),
      ).filter((x) => !(c.minExclu && x <= min));
    }
  }
}

/** Arguments d'un appel : surtout plausibles, parfois n'importe quoi, parfois absents ou en trop. */
export function argumentsDe(f: FonctionCatalogue): fc.Arbitrary<ValeurBrute[]> {
  const parArgument = f.arguments.map((a) =>
    fc.oneof({ arbitrary: valeurPlausible(a, f), weight: 3 }, { arbitrary: valeurBrute, weight: 1 }),
  );
  return fc.oneof(
    { arbitrary: fc.tuple(...parArgument), weight: 4 },
    { arbitrary: fc.array(valeurBrute, { maxLength: f.arguments.length + 1 }), weight: 2 },
  );
}

/** Arguments tous plausibles (le résultat doit être un nombre, pas une erreur, sauf date hors barème). */
export function argumentsPlausibles(f: FonctionCatalogue): fc.Arbitrary<ValeurBrute[]> {
  return fc.tuple(...f.arguments.map((a) => valeurPlausible(a, f)));
}

export function decimales(x: number): number {
  return new Decimal(x).decimalPlaces();
}

export const estMontant = (f: FonctionCatalogue) => f.resultat.type === 'nombre' && f.resultat.unite === '€';

/** Fragments qui trahissent un message technique au lieu d'un message français pour l'utilisateur. */
const MESSAGE_TECHNIQUE = /undefined|\[object|DecimalError|is not|cannot|Cannot|TypeError|null\b/;

/**
 * Contrôle une erreur levée par un appel : une ErreurRegle au code Excel permis, dont le message
 * (français, non vide) nomme un argument de la fonction ou, pour un résultat hors cellule, la fonction.
 * Renvoie un texte décrivant le défaut, ou null.
 */
export function defautErreur(f: FonctionCatalogue, e: unknown): string | null {
  if (!(e instanceof ErreurRegle)) return `exception autre qu'une ErreurRegle : ${String(e)}`;
  if (!CODES_PERMIS.has(e.code)) return `code ${e.code} non permis`;
  if (e.message.trim().length < 10) return `message vide ou trop court : « ${e.message} »`;
  if (MESSAGE_TECHNIQUE.test(e.message)) return `message technique : « ${e.message} »`;
  const noms = f.arguments.map((a) => a.nom);
  if (e.argument !== undefined && !noms.includes(e.argument)) return `argument ${e.argument} inconnu de SIP.${f.nom}`;
  const nomme = noms.some((n) => new RegExp(`(^|[^a-z_])${n}([^a-z_]|$)`).test(e.message)) || e.message.includes(`SIP.${f.nom}`);
  if (!nomme) return `le message ne nomme ni un argument ni la fonction : « ${e.message} »`;
  return null;
}

/** Contrôle une valeur de cellule renvoyée : booléen, ou nombre fini (jamais NaN ni -0), au centime si montant. */
export function defautValeur(f: FonctionCatalogue, v: unknown): string | null {
  if (f.resultat.type === 'booleen') return typeof v === 'boolean' ? null : `booléen attendu, reçu ${String(v)}`;
  if (typeof v !== 'number') return `nombre attendu, reçu ${typeof v} ${String(v)}`;
  if (!Number.isFinite(v)) return `nombre non fini : ${v}`;
  if (Object.is(v, -0)) return 'zéro négatif (-0) : s’afficherait « -0 »';
  if (estMontant(f)) {
    if (v < 0) return `montant négatif : ${v}`;
    if (decimales(v) > 2) return `montant avec plus de 2 décimales : ${v}`;
  }
  if (f.resultat.unite === 'consultations/mois' && v < 0) return `nombre de consultations négatif : ${v}`;
  return null;
}

// Les fonctions SIP.* dans le vrai moteur de formules (HyperFormula, syntaxe française) : une formule
// aux arguments aléatoires (littéraux, textes, booléens, vides, références à des cellules quelconques)
// donne un nombre fini, un booléen ou une erreur de cellule — jamais un plantage ni NaN.
// Et l'exactitude décimale : une somme de montants au centime ne dérive jamais.
import fc from 'fast-check';
import type { HyperFormula } from 'hyperformula';
import { CATALOGUE, FonctionCatalogue } from '../../src/catalogue';
import { creerClasseur, valeurCellule } from '../../src/formules/moteur';
import { AUJOURDHUI, argumentsPlausibles, decimales, defautValeur, estMontant, valeurBrute } from './arbitraires';

/** Littéral numérique en syntaxe française (virgule décimale, exposant E). */
function nombreFr(x: number): string {
  return String(x).replace('.', ',');
}

/** Un argument de formule : littéral, texte, booléen, vide, ou référence à une cellule de la colonne A. */
const argumentFormule: fc.Arbitrary<string> = fc.oneof(
  valeurBrute.map((v) => {
    if (v === null || v === undefined) return '';
    if (typeof v === 'boolean') return v ? 'VRAI()' : 'FAUX()';
    if (typeof v === 'number') return Number.isFinite(v) ? nombreFr(v) : '1e308*10';
    // HyperFormula ne lit ni le guillemet doublé ("") d'Excel ni une barre oblique inverse finale
    // dans un texte (erreur d'analyse) : on les ôte.
    return `"${v.replace(/["\\]/g, '')}"`;
  }),
  fc.integer({ min: 1, max: 8 }).map((l) => `A${l}`),
);

function formule(f: FonctionCatalogue): fc.Arbitrary<string> {
  const plausibles = argumentsPlausibles(f).map((args) =>
    args.map((a) => (typeof a === 'number' ? nombreFr(a) : typeof a === 'boolean' ? (a ? 'VRAI()' : 'FAUX()') : a == null ? '' : `"${a}"`)),
  );
  const quelconques = fc.array(argumentFormule, { maxLength: f.arguments.length + 1 });
  return fc.oneof(plausibles, quelconques).map((args) => `=SIP.${f.nom}(${args.join(';')})`);
}

describe('SIP.* dans HyperFormula, arguments aléatoires', () => {
  let hf: HyperFormula;
  beforeAll(() => {
    // Colonne A : des valeurs de cellule quelconques (nombres extrêmes, textes, booléens, vides).
    const colonneA = fc.sample(valeurBrute, { numRuns: 8, seed: 42 }).map((v) => [typeof v === 'number' && !Number.isFinite(v) ? null : v ?? null]);
    hf = creerClasseur({ Feuille1: colonneA }, { aujourdhui: AUJOURDHUI });
  });
  afterAll(() => hf.destroy());

  it.each(CATALOGUE.map((f) => [`SIP.${f.nom}`, f] as const))('%s : nombre valable, booléen ou erreur de cellule', (_n, f) => {
    fc.assert(
      fc.property(formule(f), (texte) => {
        hf.setCellContents({ sheet: 0, row: 0, col: 3 }, [[texte]]);
        const v = valeurCellule(hf, 0, 0, 3);
        if (v !== null && typeof v === 'object') {
          // Erreur de cellule : un code Excel et, pour une erreur de la règle, un message.
          expect(['#VALEUR!', '#NOMBRE!', '#N/A']).toContain(v.erreur);
          expect(v.message.length).toBeGreaterThan(0);
          return;
        }
        const defaut = defautValeur(f, v);
        if (defaut) throw new Error(`${texte} → ${String(v)} : ${defaut}`);
      }),
      { numRuns: 60 },
    );
  });

  it('une entrée invalide donne l’erreur de la règle avec son message français', () => {
    hf.setCellContents({ sheet: 0, row: 0, col: 3 }, [['=SIP.CAI(-1)']]);
    expect(valeurCellule(hf, 0, 0, 3)).toEqual({ erreur: '#NOMBRE!', message: expect.stringContaining('etp') });
  });
});

describe('exactitude décimale', () => {
  const centimes = fc.integer({ min: 0, max: 5_000_000 });

  it('la somme (SOMME) de nombreux montants SIP.* au centime est la somme exacte en centimes', () => {
    fc.assert(
      fc.property(fc.array(centimes, { minLength: 50, maxLength: 400 }), (montants) => {
        // Chaque ligne : un montant, puis ses deux versements SIP recalculés par le moteur.
        const lignes = montants.map((c, i) => [c / 100, `=SIP.VERSEMENT(A${i + 1};1)`, `=SIP.VERSEMENT(A${i + 1};2)`]);
        const n = lignes.length;
        lignes[0].push(`=SOMME(B1:C${n})`, `=SOMME(A1:A${n})-SOMME(B1:C${n})`);
        const hf = creerClasseur({ F: lignes }, { aujourdhui: AUJOURDHUI });
        try {
          const exact = Number(montants.reduce((a, c) => a + BigInt(c), 0n)) / 100;
          expect(valeurCellule(hf, 0, 0, 3)).toBe(exact);
          expect(valeurCellule(hf, 0, 0, 4)).toBe(0);
          for (let i = 0; i < n; i++) expect(decimales(valeurCellule(hf, 0, i, 1) as number)).toBeLessThanOrEqual(2);
        } finally {
          hf.destroy();
        }
      }),
      { numRuns: 15 },
    );
  });

  it('les montants du moteur additionnés en décimal (règles) ne dérivent pas : COSCO par année = COSCO sur n années', () => {
    const cosco = CATALOGUE.find((f) => f.nom === 'COSCO') as FonctionCatalogue;
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1000 }), fc.integer({ min: 1, max: 40 }), (etpCentiemes, annees) => {
        const hf = creerClasseur({ F: [[`=SIP.COSCO(${nombreFr(etpCentiemes / 100)};${annees})`, `=SIP.COSCO(${nombreFr(etpCentiemes / 100)};1)*${annees}`]] }, { aujourdhui: AUJOURDHUI });
        try {
          expect(valeurCellule(hf, 0, 0, 0)).toBe(valeurCellule(hf, 0, 0, 1));
        } finally {
          hf.destroy();
        }
      }),
      { numRuns: 40 },
    );
    expect(estMontant(cosco)).toBe(true);
  });
});

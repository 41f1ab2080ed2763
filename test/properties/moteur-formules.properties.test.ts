// Les fonctions SIP.* dans le vrai moteur de formules (HyperFormula, syntaxe française) : une formule
// aux arguments aléatoires (littéraux, textes, booléens, vides, références à des cellules quelconques)
// donne un nombre fini, un booléen ou une erreur de cellule — jamais un plantage ni NaN.
// Et l'exactitude décimale : une somme de montants au centime ne dérive jamais.
import fc from 'fast-check';
import type { HyperFormula } from 'hyperformula';
import { CATALOGUE, FonctionCatalogue } from '../../src/catalogue';
import { analyser } from '../../src/formules/analyse';
import { contexteMoteur } from '../../src/formules/contexte';
import { evaluerLeger } from '../../src/formules/evaluateur-leger';
import { syntaxe } from '../../src/formules/langue';
import { creerClasseur, ecrireCellule, valeurCellule } from '../../src/formules/moteur';
import { AUJOURDHUI, argumentsPlausibles, decimales, defautValeur, estMontant, valeurBrute } from './arbitraires';

/** Littéral numérique en syntaxe française (virgule décimale, exposant E). */
function nombreFr(x: number): string {
  return String(x).replace('.', ',');
}

/** Un argument de formule : littéral, texte, booléen, vide, ou référence à une cellule de la colonne A. */
const argumentFormule: fc.Arbitrary<string> = fc.oneof(
  valeurBrute.map((v) => {
    if (v === null || v === undefined) return '';
    if (typeof v === 'boolean') return v ? 'VRAI' : 'FAUX()';
    if (typeof v === 'number') return Number.isFinite(v) ? nombreFr(v) : '1e308*10';
    // Guillemet doublé ("") d'Excel et barre oblique inverse : lus par notre analyse (réécriture).
    return `"${v.replace(/"/g, '""')}"`;
  }),
  fc.integer({ min: 1, max: 8 }).map((l) => `A${l}`),
);

function formule(f: FonctionCatalogue): fc.Arbitrary<string> {
  const plausibles = argumentsPlausibles(f).map((args) =>
    args.map((a) => (typeof a === 'number' ? nombreFr(a) : typeof a === 'boolean' ? (a ? 'VRAI()' : 'FAUX') : a == null ? '' : `"${a}"`)),
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
        ecrireCellule(hf, 0, 0, 3, texte);
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
    ecrireCellule(hf, 0, 0, 3, '=SIP.CAI(-1)');
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
        // Le COSCO ne se signe plus depuis le 01/01/2026 : date de calcul où il est en vigueur.
        const hf = creerClasseur({ F: [[`=SIP.COSCO(${nombreFr(etpCentiemes / 100)};${annees})`, `=SIP.COSCO(${nombreFr(etpCentiemes / 100)};1)*${annees}`]] }, { aujourdhui: '2025-06-01' });
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

// ——— Les deux chemins de `sip calc` : l'évaluateur léger (sans HyperFormula) rend exactement ce que
// rend HyperFormula (valeur, ou code d'erreur et message) pour toute formule du sous-ensemble commun :
// appels SIP.*, littéraux, opérateurs, parenthèses ; dans les deux langues.
describe('évaluateur léger = HyperFormula, sur le sous-ensemble commun', () => {
  type Langue = 'fr-FR' | 'en-US';
  const SYNTAXE = {
    'fr-FR': { sep: ';', dec: ',', vrai: ['VRAI', 'vrai', 'VRAI()'], faux: ['FAUX', 'Faux', 'FAUX()'] },
    'en-US': { sep: ',', dec: '.', vrai: ['TRUE', 'true', 'TRUE()'], faux: ['FALSE', 'False', 'FALSE()'] },
  } as const;

  /** Littéral numérique : entier, décimales, exposant (E ou e), dans la notation de la langue. */
  const nombre = (l: Langue) =>
    fc
      .tuple(
        fc.oneof(fc.constantFrom('0', '1', '2', '3', '12', '60', '1000', '40000', '9070', '123456789'), fc.nat({ max: 100000 }).map(String)),
        fc.option(fc.constantFrom('5', '25', '005', '1', '333', '99999999999'), { nil: undefined }),
        fc.option(fc.tuple(fc.constantFrom('E', 'e'), fc.constantFrom('', '+', '-'), fc.constantFrom('0', '1', '3', '5', '20', '300', '400')), { nil: undefined }),
      )
      .map(([e, d, x]) => `${e}${d ? SYNTAXE[l].dec + d : ''}${x ? x.join('') : ''}`);

  /** Textes : vides, nombres en texte (des deux notations), guillemets doublés, mots, dates. */
  const texte = (l: Langue) =>
    fc
      .constantFrom('', ' ', 'abc', 'ABC', 'zip', 'ZIP', 'HZ', 'CAI', 'CST', 'a""b', '""', '12', ' 7 ', '1,5', '1.5', '-3', '1e3', 'é', 'x\\', 'VRAI', 'TRUE', '15/01/2025', '01/15/2025', '2025-01-15', '50%')
      .map((t) => `"${t}"`)
      .filter((t) => l === 'fr-FR' || !t.includes(';'));

  const booleen = (l: Langue) => fc.constantFrom(...SYNTAXE[l].vrai, ...SYNTAXE[l].faux);

  const feuille = (l: Langue) => fc.oneof({ arbitrary: nombre(l), weight: 4 }, { arbitrary: texte(l), weight: 2 }, { arbitrary: booleen(l), weight: 1 });

  const NOMS = [...CATALOGUE.map((f) => `SIP.${f.nom}`), 'SIP.PLAFON', 'sip.cai'];
  const OPERATEURS = ['+', '-', '*', '/', '^', '&', '=', '<>', '<', '>', '<=', '>='];

  function expression(l: Langue): fc.Arbitrary<string> {
    const { expr } = fc.letrec<{ expr: string }>((tie) => ({
      expr: fc.oneof(
        { depthSize: 'small', withCrossShrink: true },
        { arbitrary: feuille(l), weight: 5 },
        { arbitrary: fc.tuple(fc.constantFrom('-', '+'), tie('expr')).map(([o, e]) => `${o}${e}`), weight: 1 },
        { arbitrary: tie('expr').map((e) => `${e}%`), weight: 1 },
        { arbitrary: tie('expr').map((e) => `(${e})`), weight: 1 },
        { arbitrary: fc.tuple(tie('expr'), fc.constantFrom(...OPERATEURS), tie('expr')).map(([a, o, b]) => `${a}${o}${b}`), weight: 3 },
        {
          arbitrary: fc
            .tuple(fc.constantFrom(...NOMS), fc.array(fc.oneof({ arbitrary: tie('expr'), weight: 4 }, { arbitrary: fc.constant(''), weight: 1 }), { maxLength: 6 }))
            .map(([n, args]) => `${n}(${args.join(SYNTAXE[l].sep)})`),
          weight: 3,
        },
      ),
    }));
    return expr;
  }

  /** Appels SIP.* aux arguments plausibles (pour aller au fond des règles), dates en texte comprises. */
  function appelPlausible(l: Langue): fc.Arbitrary<string> {
    return fc.constantFrom(...CATALOGUE).chain((f) =>
      argumentsPlausibles(f).map((args) => {
        const ecrits = args.map((a, i) => {
          if (typeof a === 'boolean') return a ? SYNTAXE[l].vrai[0] : SYNTAXE[l].faux[0];
          if (typeof a === 'number') return String(a).replace('.', SYNTAXE[l].dec);
          if (a == null) return '';
          return f.arguments[i]?.type === 'date' ? `"${a}"` : `"${a}"`;
        });
        return `SIP.${f.nom}(${ecrits.join(SYNTAXE[l].sep)})`;
      }),
    );
  }

  it.each(['fr-FR', 'en-US'] as const)('%s : même valeur ou même erreur, message compris', (locale) => {
    let comparees = 0;
    let total = 0;
    const o = { locale, aujourdhui: AUJOURDHUI };
    // Un classeur pour toutes les formules (plus rapide qu'un classeur par formule) ; dates en texte
    // lues dans l'ordre de la langue, comme `sip calc`.
    const hf = creerClasseur({ F: [[null]] }, { ...o, ordreDates: locale });
    fc.assert(
      fc.property(fc.oneof(expression(locale), appelPlausible(locale), fc.tuple(appelPlausible(locale), fc.constantFrom(...OPERATEURS), expression(locale)).map((t) => t.join(''))), (corps) => {
        const formule = `=${corps}`;
        total++;
        const s = syntaxe(locale);
        let arbre;
        try {
          arbre = analyser(formule, s).arbre;
        } catch {
          return; // hors syntaxe (ex. « -- » impossible ici) : rien à comparer
        }
        const leger = evaluerLeger(arbre, s, contexteMoteur(o));
        if (leger === undefined) return; // l'évaluateur léger renonce : HyperFormula décidera
        comparees++;
        ecrireCellule(hf, 0, 0, 0, formule);
        expect(leger).toEqual(valeurCellule(hf, 0, 0, 0));
      }),
      { numRuns: 1000, seed: locale === 'fr-FR' ? 15 : 16 },
    );
    hf.destroy();
    // Le test compare vraiment : la plupart des formules restent dans le domaine de l'évaluateur léger.
    expect(comparees / total).toBeGreaterThan(0.6);
  });
});

// Évaluation d'une formule seule (`sip calc`) : l'évaluateur léger pour les formules faites d'appels
// SIP.*, de littéraux et d'opérateurs (sans charger HyperFormula), le moteur complet pour le reste.
// Valeurs à la main : AIDE(40 000 ; 12) = min(40 000 ; 15 000 + 12 × 1 000) = 27 000 ; CAI(1,5) =
// 30 000 + 0,5 × 25 000 = 42 500 ; PLAFOND(12) = 27 000.
import fc from 'fast-check';
import { evaluer } from '../../src/formules/evaluation';
import { Explication } from '../../src/rules/explication';
// Date fixe où tous les dispositifs cités sont en vigueur (CAI signé avant le 31/12/2025).
const AUJOURDHUI = '2025-06-01';
const fr = { aujourdhui: AUJOURDHUI };
const en = { aujourdhui: AUJOURDHUI, locale: 'en-US' as const };

describe('chemin suivi', () => {
  test.each([
    ['=SIP.AIDE(40000;12)*2+1', fr, 54001],
    ['=-SIP.CAI(1,5)/2%', fr, -2125000],
    ['=SIP.ELIGIBLE("CAI";"ZIP")=VRAI', fr, true],
    ['=SIP.ACI(1000;1700;2000;FAUX)', fr, 0],
    ['="Aide : "&SIP.AIDE(40000;12)', fr, 'Aide : 27000'],
    ['=1E5', fr, 100000],
    ['=1,5E-3', fr, 0.0015],
    ['=SIP.CAI(1.5,2)', en, 21250],
    ['=TRUE', en, true],
    ['=1.5E-3', en, 0.0015],
    ['=_xldudf_SIP_PLAFOND(12)', fr, 27000],
  ])('léger : %s', (formule, o, valeur) => {
    expect(evaluer(formule, o)).toEqual({ resultat: valeur, moteur: 'leger' });
  });

  test.each([
    ['=SIP.AIDE(40000;12)+SOMME(1;2)', fr, 27003],
    ['=SI(VRAI;1;2)', fr, 1],
    ['=IF(FALSE,1,2)', en, 2],
    ['=SOMME(SIP.PLAFOND({1;2;3}))', fr, 51000],
    ['=SIP.PLAFOND({1;2;3})', fr, { tableau: [[16000, 17000, 18000]] }],
    // Un texte qui ressemble à une date : l'évaluateur léger renonce, HyperFormula le lit (01/02/2025 = 45 689).
    ['="01/02/2025"+0', fr, 45689],
  ])('complet : %s', (formule, o, valeur) => {
    expect(evaluer(formule, o)).toEqual({ resultat: valeur, moteur: 'hyperformula' });
  });

  test('erreurs du chemin léger : code de la langue et message français', () => {
    const inconnue = { erreur: '#NOM?', message: 'fonction inconnue SIP.PLAFON ; vouliez-vous dire SIP.PLAFOND ?' };
    expect(evaluer('=SIP.PLAFON(12)', fr)).toEqual({ resultat: inconnue, moteur: 'leger' });
    expect(evaluer('=SIP.PLAFON(12)', en)).toEqual({ resultat: { ...inconnue, erreur: '#NAME?' }, moteur: 'leger' });
    expect(evaluer('=SIP.CAI(-1)', en)).toEqual({ resultat: { erreur: '#NUM!', message: 'etp : nombre ≥ 0 attendu (reçu : -1)' }, moteur: 'leger' });
    expect(evaluer('=1/0', fr)).toEqual({ resultat: { erreur: '#DIV/0!', message: 'division par zéro' }, moteur: 'leger' });
    // Imbrication excessive : refusée sans charger le moteur complet.
    const trop = `=${'SIP.PLAFOND('.repeat(150)}1${')'.repeat(150)}`;
    expect(evaluer(trop, fr)).toEqual({ resultat: { erreur: '#NOM?', message: 'plus de 64 niveaux de fonctions imbriquées : Excel n’en accepte pas davantage' }, moteur: 'leger' });
  });
});

describe('explications (--explain)', () => {
  const collecter = (formule: string) => {
    const vues: string[] = [];
    const r = evaluer(formule, { ...fr, collecteur: (f: string, e: Explication) => vues.push(`${f} ${e.regle.libelle}`) });
    return { r, vues };
  };
  test('une par appel SIP.* évalué, dans l’ordre', () => {
    const { r, vues } = collecter('=SIP.CAI(1,5)+SIP.PLAFOND(12)');
    expect(r).toEqual({ resultat: 69500, moteur: 'leger' });
    expect(vues.map((v) => v.split(' ')[0])).toEqual(['SIP.CAI', 'SIP.PLAFOND']);
  });
  test('l’évaluateur léger renonce : les explications ne sont données qu’une fois, par le moteur complet', () => {
    const { r, vues } = collecter('=SIP.CAI(1,5)+"01/02/2025"');
    expect(r).toEqual({ resultat: 42500 + 45689, moteur: 'hyperformula' });
    expect(vues.map((v) => v.split(' ')[0])).toEqual(['SIP.CAI']);
  });
});

describe('formules quelconques, même absurdes', () => {
  const MORCEAUX = ['SIP.CAI(', 'SOMME(', 'SUM(', 'SI(', 'IF(', 'ABS(', 'TRANSPOSE(', 'INDEX(', 'A1', 'B2:C3', 'A:A', '1:1', 'Feuille1!A1', "'x y'!A1", '{', '}', '(', ')', ';', ',', '|', '1', '1,5', '1.5', '1E5', '"a"', '"a""b"', 'VRAI', 'TRUE', 'FAUX()', '+', '-', '*', '/', '^', '&', '=', '<>', '%', ' ', '#N/A', ':', '!', '$', 'SIP.PLAFOND(', 'SIP.PLAFON(', 'DATEVAL(', '"10/11/2018"', 'é', '@', '\\'];
  test('jamais d’exception, jamais #ERROR!, jamais de message anglais', () => {
    const formules = fc.oneof(fc.array(fc.constantFrom(...MORCEAUX), { maxLength: 14 }).map((m) => `=${m.join('')}`), fc.string({ maxLength: 30 }));
    fc.assert(
      fc.property(formules, fc.constantFrom('fr-FR' as const, 'en-US' as const), (f, locale) => {
        const { resultat } = evaluer(f, { locale, aujourdhui: AUJOURDHUI });
        const valeurs = resultat !== null && typeof resultat === 'object' && 'tableau' in resultat ? resultat.tableau.flat() : [resultat];
        for (const v of valeurs) {
          if (v === null || typeof v !== 'object') continue;
          expect(v.erreur).not.toBe('#ERROR!');
          expect(v.message).not.toMatch(/not recognized|Parsing|cannot|Expected|Wrong|Value |allowed|\.$/);
        }
      }),
      { numRuns: 300, seed: 15 },
    );
  });
});

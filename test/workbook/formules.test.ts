// Traduction des formules du plan en formules Excel invariantes.
import { evaluerFormule } from '../../../src/formules/moteur';
import type { Terme } from '../../../src/rules/plan-financement';
import { rendre, sommeFormules } from '../../../src/workbook/plan/formules';

const ctx = { col: 3, entrees: new Map([['etp', '$B$10']]), lignes: new Map([['cout.0', 20]]), debutPeriode: { iso: '2027-02-01', cellule: 'C$15' } };
const n = (x: number): Terme => ({ n: String(x) });

describe('rendre', () => {
  test('références, dates, booléens, fonctions SIP', () => {
    expect(rendre({ sip: 'CAI', args: [{ entree: 'etp' }, n(1), { date: '2027-02-01' }] }, ctx)).toBe('SIP.CAI($B$10,1,C$15)');
    expect(rendre({ sip: 'CAI', args: [{ entree: 'etp' }, n(2), { date: '2028-02-01' }] }, ctx)).toBe('SIP.CAI($B$10,2,DATE(2028,2,1))');
    expect(rendre({ ligne: 'cout.0' }, ctx)).toBe('C20');
    expect(rendre({ b: false }, ctx)).toBe('FALSE()');
    expect(rendre({ t: 'a"b' }, ctx)).toBe('"a""b"');
    expect(rendre({ arrondi: n(1.005) }, ctx)).toBe('ROUND(1.005,2)');
  });

  test('référence absente : null (la cellule prend la valeur calculée)', () => {
    expect(rendre({ entree: 'inconnue' }, ctx)).toBeNull();
    expect(rendre({ ligne: 'cout.0' }, { ...ctx, lignes: undefined })).toBeNull();
    expect(rendre({ sip: 'COSCO', args: [{ entree: 'inconnue' }] }, ctx)).toBeNull();
  });

  test('parenthèses des opérateurs non associatifs : la valeur calculée est juste', () => {
    const cas: [Terme, number][] = [
      [{ op: '-', a: n(10), b: { op: '-', a: n(4), b: n(3) } }, 9],
      [{ op: '/', a: n(12), b: { op: '*', a: n(2), b: n(3) } }, 2],
      [{ op: '*', a: { op: '+', a: n(1), b: n(2) }, b: n(4) }, 12],
      [{ op: '/', a: { op: '*', a: n(18900), b: n(184) }, b: n(365) }, (18900 * 184) / 365],
      [{ op: '-', a: { op: '+', a: n(1), b: n(2) }, b: n(4) }, -1],
    ];
    for (const [t, attendu] of cas) {
      const f = rendre(t, ctx)!;
      expect([f, evaluerFormule(`=${f}`, { locale: 'en-US' })]).toEqual([f, expect.closeTo(attendu, 6)]);
    }
  });
});

describe('sommeFormules', () => {
  test('regroupe les formules identiques d’une année', () => {
    expect(sommeFormules(Array(12).fill('$C$14'))).toBe('12*$C$14');
    expect(sommeFormules(['A1-B1', 'A1-B1', 'C1'])).toBe('2*(A1-B1)+C1');
    expect(sommeFormules(['A1', null])).toBeNull();
    expect(sommeFormules(['A1', 'A2', 'A3'], 2)).toBeNull();
  });
});

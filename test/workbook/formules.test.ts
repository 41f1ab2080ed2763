// Traduction des formules décrites par les règles (Terme) en formules Excel invariantes.
import { evaluerFormule } from '../../src/formules/moteur';
import type { Terme } from '../../src/rules/formule';
import { critereTexte, rendre, sommeFormules } from '../../src/workbook/formules';

const ctx = {
  entrees: new Map([['etp', '$B$10'], ['medecin.0.cout', '$C$12']]),
  calculs: new Map([['aci.2027.avance', '$B$80']]),
  // Le plan montre la série « cout.0 » au mois 1 en C20 ; au-delà, sa formule s'écrit sur place.
  serie: (id: string, mois: number) => (id === 'cout.0' && mois === 1 ? 'C20' : null),
  formuleSerie: (id: string): Terme | undefined => (id === 'cout.0' ? { entree: 'medecin.0.cout' } : undefined),
  dates: new Map([['2027-02-01', 'C$15']]),
};
const n = (x: number): Terme => ({ n: String(x) });

describe('rendre', () => {
  test('références, dates, booléens, fonctions SIP', () => {
    expect(rendre({ sip: 'CAI', args: [{ entree: 'etp' }, n(1), { date: '2027-02-01' }] }, ctx)).toBe('SIP.CAI($B$10,1,C$15)');
    expect(rendre({ sip: 'CAI', args: [{ entree: 'etp' }, n(2), { date: '2028-02-01' }] }, ctx)).toBe('SIP.CAI($B$10,2,DATE(2028,2,1))');
    expect(rendre({ serie: 'cout.0', mois: 1 }, ctx)).toBe('C20');
    expect(rendre({ serie: 'cout.0', mois: 30 }, ctx)).toBe('$C$12');
    expect(rendre({ calcul: 'aci.2027.avance' }, ctx)).toBe('$B$80');
    expect(rendre({ b: false }, ctx)).toBe('FALSE()');
    expect(rendre({ t: 'a"b' }, ctx)).toBe('"a""b"');
    expect(rendre({ arrondi: n(1.005) }, ctx)).toBe('ROUND(1.005,2)');
  });

  test('référence absente : null (la cellule prend la valeur calculée)', () => {
    expect(rendre({ entree: 'inconnue' }, ctx)).toBeNull();
    expect(rendre({ serie: 'ij.0', mois: 3 }, ctx)).toBeNull();
    expect(rendre({ calcul: 'inconnu' }, ctx)).toBeNull();
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

test('critère de SUMIFS : les caractères génériques d’Excel sont neutralisés', () => {
  expect(critereTexte('400POSTES.2')).toBe('"400POSTES.2"');
  expect(critereTexte('a*b?c~"d')).toBe('"a~*b~?c~~""d"');
});

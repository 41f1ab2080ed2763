// Le moteur de formules sans tableur : fonctions SIP.* combinées aux fonctions natives, deux syntaxes.
import { BAREME_PAR_DEFAUT } from '../../src/rules/bareme/donnees';
import { Bareme } from '../../src/rules/bareme/types';
import { creerClasseur, evaluerFormule, valeurCellule } from '../../src/formules/moteur';
import { depuisFormeFichier, fonctionsAppelees, versFormeFichier } from '../../src/formules/forme-fichier';
import { AUJOURDHUI } from '../aide-test';

const o = { aujourdhui: AUJOURDHUI };

describe('moteur de formules', () => {
  test('syntaxe française : « ; » et « , » décimale, fonctions natives françaises', () => {
    expect(evaluerFormule('=SIP.AIDE(40000;12)+SOMME(1;2)', o)).toBe(27003);
    expect(evaluerFormule('=SIP.CAI(1,5)', o)).toBe(42500);
    expect(evaluerFormule('=SI(SIP.ELIGIBLE("CAI";"ZIP");SIP.CAI(2);0)', o)).toBe(55000);
  });
  test('syntaxe anglaise', () => {
    expect(evaluerFormule('=SIP.CAI(1.5,2)+SUM(1,2)', { ...o, locale: 'en-US' })).toBe(21253);
  });
  test('forme enregistrée par Excel', () => {
    expect(evaluerFormule('=_xldudf_SIP_PLAFOND(12)', o)).toBe(27000);
    expect(evaluerFormule('=_xldudf_SIP_ACI_AVANCE(24850)', o)).toBe(14910);
  });
  test('références de cellules, cellules vides = arguments omis, dates', () => {
    const hf = creerClasseur({ S: [[3, null, '=SIP.COSCO(A1;B1)', '=SIP.CAI(2;;DATE(2015;1;1))', '=SIP.CAI(2;;DATE(2021;6;1))']] }, o);
    expect(valeurCellule(hf, 0, 0, 2)).toBe(15000);
    expect(valeurCellule(hf, 0, 0, 3)).toMatchObject({ erreur: '#N/A' });
    expect(valeurCellule(hf, 0, 0, 4)).toBe(55000);
    hf.destroy();
  });
  test('erreurs françaises avec message, propagation d’une erreur en argument', () => {
    expect(evaluerFormule('=SIP.CAI(-1)', o)).toEqual({ erreur: '#NOMBRE!', message: 'etp : nombre ≥ 0 attendu (reçu : -1)' });
    expect(evaluerFormule('=SIP.CAI(1/0)', o)).toMatchObject({ erreur: '#DIV/0!' });
    expect(evaluerFormule('=SIP.CAI(-1)', { ...o, locale: 'en-US' })).toMatchObject({ erreur: '#NUM!' });
  });
  test('barème propre au classeur', () => {
    const b: Bareme = structuredClone(BAREME_PAR_DEFAUT);
    b.parametres.find((p) => p.id === 'sip.plafond.par_professionnel')!.valeurs[0].valeur = '1500';
    expect(evaluerFormule('=SIP.PLAFOND(12)', { ...o, bareme: b })).toBe(33000);
  });
});

describe('forme fichier _xldudf_', () => {
  test('aller et retour, sans toucher aux chaînes', () => {
    const f = '=SIP.CAI(B5)+SIP.ACI_AVANCE(C3)&"SIP.CAI(1)"';
    const fichier = versFormeFichier(f);
    expect(fichier).toBe('=_xldudf_SIP_CAI(B5)+_xldudf_SIP_ACI_AVANCE(C3)&"SIP.CAI(1)"');
    expect(depuisFormeFichier(fichier)).toBe(f);
    expect(fonctionsAppelees(fichier)).toEqual(['CAI', 'ACI_AVANCE']);
  });
  test('n’altère pas un nom qui finit par SIP', () => {
    expect(versFormeFichier('=MYSIP.CAI(1)')).toBe('=MYSIP.CAI(1)');
  });
});

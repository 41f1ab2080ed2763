// Analyse des formules : syntaxe d'Excel dans les deux langues, fautes signalées en français avec leur
// position (comptée depuis 1, « = » compris), imbrication bornée, réécriture pour HyperFormula.
import { analyser, Noeud } from '../../src/formules/analyse';
import { syntaxe } from '../../src/formules/langue';
import { preparer } from '../../src/formules/preparation';

const fr = syntaxe('fr-FR');
const en = syntaxe('en-US');

function faute(formule: string, s = fr): string {
  try {
    analyser(formule, s);
  } catch (e) {
    return (e as Error).message;
  }
  throw new Error(`${formule} devait être refusée`);
}

const imbriquer = (n: number, fonction: string, centre: string) => `=${`${fonction}(`.repeat(n)}${centre}${')'.repeat(n)}`;

describe('lecture', () => {
  test('exposants : 1E5, 1,5E-3 en français, 1.5E-3 en anglais, e minuscule', () => {
    expect(analyser('=1E5', fr).arbre).toEqual({ type: 'nombre', texte: '1E5', valeur: 100000 });
    expect(analyser('=1,5E-3', fr).arbre).toEqual({ type: 'nombre', texte: '1,5E-3', valeur: 0.0015 });
    expect(analyser('=1.5E-3', en).arbre).toEqual({ type: 'nombre', texte: '1.5E-3', valeur: 0.0015 });
    expect(analyser('=2e+2', en).arbre).toEqual({ type: 'nombre', texte: '2e+2', valeur: 200 });
  });

  test('VRAI/FAUX (fr) et TRUE/FALSE (en), constantes ou appels sans argument, sans égard à la casse', () => {
    const vrai: Noeud = { type: 'booleen', valeur: true };
    const faux: Noeud = { type: 'booleen', valeur: false };
    expect(['=VRAI', '=vrai', '=VRAI()'].map((f) => analyser(f, fr).arbre)).toEqual([vrai, vrai, vrai]);
    expect(['=FAUX', '=FAUX()'].map((f) => analyser(f, fr).arbre)).toEqual([faux, faux]);
    expect(['=TRUE', '=TRUE()', '=false', '=FALSE()'].map((f) => analyser(f, en).arbre)).toEqual([vrai, vrai, faux, faux]);
    // TRUE en français est un nom (inconnu), pas un booléen.
    expect(analyser('=TRUE', fr).arbre).toEqual({ type: 'nom', nom: 'TRUE' });
  });

  test('texte avec guillemet doublé, comme Excel', () => {
    expect(analyser('="a""b"', fr).arbre).toEqual({ type: 'texte', valeur: 'a"b' });
  });

  test('priorités d’Excel : moins unaire avant ^, ^ avant * et +, & après +, comparaison en dernier', () => {
    expect(analyser('=-2^2', fr).arbre).toEqual({
      type: 'binaire',
      op: '^',
      gauche: { type: 'unaire', op: '-', operande: { type: 'nombre', texte: '2', valeur: 2 } },
      droite: { type: 'nombre', texte: '2', valeur: 2 },
    });
    const a = analyser('="a"&1+2=3', fr).arbre;
    expect(a).toMatchObject({ type: 'binaire', op: '=', gauche: { op: '&', droite: { op: '+' } } });
  });

  test('64 niveaux de fonctions imbriquées acceptés', () => {
    expect(() => analyser(imbriquer(64, 'ABS', '1'), fr)).not.toThrow();
  });
});

describe('fautes de syntaxe : message français, position', () => {
  test.each([
    ['=', 'formule vide : une valeur ou un calcul est attendu après « = »'],
    ['=1+§', 'caractère inattendu « § » en position 4'],
    ['=SIP.CAI(1.5)', 'caractère inattendu « . » en position 11 : en français, la virgule sépare les décimales (1,5)'],
    ['=SOMME(A1,A2)', 'caractère inattendu « , » en position 10 : en français, les arguments sont séparés par « ; » et la virgule sépare les décimales'],
    ['=(1', 'parenthèse fermante manquante (parenthèse ouverte en position 2)'],
    ['=1)', 'parenthèse fermante en trop en position 3'],
    ['=1+', 'formule incomplète : une valeur est attendue après « + »'],
    ['=SOMME(1;2', 'parenthèse fermante manquante pour SOMME( (ouverte en position 2)'],
    ['=1 2', '« 2 » en position 4 inattendu : un opérateur (+, -, *, /, &, =…) est attendu avant'],
    ['=(1 2)', '« 2 » en position 5 inattendu : « ) » ou un opérateur est attendu'],
    ['="abc', 'guillemet fermant manquant pour le texte ouvert en position 2'],
    ['=*2', '« * » en position 2 inattendu : une valeur est attendue'],
    ['={1;2', 'accolade fermante manquante (tableau ouvert en position 2)'],
    ['=1;2', '« ; » en position 3 inattendu hors des arguments d’une fonction'],
  ])('fr-FR %s', (formule, message) => {
    expect(faute(formule)).toBe(message);
  });

  test.each([
    ['=SUM(1;2)', '« ; » en position 7 inattendu dans les arguments de SUM : « ) » ou un opérateur est attendu (en anglais, en-US, les arguments sont séparés par « , »)'],
    ['=1|2', 'caractère inattendu « | » en position 3 : en anglais (en-US), les lignes d’un tableau sont séparées par « ; »'],
    ['=1,5', '« , » en position 3 inattendu hors des arguments d’une fonction (en anglais, en-US, le point sépare les décimales : 1.5)'],
    ['=(1', 'parenthèse fermante manquante (parenthèse ouverte en position 2)'],
  ])('en-US %s', (formule, message) => {
    expect(faute(formule, en)).toBe(message);
  });

  test('plus de 64 niveaux de fonctions : refus, comme Excel (jamais un débordement de pile)', () => {
    const message = 'plus de 64 niveaux de fonctions imbriquées : Excel n’en accepte pas davantage';
    expect(faute(imbriquer(65, 'ABS', '1'))).toBe(message);
    expect(faute(imbriquer(150, 'SIP.PLAFOND', '1'))).toBe(message);
    expect(faute(imbriquer(150, 'ABS', '1'), en)).toBe(message);
  });

  test('plus de 100 niveaux de parenthèses ; formule de plus de 8 192 caractères', () => {
    expect(faute(`=${'('.repeat(101)}1${')'.repeat(101)}`)).toBe('plus de 100 niveaux imbriqués (parenthèses, fonctions, signes) : formule refusée');
    expect(faute(`=${'1+'.repeat(4100)}1`)).toBe('formule trop longue : 8 201 caractères, Excel en accepte 8 192 au plus');
  });
});

describe('préparation pour HyperFormula', () => {
  test.each([
    ['=SI(VRAI;1;2)', fr, '=SI(VRAI();1;2)'],
    ['=IF(FALSE,1,2)', en, '=IF(FALSE(),1,2)'],
    ['=1,5E-3+1E5', fr, '=1,5e-3+1e5'],
    ['="a""b\\"', fr, '=("a"&CAR(34)&"b"&CAR(92))'],
    ['=1%%', fr, '=(1%)%'],
    ['=somme (1;2)', fr, '=SOMME(1;2)'],
    ['=_xldudf_SIP_ACI(1000,1700,2000,FALSE)', en, '=SIP.ACI(1000,1700,2000,FALSE())'],
    ["='Ma feuille'!A1+Feuille2!$B$2:C3", fr, "='Ma feuille'!A1+Feuille2!$B$2:C3"],
  ])('%s', (formule, s, attendu) => {
    expect(preparer(formule, s)).toEqual({ formule: attendu });
  });

  test('faute : la formule telle quelle et notre message ; imbrication excessive : jamais donnée au moteur', () => {
    expect(preparer('=1+§', fr)).toEqual({ formule: '=1+§', erreur: 'caractère inattendu « § » en position 4' });
    expect(preparer(imbriquer(65, 'ABS', '1'), fr)).toEqual({ formule: '=(', erreur: 'plus de 64 niveaux de fonctions imbriquées : Excel n’en accepte pas davantage' });
    // Accepté par Excel, mais trop profond pour HyperFormula (1 001 termes enchaînés).
    expect(preparer(`=${'1+'.repeat(1000)}1`, fr)).toEqual({
      formule: '=(',
      erreur: 'formule trop complexe pour le moteur de calcul : trop d’opérations enchaînées ou imbriquées ; répartissez-la sur plusieurs cellules',
    });
  });
});

// Le moteur de formules sans tableur : fonctions SIP.* combinées aux fonctions natives, deux syntaxes.
import path from 'path';
import { BAREME_PAR_DEFAUT } from '../../src/rules/bareme/donnees';
import { Bareme } from '../../src/rules/bareme/types';
import { creerClasseur, evaluerFormule, evaluerFormuleComplete, valeurCellule } from '../../src/formules/moteur';
import { syntaxe } from '../../src/formules/langue';
import { messageFrancais, TRADUCTIONS } from '../../src/formules/messages';
import { depuisFormeFichier, fonctionsAppelees, versFormeFichier } from '../../src/formules/forme-fichier';

// Le CAI et le COSCO ne se signent plus depuis le 01/01/2026 : date de calcul où ils sont en vigueur.
const o = { aujourdhui: '2025-06-01' };

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

// ——— Issue 15 : la langue des formules d'Excel, sans tableur, dans les deux langues. Valeurs calculées
// à la main depuis le barème : plafond SIP = 15 000 + 1 000 × n ; ACI = (fixes + variables ×
// patientèle / 4 000) × 7 € ; CAI = 30 000 € pour le 1er ETP + 25 000 € par ETP suivant, barème en
// vigueur depuis le 20/10/2018.
const en = { ...o, locale: 'en-US' as const };
const imbriquer = (n: number, fonction: string, centre: string, fin = ')') => `=${`${fonction}(`.repeat(n)}${centre}${fin.repeat(n)}`;

describe('booléens VRAI/FAUX (fr), TRUE/FALSE (en), constantes ou appels', () => {
  test('formule interactive', () => {
    expect(evaluerFormule('=SIP.ACI(1000;1700;2000;FAUX)', o)).toBe(0); // prérequis non remplis
    expect(evaluerFormule('=SIP.ACI(1000;1700;2000;VRAI)', o)).toBe(12950); // (1 000 + 1 700 × 2 000 / 4 000) × 7
    expect(evaluerFormule('=SI(VRAI;1;2)', o)).toBe(1);
    expect(evaluerFormule('=SI(faux();1;2)', o)).toBe(2);
    expect(evaluerFormule('=SIP.ACI(1000,1700,2000,FALSE)', en)).toBe(0);
    expect(evaluerFormule('=IF(TRUE,1,2)', en)).toBe(1);
    expect(evaluerFormule('=IF(FALSE(),1,2)', en)).toBe(2);
  });
  test('feuille écrite relue (forme invariante en-US, comme LibreOffice la réenregistre)', () => {
    const hf = creerClasseur(
      { S: [['=IF(TRUE(),1,2)', '=IF(FALSE,1,2)', '=_xldudf_SIP_ACI(1000,1700,2000,FALSE())', '=_xldudf_SIP_ACI(1000,1700,2000,TRUE)', '=AND(TRUE,NOT(FALSE()))']] },
      en,
    );
    expect([0, 1, 2, 3, 4].map((c) => valeurCellule(hf, 0, 0, c))).toEqual([1, 2, 0, 12950, true]);
    hf.destroy();
  });
});

describe('exposants', () => {
  test('1E5, 1,5E-3 en français ; 1.5E-3 en anglais ; hors des limites : #NOMBRE!', () => {
    expect(evaluerFormule('=1E5', o)).toBe(100000);
    expect(evaluerFormule('=1,5E-3', o)).toBe(0.0015);
    expect(evaluerFormule('=SIP.PLAFOND(1,2E1)', o)).toBe(27000); // 15 000 + 12 × 1 000
    expect(evaluerFormule('=1.5E-3', en)).toBe(0.0015);
    expect(evaluerFormule('=SIP.PLAFOND(1.2E+1)', en)).toBe(27000);
    expect(evaluerFormule('=1E400', o)).toEqual({ erreur: '#NOMBRE!', message: 'résultat non numérique ou infini (hors des limites d’Excel)' });
  });
});

describe('tableaux et plages en argument : calcul élément par élément, jamais le premier seul', () => {
  test('SOMME(SIP.PLAFOND({1;2;3})) = 16 000 + 17 000 + 18 000', () => {
    expect(evaluerFormule('=SOMME(SIP.PLAFOND({1;2;3}))', o)).toBe(51000);
    expect(evaluerFormule('=SUM(SIP.PLAFOND({1,2,3}))', en)).toBe(51000);
    expect(evaluerFormule('=SOMME(SIP.PLAFOND({1;2})+1)', o)).toBe(33002); // 16 001 + 17 001
  });
  test('un tableau en résultat : rendu entier, ou #VALEUR! là où une seule valeur est attendue', () => {
    expect(evaluerFormuleComplete('=SIP.PLAFOND({1;2;3})', o)).toEqual({ tableau: [[16000, 17000, 18000]] });
    expect(evaluerFormuleComplete('=SIP.PLAFOND({1;2;3})', en)).toEqual({ tableau: [[16000], [17000], [18000]] });
    expect(evaluerFormule('=SIP.PLAFOND({1;2;3})', o)).toEqual({ erreur: '#VALEUR!', message: 'la formule rend un tableau de 1 ligne(s) × 3 colonne(s) ; une seule valeur est attendue' });
  });
  test('tableaux de tailles différentes : #N/A là où l’un manque (comme Excel)', () => {
    expect(evaluerFormuleComplete('=SIP.AIDE({40000;50000};{12;13;14})', o)).toEqual({
      tableau: [[27000, 28000, { erreur: '#N/A', message: 'tableaux de tailles différentes : aucune valeur à cette position' }]],
    });
  });
  test('plage A1:A3 : somme, résultat répandu dans les cellules voisines, ou #PROPAGATION! si elles sont occupées', () => {
    const hf = creerClasseur({ S: [[1, '=SOMME(SIP.PLAFOND(A1:A3))', '=SIP.PLAFOND(A1:A3)', '=SIP.PLAFOND(A1:A3)'], [2, null, null, 'occupée'], [3]] }, o);
    expect(valeurCellule(hf, 0, 0, 1)).toBe(51000);
    expect([0, 1, 2].map((l) => valeurCellule(hf, 0, l, 2))).toEqual([16000, 17000, 18000]);
    expect(valeurCellule(hf, 0, 0, 3)).toEqual({ erreur: '#PROPAGATION!', message: 'pas de place pour le résultat en tableau : des cellules voisines sont occupées' });
    hf.destroy();
    const h2 = creerClasseur({ S: [[1, '=SUM(SIP.PLAFOND(A1:A2))', '=SIP.PLAFOND(A1:A2)'], [2, null, 'x']] }, en);
    expect(valeurCellule(h2, 0, 0, 1)).toBe(33000);
    expect(valeurCellule(h2, 0, 0, 2)).toMatchObject({ erreur: '#SPILL!' });
    h2.destroy();
  });
});

describe('dates en texte lues dans l’ordre de la langue, AAAA-MM-JJ dans les deux', () => {
  // « 10/11/2018 » : 10 novembre en français (barème CAI en vigueur), 11 octobre en anglais (avant le 20/10/2018).
  // Le message vient de la règle : on vérifie seulement la date lue (11/10/2018, avant le barème).
  const avant = { erreur: '#N/A', message: expect.stringMatching(/^date : .* au 11\/10\/2018 /) };
  test('argument date d’une fonction SIP.*', () => {
    expect(evaluerFormule('=SIP.CAI(2;;"10/11/2018")', o)).toBe(55000);
    expect(evaluerFormule('=SIP.CAI(2,,"10/11/2018")', en)).toEqual(avant);
    expect(evaluerFormule('=SIP.CAI(2;;"2018-11-10")', o)).toBe(55000);
    expect(evaluerFormule('=SIP.CAI(2,,"2018-11-10")', en)).toBe(55000);
    expect(evaluerFormule('=SIP.CAI(2;;"31/02/2019")', o)).toEqual({ erreur: '#VALEUR!', message: 'date : date attendue au format JJ/MM/AAAA ou AAAA-MM-JJ (reçu : « 31/02/2019 »)' });
    expect(evaluerFormule('=SIP.CAI(2,,"31/02/2019")', en)).toEqual({ erreur: '#VALUE!', message: 'date : date attendue au format MM/JJ/AAAA ou AAAA-MM-JJ (reçu : « 31/02/2019 »)' });
  });
  test('fonctions de date natives (numéros de série : 10/11/2018 = 43 414, 11/10/2018 = 43 384)', () => {
    expect(evaluerFormule('=DATEVAL("10/11/2018")', o)).toBe(43414);
    expect(evaluerFormule('=DATEVALUE("10/11/2018")', en)).toBe(43384);
    expect(evaluerFormule('=DATEVAL("2018-11-10")', o)).toBe(43414);
    expect(evaluerFormule('=DATEVALUE("2018-11-10")', en)).toBe(43414);
    expect(evaluerFormule('=SIP.CAI(2,,DATEVALUE("10/11/2018"))', en)).toEqual(avant);
  });
  test('feuille écrite : syntaxe en-US mais dates JJ/MM/AAAA (l’Excel français des utilisateurs), sauf demande contraire', () => {
    const f = { S: [['=DATEVALUE("10/11/2018")']] };
    const hf = creerClasseur(f, en);
    expect(valeurCellule(hf, 0, 0, 0)).toBe(43414);
    hf.destroy();
    const h2 = creerClasseur(f, { ...en, ordreDates: 'en-US' });
    expect(valeurCellule(h2, 0, 0, 0)).toBe(43384);
    h2.destroy();
  });
});

describe('imbrication : 64 niveaux comme Excel, au-delà un refus clair (jamais un débordement de pile)', () => {
  const refus = 'plus de 64 niveaux de fonctions imbriquées : Excel n’en accepte pas davantage';
  test('64 niveaux acceptés', () => {
    expect(evaluerFormule(imbriquer(64, 'ABS', '-1'), o)).toBe(1);
    // SIP.MATERNITE400(x;0) = x − 0 (salaire maintenu par défaut).
    expect(evaluerFormule(imbriquer(64, 'SIP.MATERNITE400', '100', ';0)'), o)).toBe(100);
  });
  test('65 ou 150 niveaux : #NOM? (#NAME?) et message', () => {
    expect(evaluerFormule(imbriquer(65, 'ABS', '1'), o)).toEqual({ erreur: '#NOM?', message: refus });
    expect(evaluerFormule(imbriquer(150, 'SIP.PLAFOND', '1'), o)).toEqual({ erreur: '#NOM?', message: refus });
    expect(evaluerFormule(imbriquer(150, 'SIP.PLAFOND', '1'), en)).toEqual({ erreur: '#NAME?', message: refus });
    const hf = creerClasseur({ S: [[imbriquer(150, 'SIP.PLAFOND', '1')]] }, en);
    expect(valeurCellule(hf, 0, 0, 0)).toEqual({ erreur: '#NAME?', message: refus });
    hf.destroy();
  });
});

describe('fautes et erreurs : code d’Excel et message français, jamais #ERROR! ni anglais', () => {
  test.each([
    ['=SIP.PLAFON(12)', o, '#NOM?', 'fonction inconnue SIP.PLAFON ; vouliez-vous dire SIP.PLAFOND ?'],
    ['=SIP.PLAFON(12)', en, '#NAME?', 'fonction inconnue SIP.PLAFON ; vouliez-vous dire SIP.PLAFOND ?'],
    ['=SOMM(1;2)', o, '#NOM?', 'fonction inconnue SOMM ; vouliez-vous dire SOMME ?'],
    ['=SUMM(1,2)', en, '#NAME?', 'fonction inconnue SUMM ; vouliez-vous dire SUM ?'],
    ['=PLAFOND400(1)', o, '#NOM?', 'fonction inconnue PLAFOND400 ; vouliez-vous dire SIP.PLAFOND400 ?'],
    ['=FOO(1)', o, '#NOM?', 'fonction inconnue FOO'],
    ['=TRUE', o, '#NOM?', 'nom inconnu TRUE : en français, écrivez VRAI'],
    ['=VRAI', en, '#NAME?', 'nom inconnu VRAI : en anglais (en-US), écrivez TRUE'],
    ['=SIP.PLAFOND', o, '#NOM?', 'nom inconnu SIP.PLAFOND : SIP.PLAFOND est une fonction, écrivez SIP.PLAFOND(…)'],
    ['=MONTANT', o, '#NOM?', 'nom inconnu MONTANT'],
    ['=1+§', o, '#NOM?', 'caractère inattendu « § » en position 4'],
    ['=SUM(1;2)', en, '#NAME?', '« ; » en position 7 inattendu dans les arguments de SUM : « ) » ou un opérateur est attendu (en anglais, en-US, les arguments sont séparés par « , »)'],
    ['=1/0', o, '#DIV/0!', 'division par zéro'],
    ['="x"+1', o, '#VALEUR!', 'valeur non convertible en nombre'],
    ['=RACINE(-1)', o, '#NOMBRE!', 'résultat non numérique ou infini (hors des limites d’Excel)'],
    ['=DATEVAL("31/02/2018")', o, '#VALEUR!', 'le texte n’est pas une date ou une heure valable'],
    ['=A1', o, '#CYCLE!', 'référence circulaire : la formule dépend de sa propre valeur'],
    ['=SIP.CAI(#N/A)', o, '#N/A', 'valeur non disponible'],
  ])('%s (%j)', (formule, options, erreur, message) => {
    expect(evaluerFormule(formule, options)).toEqual({ erreur, message });
  });

  test('chaque message d’erreur d’HyperFormula a sa traduction française', () => {
    // Le module n'est pas exporté par le paquet : lu par son chemin, à côté du point d'entrée.
    const fichier = path.join(path.dirname(require.resolve('hyperformula')), 'error-message.js');
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { ErrorMessage } = require(fichier) as { ErrorMessage: Record<string, unknown> };
    const constants = Object.values(ErrorMessage).filter((m): m is string => typeof m === 'string');
    expect(constants.length).toBeGreaterThan(60);
    expect(constants.filter((m) => !TRADUCTIONS[m])).toEqual([]);
    const fr = syntaxe('fr-FR');
    expect(messageFrancais('NAME', 'Function name X.Y not recognized.', fr, () => [])).toBe('fonction inconnue X.Y');
    expect(messageFrancais('ERROR', 'Parsing error. Redundant input, expecting EOF but found: E5', fr, () => [])).toBe('formule illisible');
    expect(messageFrancais('VALUE', '', fr, () => [])).toBe('valeur incorrecte');
  });
});

// `sip calc` et `sip explain` : sortie, codes de retour, explications.
import { execFileSync, spawnSync } from 'child_process';
import * as path from 'path';
import { main } from '../../src/cli/main';
import { Io } from '../../src/cli/io';
import { AUJOURDHUI } from '../aide-test';

async function lancer(...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const io: Io = { out: (t) => out.push(...t.split('\n')), err: (t) => err.push(t), cwd: process.cwd(), aujourdhui: AUJOURDHUI };
  const code = await main(argv, io);
  return { code, out, err, derniere: out[out.length - 1] };
}

describe('sip calc', () => {
  test('valeur brute sur la dernière ligne, code 0', async () => {
    const r = await lancer('calc', '=SIP.AIDE(40000;12)+SOMME(1;2)');
    expect(r).toMatchObject({ code: 0, derniere: '27003' });
    // Le CAI ne se signe plus depuis le 01/01/2026 : date de calcul où il est en vigueur.
    expect((await lancer('calc', '=SIP.CAI(1,5)', '--date', '01/06/2025')).derniere).toBe('42500');
    expect((await lancer('calc', '=SIP.ACI(0;1700;3333)')).derniere).toBe('9915.68');
    expect((await lancer('calc', '=SIP.SEUIL400(4;0,5)')).derniere).toBe('82.5');
  });
  test('booléens en VRAI/FAUX', async () => {
    expect((await lancer('calc', '=SIP.ELIGIBLE("CST";"ZIP")')).derniere).toBe('FAUX');
    expect((await lancer('calc', '=SIP.ELIGIBLE("CST";"HZ")')).derniere).toBe('VRAI');
  });
  test('--locale en-US', async () => {
    expect((await lancer('calc', '=SIP.CAI(1.5,2)', '--locale', 'en-US', '--date', '2025-06-01')).derniere).toBe('21250');
  });
  test('forme _xldudf_', async () => {
    expect((await lancer('calc', '=_xldudf_SIP_PLAFOND(12)')).derniere).toBe('27000');
  });
  test('erreur : code Excel, message français nommant l’argument et la plage, code 1', async () => {
    const r = await lancer('calc', '=SIP.GARANTIE400(9000;1000;1,5)');
    expect(r.code).toBe(1);
    expect(r.derniere).toBe('#NOMBRE!');
    expect(r.err.join('\n')).toContain('quotite : nombre dans ]0 ; 1] attendu (reçu : 1,5)');
    const z = await lancer('calc', '=SIP.ELIGIBLE("CAI";"ZRR")');
    expect(z).toMatchObject({ code: 1, derniere: '#VALEUR!' });
  });
  test('--explain : règle, paramètres, dates, sources, statuts, avant la valeur', async () => {
    const r = await lancer('calc', '=SIP.CAI(1,5)', '--explain', '--date', '15/12/2025');
    const texte = r.out.join('\n');
    expect(texte).toContain('SIP.CAI');
    expect(texte).toContain('cai.montant_etp_tranche1 = 30\u00a0000\u00a0€/ETP');
    expect(texte).toContain('[confirmé]');
    expect(texte).toContain('source : Politique régionale des centres de santé, ARS Bretagne, §2.1 Contrat d’aide à l’installation (CAI)');
    expect(texte).toContain('Interprétation [à confirmer]');
    expect(texte).toContain('28 août 2025');
    expect(r.derniere).toBe('42500');
    const h = (await lancer('calc', '=SIP.PLAFOND(12)', '--explain')).out.join('\n');
    expect(h).toContain('[hypothèse]');
    expect(h).toContain('Statut du résultat : hypothèse');
  });
  test('--date fixe la date du jour', async () => {
    expect((await lancer('calc', '=SIP.ACI_AVANCE(15000)', '--date', '2021-06-01')).derniere).toBe('9000');
    expect((await lancer('calc', '=SIP.CAI(2)', '--date', '2015-01-01')).derniere).toBe('#N/A');
  });
  test('usage', async () => {
    expect((await lancer('calc')).code).toBe(2);
    expect((await lancer('inconnue')).code).toBe(2);
  });
});

describe('sip calc : la langue des formules d’Excel (fr-FR et en-US)', () => {
  const imbriquer = (n: number) => `=${'SIP.PLAFOND('.repeat(n)}1${')'.repeat(n)}`;
  test.each([
    // ACI sans prérequis : 0 ; avec : (1 000 + 1 700 × 2 000 / 4 000) × 7 = 12 950.
    [['=SIP.ACI(1000;1700;2000;FAUX)'], '0'],
    [['=SIP.ACI(1000;1700;2000;VRAI)'], '12950'],
    [['=SI(VRAI;1;2)'], '1'],
    [['=SI(FAUX();1;2)'], '2'],
    [['=IF(TRUE,1,2)', '--locale', 'en-US'], '1'],
    [['=SIP.ACI(1000,1700,2000,FALSE)', '--locale', 'en-US'], '0'],
    [['=SIP.ELIGIBLE("CAI";"ZIP")=VRAI'], 'VRAI'],
    [['=1E5'], '100000'],
    [['=1,5E-3'], '0.0015'],
    [['=1.5E-3', '--locale', 'en-US'], '0.0015'],
    // Tableau en argument : 16 000 + 17 000 + 18 000 ; un tableau en résultat, en notation invariante.
    [['=SOMME(SIP.PLAFOND({1;2;3}))'], '51000'],
    [['=SUM(SIP.PLAFOND({1,2,3}))', '--locale', 'en-US'], '51000'],
    [['=SIP.PLAFOND({1;2;3})'], '{16000,17000,18000}'],
    [['=SIP.PLAFOND({1;2;3})', '--locale', 'en-US'], '{16000;17000;18000}'],
    // « 10/11/2018 » : 10 novembre (fr), barème CAI en vigueur : 30 000 + 25 000 ; ISO dans les deux langues.
    [['=SIP.CAI(2;;"10/11/2018")'], '55000'],
    [['=SIP.CAI(2,,"2018-11-10")', '--locale', 'en-US'], '55000'],
    [['=DATEVAL("10/11/2018")'], '43414'],
    [['=DATEVALUE("10/11/2018")', '--locale', 'en-US'], '43384'],
  ])('%j → %s', async (argv, valeur) => {
    expect(await lancer('calc', ...argv)).toMatchObject({ code: 0, derniere: valeur, err: [] });
  });

  test.each([
    [['=SIP.PLAFON(12)'], '#NOM?', 'fonction inconnue SIP.PLAFON ; vouliez-vous dire SIP.PLAFOND ?'],
    [['=SIP.PLAFON(12)', '--locale', 'en-US'], '#NAME?', 'fonction inconnue SIP.PLAFON ; vouliez-vous dire SIP.PLAFOND ?'],
    [['=SOMM(1;2)'], '#NOM?', 'fonction inconnue SOMM ; vouliez-vous dire SOMME ?'],
    [['=1+§'], '#NOM?', 'caractère inattendu « § » en position 4'],
    [['=SIP.CAI(1.5)'], '#NOM?', 'caractère inattendu « . » en position 11 : en français, la virgule sépare les décimales (1,5)'],
    [['=(1'], '#NOM?', 'parenthèse fermante manquante (parenthèse ouverte en position 2)'],
    [[imbriquer(150)], '#NOM?', 'plus de 64 niveaux de fonctions imbriquées : Excel n’en accepte pas davantage'],
    [[imbriquer(65), '--locale', 'en-US'], '#NAME?', 'plus de 64 niveaux de fonctions imbriquées : Excel n’en accepte pas davantage'],
    [['=SIP.CAI(2;;"31/02/2019")'], '#VALEUR!', 'date : date attendue au format JJ/MM/AAAA ou AAAA-MM-JJ (reçu : « 31/02/2019 »)'],
    [['=1/0'], '#DIV/0!', 'division par zéro'],
  ])('%j → %s, message français, code 1', async (argv, code, message) => {
    expect(await lancer('calc', ...argv)).toMatchObject({ code: 1, derniere: code, err: [`${code} ${message}`] });
  });

  test('en anglais, « 10/11/2018 » est le 11 octobre 2018, avant le barème CAI : #N/A', async () => {
    const r = await lancer('calc', '=SIP.CAI(2,,"10/11/2018")', '--locale', 'en-US');
    expect(r).toMatchObject({ code: 1, derniere: '#N/A' });
    expect(r.err[0]).toMatch(/^#N\/A date : .* au 11\/10\/2018 /);
  });

  test('64 fonctions imbriquées acceptées : SIP.MATERNITE400(x;0) = x', async () => {
    const f = `=${'SIP.MATERNITE400('.repeat(64)}100${';0)'.repeat(64)}`;
    expect(await lancer('calc', f)).toMatchObject({ code: 0, derniere: '100' });
  });

  test('--date : JJ/MM/AAAA ou AAAA-MM-JJ ; refus en français', async () => {
    expect((await lancer('calc', '=SIP.ACI_AVANCE(15000)', '--date', '01/06/2021')).derniere).toBe('9000'); // 60 %
    expect((await lancer('calc', '=SIP.ACI_AVANCE(15000)', '--date=2021-06-01')).derniere).toBe('9000');
    expect((await lancer('calc', '=SIP.CAI(2)', '--date', '15/01/2015')).derniere).toBe('#N/A');
    const r = await lancer('calc', '=SIP.CAI(2)', '--date', '31/02/2021');
    expect(r.code).toBe(2);
    expect(r.err[0]).toBe('sip calc : --date : date JJ/MM/AAAA ou AAAA-MM-JJ attendue, entre le 01/03/1900 et le 31/12/2100 (reçu : « 31/02/2021 »)');
  });

  test('option inconnue nommée, locale refusée, usage', async () => {
    const r = await lancer('calc', '=SIP.CAI(2)', '--dat', '2021-06-01');
    expect(r.code).toBe(2);
    expect(r.err[0]).toBe('sip calc : option inconnue : --dat (vouliez-vous dire --date ?) ; options de sip calc : --locale, --date, --explain, --bareme');
    expect(r.err[1]).toBe('Usage : sip calc "<formule>" [--locale en-US] [--explain] [--date JJ/MM/AAAA] [--bareme bareme.json|classeur.xlsx]');
    expect((await lancer('calc', '=1', '--locale', 'de-DE')).err[0]).toBe('sip calc : --locale : fr-FR ou en-US attendu (reçu : « de-DE »)');
    expect((await lancer('calc')).err[0]).toBe('sip calc : formule attendue, entre guillemets');
  });
});

describe('sip explain', () => {
  test('une fonction', async () => {
    const r = await lancer('explain', 'GARANTIE400');
    expect(r.code).toBe(0);
    expect(r.out.join('\n')).toContain('[quotite] : Quotité de temps de travail');
  });
  test('le barème', async () => {
    const r = await lancer('explain', '--bareme');
    const texte = r.out.join('\n');
    expect(texte).toContain('postes400.plafond_mensuel_temps_plein = 9 070 €/mois du 06/02/2019 [confirmé] — 400 postes : coût salarial maximal garanti, temps plein — source : Politique régionale des centres de santé, ARS Bretagne, §2.2 400 postes');
    expect(texte).toContain('cds.aide_automatique.polyvalent.zip = non publié €/ETP éligible/an du 01/01/2026 [à confirmer]');
    // Aucune ligne « confirmé » ne cite une source secondaire ou une interprétation du simulateur.
    const confirmes = r.out.filter((l) => l.includes('[confirmé]'));
    expect(confirmes.length).toBeGreaterThan(10);
    for (const l of confirmes) expect(l).toMatch(/source : (Politique régionale des centres de santé, ARS Bretagne|Appel à candidatures SIP 2023, ARS Bretagne|L’accord conventionnel interprofessionnel \(ACI\), ARS Hauts-de-France|Convention médicale 2024-2029 : l’essentiel, ameli\.fr \(Assurance Maladie\)), /);
  });
  test('la bibliographie', async () => {
    const r = await lancer('explain', '--sources');
    expect(r.code).toBe(0);
    const texte = r.out.join('\n');
    expect(texte).toContain('politique_cds_bretagne (code 004) : Politique régionale d’accompagnement des centres de santé médicaux et polyvalents, ARS Bretagne, non datée, document source du projet, fichier du projet 004_e28ccffb7bd31354.txt');
    expect(texte).toContain('ameli_convention_medicale_2024 : Convention médicale 2024-2029 : l’essentiel, ameli.fr (Assurance Maladie), non datée, page d’un organisme public — https://www.ameli.fr/medecin/textes-reference/convention-medicale-2024-2029/essentiel');
  });
});

describe('la commande installée', () => {
  const racine = path.join(__dirname, '..', '..');
  beforeAll(() => {
    execFileSync('npx', ['tsc', '-p', 'tsconfig.node.json'], { cwd: racine, stdio: 'ignore' });
  });
  test('node bin/sip.js calc', () => {
    const r = spawnSync('node', ['bin/sip.js', 'calc', '=SIP.CAI(1,5)', '--date', '01/06/2025'], { cwd: racine, encoding: 'utf8' });
    expect(r.status).toBe(0);
    expect(r.stdout.trim().split('\n').pop()).toBe('42500');
    const e = spawnSync('node', ['bin/sip.js', 'calc', '=SIP.CAI(-2)'], { cwd: racine, encoding: 'utf8' });
    expect(e.status).toBe(1);
    expect(e.stdout.trim()).toBe('#NOMBRE!');
    expect(e.stderr).toContain('etp : nombre ≥ 0 attendu (reçu : -2)');
  });
  test('démarrage rapide : ni HyperFormula, ni exceljs, ni resvg pour une formule faite d’appels SIP.* ; HyperFormula pour une fonction native', () => {
    const paquets = (formule: string) => {
      const script = `require('./dist/node/cli/main.js').main(['calc', ${JSON.stringify(formule)}, '--date', '01/06/2025']).then(() => {
        const p = Object.keys(require.cache).filter((f) => f.includes('node_modules')).map((f) => f.split('node_modules/')[1].split('/').slice(0, f.includes('node_modules/@') ? 2 : 1).join('/'));
        process.stderr.write(JSON.stringify([...new Set(p)].sort()));
      });`;
      const r = spawnSync('node', ['-e', script], { cwd: racine, encoding: 'utf8' });
      return { sortie: r.stdout.trim(), paquets: JSON.parse(r.stderr) as string[] };
    };
    expect(paquets('=SIP.AIDE(40000;12)*2+SIP.CAI(1,5)')).toEqual({ sortie: '96500', paquets: ['decimal.js'] });
    const complet = paquets('=SIP.AIDE(40000;12)+SOMME(1;2)');
    expect(complet.sortie).toBe('27003');
    expect(complet.paquets).toContain('hyperformula');
    expect(complet.paquets).not.toContain('exceljs');
    expect(complet.paquets).not.toContain('@resvg/resvg-js');
  });
});

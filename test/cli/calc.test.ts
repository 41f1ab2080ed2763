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
    expect((await lancer('calc', '=SIP.CAI(1,5)')).derniere).toBe('42500');
    expect((await lancer('calc', '=SIP.ACI(0;1700;3333)')).derniere).toBe('9915.68');
    expect((await lancer('calc', '=SIP.SEUIL400(4;0,5)')).derniere).toBe('82.5');
  });
  test('booléens en VRAI/FAUX', async () => {
    expect((await lancer('calc', '=SIP.ELIGIBLE("CST";"ZIP")')).derniere).toBe('FAUX');
    expect((await lancer('calc', '=SIP.ELIGIBLE("CST";"HZ")')).derniere).toBe('VRAI');
  });
  test('--locale en-US', async () => {
    expect((await lancer('calc', '=SIP.CAI(1.5,2)', '--locale', 'en-US')).derniere).toBe('21250');
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
    const r = await lancer('calc', '=SIP.CAI(1,5)', '--explain');
    const texte = r.out.join('\n');
    expect(texte).toContain('SIP.CAI');
    expect(texte).toContain('cai.montant_etp_tranche1 = 30000');
    expect(texte).toContain('[confirmé]');
    expect(texte).toContain('source : 004');
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

describe('sip explain', () => {
  test('une fonction', async () => {
    const r = await lancer('explain', 'GARANTIE400');
    expect(r.code).toBe(0);
    expect(r.out.join('\n')).toContain('[quotite] : Quotité de temps de travail');
  });
  test('le barème', async () => {
    const r = await lancer('explain', '--bareme');
    expect(r.out.join('\n')).toContain('postes400.plafond_mensuel_temps_plein = 9070 €/mois du 06/02/2019');
  });
});

describe('la commande installée', () => {
  const racine = path.join(__dirname, '..', '..');
  beforeAll(() => {
    execFileSync('npx', ['tsc', '-p', 'tsconfig.node.json'], { cwd: racine, stdio: 'ignore' });
  });
  test('node bin/sip.js calc', () => {
    const r = spawnSync('node', ['bin/sip.js', 'calc', '=SIP.CAI(1,5)'], { cwd: racine, encoding: 'utf8' });
    expect(r.status).toBe(0);
    expect(r.stdout.trim().split('\n').pop()).toBe('42500');
    const e = spawnSync('node', ['bin/sip.js', 'calc', '=SIP.CAI(-2)'], { cwd: racine, encoding: 'utf8' });
    expect(e.status).toBe(1);
    expect(e.stdout.trim()).toBe('#NOMBRE!');
    expect(e.stderr).toContain('etp : nombre ≥ 0 attendu (reçu : -2)');
  });
});

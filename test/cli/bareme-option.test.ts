// `--bareme` de `sip calc` et `sip simulate` : un fichier de données (famille ou barème complet) ou un
// classeur avec une feuille « Barème ». Valeurs attendues à la main : plafond SIP = part forfaitaire +
// n × montant par professionnel (15 000 + 12 × 1 000 = 27 000 € par défaut, REGLES.md §1).
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import ExcelJS from 'exceljs';
import { main } from '../../src/cli/main';
import { Io } from '../../src/cli/io';

const RACINE = path.resolve(__dirname, '../..');
let dossier: string;
beforeEach(() => {
  dossier = fs.mkdtempSync(path.join(os.tmpdir(), 'sip-bareme-'));
});
afterEach(() => fs.rmSync(dossier, { recursive: true, force: true }));

async function lancer(...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const io: Io = { out: (t) => out.push(...t.split('\n')), err: (t) => err.push(...t.split('\n')), cwd: dossier, aujourdhui: '2026-11-23' };
  const code = await main(argv, io);
  return { code, out, err, derniere: out[out.length - 1] };
}

const ecrire = (nom: string, contenu: unknown) => fs.writeFileSync(path.join(dossier, nom), typeof contenu === 'string' ? contenu : JSON.stringify(contenu, null, 2));

/** Fichier de famille SIP dont la part forfaitaire vaut `valeur`. */
const familleSip = (valeur: string) => ({
  famille: 'sip',
  libelle: 'Aide SIP',
  parametres: [{ id: 'sip.plafond.base', libelle: 'Plafond SIP : part forfaitaire', unite: '€', valeurs: [{ du: '2017-01-01', au: null, valeur, statut: 'confirme', source: { document: 'Délibération ARS Bretagne du 12/10/2026', section: '' } }] }],
});

/** Écrit une simulation msp-sip, puis change une cellule de sa feuille « Barème » (ligne de l'identifiant). */
async function classeurModifie(id: string, colonne: string, valeur: ExcelJS.CellValue): Promise<number> {
  expect((await lancer('simulate', path.join(RACINE, 'examples/msp-sip.json'), '-o', 'simulation.xlsx')).code).toBe(0);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(path.join(dossier, 'simulation.xlsx'));
  const ws = wb.getWorksheet('Barème')!;
  let ligne = 5;
  while (ws.getCell(`A${ligne}`).value !== id) ligne++;
  ws.getCell(`${colonne}${ligne}`).value = valeur;
  await wb.xlsx.writeFile(path.join(dossier, 'simulation.xlsx'));
  return ligne;
}

describe('sip calc --bareme', () => {
  test('fichier de famille : SIP.PLAFOND(12) = 25 000 + 12 × 1 000 = 37 000 ; l’écart au barème publié est dit', async () => {
    ecrire('sip.json', familleSip('25000'));
    const r = await lancer('calc', '--bareme', 'sip.json', '=SIP.PLAFOND(12)');
    expect(r).toMatchObject({ code: 0, derniere: '37000' });
    expect(r.out).toEqual(['37000']); // la sortie standard ne porte que la valeur
    expect(r.err[0]).toMatch(/^Barème : sip\.json, 1 paramètre modifié localement par rapport au barème publié /);
    expect(r.err[1]).toBe('  sip.plafond.base : valeur du 01/01/2017 : 15000 → 25000, statut hypothèse → confirmé, source : Délibération ARS Bretagne du 12/10/2026');
  });

  test('sans --bareme : le barème publié (27 000)', async () => {
    expect((await lancer('calc', '=SIP.PLAFOND(12)')).derniere).toBe('27000');
  });

  test('classeur dont la feuille « Barème » a été modifiée : sip calc --bareme classeur.xlsx "=SIP.PLAFOND(12)" = 20 000 + 12 000 = 32 000', async () => {
    const ligne = await classeurModifie('sip.plafond.base', 'C', 20000);
    const r = await lancer('calc', '--bareme', 'simulation.xlsx', '=SIP.PLAFOND(12)');
    expect(r).toMatchObject({ code: 0, derniere: '32000' });
    expect(r.err).toContain(`  sip.plafond.base (ligne ${ligne}) : valeur du 01/01/2017 : 15000 → 20000`);
  });

  test('classeur tel qu’écrit : identique au barème publié, 27 000', async () => {
    expect((await lancer('simulate', path.join(RACINE, 'examples/msp-sip.json'), '-o', 'simulation.xlsx')).code).toBe(0);
    const r = await lancer('calc', '--bareme', 'simulation.xlsx', '=SIP.PLAFOND(12)');
    expect(r).toMatchObject({ code: 0, derniere: '27000' });
    expect(r.err[0]).toMatch(/^Barème : simulation\.xlsx \(feuille « Barème »\), identique au barème publié /);
  });

  test('saisie fautive dans la feuille : #VALEUR! nommant la ligne et le paramètre, code 1 ; les autres paramètres restent lisibles', async () => {
    const ligne = await classeurModifie('sip.plafond.base', 'C', 'abc');
    const attendu = `Barème, ligne ${ligne} : sip.plafond.base : « abc » n’est pas un nombre (ex. 15000 ou 15 000,50)`;
    const r = await lancer('calc', '--bareme', 'simulation.xlsx', '=SIP.PLAFOND(12)');
    expect(r).toMatchObject({ code: 1, derniere: '#VALEUR!' });
    expect(r.err).toContain(`  ${attendu}`);
    expect(r.err).toContain(`#VALEUR! ${attendu}`);
    const autre = await lancer('calc', '--bareme', 'simulation.xlsx', '=SIP.PARAMETRE("sip.plafond.par_professionnel")');
    expect(autre).toMatchObject({ code: 0, derniere: '1000' });
  });

  test('fichier absent, classeur sans feuille « Barème », JSON sans « parametres » : refus en français, code 2', async () => {
    const absent = await lancer('calc', '--bareme', 'absent.json', '=SIP.PLAFOND(12)');
    expect(absent.code).toBe(2);
    expect(absent.err[0]).toBe('sip calc : absent.json : fichier introuvable');
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('Feuil1').getCell('A1').value = 1;
    await wb.xlsx.writeFile(path.join(dossier, 'vide.xlsx'));
    expect((await lancer('calc', '--bareme', 'vide.xlsx', '=SIP.PLAFOND(12)')).err[0]).toBe('sip calc : vide.xlsx : ce classeur n’a pas de feuille « Barème » (classeur écrit avant elle ?) ; rien à lire comme barème');
    ecrire('b.json', { version: '1' });
    expect((await lancer('calc', '--bareme', 'b.json', '=SIP.PLAFOND(12)')).err[0]).toBe('sip calc : b.json : ni un fichier de famille du barème ni un barème complet (tableau « parametres » attendu, comme dans src/rules/bareme/sip.json)');
    ecrire('c.json', '{ "parametres": [ ');
    expect((await lancer('calc', '--bareme', 'c.json', '=SIP.PLAFOND(12)')).err[0]).toMatch(/^sip calc : c\.json/);
  });
});

describe('sip simulate --bareme', () => {
  test('--json avec un fichier de famille : aide SIP = min(devis 40 000, 20 000 + 12 000) = 32 000 € (80 % + 20 %)', async () => {
    ecrire('sip.json', familleSip('20000'));
    const r = await lancer('simulate', path.join(RACINE, 'examples/msp-sip.json'), '--json', '--bareme', 'sip.json');
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out.join('\n')).totaux.ARS).toEqual({ annees: [32000, 0], total: 32000 }); // par défaut : 27 000
    expect(r.err[0]).toMatch(/^Barème : sip\.json, 1 paramètre modifié localement/);
  });

  test('classeur écrit avec un barème modifié : sa feuille « Barème » et sa provenance portent ce barème', async () => {
    ecrire('sip.json', familleSip('20000'));
    const r = await lancer('simulate', path.join(RACINE, 'examples/msp-sip.json'), '-o', 'local.xlsx', '--bareme', 'sip.json');
    expect(r.code).toBe(0);
    expect(r.out.join('\n').replace(/[\u00a0\u202f]/g, ' ')).toContain('Total Agence régionale de santé (ARS) : 32 000,00 €');
    const relu = await lancer('calc', '--bareme', 'local.xlsx', '=SIP.PLAFOND(12)');
    expect(relu.derniere).toBe('32000');
  });

  test('barème avec une saisie fautive : refusé, aucun fichier écrit, code 1', async () => {
    ecrire('sip.json', familleSip('-3'));
    const r = await lancer('simulate', path.join(RACINE, 'examples/msp-sip.json'), '-o', 'x.xlsx', '--bareme', 'sip.json');
    expect(r.code).toBe(1);
    expect(r.err[0]).toBe('sip simulate : barème de sip.json refusé ; aucun fichier écrit');
    expect(r.err).toContain('  sip.json : Paramètre « Plafond SIP : part forfaitaire » (sip.plafond.base) : valeur du 01/01/2017 : montant négatif (-3 €) ; un montant en euros est positif ou nul');
    expect(fs.readdirSync(dossier)).toEqual(['sip.json']);
  });
});

/** @jest-environment node */
// Le barème du classeur dans le runtime partagé (src/functions/bareme-classeur.ts), sur le faux Excel
// des tests : la feuille « Barème » est lue au démarrage et à son changement (événement onChanged), les
// fonctions SIP.* et l'aperçu du volet calculent avec elle, Excel recalcule ; une saisie fautive rend
// #VALEUR! avec la ligne, et le volet lit le même message ; sans feuille « Barème », le défaut.
// Valeurs à la main (exemple msp-sip : 12 professionnels, devis 40 000 €) : plafond SIP = 15 000 +
// 12 × 1 000 = 27 000 € par défaut (REGLES.md §1) ; aide ARS = min(40 000, plafond).
import { trouverFonction } from '../../src/catalogue/fonctions';
import { adapter } from '../../src/functions/adaptateur';
import { abonnerBaremeClasseur, baremeDuClasseur, demarrerBaremeClasseur, ecrireBaremeDuClasseur } from '../../src/functions/bareme-volet';
import { contexteAppel, definirBareme } from '../../src/functions/contexte';
import { BAREME_PAR_DEFAUT } from '../../src/rules/bareme/donnees';
import { apercuMontants } from '../../src/taskpane/apercu';
import { decrireFeuilleBareme } from '../../src/workbook/bareme/feuille-bareme';
import { fileEcritureDescription } from '../../src/workbook/office/ecrire.office';
import { installer, type FauxOffice } from '../browser/faux-office';
import { exemple } from '../workbook/aides';

type Gestionnaire = (args: { worksheetId?: string }) => Promise<void>;

let faux: FauxOffice;
/** Gestionnaires que le runtime a abonnés (le faux Excel n'émet pas d'événements : le test les appelle). */
let abonnes: { changement: Gestionnaire[]; ajout: Gestionnaire[] };

beforeEach(() => {
  delete (globalThis as Record<string, unknown>).__SIP_BAREME_CLASSEUR__;
  definirBareme(null);
  faux = installer(globalThis);
  abonnes = { changement: [], ajout: [] };
  // Les événements des feuilles d'Office.js (ExcelApi 1.7 et 1.9), absents du faux Excel : notés ici.
  const run = faux.Excel.run;
  faux.Excel.run = (lot: (c: Excel.RequestContext) => Promise<unknown>) =>
    run((ctx: Excel.RequestContext) => {
      Object.assign(ctx.workbook.worksheets, {
        onChanged: { add: (g: Gestionnaire) => abonnes.changement.push(g) },
        onAdded: { add: (g: Gestionnaire) => abonnes.ajout.push(g) },
      });
      return lot(ctx);
    });
});

/** SIP.PLAFOND telle qu'Excel l'appelle (adaptateur du runtime, barème de contexteAppel). */
const PLAFOND = (...a: unknown[]) => adapter(trouverFonction('PLAFOND')!, globalThis.CustomFunctions as never, () => contexteAppel())(...a);
const recalculs = () => faux.journal.operations.filter((o) => o === 'classeur!application.calculate()').length;
const msp = exemple('msp-sip');

/** La ligne de la feuille « Barème » qui porte un identifiant. */
function ligneDe(id: string): number {
  const f = faux.feuille('Barème');
  return Number(Object.entries(f.cellules).find(([a, c]) => a.startsWith('A') && c.valeur === id)![0].slice(1));
}

/** Un classeur qui a sa feuille « Barème » (écrite par le volet avec la première simulation), runtime démarré. */
async function classeurAvecBareme(): Promise<string> {
  await demarrerBaremeClasseur();
  await ecrireBaremeDuClasseur(BAREME_PAR_DEFAUT);
  return `{Barème}`; // identifiant de la feuille dans le faux Excel
}

describe('classeur sans feuille « Barème » (écrit avant elle)', () => {
  test('le démarrage lit le classeur : barème par défaut, SIP.PLAFOND(12) = 27 000, aucun recalcul', async () => {
    const e = await demarrerBaremeClasseur();
    expect(e).toMatchObject({ origine: 'defaut', lu: true, erreurs: [], modifies: [] });
    expect(e.bareme).toBe(BAREME_PAR_DEFAUT);
    expect(PLAFOND(12, null, {})).toBe(27000);
    expect(recalculs()).toBe(0);
    // Abonné une fois aux changements et aux ajouts de feuilles, même si le volet démarre aussi.
    await demarrerBaremeClasseur();
    expect([abonnes.changement.length, abonnes.ajout.length]).toEqual([1, 1]);
  });

  test('une cellule change ailleurs : rien n’est relu', async () => {
    await demarrerBaremeClasseur();
    const runs = faux.journal.runs;
    await abonnes.changement[0]({ worksheetId: '{Feuil1}' });
    expect(faux.journal.runs).toBe(runs);
  });
});

describe('classeur avec sa feuille « Barème »', () => {
  test('le volet écrit la feuille avec la première simulation, jamais une seconde fois (valeurs saisies gardées)', async () => {
    await classeurAvecBareme();
    const f = faux.feuille('Barème');
    expect(['A4', 'C4', 'E4', 'H4'].map((a) => f.contenu(a))).toEqual(['Identifiant', 'Valeur', 'Du', 'Source']);
    const l = ligneDe('sip.plafond.base');
    expect(f.cellules[`C${l}`]).toMatchObject({ valeur: 15000, format: '#,##0.00 "€"' });
    expect(f.cellules[`E${l}`]).toMatchObject({ valeur: 42736, format: 'dd/mm/yyyy' }); // 01/01/2017
    expect(f.visibilite).toBe('Visible');
    expect(baremeDuClasseur()).toMatchObject({ origine: 'feuille', erreurs: [], modifies: [] });
    expect(baremeDuClasseur().bareme.version).toBe(BAREME_PAR_DEFAUT.version);
    faux.ecrireUtilisateur('Barème', `C${ligneDe('sip.plafond.base')}`, 20000);
    expect(await ecrireBaremeDuClasseur(BAREME_PAR_DEFAUT)).toBeNull();
    expect(faux.feuille('Barème').contenu(`C${ligneDe('sip.plafond.base')}`)).toBe(20000);
  });

  test('part forfaitaire portée à 20 000 € dans la feuille : fonctions (32 000), recalcul d’Excel, aperçu du volet (ARS 32 000)', async () => {
    const id = await classeurAvecBareme();
    const notifications: number[] = [];
    abonnerBaremeClasseur(() => notifications.push(1));
    expect(apercuMontants(msp, baremeDuClasseur().bareme).totaux.ARS.total).toBe(27000);

    faux.ecrireUtilisateur('Barème', `C${ligneDe('sip.plafond.base')}`, 20000);
    await abonnes.changement[0]({ worksheetId: id });

    expect(PLAFOND(12, null, {})).toBe(32000); // 20 000 + 12 × 1 000
    expect(recalculs()).toBe(1);
    expect(notifications).toHaveLength(1);
    const e = baremeDuClasseur();
    expect(e.modifies).toEqual([{ id: 'sip.plafond.base', libelle: 'Plafond SIP : part forfaitaire', lignes: [ligneDe('sip.plafond.base')], details: ['valeur du 01/01/2017 : 15000 → 20000'] }]);
    // L'aperçu du volet, avec le barème du classeur : min(40 000, 32 000) = 32 000 €.
    expect(apercuMontants(msp, e.bareme).totaux.ARS).toEqual({ annees: [32000, 0], total: 32000 });
    // Une note modifiée ne change aucune valeur : pas de recalcul.
    faux.ecrireUtilisateur('Barème', `I${ligneDe('sip.plafond.base')}`, 'Décision du directeur général');
    await abonnes.changement[0]({ worksheetId: id });
    expect(recalculs()).toBe(1);
  });

  test('saisie fautive : #VALEUR! nommant la ligne dans la cellule et le même message dans le volet', async () => {
    const id = await classeurAvecBareme();
    const l = ligneDe('sip.plafond.base');
    faux.ecrireUtilisateur('Barème', `C${l}`, 'abc');
    await abonnes.changement[0]({ worksheetId: id });
    const attendu = `Barème, ligne ${l} : sip.plafond.base : « abc » n’est pas un nombre (ex. 15000 ou 15 000,50)`;
    expect(PLAFOND(12, null, {})).toEqual({ code: '#VALUE!', message: attendu });
    expect(baremeDuClasseur().erreurs).toEqual([attendu]);
    expect(apercuMontants(msp, baremeDuClasseur().bareme).erreur).toBe(attendu);
    expect(recalculs()).toBe(1);
    // Corrigée : les fonctions recalculent juste.
    faux.ecrireUtilisateur('Barème', `C${l}`, 15000);
    await abonnes.changement[0]({ worksheetId: id });
    expect(PLAFOND(12, null, {})).toBe(27000);
    expect(baremeDuClasseur().erreurs).toEqual([]);
    expect(recalculs()).toBe(2);
  });

  test('identifiant inconnu sur une ligne ajoutée : le volet le dit, les fonctions gardent le barème', async () => {
    const id = await classeurAvecBareme();
    const derniere = Math.max(...Object.keys(faux.feuille('Barème').cellules).map((a) => Number(a.replace(/^[A-Z]+/, ''))));
    faux.ecrireUtilisateur('Barème', `A${derniere + 1}`, 'sip.plafond.bse');
    faux.ecrireUtilisateur('Barème', `C${derniere + 1}`, 20000);
    await abonnes.changement[0]({ worksheetId: id });
    expect(baremeDuClasseur().erreurs).toEqual([`Barème, ligne ${derniere + 1} : identifiant « sip.plafond.bse » inconnu du barème (vouliez-vous dire « sip.plafond.base » ?) ; la ligne n’est pas prise en compte`]);
    expect(PLAFOND(12, null, {})).toBe(27000);
    expect(recalculs()).toBe(0);
  });

  test('feuille « Barème » ajoutée après l’ouverture (copiée d’un autre classeur) : lue à son ajout', async () => {
    await demarrerBaremeClasseur();
    const autre = { ...BAREME_PAR_DEFAUT, parametres: BAREME_PAR_DEFAUT.parametres.map((p) => (p.id === 'sip.plafond.base' ? { ...p, valeurs: [{ ...p.valeurs[0], valeur: '18000' }] } : p)) };
    await Excel.run(async (ctx) => {
      fileEcritureDescription(ctx.workbook.worksheets.add('Barème'), decrireFeuilleBareme(autre));
      await ctx.sync();
    });
    expect(PLAFOND(12, null, {})).toBe(27000);
    await abonnes.ajout[0]({});
    expect(PLAFOND(12, null, {})).toBe(30000); // 18 000 + 12 × 1 000
    expect(recalculs()).toBe(1);
  });
});

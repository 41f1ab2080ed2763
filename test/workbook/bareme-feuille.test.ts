// La feuille visible « Barème » d'un classeur de simulation : écrite par la CLI avec la simulation, relue
// à l'identique, et — recalcul sans tableur — une valeur changée dans la feuille change les résultats
// SIP.* du classeur ; une saisie fautive les rend #VALEUR! avec la ligne ; un classeur sans feuille
// « Barème » (écrit avant elle) calcule avec le barème par défaut.
// Valeurs attendues à la main (exemple msp-sip : 12 professionnels, devis de 40 000 €) : plafond SIP =
// 15 000 + 12 × 1 000 = 27 000 € (REGLES.md §1), aide = min(40 000, plafond).
import ExcelJS from 'exceljs';
import { BAREME_PAR_DEFAUT } from '../../src/rules/bareme/donnees';
import { lireBaremeXlsx } from '../../src/workbook/bareme/exceljs';
import { COLONNES_BAREME, decrireFeuilleBareme, NOM_FEUILLE_BAREME } from '../../src/workbook/bareme/feuille-bareme';
import { baremeDepuisCellules, lignesDepuisCellules } from '../../src/workbook/bareme/lecture-feuille';
import type { Bareme } from '../../src/rules/bareme/types';
import { genererSimulation, type SimulationGeneree } from '../../src/workbook/exceljs/simulation';
import { lireClasseur } from '../../src/workbook/exceljs/lire';
import { calculerFeuille } from '../../src/workbook/exceljs/valeurs';
import type { CelluleLue } from '../../src/workbook/verification';
import { DATE_GENERATION, exemple, retoucher } from './aides';

const description = decrireFeuilleBareme(BAREME_PAR_DEFAUT, { dateGeneration: '2026-11-23' });
const cellule = (a: string) => description.cellules.find((c) => c.adresse === a);
/** La ligne de la feuille qui porte la première valeur d'un identifiant. */
const ligneDe = (id: string, d = description) => Number(d.cellules.find((c) => c.adresse.startsWith('A') && c.valeur === id)!.adresse.slice(1));
const lues = (d = description): CelluleLue[] => d.cellules.map((c) => ({ adresse: c.adresse, valeur: (c.valeur ?? null) as CelluleLue['valeur'] }));

describe('la feuille « Barème » décrite', () => {
  test('titres des colonnes en ligne 4, une ligne par valeur datée de chaque paramètre (76 valeurs)', () => {
    expect(description.nom).toBe('Barème');
    expect(['A', 'B', 'C', 'D', 'E', 'F', 'G', 'H', 'I'].map((c) => cellule(`${c}4`)?.valeur)).toEqual([...COLONNES_BAREME]);
    expect(COLONNES_BAREME.slice(0, 8)).toEqual(['Identifiant', 'Libellé', 'Valeur', 'Unité', 'Du', 'Au', 'Statut', 'Source']);
    expect(description.plage).toBe('A1:I80'); // 4 lignes d'en-tête + 76 valeurs datées
  });

  test('part forfaitaire du plafond SIP : 15 000 € au format euros, du 01/01/2017 (date Excel 42736), hypothèse, source lisible', () => {
    const l = ligneDe('sip.plafond.base');
    expect(cellule(`C${l}`)).toMatchObject({ valeur: 15000, format: 'euros' });
    expect(cellule(`E${l}`)).toMatchObject({ valeur: 42736, format: 'date' });
    expect(cellule(`F${l}`)).toMatchObject({ valeur: null, format: 'date' }); // « Au » vide, prêt à recevoir une date
    expect(cellule(`G${l}`)?.valeur).toBe('hypothèse');
    expect(cellule(`H${l}`)?.valeur).toBe('Journées nationales FFMPS 2018 (compte rendu), FFMPS, Dispositif de l’ARS Pays de la Loire : 15 000 € pour l’acquisition d’un SI');
  });

  test('taux en pourcentage, oui/non en toutes lettres, « aucun » plafond, montant non publié vide et signalé', () => {
    expect(cellule(`C${ligneDe('sip.versement.part_convention')}`)).toMatchObject({ valeur: 0.8, format: 'pourcentage' });
    expect(cellule(`C${ligneDe('cai.signature_ouverte')}`)?.valeur).toBe('oui');
    expect(cellule(`C${ligneDe('sip.plafond.maximum')}`)?.valeur).toBe('aucun');
    const l = ligneDe('cds.aide_automatique.medical.zip');
    expect(cellule(`C${l}`)).toMatchObject({ valeur: null, style: 'alerte' });
    expect(String(cellule(`I${l}`)?.valeur)).toMatch(/^Montant non publié : saisissez ici la valeur publiée, sa date « Du » et sa source\./);
    expect(cellule(`G${l}`)?.valeur).toBe('à confirmer');
  });

  test('impression : A4 paysage, une page de large, ligne de titres répétée ; source renvoyée à la ligne', () => {
    expect(description.miseEnPage).toMatchObject({ orientation: 'paysage', lignesTitres: '4:4', pagesEnLargeur: 1 });
    expect(cellule(`H${ligneDe('sip.plafond.base')}`)?.renvoi).toBe(true);
    expect(description.colonnes.find((c) => c.lettre === 'H')!.largeur).toBeGreaterThanOrEqual(40);
  });

  test('relue telle qu’écrite : le barème par défaut, à l’identique (même version, aucun écart, aucune erreur)', () => {
    const r = baremeDepuisCellules(lues(), BAREME_PAR_DEFAUT);
    expect(r.erreurs).toEqual([]);
    expect(r.modifies).toEqual([]);
    expect(r.absents).toEqual([]);
    expect(r.bareme.version).toBe(BAREME_PAR_DEFAUT.version);
    expect(r.bareme.parametres.every((p, k) => p === BAREME_PAR_DEFAUT.parametres[k])).toBe(true);
  });

  test('colonnes déplacées et lignes insérées au-dessus : la ligne de titres est retrouvée par ses titres', () => {
    const decalees = lues().map((c) => {
      const m = /^([A-Z]+)(\d+)$/.exec(c.adresse)!;
      const col = m[1] === 'C' ? 'J' : m[1]; // « Valeur » déplacée en colonne J
      return { ...c, adresse: `${col}${Number(m[2]) + 2}` };
    });
    const r = lignesDepuisCellules(decalees);
    expect(r.erreurs).toEqual([]);
    expect(r.lignes[0]).toMatchObject({ ligne: 7, identifiant: 'sip.plafond.base', valeur: 15000 });
  });

  test('ligne de titres effacée : tous les paramètres invalides (jamais le barème par défaut en silence)', () => {
    const r = baremeDepuisCellules(lues().filter((c) => !c.adresse.endsWith('4') || c.adresse.length > 2), BAREME_PAR_DEFAUT);
    expect(r.erreurs).toHaveLength(1);
    expect(r.erreurs[0]).toMatch(/^Barème : ligne de titres introuvable \(« Identifiant », « Libellé », « Valeur »/);
    expect(r.bareme.parametres.every((p) => p.invalide?.message === r.erreurs[0])).toBe(true);
  });

  test('colonne « Source » retirée : refus qui nomme la colonne', () => {
    const r = baremeDepuisCellules(lues().filter((c) => !c.adresse.startsWith('H')), BAREME_PAR_DEFAUT);
    expect(r.erreurs).toEqual(['Barème, ligne 4 : colonne « Source » introuvable dans la ligne de titres (attendu : « Identifiant », « Libellé », « Valeur », « Unité », « Du », « Au », « Statut », « Source », « Note »)']);
  });
});

describe('classeur écrit par sip simulate, retouché, relu et recalculé sans tableur', () => {
  let msp: SimulationGeneree;
  beforeAll(async () => {
    msp = await genererSimulation(exemple('msp-sip'), BAREME_PAR_DEFAUT, { dateGeneration: DATE_GENERATION });
  });

  /** Adresse de la formule SIP.AIDE de la feuille de simulation. */
  const celluleAide = () => msp.description.cellules.find((c) => c.formule?.startsWith('=SIP.AIDE('))!.adresse;

  /** Relit le classeur (simulation + feuille « Barème ») et recalcule la simulation avec le barème de la feuille. */
  async function recalculer(fichier: Buffer): Promise<{ bareme: Bareme; erreurs: string[]; valeur: unknown }> {
    const lu = await lireClasseur(fichier);
    const s = lu.simulations[0];
    const b = await lireBaremeXlsx(fichier, BAREME_PAR_DEFAUT);
    const bareme = b ? b.bareme : BAREME_PAR_DEFAUT;
    const calc = calculerFeuille(s.cellules.map((c) => (c.formule ? { adresse: c.adresse, formule: c.formule } : { adresse: c.adresse, valeur: typeof c.valeur === 'object' ? null : c.valeur })), bareme, s.provenance.scenario.simulation.debut);
    return { bareme, erreurs: b?.erreurs ?? [], valeur: calc.get(celluleAide()) };
  }

  /** Change la cellule « Valeur » de la ligne d'un identifiant dans la feuille « Barème » du fichier. */
  const changer = (id: string, colonne: string, valeur: ExcelJS.CellValue) =>
    retoucher(msp.fichier, (wb) => {
      const ws = wb.getWorksheet(NOM_FEUILLE_BAREME)!;
      ws.getCell(`${colonne}${ligneDe(id, msp.feuilleBareme)}`).value = valeur;
    });

  test('le fichier a la feuille visible « Barème » entre la simulation et la provenance masquée ; dates lues en dates', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(msp.fichier as unknown as ArrayBuffer);
    expect(wb.worksheets.map((w) => [w.name, w.state])).toEqual([['Simulation', 'visible'], ['Barème', 'visible'], ['_sip_provenance', 'hidden']]);
    const ws = wb.getWorksheet('Barème')!;
    const l = ligneDe('sip.plafond.base', msp.feuilleBareme);
    expect(ws.getCell(`E${l}`).numFmt).toBe('dd/mm/yyyy');
    expect(ws.getCell(`C${l}`).numFmt).toBe('#,##0.00 "€"');
  });

  test('sans retouche : barème par défaut relu, aide SIP = min(40 000, 27 000) = 27 000 €', async () => {
    expect(msp.valeurs.get(celluleAide())).toBe(27000);
    const r = await recalculer(msp.fichier);
    expect(r.erreurs).toEqual([]);
    expect(r.bareme.version).toBe(BAREME_PAR_DEFAUT.version);
    expect(r.valeur).toBe(27000);
  });

  test('part forfaitaire portée à 20 000 € dans la feuille : aide = min(40 000, 20 000 + 12 × 1 000) = 32 000 €', async () => {
    const r = await recalculer(await changer('sip.plafond.base', 'C', 20000));
    expect(r.erreurs).toEqual([]);
    expect(r.valeur).toBe(32000);
  });

  test('saisie fautive « abc » : la formule SIP.AIDE rend #VALUE! avec la ligne de la feuille et la raison', async () => {
    const l = ligneDe('sip.plafond.base', msp.feuilleBareme);
    const r = await recalculer(await changer('sip.plafond.base', 'C', 'abc'));
    const attendu = `Barème, ligne ${l} : sip.plafond.base : « abc » n’est pas un nombre (ex. 15000 ou 15 000,50)`;
    expect(r.erreurs).toEqual([attendu]);
    expect(r.valeur).toEqual({ erreur: '#VALUE!', message: attendu });
  });

  test('classeur d’avant la feuille « Barème » (feuille absente) : barème par défaut, 27 000 €', async () => {
    const sans = await retoucher(msp.fichier, (wb) => wb.removeWorksheet(wb.getWorksheet(NOM_FEUILLE_BAREME)!.id));
    expect(await lireBaremeXlsx(sans, BAREME_PAR_DEFAUT)).toBeNull();
    const r = await recalculer(sans);
    expect(r.valeur).toBe(27000);
  });
});

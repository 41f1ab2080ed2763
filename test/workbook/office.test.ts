// L'écrivain Office.js contre le faux hôte Office des tests (test/browser/faux-office.js, le même
// que pour le volet et les fonctions) : formules exactes, formats, styles, noms, provenance masquée,
// nombre de `sync`, et respect des feuilles existantes.
import { BAREME_PAR_DEFAUT } from '../../src/rules/bareme/donnees';
import { decrireSimulation } from '../../src/workbook/simulation';
import { creerProvenance } from '../../src/workbook/provenance';
import { ecrireOffice, ErreurFeuilleExistante, lireScenarioOffice, lireSimulationOffice, matrices, nomLibre } from '../../src/workbook/office/ecrire.office';
import { verifierClasseur } from '../../src/workbook/verification';
import { VERSION_COMPLEMENT } from '../../src/workbook/version';
import { DATE_GENERATION, exemple, ligneDuLibelle } from './aides';
import { creerFauxOffice, type FauxOffice } from '../browser/faux-office';

const scenario = exemple('centre-de-sante');
const description = decrireSimulation(scenario, BAREME_PAR_DEFAUT, { dateGeneration: '2026-11-23', versionComplement: VERSION_COMPLEMENT });
const ligne = (debut: string) => ligneDuLibelle(description.cellules, debut);
const ETP = ligne('Total ETP');
const DEBUT = ligne('Début de la simulation');
const MEDECIN3 = ligne('Médecin 3');
const provenance = creerProvenance(scenario, BAREME_PAR_DEFAUT, description, { versionComplement: VERSION_COMPLEMENT, dateGeneration: DATE_GENERATION });
const ctx = () => creerFauxOffice();
const ecrire = (c: FauxOffice, d = description, p = provenance, o = {}) => c.Excel.run((context: Excel.RequestContext) => ecrireOffice(context, d, p, o));
/** Cellules écrites (formule ou valeur non vide). */
const ecrites = (c: FauxOffice, nom: string) => Object.values(c.feuille(nom).cellules).filter((x) => x.formule !== null || x.valeur !== '');

describe('ecrireOffice : nouvelle feuille', () => {
  test('formules exactes (forme affichée SIP.*), formats français, en 2 sync', async () => {
    const c = ctx();
    const r = await ecrire(c);
    expect(r).toEqual({ feuille: 'Simulation', feuilleProvenance: '_sip_provenance', mode: 'creation' });
    expect(c.journal.syncs).toBe(2);
    expect(c.journal.runs).toBe(1);
    const f = c.feuille('Simulation');
    const l = ligne('CAI — 2e versement');
    expect(f.contenu(`I${l}`)).toBe(`=SIP.CAI($B$${ETP},2,$B$${ligne('CAI')})`);
    expect(f.cellules[`I${l}`]?.format).toBe('#,##0.00 "€"');
    expect(f.contenu(`B${ETP}`)).toBe(`=SUM(B${MEDECIN3 - 2}:B${MEDECIN3})`);
    expect(f.contenu(`B${DEBUT}`)).toBe(46023);
    expect(f.cellules[`B${DEBUT}`]?.format).toBe('dd/mm/yyyy');
    const m1 = ligne('Mois du contrat') + 1;
    expect(f.contenu(`D${m1}`)).toBe(`=SIP.SEUIL400(A${m1},$B$${MEDECIN3},B${m1})`);
    const conge = ligne('Congé maternité / paternité de') + 1;
    expect(f.contenu(`I${ligne('Congé 400 postes — Médecin 3 (400 postes, 60 %), congé')}`)).toBe(`=SIP.MATERNITE400($D$${conge},$E$${conge},$F$${conge},$B$${conge})`);
    // Toutes les cellules de la description, et rien d'autre.
    for (const cel of description.cellules) expect(f.contenu(cel.adresse)).toBe(cel.formule ?? cel.valeur ?? '');
    expect(ecrites(c, 'Simulation').length).toBe(description.cellules.filter((x) => x.formule || (x.valeur ?? '') !== '').length);
  });

  test('écriture par plages : une affectation de formules et une de formats, formats posés avant les valeurs (texte « @ »)', async () => {
    const c = ctx();
    await ecrire(c);
    const plage = `Simulation!${description.plage}`;
    const ops = c.journal.operations;
    expect(ops.filter((j) => j.startsWith('Simulation!') && j.endsWith('.formulas'))).toEqual([`${plage}.formulas`]);
    expect(ops.indexOf(`${plage}.numberFormat`)).toBeGreaterThanOrEqual(0);
    expect(ops.indexOf(`${plage}.numberFormat`)).toBeLessThan(ops.indexOf(`${plage}.formulas`));
    const f = c.feuille('Simulation');
    const note = description.cellules.find((x) => x.valeur === '(1)')!;
    expect(f.cellules[note.adresse]?.format).toBe('@'); // « (1) » resterait sinon -1
    expect(f.cellules[`B${ligne('FINESS')}`]?.format).toBe('@'); // FINESS
  });

  test('styles, fusions, largeurs, noms ; provenance sur une feuille masquée', async () => {
    const c = ctx();
    await ecrire(c);
    const f = c.feuille('Simulation');
    expect(f.style('A1')).toMatchObject({ 'format.font.bold': true, 'format.font.size': 14 });
    expect(f.style(`B${DEBUT}`)).toMatchObject({ 'format.fill.color': '#FFF2CC' });
    const cst = ligne('CST');
    expect(f.style(`B${cst}`)).toMatchObject({ 'format.font.bold': true, 'format.font.color': '#C00000' });
    expect(f.fusions).toEqual(description.fusions);
    expect(f.mise('A:A', 'format.columnWidth')).toBe(Math.round(description.colonnes[0].largeur * 5.6 + 5));
    const nom = (n: string) => f.noms.find((x) => x.name === n)?.adresse;
    expect(nom('sim_debut')).toBe(`B${DEBUT}`);
    expect(nom('sim_etp')).toBe(`B${ETP}`);
    expect(nom('TOTAL_ARS')).toBe(description.cellules.find((x) => x.nom === 'TOTAL_ARS')!.adresse);
    const p = c.feuille('_sip_provenance');
    expect(p.visibilite).toBe('Hidden');
    expect(p.contenu('B5')).toBe(provenance.empreinte);
    expect(c.active()).toBe('Simulation');
  });

  test('compléments (graphiques du plan…) écrits dans le même lot, sans sync supplémentaire', async () => {
    const c = ctx();
    const vus: string[] = [];
    await ecrire(c, description, provenance, { complements: [(f: Excel.Worksheet, d: { nom: string }) => { vus.push(d.nom); f.getRange('A1').format.font.bold = true; }] });
    expect(vus).toEqual(['Simulation']);
    expect(c.journal.syncs).toBe(2);
    expect(c.feuille('Simulation').style('A1')).toMatchObject({ 'format.font.bold': true });
  });

  test('feuille existante du même nom : refus sans confirmation, aucune écriture', async () => {
    const c = ctx();
    c.ajouterFeuille('Simulation'); // créée et remplie par l'utilisateur
    c.ecrireUtilisateur('Simulation', 'A1', 'mes données');
    await expect(ecrire(c)).rejects.toBeInstanceOf(ErreurFeuilleExistante);
    expect(c.journal.operations).toEqual([]);
    expect(c.feuille('Simulation').contenu('A1')).toBe('mes données');
    expect(nomLibre('Simulation', ['Simulation', 'Simulation (2)'])).toBe('Simulation (3)');
    // Une feuille qui n'est pas une simulation n'est jamais « mise à jour ».
    await expect(ecrire(c, description, provenance, { miseAJour: true })).rejects.toThrow(/pas une simulation/);
    expect(c.journal.operations).toEqual([]);
    expect(c.feuille('Simulation').contenu('A1')).toBe('mes données');
    // Avec confirmation explicite : remplacée.
    const r = await ecrire(c, description, provenance, { remplacerFeuilleExistante: true });
    expect(r.mode).toBe('remplacement');
    expect(c.journal.operations.slice(0, 2)).toEqual(['suppression Simulation', 'ajout Simulation']);
    expect(c.feuille('Simulation').contenu('A1')).toBe(description.cellules[0].valeur);
  });

  test('mise à jour en place : seule la plage générée est réécrite, les cellules de l’utilisateur hors d’elle survivent (3 sync)', async () => {
    const c = ctx();
    await ecrire(c);
    // Deux cellules de l'utilisateur hors de la plage générée : à droite et en dessous.
    const [, colonneFin, ligneFin] = /^A1:([A-Z]+)(\d+)$/.exec(description.plage)!;
    expect(colonneFin.length < 2 || colonneFin < 'AZ').toBe(true);
    const sous = `A${Number(ligneFin) + 10}`;
    c.ecrireUtilisateur('Simulation', 'AZ3', 'ma note');
    c.ecrireUtilisateur('Simulation', sous, `=B${ETP}*2`);
    c.journal.operations.length = 0;
    // L'utilisateur passe le 3e médecin à 80 % dans le formulaire, puis ré-applique.
    const s2 = structuredClone(scenario);
    s2.medecins[2].quotite = 0.8;
    const d2 = decrireSimulation(s2, BAREME_PAR_DEFAUT);
    const p2 = creerProvenance(s2, BAREME_PAR_DEFAUT, d2, { versionComplement: VERSION_COMPLEMENT, dateGeneration: DATE_GENERATION });
    const avant = c.journal.syncs;
    const r = await ecrire(c, d2, p2, { miseAJour: true });
    expect(r.mode).toBe('mise_a_jour');
    expect(c.journal.syncs - avant).toBe(3);
    // La même feuille, réécrite en place : jamais supprimée ni recréée.
    expect(c.journal.operations.filter((o) => /^(suppression|ajout) Simulation$/.test(o))).toEqual([]);
    const g = c.feuille('Simulation');
    expect(g.contenu('AZ3')).toBe('ma note');
    // Graphiques du plan : ceux du complément sont supprimés puis recréés (jamais empilés).
    expect(g.graphiques.map((x) => x.nom)).toEqual(['SIP_Plan_1', 'SIP_Plan_2']);
    expect(c.journal.operations).toContain('Simulation!graphique SIP_Plan_1.delete');
    expect(g.contenu(sous)).toBe(`=B${ETP}*2`);
    expect(g.contenu(`B${MEDECIN3}`)).toBe(0.8);
    expect(c.journal.operations).toContain(`Simulation!${description.plage}.clear`);
    expect(c.feuille('_sip_provenance').contenu('B5')).toBe(p2.empreinte);
    expect(c.etat().filter((x) => x.nom === '_sip_provenance')).toHaveLength(1);
  });
});

describe('relecture depuis Office', () => {
  test('lireScenarioOffice recharge le scénario de la feuille active ; null hors simulation', async () => {
    const c = ctx();
    await ecrire(c);
    expect(await c.Excel.run((context: Excel.RequestContext) => lireScenarioOffice(context))).toEqual(scenario);
    c.ajouterFeuille('Notes');
    await c.Excel.run(async (context: Excel.RequestContext) => context.workbook.worksheets.getItem('Notes').activate());
    expect(await c.Excel.run((context: Excel.RequestContext) => lireScenarioOffice(context))).toBeNull();
  });

  test('lireSimulationOffice + verifierClasseur : formules conformes, formule retouchée signalée', async () => {
    const c = ctx();
    await ecrire(c);
    const l = ligne('CAI — 2e versement');
    c.ecrireUtilisateur('Simulation', `I${l}`, `=SIP.CAI($B$${ETP},1,$B$${ligne('CAI')})`);
    const s = await c.Excel.run((context: Excel.RequestContext) => lireSimulationOffice(context, 'Simulation'));
    // Recalcul non fourni : on ne compare que les formules (Excel recalcule lui-même).
    const r = verifierClasseur(s!.cellules, s!.provenance, BAREME_PAR_DEFAUT, { recalculer: () => new Map() });
    expect(r.cellules.filter((x) => x.constats[0] !== 'conforme').map((x) => [x.adresse, x.constats])).toEqual([[`I${l}`, ['formule_modifiee']]]);
    expect(r.empreinte.conforme).toBe(true);
  });
});

test('matrices : dimensions de la plage générée', () => {
  const { formules, formats } = matrices(description);
  expect(formules.length).toBe(Number(description.plage.split(':')[1].replace(/[A-Z]+/, '')));
  expect(formats[0].length).toBe(formules[0].length);
});

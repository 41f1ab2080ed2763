// L'écrivain Office.js contre une maquette d'Excel.RequestContext : formules exactes, formats,
// styles, noms, provenance masquée, nombre de `sync`, et respect des feuilles existantes.
import { BAREME_PAR_DEFAUT } from '../../src/rules/bareme/donnees';
import { decrireSimulation } from '../../src/workbook/layout';
import { creerProvenance } from '../../src/workbook/provenance';
import { ecrireOffice, ErreurFeuilleExistante, lireScenarioOffice, lireSimulationOffice, matrices, nomLibre } from '../../src/workbook/office/ecrire.office';
import { verifierClasseur } from '../../src/workbook/verification';
import { VERSION_COMPLEMENT } from '../../src/workbook/version';
import { DATE_GENERATION, exemple, ligneDuLibelle } from './aides';
import { ContexteMock } from './office-mock';

const scenario = exemple('centre-de-sante');
const description = decrireSimulation(scenario, BAREME_PAR_DEFAUT, { dateGeneration: '2026-11-23' });
const provenance = creerProvenance(scenario, BAREME_PAR_DEFAUT, description, { versionComplement: VERSION_COMPLEMENT, dateGeneration: DATE_GENERATION });
const ctx = () => new ContexteMock();
const ecrire = (c: ContexteMock, d = description, p = provenance, o = {}) => ecrireOffice(c as unknown as Excel.RequestContext, d, p, o);

describe('ecrireOffice : nouvelle feuille', () => {
  test('formules exactes (forme affichée SIP.*), formats français, en 2 sync', async () => {
    const c = ctx();
    const r = await ecrire(c);
    expect(r).toEqual({ feuille: 'Simulation', feuilleProvenance: '_sip_provenance', mode: 'creation' });
    expect(c.syncs).toBe(2);
    const f = c.feuille('Simulation');
    const l = ligneDuLibelle(description.cellules, 'CAI — 1er versement');
    expect(f.v(`B${l}`)).toBe('=SIP.CAI($B$20,1,$B$13)');
    expect(f.cellules.get(`B${l}`)?.format).toBe('#,##0.00 "€"');
    expect(f.v('B20')).toBe('=SUM(B17:B19)');
    expect(f.v('B13')).toBe(46023);
    expect(f.cellules.get('B13')?.format).toBe('dd/mm/yyyy');
    const m1 = ligneDuLibelle(description.cellules, 'Mois du contrat') + 1;
    expect(f.v(`C${m1}`)).toBe(`=SIP.SEUIL400(A${m1},$B$19,B${m1})`);
    expect(f.v(`H${m1}`)).toBe(`=SIP.GARANTIE400(E${m1},F${m1},$B$19,B${m1})`);
    expect(f.v(`I${m1 + 6}`)).toBe('=SIP.MATERNITE400($H$23,$I$23,$F$23)');
    // Toutes les cellules de la description, et rien d'autre.
    for (const cel of description.cellules) expect(f.v(cel.adresse)).toBe(cel.formule ?? cel.valeur);
    expect([...f.cellules.entries()].filter(([, x]) => x.formule !== '').length).toBe(description.cellules.length);
  });

  test('écriture par plages : une affectation de formules et une de formats, formats posés avant les valeurs (texte « @ »)', async () => {
    const c = ctx();
    await ecrire(c);
    const plage = `Simulation!${description.plage}`;
    expect(c.journal.filter((j) => j.startsWith('Simulation!') && j.endsWith('.formulas'))).toEqual([`${plage}.formulas`]);
    expect(c.journal.indexOf(`${plage}.numberFormat`)).toBeLessThan(c.journal.indexOf(`${plage}.formulas`));
    const f = c.feuille('Simulation');
    const note = description.cellules.find((x) => x.valeur === '(1)')!;
    expect(f.cellules.get(note.adresse)?.format).toBe('@'); // « (1) » resterait sinon -1
    expect(f.cellules.get('B7')?.format).toBe('@'); // FINESS
  });

  test('styles, fusions, largeurs, noms ; provenance sur une feuille masquée', async () => {
    const c = ctx();
    await ecrire(c);
    const f = c.feuille('Simulation');
    expect(f.cellules.get('A1')?.style).toMatchObject({ bold: true, size: 14 });
    expect(f.cellules.get('B13')?.style).toMatchObject({ fill: '#FFF2CC' });
    const cst = ligneDuLibelle(description.cellules, 'CST');
    expect(f.cellules.get(`B${cst}`)?.style).toMatchObject({ bold: true, color: '#C00000' });
    expect(f.fusions).toEqual(description.fusions);
    expect(f.largeurs.get('A:A')).toBe(Math.round(46 * 5.6 + 5));
    expect(f.names.noms.get('sim_debut')).toBe('B13');
    expect(f.names.noms.get('sim_etp')).toBe('B20');
    const p = c.feuille('_sip_provenance');
    expect(p.visibility).toBe('Hidden');
    expect(p.v('B5')).toBe(provenance.empreinte);
    expect(c.classeur.active).toBe(f);
  });

  test('compléments (graphiques du plan…) écrits dans le même lot, sans sync supplémentaire', async () => {
    const c = ctx();
    const vus: string[] = [];
    await ecrire(c, description, provenance, { complements: [(f: Excel.Worksheet, d: { nom: string }) => { vus.push(d.nom); f.getRange('A1').format.font.bold = true; }] });
    expect(vus).toEqual(['Simulation']);
    expect(c.syncs).toBe(2);
  });

  test('feuille existante du même nom : refus sans confirmation, aucune écriture', async () => {
    const c = ctx();
    const existante = c.workbook.worksheets.add('Simulation');
    existante.getRange('A1').formulas = [['mes données']];
    c.journal.length = 0;
    await expect(ecrire(c)).rejects.toBeInstanceOf(ErreurFeuilleExistante);
    expect(c.journal).toEqual([]);
    expect(existante.v('A1')).toBe('mes données');
    expect(nomLibre('Simulation', ['Simulation', 'Simulation (2)'])).toBe('Simulation (3)');
    // Une feuille qui n'est pas une simulation n'est jamais « mise à jour ».
    await expect(ecrire(c, description, provenance, { miseAJour: true })).rejects.toThrow(/pas une simulation/);
    expect(existante.v('A1')).toBe('mes données');
    // Avec confirmation explicite : remplacée.
    const r = await ecrire(c, description, provenance, { remplacerFeuilleExistante: true });
    expect(r.mode).toBe('remplacement');
    expect(c.feuille('Simulation').v('A1')).toBe(description.cellules[0].valeur);
  });

  test('mise à jour en place : seule la plage générée est réécrite, les cellules de l’utilisateur hors d’elle survivent (3 sync)', async () => {
    const c = ctx();
    await ecrire(c);
    const f = c.feuille('Simulation');
    // Deux cellules de l'utilisateur hors de la plage générée : à droite et en dessous.
    const [, colonneFin, ligneFin] = /^A1:([A-Z]+)(\d+)$/.exec(description.plage)!;
    expect(colonneFin.length < 2 || colonneFin < 'AZ').toBe(true);
    const sous = `A${Number(ligneFin) + 10}`;
    f.getRange('AZ3').formulas = [['ma note']];
    f.getRange(sous).formulas = [['=B20*2']];
    // L'utilisateur passe le 3e médecin à 80 % dans le formulaire, puis ré-applique.
    const s2 = structuredClone(scenario);
    s2.medecins[2].quotite = 0.8;
    const d2 = decrireSimulation(s2, BAREME_PAR_DEFAUT);
    const p2 = creerProvenance(s2, BAREME_PAR_DEFAUT, d2, { versionComplement: VERSION_COMPLEMENT, dateGeneration: DATE_GENERATION });
    const avant = c.syncs;
    const r = await ecrire(c, d2, p2, { miseAJour: true });
    expect(r.mode).toBe('mise_a_jour');
    expect(c.syncs - avant).toBe(3);
    const g = c.feuille('Simulation');
    expect(g).toBe(f);
    expect(g.v('AZ3')).toBe('ma note');
    // Graphiques du plan : ceux du complément sont supprimés puis recréés (jamais empilés).
    expect(g.charts.liste.map((x) => x.name)).toEqual(['SIP_Plan_1', 'SIP_Plan_2']);
    expect(c.journal).toContain('Simulation!graphique SIP_Plan_1.delete');
    expect(g.v(sous)).toBe('=B20*2');
    expect(g.v('B19')).toBe(0.8);
    expect(c.journal).toContain(`Simulation!${description.plage}.clear`);
    expect(c.feuille('_sip_provenance').v('B5')).toBe(p2.empreinte);
    expect(c.classeur.feuilles.filter((x) => x.nom === '_sip_provenance')).toHaveLength(1);
  });
});

describe('relecture depuis Office', () => {
  test('lireScenarioOffice recharge le scénario de la feuille active ; null hors simulation', async () => {
    const c = ctx();
    await ecrire(c);
    expect(await lireScenarioOffice(c as unknown as Excel.RequestContext)).toEqual(scenario);
    const autre = c.workbook.worksheets.add('Notes');
    autre.activate();
    expect(await lireScenarioOffice(c as unknown as Excel.RequestContext)).toBeNull();
  });

  test('lireSimulationOffice + verifierClasseur : formules conformes, formule retouchée signalée', async () => {
    const c = ctx();
    await ecrire(c);
    const l = ligneDuLibelle(description.cellules, 'COSCO');
    c.feuille('Simulation').getRange(`C${l}`).formulas = [['=SIP.COSCO($B$20,2,C$50)']];
    const s = await lireSimulationOffice(c as unknown as Excel.RequestContext, 'Simulation');
    // Recalcul non fourni : on ne compare que les formules (Excel recalcule lui-même).
    const r = verifierClasseur(s!.cellules, s!.provenance, BAREME_PAR_DEFAUT, { recalculer: () => new Map() });
    expect(r.cellules.filter((x) => x.constats[0] !== 'conforme').map((x) => [x.adresse, x.constats])).toEqual([[`C${l}`, ['formule_modifiee']]]);
    expect(r.empreinte.conforme).toBe(true);
  });
});

test('matrices : dimensions de la plage générée', () => {
  const { formules, formats } = matrices(description);
  expect(formules.length).toBe(Number(description.plage.split(':')[1].replace(/[A-Z]+/, '')));
  expect(formats[0].length).toBe(formules[0].length);
});

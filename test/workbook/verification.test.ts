// sip verify contrôle tout ce qu'un lecteur lit (issue 14, point 1) : chaque retouche forgée comme le
// ferait un adversaire (XML du classeur édité puis rezippé, valeurs en cache recalculées pour que les
// sommes concordent) est rapportée, à sa cellule, comme altération ; une donnée d'entrée ou le barème
// de la feuille « Barème » modifiés sont rapportés à part.
import { BAREME_PAR_DEFAUT } from '../../src/rules/bareme/donnees';
import { lireClasseur, recalculerAvecMoteur } from '../../src/workbook/exceljs/lire';
import { genererSimulation, type SimulationGeneree } from '../../src/workbook/exceljs/simulation';
import { empreinteContenu, lireProvenance } from '../../src/workbook/provenance';
import { feuilleAttendue, verifierClasseur } from '../../src/workbook/verification';
import { DATE_GENERATION, exemple, recalculerCommeExcel, retoucher } from './aides';
import { ajouterFeuille, cheminFeuille, ecrire, forger, formatDeCellule, modifierCellule, nombre, parties, texte, texteEnLigne, type Parties } from './forge-xlsx';

let g: SimulationGeneree;
beforeAll(async () => {
  g = await genererSimulation(exemple('centre-de-sante'), BAREME_PAR_DEFAUT, { dateGeneration: DATE_GENERATION });
});

async function verifier(fichier: Buffer) {
  const lu = await lireClasseur(fichier);
  expect(lu.erreurs).toEqual([]);
  const s = lu.simulations[0];
  return verifierClasseur(s.cellules, s.provenance, BAREME_PAR_DEFAUT, { recalculer: recalculerAvecMoteur, autresFeuilles: lu.autres });
}
type Rapport = Awaited<ReturnType<typeof verifier>>;
const ecarts = (r: Rapport) => r.cellules.filter((c) => c.constats[0] !== 'conforme').map((c) => [c.adresse, c.constats.join('+')]);

const cellule = (libelle: RegExp, col = 'A') => g.description.cellules.find((c) => c.adresse.startsWith(col) && /^[A-Z]+\d+$/.test(c.adresse) && typeof c.valeur === 'string' && libelle.test(c.valeur) && c.adresse.replace(/\d+/, '') === col)!;
const ligneDe = (libelle: RegExp) => Number(cellule(libelle).adresse.slice(1));
const valeur = (a: string) => g.valeurs.get(a) ?? g.description.cellules.find((c) => c.adresse === a)?.valeur;

/** Comme un adversaire soigneux : après la retouche, les valeurs en cache sont recalculées (les sommes concordent). */
const recalcule = (f: Buffer) => retoucher(f, recalculerCommeExcel);

test('le classeur généré : tout concorde, la feuille « Barème » est attendue, rien hors de la zone', async () => {
  const r = await verifier(g.fichier);
  expect(ecarts(r)).toEqual([]);
  expect(r).toMatchObject({ ok: true, feuillesAjoutees: [], references: [], empreinte: { conforme: true, version: 2 }, baremeLocal: { feuille: 'Barème', modifies: [], erreurs: [] } });
  expect(r.resume.constantesVerifiees).toBeGreaterThan(500);
  expect(r.resume.alterations).toBe(0);
});

test('constante qui alimente des formules (indemnités journalières du congé dans le plan) : 2 400 → 52 400, sommes recalculées → signalée', async () => {
  const l = ligneDe(/^Indemnités journalières \(subrogation\)/);
  const ij = g.description.cellules.find((c) => ligneDe(/^Indemnités journalières/) === Number(c.adresse.replace(/[A-Z]+/, '')) && typeof c.valeur === 'number')!;
  // 9 600 € d'IJ sur les 4 mois du congé de Médecin 3 (examples/centre-de-sante.json) : 2 400 € par mois.
  expect(ij.valeur).toBe(2400);
  const col = ij.adresse.replace(/\d+/, '');
  const total = `${col}${ligneDe(/^Total des recettes d’activité/)}`;
  const f = await recalcule(forger(g.fichier, (p) => modifierCellule(p, 'Simulation', ij.adresse, nombre(ij.adresse, 52400))));
  const r = await verifier(f);
  expect(ecarts(r)).toEqual([[`${col}${l}`, 'constante_modifiee']]);
  expect(r.cellules.find((c) => c.adresse === ij.adresse)?.message).toBe('constante 2400 remplacée par 52400');
  // Les valeurs en cache concordent avec les formules : seule la comparaison des constantes le voit.
  expect(r.resume.valeursDifferentes).toBe(0);
  const lu = await lireClasseur(f);
  expect(lu.simulations[0].cellules.find((c) => c.adresse === total)?.valeur).toBe((valeur(total) as number) + 50000);
  expect(r.ok).toBe(false);
});

test('texte d’une ligne du tableau annuel remplacé par 50 000 et cellule vide d’une plage sommée remplie → signalés', async () => {
  const nonEligible = g.description.cellules.find((c) => typeof c.valeur === 'string' && c.valeur.startsWith('Non éligible : '))!;
  const l = ligneDe(/^Indemnités journalières \(subrogation\)/);
  const total = `B${ligneDe(/^Total des recettes d’activité/)}`;
  expect(g.description.cellules.find((c) => c.adresse === `B${l}`)).toBeUndefined(); // vide : le congé commence plus tard
  const f = await recalcule(forger(g.fichier, (p) => {
    modifierCellule(p, 'Simulation', nonEligible.adresse, nombre(nonEligible.adresse, 50000));
    const chemin = cheminFeuille(p, 'Simulation');
    ecrire(p, chemin, texte(p, chemin).replace(new RegExp(`(<row r="${l}"[^>]*>)`), `$1<c r="B${l}"><v>50000</v></c>`));
  }));
  const r = await verifier(f);
  expect(ecarts(r)).toEqual([[nonEligible.adresse, 'constante_modifiee'], [`B${l}`, 'contenu_ajoute']].sort((a, b) => Number(a[0].slice(1)) - Number(b[0].slice(1))));
  expect(r.cellules.find((c) => c.adresse === nonEligible.adresse)?.message).toMatch(/^texte « Non éligible : .* » remplacé par 50000$/);
  expect(r.cellules.find((c) => c.adresse === `B${l}`)?.message).toBe('contenu ajouté dans la zone générée : 50000');
  const lu = await lireClasseur(f);
  expect(lu.simulations[0].cellules.find((c) => c.adresse === total)?.valeur).toBe((valeur(total) as number) + 50000);
  expect(r.resume.valeursDifferentes).toBe(0);
});

/** Remplace une valeur de la provenance (colonne B de la clé) par un texte en ligne. */
function provenance(p: Parties, cle: string, valeur: string): void {
  const xml = texte(p, cheminFeuille(p, '_sip_provenance'));
  const cles = ['format', 'feuille', 'version_complement', 'date_generation', 'empreinte_sha256', 'bareme_version', 'plage', 'scenario_json', 'bareme_json'];
  expect(xml).toContain('<c r="B8"');
  modifierCellule(p, '_sip_provenance', `B${cles.indexOf(cle) + 1}`, texteEnLigne(`B${cles.indexOf(cle) + 1}`, valeur));
}

test('scénario de la provenance modifié et empreinte recalculée (un SHA-256 se recalcule) → la feuille ne dit plus le scénario', async () => {
  const p = structuredClone(g.provenance);
  // Médecin 1 : coût salarial mensuel 9 500 € dans l'exemple ; la provenance retouchée dit 14 500 €.
  expect(p.scenario.medecins[0].coutSalarialMensuel).toBe(9500);
  p.scenario.medecins[0].coutSalarialMensuel = 14500;
  p.empreinte = empreinteContenu(p, feuilleAttendue(p));
  const f = forger(g.fichier, (x) => {
    provenance(x, 'scenario_json', JSON.stringify(p.scenario));
    provenance(x, 'empreinte_sha256', p.empreinte);
  });
  const r = await verifier(f);
  expect(r.empreinte.conforme).toBe(true);
  const cout = g.description.cellules.find((c) => c.nom === 'sim_med1_cout')!;
  expect(r.cellules.find((c) => c.adresse === cout.adresse)).toMatchObject({ constats: ['entree_modifiee'], message: 'donnée d’entrée sim_med1_cout modifiée dans la feuille : 9500 au lieu de 14500 (scénario de la provenance)' });
  expect(r.ok).toBe(false);
});

test('date de génération et version modifiées dans la provenance → le titre ne les dit plus ; sans nouvelle empreinte, elle ne concorde plus', async () => {
  const a2 = g.description.cellules.find((c) => c.adresse === 'A2')!;
  expect(a2.valeur).toMatch(/générée le 23\/11\/2026 — complément 0\.2\.0$/);
  const sansEmpreinte = await verifier(forger(g.fichier, (x) => provenance(x, 'date_generation', '2026-01-15T10:00:00.000Z')));
  expect(sansEmpreinte.empreinte.conforme).toBe(false);
  expect(ecarts(sansEmpreinte)).toEqual([['A2', 'constante_modifiee']]);

  const p = { ...g.provenance, dateGeneration: '2026-01-15T10:00:00.000Z', versionComplement: '0.0.9' };
  const empreinte = empreinteContenu(p, feuilleAttendue(p));
  const r = await verifier(forger(g.fichier, (x) => {
    provenance(x, 'date_generation', p.dateGeneration);
    provenance(x, 'version_complement', p.versionComplement);
    provenance(x, 'empreinte_sha256', empreinte);
  }));
  expect(r.empreinte.conforme).toBe(true);
  expect(ecarts(r)).toEqual([['A2', 'constante_modifiee']]);
  expect(r.cellules[0].message).toMatch(/générée le 15\/01\/2026 — complément 0\.0\.9 » remplacé par « .*générée le 23\/11\/2026 — complément 0\.2\.0 »$/);
  // La date de génération et la version entrent dans l'empreinte (format 2).
  expect(empreinteContenu(p, feuilleAttendue(p))).not.toBe(empreinteContenu({ ...p, versionComplement: '0.1.0' }, feuilleAttendue(p)));
});

test('format de nombre d’un total changé pour afficher un autre montant → signalé', async () => {
  const total = g.description.cellules.find((c) => c.adresse === 'B8')!;
  expect(total.formule).toBeDefined();
  const r = await verifier(forger(g.fichier, (p) => formatDeCellule(p, 'Simulation', 'B8', '"250 000,00 €"')));
  expect(ecarts(r)).toEqual([['B8', 'format_modifie']]);
  expect(r.cellules.find((c) => c.adresse === 'B8')).toMatchObject({ formatLu: '"250 000,00 €"', formatAttendu: '#,##0.00" €"' });
  expect(r.ok).toBe(false);
});

test('feuille ajoutée qui cite la zone, et formule hors de la zone sur la feuille même → nommées ; une feuille sans lien est listée', async () => {
  const f = forger(g.fichier, (p) => {
    ajouterFeuille(p, 'Synthèse', '<row r="1"><c r="A1" t="inlineStr"><is><t>Total des aides</t></is></c>' +
      '<c r="B1"><f>Simulation!B8*2</f><v>1</v></c><c r="C1"><f>SUM(\'Simulation\'!$B$6:$B$7)</f><v>1</v></c><c r="D1"><f>sim_etp+1</f><v>1</v></c><c r="E1"><f>Simulation!B900</f><v>0</v></c></row>');
    const chemin = cheminFeuille(p, 'Simulation');
    ecrire(p, chemin, texte(p, chemin).replace('</sheetData>', '<row r="900"><c r="A900"><f>B8+1</f><v>1</v></c></row></sheetData>'));
  });
  const r = await verifier(f);
  expect(ecarts(r)).toEqual([]);
  expect(r.feuillesAjoutees).toEqual(['Synthèse']);
  expect(r.references.map((x) => [x.feuille, x.adresse, x.cible])).toEqual([
    ['Simulation', 'A900', 'B8'],
    ['Synthèse', 'B1', 'B8'],
    ['Synthèse', 'C1', '$B$6:$B$7'],
    ['Synthèse', 'D1', 'le nom sim_etp'],
  ]);
  expect(r.ok).toBe(false);

  const notes = await verifier(forger(g.fichier, (p) => ajouterFeuille(p, 'Notes', '<row r="1"><c r="A1" t="inlineStr"><is><t>À relire</t></is></c></row>')));
  expect(notes).toMatchObject({ ok: true, feuillesAjoutees: ['Notes'], references: [] });
});

test('formes d’un ré-enregistrement honnête (LibreOffice, Excel) : aucun écart', async () => {
  const qpv = g.description.cellules.find((c) => c.nom === 'sim_qpv')!;
  const cpts = g.description.cellules.find((c) => c.nom === 'sim_cpts_esp')!;
  const plafond = g.description.cellules.find((c) => c.formule?.startsWith('=SIP.PLAFOND400('))!;
  const somme = g.description.cellules.find((c) => c.formule?.startsWith('=SUM('))!;
  const f = forger(g.fichier, (p) => {
    // VRAI/FAUX en TRUE()/FALSE() ; fonction du complément en minuscules, préfixe _xlfn., espaces, références sans $ ; nom de la feuille devant ses cellules.
    modifierCellule(p, 'Simulation', qpv.adresse, (c) => c.replace(/<c r="([A-Z]+\d+)"([^>]*?)( t="b")?>[\s\S]*<\/c>/, `<c r="$1"$2 t="b"><f>FALSE()</f><v>0</v></c>`));
    modifierCellule(p, 'Simulation', cpts.adresse, (c) => c.replace(/<c r="([A-Z]+\d+)"([^>]*?)( t="b")?>[\s\S]*<\/c>/, `<c r="$1"$2 t="b"><f>TRUE()</f><v>1</v></c>`));
    modifierCellule(p, 'Simulation', plafond.adresse, (c) => c.replace(/<f>_xldudf_SIP_PLAFOND400\(([^)]*)\)<\/f>/, (_t, a: string) => `<f>_xlfn._xldudf_sip_plafond400( ${a.replace(/\$/g, '').replace(',', ', ')} )</f>`));
    modifierCellule(p, 'Simulation', somme.adresse, (c) => c.replace(/<f>SUM\(([^)]*)\)<\/f>/, (_t, a: string) => `<f>((sum(Simulation!${a})))</f>`));
    // Formats écrits à la manière de LibreOffice.
    ecrire(p, 'xl/styles.xml', texte(p, 'xl/styles.xml').replace('formatCode="#,##0.00 &quot;€&quot;"', 'formatCode="#,##0.00&quot; €&quot;"').replace('formatCode="0 %"', 'formatCode="0\\ %"').replace('formatCode="dd/mm/yyyy"', 'formatCode="DD/MM/YYYY"'));
  });
  const p = parties(f);
  expect(texte(p, cheminFeuille(p, 'Simulation'))).toContain('_xlfn._xldudf_sip_plafond400(');
  const r = await verifier(f);
  expect(ecarts(r)).toEqual([]);
  expect(r.ok).toBe(true);
});

test('barème modifié dans la feuille « Barème » : « modifié localement » (donnée d’entrée), recalcul avec lui', async () => {
  const fb = g.feuilleBareme;
  const id = fb.cellules.find((c) => c.valeur === 'cai.montant_etp_tranche1')!;
  const l = Number(id.adresse.slice(1));
  const valeurCai = fb.cellules.find((c) => c.adresse === `C${l}`)!;
  expect(valeurCai.valeur).toBe(30000);
  const r = await verifier(forger(g.fichier, (p) => modifierCellule(p, 'Barème', `C${l}`, nombre(`C${l}`, 31000))));
  expect(r.baremeLocal.modifies.map((m) => m.id)).toEqual(['cai.montant_etp_tranche1']);
  expect(r.baremeLocal.modifies[0].details.join()).toMatch(/30000 → 31000/);
  // Recalculé avec le barème de la feuille : (31 000 + 1,6 × 25 000) / 2 = 35 500 € au 2e versement du CAI (35 000 € en cache).
  const deuxieme = `I${ligneDe(/^CAI — 2e versement/)}`;
  expect(r.cellules.find((c) => c.adresse === deuxieme)).toMatchObject({ constats: ['valeur_differente'], valeurEnCache: 35000, valeurRecalculee: 35500 });
  expect(r.feuillesAjoutees).toEqual([]);
  expect(r.ok).toBe(false);
});

test('ancienne provenance (format 1, sans date ni version dans l’empreinte) : toujours lue et vérifiée', () => {
  const cellules = new Map<string, unknown>([['A1', 'format'], ['B1', '1'], ['A2', 'feuille'], ['B2', 'Simulation'], ['A3', 'version_complement'], ['B3', '0.1.0'],
    ['A4', 'date_generation'], ['B4', DATE_GENERATION], ['A5', 'empreinte_sha256'], ['B5', 'abc'], ['A8', 'scenario_json'], ['B8', JSON.stringify(g.provenance.scenario)],
    ['A9', 'bareme_json'], ['B9', JSON.stringify(g.provenance.bareme)]]);
  expect(lireProvenance(cellules)).toMatchObject({ format: 1, feuille: 'Simulation' });
  cellules.set('B1', '3');
  expect(() => lireProvenance(cellules)).toThrow('provenance : format 3 inconnu (attendu : 1 ou 2) ; classeur produit par une version plus récente du complément ?');
});

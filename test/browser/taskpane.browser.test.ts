// Test navigateur du volet : la vraie page (taskpane.html, CSP comprise, bundles construits par la
// configuration webpack du projet) dans Chromium (Debian) sans tête, piloté par playwright-core,
// avec un faux hôte Office servi à la place d'Office.js. On remplit le formulaire comme une personne,
// on crée la simulation, et on vérifie ce qui a été écrit dans le classeur (formules SIP.* vivantes,
// formats, noms, provenance masquée, nombre de sync), puis la mise à jour en place après confirmation.
// Captures d'écran : test/artifacts/volet-simulation.png, volet-confirmation.png, volet-resultat.png.
import * as path from 'path';
import type { Page } from 'playwright-core';
import { BAREME_PAR_DEFAUT } from '../../src/rules/bareme/donnees';
import { indicateursParDefaut } from '../../src/taskpane/formulaire';
import { decrireSimulation } from '../../src/workbook/simulation';
import { nomFeuilleProvenance } from '../../src/workbook/provenance';
import type { Scenario } from '../../src/rules/scenario/types';
import { ARTEFACTS, ouvrirVolet, servirVolet, VoletServi } from './volet-navigateur';

jest.setTimeout(90_000);

const FEUILLE = 'Simulation – CDS de Carhaix';

/** Le scénario que le formulaire rempli ci-dessous doit produire. */
function scenarioAttendu(): Scenario {
  return {
    version: 1,
    centre: { nom: 'CDS de Carhaix', finess: '290000017', commune: 'Carhaix-Plouguer', type: 'cds_medical', zone: 'ZIP', qpv: true, dateCreation: '2024-03-01', membreCptsEsp: true },
    simulation: { debut: '2025-12-01', horizonAnnees: 5 },
    contrats: { cai: '2024-12-01', cosco: '2025-06-01' },
    medecins: [
      {
        libelle: 'Dr Le Goff', quotite: 1, coutSalarialMensuel: 9500, honorairesMensuels: 7000, poste400: true, renouvellement400: true,
        conges: [{ debut: '2026-03-01', fin: '2026-06-30', salaireCharge: 7200, indemnitesJournalieres: 2900, salaireMaintenu: true }],
        joursCstParAn: 0, honorairesCstAnnuels: 0, consultationsParMois: 170,
      },
      { libelle: 'Dr Kerjean', quotite: 0.5, coutSalarialMensuel: 4800, honorairesMensuels: 4000, poste400: false, conges: [], joursCstParAn: 0, honorairesCstAnnuels: 0 },
    ],
    aci: {
      adhesion: 'aci',
      patientele: 6000,
      nbProfessionnels: 20,
      indicateurs: indicateursParDefaut('aci', '2025-12-01').map((i) => ({
        id: i.id, libelle: i.libelle, prerequis: i.prerequis, nature: i.nature,
        pointsFixes: Number(i.pointsFixes || 0), pointsVariables: Number(i.pointsVariables || 0), atteint: i.prerequis,
      })),
    },
  };
}

interface CelluleEcrite { formule: string | null; valeur: unknown; format: string }
interface FeuilleEcrite {
  nom: string;
  visibilite: string;
  cellules: Record<string, CelluleEcrite>;
  noms: { name: string; adresse: string }[];
  graphiques: { nom: string; type: string; donnees: string; position: string; titre: string }[];
}
const etatClasseur = (page: Page) => page.evaluate(() => (window as any).__fauxExcel.etat()) as Promise<FeuilleEcrite[]>;
const journal = (page: Page) => page.evaluate(() => ({ ...(window as any).__fauxExcel.journal })) as Promise<{ runs: number; syncs: number }>;
const formulesDe = (f: FeuilleEcrite) => Object.fromEntries(Object.entries(f.cellules).filter(([, c]) => c.formule).map(([a, c]) => [a, c.formule]));

let volet: VoletServi;

beforeAll(async () => {
  volet = await servirVolet('volet-');
  // Modules réservés à Node : jamais dans le bundle du volet (le mode développement garde les chemins).
  for (const interdit of ['node_modules/hyperformula/', 'node_modules/exceljs/', 'node_modules/@resvg/']) expect(volet.bundle.includes(interdit)).toBe(false);
  expect(volet.bundle.includes('src/taskpane/App.tsx')).toBe(true);
});

afterAll(async () => {
  await volet?.fermer();
});

it('remplit le formulaire, crée la simulation (formules SIP.* vivantes), puis la met à jour en place après confirmation', async () => {
  const { page, exterieures, erreurs } = await ouvrirVolet(volet, 900);
  await page.getByRole('heading', { name: 'Simulation d’un centre' }).waitFor();

  // — Centre —
  await page.getByLabel('Nom du centre').fill('CDS de Carhaix');
  await page.getByLabel('FINESS (facultatif)').fill('29000001');
  await page.getByLabel('Commune').fill('Carhaix-Plouguer');
  await page.getByLabel('Zone').selectOption('ZIP');
  await page.getByLabel('Quartier prioritaire de la politique de la ville (QPV)').check();
  await page.getByLabel('Date de création').fill('31/02/2026');
  await page.getByText('Date de création : date JJ/MM/AAAA attendue (reçu : « 31/02/2026 »)').waitFor();
  await page.getByLabel('Date de création').fill('1/03/2024');
  await page.getByLabel('Membre d’une CPTS ou d’une ESP').check();
  await page.getByLabel('Début de la simulation').fill('01/12/2025');
  await page.getByLabel('Horizon (années)').fill('5');
  // FINESS à 8 chiffres : message du champ, puis correction.
  await page.getByText('FINESS : 9 chiffres attendus (reçu : « 29000001 »)').waitFor();
  await page.getByLabel('FINESS (facultatif)').fill('290000017');

  // — Contrats déjà signés : CAI à 9 mois (01/12/2024), COSCO dans la 2e année (01/06/2025), tous deux avant 2026 —
  const contrats = page.getByRole('region', { name: 'Contrats démographiques' });
  await contrats.getByText('Vide : première date possible dans la simulation ; signé à partir du 01/01/2026, le contrat est remplacé par l’aide automatique.').waitFor();
  await contrats.getByLabel('Signature du CAI').fill('01/12/2024');
  await contrats.getByLabel('Signature du COSCO').fill('29/02/2024');
  await page.getByText('Signature du COSCO : date postérieure ou égale à la création du centre (01/03/2024) attendue').waitFor();
  await contrats.getByLabel('Signature du COSCO').fill('01/06/2025');

  // — Médecin 1 : poste 400 postes avec un congé maternité —
  const m1 = page.getByRole('group', { name: 'Médecin 1' });
  await m1.getByLabel('Nom ou libellé').fill('Dr Le Goff');
  await m1.getByLabel('Quotité', { exact: true }).fill('1,5');
  await page.getByText('Quotité : nombre dans ]0 ; 1] attendu (reçu : 1,5)').waitFor();
  await m1.getByLabel('Quotité', { exact: true }).fill('1');
  await m1.getByLabel('Coût salarial mensuel chargé').fill('9 500');
  await m1.getByLabel('Honoraires mensuels attendus').fill('7000');
  await m1.getByRole('switch', { name: 'Poste « 400 postes » (garantie de salaire ARS)' }).check();
  await m1.getByLabel('Contrat 400 postes renouvelé au terme des 2 ans').check();
  await m1.getByText(/au moins 100 par mois jusqu’au mois 3 du contrat, puis 165/).waitFor();
  await m1.getByLabel('Consultations par mois attendues').fill('170');
  await m1.getByRole('button', { name: 'Ajouter un congé maternité / paternité' }).click();
  const conge = page.getByRole('group', { name: 'Congé 1 du médecin 1' });
  await conge.getByLabel('Début du congé').fill('01/03/2026');
  await conge.getByLabel('Fin du congé').fill('30/06/2026');
  await conge.getByLabel('Salaire chargé sur la période').fill('7200');
  await conge.getByLabel('Indemnités journalières perçues').fill('2900');

  // — Médecin 2 : mi-temps —
  await page.getByRole('button', { name: 'Ajouter un médecin' }).click();
  const m2 = page.getByRole('group', { name: 'Médecin 2' });
  await m2.getByLabel('Nom ou libellé').fill('Dr Kerjean');
  await m2.getByLabel('Quotité', { exact: true }).fill('0,5');
  await m2.getByLabel('Coût salarial mensuel chargé').fill('4800');
  await m2.getByLabel('Honoraires mensuels attendus').fill('4000');

  // — ACI : tous les prérequis atteints —
  await page.getByLabel('ACI (accord conventionnel interprofessionnel)').check();
  await page.getByLabel('Patientèle médecin traitant').fill('6000');
  await page.getByLabel('Nombre de professionnels de la structure').fill('20');
  for (const i of indicateursParDefaut('aci', '2025-12-01').filter((x) => x.prerequis)) {
    await page.getByRole('checkbox', { name: `${i.libelle} (socle prérequis)` }).check();
  }
  // SI niveau standard, 20 professionnels : 500 + 200 × 16 + 150 × 4 = 4 300 points.
  await page.getByRole('group', { name: 'Système d’information niveau standard' }).getByText('4 300 points fixes pour 20 professionnels (SIP.ACI_SI)').waitFor();

  // — Éligibilité et aperçu, calculés par le moteur avant toute écriture —
  const eligibilite = page.getByRole('region', { name: 'Éligibilité' });
  for (const aide of ['CAI', 'COSCO', 'AIDE_CDS', '400POSTES', 'ACI']) {
    await expectAttribut(eligibilite.locator(`li[data-aide="${aide}"]`), 'data-statut', 'eligible');
  }
  await expectAttribut(eligibilite.locator('li[data-aide="CST"]'), 'data-statut', 'non_eligible');
  await eligibilite.locator('li[data-aide="AIDE_CDS"]').getByText(/à partir du 01\/01\/2026 ; montants non publiés/).waitFor();
  const apercu = page.getByRole('region', { name: 'Aperçu des montants' });
  // Une vue du grand livre. CAI signé le 01/12/2024, 1,5 ETP : 30 000 + 0,5 × 25 000 = 42 500 €, dont le 2e versement
  // (21 250 €, un an après la signature) tombe le 01/12/2025, 1er jour de la simulation ; le 1er est antérieur.
  // COSCO signé le 01/06/2025 pour 3 ans : 1,5 ETP × 5 000 € par an, versés les 31/05/2026, 2027 et 2028 = 22 500 €.
  // 400 postes temps plein renouvelé : 9 070 − 7 000 = 2 070 € par mois, 44 mois sur 48 (congé de mars à juin 2026)
  // = 91 080 € ; 170 consultations ≥ 165 : la contrepartie est remplie. Congé : 7 200 − 2 900 = 4 300 €.
  for (const [cle, montant] of [['CAI', '21 250,00 €'], ['COSCO', '22 500,00 €'], ['400POSTES.0', '91 080,00 €'], ['MATERNITE400.0', '4 300,00 €']]) {
    await apercu.locator(`li[data-cle="${cle}"]`).getByText(montant, { exact: true }).waitFor();
  }
  // ACI d'une année pleine : (800 + 1 000 + 4 300 + 1 700 × 6 000 / 4 000) × 7 € = 8 650 × 7 = 60 550 €.
  await apercu.locator('li[data-cle="ACI"]').getByText(/année 2 : 60\s550,00\s€/).waitFor();
  // Aide automatique : 2026 à 2028 couvertes au 1er janvier par le COSCO signé en 2025 ; 2029 versée le 31/12/2029, montant non publié.
  const nonPublie = apercu.locator('li[data-non-publie]');
  expect(await nonPublie.count()).toBe(1);
  await nonPublie.getByText('Aide automatique CDS — année 2029').waitFor();
  await nonPublie.getByText('montant non publié').waitFor();
  expect(await nonPublie.textContent()).not.toMatch(/€/);
  await page.screenshot({ path: path.join(ARTEFACTS, 'volet-simulation.png'), fullPage: true, animations: 'disabled' });

  // — Créer la simulation —
  const avant = await journal(page);
  await page.getByRole('button', { name: 'Créer la simulation' }).click();
  await page.getByText(`Feuille « ${FEUILLE} » écrite`, { exact: false }).waitFor();
  const apres = await journal(page);
  // Trois Excel.run : existence de la feuille (1 sync), écriture groupée (2 sync), puis la feuille « Barème »
  // du classeur, absente : vérifiée puis écrite (2 sync).
  expect(apres.runs - avant.runs).toBe(3);
  expect(apres.syncs - avant.syncs).toBe(5);

  const attendue = decrireSimulation(scenarioAttendu(), BAREME_PAR_DEFAUT, { nomFeuille: FEUILLE });
  let classeur = await etatClasseur(page);
  const feuille = classeur.find((f) => f.nom === FEUILLE)!;
  expect(feuille).toBeDefined();
  // Exactement les formules de la mise en page partagée (celle de `sip simulate`) pour ce scénario.
  const formulesAttendues = Object.fromEntries(attendue.cellules.filter((c) => c.formule).map((c) => [c.adresse, c.formule]));
  expect(formulesDe(feuille)).toEqual(formulesAttendues);
  const cai = Object.entries(feuille.cellules).filter(([, c]) => c.formule?.startsWith('=SIP.CAI('));
  expect(cai.length).toBeGreaterThan(0);
  expect(cai[0][1].formule).toMatch(/^=SIP\.CAI\(\$?[A-Z]+\$?\d+/); // référence une cellule de la feuille
  expect(cai[0][1].format).toBe('#,##0.00 "€"');
  expect(Object.values(feuille.cellules).some((c) => c.formule?.startsWith('=SIP.GARANTIE400('))).toBe(true);
  expect(Object.values(feuille.cellules).some((c) => c.formule?.startsWith('=SIP.MATERNITE400('))).toBe(true);
  expect(Object.values(feuille.cellules).some((c) => c.formule?.startsWith('=SIP.ACI('))).toBe(true);
  // Les entrées du formulaire sont dans la feuille (valeurs constantes).
  expect(Object.values(feuille.cellules).some((c) => c.valeur === 'CDS de Carhaix')).toBe(true);
  expect(feuille.noms.length).toBe(attendue.cellules.filter((c) => c.nom).length);
  const provenance = classeur.find((f) => f.nom === nomFeuilleProvenance(FEUILLE))!;
  expect(provenance.visibilite).toBe('Hidden');
  // Graphiques natifs du plan de financement : colonnes empilées par financeur, courbe du solde.
  expect(attendue.graphiques).toHaveLength(2);
  expect(feuille.graphiques.map((g) => [g.type, g.donnees, g.titre])).toEqual(
    attendue.graphiques.map((g) => [g.type === 'colonnes_empilees' ? 'ColumnStacked' : 'Line', g.donnees, g.titre]),
  );

  // — Recréer : confirmation demandée ; une cellule de l'utilisateur hors de la zone générée survit —
  const finPlage = /^([A-Z]+)/.exec(attendue.plage.split(':')[1])![1];
  const numero = [...finPlage].reduce((n, c) => n * 26 + c.charCodeAt(0) - 64, 0) + 2; // deux colonnes après la zone
  const colonneUtilisateur = numero > 26 ? String.fromCharCode(64 + Math.floor((numero - 1) / 26)) + String.fromCharCode(65 + ((numero - 1) % 26)) : String.fromCharCode(64 + numero);
  await page.evaluate(([f, a]) => (window as any).__fauxExcel.ecrireUtilisateur(f, a, 'Note de l’utilisateur'), [FEUILLE, `${colonneUtilisateur}3`]);
  await m2.getByLabel('Quotité', { exact: true }).fill('0,6');
  await page.getByRole('button', { name: 'Créer la simulation' }).click();
  const dialogue = page.getByRole('dialog');
  await dialogue.getByText(`La feuille « ${FEUILLE} » existe déjà`, { exact: false }).waitFor();
  await dialogue.getByRole('button', { name: 'Remplacer' }).waitFor({ state: 'visible' });
  await page.screenshot({ path: path.join(ARTEFACTS, 'volet-confirmation.png'), animations: 'disabled' });
  await dialogue.getByRole('button', { name: 'Remplacer' }).click();
  await page.getByText('Simulation mise à jour').waitFor();
  classeur = await etatClasseur(page);
  const miseAJour = classeur.find((f) => f.nom === FEUILLE)!;
  expect(miseAJour.cellules[`${colonneUtilisateur}3`]?.valeur).toBe('Note de l’utilisateur');
  const scenario2 = scenarioAttendu();
  scenario2.medecins[1].quotite = 0.6;
  const attendue2 = decrireSimulation(scenario2, BAREME_PAR_DEFAUT, { nomFeuille: FEUILLE });
  expect(formulesDe(miseAJour)).toEqual(Object.fromEntries(attendue2.cellules.filter((c) => c.formule).map((c) => [c.adresse, c.formule])));
  expect(classeur.filter((f) => f.nom === nomFeuilleProvenance(FEUILLE))).toHaveLength(1);
  // Les graphiques du complément sont recréés, pas empilés.
  expect(miseAJour.graphiques.map((g) => g.nom)).toEqual(['SIP_Plan_1', 'SIP_Plan_2']);
  await page.screenshot({ path: path.join(ARTEFACTS, 'volet-resultat.png'), fullPage: true, animations: 'disabled' });

  expect(exterieures).toEqual([]);
  expect(erreurs).toEqual([]);
  await page.context().close();
});

async function expectAttribut(loc: ReturnType<Page['locator']>, attribut: string, valeur: string) {
  await loc.waitFor();
  expect(await loc.getAttribute(attribut)).toBe(valeur);
}

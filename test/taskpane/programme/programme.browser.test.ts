// Test navigateur de la vue « Programme SIP de l'année » : la vraie page du volet (bundle webpack, CSP)
// dans Chromium sans tête, avec le faux hôte Office (test/browser/faux-office.js). On ouvre l'onglet,
// on crée le modèle de tableau, on le remplit avec l'exemple, on le lit, on saisit l'enveloppe, puis on
// écrit la feuille « Programme SIP ». Capture : test/artifacts/volet-programme.png.
import * as path from 'path';
import { ARTEFACTS, ouvrirVolet, servirVolet, VoletServi } from '../../browser/volet-navigateur';
import { valeursExemple } from './aides-programme';

jest.setTimeout(90_000);


let volet: VoletServi;

beforeAll(async () => {
  volet = await servirVolet('volet-programme-');
  for (const interdit of ['node_modules/hyperformula/', 'node_modules/exceljs/', 'node_modules/@resvg/']) expect(volet.bundle.includes(interdit)).toBe(false);
  expect(volet.bundle.includes('src/taskpane/programme/VueProgramme.tsx')).toBe(true);
});

afterAll(async () => {
  await volet?.fermer();
});

it('onglet Programme SIP : modèle, lecture du tableau, classement à 250 000 €, écriture de la feuille', async () => {
  const { page, exterieures, erreurs } = await ouvrirVolet(volet, 1400);
  await page.getByRole('heading', { name: 'Simulation d’un centre' }).waitFor();
  await page.getByRole('tab', { name: 'Programme SIP de l’année' }).click();
  await page.getByRole('heading', { name: 'Programme SIP de l’année' }).waitFor();

  await page.getByRole('button', { name: 'Créer un modèle de tableau de candidatures' }).click();
  await page.getByText('Tableau de candidatures vide écrit sur la nouvelle feuille « Candidatures »', { exact: false }).waitFor();
  // L'utilisateur remplit le modèle (lignes 5 à 18) avec les candidatures de l'exemple.
  await page.evaluate((lignes) => {
    lignes.forEach((l, i) => l.forEach((v, k) => (window as any).__fauxExcel.ecrireUtilisateur('Candidatures', `${'ABCDEFGHI'[k]}${5 + i}`, v)));
  }, valeursExemple().slice(1));
  await page.getByRole('button', { name: 'Lire le tableau de la feuille active' }).click();
  await page.getByText('14 candidatures sur la feuille « Candidatures ».').waitFor();

  await page.getByLabel('Année de l’appel').fill('2023');
  await page.getByLabel('Enveloppe annuelle').fill('250000');
  await page.getByLabel('Enveloppe annuelle').blur();
  expect(await page.getByLabel('Enveloppe annuelle').inputValue()).toBe('250 000');
  await page.locator('tr[data-decision="financee"]').first().waitFor();
  expect(await page.locator('tr[data-decision="financee"]').count()).toBe(8);
  expect(await page.locator('tr[data-decision="attente"]').count()).toBe(2);
  expect(await page.locator('tr[data-decision="non_eligible"]').count()).toBe(4);
  expect((await page.locator('[data-total="attribue"]').textContent())?.replace(/\u00a0/g, ' ')).toBe('240 500,57 €');
  await page.screenshot({ path: path.join(ARTEFACTS, 'volet-programme.png'), fullPage: true });

  const avant = await page.evaluate(() => ({ ...(window as any).__fauxExcel.journal }));
  await page.getByRole('button', { name: 'Écrire la feuille Programme SIP' }).click();
  await page.getByText('Feuille « Programme SIP » écrite', { exact: false }).waitFor();
  const apres = await page.evaluate(() => ({ ...(window as any).__fauxExcel.journal }));
  // feuilleExiste (1 run, 1 sync) puis l'écriture (1 run, 2 sync).
  expect([apres.runs - avant.runs, apres.syncs - avant.syncs]).toEqual([2, 3]);
  const feuilles = await page.evaluate(() => (window as any).__fauxExcel.etat()) as { nom: string; cellules: Record<string, { formule: string | null; valeur: unknown }> }[];
  expect(feuilles.map((f) => f.nom)).toEqual(['Feuil1', 'Candidatures', 'Programme SIP']);
  const programme = feuilles.find((f) => f.nom === 'Programme SIP')!;
  expect(programme.cellules.L15.formule).toBe('=SIP.AIDE(D15,C15,$B$9)');
  expect(programme.cellules.N29.formule).toBe('=SUM(N15:N28)');
  expect(programme.cellules.B6.valeur).toBe(250000);
  expect(erreurs).toEqual([]);
  expect(exterieures).toEqual([]);
  await page.context().close();
});

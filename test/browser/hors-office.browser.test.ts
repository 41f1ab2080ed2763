// La page du volet ouverte dans un simple navigateur, hors d'Office et SANS le faux hôte : avec le
// vrai Office.js (paquet @microsoft/office-js servi à l'adresse du CDN, Office.onReady rend
// `host: null`), puis avec Office.js injoignable. Elle doit dire en français qu'elle fonctionne
// dans Excel et renvoyer au README, sans exception ni calque d'erreur, et sans autre réseau.
import { ouvrirHorsOffice, servirVolet, VoletServi } from './volet-navigateur';

jest.setTimeout(90_000);

let volet: VoletServi;

beforeAll(async () => {
  volet = await servirVolet('volet-hors-office-');
});

afterAll(async () => {
  await volet?.fermer();
});

const RENVOI = 'Chargez le complément dans Excel (Excel sur le web, pour Windows ou pour Mac) en suivant la section « Installer le complément dans Excel » du README, puis ouvrez le volet par le bouton « Simulateur SIP » de l’onglet Accueil.';

it('vrai Office.js hors d’Office : message français, renvoi au README, aucun formulaire, aucune erreur', async () => {
  const { page, exterieures, erreurs } = await ouvrirHorsOffice(volet.navigateur, volet.url, 'reel');
  await page.getByText('Ce volet fonctionne dans Excel').waitFor();
  const texte = (await page.locator('#racine').innerText()).replace(/\s+/g, ' ');
  expect(texte).toContain('Cette page est le volet du complément Simulateur SIP : ouverte dans un simple navigateur, elle ne peut rien calculer ni écrire.');
  expect(texte).toContain(RENVOI);
  expect(await page.getByRole('heading', { name: 'Simulation d’un centre' }).count()).toBe(0);
  expect(await page.locator('[id^="webpack-dev-server-client-overlay"]').count()).toBe(0);
  expect(await page.evaluate(() => document.documentElement.lang)).toBe('fr');
  expect(erreurs).toEqual([]);
  expect(exterieures).toEqual([]);
  await page.context().close();
});

it('Office.js injoignable : la page le dit en français au lieu d’échouer', async () => {
  const { page, exterieures, erreurs } = await ouvrirHorsOffice(volet.navigateur, volet.url, 'injoignable');
  await page.getByText('Ce volet fonctionne dans Excel').waitFor();
  const texte = (await page.locator('#racine').innerText()).replace(/\s+/g, ' ');
  expect(texte).toContain('Office.js n’a pas pu être chargé (connexion à appsforoffice.microsoft.com ?).');
  expect(texte).toContain(RENVOI);
  expect(erreurs).toEqual([]);
  expect(exterieures).toEqual(['https://appsforoffice.microsoft.com/lib/1/hosted/office.js']);
  await page.context().close();
});

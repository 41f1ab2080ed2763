/** @jest-environment jsdom */
// Vue « Programme SIP de l'année » du volet, sur un faux classeur : classement en direct selon
// l'enveloppe (valeurs de examples/candidatures-sip.json vérifiées à la main et par la CLI), messages
// des lignes invalides, modèle de tableau, écriture de la feuille « Programme SIP ».
import * as React from 'react';
import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { BAREME_PAR_DEFAUT } from '../../../src/rules/bareme/donnees';
import type { DescriptionFeuille } from '../../../src/workbook/description';
import { VoletAvecOnglets } from '../../../src/taskpane/programme/Onglets';
import type { ServicesProgramme } from '../../../src/taskpane/programme/services-programme';
import type { TableauLu } from '../../../src/taskpane/programme/tableau-candidatures';
import { VueProgramme } from '../../../src/taskpane/programme/VueProgramme';
import { EXEMPLE, tableauExemple, texte } from './aides-programme';

// Fluent v9 sous jsdom : ResizeObserver et matchMedia n'existent pas.
beforeAll(() => {
  (globalThis as any).ResizeObserver = class { observe() {} unobserve() {} disconnect() {} };
  window.matchMedia = window.matchMedia || ((q: string) => ({ matches: false, media: q, addListener() {}, removeListener() {}, addEventListener() {}, removeEventListener() {}, onchange: null, dispatchEvent: () => false }) as any);
});

interface Faux extends ServicesProgramme {
  tableau: TableauLu;
  feuilles: Set<string>;
  ecrits: { description: DescriptionFeuille; remplacer: boolean }[];
  modeles: number;
}

function fauxServices(tableau: TableauLu = tableauExemple()): Faux {
  const f: Faux = {
    tableau,
    feuilles: new Set(['Candidatures']),
    ecrits: [],
    modeles: 0,
    lireTableauActif: async () => f.tableau,
    creerModele: async () => {
      f.modeles++;
      const nom = f.feuilles.has('Candidatures') ? 'Candidatures (2)' : 'Candidatures';
      f.feuilles.add(nom);
      return { feuille: nom };
    },
    feuilleExiste: async (nom) => f.feuilles.has(nom),
    ecrireProgramme: async (description, o) => {
      f.ecrits.push({ description, remplacer: o.remplacer });
      f.feuilles.add(description.nom);
      return { feuille: description.nom, cellules: description.cellules.length };
    },
  };
  return f;
}

function monter(services: ServicesProgramme) {
  return render(
    <FluentProvider theme={webLightTheme}>
      <VueProgramme services={services} bareme={BAREME_PAR_DEFAUT} aujourdhui="2026-11-23" />
    </FluentProvider>,
  );
}

const saisir = (libelle: string | RegExp, valeur: string, dans: HTMLElement = document.body) =>
  fireEvent.change(within(dans).getByLabelText(libelle), { target: { value: valeur } });
const ligne = (msp: string) => document.querySelector(`tr[data-msp="${msp}"]`) as HTMLElement;
const decisions = () => Object.fromEntries([...document.querySelectorAll('tr[data-msp]')].map((tr) => [tr.getAttribute('data-msp'), tr.getAttribute('data-decision')]));
const nb = (decision: string) => Object.values(decisions()).filter((d) => d === decision).length;
const decision = (msp: string) => texte(ligne(msp).querySelector('[data-eligibilite]'));
const versement = (msp: string, part: '80' | '20') => texte(ligne(msp).querySelector(`[data-versement="${part}"]`));
const total = (cle: string) => texte(document.querySelector(`[data-total="${cle}"]`));

async function lireLeTableau() {
  fireEvent.click(screen.getByRole('button', { name: 'Lire le tableau de la feuille active' }));
  await screen.findByText('Tableau lu');
}

/** Appel 2023 de l'exemple, enveloppe saisie. */
async function preparer(services: Faux, enveloppe: string) {
  monter(services);
  saisir('Année de l’appel', '2023');
  saisir('Enveloppe annuelle', enveloppe);
  await lireLeTableau();
}

describe('vue Programme SIP du volet', () => {
  it('enveloppe 250 000 : 8 financées, 2 en attente, 4 non éligibles, 240 500,57 € attribués (comme sip programme)', async () => {
    await preparer(fauxServices(), '250 000');
    expect(screen.getByText('14 candidatures sur la feuille « Candidatures ».')).toBeTruthy();
    expect([nb('financee'), nb('attente'), nb('non_eligible')]).toEqual([8, 2, 4]);
    // Rang 1 : Carhaix (adhérente, maturité 4, ZIP, candidature la plus ancienne) ; aide = devis 34 000 < plafond 35 000.
    const carhaix = [...ligne('MSP de Carhaix').querySelectorAll('td')].map(texte);
    expect(carhaix).toEqual(['1', 'MSP de Carhaix', '34 000,00 €27 200,00 €6 800,00 €', 'financée']);
    expect(texte(ligne('MSP de Carhaix').querySelector('[data-montant="aide"]'))).toBe('34 000,00 €');
    // En attente : l'aide, aucun versement.
    expect(texte(ligne('MSP de Vitré').querySelector('[data-montant="aide"]'))).toBe('33 000,00 €');
    expect(ligne('MSP de Vitré').querySelector('[data-versement]')).toBeNull();
    expect(versement('MSP de Carhaix', '80')).toBe('27 200,00 €');
    expect(versement('MSP de Carhaix', '20')).toBe('6 800,00 €');
    expect(versement('MSP de Pontivy', '80')).toBe('18 000,46 €');
    expect(versement('MSP de Pontivy', '20')).toBe('4 500,11 €');
    // Vitré (33 000 €) ne tient pas dans le reste de 28 499,43 € : liste d'attente n° 1 ; Dinan (19 000 €) tient.
    expect(decision('MSP de Vitré')).toBe('liste d’attente n° 1');
    expect(ligne('MSP de Dinan').dataset.decision).toBe('financee');
    expect(decision('MSP de Redon')).toBe('liste d’attente n° 2');
    expect(decision('MSP de Paimpol')).toBe('non éligible : projet de santé non validé, logiciel non labellisé ANS');
    expect(decision('MSP de Loudéac')).toBe('non éligible : ni adhérente ni engagée ACI');
    expect(decision('MSP de Saint-Malo')).toBe('non éligible : devis nul');
    expect(texte(ligne('MSP de Saint-Malo').querySelectorAll('td')[0])).toBe('—');
    expect(total('attribue')).toBe('240 500,57 €');
    expect(total('reste')).toBe('9 499,43 €');
    expect(total('demande')).toBe('285 500,57 €');
    // 80 % de 240 500,57 € en novembre 2023 (au centime par candidature), 20 % en mai 2024.
    expect(total('mois-2023-11')).toBe('192 400,46 €');
    expect(total('mois-2024-05')).toBe('48 100,11 €');
  });

  it('changer l’enveloppe change en direct les financées et la liste d’attente', async () => {
    await preparer(fauxServices(), '200000');
    // 6 premières : 176 500,57 € ; reste 23 499,43 € : Quimperlé (45 000) et Vitré (33 000) attendent,
    // Dinan (19 000) est financée (reste 4 499,43 €), Redon (12 000) attend.
    expect(decisions()).toMatchObject({ 'MSP de Quimperlé': 'attente', 'MSP de Vitré': 'attente', 'MSP de Dinan': 'financee', 'MSP de Redon': 'attente' });
    expect([nb('financee'), nb('attente')]).toEqual([7, 3]);
    expect(total('attribue')).toBe('195 500,57 €');
    expect(total('reste')).toBe('4 499,43 €');

    saisir('Enveloppe annuelle', '300 000');
    expect([nb('financee'), nb('attente')]).toEqual([10, 0]);
    expect(total('reste')).toBe('14 499,43 €');

    // Financement partiel autorisé à 250 000 : Vitré reçoit le reste, 28 499,43 € ; l'enveloppe est épuisée.
    saisir('Enveloppe annuelle', '250000');
    fireEvent.click(screen.getByLabelText(/Financement partiel autorisé/));
    expect(ligne('MSP de Vitré').dataset.decision).toBe('partielle');
    expect(decision('MSP de Vitré')).toBe('financée partiellement (28 499,43 €)');
    expect(ligne('MSP de Dinan').dataset.decision).toBe('attente');
    expect(total('attribue')).toBe('250 000,00 €');

    // Au plus 5 sites : les adhérentes seulement.
    fireEvent.click(screen.getByLabelText(/Financement partiel autorisé/));
    saisir('Nombre maximal de sites financés', '5');
    expect([nb('financee'), nb('attente')]).toEqual([5, 5]);
    expect(total('attribue')).toBe('136 500,57 €');
  });

  it('enveloppe invalide : message français sous le champ, pas de classement', async () => {
    await preparer(fauxServices(), '250 000 euros');
    expect(screen.getByText('Enveloppe annuelle : montant en euros ≥ 0, au centime près, attendu (reçu : « 250 000 euros »)')).toBeTruthy();
    expect(document.querySelector('tr[data-msp]')).toBeNull();
    saisir('Enveloppe annuelle', '250 000');
    expect(document.querySelectorAll('tr[data-msp]')).toHaveLength(14);
  });

  it('une ligne invalide du tableau est nommée (ligne Excel, en-tête et colonne, attendu, reçu) et rien n’est classé', async () => {
    const mauvaises = EXEMPLE.candidatures.map((c, i) => (i === 2 ? { ...c, nbProfessionnels: 'douze' } : i === 5 ? { ...c, zone: 'ZRR' } : c));
    await preparer(fauxServices(tableauExemple(mauvaises)), '250 000');
    expect(screen.getByText('Candidatures à corriger (2)')).toBeTruthy();
    const erreurs = document.body;
    // MSP du Blavet est à la 3e candidature : ligne 4 de la feuille (ligne 1 = en-têtes).
    expect(within(erreurs).getByText('ligne 4 de la feuille « Candidatures », champ « Professionnels (colonne B) » : entier ≥ 1 attendu (reçu : « douze »)')).toBeTruthy();
    expect(within(erreurs).getByText('ligne 7 de la feuille « Candidatures », champ « Zone (colonne G) » : l’une des valeurs ZIP, ZAC, QPV, HZ attendu (reçu : « ZRR »)')).toBeTruthy();
    expect(document.querySelector('tr[data-msp]')).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Écrire la feuille Programme SIP' }));
    expect(await screen.findByText('Corrigez les candidatures signalées.')).toBeTruthy();
  });

  it('feuille sans en-têtes reconnus : la vue dit les en-têtes attendus', async () => {
    monter(fauxServices({ feuille: 'Feuil1', adresse: 'A1:B2', valeurs: [['Bonjour', 'x'], [1, 2]] }));
    fireEvent.click(screen.getByRole('button', { name: 'Lire le tableau de la feuille active' }));
    expect(await screen.findByText(/feuille « Feuil1 », champ « \(en-têtes\) » : une ligne d’en-têtes \(MSP, Professionnels, Devis validés, Projet de santé validé, ACI, Logiciel labellisé, Zone ; Maturité et Date de candidature facultatives\) attendu/)).toBeTruthy();
  });

  it('saisie dans le volet : le message du moteur s’affiche sous le champ fautif, puis le classement', async () => {
    monter(fauxServices());
    fireEvent.click(screen.getByLabelText('Saisie dans le volet'));
    saisir('Enveloppe annuelle', '50 000');
    const c1 = screen.getByRole('group', { name: 'Candidature 1' });
    saisir('MSP', 'MSP de Pontivy', c1);
    saisir('Professionnels', '12,5', c1);
    saisir('Devis validés', '22 500,57', c1);
    fireEvent.change(within(c1).getByLabelText('ACI'), { target: { value: 'adherent' } });
    fireEvent.change(within(c1).getByLabelText('Zone'), { target: { value: 'ZAC' } });
    fireEvent.click(within(c1).getByLabelText('Projet de santé validé'));
    expect(within(c1).getByText('entier ≥ 1 attendu (reçu : « 12,5 »)')).toBeTruthy();
    expect(screen.getByText('candidature n° 1 du volet, champ « Professionnels » : entier ≥ 1 attendu (reçu : « 12,5 »)')).toBeTruthy();
    // Logiciel non coché : éligibilité refusée avec la condition nommée.
    saisir('Professionnels', '10', c1);
    expect(decision('MSP de Pontivy')).toBe('non éligible : logiciel non labellisé ANS');
    fireEvent.click(within(c1).getByLabelText(/Logiciel labellisé/));
    expect(ligne('MSP de Pontivy').dataset.decision).toBe('financee');
    // Devis 22 500,57 € < plafond hypothétique 15 000 + 10 × 1 000 : 80 % = 18 000,46 €.
    expect(versement('MSP de Pontivy', '80')).toBe('18 000,46 €');
  });

  it('« Créer un modèle de tableau de candidatures » écrit le modèle sur une nouvelle feuille', async () => {
    const services = fauxServices();
    monter(services);
    fireEvent.click(screen.getByRole('button', { name: 'Créer un modèle de tableau de candidatures' }));
    expect(await screen.findByText(/nouvelle feuille « Candidatures \(2\) »/)).toBeTruthy();
    expect(services.modeles).toBe(1);
  });

  it('« Écrire la feuille Programme SIP » passe la description (formules SIP.AIDE, SIP.VERSEMENT, totaux) à l’écrivain', async () => {
    const services = fauxServices();
    await preparer(services, '250 000');
    fireEvent.click(screen.getByRole('button', { name: 'Écrire la feuille Programme SIP' }));
    expect(await screen.findByText(/Feuille « Programme SIP » écrite \(\d+ cellules\)/)).toBeTruthy();
    expect(services.ecrits).toHaveLength(1);
    const { description, remplacer } = services.ecrits[0];
    expect(remplacer).toBe(false);
    expect(description.nom).toBe('Programme SIP');
    const cellule = (a: string) => description.cellules.find((c) => c.adresse === a);
    expect(cellule('B6')).toMatchObject({ valeur: 250000, nom: 'Programme_SIP_Enveloppe' });
    // Ligne 15 = rang 1 (Carhaix) ; 14 candidatures en lignes 15 à 28, total en ligne 29.
    expect(cellule('B15')?.valeur).toBe('MSP de Carhaix');
    expect(cellule('L15')).toMatchObject({ formule: '=SIP.AIDE(D15,C15,$B$9)', valeur: 34000 });
    expect(cellule('O15')).toMatchObject({ formule: '=SIP.VERSEMENT(N15,1,$B$9)', valeur: 27200 });
    expect(cellule('Q15')).toMatchObject({ formule: '=SIP.VERSEMENT(N15,2,$B$9)', valeur: 6800 });
    expect(cellule('N29')).toMatchObject({ formule: '=SUM(N15:N28)', valeur: 240500.57 });
  });

  it('demande confirmation avant de remplacer une feuille « Programme SIP » existante ; Annuler n’écrit rien', async () => {
    const services = fauxServices();
    services.feuilles.add('Programme SIP');
    await preparer(services, '250 000');
    fireEvent.click(screen.getByRole('button', { name: 'Écrire la feuille Programme SIP' }));
    const dialogue = await screen.findByRole('dialog', { hidden: true });
    expect(within(dialogue).getByText(/La feuille « Programme SIP » existe déjà/)).toBeTruthy();
    fireEvent.click(within(dialogue).getByRole('button', { name: 'Annuler', hidden: true }));
    await waitFor(() => expect(screen.queryByRole('dialog', { hidden: true })).toBeNull());
    expect(services.ecrits).toHaveLength(0);

    fireEvent.click(screen.getByRole('button', { name: 'Écrire la feuille Programme SIP' }));
    fireEvent.click(within(await screen.findByRole('dialog', { hidden: true })).getByRole('button', { name: 'Remplacer', hidden: true }));
    expect(await screen.findByText('Feuille remplacée')).toBeTruthy();
    expect(services.ecrits.map((e) => e.remplacer)).toEqual([true]);
  });

  it('une erreur du classeur est dite en français, sans plantage', async () => {
    const services = fauxServices();
    services.ecrireProgramme = async () => { throw new Error('Le classeur est protégé'); };
    await preparer(services, '250 000');
    fireEvent.click(screen.getByRole('button', { name: 'Écrire la feuille Programme SIP' }));
    expect(await screen.findByText('Échec de l’écriture')).toBeTruthy();
    expect(screen.getByText('Le classeur est protégé')).toBeTruthy();
  });
});

describe('onglets du volet', () => {
  it('passe de la simulation au programme sans perdre la saisie', async () => {
    render(
      <FluentProvider theme={webLightTheme}>
        <VoletAvecOnglets simulation={<p>vue simulation</p>} programme={<VueProgramme services={fauxServices()} bareme={BAREME_PAR_DEFAUT} aujourdhui="2026-11-23" />} />
      </FluentProvider>,
    );
    expect(screen.queryByText('Programme SIP de l’année', { selector: 'h1' })).toBeNull(); // montée à la première ouverture
    fireEvent.click(screen.getByRole('tab', { name: 'Programme SIP de l’année' }));
    saisir('Enveloppe annuelle', '250 000');
    fireEvent.click(screen.getByRole('tab', { name: 'Simulation d’un centre' }));
    expect(screen.getByText('vue simulation').closest('[role="tabpanel"]')!.hasAttribute('hidden')).toBe(false);
    fireEvent.click(screen.getByRole('tab', { name: 'Programme SIP de l’année' }));
    await act(async () => undefined);
    expect((screen.getByLabelText('Enveloppe annuelle') as HTMLInputElement).value).toBe('250 000');
  });
});

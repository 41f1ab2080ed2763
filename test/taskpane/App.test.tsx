/** @jest-environment jsdom */
import * as React from 'react';
import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { BAREME_PAR_DEFAUT } from '../../src/rules/bareme/donnees';
import { App } from '../../src/taskpane/App';
import { versScenario } from '../../src/taskpane/formulaire';
import { nomFeuillePour } from '../../src/taskpane/nom-feuille';
import type { ServicesClasseur } from '../../src/taskpane/services';
import type { Scenario } from '../../src/rules/scenario/types';
import { AUJOURDHUI, cds, medecin } from './aides';

// Fluent v9 sous jsdom : ResizeObserver et matchMedia n'existent pas.
beforeAll(() => {
  (globalThis as any).ResizeObserver = class { observe() {} unobserve() {} disconnect() {} };
  window.matchMedia = window.matchMedia || ((q: string) => ({ matches: false, media: q, addListener() {}, removeListener() {}, addEventListener() {}, removeEventListener() {}, onchange: null, dispatchEvent: () => false }) as any);
});

interface Faux extends ServicesClasseur {
  ecrits: { scenario: Scenario; remplacer: boolean; nomFeuille: string }[];
  feuilles: Set<string>;
}

function fauxServices(relu: Scenario | null = null): Faux {
  const f: Faux = {
    ecrits: [],
    feuilles: new Set(),
    nomFeuille: nomFeuillePour,
    feuilleExiste: async (nom) => f.feuilles.has(nom),
    creerSimulation: async (scenario, o) => {
      const nom = o.nomFeuille ?? nomFeuillePour(scenario);
      f.ecrits.push({ scenario, remplacer: o.remplacer, nomFeuille: nom });
      f.feuilles.add(nom);
      return { feuille: nom, cellules: 321 };
    },
    lireScenario: async () => (relu ? { scenario: relu, feuille: nomFeuillePour(relu) } : null),
  };
  return f;
}

async function monter(services: ServicesClasseur) {
  const r = render(
    <FluentProvider theme={webLightTheme}>
      <App services={services} bareme={BAREME_PAR_DEFAUT} aujourdhui={AUJOURDHUI} />
    </FluentProvider>,
  );
  await act(async () => undefined); // relecture du scénario (promesse)
  return r;
}

const saisir = (libelle: string | RegExp, valeur: string, dans: HTMLElement = document.body) =>
  fireEvent.change(within(dans).getByLabelText(libelle), { target: { value: valeur } });
const medecinN = (n: number) => screen.getByRole('group', { name: `Médecin ${n}` });
const ligneEligibilite = (aide: string) => document.querySelector(`section[aria-label="Éligibilité"] li[data-aide="${aide}"]`) as HTMLElement;

describe('volet Simulation', () => {
  it('affiche en direct le message d’un champ invalide (quotité 1,5) et le retire une fois corrigé', async () => {
    await monter(fauxServices());
    saisir('Quotité', '1,5', medecinN(1));
    expect(await screen.findByText('Quotité : nombre dans ]0 ; 1] attendu (reçu : 1,5)')).toBeTruthy();
    saisir('Quotité', '0,8', medecinN(1));
    expect(screen.queryByText(/Quotité : nombre dans/)).toBeNull();
  });

  it('ne montre pas les erreurs des champs non touchés avant la première tentative, puis les montre toutes', async () => {
    const services = fauxServices();
    await monter(services);
    expect(screen.queryByText('Nom du centre : obligatoire')).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Créer la simulation' }));
    expect(await screen.findByText('Nom du centre : obligatoire')).toBeTruthy();
    expect(screen.getByText(/Coût salarial mensuel chargé \(€\) : obligatoire/)).toBeTruthy();
    expect(screen.getByText(/Corrigez les \d+ champs signalés avant de créer la simulation/)).toBeTruthy();
    expect(services.ecrits).toHaveLength(0);
  });

  it('éligibilité en direct : CDS en ZIP créé il y a 6 mois → CAI éligible ; créé il y a 2 ans → CAI refusé, COSCO éligible avec CPTS', async () => {
    await monter(fauxServices());
    saisir('Date de création', '01/06/2026');
    saisir('Début de la simulation', '01/12/2026');
    expect(ligneEligibilite('CAI').dataset.statut).toBe('eligible');
    saisir('Date de création', '15/11/2024');
    expect(ligneEligibilite('CAI').dataset.statut).toBe('non_eligible');
    expect(within(ligneEligibilite('CAI')).getByText(/plus d’un an avant le début de la simulation/)).toBeTruthy();
    expect(ligneEligibilite('COSCO').dataset.statut).toBe('non_eligible');
    fireEvent.click(screen.getByLabelText('Membre d’une CPTS ou d’une ESP'));
    expect(ligneEligibilite('COSCO').dataset.statut).toBe('eligible');
  });

  it('hors zone : CST seulement avec au moins 10 jours par an en ZIP', async () => {
    await monter(fauxServices());
    fireEvent.change(screen.getByLabelText('Zone'), { target: { value: 'HZ' } });
    saisir('Jours par an dans un centre en ZIP', '9', medecinN(1));
    saisir('Honoraires annuels de la mise à disposition', '120000', medecinN(1));
    expect(ligneEligibilite('CST').dataset.statut).toBe('non_eligible');
    expect(within(ligneEligibilite('CST')).getByText(/au moins 10 exigés/)).toBeTruthy();
    saisir('Jours par an dans un centre en ZIP', '10', medecinN(1));
    expect(ligneEligibilite('CST').dataset.statut).toBe('eligible');
    expect(ligneEligibilite('CAI').dataset.statut).toBe('non_eligible');
  });

  it('aperçu des versements : une vue du grand livre, par aide, par financeur et par année ; puis création de la simulation', async () => {
    const services = fauxServices();
    await monter(services);
    saisir('Nom du centre', 'CDS de Carhaix');
    saisir('Date de création', '01/06/2025');
    saisir('Début de la simulation', '01/12/2025');
    saisir('Coût salarial mensuel chargé', '9500', medecinN(1));
    saisir('Honoraires mensuels attendus', '7000', medecinN(1));
    fireEvent.click(screen.getByRole('button', { name: 'Ajouter un médecin' }));
    saisir('Coût salarial mensuel chargé', '9000', medecinN(2));
    saisir('Honoraires mensuels attendus', '8000', medecinN(2));
    const apercu = screen.getByRole('region', { name: 'Aperçu des montants' });
    // (Testing Library normalise les espaces insécables du texte affiché en espaces simples.)
    // 2 ETP : 30 000 + 25 000 = 55 000 €, versés 27 500 € à la signature puis 27 500 € un an après.
    const cai = apercu.querySelector('[data-cle="CAI"]') as HTMLElement;
    expect(within(cai).getByText('55 000,00 €')).toBeTruthy();
    expect(within(cai).getByText(/^année 1 : 27 500,00 € · année 2 : 27 500,00 € · année 3 : 0,00 €/)).toBeTruthy();
    expect(within(apercu.querySelector('[data-total="CPAM"]') as HTMLElement).getByText('55 000,00 €')).toBeTruthy();
    expect(within(apercu.querySelector('[data-total="ARS"]') as HTMLElement).getByText('0,00 €')).toBeTruthy();

    fireEvent.click(screen.getByRole('button', { name: 'Créer la simulation' }));
    expect(await screen.findByText(/Feuille « Simulation – CDS de Carhaix » écrite \(\d+ cellules\)/)).toBeTruthy();
    expect(services.ecrits).toHaveLength(1);
    expect(services.ecrits[0].remplacer).toBe(false);
    expect(services.ecrits[0].scenario.medecins.map((m) => m.coutSalarialMensuel)).toEqual([9500, 9000]);
  });

  it('demande confirmation avant de remplacer une feuille du même nom ; Annuler n’écrit rien, Remplacer écrit', async () => {
    const services = fauxServices();
    services.feuilles.add('Simulation – CDS de Carhaix');
    await monter(services);
    saisir('Nom du centre', 'CDS de Carhaix');
    saisir('Coût salarial mensuel chargé', '9500', medecinN(1));
    saisir('Honoraires mensuels attendus', '7000', medecinN(1));
    fireEvent.click(screen.getByRole('button', { name: 'Créer la simulation' }));
    const dialogue = await screen.findByRole('dialog', { hidden: true });
    expect(within(dialogue).getByText(/La feuille « Simulation – CDS de Carhaix » existe déjà/)).toBeTruthy();
    // (Sous jsdom, le « modalizer » de Fluent, global à la fenêtre, peut laisser aria-hidden d'un test
    // précédent sur le dialogue : on cherche donc aussi parmi les éléments masqués aux lecteurs d'écran.)
    fireEvent.click(within(dialogue).getByRole('button', { name: 'Annuler', hidden: true }));
    await waitFor(() => expect(screen.queryByRole('dialog', { hidden: true })).toBeNull());
    expect(services.ecrits).toHaveLength(0);

    fireEvent.click(screen.getByRole('button', { name: 'Créer la simulation' }));
    fireEvent.click(within(await screen.findByRole('dialog', { hidden: true })).getByRole('button', { name: 'Remplacer', hidden: true }));
    expect(await screen.findByText('Simulation mise à jour')).toBeTruthy();
    expect(services.ecrits).toEqual([expect.objectContaining({ remplacer: true })]);
  });

  it('une erreur d’écriture est dite en français, sans plantage', async () => {
    const services = fauxServices();
    services.creerSimulation = async () => { throw new Error('Le classeur est protégé'); };
    await monter(services);
    saisir('Nom du centre', 'CDS');
    saisir('Coût salarial mensuel chargé', '9500', medecinN(1));
    saisir('Honoraires mensuels attendus', '7000', medecinN(1));
    fireEvent.click(screen.getByRole('button', { name: 'Créer la simulation' }));
    expect(await screen.findByText('Échec de l’écriture')).toBeTruthy();
    expect(screen.getByText('Le classeur est protégé')).toBeTruthy();
  });

  it('rouvert sur une feuille de simulation, le volet relit son scénario', async () => {
    const relu = versScenario(cds({ nom: 'CDS de Morlaix', zone: 'ZAC', medecins: [medecin({ libelle: 'Dr Le Gall', quotite: '0,6', poste400: true })] }));
    await monter(fauxServices(relu));
    expect((screen.getByLabelText('Nom du centre') as HTMLInputElement).value).toBe('CDS de Morlaix');
    expect((screen.getByLabelText('Zone') as HTMLSelectElement).value).toBe('ZAC');
    expect((within(medecinN(1)).getByLabelText('Quotité') as HTMLInputElement).value).toBe('0,6');
    expect(screen.getByText(/reprend la simulation de la feuille « Simulation – CDS de Morlaix »/)).toBeTruthy();
    expect(ligneEligibilite('400POSTES').dataset.statut).toBe('eligible');
  });

  it('rouvert sur une simulation puis renommé : la mise à jour vise l’onglet relu, après confirmation', async () => {
    const relu = versScenario(cds({ nom: 'CDS de Morlaix', medecins: [medecin()] }));
    const services = fauxServices(relu);
    services.feuilles.add('Simulation – CDS de Morlaix');
    await monter(services);
    saisir('Nom du centre', 'Centre de santé de Morlaix');
    fireEvent.click(screen.getByRole('button', { name: 'Créer la simulation' }));
    const dialogue = await screen.findByRole('dialog', { hidden: true });
    expect(within(dialogue).getByText(/La feuille « Simulation – CDS de Morlaix » existe déjà/)).toBeTruthy();
    fireEvent.click(within(dialogue).getByRole('button', { name: 'Remplacer', hidden: true }));
    expect(await screen.findByText('Simulation mise à jour')).toBeTruthy();
    expect(services.ecrits).toEqual([expect.objectContaining({ remplacer: true, nomFeuille: 'Simulation – CDS de Morlaix' })]);
    expect(services.ecrits[0].scenario.centre.nom).toBe('Centre de santé de Morlaix');
  });

  it('MSP : section SIP à la place des médecins, accord national indisponible', async () => {
    const services = fauxServices();
    await monter(services);
    fireEvent.change(screen.getByLabelText('Type de structure'), { target: { value: 'msp' } });
    expect(screen.queryByRole('group', { name: 'Médecin 1' })).toBeNull();
    saisir('Nom du centre', 'MSP de Pontivy');
    saisir('Nombre de professionnels', '12');
    saisir('Montant des devis validés', '40000');
    expect((screen.getByLabelText('Accord national des centres de santé (2015)') as HTMLInputElement).disabled).toBe(true);
    expect(ligneEligibilite('SIP').dataset.statut).toBe('eligible');
    // Plafond hypothétique : 15 000 + 12 × 1 000 = 27 000 € < 40 000 € de devis.
    const sip = screen.getByRole('region', { name: 'Aperçu des montants' }).querySelector('[data-cle="SIP"]') as HTMLElement;
    expect(within(sip).getByText('27 000,00 €')).toBeTruthy();
  });

  it('ACI : choisir l’ACI propose ses indicateurs avec leurs points ; accord national et ACI exclusifs', async () => {
    await monter(fauxServices());
    fireEvent.click(screen.getByLabelText('ACI (accord conventionnel interprofessionnel)'));
    // Les points d'un indicateur s'affichent quand il est coché, avec les valeurs par défaut de la liste datée.
    expect(screen.queryByLabelText('Points variables — Fonction de coordination')).toBeNull();
    fireEvent.click(screen.getByRole('checkbox', { name: 'Fonction de coordination (prérequis)' }));
    expect((screen.getByLabelText('Points variables — Fonction de coordination') as HTMLInputElement).value).toBe('1700');
    fireEvent.click(screen.getByLabelText('Accord national des centres de santé (2015)'));
    expect(screen.queryByRole('checkbox', { name: 'Fonction de coordination (prérequis)' })).toBeNull();
    expect(screen.getByRole('checkbox', { name: 'Accessibilité du centre de santé' })).toBeTruthy();
    expect((screen.getByLabelText('ACI (accord conventionnel interprofessionnel)') as HTMLInputElement).checked).toBe(false);
  });
});

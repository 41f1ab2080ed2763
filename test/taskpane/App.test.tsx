/** @jest-environment jsdom */
import * as React from 'react';
import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { BAREME_PAR_DEFAUT } from '../../src/rules/bareme/donnees';
import { App } from '../../src/taskpane/App';
import { indicateursParDefaut, versScenario } from '../../src/taskpane/formulaire';
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
    saisir('Date de création', '01/06/2025');
    saisir('Début de la simulation', '01/12/2025');
    expect(ligneEligibilite('CAI').dataset.statut).toBe('eligible');
    saisir('Date de création', '15/11/2024');
    expect(ligneEligibilite('CAI').dataset.statut).toBe('non_eligible');
    expect(within(ligneEligibilite('CAI')).getByText(/plus d’un an avant la signature \(01\/12\/2025\)/)).toBeTruthy();
    // COSCO signé au début de la simulation (01/12/2025), dans la 2e année du centre (depuis le 15/11/2025).
    expect(ligneEligibilite('COSCO').dataset.statut).toBe('non_eligible');
    fireEvent.click(screen.getByLabelText('Membre d’une CPTS ou d’une ESP'));
    expect(ligneEligibilite('COSCO').dataset.statut).toBe('eligible');
  });

  it('contrats déjà signés : la date de signature décide du régime ; à partir du 01/01/2026, l’aide automatique', async () => {
    await monter(fauxServices());
    saisir('Date de création', '01/06/2025');
    saisir('Début de la simulation', '01/12/2025');
    const contrats = screen.getByRole('region', { name: 'Contrats démographiques' });
    expect(within(contrats).getByText('Vide : première date possible dans la simulation ; signé à partir du 01/01/2026, le contrat est remplacé par l’aide automatique.')).toBeTruthy();
    // Sans date saisie : CAI et CST au début de la simulation, COSCO à la 2e année du centre.
    expect(within(contrats).getAllByText('Facultatif ; vide : 01/12/2025')).toHaveLength(2);
    expect(within(contrats).getByText('Facultatif ; vide : 01/06/2026')).toBeTruthy();
    saisir('Signature du CAI', '31/12/2025', contrats);
    expect(ligneEligibilite('CAI').dataset.statut).toBe('eligible');
    saisir('Signature du CAI', '01/01/2026', contrats);
    expect(ligneEligibilite('CAI').dataset.statut).toBe('non_eligible');
    expect(within(ligneEligibilite('CAI')).getByText(/^Signé le 01\/01\/2026 : contrat d’aide à l’installation \(CAI\) : plus de signature possible au 01\/01\/2026 \(contrats remplacés par l’aide automatique/)).toBeTruthy();
    const aide = ligneEligibilite('AIDE_CDS');
    expect(aide.dataset.statut).toBe('eligible');
    expect(within(aide).getByText('Aide démographique automatique des centres de santé')).toBeTruthy();
    expect(within(aide).getByText(/^Centre de santé en ZIP ou en ZAC, par ETP éligible, à partir du 01\/01\/2026 ; montants non publiés/)).toBeTruthy();
    // Date invalide ou antérieure à la création : message du champ.
    saisir('Signature du COSCO', '31/05/2025', contrats);
    expect(within(contrats).getByText('Signature du COSCO : date postérieure ou égale à la création du centre (01/06/2025) attendue')).toBeTruthy();
    // Une MSP n'a pas de contrats démographiques.
    fireEvent.change(screen.getByLabelText('Type de structure'), { target: { value: 'msp' } });
    expect(screen.queryByRole('region', { name: 'Contrats démographiques' })).toBeNull();
  });

  it('territoire : zonage médecin ZIP, ZAC ou hors zone ; QPV et île sont des cases qui s’y ajoutent', async () => {
    await monter(fauxServices());
    const zone = screen.getByLabelText('Zone') as HTMLSelectElement;
    expect([...zone.options].map((o) => [o.value, o.textContent])).toEqual([
      ['ZIP', 'Zone d’intervention prioritaire (ZIP)'], ['ZAC', 'Zone d’action complémentaire (ZAC)'], ['HZ', 'Hors zone'],
    ]);
    fireEvent.change(zone, { target: { value: 'HZ' } });
    fireEvent.click(within(medecinN(1)).getByRole('switch', { name: 'Poste « 400 postes » (garantie de salaire ARS)' }));
    expect(ligneEligibilite('400POSTES').dataset.statut).toBe('non_eligible');
    fireEvent.click(screen.getByLabelText('Quartier prioritaire de la politique de la ville (QPV)'));
    expect(ligneEligibilite('400POSTES').dataset.statut).toBe('eligible');
    expect(ligneEligibilite('CAI').dataset.statut).toBe('non_eligible'); // le QPV n'ouvre pas le CAI (ZIP seulement)
    fireEvent.click(screen.getByLabelText('Quartier prioritaire de la politique de la ville (QPV)'));
    // Aide SIP d'un centre de santé hors zone : seulement sur une île (ou en QPV).
    fireEvent.click(screen.getByRole('switch', { name: 'Demander l’aide SIP' }));
    saisir('Nombre de professionnels', '8');
    saisir('Montant des devis validés', '20000');
    expect(ligneEligibilite('SIP').dataset.statut).toBe('non_eligible');
    fireEvent.click(screen.getByLabelText('Centre situé sur une île'));
    expect(ligneEligibilite('SIP').dataset.statut).toBe('eligible');
  });

  it('hors zone : CST seulement avec au moins 10 jours par an en ZIP', async () => {
    await monter(fauxServices());
    saisir('Début de la simulation', '01/12/2025');
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
    // Aide automatique des années civiles 2026 à 2029 (versée chaque 31/12 ; l'horizon finit le 30/11/2030) :
    // « montant non publié », jamais 0 €, hors des totaux.
    const nonPublies = [...apercu.querySelectorAll('[data-non-publie]')] as HTMLElement[];
    expect(nonPublies.map((l) => l.dataset.nonPublie)).toEqual(['aide_cds.2026', 'aide_cds.2027', 'aide_cds.2028', 'aide_cds.2029']);
    expect(within(nonPublies[0]).getByText('Aide automatique CDS — année 2026')).toBeTruthy();
    expect(within(nonPublies[0]).getByText('montant non publié')).toBeTruthy();
    expect(within(nonPublies[0]).getByText(/^versement prévu le 31\/12\/2026 \(année 2\) par la CPAM/)).toBeTruthy();
    for (const l of nonPublies) expect(l.textContent).not.toMatch(/€/);

    fireEvent.click(screen.getByRole('button', { name: 'Créer la simulation' }));
    expect(await screen.findByText(/Feuille « Simulation – CDS de Carhaix » écrite \(\d+ cellules\)/)).toBeTruthy();
    expect(services.ecrits).toHaveLength(1);
    expect(services.ecrits[0].remplacer).toBe(false);
    expect(services.ecrits[0].scenario.medecins.map((m) => m.coutSalarialMensuel)).toEqual([9500, 9000]);
  });

  it('aperçu sans montant chiffré : un centre ouvert en 2026 n’a que l’aide automatique, « montant non publié », sans total à 0 €', async () => {
    await monter(fauxServices());
    saisir('Nom du centre', 'CDS de Brest');
    saisir('Date de création', '01/06/2026');
    saisir('Début de la simulation', '01/01/2027');
    saisir('Horizon (années)', '1');
    saisir('Coût salarial mensuel chargé', '9500', medecinN(1));
    saisir('Honoraires mensuels attendus', '7000', medecinN(1));
    const apercu = screen.getByRole('region', { name: 'Aperçu des montants' });
    // CAI signé le 01/01/2027 : remplacé ; l'aide automatique de 2027 (1 ETP au 1er janvier) est versée le 31/12/2027.
    expect(within(apercu).getByText('Aucun versement chiffré dans l’horizon de la simulation.')).toBeTruthy();
    expect(apercu.querySelector('[data-total]')).toBeNull();
    const l = apercu.querySelector('[data-non-publie="aide_cds.2027"]') as HTMLElement;
    expect(within(l).getByText('montant non publié')).toBeTruthy();
    expect(within(l).getByText(/^versement prévu le 31\/12\/2027 \(année 1\) par la CPAM · valeur à saisir dans la feuille « Barème » dès sa publication : cds\.aide_automatique\.medical\.zip$/)).toBeTruthy();
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

  it('rouvert sur un scénario de 2026, le volet recharge chaque champ et le réécrit à l’identique', async () => {
    const indicateurs = indicateursParDefaut('aci', '2025-12-01').map((i) => ({ ...i, atteint: i.nature === 'socle_prerequis' }));
    const relu = versScenario(cds({
      nom: 'CDS de Douarnenez', type: 'cds_devenant_polyvalent', zone: 'ZIP', qpv: true, ile: true, dateCreation: '01/01/2010', dateDemandePolyvalent: '01/03/2024',
      membreCptsEsp: true, signatureCai: '15/09/2025', signatureCosco: '01/10/2025', debut: '01/12/2025',
      medecins: [medecin({ libelle: 'Dr Le Gall', poste400: true, renouvellement400: true, honorairesMensuels: '', consultationsParMois: '140' })],
      adhesion: 'aci', patientele: '4000', aciNbProfessionnels: '20', indicateurs,
    }));
    const services = fauxServices(relu);
    await monter(services);
    const valeur = (libelle: string, dans: HTMLElement = document.body) => (within(dans).getByLabelText(libelle) as HTMLInputElement).value;
    const coche = (libelle: string) => (screen.getByLabelText(libelle) as HTMLInputElement).checked;
    expect(coche('Quartier prioritaire de la politique de la ville (QPV)')).toBe(true);
    expect(coche('Centre situé sur une île')).toBe(true);
    expect(valeur('Date de la demande pour devenir polyvalent')).toBe('01/03/2024');
    expect([valeur('Signature du CAI'), valeur('Signature du COSCO'), valeur('Signature du CST')]).toEqual(['15/09/2025', '01/10/2025', '']);
    expect(coche('Contrat 400 postes renouvelé au terme des 2 ans')).toBe(true);
    expect(valeur('Honoraires mensuels attendus', medecinN(1))).toBe('');
    expect(valeur('Consultations par mois attendues', medecinN(1))).toBe('140');
    expect(valeur('Nombre de professionnels de la structure')).toBe('20');
    expect(screen.getByRole('checkbox', { name: 'Crises sanitaires (socle)' })).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Créer la simulation' }));
    expect(await screen.findByText('Simulation créée')).toBeTruthy();
    expect(services.ecrits[0].scenario).toEqual(relu);
  });

  it('ancienne zone « QPV » relue : hors zone, case QPV cochée, réécrite ainsi', async () => {
    const relu = versScenario(cds({ nom: 'CDS de Lorient', zone: 'HZ', medecins: [medecin({ poste400: true })] }));
    relu.centre.zone = 'QPV';
    const services = fauxServices(relu);
    await monter(services);
    expect((screen.getByLabelText('Zone') as HTMLSelectElement).value).toBe('HZ');
    expect((screen.getByLabelText('Quartier prioritaire de la politique de la ville (QPV)') as HTMLInputElement).checked).toBe(true);
    expect(ligneEligibilite('400POSTES').dataset.statut).toBe('eligible');
    fireEvent.click(screen.getByRole('button', { name: 'Créer la simulation' }));
    expect(await screen.findByText('Simulation créée')).toBeTruthy();
    expect(services.ecrits[0].scenario.centre).toMatchObject({ zone: 'HZ', qpv: true });
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

  it('ACI : choisir l’ACI propose ses indicateurs avec leur nature et leurs points ; accord national et ACI exclusifs', async () => {
    await monter(fauxServices());
    fireEvent.click(screen.getByLabelText('ACI (accord conventionnel interprofessionnel)'));
    // Les points d'un indicateur s'affichent quand il est coché, avec les valeurs par défaut de la liste datée.
    expect(screen.queryByLabelText('Points variables — Fonction de coordination')).toBeNull();
    fireEvent.click(screen.getByRole('checkbox', { name: 'Fonction de coordination (socle prérequis)' }));
    expect((screen.getByLabelText('Points variables — Fonction de coordination') as HTMLInputElement).value).toBe('1700');
    // Trois socles prérequis, quatre socles, le reste optionnel (FEMASIF, REGLES.md §8).
    const natures = (nature: string) => screen.getAllByRole('checkbox', { name: new RegExp(`\\(${nature}\\)$`) }).length;
    expect([natures('socle prérequis'), natures('socle')]).toEqual([3, 4]);
    expect(screen.getByRole('checkbox', { name: 'Formation des jeunes professionnels de santé (optionnel)' })).toBeTruthy();
    fireEvent.click(screen.getByLabelText('Accord national des centres de santé (2015)'));
    expect(screen.queryByRole('checkbox', { name: 'Fonction de coordination (socle prérequis)' })).toBeNull();
    expect(screen.getByRole('checkbox', { name: 'Accessibilité du centre de santé (socle)' })).toBeTruthy();
    // Un libellé qui dit déjà sa nature ne la répète pas.
    expect(screen.getByRole('checkbox', { name: 'Information du public (optionnel)' })).toBeTruthy();
    expect((screen.getByLabelText('ACI (accord conventionnel interprofessionnel)') as HTMLInputElement).checked).toBe(false);
    // Depuis 2026, l'accord national paie en euros, montants non publiés.
    expect(screen.getByText(/^À partir du 01\/01\/2026, la rémunération de l’accord national \(Accord national des centres de santé \(2025\)[^)]*\) est en euros, et non plus en points ; son montant n’est pas publié/)).toBeTruthy();
    expect(screen.queryByLabelText('Nombre de professionnels de la structure')).toBeNull();
  });

  it('ACI : les points du SI niveau standard suivent le nombre de professionnels (500 + 200 × min(n ; 16) + 150 × (n − 16))', async () => {
    await monter(fauxServices());
    fireEvent.click(screen.getByLabelText('ACI (accord conventionnel interprofessionnel)'));
    const si = () => screen.getByRole('group', { name: 'Système d’information niveau standard' });
    fireEvent.click(within(si()).getByRole('checkbox'));
    // Sans nombre : les points fixes se saisissent (500 par défaut).
    expect((screen.getByLabelText('Points fixes — Système d’information niveau standard') as HTMLInputElement).value).toBe('500');
    for (const [n, texte] of [['1', '700 points fixes pour 1 professionnel'], ['16', '3 700 points fixes pour 16 professionnels'], ['20', '4 300 points fixes pour 20 professionnels']]) {
      saisir('Nombre de professionnels de la structure', n);
      expect(within(si()).getByText(`${texte} (SIP.ACI_SI)`)).toBeTruthy();
    }
    // Calculés, ils ne se saisissent plus.
    expect(screen.queryByLabelText('Points fixes — Système d’information niveau standard')).toBeNull();
    saisir('Nombre de professionnels de la structure', '0');
    expect(screen.getByText('Nombre de professionnels de la structure : entier ≥ 1 attendu (reçu : 0)')).toBeTruthy();
  });

  it('médecin 400 postes : renouvellement au terme des 2 ans, et seuils d’activité dans l’aide des consultations', async () => {
    await monter(fauxServices());
    saisir('Date de création', '01/06/2025');
    saisir('Début de la simulation', '01/12/2025');
    saisir('Horizon (années)', '5');
    saisir('Nom du centre', 'CDS');
    saisir('Coût salarial mensuel chargé', '9500', medecinN(1));
    saisir('Honoraires mensuels attendus', '7000', medecinN(1));
    expect(within(medecinN(1)).queryByLabelText('Contrat 400 postes renouvelé au terme des 2 ans')).toBeNull();
    fireEvent.click(within(medecinN(1)).getByRole('switch', { name: 'Poste « 400 postes » (garantie de salaire ARS)' }));
    const p400 = () => screen.getByRole('region', { name: 'Aperçu des montants' }).querySelector('[data-cle="400POSTES.0"]') as HTMLElement;
    // 2 070 € par mois pendant 24 mois, puis 24 de plus s'il est renouvelé.
    expect(within(p400()).getByText('49 680,00 €')).toBeTruthy();
    fireEvent.click(within(medecinN(1)).getByLabelText('Contrat 400 postes renouvelé au terme des 2 ans'));
    expect(within(p400()).getByText('99 360,00 €')).toBeTruthy();
    // Les consultations sont la contrepartie : au moins 100 par mois jusqu'au 3e mois, puis 165, × quotité.
    expect(within(medecinN(1)).getByText(/au moins 100 par mois jusqu’au mois 3 du contrat, puis 165/)).toBeTruthy();
    saisir('Quotité', '0,6', medecinN(1));
    expect(within(medecinN(1)).getByText(/au moins 60 par mois jusqu’au mois 3 du contrat, puis 99/)).toBeTruthy();
    saisir('Quotité', '1', medecinN(1));
    saisir('Consultations par mois attendues', '150', medecinN(1));
    // 150 < 165 à partir du 4e mois : garantie des 3 premiers mois seulement, 3 × 2 070 = 6 210 €.
    expect(within(p400()).getByText('6 210,00 €')).toBeTruthy();
  });
});

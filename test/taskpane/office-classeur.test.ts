/** @jest-environment jsdom */
// Services Office du volet (src/taskpane/office-classeur.ts) sur le faux hôte Office des tests
// (test/browser/faux-office.js, installé sur window) : création, relecture du scénario, vérification,
// mise à jour du barème après différence.
import { BAREME_PAR_DEFAUT } from '../../src/rules/bareme/donnees';
import type { Bareme } from '../../src/rules/bareme/types';
import { versScenario } from '../../src/taskpane/formulaire';
import { nomFeuillePour } from '../../src/taskpane/nom-feuille';
import { servicesOffice } from '../../src/taskpane/office-classeur';
import { nomFeuilleProvenance } from '../../src/workbook/provenance';
import { installer, type FauxOffice } from '../browser/faux-office';
import { cds, medecin } from './aides';
import { recalculerFeuille } from './recalcul';

let faux: FauxOffice;

beforeEach(() => {
  faux = installer(window); // classeur neuf à chaque test
});

const scenario = versScenario(cds({
  nom: 'CDS de Quimperlé', membreCptsEsp: true,
  medecins: [medecin({ libelle: 'Dr Tanguy', poste400: true }), medecin({ libelle: 'Dr Riou', quotite: '0,5', coutSalarialMensuel: '4800', honorairesMensuels: '4000' }, 2)],
}));
const FEUILLE = nomFeuillePour(scenario);

/** Ce que ferait le recalcul d'Excel : toutes les formules évaluées par le moteur sans tableur (HyperFormula). */
function calculer(nom: string) {
  recalculerFeuille(faux, nom, scenario.simulation.debut);
}

describe('services Office du volet', () => {
  it('crée la feuille et sa provenance masquée, puis relit le scénario de la feuille active', async () => {
    const services = servicesOffice(BAREME_PAR_DEFAUT);
    expect(FEUILLE).toBe('Simulation – CDS de Quimperlé');
    expect(await services.feuilleExiste(FEUILLE)).toBe(false);
    const avant = { ...faux.journal };
    const r = await services.creerSimulation(scenario, { remplacer: false });
    expect(r.feuille).toBe(FEUILLE);
    // Un Excel.run, deux sync pour une nouvelle feuille ; puis un pour la feuille « Barème » du classeur
    // (absente : vérifiée puis écrite, deux sync).
    expect(faux.journal.runs - avant.runs).toBe(2);
    expect(faux.journal.syncs - avant.syncs).toBe(4);
    expect(faux.etat().map((f) => [f.nom, f.visibilite])).toContainEqual(['Barème', 'Visible']);
    const feuilles = faux.etat();
    expect(feuilles.find((f) => f.nom === nomFeuilleProvenance(FEUILLE))?.visibilite).toBe('Hidden');
    expect(await services.feuilleExiste(FEUILLE)).toBe(true);
    expect(await services.lireScenario()).toEqual({ scenario, feuille: FEUILLE });
  });

  it('sur une feuille qui n’est pas une simulation : pas de relecture, vérification refusée en français', async () => {
    const services = servicesOffice(BAREME_PAR_DEFAUT);
    expect(await services.lireScenario()).toBeNull();
    await expect(services.verifier!()).rejects.toThrow('La feuille active n’est pas une feuille de simulation');
  });

  it('remplacer une feuille homonyme qui n’est pas une simulation est refusé (jamais d’écrasement)', async () => {
    const services = servicesOffice(BAREME_PAR_DEFAUT);
    faux.ajouterFeuille(FEUILLE); // feuille homonyme de l'utilisateur
    await expect(services.creerSimulation(scenario, { remplacer: true })).rejects.toThrow(/n’est pas une simulation/);
  });

  it('vérifier : conforme après le calcul, puis signale une formule modifiée à la main', async () => {
    const services = servicesOffice(BAREME_PAR_DEFAUT);
    await services.creerSimulation(scenario, { remplacer: false });
    calculer(FEUILLE);
    const r = await services.verifier!();
    expect(r.details).toEqual([]);
    expect(r.ok).toBe(true);
    expect(r.resume).toMatch(/^Feuille « Simulation – CDS de Quimperlé » : (\d+) sur \1 formules conformes\.$/);

    const [adresse] = Object.entries(faux.feuille(FEUILLE).cellules).find(([, c]) => c.formule?.startsWith('=SIP.CAI('))!;
    faux.ecrireUtilisateur(FEUILLE, adresse, '=SIP.CAI(3)');
    const r2 = await services.verifier!();
    expect(r2.ok).toBe(false);
    expect(r2.resume).toContain('1 formule modifiée(s) à la main');
    expect(r2.details.some((d) => d.startsWith(`${adresse} : formule modifiée à la main : =SIP.CAI(3)`))).toBe(true);
  });

  it('mettre à jour le barème : différences listées, puis feuille réécrite avec le barème courant', async () => {
    await servicesOffice(BAREME_PAR_DEFAUT).creerSimulation(scenario, { remplacer: false });
    expect(await servicesOffice(BAREME_PAR_DEFAUT).differencesBareme!()).toBeNull();

    const nouveau: Bareme = JSON.parse(JSON.stringify(BAREME_PAR_DEFAUT));
    nouveau.version = '2027.01-1';
    const plafond = nouveau.parametres.find((p) => p.id === 'cai.plafond')!;
    plafond.valeurs[0].au = '2026-12-31';
    plafond.valeurs.push({ valeur: '90000', du: '2027-01-01', au: null, statut: 'a_confirmer', source: { document: 'Test', section: 'Nouvelle valeur' } });
    const services = servicesOffice(nouveau);
    const d = await services.differencesBareme!();
    expect(d?.lignes).toHaveLength(1);
    expect(d?.lignes[0]).toMatch(/^CAI : montant maximal : .*nouvelle période dans le barème courant : 90000 \(du 2027-01-01/);
    const r = await d!.appliquer();
    expect(r.feuille).toBe(FEUILLE);
    expect(await services.differencesBareme!()).toBeNull();
    expect(await services.lireScenario()).toEqual({ scenario, feuille: FEUILLE });
  });
});

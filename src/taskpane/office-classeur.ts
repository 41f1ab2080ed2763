// Services du volet sur le vrai classeur (Office.js) : la mise en page, la provenance, l'écriture,
// la relecture et la vérification sont celles de src/workbook (partagées avec la CLI) ; ce module ne
// fait que les appeler, chacune dans un seul Excel.run.
import type { Bareme } from '../rules/bareme/types';
import { aujourdhuiIso } from '../rules/dates';
import { decrireSimulation } from '../workbook/simulation';
import { ecrireOffice, lireSimulationOffice, type SimulationOffice } from '../workbook/office/ecrire.office';
import { creerProvenance } from '../workbook/provenance';
import type { Scenario } from '../rules/scenario/types';
import { comparerBaremes } from '../workbook/verification';
import { lireClasseurOffice } from '../workbook/verification/classeur.office';
import { controlerClasseur } from '../workbook/signature/controle';
import { verificateurWebCrypto, type VerificateurEd25519 } from '../workbook/signature/ed25519';
import { MagasinCles } from '../workbook/signature/magasin';
import { cleVolet, rapportVolet } from './rapport-verification';
import { VERSION_COMPLEMENT } from '../workbook/version';
import { ecrireBaremeDuClasseur } from '../functions/bareme-volet';
import { nomFeuillePour } from './nom-feuille';
import type { DifferencesBareme, RapportVerification, ResultatEcriture, ServicesClasseur } from './services';

const PAS_UNE_SIMULATION = 'La feuille active n’est pas une feuille de simulation : ouvrez l’onglet d’une simulation créée par le complément.';

async function ecrire(scenario: Scenario, bareme: Bareme, remplacer: boolean, nomFeuille = nomFeuillePour(scenario)): Promise<ResultatEcriture> {
  const description = decrireSimulation(scenario, bareme, { nomFeuille, dateGeneration: aujourdhuiIso(), versionComplement: VERSION_COMPLEMENT });
  const provenance = creerProvenance(scenario, bareme, description, { versionComplement: VERSION_COMPLEMENT, dateGeneration: new Date().toISOString() });
  // Remplacer = mettre à jour en place une simulation existante : seule la plage générée est
  // réécrite ; une feuille qui n'est pas une simulation est refusée par l'écrivain (jamais écrasée).
  const r = await Excel.run((context) => ecrireOffice(context, description, provenance, remplacer ? { miseAJour: true } : {}));
  // La feuille visible « Barème » du classeur, écrite avec sa première simulation (jamais écrasée ensuite).
  await ecrireBaremeDuClasseur(bareme);
  return { feuille: r.feuille, cellules: description.cellules.length };
}

async function simulationActive(): Promise<SimulationOffice> {
  const s = await Excel.run((context) => lireSimulationOffice(context));
  if (!s) throw new Error(PAS_UNE_SIMULATION);
  return s;
}

export interface OptionsServicesOffice {
  /** Clés de confiance (défaut : réglages de l'utilisateur, localStorage). */
  magasin?: MagasinCles;
  /** Vérification Ed25519 (défaut : WebCrypto du navigateur du volet). */
  verificateur?: VerificateurEd25519;
}

export function servicesOffice(bareme: Bareme, o: OptionsServicesOffice = {}): ServicesClasseur {
  const magasin = o.magasin ?? new MagasinCles();
  const verificateur = o.verificateur ?? verificateurWebCrypto();
  return {
    nomFeuille: nomFeuillePour,

    feuilleExiste: (nom) =>
      Excel.run(async (context) => {
        const f = context.workbook.worksheets.getItemOrNullObject(nom);
        await context.sync();
        return !f.isNullObject;
      }),

    creerSimulation: (scenario, { remplacer, nomFeuille }) => ecrire(scenario, bareme, remplacer, nomFeuille ?? nomFeuillePour(scenario)),

    lireScenario: async () => {
      const s = await Excel.run((context) => lireSimulationOffice(context));
      return s ? { scenario: s.provenance.scenario, feuille: s.provenance.feuille } : null;
    },

    verifier: async (): Promise<RapportVerification> => {
      const c = await Excel.run((context) => lireClasseurOffice(context));
      if (!c) throw new Error(PAS_UNE_SIMULATION);
      const [s] = await controlerClasseur(c, { baremeCourant: bareme, confiance: magasin.lister(), verificateur });
      return rapportVolet(s);
    },

    clesConfiance: {
      lister: () => magasin.lister().map(cleVolet),
      importer: (texte, fichier) => cleVolet(magasin.importer(texte, fichier)),
      retirer: (empreinte) => magasin.retirer(empreinte),
    },

    differencesBareme: async (): Promise<DifferencesBareme | null> => {
      const s = await simulationActive();
      const differences = comparerBaremes(s.provenance.bareme, bareme);
      if (differences.length === 0) return null;
      return {
        lignes: differences.map((d) => `${d.libelle} : ${d.detail}`),
        // La feuille est réécrite en place avec son propre scénario et le barème courant.
        appliquer: () => ecrire(s.provenance.scenario, bareme, true, s.provenance.feuille),
      };
    },
  };
}


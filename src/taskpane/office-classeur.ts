// Services du volet sur le vrai classeur (Office.js) : la mise en page, la provenance, l'écriture,
// la relecture et la vérification sont celles de src/workbook (partagées avec la CLI) ; ce module ne
// fait que les appeler, chacune dans un seul Excel.run.
import type { Bareme } from '../rules/bareme/types';
import { aujourdhuiIso } from '../rules/dates';
import { decrireSimulation } from '../workbook/simulation';
import { ecrireOffice, lireSimulationOffice, type SimulationOffice } from '../workbook/office/ecrire.office';
import { creerProvenance } from '../workbook/provenance';
import type { Scenario } from '../rules/scenario/types';
import { comparerBaremes, verifierClasseur } from '../workbook/verification';
import { VERSION_COMPLEMENT } from '../workbook/version';
import { nomFeuillePour } from './nom-feuille';
import type { DifferencesBareme, RapportVerification, ResultatEcriture, ServicesClasseur } from './services';

const PAS_UNE_SIMULATION = 'La feuille active n’est pas une feuille de simulation : ouvrez l’onglet d’une simulation créée par le complément.';

async function ecrire(scenario: Scenario, bareme: Bareme, remplacer: boolean, nomFeuille = nomFeuillePour(scenario)): Promise<ResultatEcriture> {
  const description = decrireSimulation(scenario, bareme, { nomFeuille, dateGeneration: aujourdhuiIso(), versionComplement: VERSION_COMPLEMENT });
  const provenance = creerProvenance(scenario, bareme, description, { versionComplement: VERSION_COMPLEMENT, dateGeneration: new Date().toISOString() });
  // Remplacer = mettre à jour en place une simulation existante : seule la plage générée est
  // réécrite ; une feuille qui n'est pas une simulation est refusée par l'écrivain (jamais écrasée).
  const r = await Excel.run((context) => ecrireOffice(context, description, provenance, remplacer ? { miseAJour: true } : {}));
  return { feuille: r.feuille, cellules: description.cellules.length };
}

async function simulationActive(): Promise<SimulationOffice> {
  const s = await Excel.run((context) => lireSimulationOffice(context));
  if (!s) throw new Error(PAS_UNE_SIMULATION);
  return s;
}

const pluriel = (n: number, mot: string) => `${n} ${mot}${n > 1 ? 's' : ''}`;

export function servicesOffice(bareme: Bareme): ServicesClasseur {
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
      const s = await simulationActive();
      const r = verifierClasseur(s.cellules, s.provenance, bareme);
      const ecarts = r.cellules.filter((c) => c.constats[0] !== 'conforme');
      const parties = [
        `${r.resume.conformes} sur ${pluriel(r.resume.verifiees, 'formule')} conformes`,
        r.resume.formulesModifiees ? `${pluriel(r.resume.formulesModifiees, 'formule')} modifiée(s) à la main` : '',
        r.resume.valeursDifferentes ? `${pluriel(r.resume.valeursDifferentes, 'valeur')} différente(s) du recalcul` : '',
        r.empreinte.conforme ? '' : 'empreinte de contenu différente (scénario, barème ou formules modifiés)',
        r.bareme.identique ? '' : `barème de la feuille (${r.bareme.versionEmbarquee}) différent du barème courant (${r.bareme.versionCourante})`,
      ].filter(Boolean);
      return {
        ok: r.ok,
        resume: `Feuille « ${r.feuille} » : ${parties.join(' ; ')}.`,
        details: [
          ...ecarts.map((c) => `${c.adresse} : ${c.message}`),
          ...r.bareme.differences.map((d) => `${d.libelle} : ${d.detail}`),
        ],
      };
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


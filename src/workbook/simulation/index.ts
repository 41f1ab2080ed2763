// LA feuille de simulation (une seule description, écrite par le volet avec Office.js et par
// `sip simulate` avec exceljs) : une suite de blocs sur un constructeur commun, tous vues du grand
// livre des versements (src/rules/versements) et du plan de financement. Formules en forme
// invariante (noms anglais, virgules). Pur : ni Office, ni exceljs, ni hyperformula.
import type { Bareme } from '../../rules/bareme/types';
import { planFinancement } from '../../rules/plan/plan';
import type { PlanFinancement } from '../../rules/plan/types';
import type { Scenario } from '../../rules/scenario/types';
import type { DescriptionFeuille } from '../description';
import { Feuille } from '../feuille';
import { blocAnnuel } from './annuel';
import { blocCalculs } from './calculs';
import type { ContexteSimulation } from './contexte';
import { blocEcheancier } from './echeancier';
import { blocEligibilite } from './eligibilite';
import { blocEntrees } from './entrees';
import { blocGarantie400 } from './garantie400';
import { blocNotes, numeroterNotes } from './notes';
import { blocPlan } from './plan';
import { blocSynthese } from './synthese';
import { blocTitre } from './titre';

export const NOM_FEUILLE_PAR_DEFAUT = 'Simulation';

export interface OptionsSimulation {
  /** Nom de l'onglet (défaut « Simulation »). */
  nomFeuille?: string;
  /** Date de génération AAAA-MM-JJ affichée sous le titre (n'entre dans aucune formule). */
  dateGeneration?: string;
  /** Version du complément affichée sous le titre. */
  versionComplement?: string;
  /** Plan déjà calculé pour ce scénario et ce barème (évite de le recalculer). */
  plan?: PlanFinancement;
}

/** Largeurs des colonnes (caractères) : A porte les libellés, l'objet des versements et les notes. */
function largeurs(f: Feuille): void {
  f.largeur(1, 58);
  for (let c = 2; c <= 10; c++) f.largeur(c, 14);
}

export function decrireSimulation(scenario: Scenario, bareme: Bareme, o: OptionsSimulation = {}): DescriptionFeuille {
  const plan = o.plan ?? planFinancement(scenario, bareme);
  const ctx: ContexteSimulation = {
    s: scenario,
    bareme,
    plan,
    livre: plan.livre,
    f: new Feuille(),
    entrees: new Map(),
    notes: new Map(),
    ...(o.dateGeneration ? { dateGeneration: o.dateGeneration } : {}),
    ...(o.versionComplement ? { versionComplement: o.versionComplement } : {}),
  };
  numeroterNotes(ctx);
  blocTitre(ctx);
  blocEntrees(ctx);
  blocEligibilite(ctx);
  blocAnnuel(ctx);
  blocEcheancier(ctx);
  blocGarantie400(ctx);
  blocCalculs(ctx);
  const lignesPlan = blocPlan(ctx);
  blocSynthese(ctx, lignesPlan);
  blocNotes(ctx);
  largeurs(ctx.f);
  return ctx.f.description(o.nomFeuille ?? NOM_FEUILLE_PAR_DEFAUT);
}

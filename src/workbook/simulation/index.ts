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
import { miseEnPageA4 } from '../impression';
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

/** Colonnes des tableaux (échéancier : A à J) : les notes et motifs longs s'y renvoient à la ligne. */
const LARGEUR_TABLEAUX = 10;

/**
 * Largeurs des colonnes (caractères), pour une page A4 paysage de large lisible : A porte les libellés,
 * l'objet des versements et les notes, à la largeur de son plus long libellé (au-delà de 45, renvoi à la
 * ligne) ; B à J les montants (12 345,67 €), dates et libellés courts (plus longs : renvoi à la ligne) ;
 * au-delà, les périodes du plan, à l'euro près.
 */
function largeurs(f: Feuille): void {
  f.largeur(1, 45);
  f.ajusterLargeur(1, 45);
  for (let c = 2; c <= LARGEUR_TABLEAUX; c++) {
    f.largeur(c, 12);
    f.ajusterLargeur(c, 12);
  }
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
  ctx.f.imprimer(miseEnPageA4({ titre: 'Simulation des financements', sujet: scenario.centre.nom, ...(o.dateGeneration ? { dateGeneration: o.dateGeneration } : {}) }));
  return ctx.f.description(o.nomFeuille ?? NOM_FEUILLE_PAR_DEFAUT, { largeurDefaut: 10, textesLongsJusqua: LARGEUR_TABLEAUX });
}

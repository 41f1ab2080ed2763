// Ce que partagent les blocs de la feuille de simulation : le scénario, le plan (qui porte le grand
// livre), la feuille en construction, les cellules des données d'entrée et les repères vers les
// cellules posées par d'autres blocs (tableau annuel, échéancier, calculs, séries du plan).
import type { AideScenario } from '../../rules/aides';
import type { Bareme } from '../../rules/bareme/types';
import type { Terme } from '../../rules/formule';
import { MOIS_DETAILLES } from '../../rules/plan/plan';
import type { PlanFinancement } from '../../rules/plan/types';
import type { Scenario } from '../../rules/scenario/types';
import type { GrandLivre } from '../../rules/versements/types';
import type { Feuille } from '../feuille';
import { rendre, type ContexteRendu } from '../formules';

export interface ContexteSimulation {
  s: Scenario;
  bareme: Bareme;
  plan: PlanFinancement;
  livre: GrandLivre;
  f: Feuille;
  /** Cellules des données d'entrée (références absolues), posées par le bloc des entrées. */
  entrees: Map<string, string>;
  /** Numéro de la note de chaque aide (renvois « (3) »). */
  notes: Map<AideScenario, number>;
  dateGeneration?: string;
  versionComplement?: string;
}

/** Repères des cellules posées par un bloc et citées par d'autres. */
export const repere = {
  calcul: (id: string) => `calcul.${id}`,
  serie: (id: string, mois: number) => `serie.${id}.${mois}`,
  annuel: (cle: string, annee: number) => `annuel.${cle}.${annee}`,
  totalAnnuel: (cle: 'CPAM' | 'ARS' | 'AIDES', annee: number | 'total') => `annuel.total.${cle}.${annee}`,
  echeancier: (colonne: 'montant' | 'cle' | 'annee' | 'mois') => `echeancier.${colonne}`,
  versement: (id: string) => `versement.${id}`,
} as const;

const jeton = (cle: string) => `⟦${cle}⟧`;
export { jeton };

/** Contexte de rendu d'une formule du grand livre : entrées, calculs et séries du plan par repères. */
export function contexteRendu(ctx: ContexteSimulation, dates?: ReadonlyMap<string, string>): ContexteRendu {
  const calculs = new Map(ctx.livre.calculs.map((c) => [c.id, jeton(repere.calcul(c.id))]));
  const series = new Map(ctx.livre.series.map((x) => [x.id, x]));
  return {
    entrees: ctx.entrees,
    calculs,
    // Le plan montre chaque série mois par mois sur ses premiers mois ; au-delà, la formule s'écrit sur place.
    serie: (id, mois) => (mois < MOIS_DETAILLES && series.get(id)?.mois[mois] ? jeton(repere.serie(id, mois)) : null),
    formuleSerie: (id, mois) => series.get(id)?.mois[mois]?.formule,
    ...(dates ? { dates } : {}),
  };
}

export function rendreTerme(ctx: ContexteSimulation, t: Terme | undefined, dates?: ReadonlyMap<string, string>): string | null {
  return t ? rendre(t, contexteRendu(ctx, dates)) : null;
}

/** Renvoi vers la note d'une aide : « (3) ». */
export function renvoi(ctx: ContexteSimulation, aide: AideScenario): string {
  const n = ctx.notes.get(aide);
  return n === undefined ? '' : `(${n})`;
}

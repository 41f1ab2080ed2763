// Vues du grand livre : lignes par aide (et par médecin), sommes par année de simulation et par mois,
// totaux par financeur. Tableaux de la feuille, aperçu du volet, résumé et JSON de la CLI les lisent ;
// aucun ne recalcule un montant.
import { AIDES, FINANCEURS, type Financeur, type IdAide } from '../aides';
import { Decimal, ZERO } from '../decimal';
import type { Scenario } from '../scenario/types';
import type { GrandLivre, Versement } from './types';

/** Clé d'une ligne des tableaux : l'aide, et le médecin quand le versement lui est propre (« 400POSTES.2 »). */
export function cleLigne(v: Pick<Versement, 'aide' | 'medecin'>): string {
  return v.medecin === undefined ? v.aide : `${v.aide}.${v.medecin}`;
}

export interface LigneAides {
  cle: string;
  aide: IdAide;
  financeur: Financeur;
  medecin?: number;
  libelle: string;
  /** Somme par année de simulation (année k = 12 mois à partir du début) et sur l'horizon. */
  annees: Decimal[];
  total: Decimal;
}

const somme = (xs: readonly Versement[]) => xs.reduce((a, v) => a.plus(v.montant), ZERO);

/** Une ligne par aide (par médecin pour les aides qui lui sont propres), dans l'ordre du registre. */
export function lignesAides(livre: GrandLivre, s: Scenario): LigneAides[] {
  const ordre = Object.keys(AIDES) as IdAide[];
  const cles = new Map<string, Versement>();
  for (const v of livre.versements) if (!cles.has(cleLigne(v))) cles.set(cleLigne(v), v);
  return [...cles.entries()]
    .sort(([, a], [, b]) => ordre.indexOf(a.aide) - ordre.indexOf(b.aide) || (a.medecin ?? -1) - (b.medecin ?? -1))
    .map(([cle, v]) => {
      const siens = livre.versements.filter((x) => cleLigne(x) === cle);
      const def = AIDES[v.aide];
      return {
        cle,
        aide: v.aide,
        financeur: def.financeur,
        ...(v.medecin !== undefined ? { medecin: v.medecin } : {}),
        libelle: v.medecin === undefined ? def.court : `${def.court} — ${s.medecins[v.medecin].libelle}`,
        annees: Array.from({ length: livre.horizonAnnees }, (_, k) => somme(siens.filter((x) => x.annee === k))),
        total: somme(siens),
      };
    });
}

export interface TotalFinanceur {
  annees: Decimal[];
  total: Decimal;
}

export type Totaux = Record<Financeur | 'AIDES', TotalFinanceur>;

/** Totaux par financeur et pour toutes les aides, par année de simulation et sur l'horizon. */
export function totaux(livre: GrandLivre): Totaux {
  const de = (filtre: (v: Versement) => boolean): TotalFinanceur => {
    const xs = livre.versements.filter(filtre);
    return { annees: Array.from({ length: livre.horizonAnnees }, (_, k) => somme(xs.filter((v) => v.annee === k))), total: somme(xs) };
  };
  const t = Object.fromEntries(FINANCEURS.map((f) => [f, de((v) => v.financeur === f)])) as Record<Financeur, TotalFinanceur>;
  return { ...t, AIDES: de(() => true) };
}

/** Somme par mois de l'horizon des versements qui passent le filtre. */
export function parMois(livre: GrandLivre, filtre: (v: Versement) => boolean): Decimal[] {
  const r = Array.from({ length: livre.nbMois }, () => ZERO);
  for (const v of livre.versements) if (filtre(v)) r[v.mois] = r[v.mois].plus(v.montant);
  return r;
}

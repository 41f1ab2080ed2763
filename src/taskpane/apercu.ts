// Aperçu des montants du volet : une vue du grand livre des versements (src/rules/versements), le
// même que la feuille et la CLI — par aide et par financeur, par année de simulation et sur
// l'horizon, avec le statut le plus faible des paramètres utilisés. Aucun montant n'est calculé ici.
import type { IdAide, Financeur } from '../rules/aides';
import type { Bareme, Statut } from '../rules/bareme/types';
import { estErreurRegle } from '../rules/erreurs';
import { statutGlobal } from '../rules/explication';
import type { Scenario } from '../rules/scenario/types';
import { grandLivre } from '../rules/versements/livre';
import type { GrandLivre } from '../rules/versements/types';
import { cleLigne, lignesAides, totaux } from '../rules/versements/vues';

export interface LigneApercu {
  cle: string;
  aide: IdAide;
  libelle: string;
  financeur: Financeur;
  /** Montant par année de simulation, puis sur l'horizon (euros, au centime). */
  annees: number[];
  total: number;
  statut: Statut;
}

export interface ApercuMontants {
  lignes: LigneApercu[];
  totaux: Record<Financeur | 'AIDES', { annees: number[]; total: number }>;
  /** Hypothèses et avertissements du grand livre, en clair. */
  avertissements: string[];
  /** Message si le grand livre n'a pu être établi (barème incomplet à cette date…). */
  erreur?: string;
}

const RANG: Record<Statut, number> = { confirme: 0, a_confirmer: 1, hypothese: 2 };

function statutDe(livre: GrandLivre, cle: string): Statut {
  return livre.versements
    .filter((v) => cleLigne(v) === cle)
    .map((v) => statutGlobal(v.resultat.explication))
    .reduce<Statut>((a, b) => (RANG[b] > RANG[a] ? b : a), 'confirme');
}

export function apercuMontants(s: Scenario, bareme: Bareme): ApercuMontants {
  let livre: GrandLivre;
  try {
    livre = grandLivre(s, bareme);
  } catch (e) {
    if (!estErreurRegle(e)) throw e;
    const vide = { annees: [], total: 0 };
    return { lignes: [], totaux: { CPAM: vide, ARS: vide, AIDES: vide }, avertissements: [], erreur: e.message };
  }
  const nombres = (t: { annees: { toNumber(): number }[]; total: { toNumber(): number } }) => ({ annees: t.annees.map((x) => x.toNumber()), total: t.total.toNumber() });
  const t = totaux(livre);
  return {
    lignes: lignesAides(livre, s).map((l) => ({ cle: l.cle, aide: l.aide, libelle: l.libelle, financeur: l.financeur, ...nombres(l), statut: statutDe(livre, l.cle) })),
    totaux: { CPAM: nombres(t.CPAM), ARS: nombres(t.ARS), AIDES: nombres(t.AIDES) },
    avertissements: [...livre.hypotheses.map((h) => h.texte), ...livre.avertissements],
  };
}

// Aperçu des montants du volet : une vue du grand livre des versements (src/rules/versements), le
// même que la feuille et la CLI — par aide et par financeur, par année de simulation et sur
// l'horizon, avec le statut le plus faible des paramètres utilisés ; les versements prévus dont le
// montant n'est pas publié à part (« montant non publié », jamais 0 €). Aucun montant n'est calculé ici.
import { AIDES, type IdAide, type Financeur } from '../rules/aides';
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

/** Un versement prévu dont le montant n'est pas publié (grand livre : `nonChiffres`), hors des totaux. */
export interface LigneNonPubliee {
  id: string;
  aide: IdAide;
  /** « Aide automatique CDS — année 2029 ». */
  libelle: string;
  financeur: Financeur;
  /** Date de versement prévue (AAAA-MM-JJ) et année de simulation (0 = 1re). */
  date: string;
  annee: number;
  /** Paramètre du barème à renseigner, et le message du moteur qui le dit. */
  parametre: string;
  message: string;
}

export interface ApercuMontants {
  lignes: LigneApercu[];
  /** Versements prévus dont le montant n'est pas publié : ni chiffrés, ni comptés dans les totaux. */
  nonPublies: LigneNonPubliee[];
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
    return { lignes: [], nonPublies: [], totaux: { CPAM: vide, ARS: vide, AIDES: vide }, avertissements: [], erreur: e.message };
  }
  const nombres = (t: { annees: { toNumber(): number }[]; total: { toNumber(): number } }) => ({ annees: t.annees.map((x) => x.toNumber()), total: t.total.toNumber() });
  const t = totaux(livre);
  return {
    lignes: lignesAides(livre, s).map((l) => ({ cle: l.cle, aide: l.aide, libelle: l.libelle, financeur: l.financeur, ...nombres(l), statut: statutDe(livre, l.cle) })),
    nonPublies: livre.nonChiffres.map((v) => ({
      id: v.id, aide: v.aide, libelle: `${AIDES[v.aide].court} — ${v.objet}`, financeur: AIDES[v.aide].financeur,
      date: v.date, annee: v.annee, parametre: v.parametre, message: v.message,
    })),
    totaux: { CPAM: nombres(t.CPAM), ARS: nombres(t.ARS), AIDES: nombres(t.AIDES) },
    avertissements: [...livre.hypotheses.map((h) => h.texte), ...livre.avertissements],
  };
}

// Éligibilité affichée par le volet : les règles et les motifs sont ceux de
// src/rules/scenario/eligibilite.ts (la feuille, la CLI et le volet disent la même chose) ;
// ce module n'ajoute que la présentation : « non demandée » quand rien dans le scénario ne
// sollicite une aide que la zone et le type du centre permettent (gris plutôt que rouge).
import type { Bareme } from '../rules/bareme/types';
import { motifRefusTerritoire, territoire, type Dispositif } from '../rules/regles/zonage';
import { AIDES, libelleAci } from '../rules/aides';
import { eligibiliteScenario, type Aide, type EligibiliteAide, type Financeur } from '../rules/scenario/eligibilite';
import type { Scenario } from '../rules/scenario/types';
import { dateValide } from './validation';

export type { Aide, Financeur };
export type StatutEligibilite = 'eligible' | 'non_eligible' | 'non_demande';

export interface LigneEligibilite extends EligibiliteAide {
  libelle: string;
  statut: StatutEligibilite;
}

/** L'aide est-elle refusée par le territoire ou par le type de structure (refus « dur ») ? */
function refusParZoneOuType(aide: Aide, s: Scenario): boolean {
  const structure = s.centre.type === 'msp' ? 'MSP' : 'CDS';
  if (aide === 'ACI') return structure === 'MSP' && s.aci?.adhesion === 'accord_national';
  return motifRefusTerritoire(aide as Dispositif, territoire(s.centre.zone, s.centre.qpv === true, s.centre.ile === true), structure) !== null;
}

/** Le scénario sollicite-t-il l'aide ? */
function demandee(aide: Aide, s: Scenario): boolean {
  switch (aide) {
    case 'CAI':
    case 'COSCO':
    case 'AIDE_CDS':
      return s.medecins.length > 0;
    case 'CST':
      return s.medecins.some((m) => m.joursCstParAn > 0);
    case '400POSTES':
      return s.medecins.some((m) => m.poste400);
    case 'ACI':
      return (s.aci?.adhesion ?? 'aucune') !== 'aucune';
    case 'SIP':
      return s.sip !== undefined;
  }
}

/** Une ligne par aide. Sans dates valides, l'âge du centre est inconnu : rien n'est conclu. */
export function eligibiliteCentre(s: Scenario, bareme: Bareme): LigneEligibilite[] {
  if (!dateValide(s.centre.dateCreation) || !dateValide(s.simulation.debut)) return [];
  return eligibiliteScenario(s, bareme).map((e) => ({
    ...e,
    // La ligne « ACI » porte l'adhésion choisie : ACI ou accord national (exclusifs).
    libelle: e.aide === 'ACI' ? libelleAci(s.aci?.adhesion) : AIDES[e.aide].libelle,
    statut: e.eligible ? 'eligible' : !demandee(e.aide, s) && !refusParZoneOuType(e.aide, s) ? 'non_demande' : 'non_eligible',
  }));
}

export function eligibilite(s: Scenario, bareme: Bareme, aide: Aide): LigneEligibilite | undefined {
  return eligibiliteCentre(s, bareme).find((l) => l.aide === aide);
}

// Dates de signature des contrats démographiques d'un scénario : celles que l'utilisateur a saisies,
// sinon la première date où le contrat est possible dans la simulation. La date de signature décide
// du régime (contrats signés jusqu'au 31/12/2025 ; aide automatique ensuite).
import { ajouterMois } from '../dates';
import type { Medecin, Scenario } from './types';

const plusTard = (a: string, b: string) => (a > b ? a : b);

/** Premier jour de la 2e année du centre (COSCO dès la 2e année, politique régionale des CDS §2.1). */
export function debutDeuxiemeAnnee(s: Scenario): string {
  return ajouterMois(s.centre.dateCreation, 12);
}

export function signatureCai(s: Scenario): string {
  return s.contrats?.cai ?? s.simulation.debut;
}

/** COSCO : dès la 2e année d'un centre nouveau (pour un centre devenant polyvalent : dès sa demande). */
export function signatureCosco(s: Scenario): string {
  if (s.contrats?.cosco) return s.contrats.cosco;
  const possible = s.centre.type === 'cds_devenant_polyvalent' ? (s.centre.dateDemandePolyvalent ?? s.simulation.debut) : debutDeuxiemeAnnee(s);
  return plusTard(s.simulation.debut, possible);
}

/** CST : signé par le centre ; un médecin dont le contrat commence plus tard en relève à son arrivée. */
export function signatureCst(s: Scenario, m: Medecin): string {
  const centre = s.contrats?.cst ?? s.simulation.debut;
  return plusTard(centre, m.debutContrat ?? centre);
}

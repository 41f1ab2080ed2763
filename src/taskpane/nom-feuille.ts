// Nom de l'onglet d'une simulation : « Simulation – <centre> », réduit aux caractères qu'Excel
// accepte dans un nom de feuille (31 au plus, sans \ / ? * [ ] :, ni apostrophe en bord).
import type { Scenario } from '../rules/scenario/types';

export const LONGUEUR_MAX_NOM_FEUILLE = 31;

export function nomFeuillePour(s: Scenario): string {
  const centre = s.centre.nom.replace(/[\\/?*[\]:]/g, ' ').replace(/\s+/g, ' ').trim();
  const nom = centre ? `Simulation – ${centre}` : 'Simulation';
  return nom.slice(0, LONGUEUR_MAX_NOM_FEUILLE).replace(/^'+|'+$/g, '').trim();
}

// Éligibilité d'une MSP à l'aide SIP (appel à candidatures SIP 2023 de l'ARS Bretagne, « Conditions
// d'éligibilité ») : chaque condition non remplie est nommée, avec sa source. La zone n'est pas une
// condition (critère de priorité seulement).
import { texteSource } from '../sources';
import { Candidature, Motif } from './types';

/** La source d'une condition, citée par son titre court : « Appel à candidatures SIP 2023, ARS Bretagne, … ». */
const aap2023 = (section: string) => texteSource({ document: 'aap_sip_2023', section });

export const CONDITIONS_ELIGIBILITE: readonly string[] = [
  `projet de santé formalisé et validé par l’ARS Bretagne (${aap2023('conditions d’éligibilité, 1er point')})`,
  `adhésion à l’ACI, ou engagement d’y adhérer dans un délai d’un an avec des modalités d’exercice coordonné avancées (${aap2023('conditions d’éligibilité, 2e point')})`,
  `logiciel labellisé par l’Agence du numérique en santé, ANS (${aap2023('conditions d’éligibilité, 3e point')})`,
  `des devis validés d’un montant non nul : le financement se fait « au réel sur la base des devis validés » (${aap2023('modalités d’accompagnement')})`,
];

export function motifsIneligibilite(c: Candidature): Motif[] {
  const motifs: Motif[] = [];
  if (!c.projetSanteValide) {
    motifs.push({ code: 'projet_sante', texte: `projet de santé non validé par l’ARS (${aap2023('conditions d’éligibilité, 1er point')})` });
  }
  if (c.aci === 'non') {
    motifs.push({
      code: 'aci',
      texte: `ni adhérente à l’ACI, ni engagée à y adhérer dans l’année avec une coordination avancée (${aap2023('conditions d’éligibilité, 2e point')})`,
    });
  }
  if (!c.logicielLabellise) {
    motifs.push({ code: 'logiciel', texte: `logiciel non labellisé par l’ANS (${aap2023('conditions d’éligibilité, 3e point')})` });
  }
  if (c.montantDevis === 0) {
    motifs.push({ code: 'devis_nul', texte: `aucun devis validé (montant nul) : rien à financer au réel (${aap2023('modalités d’accompagnement')})` });
  }
  return motifs;
}

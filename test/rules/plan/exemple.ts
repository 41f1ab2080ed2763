// Centre d'exemple du plan de financement (tests de l'issue 8).
import type { Scenario } from '../../../src/rules/scenario/types';

/**
 * CDS médical en ZIP créé le 1er janvier 2027, simulation du 1er janvier 2027 sur 5 ans, membre d'une CPTS :
 * - Dr A : temps plein, coût 8 000 €/mois, honoraires 7 500 €/mois, pas sur un poste « 400 postes » ;
 * - Dr B : poste « 400 postes » à 0,6, coût 5 000 €/mois, honoraires = seuils 400 postes × 30 € (tarif G en 2027),
 *   congé maternité du 01/07/2027 au 31/10/2027 (mois 7 à 10), salaire maintenu, 20 000 € chargés, 8 000 € d'IJ ;
 * - ACI signé le 01/01/2027 : 1 000 points fixes + 1 700 variables (prérequis atteint), patientèle 4 000.
 */
export function centreExemple(): Scenario {
  return {
    version: 1,
    centre: { nom: 'Centre de santé de Plouézec', type: 'cds_medical', zone: 'ZIP', dateCreation: '2027-01-01', membreCptsEsp: true },
    simulation: { debut: '2027-01-01', horizonAnnees: 5 },
    medecins: [
      { libelle: 'Dr A', quotite: 1, coutSalarialMensuel: 8000, honorairesMensuels: 7500, poste400: false, conges: [], joursCstParAn: 0, honorairesCstAnnuels: 0 },
      {
        libelle: 'Dr B',
        quotite: 0.6,
        coutSalarialMensuel: 5000,
        honorairesMensuels: 3000,
        poste400: true,
        conges: [{ debut: '2027-07-01', fin: '2027-10-31', salaireCharge: 20000, indemnitesJournalieres: 8000, salaireMaintenu: true }],
        joursCstParAn: 0,
        honorairesCstAnnuels: 0,
      },
    ],
    aci: {
      adhesion: 'aci',
      patientele: 4000,
      indicateurs: [{ id: 'coordination', libelle: 'Fonction de coordination', prerequis: true, pointsFixes: 1000, pointsVariables: 1700, atteint: true }],
    },
  };
}

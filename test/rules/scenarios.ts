// Scénarios de test du grand livre et du plan, conçus pour couvrir ce que les exemples ne couvrent pas
// (voir les calculs à la main dans test/rules/versements.test.ts).
import * as fs from 'fs';
import * as path from 'path';
import type { Scenario } from '../../src/rules/scenario/types';

export function exempleJson(nom: 'centre-de-sante' | 'msp-sip'): Scenario {
  return JSON.parse(fs.readFileSync(path.join(__dirname, '..', '..', 'examples', `${nom}.json`), 'utf8')) as Scenario;
}

/**
 * Centre de santé polyvalent en ZAC, simulation du 1er juillet 2025 sur 2 ans (début en milieu d'année) :
 * - Dr P : mi-temps (0,5), poste « 400 postes » du 01/07/2025, coût 4 000 €/mois, AUCUN honoraire ni
 *   consultation saisis (seuils 400 postes × tarif G), congé maternité du 16/09/2025 au 15/12/2025
 *   (commence en milieu de mois), salaire maintenu, 12 000 € chargés, 5 000 € d'IJ ;
 * - Dr Q : temps plein, coût 9 000 €/mois, honoraires 9 000 €/mois, 12 jours par an mis à disposition
 *   d'un centre en ZIP, 50 000 € d'honoraires à ce titre (CST).
 */
export function centreMiAnnee(): Scenario {
  return {
    version: 1,
    centre: { nom: 'Centre de santé de Guingamp', type: 'cds_polyvalent', zone: 'ZAC', dateCreation: '2020-01-01', membreCptsEsp: false },
    simulation: { debut: '2025-07-01', horizonAnnees: 2 },
    medecins: [
      {
        libelle: 'Dr P',
        quotite: 0.5,
        coutSalarialMensuel: 4000,
        poste400: true,
        debutContrat: '2025-07-01',
        conges: [{ debut: '2025-09-16', fin: '2025-12-15', salaireCharge: 12000, indemnitesJournalieres: 5000, salaireMaintenu: true }],
        joursCstParAn: 0,
        honorairesCstAnnuels: 0,
      },
      { libelle: 'Dr Q', quotite: 1, coutSalarialMensuel: 9000, honorairesMensuels: 9000, poste400: false, conges: [], joursCstParAn: 12, honorairesCstAnnuels: 50000 },
    ],
  };
}

/** Le même centre sur un autre horizon (1 à 10 ans). */
export function avecHorizon(s: Scenario, horizonAnnees: number): Scenario {
  return { ...s, simulation: { ...s.simulation, horizonAnnees } };
}

// Scénarios de test du volet, construits comme le formulaire les produit.
import { etatInitial, nouveauMedecin, type EtatFormulaire, type MedecinSaisi } from '../../src/taskpane/formulaire';

/** Jour fixe des tests : aucune dépendance à la date réelle. */
export const AUJOURDHUI = '2026-11-23';

export function medecin(patch: Partial<MedecinSaisi> = {}, rang = 1): MedecinSaisi {
  return { ...nouveauMedecin(rang), coutSalarialMensuel: '9500', honorairesMensuels: '7000', ...patch };
}

/**
 * CDS médical en ZIP créé le 01/06/2025, simulation au 01/12/2025 (CAI signé par défaut ce jour-là, avant
 * le remplacement des contrats le 01/01/2026), un médecin temps plein.
 */
export function cds(patch: Partial<EtatFormulaire> = {}): EtatFormulaire {
  return {
    ...etatInitial(AUJOURDHUI),
    nom: 'Centre de santé de Carhaix',
    commune: 'Carhaix-Plouguer',
    type: 'cds_medical',
    zone: 'ZIP',
    dateCreation: '2025-06-01',
    debut: '2025-12-01',
    medecins: [medecin()],
    ...patch,
  };
}

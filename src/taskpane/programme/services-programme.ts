// Ce que la vue « Programme SIP » demande au classeur. L'implémentation Office.js est dans
// ecrire-programme.office.ts ; les tests en donnent une fausse. Aucune dépendance à Office ici.
import type { DescriptionFeuille } from '../../workbook/description';
import type { TableauLu } from './tableau-candidatures';

export interface ServicesProgramme {
  /** Valeurs de la plage utilisée de la feuille active (un Excel.run, un sync). */
  lireTableauActif(): Promise<TableauLu>;
  /** Écrit le modèle vide du tableau de candidatures sur une NOUVELLE feuille (jamais d'écrasement) et l'active. */
  creerModele(): Promise<{ feuille: string }>;
  feuilleExiste(nom: string): Promise<boolean>;
  /**
   * Écrit la feuille décrite (un seul Excel.run, peu de sync) ; une feuille du même nom n'est
   * remplacée que si `remplacer` (confirmation de l'utilisateur), sinon l'écriture est refusée.
   */
  ecrireProgramme(description: DescriptionFeuille, options: { remplacer: boolean }): Promise<{ feuille: string; cellules: number }>;
}

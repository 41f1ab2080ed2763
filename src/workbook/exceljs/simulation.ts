// Génération complète d'un classeur de simulation (CLI, tests) : description, provenance, valeurs, fichier.
import { Bareme } from '../../rules/bareme/types';
import { planFinancement } from '../../rules/plan/plan';
import type { GrandLivre } from '../../rules/versements/types';
import { ValeurCalculee } from '../../formules/moteur';
import { DescriptionFeuille } from '../description';
import { decrireSimulation, type OptionsSimulation } from '../simulation';
import { creerProvenance, Provenance } from '../provenance';
import type { Scenario } from '../../rules/scenario/types';
import { VERSION_COMPLEMENT } from '../version';
import { imageGraphique } from '../plan/images';
import { ecrireExcelJs, ImageFeuille, valeursEnCache } from './ecrire';
import { decrireFeuilleBareme } from '../bareme/feuille-bareme';

/** Produit des images pour le fichier .xlsx, à partir de la feuille décrite et de ses valeurs calculées. */
export type GenerateurImages = (description: DescriptionFeuille, valeurs: Map<string, ValeurCalculee>) => ImageFeuille[];

/**
 * Chaque graphique de la feuille devient une image à son ancre : exceljs n'écrit pas de graphique
 * natif (le volet, lui, crée des graphiques Excel à partir de `description.graphiques`).
 */
export const imagesDesGraphiques: GenerateurImages = (description, valeurs) => {
  const constantes = new Map(description.cellules.map((c) => [c.adresse, c.valeur]));
  const lire = (adresse: string) => (valeurs.has(adresse) ? valeurs.get(adresse) : constantes.get(adresse));
  return description.graphiques.map((g) => imageGraphique(g, lire));
};

/** Images ajoutées à tout classeur écrit par la CLI. */
export const GENERATEURS_IMAGES: readonly GenerateurImages[] = [imagesDesGraphiques];

export interface SimulationGeneree {
  description: DescriptionFeuille;
  provenance: Provenance;
  valeurs: Map<string, ValeurCalculee>;
  fichier: Buffer;
  /** Le grand livre des versements dont la feuille est la vue. */
  livre: GrandLivre;
  /** La feuille visible « Barème » écrite avec la simulation. */
  feuilleBareme: DescriptionFeuille;
}

export async function genererSimulation(
  scenario: Scenario,
  bareme: Bareme,
  o: OptionsSimulation & { dateGeneration: string; images?: readonly GenerateurImages[] },
): Promise<SimulationGeneree> {
  const plan = planFinancement(scenario, bareme);
  const description = decrireSimulation(scenario, bareme, { ...o, plan, versionComplement: VERSION_COMPLEMENT, dateGeneration: o.dateGeneration.slice(0, 10) });
  const provenance = creerProvenance(scenario, bareme, description, { versionComplement: VERSION_COMPLEMENT, dateGeneration: o.dateGeneration });
  const valeurs = valeursEnCache(description, provenance);
  const images = (o.images ?? GENERATEURS_IMAGES).flatMap((g) => g(description, valeurs));
  // La feuille visible « Barème » : le barème avec lequel le classeur calcule, modifiable par l'utilisateur.
  const feuilleBareme = decrireFeuilleBareme(bareme, { dateGeneration: o.dateGeneration.slice(0, 10) });
  const fichier = await ecrireExcelJs(description, provenance, { images, valeurs, feuilles: [feuilleBareme] });
  return { description, provenance, valeurs, fichier, livre: plan.livre, feuilleBareme };
}

// Génération complète d'un classeur de simulation (CLI, tests) : description, provenance, valeurs, fichier.
import { Bareme } from '../../rules/bareme/types';
import { ValeurCalculee } from '../../formules/moteur';
import { DescriptionFeuille } from '../description';
import { decrireSimulation, OptionsSimulation } from '../layout';
import { creerProvenance, Provenance } from '../provenance';
import { Scenario } from '../scenario';
import { VERSION_COMPLEMENT } from '../version';
import { ecrireExcelJs, ImageFeuille, valeursEnCache } from './ecrire';

/** Produit les images d'un bloc (graphiques) pour le fichier .xlsx, à partir de la feuille décrite. */
export type GenerateurImages = (description: DescriptionFeuille, provenance: Provenance) => ImageFeuille[];

/**
 * Images ajoutées à tout classeur écrit par la CLI.
 * TODO(issue 8, plan de financement) : y inscrire le générateur des images du plan (Node seulement,
 * ./plan/images), qui retrouve la ligne du bloc dans `description` ; le volet crée, lui, des
 * graphiques natifs à partir de `description.graphiques`.
 */
export const GENERATEURS_IMAGES: GenerateurImages[] = [];

export interface SimulationGeneree {
  description: DescriptionFeuille;
  provenance: Provenance;
  valeurs: Map<string, ValeurCalculee>;
  fichier: Buffer;
}

export async function genererSimulation(
  scenario: Scenario,
  bareme: Bareme,
  o: OptionsSimulation & { dateGeneration: string; images?: readonly GenerateurImages[] },
): Promise<SimulationGeneree> {
  const description = decrireSimulation(scenario, bareme, { ...o, dateGeneration: o.dateGeneration.slice(0, 10) });
  const provenance = creerProvenance(scenario, bareme, description, { versionComplement: VERSION_COMPLEMENT, dateGeneration: o.dateGeneration });
  const images = (o.images ?? GENERATEURS_IMAGES).flatMap((g) => g(description, provenance));
  const fichier = await ecrireExcelJs(description, provenance, { images });
  return { description, provenance, valeurs: valeursEnCache(description, provenance), fichier };
}

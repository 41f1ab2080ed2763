// Lecture bornée des fichiers d'entrée de la CLI : la taille est vérifiée AVANT de lire et d'analyser
// (fichier, puis, pour un classeur, taille décompressée annoncée par le répertoire zip et taille réelle),
// chaque refus est un message français qui nomme le fichier et la limite.
import { promises as fsp } from 'fs';
import { formatNombre } from '../rules/format';
import { ErreurCli, estErreurSysteme, messageErreurSysteme } from './erreurs';
import { analyserJson } from './json';
import { ErreurZip, lireRepertoireZip, nomsDesFeuilles, verifierTaillesReelles } from './zip';

const MO = 1024 * 1024;

/**
 * Limites des entrées. Un classeur de simulation fait moins de 1 Mo, un classeur de 100 000
 * candidatures environ 5 Mo (40 Mo décompressés). exceljs garde tout le classeur en mémoire, environ
 * 10 octets par octet de XML décompressé : 120 Mo décompressés font déjà 1,2 Go de mémoire.
 */
export const LIMITES_ENTREES = {
  xlsxOctets: 30 * MO,
  xlsxDecompresse: 120 * MO,
  xlsxFichiers: 10_000,
  /** 200 médecins × 20 congés, mis en forme : moins de 1 Mo. */
  jsonScenario: 5 * MO,
  /** 100 000 candidatures mises en forme (2 espaces) : environ 35 Mo. */
  jsonCandidatures: 64 * MO,
} as const;

const mo = (octets: number) => `${formatNombre(octets / MO, octets < 10 * MO ? 1 : 0)} Mo`;

/** Lit un fichier ordinaire d'au plus `max` octets ; `quoi` nomme ce qui est attendu (« un scénario »). */
export async function lireFichierBorne(chemin: string, affiche: string, max: number, quoi: string): Promise<Buffer> {
  try {
    const st = await fsp.stat(chemin);
    if (st.isDirectory()) throw new ErreurCli(`${affiche} est un dossier, pas un fichier`);
    if (!st.isFile()) throw new ErreurCli(`${affiche} n’est pas un fichier ordinaire (périphérique, tube…) : ${quoi} attendu`);
    if (st.size > max) throw new ErreurCli(`${affiche} : fichier de ${mo(st.size)}, au-delà de la limite de ${mo(max)} pour ${quoi}`);
    const contenu = await fsp.readFile(chemin);
    if (contenu.length > max) throw new ErreurCli(`${affiche} : fichier de plus de ${mo(max)}, au-delà de la limite pour ${quoi}`);
    return contenu;
  } catch (e) {
    if (estErreurSysteme(e)) throw new ErreurCli(messageErreurSysteme(e, affiche, 'lecture'));
    throw e;
  }
}

/** Lit et analyse un fichier JSON borné ; erreurs de syntaxe en français avec ligne et colonne. */
export async function lireJsonBorne(chemin: string, affiche: string, max: number, quoi: string): Promise<{ donnees: unknown; texte: string }> {
  return analyserJson(await lireFichierBorne(chemin, affiche, max, quoi), affiche);
}

export interface ClasseurBrut {
  contenu: Buffer;
  /** Noms des feuilles, lus dans le répertoire du classeur sans l'ouvrir. */
  feuilles: string[];
}

/**
 * Contrôle un classeur déjà lu : zip lisible, taille décompressée annoncée puis réelle sous la limite.
 * Une bombe zip est refusée sur son répertoire (immédiat) ou dès que sa décompression dépasse ce
 * qu'elle annonce, sans que rien ne soit gardé en mémoire.
 */
export async function controlerXlsx(contenu: Buffer, affiche: string): Promise<ClasseurBrut> {
  const illisible = (raison: string) => new ErreurCli(`${affiche} n’est pas un classeur .xlsx lisible (${raison})`);
  try {
    const entrees = lireRepertoireZip(contenu, LIMITES_ENTREES.xlsxFichiers);
    const total = entrees.reduce((s, e) => s + e.tailleDecompressee, 0);
    if (total > LIMITES_ENTREES.xlsxDecompresse) {
      throw new ErreurCli(`${affiche} : une fois décompressé, ce classeur ferait ${mo(total)}, au-delà de la limite de ${mo(LIMITES_ENTREES.xlsxDecompresse)} ; refusé sans être ouvert (fichier trop gros, corrompu ou piégé)`);
    }
    const feuilles = nomsDesFeuilles(contenu, entrees);
    await verifierTaillesReelles(contenu, entrees);
    return { contenu, feuilles };
  } catch (e) {
    if (e instanceof ErreurZip) throw illisible(e.message);
    throw e;
  }
}

/** Lit un classeur .xlsx borné (taille du fichier, puis contrôle du zip). */
export async function lireXlsxBorne(chemin: string, affiche: string, quoi: string): Promise<ClasseurBrut> {
  return controlerXlsx(await lireFichierBorne(chemin, affiche, LIMITES_ENTREES.xlsxOctets, quoi), affiche);
}

// La feuille « Barème » dans Excel (Office.js) : relue par le runtime partagé (fonctions) et par le
// volet ; écrite par le volet quand il crée une simulation dans un classeur qui n'en a pas encore.
// Léger : ni exceljs, ni l'écrivain de la simulation (le bundle des fonctions l'importe pour lire).
import { lettreColonne, colonneDe, ligneDe } from '../adresses';
import type { CelluleLue, ValeurLue } from '../verification';
import { NOM_FEUILLE_BAREME } from './colonnes';

/** Valeur d'Office.js → valeur lue (une erreur Excel arrive en texte « #VALUE! »). */
function valeurLue(v: unknown): ValeurLue {
  if (v === null || v === undefined || v === '') return null;
  if (typeof v === 'number' || typeof v === 'boolean') return v;
  const t = String(v);
  return /^#[A-Z/0!?]+[!?A]?$/.test(t) && t.length <= 8 ? { erreur: t } : t;
}

/** Les cellules non vides d'une matrice de valeurs dont le coin haut gauche est `debut` (« A1 »). */
export function cellulesDeMatrice(valeurs: readonly (readonly unknown[])[], debut: string): CelluleLue[] {
  const c0 = colonneDe(debut);
  const l0 = ligneDe(debut);
  const r: CelluleLue[] = [];
  valeurs.forEach((ligne, l) =>
    ligne.forEach((v, k) => {
      const valeur = valeurLue(v);
      if (valeur !== null) r.push({ adresse: `${lettreColonne(c0 + k)}${l0 + l}`, valeur });
    }),
  );
  return r;
}

export interface FeuilleBaremeLue {
  /** Identifiant de la feuille (les événements de changement le citent). */
  id: string;
  nom: string;
  cellules: CelluleLue[];
}

/** Lit la feuille « Barème » du classeur (2 `sync`) ; null si le classeur n'en a pas (classeur d'avant elle). */
export async function lireFeuilleBaremeOffice(context: Excel.RequestContext): Promise<FeuilleBaremeLue | null> {
  const feuille = context.workbook.worksheets.getItemOrNullObject(NOM_FEUILLE_BAREME);
  feuille.load(['id', 'name']);
  await context.sync();
  if (feuille.isNullObject) return null;
  const utilisee = feuille.getUsedRangeOrNullObject(true);
  utilisee.load(['values', 'address']);
  await context.sync();
  if (utilisee.isNullObject) return { id: feuille.id, nom: feuille.name, cellules: [] };
  const debut = (utilisee.address.split('!').pop() ?? 'A1').split(':')[0].replace(/\$/g, '');
  return { id: feuille.id, nom: feuille.name, cellules: cellulesDeMatrice(utilisee.values as unknown[][], debut) };
}

// L'écrivain exceljs commun, en flux : chaque ligne remplie part dans le zip, dont on attend qu'il se
// vide régulièrement (100 000 candidatures du programme SIP en moins de 1 Go). Mêmes cellules, styles,
// largeurs, hauteurs, fusions et mise en page que l'écriture en mémoire (ecrire.ts). Node seulement.
import ExcelJS from 'exceljs';
import { Writable } from 'stream';
import { ligneDe } from '../adresses';
import type { Cellule, DescriptionEnFlux } from '../description';
import { corrigerCalcId } from './calc-id';
import { optionsFeuille, remplirCellule } from './ecrire';

const LIGNES_PAR_PAUSE = 500;
const EN_ATTENTE_MAX = 4 * 1024 * 1024;

/**
 * Octets de la feuille pas encore compressés. exceljs écrit la feuille sans attendre le zip : sans
 * cette mesure (structure interne d'exceljs 4, lue prudemment ; 0 si elle change), tout le XML de la
 * feuille s'accumulerait en mémoire.
 */
function octetsEnAttente(ws: unknown): number {
  const tube = (ws as { stream?: { pipes?: { _writableState?: { length?: number }; _readableState?: { length?: number } }[] } }).stream?.pipes?.[0];
  return (tube?._writableState?.length ?? 0) + (tube?._readableState?.length ?? 0);
}

/** Laisse le zip et le disque rattraper l'écriture des lignes. */
async function laisserSecouler(ws: unknown): Promise<void> {
  await new Promise((r) => setImmediate(r));
  while (octetsEnAttente(ws) > EN_ATTENTE_MAX) await new Promise((r) => setTimeout(r, 2));
}

/** Les cellules dans l'ordre des lignes (une liste quelconque est triée ; un flux doit déjà l'être). */
function enOrdre(cellules: Iterable<Cellule>): Iterable<Cellule> {
  return Array.isArray(cellules) ? [...cellules].sort((a, b) => ligneDe(a.adresse) - ligneDe(b.adresse)) : cellules;
}

/** Écrit une feuille décrite dans un classeur en flux, ligne par ligne, puis la valide. */
export async function ecrireFeuilleEnFlux(classeur: ExcelJS.stream.xlsx.WorkbookWriter, d: DescriptionEnFlux): Promise<void> {
  const ws = classeur.addWorksheet(d.nom, optionsFeuille(d));
  for (const col of d.colonnes) ws.getColumn(col.lettre).width = col.largeur;
  const hauteurs = new Map((d.hauteurs ?? []).map((h) => [h.ligne, h.hauteur]));
  const haut = (plage: string) => ligneDe(plage.split(':')[0]);
  const fusions = [...d.fusions].sort((a, b) => haut(a) - haut(b));
  // Une ligne remplie reçoit sa hauteur et ses fusions (les cellules fusionnées prennent le style de
  // la première, comme en mémoire), puis part dans le flux.
  const terminer = (l: number) => {
    while (fusions.length && haut(fusions[0]) <= l) ws.mergeCells(fusions.shift()!);
    const h = hauteurs.get(l);
    if (h !== undefined) ws.getRow(l).height = h;
    ws.getRow(l).commit();
  };
  let ligne = 0;
  let lignesEcrites = 0;
  for (const cel of enOrdre(d.cellules)) {
    const r = ligneDe(cel.adresse);
    if (r !== ligne) {
      if (r < ligne) throw new Error(`Cellule ${cel.adresse} après la ligne ${ligne} : les cellules d'un flux doivent suivre l'ordre des lignes`);
      if (ligne) terminer(ligne);
      if (++lignesEcrites % LIGNES_PAR_PAUSE === 0) await laisserSecouler(ws);
      ligne = r;
    }
    remplirCellule(ws.getCell(cel.adresse), cel);
  }
  if (ligne) terminer(ligne);
  for (const f of fusions) ws.mergeCells(f);
  ws.commit();
}

/** Écrit dans `flux` un classeur des feuilles décrites, chacune en flux. */
export async function ecrireClasseurEnFlux(feuilles: readonly DescriptionEnFlux[], flux: Writable, o: { createur: string }): Promise<void> {
  corrigerCalcId();
  const classeur = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: flux, useStyles: true, useSharedStrings: false });
  classeur.creator = o.createur;
  for (const d of feuilles) await ecrireFeuilleEnFlux(classeur, d);
  await classeur.commit();
}

// Écriture de la feuille « Programme SIP » avec exceljs (Node seulement : CLI et tests).
// Les formules SIP.* sont écrites sous la forme qu'Excel enregistre (`_xldudf_SIP_AIDE(D15,C15,$B$9)`)
// avec leur valeur en cache : un lecteur sans le complément, ou LibreOffice, affiche les bons chiffres.
// La CLI écrit en flux (ecrireClasseurProgramme) : ligne par ligne, 100 000 candidatures tiennent en
// moins de 1 Go de mémoire.
import ExcelJS from 'exceljs';
import { Writable } from 'stream';
import { versFormeFichier } from '../../formules/forme-fichier';
import { ligneDe } from '../adresses';
import { Cellule, DescriptionFeuille, FORMATS_EXCEL, StyleCellule } from '../description';
import type { DescriptionEnFlux } from './feuille-programme';
import { corrigerCalcId } from '../exceljs/calc-id';

type Style = Partial<ExcelJS.Style>;

const GRIS = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE7E6E6' } } as ExcelJS.Fill;
const JAUNE = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFF8DC' } } as ExcelJS.Fill;

const STYLES: Record<StyleCellule, Style> = {
  titre: { font: { bold: true, size: 14 } },
  sous_titre: { font: { bold: true, size: 12 } },
  entete: { font: { bold: true }, fill: GRIS, alignment: { wrapText: true, vertical: 'middle' } },
  libelle: {},
  entree: { fill: JAUNE },
  calcul: {},
  total: { font: { bold: true }, border: { top: { style: 'thin' } } },
  note: { font: { italic: true, color: { argb: 'FF595959' } } },
  alerte: { font: { color: { argb: 'FFC00000' } } },
};

/**
 * Un objet de style par couple (style, format), partagé par toutes les cellules qui l'ont : exceljs
 * reconnaît un objet déjà vu (WeakMap) au lieu de resérialiser le style de chaque cellule.
 */
const stylesPartages = new Map<string, Style>();
function stylePartage(cel: Cellule): Style {
  const cle = `${cel.style ?? ''}|${cel.format ?? ''}`;
  let s = stylesPartages.get(cle);
  if (!s) {
    s = { ...(cel.style ? STYLES[cel.style] : {}), ...(cel.format ? { numFmt: FORMATS_EXCEL[cel.format] } : {}) };
    stylesPartages.set(cle, s);
  }
  return s;
}

/** Valeur, format, style et nom d'une cellule décrite ; les formules SIP.* passent en forme fichier. */
function remplirCellule(cell: ExcelJS.Cell, cel: Cellule): void {
  if (cel.formule) {
    const formule = versFormeFichier(cel.formule).replace(/^=/, '');
    cell.value = { formula: formule, result: cel.valeur ?? undefined } as ExcelJS.CellFormulaValue;
  } else {
    cell.value = cel.valeur ?? null;
  }
  if (cel.format || cel.style) cell.style = stylePartage(cel);
  if (cel.nom) cell.name = cel.nom;
}

/** Ajoute au classeur la feuille décrite ; les formules SIP.* passent en forme fichier. */
export function ajouterFeuille(classeur: ExcelJS.Workbook, d: DescriptionFeuille): ExcelJS.Worksheet {
  const ws = classeur.addWorksheet(d.nom);
  for (const col of d.colonnes) ws.getColumn(col.lettre).width = col.largeur;
  for (const cel of d.cellules) remplirCellule(ws.getCell(cel.adresse), cel);
  for (const f of d.fusions) ws.mergeCells(f);
  if (d.masquee) ws.state = 'hidden';
  return ws;
}

/** Le classeur du programme SIP, en mémoire (xlsx) : le même flux, recueilli dans un tampon. */
export async function classeurProgramme(d: DescriptionFeuille): Promise<Buffer> {
  const morceaux: Buffer[] = [];
  const flux = new Writable({
    write(m: Buffer, _e, fini) {
      morceaux.push(m);
      fini();
    },
  });
  await ecrireClasseurProgramme(d, flux);
  return Buffer.concat(morceaux);
}

/** Les cellules dans l'ordre des lignes (une liste quelconque est triée ; un flux doit déjà l'être). */
function enOrdre(cellules: Iterable<Cellule>): Iterable<Cellule> {
  return Array.isArray(cellules) ? [...cellules].sort((a, b) => ligneDe(a.adresse) - ligneDe(b.adresse)) : cellules;
}

/**
 * Mise en page à l'impression, en options d'exceljs : en flux, elles doivent être données à la
 * création de la feuille (exceljs écrit l'ajustement à la page en tête du XML).
 */
function optionsFeuille(d: DescriptionEnFlux): Partial<ExcelJS.AddWorksheetOptions> {
  const m = d.miseEnPage;
  const o: Partial<ExcelJS.AddWorksheetOptions> = d.masquee ? { state: 'hidden' } : {};
  if (!m) return o;
  return {
    ...o,
    pageSetup: {
      paperSize: 9, // A4
      orientation: m.orientation === 'paysage' ? 'landscape' : 'portrait',
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      ...(m.lignesTitres ? { printTitlesRow: m.lignesTitres } : {}),
    },
    headerFooter: {
      ...(m.entete ? { oddHeader: `&C${m.entete}` } : {}),
      oddFooter: `${m.pied ? `&L${m.pied}` : ''}&Rpage &P / &N`,
    },
  } as Partial<ExcelJS.AddWorksheetOptions>;
}

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

/**
 * Écrit le classeur du programme SIP dans `flux`, ligne par ligne (exceljs en flux : chaque ligne
 * validée part dans le zip, dont on attend qu'il se vide régulièrement). Les cellules d'un flux
 * (feuilleProgrammeEnFlux) ne sont produites qu'au moment d'être écrites.
 */
export async function ecrireClasseurProgramme(d: DescriptionEnFlux, flux: Writable): Promise<void> {
  corrigerCalcId();
  const classeur = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: flux, useStyles: true, useSharedStrings: false });
  classeur.creator = 'sip programme';
  const ws = classeur.addWorksheet(d.nom, optionsFeuille(d));
  for (const col of d.colonnes) ws.getColumn(col.lettre).width = col.largeur;
  const haut = (plage: string) => ligneDe(plage.split(':')[0]);
  const fusions = [...d.fusions].sort((a, b) => haut(a) - haut(b));
  // Une ligne remplie reçoit ses fusions (les cellules fusionnées prennent le style de la première,
  // comme en mémoire), puis part dans le flux.
  const terminer = (l: number) => {
    while (fusions.length && haut(fusions[0]) <= l) ws.mergeCells(fusions.shift()!);
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
  for (const f of fusions) ws.mergeCells(f);
  ws.commit();
  await classeur.commit();
}

// L'écrivain exceljs commun à tous les classeurs de la CLI (simulation, programme SIP), depuis la
// description partagée : formules sous la forme que stocke Excel pour les fonctions de complément
// (`_xldudf_SIP_CAI(B5)`) AVEC leurs valeurs en cache, plages nommées, largeurs de colonnes, hauteurs,
// renvoi à la ligne, formats français, styles, mise en page à l'impression (A4 paysage, une page de
// large, lignes de titres, en-tête et pied de page). En mémoire ici ; en flux dans flux.ts, avec les
// mêmes fonctions de cellule et de feuille. Node seulement.
import ExcelJS from 'exceljs';
import { versFormeFichier } from '../../formules/forme-fichier';
import { ValeurCalculee } from '../../formules/moteur';
import { Cellule, DescriptionEnFlux, DescriptionFeuille, formatExcel, StyleCellule } from '../description';
import { colonneDe, ligneDe } from '../adresses';
import { cmVersPouces, codeEnTete, MARGES_PAR_DEFAUT, partiesEnTete, zoneImpression } from '../impression';
import { decrireProvenance, Provenance } from '../provenance';
import { calculerFeuille } from './valeurs';
import { corrigerCalcId } from './calc-id';

type Style = Partial<ExcelJS.Style>;

const fond = (argb: string): ExcelJS.Fill => ({ type: 'pattern', pattern: 'solid', fgColor: { argb } });

/** Les styles des cellules, ceux que pose aussi l'écrivain Office.js (ecrire.office.ts). */
const STYLES: Record<StyleCellule, Style> = {
  titre: { font: { bold: true, size: 14 } },
  sous_titre: { font: { bold: true, size: 12 } },
  entete: { font: { bold: true }, fill: fond('FFDDEBF7'), alignment: { wrapText: true, vertical: 'top' } },
  libelle: {},
  entree: { fill: fond('FFFFF2CC') },
  calcul: {},
  total: { font: { bold: true }, fill: fond('FFF2F2F2') },
  note: { font: { italic: true, size: 9, color: { argb: 'FF595959' } } },
  alerte: { font: { bold: true, color: { argb: 'FFC00000' } }, fill: fond('FFFCE4D6') },
};

/**
 * Un objet de style par combinaison (style, format, renvoi), partagé par toutes les cellules qui l'ont :
 * exceljs reconnaît un objet déjà vu au lieu de resérialiser le style de chaque cellule (mémoire et
 * durée de l'écriture de 100 000 lignes). Ces objets ne sont jamais modifiés après leur création.
 */
const stylesPartages = new Map<string, Style>();
function stylePartage(cel: Cellule): Style | null {
  const format = formatExcel(cel);
  if (!cel.style && !cel.renvoi && format === 'General') return null;
  const cle = `${cel.style ?? ''}|${format}|${cel.renvoi ? 1 : 0}`;
  let s = stylesPartages.get(cle);
  if (!s) {
    const base = cel.style ? STYLES[cel.style] : {};
    s = { ...base, ...(format !== 'General' ? { numFmt: format } : {}), ...(cel.renvoi ? { alignment: { wrapText: true, vertical: 'top' } } : {}) };
    stylesPartages.set(cle, s);
  }
  return s;
}

const ERREURS_EXCEL = ['#N/A', '#REF!', '#NAME?', '#DIV/0!', '#NULL!', '#VALUE!', '#NUM!'] as const;
function normaliserErreur(e: string): ExcelJS.CellErrorValue['error'] {
  return ((ERREURS_EXCEL as readonly string[]).includes(e) ? e : '#VALUE!') as ExcelJS.CellErrorValue['error'];
}

function resultat(v: ValeurCalculee | string | boolean | undefined): ExcelJS.CellFormulaValue['result'] {
  if (v === undefined || v === null) return undefined;
  if (typeof v === 'object') return { error: normaliserErreur(v.erreur) } as ExcelJS.CellErrorValue;
  return v;
}

/**
 * Valeur, format, style et nom d'une cellule décrite ; une formule passe en forme fichier avec sa
 * valeur en cache (`valeurs`, sinon la valeur portée par la cellule).
 */
export function remplirCellule(cell: ExcelJS.Cell, cel: Cellule, valeurs?: ReadonlyMap<string, ValeurCalculee>): void {
  if (cel.formule) {
    const formule = versFormeFichier(cel.formule).replace(/^=/, '');
    cell.value = { formula: formule, result: resultat(valeurs?.get(cel.adresse) ?? cel.valeur ?? undefined) } as ExcelJS.CellFormulaValue;
  } else if (cel.valeur !== undefined && cel.valeur !== null) {
    cell.value = cel.valeur;
  }
  const s = stylePartage(cel);
  if (s) cell.style = s;
  if (cel.nom) cell.name = cel.nom;
}

/** « A1:S74 » → « A$1:S$74 » : exceljs ajoute le « $ » des colonnes, la zone devient absolue. */
const lignesFixes = (plage: string) => plage.replace(/([A-Z]+)(\d+)/g, '$1$$$2');

/** Mise en page de la feuille, en options d'exceljs (en flux, elles doivent être données à la création de la feuille). */
function pageSetup(d: DescriptionEnFlux): Partial<ExcelJS.PageSetup> | undefined {
  const m = d.miseEnPage;
  if (!m) return undefined;
  const marges = m.marges ?? MARGES_PAR_DEFAUT;
  return {
    paperSize: 9, // A4
    orientation: m.orientation === 'paysage' ? 'landscape' : 'portrait',
    fitToPage: true,
    fitToWidth: m.pagesEnLargeur ?? 1,
    fitToHeight: 0, // hauteur : autant de pages que le contenu
    printArea: lignesFixes(zoneImpression(d)),
    ...(m.lignesTitres ? { printTitlesRow: m.lignesTitres.replace(/\$/g, '') } : {}),
    horizontalCentered: true,
    margins: {
      left: cmVersPouces(marges.gauche), right: cmVersPouces(marges.droite), top: cmVersPouces(marges.haut),
      bottom: cmVersPouces(marges.bas), header: cmVersPouces(marges.entete), footer: cmVersPouces(marges.pied),
    },
  };
}

/** Options de création d'une feuille : visibilité, quadrillage, mise en page, en-tête et pied de page. */
export function optionsFeuille(d: DescriptionEnFlux): Partial<ExcelJS.AddWorksheetOptions> {
  const o: Partial<ExcelJS.AddWorksheetOptions> = d.masquee ? { state: 'hidden' } : { views: [{ showGridLines: true }] };
  const setup = pageSetup(d);
  if (!setup || !d.miseEnPage) return o;
  const p = partiesEnTete(d.miseEnPage);
  return { ...o, pageSetup: setup, headerFooter: { oddHeader: codeEnTete(p.entete), oddFooter: codeEnTete(p.pied) } } as Partial<ExcelJS.AddWorksheetOptions>;
}

/** Ajoute au classeur (en mémoire) la feuille décrite, avec les valeurs en cache de ses formules. */
export function ajouterFeuille(classeur: ExcelJS.Workbook, d: DescriptionFeuille, valeurs?: ReadonlyMap<string, ValeurCalculee>): ExcelJS.Worksheet {
  const ws = classeur.addWorksheet(d.nom, optionsFeuille(d));
  for (const col of d.colonnes) ws.getColumn(col.lettre).width = col.largeur;
  for (const h of d.hauteurs ?? []) ws.getRow(h.ligne).height = h.hauteur;
  for (const cel of d.cellules) remplirCellule(ws.getCell(cel.adresse), cel, valeurs);
  for (const f of d.fusions) ws.mergeCells(f);
  return ws;
}

/** Valeurs en cache de la simulation (moteur sans tableur, barème de la provenance). */
export function valeursEnCache(description: DescriptionFeuille, provenance: Provenance): Map<string, ValeurCalculee> {
  return calculerFeuille(description.cellules, provenance.bareme, provenance.scenario.simulation.debut);
}

/** Image à poser sur la feuille (graphiques du plan de financement : exceljs n'écrit pas de graphique natif). */
export interface ImageFeuille {
  png: Buffer;
  /** Coin supérieur gauche (« A120 »). */
  ancre: string;
  largeurPx: number;
  hauteurPx: number;
  titre?: string;
}

/** Le classeur d'une simulation : la feuille, ses images, les autres feuilles (« Barème »), la provenance masquée. */
export async function ecrireExcelJs(
  description: DescriptionFeuille,
  provenance: Provenance,
  // `feuilles` : autres feuilles visibles, sans formules, écrites après la simulation (« Barème »).
  o: { images?: readonly ImageFeuille[]; valeurs?: Map<string, ValeurCalculee>; feuilles?: readonly DescriptionFeuille[] } = {},
): Promise<Buffer> {
  corrigerCalcId();
  const wb = new ExcelJS.Workbook();
  wb.creator = `sip-simulateur ${provenance.versionComplement}`;
  wb.created = new Date(provenance.dateGeneration);
  wb.modified = wb.created;
  const ws = ajouterFeuille(wb, description, o.valeurs ?? valeursEnCache(description, provenance));
  for (const img of o.images ?? []) {
    const id = wb.addImage({ buffer: img.png as unknown as ExcelJS.Buffer, extension: 'png' });
    ws.addImage(id, { tl: { col: colonneDe(img.ancre) - 1, row: ligneDe(img.ancre) - 1 } as ExcelJS.Anchor, ext: { width: img.largeurPx, height: img.hauteurPx } });
  }
  for (const autre of o.feuilles ?? []) ajouterFeuille(wb, autre);
  ajouterFeuille(wb, decrireProvenance(provenance));
  wb.views = [{ x: 0, y: 0, width: 20000, height: 12000, firstSheet: 0, activeTab: 0, visibility: 'visible' }];
  return Buffer.from(await wb.xlsx.writeBuffer());
}

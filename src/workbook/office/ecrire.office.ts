// Écriture de la feuille de simulation dans Excel avec Office.js (volet), depuis la description
// partagée : une NOUVELLE feuille (jamais d'écrasement d'une feuille existante sans confirmation
// explicite) ; ou, pour mettre à jour une simulation en place, seule la plage générée est effacée et
// réécrite : les cellules ajoutées par l'utilisateur hors de cette plage survivent.
// Écriture groupée : formats, formules et valeurs posés par plages entières, peu de `sync`
// (2 pour une nouvelle feuille, 3 pour une mise à jour).
import { ajouterGraphiques, FeuilleOffice, PREFIXE_NOM } from '../plan/office-graphiques';
import { Cellule, DescriptionFeuille, formatExcel, StyleCellule } from '../description';
import { colonneDe, ligneDe, lettreColonne } from '../adresses';
import { lignesAbsolues, MARGES_PAR_DEFAUT, partiesEnTete, zoneImpression } from '../impression';
import { decrireProvenance, estFeuilleProvenance, lireProvenance, nomFeuilleProvenance, Provenance } from '../provenance';
import { CelluleLue, ValeurLue } from '../verification';

export interface OptionsEcritureOffice {
  /** Mettre à jour en place une feuille de simulation existante (seule la plage générée est réécrite). */
  miseAJour?: boolean;
  /** Confirmation explicite de l'utilisateur : remplacer entièrement une feuille existante du même nom. */
  remplacerFeuilleExistante?: boolean;
  /** Activer la feuille écrite (défaut : oui). */
  activer?: boolean;
  /**
   * Écritures supplémentaires mises dans le même lot, avant le dernier `sync` (graphiques natifs du
   * plan de financement à partir de `description.graphiques`, par exemple).
   */
  complements?: readonly ((feuille: Excel.Worksheet, description: DescriptionFeuille) => void)[];
}

export class ErreurFeuilleExistante extends Error {
  constructor(readonly feuille: string, message?: string) {
    super(message ?? `La feuille « ${feuille} » existe déjà : choisissez un autre nom ou confirmez son remplacement.`);
  }
}

/** Premier nom libre : « Simulation », « Simulation (2) »… (31 caractères au plus). */
export function nomLibre(base: string, existants: readonly string[]): string {
  const pris = new Set(existants.map((n) => n.toLowerCase()));
  if (!pris.has(base.toLowerCase())) return base;
  for (let i = 2; ; i++) {
    const suffixe = ` (${i})`;
    const n = `${base.slice(0, 31 - suffixe.length)}${suffixe}`;
    if (!pris.has(n.toLowerCase())) return n;
  }
}

/** Largeur exceljs (caractères) → points Office.js. */
const largeurEnPoints = (caracteres: number) => Math.round(caracteres * 5.6 + 5);

interface Bornes {
  c1: number;
  l1: number;
  c2: number;
  l2: number;
}
function bornes(plage: string): Bornes {
  const [a, b = a] = plage.split(':');
  return { c1: colonneDe(a), l1: ligneDe(a), c2: colonneDe(b), l2: ligneDe(b) };
}

/** Matrices formules/valeurs et formats de nombre de toute la plage générée (une affectation chacune). */
export function matrices(d: DescriptionFeuille): { formules: (string | number | boolean)[][]; formats: string[][] } {
  const b = bornes(d.plage);
  const lignes = b.l2 - b.l1 + 1;
  const colonnes = b.c2 - b.c1 + 1;
  const formules: (string | number | boolean)[][] = Array.from({ length: lignes }, () => Array.from({ length: colonnes }, () => ''));
  const formats: string[][] = Array.from({ length: lignes }, () => Array.from({ length: colonnes }, () => 'General'));
  for (const c of d.cellules) {
    const l = ligneDe(c.adresse) - b.l1;
    const k = colonneDe(c.adresse) - b.c1;
    if (l < 0 || k < 0 || l >= lignes || k >= colonnes) continue;
    formules[l][k] = c.formule ?? (c.valeur === null || c.valeur === undefined ? '' : c.valeur);
    // Texte : format « @ » posé AVANT la valeur, pour qu'Excel ne convertisse pas « (1) » en -1.
    formats[l][k] = formatExcel(c);
  }
  return { formules, formats };
}

/** Suites de cellules contiguës d'une même ligne qui partagent un style : une plage par suite. */
export function plagesParStyle(cellules: readonly Cellule[]): Map<StyleCellule, string[]> {
  const r = new Map<StyleCellule, string[]>();
  const tri = cellules.filter((c) => c.style).sort((a, b) => ligneDe(a.adresse) - ligneDe(b.adresse) || colonneDe(a.adresse) - colonneDe(b.adresse));
  let debut: Cellule | null = null;
  let precedent: Cellule | null = null;
  const clore = () => {
    if (!debut || !precedent) return;
    const l = ligneDe(debut.adresse);
    const a = `${lettreColonne(colonneDe(debut.adresse))}${l}`;
    const b = `${lettreColonne(colonneDe(precedent.adresse))}${l}`;
    const liste = r.get(debut.style as StyleCellule) ?? [];
    liste.push(a === b ? a : `${a}:${b}`);
    r.set(debut.style as StyleCellule, liste);
  };
  for (const c of tri) {
    const suite = precedent && debut && c.style === debut.style && ligneDe(c.adresse) === ligneDe(precedent.adresse) && colonneDe(c.adresse) === colonneDe(precedent.adresse) + 1;
    if (!suite) {
      clore();
      debut = c;
    }
    precedent = c;
  }
  clore();
  return r;
}

function appliquerStyle(plage: Excel.Range, style: StyleCellule): void {
  const f = plage.format;
  switch (style) {
    case 'titre':
      f.font.bold = true;
      f.font.size = 14;
      break;
    case 'sous_titre':
      f.font.bold = true;
      f.font.size = 12;
      break;
    case 'entete':
      f.font.bold = true;
      f.fill.color = '#DDEBF7';
      f.wrapText = true;
      f.verticalAlignment = 'Top';
      break;
    case 'entree':
      f.fill.color = '#FFF2CC';
      break;
    case 'total':
      f.font.bold = true;
      f.fill.color = '#F2F2F2';
      break;
    case 'note':
      f.font.italic = true;
      f.font.size = 9;
      f.font.color = '#595959';
      break;
    case 'alerte':
      f.font.bold = true;
      f.font.color = '#C00000';
      f.fill.color = '#FCE4D6';
      break;
    default:
      break;
  }
}

/** Suites verticales de cellules renvoyées à la ligne (une plage par suite : « S15:S114 »). */
export function plagesRenvoi(cellules: readonly Cellule[]): string[] {
  const parColonne = new Map<number, number[]>();
  for (const c of cellules) {
    if (!c.renvoi) continue;
    const col = colonneDe(c.adresse);
    const lignes = parColonne.get(col) ?? [];
    lignes.push(ligneDe(c.adresse));
    parColonne.set(col, lignes);
  }
  const r: string[] = [];
  for (const [col, lignes] of [...parColonne].sort((a, b) => a[0] - b[0])) {
    lignes.sort((a, b) => a - b);
    let debut = lignes[0];
    lignes.forEach((l, k) => {
      if (lignes[k + 1] === l + 1) return;
      const a = `${lettreColonne(col)}${debut}`;
      r.push(l === debut ? a : `${a}:${lettreColonne(col)}${l}`);
      debut = lignes[k + 1];
    });
  }
  return r;
}

/** La mise en page demande ExcelApi 1.9 (absente d'Excel 2016 en achat définitif) : sans elle, la feuille s'écrit sans. */
export function miseEnPageDisponible(): boolean {
  return typeof Office !== 'undefined' && Boolean(Office.context?.requirements?.isSetSupported('ExcelApi', '1.9'));
}

/**
 * File la mise en page à l'impression (aucun `sync`) : A4, orientation, une page de large (hauteur
 * automatique : 0), marges, zone d'impression, lignes de titres, en-tête et pied de page.
 */
export function fileMiseEnPage(feuille: Excel.Worksheet, d: DescriptionFeuille): void {
  const m = d.miseEnPage;
  if (!m || !miseEnPageDisponible()) return;
  const pl = feuille.pageLayout;
  const marges = m.marges ?? MARGES_PAR_DEFAUT;
  pl.paperSize = 'A4';
  pl.orientation = m.orientation === 'paysage' ? 'Landscape' : 'Portrait';
  pl.zoom = { horizontalFitToPages: m.pagesEnLargeur ?? 1, verticalFitToPages: 0, scale: null as unknown as number };
  pl.centerHorizontally = true;
  pl.setPrintMargins('Centimeters', { left: marges.gauche, right: marges.droite, top: marges.haut, bottom: marges.bas, header: marges.entete, footer: marges.pied });
  pl.setPrintArea(zoneImpression(d));
  if (m.lignesTitres) pl.setPrintTitleRows(lignesAbsolues(m.lignesTitres));
  const p = partiesEnTete(m);
  const hf = pl.headersFooters.defaultForAllPages;
  hf.leftHeader = p.entete.gauche;
  hf.centerHeader = p.entete.centre;
  hf.rightHeader = p.entete.droite;
  hf.leftFooter = p.pied.gauche;
  hf.centerFooter = p.pied.centre;
  hf.rightFooter = p.pied.droite;
}

/** File les écritures d'une description sur une feuille (aucun `sync`). */
function fileEcriture(feuille: Excel.Worksheet, d: DescriptionFeuille, nomsExistants: Set<string>): void {
  const { formules, formats } = matrices(d);
  const plage = feuille.getRange(d.plage);
  plage.numberFormat = formats;
  plage.formulas = formules as unknown as string[][];
  for (const [style, adresses] of plagesParStyle(d.cellules)) for (const a of adresses) appliquerStyle(feuille.getRange(a), style);
  for (const a of plagesRenvoi(d.cellules)) {
    const f = feuille.getRange(a).format;
    f.wrapText = true;
    f.verticalAlignment = 'Top';
  }
  for (const f of d.fusions) feuille.getRange(f).merge(false);
  for (const c of d.colonnes) feuille.getRange(`${c.lettre}:${c.lettre}`).format.columnWidth = largeurEnPoints(c.largeur);
  for (const h of d.hauteurs ?? []) feuille.getRange(`${h.ligne}:${h.ligne}`).format.rowHeight = h.hauteur;
  // Noms de la simulation précédente (mise à jour) : retirés puis recréés sur les nouvelles cellules
  // (entrées « sim_… » et totaux nommés TOTAL_…, PLAN_TOTAL_…).
  const nomsDecrits = new Set(d.cellules.flatMap((c) => (c.nom ? [c.nom] : [])));
  for (const n of nomsExistants) if (n.startsWith('sim_') || nomsDecrits.has(n)) feuille.names.getItem(n).delete();
  for (const c of d.cellules) if (c.nom) feuille.names.add(c.nom, feuille.getRange(c.adresse));
  // Graphiques natifs (plan de financement) ; la CLI en écrit des images équivalentes.
  ajouterGraphiques(feuille as unknown as FeuilleOffice, d.graphiques);
  fileMiseEnPage(feuille, d);
}

/**
 * File l'écriture d'une description quelconque (sans provenance) sur une feuille déjà obtenue, sans
 * `sync` : pour les feuilles qui ne sont pas des simulations (programme SIP, modèle de tableau).
 */
export function fileEcritureDescription(feuille: Excel.Worksheet, description: DescriptionFeuille): void {
  fileEcriture(feuille, description, new Set());
}

export interface ResultatEcritureOffice {
  feuille: string;
  feuilleProvenance: string;
  mode: 'creation' | 'mise_a_jour' | 'remplacement';
}

export async function ecrireOffice(
  context: Excel.RequestContext,
  description: DescriptionFeuille,
  provenance: Provenance,
  options: OptionsEcritureOffice = {},
): Promise<ResultatEcritureOffice> {
  const feuilles = context.workbook.worksheets;
  const nomProv = nomFeuilleProvenance(description.nom);
  const existante = feuilles.getItemOrNullObject(description.nom);
  const provExistante = feuilles.getItemOrNullObject(nomProv);
  existante.load('name');
  provExistante.load('name');
  await context.sync(); // 1 : que contient le classeur ?

  let feuille: Excel.Worksheet;
  let mode: ResultatEcritureOffice['mode'] = 'creation';
  const nomsExistants = new Set<string>();
  if (!existante.isNullObject) {
    if (options.miseAJour) {
      if (provExistante.isNullObject) {
        throw new ErreurFeuilleExistante(description.nom, `La feuille « ${description.nom} » n’est pas une simulation (pas de provenance) : mise à jour refusée pour ne pas écraser vos cellules.`);
      }
      // 2 : plage générée précédente et noms de la feuille, pour ne réécrire que la zone générée.
      const ancienne = provExistante.getUsedRange();
      ancienne.load('values');
      existante.names.load('items/name');
      existante.charts.load('items/name');
      await context.sync();
      const valeurs = new Map<string, unknown>();
      (ancienne.values as unknown[][]).forEach((ligne, l) => ligne.forEach((v, k) => valeurs.set(`${lettreColonne(k + 1)}${l + 1}`, v)));
      let anciennePlage: string | undefined;
      try {
        anciennePlage = lireProvenance(valeurs).plage;
      } catch {
        anciennePlage = undefined;
      }
      for (const n of existante.names.items) nomsExistants.add(n.name);
      // Les graphiques que le complément avait créés (jamais ceux de l'utilisateur) sont recréés.
      for (const g of existante.charts.items) if (g.name.startsWith(PREFIXE_NOM)) g.delete();
      for (const p of new Set([anciennePlage ?? description.plage, description.plage])) {
        const r = existante.getRange(p);
        r.unmerge();
        r.clear('All');
        // Les hauteurs imposées de l'ancienne feuille (textes renvoyés) ne survivent pas à la mise à jour.
        r.format.useStandardHeight = true;
      }
      feuille = existante;
      mode = 'mise_a_jour';
    } else if (options.remplacerFeuilleExistante) {
      existante.delete();
      feuille = feuilles.add(description.nom);
      mode = 'remplacement';
    } else {
      throw new ErreurFeuilleExistante(description.nom);
    }
  } else {
    feuille = feuilles.add(description.nom);
  }
  if (!provExistante.isNullObject) provExistante.delete();

  fileEcriture(feuille, description, nomsExistants);
  for (const c of options.complements ?? []) c(feuille, description);
  const desc = decrireProvenance(provenance);
  const prov = feuilles.add(desc.nom);
  fileEcriture(prov, desc, new Set());
  prov.visibility = 'Hidden';
  if (options.activer ?? true) feuille.activate();
  await context.sync(); // dernier : tout est écrit d'un coup
  return { feuille: description.nom, feuilleProvenance: desc.nom, mode };
}

function valeurLue(v: unknown): ValeurLue {
  if (v === null || v === undefined || v === '') return null;
  if (typeof v === 'number' || typeof v === 'boolean') return v;
  const t = String(v);
  return /^#[A-Z/0!?]+[!?A]?$/.test(t) && t.length <= 8 ? { erreur: t } : t;
}

export interface SimulationOffice {
  provenance: Provenance;
  /** Cellules de la feuille de simulation (formules invariantes et valeurs), pour `verifierClasseur`. */
  cellules: CelluleLue[];
}

/**
 * Relit la simulation de la feuille active (ou de `nomFeuille`) : provenance (scénario, barème) et
 * cellules. Rend null si la feuille n'est pas une simulation. 2 `sync`.
 */
export async function lireSimulationOffice(context: Excel.RequestContext, nomFeuille?: string): Promise<SimulationOffice | null> {
  const feuilles = context.workbook.worksheets;
  const feuille = nomFeuille ? feuilles.getItem(nomFeuille) : feuilles.getActiveWorksheet();
  feuille.load('name');
  feuilles.load('items/name');
  await context.sync();
  const nomProv = nomFeuilleProvenance(feuille.name);
  if (!feuilles.items.some((f) => f.name === nomProv && estFeuilleProvenance(f.name))) return null;
  const provUtilisee = feuilles.getItem(nomProv).getUsedRange();
  provUtilisee.load('values');
  const utilisee = feuille.getUsedRangeOrNullObject();
  utilisee.load(['formulas', 'values', 'address']);
  await context.sync();
  const valeurs = new Map<string, unknown>();
  (provUtilisee.values as unknown[][]).forEach((ligne, l) => ligne.forEach((v, k) => valeurs.set(`${lettreColonne(k + 1)}${l + 1}`, v)));
  const provenance = lireProvenance(valeurs);
  const cellules: CelluleLue[] = [];
  if (!utilisee.isNullObject) {
    const debut = (utilisee.address.split('!').pop() ?? 'A1').split(':')[0].replace(/\$/g, '');
    const c0 = colonneDe(debut);
    const l0 = ligneDe(debut);
    const valeursLues = utilisee.values as unknown[][];
    (utilisee.formulas as unknown[][]).forEach((ligne, l) =>
      ligne.forEach((f, k) => {
        const v = valeursLues[l][k];
        const adresse = `${lettreColonne(c0 + k)}${l0 + l}`;
        if (typeof f === 'string' && f.startsWith('=')) cellules.push({ adresse, formule: f, valeur: valeurLue(v) });
        else if (v !== '' && v !== null) cellules.push({ adresse, valeur: valeurLue(v) });
      }),
    );
  }
  return { provenance, cellules };
}

/** Recharge le scénario de la feuille de simulation active (pour le formulaire du volet), ou null. */
export async function lireScenarioOffice(context: Excel.RequestContext) {
  const s = await lireSimulationOffice(context);
  return s ? s.provenance.scenario : null;
}

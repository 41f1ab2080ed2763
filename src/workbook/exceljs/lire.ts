// Lecture d'un classeur de simulation .xlsx (écrit par `sip simulate`, par le volet, ou enregistré par
// Excel : formules `_xldudf_SIP_…`, formules partagées, valeurs en cache) avec exceljs. Node seulement.
import ExcelJS from 'exceljs';
import { Bareme } from '../../rules/bareme/types';
import { ErreurProvenance, estFeuilleProvenance, lireProvenance, Provenance } from '../provenance';
import { validerScenario } from '../../rules/scenario/validation';
import type { CelluleLue, FeuilleLue, Recalculateur, ValeurLue } from '../verification';
import { calculerFeuille } from './valeurs';

const JOUR_MS = 86_400_000;
/** Numéro de série Excel d'une date lue par exceljs (dates en UTC, calendrier 1900). */
export const dateVersSerie = (d: Date) => d.getTime() / JOUR_MS + 25569;

function valeurSimple(v: unknown): ValeurLue {
  if (v === null || v === undefined) return null;
  if (typeof v === 'number' || typeof v === 'string' || typeof v === 'boolean') return v;
  if (v instanceof Date) return dateVersSerie(v);
  if (typeof v === 'object') {
    const o = v as { error?: string; richText?: { text: string }[]; text?: string };
    if (o.error) return { erreur: o.error };
    if (o.richText) return o.richText.map((r) => r.text).join('');
    if (typeof o.text === 'string') return o.text;
  }
  return String(v);
}

/** Cellules non vides d'une feuille : formule (forme fichier), valeur en cache ou constante, format de nombre. */
export function lireCellules(ws: ExcelJS.Worksheet): CelluleLue[] {
  const r: CelluleLue[] = [];
  ws.eachRow({ includeEmpty: false }, (row) => {
    row.eachCell({ includeEmpty: false }, (cell) => {
      if (cell.isMerged && cell.master !== cell) return;
      const v = cell.value as unknown;
      const format = cell.numFmt ?? 'General';
      if (v && typeof v === 'object' && ('formula' in (v as object) || 'sharedFormula' in (v as object))) {
        const formule = cell.formula;
        r.push({ adresse: cell.address, formule: formule ? `=${formule}` : null, valeur: valeurSimple(cell.result), format });
      } else r.push({ adresse: cell.address, valeur: valeurSimple(v), format });
    });
  });
  return r;
}

export interface SimulationLue {
  provenance: Provenance;
  cellules: CelluleLue[];
  /** Nom de la feuille de provenance qui la décrit (où poser une signature). */
  feuilleProvenance: string;
}

export interface ClasseurLu {
  simulations: SimulationLue[];
  /** Toutes les feuilles qui ne sont ni une simulation lue ni une provenance (feuilles ajoutées, barème…). */
  autres: FeuilleLue[];
  /** Problèmes de lecture (provenance illisible, feuille décrite absente). */
  erreurs: string[];
}

export async function lireClasseur(fichier: Buffer | ArrayBuffer): Promise<ClasseurLu> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(fichier as ArrayBuffer);
  const r: ClasseurLu = { simulations: [], autres: [], erreurs: [] };
  for (const ws of wb.worksheets) {
    if (!estFeuilleProvenance(ws.name)) continue;
    const valeurs = new Map<string, unknown>();
    for (const c of lireCellules(ws)) valeurs.set(c.adresse, c.valeur);
    let provenance: Provenance;
    try {
      provenance = lireProvenance(valeurs);
    } catch (e) {
      r.erreurs.push(`${ws.name} : ${e instanceof ErreurProvenance ? e.message : String(e)}`);
      continue;
    }
    const v = validerScenario(provenance.scenario);
    if (!v.ok) {
      r.erreurs.push(`${ws.name} : scénario embarqué invalide (${v.erreurs.join(' ; ')})`);
      continue;
    }
    const feuille = wb.getWorksheet(provenance.feuille);
    if (!feuille) {
      r.erreurs.push(`${ws.name} : la feuille « ${provenance.feuille} » décrite par la provenance est absente (renommée ou supprimée ?)`);
      continue;
    }
    r.simulations.push({ provenance, cellules: lireCellules(feuille), feuilleProvenance: ws.name });
  }
  const lues = new Set(r.simulations.map((s) => s.provenance.feuille));
  for (const ws of wb.worksheets) {
    if (!estFeuilleProvenance(ws.name) && !lues.has(ws.name)) r.autres.push({ nom: ws.name, cellules: lireCellules(ws), ...(ws.state !== 'visible' ? { masquee: true } : {}) });
  }
  if (!r.simulations.length && !r.erreurs.length) r.erreurs.push('aucune feuille de provenance (_sip_provenance) : ce classeur n’a pas été produit par le simulateur SIP');
  return r;
}

/** Recalcul complet avec HyperFormula (formules natives comprises), pour `sip verify`. */
export const recalculerAvecMoteur: Recalculateur = (cellules, bareme: Bareme, aujourdhui) => {
  const entree = cellules.map((c) => ({
    adresse: c.adresse,
    // Excel préfixe les fonctions récentes (`_xlfn.`) : HyperFormula les connaît sous leur nom simple.
    ...(c.formule ? { formule: c.formule.replace(/_xl(fn|ws)\./gi, '') } : { valeur: c.valeur !== null && typeof c.valeur === 'object' ? null : c.valeur }),
  }));
  const calc = calculerFeuille(entree, bareme, aujourdhui);
  const r = new Map<string, ValeurLue | undefined>();
  for (const [a, v] of calc) r.set(a, v !== null && typeof v === 'object' ? { erreur: v.erreur } : v);
  return r;
};

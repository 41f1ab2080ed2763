// Une seule vérité pour l'argent (issue 12) : dans le classeur ÉCRIT puis relu, le tableau des
// versements par année, le plan de financement, l'échéancier, le JSON de la CLI et l'aperçu du volet
// donnent les mêmes montants au centime, pour chaque financeur et chaque année.
import ExcelJS from 'exceljs';
import { BAREME_PAR_DEFAUT } from '../../src/rules/bareme/donnees';
import type { Scenario } from '../../src/rules/scenario/types';
import { grandLivre, livreJson } from '../../src/rules/versements';
import { apercuMontants } from '../../src/taskpane/apercu';
import { colonneDe, lettreColonne, ligneDe } from '../../src/workbook/adresses';
import { genererSimulation } from '../../src/workbook/exceljs/simulation';
import { avecHorizon, centreMiAnnee, exempleJson } from '../rules/scenarios';
import { DATE_GENERATION } from './aides';

const B = BAREME_PAR_DEFAUT;
type Fin = 'CPAM' | 'ARS' | 'AIDES';
const centimes = (x: number) => Math.round(x * 100);

interface Classeur {
  ws: ExcelJS.Worksheet;
  wb: ExcelJS.Workbook;
}

function valeur(ws: ExcelJS.Worksheet, adresse: string): number {
  const c = ws.getCell(adresse);
  // `cell.result` (et non `cell.value.result`, où exceljs perd les 0) : la valeur en cache écrite dans le fichier.
  const v = c.formula ? c.result : c.value;
  if (typeof v !== 'number') throw new Error(`${adresse} : pas de valeur numérique (${JSON.stringify(c.value)})`);
  return v;
}

/** Cellule d'un nom défini du classeur (« 'Simulation'!$E$65 » → E65). */
function cellule(c: Classeur, nom: string): string {
  const r = c.wb.definedNames.getRanges(nom).ranges;
  if (r.length !== 1) throw new Error(`nom ${nom} : ${JSON.stringify(r)}`);
  return r[0].split('!').pop()!.replace(/\$/g, '');
}

/** Ligne de la colonne A dont le texte est exactement `texte`, après la ligne `apres`. */
function ligne(ws: ExcelJS.Worksheet, texte: string, apres = 0): number {
  for (let l = apres + 1; l <= ws.rowCount; l++) if (ws.getCell(`A${l}`).value === texte) return l;
  throw new Error(`ligne « ${texte} » introuvable`);
}

/** Tableau des versements par année : ligne du total de chaque financeur, colonnes des années. */
function tableauAnnuel(c: Classeur, H: number): Record<Fin, number[]> {
  const r = {} as Record<Fin, number[]>;
  for (const f of ['CPAM', 'ARS', 'AIDES'] as const) {
    const total = cellule(c, `TOTAL_${f}`);
    r[f] = Array.from({ length: H }, (_, k) => valeur(c.ws, `${lettreColonne(2 + k)}${ligneDe(total)}`));
    expect(colonneDe(total)).toBe(2 + H);
  }
  return r;
}

/** Échéancier : somme des montants par financeur et par année (colonnes Année, Financeur, Montant). */
function echeancier(c: Classeur, H: number): Record<Fin, number[]> {
  const ws = c.ws;
  const entete = ligne(ws, 'Objet');
  const r: Record<Fin, number[]> = { CPAM: Array(H).fill(0), ARS: Array(H).fill(0), AIDES: Array(H).fill(0) };
  for (let l = entete + 1; typeof ws.getCell(`C${l}`).value === 'number'; l++) {
    const k = (ws.getCell(`C${l}`).value as number) - 1;
    const f = ws.getCell(`E${l}`).value as 'CPAM' | 'ARS';
    const m = valeur(ws, `I${l}`);
    r[f][k] += m;
    r.AIDES[k] += m;
  }
  return r;
}

/**
 * Plan : périodes posées par tranches de 12 colonnes (mois 1–12, mois 13–24, puis années), l'une sous
 * l'autre ; dans chaque tranche, la ligne « Total <financeur> » ; le total de l'horizon (nommé) termine la
 * dernière tranche. Les périodes sont regroupées par année de simulation.
 */
function plan(c: Classeur, H: number): Record<Fin, number[]> {
  const ws = c.ws;
  const periodes = Math.min(24, 12 * H) + Math.max(0, H - 2);
  const annee = (k: number) => (k < 24 ? Math.floor(k / 12) : k - 24 + 2);
  const debut = ligne(ws, 'Plan de financement');
  const fin = ligne(ws, 'Synthèse par année', debut);
  const libelles = { CPAM: 'Total Assurance Maladie (CPAM)', ARS: 'Total Agence régionale de santé (ARS)' };
  const r: Record<Fin, number[]> = { CPAM: Array(H).fill(0), ARS: Array(H).fill(0), AIDES: Array(H).fill(0) };
  for (const f of ['CPAM', 'ARS'] as const) {
    const lignes: number[] = [];
    for (let l = debut; l < fin; l++) if (ws.getCell(`A${l}`).value === libelles[f]) lignes.push(l);
    expect(lignes).toHaveLength(Math.ceil(periodes / 12));
    for (let k = 0; k < periodes; k++) {
      const v = valeur(ws, `${lettreColonne(2 + (k % 12))}${lignes[Math.floor(k / 12)]}`);
      r[f][annee(k)] += v;
      r.AIDES[annee(k)] += v;
    }
    const total = cellule(c, `PLAN_TOTAL_${f}`);
    expect([colonneDe(total), ligneDe(total)]).toEqual([2 + ((periodes - 1) % 12) + 1, lignes[lignes.length - 1]]);
    expect(centimes(valeur(ws, total))).toBe(centimes(r[f].reduce((a, b) => a + b, 0)));
  }
  return r;
}

const SCENARIOS: [string, Scenario][] = [
  ['exemple centre de santé (3 ans)', exempleJson('centre-de-sante')],
  ['exemple MSP avec SIP et ACI (2 ans)', exempleJson('msp-sip')],
  ['début en milieu d’année, congé commencé en milieu de mois, 400 postes sans honoraires saisis', centreMiAnnee()],
  ['horizon d’un an', avecHorizon(centreMiAnnee(), 1)],
  ['horizon de dix ans', avecHorizon(centreMiAnnee(), 10)],
  ['exemple centre de santé sur dix ans', avecHorizon(exempleJson('centre-de-sante'), 10)],
];

describe.each(SCENARIOS)('%s : tous les tableaux s’accordent au centime', (_nom, s) => {
  const H = s.simulation.horizonAnnees;
  let c: Classeur;
  beforeAll(async () => {
    const g = await genererSimulation(s, B, { dateGeneration: DATE_GENERATION });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(g.fichier as unknown as ArrayBuffer);
    c = { wb, ws: wb.getWorksheet(g.description.nom)! };
  });

  test('tableau annuel = échéancier = plan = --json = aperçu du volet, par financeur et par année', () => {
    const json = livreJson(grandLivre(s, B)).totaux;
    const apercu = apercuMontants(s, B).totaux;
    const vues: Record<string, Record<Fin, number[]>> = {
      'tableau annuel': tableauAnnuel(c, H),
      échéancier: echeancier(c, H),
      plan: plan(c, H),
      '--json': { CPAM: json.CPAM.annees, ARS: json.ARS.annees, AIDES: json.AIDES.annees },
      aperçu: { CPAM: apercu.CPAM.annees, ARS: apercu.ARS.annees, AIDES: apercu.AIDES.annees },
    };
    const enCentimes = (v: Record<Fin, number[]>) => Object.fromEntries((['CPAM', 'ARS', 'AIDES'] as const).map((f) => [f, v[f].map(centimes)]));
    const reference = enCentimes(vues['--json']);
    for (const [nom, v] of Object.entries(vues)) expect([nom, enCentimes(v)]).toEqual([nom, reference]);
  });

  test('totaux nommés : TOTAL_* = PLAN_TOTAL_* = total du grand livre', () => {
    const json = livreJson(grandLivre(s, B)).totaux;
    for (const f of ['CPAM', 'ARS'] as const) {
      expect(centimes(valeur(c.ws, cellule(c, `TOTAL_${f}`)))).toBe(centimes(json[f].total));
      expect(centimes(valeur(c.ws, cellule(c, `PLAN_TOTAL_${f}`)))).toBe(centimes(json[f].total));
    }
    expect(centimes(valeur(c.ws, cellule(c, 'TOTAL_AIDES')))).toBe(centimes(json.AIDES.total));
  });
});

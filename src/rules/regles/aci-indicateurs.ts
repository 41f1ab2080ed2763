// Indicateurs de l'ACI (maisons et centres de santé) et de l'accord national des centres de santé
// (8 juillet 2015) : la liste, leur nature (socle prérequis, socle, optionnel) et les paramètres
// du barème qui portent leurs points sont des données (src/rules/bareme/aci.json). Le volet en tire
// les valeurs par défaut, que l'utilisateur peut corriger (les points de l'accord national ne sont
// pas connus : à saisir).
import { BAREME_PAR_DEFAUT } from '../bareme/donnees';
import { INDICATEURS_DONNEES, IndicateurDonnees, NatureIndicateur } from '../bareme/fichiers';
import { parametreDe, valeurEnVigueur } from '../bareme/lecture';
import type { Bareme, Source, Statut, ValeurDatee } from '../bareme/types';

export type { NatureIndicateur };
export type Accord = IndicateurDonnees['accord'];
export type Axe = IndicateurDonnees['axe'];

export const LIBELLES_AXE: Record<Axe, string> = {
  acces: 'Accès aux soins',
  equipe: 'Travail en équipe',
  si: 'Système d’information',
};

export const LIBELLES_NATURE: Record<NatureIndicateur, string> = {
  socle_prerequis: 'socle prérequis',
  socle: 'socle',
  optionnel: 'optionnel',
};

/** Part par professionnel (SI niveau standard) : points par professionnel jusqu'au seuil, puis au-delà. */
export interface PartParProfessionnel {
  pointsJusquAuSeuil: number;
  seuil: number;
  pointsAuDelaDuSeuil: number;
}

export interface IndicateurReference {
  id: string;
  accord: Accord;
  axe: Axe;
  libelle: string;
  /** Socle prérequis (conditionne toute rémunération), socle (compte dans l'avance) ou optionnel. */
  nature: NatureIndicateur;
  /** Socle prérequis : s'il manque, aucune rémunération (nature === 'socle_prerequis'). */
  prerequis: boolean;
  /** Points par défaut ; null = valeur non connue, à saisir par l'utilisateur. */
  pointsFixes: number | null;
  pointsVariables: number | null;
  /** Part par nombre de professionnels, ou null si l'indicateur n'en a pas (ou si elle n'est pas connue). */
  parProfessionnel: PartParProfessionnel | null;
  /** Premier jour où l'indicateur existe (AAAA-MM-JJ) ; fin non connue. */
  du: string;
  /** Statut et source des points retenus (ceux de la liste de l'indicateur s'ils ne sont pas connus). */
  statut: Statut;
  source: Source;
  note?: string;
}

const ORDRE_STATUT: Record<Statut, number> = { confirme: 0, a_confirmer: 1, hypothese: 2 };

/** Valeur d'un paramètre de points : à une date, ou la plus récente (date null). */
function lirePoints(bareme: Bareme, id: string | undefined, date: string | null): ValeurDatee | null {
  if (id === undefined) return null;
  const p = parametreDe(bareme, id);
  if (!p) return null;
  const v = date === null ? p.valeurs[p.valeurs.length - 1] : valeurEnVigueur(p, date);
  return v && v.valeur !== null ? v : null;
}

function nombre(v: ValeurDatee | null): number | null {
  return v === null ? null : Number(v.valeur);
}

function reference(d: IndicateurDonnees, bareme: Bareme, date: string | null): IndicateurReference {
  const pts = d.points ?? {};
  const fixes = lirePoints(bareme, pts.fixes, date);
  const variables = lirePoints(bareme, pts.variables, date);
  const pp = pts.parProfessionnel;
  const parPro = pp ? [lirePoints(bareme, pp.pointsJusquAuSeuil, date), lirePoints(bareme, pp.seuil, date), lirePoints(bareme, pp.pointsAuDelaDuSeuil, date)] : [];
  const lues = [fixes, variables, ...parPro].filter((v): v is ValeurDatee => v !== null);
  const connus = fixes !== null || variables !== null;
  const base = { id: d.id, accord: d.accord, axe: d.axe, libelle: d.libelle, nature: d.nature, prerequis: d.nature === 'socle_prerequis', du: d.du };
  const parProfessionnel = parPro.length && parPro.every((v) => v !== null)
    ? { pointsJusquAuSeuil: nombre(parPro[0])!, seuil: nombre(parPro[1])!, pointsAuDelaDuSeuil: nombre(parPro[2])! }
    : null;
  if (!connus) {
    const note = pts.fixes || pts.variables ? 'Valeur en points non connue à cette date : à saisir' : d.note;
    return { ...base, pointsFixes: null, pointsVariables: null, parProfessionnel, statut: 'hypothese', source: d.source, ...(note ? { note } : {}) };
  }
  // Une partie absente vaut 0 quand l'autre est connue (indicateur seulement fixe ou seulement variable).
  const statut = lues.reduce<Statut>((s, v) => (ORDRE_STATUT[v.statut] > ORDRE_STATUT[s] ? v.statut : s), 'confirme');
  return {
    ...base,
    pointsFixes: nombre(fixes) ?? 0,
    pointsVariables: nombre(variables) ?? 0,
    parProfessionnel,
    statut,
    source: (fixes ?? variables)!.source,
    ...(d.note ? { note: d.note } : {}),
  };
}

/** Tous les indicateurs, avec les points les plus récents du barème par défaut. */
export const INDICATEURS_ACI: readonly IndicateurReference[] = INDICATEURS_DONNEES.map((d) => reference(d, BAREME_PAR_DEFAUT, null));

/**
 * Indicateurs d'un accord en vigueur à une date (ceux introduits plus tard sont écartés), avec les
 * points en vigueur à cette date dans le barème donné (null s'il n'y en a pas : à saisir).
 */
export function indicateursDe(accord: Accord, date: string, bareme: Bareme = BAREME_PAR_DEFAUT): IndicateurReference[] {
  return INDICATEURS_DONNEES.filter((d) => d.accord === accord && d.du <= date).map((d) => reference(d, bareme, date));
}

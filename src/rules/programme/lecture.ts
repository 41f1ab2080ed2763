// Lecture et contrôle des candidatures brutes (fichier JSON ou lignes d'un classeur) : chaque erreur
// nomme la ligne, le champ et ce qui est attendu ; aucune candidature douteuse n'est classée.
import { Decimal } from '../decimal';
import { isoVersFrancais, verifierIso } from '../dates';
import { lireZone, ZONES } from '../regles/zonage';
import { ErreurRegle } from '../erreurs';
import { formatNombre } from '../format';
import { DATE_MAX, DATE_MIN, LIMITES_SCENARIO, caractereInterdit, texteMontrable } from '../scenario/bornes';
import { Candidature, StatutAci } from './types';

/**
 * Au plus 100 000 candidatures par appel (un appel régional en reçoit quelques dizaines) : la CLI
 * classe et écrit ce volume en moins de 1 Go de mémoire.
 */
export const MAX_CANDIDATURES = 100_000;

export interface ErreurChamp {
  /** Où : « candidature n° 3 » ou « ligne 5 de la feuille « Candidatures » ». */
  lieu: string;
  /** Le champ, tel que l'utilisateur le nomme (clé JSON ou en-tête de colonne). */
  champ: string;
  attendu: string;
  /** Ce qui a été reçu, mis en forme. */
  recu: string;
}

export function texteErreurChamp(e: ErreurChamp): string {
  return `${e.lieu}, champ « ${e.champ} » : ${e.attendu} attendu (reçu : ${e.recu})`;
}

const MAX_AFFICHEES = 20;

/** Un fichier de candidatures invalide : toutes les erreurs, aucune sortie partielle. */
export class ErreurCandidatures extends Error {
  constructor(readonly erreurs: ErreurChamp[]) {
    const lignes = erreurs.slice(0, MAX_AFFICHEES).map(texteErreurChamp);
    if (erreurs.length > MAX_AFFICHEES) lignes.push(`… et ${erreurs.length - MAX_AFFICHEES} autre(s) erreur(s)`);
    super(`Candidatures invalides (${erreurs.length} erreur${erreurs.length > 1 ? 's' : ''}) :\n${lignes.join('\n')}`);
    this.name = 'ErreurCandidatures';
  }
}

/** Les champs d'une candidature, dans l'ordre des colonnes du classeur. */
export const CHAMPS = ['nom', 'nbProfessionnels', 'montantDevis', 'projetSanteValide', 'aci', 'logicielLabellise', 'zone', 'maturite', 'dateCandidature'] as const;
export type Champ = (typeof CHAMPS)[number];

export const ATTENDUS: Record<Champ, string> = {
  nom: 'texte non vide (nom de la MSP), unique dans le fichier',
  nbProfessionnels: 'entier ≥ 1',
  montantDevis: 'montant en euros ≥ 0, au centime près',
  projetSanteValide: 'oui/non (VRAI/FAUX, true/false)',
  aci: 'l’une des valeurs adherent, engagement, non',
  logicielLabellise: 'oui/non (VRAI/FAUX, true/false)',
  zone: `l’une des valeurs ${ZONES.join(', ')}`,
  maturite: 'nombre ≥ 0 ou vide',
  dateCandidature: 'date AAAA-MM-JJ ou JJ/MM/AAAA, ou vide',
};

const FACULTATIFS: ReadonlySet<Champ> = new Set<Champ>(['maturite', 'dateCandidature']);

/** Une candidature brute : valeurs par champ, et comment désigner sa ligne et ses champs. */
export interface CandidatureBrute {
  lieu: string;
  valeurs: Partial<Record<Champ, unknown>>;
  /** Nom affiché d'un champ (en-tête de colonne) ; par défaut, la clé. */
  nomsChamps?: Partial<Record<Champ, string>>;
  /** Clés inconnues rencontrées (fichier JSON) : signalées comme erreurs. */
  clesInconnues?: string[];
}

/** Valeur refusée ; `attendu` et `recu` précisent le message quand l'attendu général ne suffit pas. */
class Invalide extends Error {
  constructor(
    readonly attendu?: string,
    readonly recu?: string,
  ) {
    super();
  }
}

function decrire(v: unknown): string {
  if (typeof v === 'string') return `« ${texteMontrable(v)} »`;
  if (v === null || v === undefined) return 'vide';
  if (typeof v === 'number') return String(v).replace('.', ',');
  if (typeof v === 'boolean') return v ? 'VRAI' : 'FAUX';
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  return texteMontrable(JSON.stringify(v) ?? String(v));
}

function estVide(v: unknown): boolean {
  return v === null || v === undefined || (typeof v === 'string' && v.trim() === '');
}

/** Nombre : type nombre, ou texte en écriture française (« 12 345,50 », « 12345.50 € »). */
function nombre(v: unknown): Decimal {
  if (typeof v === 'number') {
    if (!Number.isFinite(v)) throw new Invalide();
    return new Decimal(v);
  }
  if (typeof v === 'string') {
    const t = v.replace(/[\s\u00a0\u202f€]/g, '').replace(',', '.');
    if (!/^-?\d+(\.\d+)?$/.test(t)) throw new Invalide();
    return new Decimal(t);
  }
  throw new Invalide();
}

const sansAccents = (t: string) => t.normalize('NFD').replace(/[\u0300-\u036f]/g, '').trim().toLowerCase();
const OUI = new Set(['oui', 'vrai', 'true', 'o', 'x', '1']);
const NON = new Set(['non', 'faux', 'false', 'n', '0']);

function booleen(v: unknown): boolean {
  if (typeof v === 'boolean') return v;
  if (v === 1 || v === 0) return v === 1;
  if (typeof v === 'string') {
    const t = sansAccents(v);
    if (OUI.has(t)) return true;
    if (NON.has(t)) return false;
  }
  throw new Invalide();
}

const ALIAS_ACI: Record<string, StatutAci> = {
  adherent: 'adherent',
  adherente: 'adherent',
  'adherent aci': 'adherent',
  engagement: 'engagement',
  engage: 'engagement',
  engagee: 'engagement',
  'engagement dans l’annee': 'engagement',
  "engagement dans l'annee": 'engagement',
  non: 'non',
  aucun: 'non',
  aucune: 'non',
};

function aci(v: unknown): StatutAci {
  if (typeof v !== 'string') throw new Invalide();
  const s = ALIAS_ACI[sansAccents(v)];
  if (!s) throw new Invalide();
  return s;
}

function dateSansBornes(v: unknown): string {
  if (v instanceof Date) {
    if (Number.isNaN(v.getTime())) throw new Invalide();
    return v.toISOString().slice(0, 10);
  }
  if (typeof v !== 'string') throw new Invalide();
  const t = v.trim();
  const fr = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(t);
  try {
    return verifierIso(fr ? `${fr[3]}-${fr[2].padStart(2, '0')}-${fr[1].padStart(2, '0')}` : t);
  } catch {
    throw new Invalide();
  }
}

function date(v: unknown): string {
  const iso = dateSansBornes(v);
  if (iso < DATE_MIN || iso > DATE_MAX) throw new Invalide(`date entre le ${isoVersFrancais(DATE_MIN)} et le ${isoVersFrancais(DATE_MAX)}`);
  return iso;
}

function nom(v: unknown): string {
  if (typeof v !== 'string' && typeof v !== 'number') throw new Invalide();
  const t = String(v).trim();
  if (!t) throw new Invalide();
  const interdit = caractereInterdit(t);
  if (interdit) throw new Invalide('nom sans caractère de contrôle', interdit);
  if (t.length > LIMITES_SCENARIO.longueurNom) throw new Invalide(`nom de ${LIMITES_SCENARIO.longueurNom} caractères au plus`);
  return t;
}

/** Convertit et contrôle un champ ; lève Invalide si la valeur ne convient pas. */
function convertir(champ: Champ, v: unknown): unknown {
  switch (champ) {
    case 'nom':
      return nom(v);
    case 'nbProfessionnels': {
      const n = nombre(v);
      if (!n.isInteger() || n.lessThan(1) || n.greaterThan(1_000_000)) throw new Invalide();
      return n.toNumber();
    }
    case 'montantDevis': {
      const d = nombre(v);
      if (d.isNegative() || d.decimalPlaces() > 2 || d.greaterThan('1e12')) throw new Invalide();
      return d.toNumber();
    }
    case 'projetSanteValide':
    case 'logicielLabellise':
      return booleen(v);
    case 'aci':
      return aci(v);
    case 'zone':
      if (typeof v !== 'string') throw new Invalide();
      try {
        return lireZone(v);
      } catch (e) {
        if (e instanceof ErreurRegle) throw new Invalide();
        throw e;
      }
    case 'maturite': {
      const m = nombre(v);
      if (m.isNegative()) throw new Invalide();
      return m.toNumber();
    }
    case 'dateCandidature':
      return date(v);
  }
}

/** Au plus MAX_CANDIDATURES : vérifié avant de lire chaque candidature. */
export function verifierNombre(n: number): void {
  if (n > MAX_CANDIDATURES) {
    throw new ErreurCandidatures([{ lieu: 'fichier', champ: 'candidatures', attendu: `au plus ${formatNombre(MAX_CANDIDATURES)} candidatures`, recu: `${formatNombre(n)} candidatures` }]);
  }
}

/** Contrôle toutes les candidatures ; lève ErreurCandidatures avec toutes les erreurs trouvées. */
export function lireCandidatures(brutes: readonly CandidatureBrute[]): Candidature[] {
  const erreurs: ErreurChamp[] = [];
  const resultat: Candidature[] = [];
  const noms = new Map<string, string>();
  if (brutes.length === 0) {
    throw new ErreurCandidatures([{ lieu: 'fichier', champ: 'candidatures', attendu: 'au moins une candidature', recu: 'aucune' }]);
  }
  verifierNombre(brutes.length);
  for (const b of brutes) {
    const nomChamp = (c: Champ) => b.nomsChamps?.[c] ?? c;
    for (const cle of b.clesInconnues ?? []) {
      erreurs.push({ lieu: b.lieu, champ: texteMontrable(cle, 40), attendu: `un champ connu (${CHAMPS.join(', ')})`, recu: 'champ inconnu' });
    }
    const c: Record<string, unknown> = {};
    let ok = true;
    for (const champ of CHAMPS) {
      const v = b.valeurs[champ];
      if (estVide(v)) {
        if (FACULTATIFS.has(champ)) {
          c[champ] = null;
          continue;
        }
        erreurs.push({ lieu: b.lieu, champ: nomChamp(champ), attendu: ATTENDUS[champ], recu: 'vide (champ obligatoire)' });
        ok = false;
        continue;
      }
      try {
        c[champ] = convertir(champ, v);
      } catch (e) {
        if (!(e instanceof Invalide)) throw e;
        erreurs.push({ lieu: b.lieu, champ: nomChamp(champ), attendu: e.attendu ?? ATTENDUS[champ], recu: e.recu ?? decrire(v) });
        ok = false;
      }
    }
    if (typeof c.nom === 'string') {
      const cle = c.nom.toLocaleLowerCase('fr');
      const deja = noms.get(cle);
      if (deja) {
        erreurs.push({ lieu: b.lieu, champ: nomChamp('nom'), attendu: `${ATTENDUS.nom} (déjà utilisé : ${deja})`, recu: decrire(c.nom) });
        ok = false;
      } else noms.set(cle, b.lieu);
    }
    if (ok) resultat.push(c as unknown as Candidature);
  }
  if (erreurs.length) throw new ErreurCandidatures(erreurs);
  return resultat;
}

/** Fichier JSON : `{ "appel": {…}, "candidatures": [ {…}, … ] }` ou directement le tableau. */
export interface FichierCandidatures {
  appel: Record<string, unknown>;
  candidatures: Candidature[];
}

const CLES_APPEL = ['annee', 'enveloppe', 'financementPartiel', 'maxSites', 'dateBareme', 'moisConvention', 'moisSolde'];

/**
 * Lit un fichier de candidatures déjà analysé. `lignes` : ligne du fichier de chaque candidature
 * (la CLI la calcule pour ses messages : « candidature n° 3 (ligne 27) »).
 */
export function lireFichierJson(donnees: unknown, options: { lignes?: readonly number[] } = {}): FichierCandidatures {
  const racine = Array.isArray(donnees) ? { candidatures: donnees } : donnees;
  if (racine === null || typeof racine !== 'object' || !Array.isArray((racine as { candidatures?: unknown }).candidatures)) {
    throw new ErreurCandidatures([{ lieu: 'fichier', champ: 'candidatures', attendu: 'un tableau de candidatures (ou un objet { "appel": {…}, "candidatures": […] })', recu: decrire(racine) }]);
  }
  const r = racine as { appel?: unknown; candidatures: unknown[] };
  verifierNombre(r.candidatures.length);
  const erreurs: ErreurChamp[] = [];
  for (const cle of Object.keys(r)) {
    if (cle !== 'appel' && cle !== 'candidatures' && !cle.startsWith('$') && !cle.startsWith('_')) {
      erreurs.push({ lieu: 'fichier', champ: cle, attendu: 'appel ou candidatures', recu: 'champ inconnu' });
    }
  }
  let appel: Record<string, unknown> = {};
  if (r.appel !== undefined) {
    if (r.appel === null || typeof r.appel !== 'object' || Array.isArray(r.appel)) {
      erreurs.push({ lieu: 'fichier', champ: 'appel', attendu: 'un objet', recu: decrire(r.appel) });
    } else {
      appel = r.appel as Record<string, unknown>;
      for (const cle of Object.keys(appel)) {
        if (!CLES_APPEL.includes(cle)) erreurs.push({ lieu: 'appel', champ: cle, attendu: `un champ connu (${CLES_APPEL.join(', ')})`, recu: 'champ inconnu' });
      }
    }
  }
  const brutes: CandidatureBrute[] = r.candidatures.map((v, i) => {
    const ligne = options.lignes?.[i];
    const lieu = `candidature n° ${i + 1}${ligne ? ` (ligne ${ligne})` : ''}`;
    if (v === null || typeof v !== 'object' || Array.isArray(v)) {
      erreurs.push({ lieu, champ: '(candidature)', attendu: 'un objet', recu: decrire(v) });
      return { lieu, valeurs: {} };
    }
    const o = v as Record<string, unknown>;
    return {
      lieu,
      valeurs: o as Partial<Record<Champ, unknown>>,
      clesInconnues: Object.keys(o).filter((k) => !(CHAMPS as readonly string[]).includes(k) && !k.startsWith('_')),
    };
  });
  let candidatures: Candidature[] = [];
  try {
    candidatures = lireCandidatures(brutes.filter((b) => Object.keys(b.valeurs).length > 0 || !erreurs.some((e) => e.lieu === b.lieu)));
  } catch (e) {
    if (!(e instanceof ErreurCandidatures)) throw e;
    erreurs.push(...e.erreurs);
  }
  if (erreurs.length) throw new ErreurCandidatures(erreurs);
  return { appel, candidatures };
}

// Un barème lu d'une saisie (feuille « Barème » d'un classeur, fichier --bareme) : les paramètres
// saisis remplacent ceux du barème par défaut, un paramètre mal saisi est marqué invalide (toute
// lecture échoue avec #VALEUR! et la raison : jamais de retour silencieux à la valeur par défaut),
// et chaque écart au barème publié est listé (« modifié localement »).
import { isoVersFrancais } from '../dates';
import { Decimal } from '../decimal';
import { texteSource } from '../sources';
import { Bareme, LIBELLES_STATUT, Parametre, ValeurDatee } from './types';

/** Un paramètre dont la saisie diffère du barème publié. */
export interface ParametreModifie {
  id: string;
  libelle: string;
  /** Lignes de la feuille qui portent ce paramètre (vide pour un fichier JSON). */
  lignes: number[];
  /** Un écart par valeur datée : « valeur du 01/01/2017 : 15000 → 20000 », « nouvelle valeur du 01/01/2027 : 20000 ». */
  details: string[];
}

export interface BaremeLu {
  /** Le barème à utiliser : défaut + saisie ; un paramètre mal saisi y porte `invalide`. */
  bareme: Bareme;
  /** Tous les refus, en français, chacun avec sa ligne : paramètres rendus invalides et lignes sans paramètre (identifiant inconnu). */
  erreurs: string[];
  /** Écarts au barème publié (« modifié localement »). */
  modifies: ParametreModifie[];
  /** Paramètres du barème par défaut absents de la saisie : leur valeur par défaut s'applique. */
  absents: string[];
}

/** Un paramètre saisi : ses valeurs datées, ses lignes, et les raisons qui le rendent invalide. */
export interface ParametreSaisi {
  parametre: Parametre;
  lignes: number[];
  refus: string[];
}

/** Empreinte courte (FNV-1a 32 bits, hexadécimal) : distingue deux barèmes saisis différents. */
function empreinte(texte: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < texte.length; i++) {
    h ^= texte.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h.toString(16).padStart(8, '0');
}

const NOMBRE = /^-?\d+(\.\d+)?$/;
/** Même nombre (« 15000 » et « 15000.00 ») ; une saisie qui n'est pas un nombre se compare telle quelle. */
const memeNombre = (a: unknown, b: unknown) =>
  typeof a === 'string' && typeof b === 'string' && NOMBRE.test(a) && NOMBRE.test(b) ? new Decimal(a).eq(b) : a === b;

/** Deux valeurs datées identiques (au sens du calcul et de la traçabilité ; la note ne compte pas). */
export function memeValeurDatee(a: ValeurDatee, b: ValeurDatee): boolean {
  return (
    a.du === b.du && a.au === b.au && memeNombre(a.valeur, b.valeur) && Boolean(a.nonPublie) === Boolean(b.nonPublie) &&
    a.statut === b.statut && texteSource(a.source) === texteSource(b.source)
  );
}

const periode = (v: ValeurDatee) => `du ${isoVersFrancais(v.du)}${v.au ? ` au ${isoVersFrancais(v.au)}` : ''}`;
const texteValeur = (v: ValeurDatee) => (v.nonPublie ? 'non publié' : v.valeur === null ? 'aucun' : v.valeur);

function ecartValeur(d: ValeurDatee, s: ValeurDatee): string | null {
  if (memeValeurDatee(d, s)) return null;
  const parties: string[] = [];
  if (d.au !== s.au) parties.push(`fin ${d.au ? isoVersFrancais(d.au) : 'non connue'} → ${s.au ? isoVersFrancais(s.au) : 'non connue'}`);
  if (!memeNombre(d.valeur, s.valeur) || Boolean(d.nonPublie) !== Boolean(s.nonPublie)) parties.push(`${texteValeur(d)} → ${texteValeur(s)}`);
  if (d.statut !== s.statut) parties.push(`statut ${LIBELLES_STATUT[d.statut]} → ${LIBELLES_STATUT[s.statut]}`);
  if (texteSource(d.source) !== texteSource(s.source)) parties.push(`source : ${texteSource(s.source)}`);
  return `valeur du ${isoVersFrancais(d.du)} : ${parties.join(', ')}`;
}

/** Écarts, valeur datée par valeur datée (repérée par sa date de début), entre le défaut et la saisie. */
export function ecarts(defaut: Parametre, saisi: Parametre): string[] {
  const r: string[] = [];
  const saisies = new Map(saisi.valeurs.map((v) => [v.du, v]));
  const publiees = new Set(defaut.valeurs.map((v) => v.du));
  for (const d of defaut.valeurs) {
    const s = saisies.get(d.du);
    const e = s ? ecartValeur(d, s) : `valeur ${periode(d)} (${texteValeur(d)}) retirée`;
    if (e) r.push(e);
  }
  for (const s of saisi.valeurs) {
    if (!publiees.has(s.du)) r.push(`nouvelle valeur ${periode(s)} : ${texteValeur(s)} (${LIBELLES_STATUT[s.statut]}, source : ${texteSource(s.source)})`);
  }
  return r;
}

/**
 * Assemble le barème : les paramètres saisis remplacent ceux du défaut (même identifiant), un refus
 * rend le paramètre invalide avec tous ses messages. Version : celle du défaut si rien ne diffère,
 * sinon « défaut+local-<empreinte> » (deux saisies différentes n'ont jamais la même version).
 */
export function assembler(defaut: Bareme, saisis: ReadonlyMap<string, ParametreSaisi>, erreursHorsParametre: readonly string[]): BaremeLu {
  const erreurs: string[] = [];
  const modifies: ParametreModifie[] = [];
  const absents: string[] = [];
  const parametres = defaut.parametres.map((p) => {
    const s = saisis.get(p.id);
    if (!s) {
      absents.push(p.id);
      return p;
    }
    erreurs.push(...s.refus);
    // Un paramètre refusé n'est pas comparé valeur par valeur (sa saisie peut être informe).
    const details = s.refus.length ? ['saisie refusée : les fonctions qui lisent ce paramètre rendent #VALEUR! (voir les erreurs)'] : ecarts(p, s.parametre);
    if (details.length) modifies.push({ id: p.id, libelle: p.libelle, lignes: s.lignes, details });
    return s.refus.length ? { ...s.parametre, invalide: { message: s.refus.join(' ; ') } } : details.length ? s.parametre : p;
  });
  erreurs.push(...erreursHorsParametre);
  const identique = parametres.every((p, i) => p === defaut.parametres[i]);
  // L'empreinte porte sur les valeurs (les notes n'y entrent pas : une note retouchée ne change aucun calcul).
  const version = identique ? defaut.version : `${defaut.version}+local-${empreinte(JSON.stringify(parametres, (cle, v) => (cle === 'note' ? undefined : v)))}`;
  return { bareme: { version, parametres, changements: defaut.changements }, erreurs, modifies, absents };
}

/**
 * Barème dont la saisie est illisible en entier (ligne de titres introuvable…) : chaque paramètre
 * est invalide avec ce message, pour qu'aucune fonction ne calcule avec le barème par défaut.
 */
export function baremeToutInvalide(defaut: Bareme, message: string): BaremeLu {
  const parametres = defaut.parametres.map((p) => ({ ...p, invalide: { message } }));
  return {
    bareme: { version: `${defaut.version}+illisible-${empreinte(message)}`, parametres, changements: defaut.changements },
    erreurs: [message],
    modifies: [],
    absents: [],
  };
}

// Le barème du classeur ouvert, dans le runtime partagé : la feuille « Barème » est lue à l'ouverture
// et à chaque changement de cette feuille (Office.js, événement `onChanged` des feuilles) ; le barème
// lu devient celui des fonctions SIP.* (definirBareme), puis Excel recalcule tout le classeur. Une
// saisie fautive rend #VALEUR! dans les fonctions qui lisent le paramètre ; le volet montre les mêmes
// messages (baremeDuClasseur().erreurs). Sans feuille « Barème » (classeur d'avant elle) : le défaut.
//
// Le volet et les fonctions sont deux bundles dans le même runtime : l'état est rangé sur l'objet
// global, lu par `baremeDuClasseur()` et suivi par `abonnerBaremeClasseur()` (useSyncExternalStore).
import { BAREME_PAR_DEFAUT } from '../rules/bareme/donnees';
import type { ParametreModifie } from '../rules/bareme/depuis-lignes';
import type { Bareme } from '../rules/bareme/types';
import { baremeDepuisCellules } from '../workbook/bareme/lecture-feuille';
import { lireFeuilleBaremeOffice, type FeuilleBaremeLue } from '../workbook/bareme/office-lecture';
import { definirBareme } from './contexte';

export interface EtatBaremeClasseur {
  /** Le barème des fonctions et de l'aperçu du volet. */
  bareme: Bareme;
  /** « feuille » : celui de la feuille « Barème » ; « defaut » : le classeur n'en a pas (ou pas encore lue). */
  origine: 'defaut' | 'feuille';
  /** La feuille a-t-elle déjà été lue ? (avant : barème par défaut, provisoire). */
  lu: boolean;
  /** Saisies refusées, « Barème, ligne 14 : sip.plafond.base : « abc » n’est pas un nombre » ; et échec de lecture. */
  erreurs: string[];
  /** Paramètres modifiés localement par rapport au barème publié. */
  modifies: ParametreModifie[];
}

interface Partage {
  etat: EtatBaremeClasseur;
  ecouteurs: Set<() => void>;
  demarre: boolean;
  /** Identifiant de la feuille « Barème » lue (les événements de changement le citent), ou null. */
  idFeuille: string | null;
  /** Lectures enchaînées : une seule à la fois, la dernière demandée l'emporte. */
  file: Promise<EtatBaremeClasseur> | null;
  relireEncore: boolean;
}

const CLE = '__SIP_BAREME_CLASSEUR__';
const ETAT_INITIAL: EtatBaremeClasseur = { bareme: BAREME_PAR_DEFAUT, origine: 'defaut', lu: false, erreurs: [], modifies: [] };

function partage(): Partage {
  const g = globalThis as typeof globalThis & { [CLE]?: Partage };
  g[CLE] ??= { etat: ETAT_INITIAL, ecouteurs: new Set(), demarre: false, idFeuille: null, file: null, relireEncore: false };
  return g[CLE];
}

/** L'état courant (même objet tant que rien ne change : utilisable par useSyncExternalStore). */
export function baremeDuClasseur(): EtatBaremeClasseur {
  return partage().etat;
}

/** Appelle `ecouteur` à chaque changement du barème du classeur ; rend la fonction de désabonnement. */
export function abonnerBaremeClasseur(ecouteur: () => void): () => void {
  const p = partage();
  p.ecouteurs.add(ecouteur);
  return () => p.ecouteurs.delete(ecouteur);
}

const signature = (e: EtatBaremeClasseur) => JSON.stringify([e.bareme.version, e.origine, e.erreurs, e.modifies]);

/** Recalcul complet d'Excel : les fonctions relisent le barème qui vient de changer. */
async function recalculer(): Promise<void> {
  await Excel.run(async (context) => {
    context.workbook.application.calculate(Excel.CalculationType.full);
    await context.sync();
  });
}

/** L'état tiré de la feuille lue (null : le classeur n'a pas de feuille « Barème »). */
function etatDe(f: FeuilleBaremeLue | null): EtatBaremeClasseur {
  return f ? { origine: 'feuille', lu: true, ...baremeDepuisCellules(f.cellules, BAREME_PAR_DEFAUT, f.nom) } : { ...ETAT_INITIAL, lu: true };
}

/** Installe un nouvel état : fonctions, abonnés, et recalcul d'Excel si le barème a changé. */
async function installer(nouveau: EtatBaremeClasseur, idFeuille: string | null): Promise<EtatBaremeClasseur> {
  const p = partage();
  p.idFeuille = idFeuille;
  const ancien = p.etat;
  if (signature(nouveau) === signature(ancien) && ancien.lu) return ancien;
  p.etat = nouveau;
  definirBareme(nouveau.origine === 'feuille' ? nouveau.bareme : null);
  for (const f of p.ecouteurs) f();
  // Un recalcul refusé (classeur en cours d’édition…) n’annule rien : les valeurs suivront au prochain calcul.
  if (nouveau.bareme.version !== ancien.bareme.version) await recalculer().catch(() => undefined);
  return nouveau;
}

/** La feuille « Barème » vient d'être écrite ou lue par l'appelant : son barème devient celui du classeur. */
export function appliquerFeuilleBareme(f: FeuilleBaremeLue): Promise<EtatBaremeClasseur> {
  return installer(etatDe(f), f.id);
}

async function lire(): Promise<EtatBaremeClasseur> {
  const p = partage();
  let f: FeuilleBaremeLue | null;
  try {
    f = await Excel.run((context) => lireFeuilleBaremeOffice(context));
  } catch (e) {
    // La feuille n'a pu être lue : les fonctions gardent le barème qu'elles avaient, le volet le dit.
    return installer({ ...p.etat, lu: true, erreurs: [`Barème : la feuille n’a pas pu être lue (${e instanceof Error ? e.message : String(e)})`] }, p.idFeuille);
  }
  return installer(etatDe(f), f?.id ?? null);
}

/**
 * Relit la feuille « Barème » et, si le barème a changé, le donne aux fonctions puis fait recalculer
 * Excel. Les demandes qui arrivent pendant une lecture en déclenchent une seule autre, après elle.
 */
export function relireBaremeClasseur(): Promise<EtatBaremeClasseur> {
  const p = partage();
  if (p.file) {
    p.relireEncore = true;
    return p.file;
  }
  const suite = async (): Promise<EtatBaremeClasseur> => {
    let e = await lire();
    while (p.relireEncore) {
      p.relireEncore = false;
      e = await lire();
    }
    return e;
  };
  p.file = suite().finally(() => {
    p.file = null;
  });
  return p.file;
}

/** Une cellule a changé quelque part : relire si c'est dans la feuille « Barème » (son ajout est suivi à part). */
function surChangement(args: { worksheetId?: string }): Promise<void> {
  if (partage().idFeuille === null || args.worksheetId !== partage().idFeuille) return Promise.resolve();
  return relireBaremeClasseur().then(() => undefined);
}

/** Abonnements aux événements des feuilles (ExcelApi 1.9 : changement dans n'importe quelle feuille ; 1.7 : feuille ajoutée). */
async function abonner(): Promise<void> {
  const exige = (v: string) => typeof Office === 'undefined' || Office.context?.requirements?.isSetSupported?.('ExcelApi', v) !== false;
  await Excel.run(async (context) => {
    const feuilles = context.workbook.worksheets as Excel.WorksheetCollection & Partial<Pick<Excel.WorksheetCollection, 'onChanged' | 'onAdded' | 'onNameChanged'>>;
    if (exige('1.9') && feuilles.onChanged?.add) feuilles.onChanged.add(surChangement);
    if (exige('1.7') && feuilles.onAdded?.add) feuilles.onAdded.add(() => relireBaremeClasseur().then(() => undefined));
    if (exige('1.17') && feuilles.onNameChanged?.add) feuilles.onNameChanged.add(() => relireBaremeClasseur().then(() => undefined));
    await context.sync();
  });
}

/**
 * À l'ouverture du classeur (runtime partagé) : lit la feuille « Barème » et suit ses changements.
 * Idempotent (le volet peut l'appeler aussi) ; n'échoue jamais (un échec est dit dans `erreurs`).
 */
export async function demarrerBaremeClasseur(): Promise<EtatBaremeClasseur> {
  const p = partage();
  if (!p.demarre) {
    p.demarre = true;
    try {
      await abonner();
    } catch {
      // Sans événements (Excel trop ancien) : la feuille est lue à l'ouverture et quand le volet le demande.
    }
  }
  return relireBaremeClasseur();
}

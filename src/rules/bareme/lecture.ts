// Lecture du barème à une date : une date hors de toute période de validité est une erreur,
// jamais une valeur devinée ; un montant prévu mais non publié aussi (#N/A « montant non publié »).
// La lecture garde trace des paramètres utilisés et des changements connus postérieurs à la valeur
// lue (avertissements « à confirmer »).
//
// Les fonctions sont évaluées des millions de fois : chaque lecture (barème, date, paramètre) est
// calculée une fois puis gardée — valeur décimale, fiche du paramètre et avertissements compris.
// Un barème n'est donc pas modifié en place une fois lu (on en construit un nouveau).
import { Decimal, decimalConstant } from '../decimal';
import { ErreurRegle } from '../erreurs';
import { isoVersFrancais } from '../dates';
import { ParametreUtilise } from '../explication';
import { Bareme, ChangementConnu, Parametre, ValeurDatee } from './types';

/** Erreur d'un montant prévu par un texte mais non publié : la feuille l'affiche « montant non publié ». */
export class ErreurParametreNonPublie extends ErreurRegle {
  constructor(
    /** Identifiant du paramètre à renseigner (l'identifiant principal, pas un alias). */
    readonly parametreNonPublie: string,
    message: string,
  ) {
    super('#N/A', message);
  }
}

export function estParametreNonPublie(e: unknown): e is ErreurParametreNonPublie {
  return e instanceof ErreurParametreNonPublie;
}

interface EntreeIndex {
  parametre: Parametre;
  /** Changements connus qui concernent ce paramètre. */
  changements: ChangementConnu[];
}

/** Le résultat, gardé, de la lecture d'un paramètre à une date. */
interface Lecture {
  parametre: Parametre;
  valeur: ValeurDatee;
  changements: ChangementConnu[];
  fiche: ParametreUtilise;
  decimal: Decimal | null;
  /** Changements connus postérieurs à la valeur lue et antérieurs ou égaux à la date : textes prêts. */
  avertissements: readonly string[];
  /** Erreur à lever si le montant n'est pas publié à cette date. */
  nonPublie: ErreurParametreNonPublie | null;
}

interface IndexBareme {
  parId: Map<string, EntreeIndex>;
  /** date → identifiant (ou alias) → lecture, ou l'erreur de lecture (gardée elle aussi). */
  lectures: Map<string, Map<string, Lecture | ErreurRegle>>;
}

/** Au-delà, le cache des lectures d'un barème est vidé (dates très variées : borne la mémoire). */
const DATES_GARDEES_MAX = 4096;

function concerne(c: ChangementConnu, id: string): boolean {
  return c.concerne.some((cible) => (cible.endsWith('.') ? id.startsWith(cible) : id === cible));
}

// Index par barème, construit à la première lecture.
const indexes = new WeakMap<Bareme, IndexBareme>();
function index(bareme: Bareme): IndexBareme {
  let x = indexes.get(bareme);
  if (!x) {
    const parId = new Map<string, EntreeIndex>();
    for (const p of bareme.parametres) {
      const entree = { parametre: p, changements: bareme.changements.filter((c) => concerne(c, p.id)) };
      parId.set(p.id, entree);
      for (const a of p.alias ?? []) if (!parId.has(a)) parId.set(a, entree);
    }
    x = { parId, lectures: new Map() };
    indexes.set(bareme, x);
  }
  return x;
}

/** Le paramètre d'un identifiant (ou d'un ancien identifiant), ou undefined. */
export function parametreDe(bareme: Bareme, id: string): Parametre | undefined {
  return index(bareme).parId.get(id)?.parametre;
}

/** La valeur datée en vigueur à une date, ou null (sans erreur). */
export function valeurEnVigueur(p: Parametre, date: string): ValeurDatee | null {
  return p.valeurs.find((v) => v.du <= date && (v.au === null || date <= v.au)) ?? null;
}

function periodes(p: Parametre): string {
  return p.valeurs.map((v) => `du ${isoVersFrancais(v.du)} ${v.au ? `au ${isoVersFrancais(v.au)}` : 'sans fin connue'}`).join(', ');
}

export function trouverValeur(bareme: Bareme, id: string, date: string): { parametre: Parametre; valeur: ValeurDatee; changements: ChangementConnu[] } {
  const entree = index(bareme).parId.get(id);
  if (!entree) throw new ErreurRegle('#N/A', `Paramètre de barème inconnu : ${id}`);
  const { parametre, changements } = entree;
  // Saisie fautive dans le barème du classeur : l'erreur, jamais la valeur par défaut.
  if (parametre.invalide) throw new ErreurRegle('#VALEUR!', parametre.invalide.message);
  const valeur = valeurEnVigueur(parametre, date);
  if (!valeur) {
    throw new ErreurRegle(
      '#N/A',
      `date : aucune valeur du barème « ${parametre.libelle} » au ${isoVersFrancais(date)} (valeurs connues : ${periodes(parametre)})`,
      'date',
    );
  }
  return { parametre, valeur, changements };
}

/** Message d'un montant non publié : nomme le paramètre et dit où saisir la valeur publiée. */
export function messageNonPublie(p: Parametre, date: string): string {
  return (
    `Montant non publié : « ${p.libelle} » (${p.id}) n’a pas de valeur publiée au ${isoVersFrancais(date)}. ` +
    'Saisissez la valeur publiée (avec sa date et sa source) dans la feuille « Barème » du classeur.'
  );
}

/** La fiche « paramètre utilisé » d'une valeur datée, partagée entre les lectures. */
const fiches = new WeakMap<ValeurDatee, ParametreUtilise>();
function ficheDe(parametre: Parametre, valeur: ValeurDatee): ParametreUtilise {
  let f = fiches.get(valeur);
  if (f === undefined) {
    f = { id: parametre.id, libelle: parametre.libelle, unite: parametre.unite, ...valeur };
    fiches.set(valeur, f);
  }
  return f;
}

function lire(bareme: Bareme, id: string, date: string): Lecture {
  const x = index(bareme);
  let parDate = x.lectures.get(date);
  if (!parDate) {
    if (x.lectures.size >= DATES_GARDEES_MAX) x.lectures.clear();
    parDate = new Map();
    x.lectures.set(date, parDate);
  }
  let l = parDate.get(id);
  if (l === undefined) {
    try {
      const { parametre, valeur, changements } = trouverValeur(bareme, id, date);
      l = {
        parametre,
        valeur,
        changements,
        fiche: ficheDe(parametre, valeur),
        decimal: valeur.valeur === null ? null : decimalConstant(valeur.valeur),
        // Un changement connu, postérieur à la valeur lue et antérieur ou égal à la date de calcul.
        avertissements: changements.filter((c) => valeur.du < c.date && c.date <= date).map((c) => `À confirmer : ${c.libelle}.`),
        nonPublie: valeur.nonPublie ? new ErreurParametreNonPublie(parametre.id, messageNonPublie(parametre, date)) : null,
      };
    } catch (e) {
      if (!(e instanceof ErreurRegle)) throw e;
      l = e;
    }
    parDate.set(id, l);
  }
  if (l instanceof ErreurRegle) throw l;
  return l;
}

/** Lecteur de barème à une date donnée, qui note ce qu'il lit. */
export class LecteurBareme {
  readonly utilises: ParametreUtilise[] = [];
  readonly avertissements: string[] = [];

  constructor(
    readonly bareme: Bareme,
    readonly date: string,
  ) {}

  /** Valeur obligatoire (une valeur « aucune » est une erreur de barème). */
  valeur(id: string): Decimal {
    const v = this.valeurOuAucune(id);
    if (v === null) throw new ErreurRegle('#N/A', `Le paramètre de barème ${id} est vide au ${isoVersFrancais(this.date)}`);
    return v;
  }

  /** La valeur datée lue (période, statut, source, note), pour un message ou une explication. */
  valeurDatee(id: string): ValeurDatee {
    this.valeurOuAucune(id);
    return lire(this.bareme, id, this.date).valeur;
  }

  /** Valeur facultative : null signifie « aucune » (plafond absent). Un montant non publié est une erreur. */
  valeurOuAucune(id: string): Decimal | null {
    const l = lire(this.bareme, id, this.date);
    if (!this.utilises.includes(l.fiche)) {
      this.utilises.push(l.fiche);
      for (const a of l.avertissements) if (!this.avertissements.includes(a)) this.avertissements.push(a);
    }
    if (l.nonPublie) throw l.nonPublie;
    return l.decimal;
  }
}

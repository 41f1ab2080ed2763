// Le barème vu par le chemin rapide : pour une règle, ce qu'elle lit du barème à une date est préparé
// une fois — valeurs en entiers mis à l'échelle — et vaut pour toute la plage de jours où aucun des
// paramètres lus ne change de valeur (intersection de leurs périodes de validité, ou des trous entre
// elles). Retrouver la table d'un jour coûte alors quelques comparaisons. Une lecture qui échouerait
// (date hors barème, montant non publié, contrat fermé…) donne une table absente (null) : le calcul
// passe par le chemin expliqué, qui lève l'erreur exacte.
import { LecteurBareme, parametreDe } from '../bareme/lecture';
import { Bareme, Parametre } from '../bareme/types';
import { isoVersSerie, serieVersIso } from '../dates';
import { ErreurRegle } from '../erreurs';
import { Exact, exactDeTexte } from './exact';

let dernierIso = '';
let dernierJour = NaN;
/** AAAA-MM-JJ → jour (numéro de série Excel), ou undefined si la date n'est pas valable. */
export function jourDeIso(iso: string): number | undefined {
  if (iso !== dernierIso) {
    try {
      dernierJour = isoVersSerie(iso);
    } catch {
      return undefined;
    }
    dernierIso = iso;
  }
  return dernierJour;
}

/** Lecture impossible dans le chemin rapide (valeur vide, écriture hors du domaine exact). */
class HorsCheminRapide extends Error {}

/** Les lectures d'une table à une date : valeurs exactes, et identifiants lus (pour la plage de validité). */
export class LectureRapide {
  readonly lus: string[] = [];
  readonly lecteur: LecteurBareme;

  constructor(
    readonly bareme: Bareme,
    readonly date: string,
  ) {
    this.lecteur = new LecteurBareme(bareme, date);
  }

  /** Un paramètre lu autrement (par une fonction des règles) : compté pour la plage de validité. */
  noter(id: string): void {
    this.lus.push(id);
  }

  /** Valeur obligatoire d'un paramètre, en entier mis à l'échelle. */
  exact(id: string): Exact {
    const v = this.exactOuAucune(id);
    if (v === null) throw new HorsCheminRapide(id);
    return v;
  }

  /** Valeur facultative : null pour « aucune ». */
  exactOuAucune(id: string): Exact | null {
    this.lus.push(id);
    const texte = this.lecteur.valeurDatee(id).valeur;
    if (texte === null) return null;
    const x = exactDeTexte(texte);
    if (x === null) throw new HorsCheminRapide(id);
    return x;
  }

  /** Une lecture que la règle ne fait pas toujours : null si elle échoue (le chemin rapide s'abstient alors). */
  siLisible(id: string): Exact | null {
    try {
      return this.exact(id);
    } catch (e) {
      if (!(e instanceof ErreurRegle || e instanceof HorsCheminRapide)) throw e;
      return null;
    }
  }
}

/**
 * Plage de jours [du ; au] autour de `jour` où le paramètre garde la même valeur (ou reste sans valeur) :
 * entre deux de ses « bascules » (premier jour d'une période, lendemain de sa fin).
 */
function plageDe(p: Parametre | undefined, jour: number): [number, number] {
  let du = -Infinity;
  let au = Infinity;
  for (const v of p?.valeurs ?? []) {
    for (const bascule of [isoVersSerie(v.du), v.au === null ? Infinity : isoVersSerie(v.au) + 1]) {
      if (bascule <= jour) du = Math.max(du, bascule);
      else au = Math.min(au, bascule - 1);
    }
  }
  return [du, au];
}

interface Plage<T> {
  du: number;
  au: number;
  table: T | null;
}

/** Au-delà, les plages gardées d'une table pour un barème sont oubliées (borne la mémoire). */
const PLAGES_GARDEES_MAX = 4096;

function construirePlage<T>(bareme: Bareme, jour: number, construire: (l: LectureRapide) => T): Plage<T> {
  const l = new LectureRapide(bareme, serieVersIso(jour));
  let table: T | null;
  try {
    table = construire(l);
  } catch (e) {
    if (!(e instanceof ErreurRegle || e instanceof HorsCheminRapide)) throw e;
    table = null;
  }
  let du = -Infinity;
  let au = Infinity;
  for (const id of l.lus) {
    const [d, a] = plageDe(parametreDe(bareme, id), jour);
    du = Math.max(du, d);
    au = Math.min(au, a);
  }
  return { du, au, table };
}

/**
 * Table d'une règle par (barème, jour) : `construire` lit le barème à la date du jour (et lève si une
 * lecture échoue) ; le résultat — ou null si elle a échoué — est gardé pour toute sa plage de jours.
 */
export function tableParJour<T>(construire: (l: LectureRapide) => T): (bareme: Bareme, jour: number) => T | null {
  const parBareme = new WeakMap<Bareme, Plage<T>[]>();
  let dernierBareme: Bareme | null = null;
  let derniere: Plage<T> | null = null;
  return (bareme, jour) => {
    if (bareme === dernierBareme && jour >= derniere!.du && jour <= derniere!.au) return derniere!.table;
    let plages = parBareme.get(bareme);
    if (plages === undefined || plages.length >= PLAGES_GARDEES_MAX) {
      plages = [];
      parBareme.set(bareme, plages);
    }
    // Plages disjointes, rangées par début : la dernière qui commence au plus tard ce jour-là.
    let bas = 0;
    let haut = plages.length;
    while (bas < haut) {
      const milieu = (bas + haut) >> 1;
      if (plages[milieu].du <= jour) bas = milieu + 1;
      else haut = milieu;
    }
    let p = bas > 0 ? plages[bas - 1] : undefined;
    if (p === undefined || jour > p.au) {
      p = construirePlage(bareme, jour, construire);
      plages.splice(bas, 0, p);
    }
    dernierBareme = bareme;
    derniere = p;
    return p.table;
  };
}

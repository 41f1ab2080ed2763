// Lecture du barème à une date : une date hors de toute période de validité est une erreur,
// jamais une valeur devinée. La lecture garde trace des paramètres utilisés et des changements
// connus postérieurs à la valeur lue (REGLES.md §6).
import { Decimal, decimalConstant } from '../decimal';
import { ErreurRegle } from '../erreurs';
import { isoVersFrancais } from '../dates';
import { ParametreUtilise } from '../explication';
import { Bareme, ChangementConnu, Parametre, ValeurDatee } from './types';

interface EntreeIndex {
  parametre: Parametre;
  /** Changements connus qui concernent ce paramètre. */
  changements: ChangementConnu[];
}

function concerne(c: ChangementConnu, id: string): boolean {
  return c.concerne.some((cible) => (cible.endsWith('.') ? id.startsWith(cible) : id === cible));
}

// Index par barème, construit à la première lecture (un barème n'est pas modifié en place une fois lu).
const indexes = new WeakMap<Bareme, Map<string, EntreeIndex>>();
function index(bareme: Bareme): Map<string, EntreeIndex> {
  let m = indexes.get(bareme);
  if (!m) {
    m = new Map(bareme.parametres.map((p) => [p.id, { parametre: p, changements: bareme.changements.filter((c) => concerne(c, p.id)) }]));
    indexes.set(bareme, m);
  }
  return m;
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


export function trouverValeur(bareme: Bareme, id: string, date: string): { parametre: Parametre; valeur: ValeurDatee; changements: ChangementConnu[] } {
  const entree = index(bareme).get(id);
  if (!entree) throw new ErreurRegle('#N/A', `Paramètre de barème inconnu : ${id}`);
  const { parametre, changements } = entree;
  const valeur = parametre.valeurs.find((v) => v.du <= date && (v.au === null || date <= v.au));
  if (!valeur) {
    const periodes = parametre.valeurs
      .map((v) => `du ${isoVersFrancais(v.du)} ${v.au ? `au ${isoVersFrancais(v.au)}` : 'sans fin connue'}`)
      .join(', ');
    throw new ErreurRegle(
      '#N/A',
      `date : aucune valeur du barème « ${parametre.libelle} » au ${isoVersFrancais(date)} (valeurs connues : ${periodes})`,
      'date',
    );
  }
  return { parametre, valeur, changements };
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

  /** Valeur facultative : null signifie « aucune » (plafond absent). */
  valeurOuAucune(id: string): Decimal | null {
    const { parametre, valeur, changements } = trouverValeur(this.bareme, id, this.date);
    const fiche = ficheDe(parametre, valeur);
    if (!this.utilises.includes(fiche)) {
      this.utilises.push(fiche);
      for (const c of changements) {
        // Un changement connu, postérieur à la valeur lue et antérieur ou égal à la date de calcul.
        if (valeur.du < c.date && c.date <= this.date) {
          const texte = `À confirmer : ${c.libelle}.`;
          if (!this.avertissements.includes(texte)) this.avertissements.push(texte);
        }
      }
    }
    return valeur.valeur === null ? null : decimalConstant(valeur.valeur);
  }
}

// Lecture du barème à une date : une date hors de toute période de validité est une erreur,
// jamais une valeur devinée. La lecture garde trace des paramètres utilisés et des changements
// connus postérieurs à la valeur lue (REGLES.md §6).
import { Decimal } from '../decimal';
import { ErreurRegle } from '../erreurs';
import { isoVersFrancais } from '../dates';
import { ParametreUtilise } from '../explication';
import { Bareme, ChangementConnu, Parametre, ValeurDatee } from './types';

function index(bareme: Bareme): Map<string, Parametre> {
  let m = indexes.get(bareme);
  if (!m) {
    m = new Map(bareme.parametres.map((p) => [p.id, p]));
    indexes.set(bareme, m);
  }
  return m;
}
const indexes = new WeakMap<Bareme, Map<string, Parametre>>();

/** Valeurs du barème déjà converties (un Decimal est immuable : on peut le partager). */
const decimaux = new Map<string, Decimal>();
function decimalDe(texte: string): Decimal {
  let d = decimaux.get(texte);
  if (d === undefined) {
    d = new Decimal(texte);
    decimaux.set(texte, d);
  }
  return d;
}

export function trouverValeur(bareme: Bareme, id: string, date: string): { parametre: Parametre; valeur: ValeurDatee } {
  const parametre = index(bareme).get(id);
  if (!parametre) throw new ErreurRegle('#N/A', `Paramètre de barème inconnu : ${id}`);
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
  return { parametre, valeur };
}

function concerne(c: ChangementConnu, id: string): boolean {
  return c.concerne.some((cible) => (cible.endsWith('.') ? id.startsWith(cible) : id === cible));
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
    const { parametre, valeur } = trouverValeur(this.bareme, id, this.date);
    if (!this.utilises.some((u) => u.id === id && u.du === valeur.du)) {
      this.utilises.push({ id, libelle: parametre.libelle, unite: parametre.unite, ...valeur });
      for (const c of this.bareme.changements) {
        // Un changement connu, postérieur à la valeur lue et antérieur ou égal à la date de calcul.
        if (concerne(c, id) && valeur.du < c.date && c.date <= this.date) {
          const texte = `À confirmer : ${c.libelle}.`;
          if (!this.avertissements.includes(texte)) this.avertissements.push(texte);
        }
      }
    }
    return valeur.valeur === null ? null : decimalDe(valeur.valeur);
  }
}

// Assemble le résultat expliqué d'une règle à partir du lecteur de barème.
import { LecteurBareme } from './bareme/lecture';
import { Source } from './bareme/types';
import { Decimal } from './decimal';
import { Explication, Interpretation, ParametreUtilise, Regle, Resultat, ValeurEntree } from './explication';

export function regle(id: string, libelle: string, source: Source): Regle {
  return { id, libelle, source };
}

/**
 * Explication dont le texte du calcul (mise en forme des montants) n'est produit que s'il est lu :
 * une cellule recalculée n'en a pas besoin, une explication affichée ou enregistrée si.
 */
class ExplicationDifferee implements Explication {
  date?: string;
  private texte?: string;

  constructor(
    public regle: Regle,
    date: string | undefined,
    public entrees: Record<string, ValeurEntree>,
    private fabrique: () => string,
    public parametres: ParametreUtilise[],
    public interpretations: Interpretation[],
    public avertissements: string[],
  ) {
    if (date !== undefined) this.date = date;
  }

  get calcul(): string {
    if (this.texte === undefined) this.texte = this.fabrique();
    return this.texte;
  }

  set calcul(texte: string) {
    this.texte = texte;
  }

  toJSON(): Explication {
    const { regle, date, entrees, calcul, parametres, interpretations, avertissements } = this;
    return { regle, ...(date !== undefined ? { date } : {}), entrees, calcul, parametres, interpretations, avertissements };
  }
}

export function resultat<T = Decimal>(
  valeur: T,
  r: Regle,
  lecteur: LecteurBareme | null,
  entrees: Record<string, ValeurEntree>,
  calcul: string | (() => string),
  interpretations: Interpretation[] = [],
): Resultat<T> {
  const explication = new ExplicationDifferee(
    r,
    lecteur?.date,
    entrees,
    typeof calcul === 'string' ? () => calcul : calcul,
    lecteur ? [...lecteur.utilises] : [],
    interpretations,
    lecteur ? [...lecteur.avertissements] : [],
  );
  return { valeur, explication };
}

// Assemble le résultat expliqué d'une règle à partir du lecteur de barème.
import { LecteurBareme } from './bareme/lecture';
import { Source } from './bareme/types';
import { Decimal } from './decimal';
import { Explication, Interpretation, Regle, Resultat, ValeurEntree } from './explication';

export function regle(id: string, libelle: string, source: Source): Regle {
  return { id, libelle, source };
}

export function resultat<T = Decimal>(
  valeur: T,
  r: Regle,
  lecteur: LecteurBareme | null,
  entrees: Record<string, ValeurEntree>,
  calcul: string,
  interpretations: Interpretation[] = [],
): Resultat<T> {
  const explication: Explication = {
    regle: r,
    ...(lecteur ? { date: lecteur.date } : {}),
    entrees,
    calcul,
    parametres: lecteur ? [...lecteur.utilises] : [],
    interpretations,
    avertissements: lecteur ? [...lecteur.avertissements] : [],
  };
  return { valeur, explication };
}

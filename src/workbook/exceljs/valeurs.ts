// Valeurs calculées d'une feuille de simulation par le moteur sans tableur (HyperFormula + catalogue),
// avec le barème de la provenance : ce sont les valeurs mises en cache dans le fichier, que montrent
// un tableur sans le complément et LibreOffice. Node seulement.
import { Bareme } from '../../rules/bareme/types';
import { creerClasseur, ValeurCalculee, valeurCellule } from '../../formules/moteur';
import { colonneDe, ligneDe } from '../adresses';

export interface CelluleACalculer {
  adresse: string;
  valeur?: string | number | boolean | null;
  /** Formule (forme affichée `SIP.CAI(B5)` ou fichier `_xldudf_SIP_CAI(B5)`), invariante (en-US). */
  formule?: string;
}

/** Calcule toutes les cellules d'une feuille ; rend adresse → valeur pour les cellules à formule. */
export function calculerFeuille(cellules: readonly CelluleACalculer[], bareme: Bareme, aujourdhui: string): Map<string, ValeurCalculee> {
  let lignes = 0;
  let colonnes = 0;
  for (const c of cellules) {
    lignes = Math.max(lignes, ligneDe(c.adresse));
    colonnes = Math.max(colonnes, colonneDe(c.adresse));
  }
  const matrice: (string | number | boolean | null)[][] = Array.from({ length: lignes }, () => Array.from({ length: colonnes }, () => null));
  for (const c of cellules) {
    const v = c.formule ? (c.formule.startsWith('=') ? c.formule : `=${c.formule}`) : (c.valeur ?? null);
    // Un texte commençant par « = » serait pris pour une formule : préfixe apostrophe (HyperFormula le retire).
    matrice[ligneDe(c.adresse) - 1][colonneDe(c.adresse) - 1] = !c.formule && typeof v === 'string' && v.startsWith('=') ? `'${v}` : v;
  }
  const hf = creerClasseur({ Feuille: matrice }, { locale: 'en-US', bareme, aujourdhui });
  try {
    const r = new Map<string, ValeurCalculee>();
    for (const c of cellules) if (c.formule) r.set(c.adresse, valeurCellule(hf, 0, ligneDe(c.adresse) - 1, colonneDe(c.adresse) - 1));
    return r;
  } finally {
    hf.destroy();
  }
}

// Le nom et les colonnes de la feuille « Barème », partagés par sa description (feuille-bareme.ts) et sa
// relecture (lecture-feuille.ts, office.ts) : module minuscule, importé par le bundle des fonctions.

export const NOM_FEUILLE_BAREME = 'Barème';

/** Titres des colonnes, dans l'ordre (la lecture les retrouve par leur titre). */
export const COLONNES_BAREME = ['Identifiant', 'Libellé', 'Valeur', 'Unité', 'Du', 'Au', 'Statut', 'Source', 'Note'] as const;

/** Ligne des titres de colonnes dans la feuille écrite ; les valeurs suivent. */
export const LIGNE_TITRES_BAREME = 4;

// La feuille visible « Barème » de chaque classeur de simulation : une ligne par valeur datée de chaque
// paramètre du barème (tous les paramètres : une formule SIP.* ajoutée par l'utilisateur peut lire
// n'importe lequel, et le classeur porte ainsi tout le barème avec lequel il calcule). L'utilisateur y
// change une valeur ou ajoute une ligne datée avec sa source ; les fonctions du classeur lisent ce
// barème (runtime partagé : src/functions/bareme-classeur.ts ; CLI : --bareme classeur.xlsx).
// Pur : une description, écrite par exceljs (CLI) et Office.js (volet).
import { isoVersFrancais, isoVersSerie } from '../../rules/dates';
import { estUniteMonetaire } from '../../rules/bareme/validation';
import { Bareme, LIBELLES_STATUT, Parametre, ValeurDatee } from '../../rules/bareme/types';
import { texteSource } from '../../rules/sources';
import type { Cellule, DescriptionFeuille, FormatCellule } from '../description';
import { Feuille } from '../feuille';
import { hauteurTexte, miseEnPageA4 } from '../impression';
import { COLONNES_BAREME, LIGNE_TITRES_BAREME, NOM_FEUILLE_BAREME } from './colonnes';

export { COLONNES_BAREME, LIGNE_TITRES_BAREME, NOM_FEUILLE_BAREME } from './colonnes';

/** Largeurs (caractères) : la source et la note, longues, sont renvoyées à la ligne. */
const LARGEURS = [32, 36, 13, 14, 11, 11, 12, 42, 36];

export const AIDE_SAISIE_BAREME =
  'Les fonctions SIP.* de ce classeur calculent avec ce barème. Chiffre nouvellement publié : ajoutez une ligne ' +
  '(même identifiant, valeur, date « Du », statut, source), puis fermez la période précédente dans sa colonne « Au ». ' +
  'Valeur vide = montant non publié (#N/A) ; « aucun » = pas de plafond. Une saisie fautive rend #VALEUR! avec le numéro de ligne.';

export const NOTE_NON_PUBLIE = 'Montant non publié : saisissez ici la valeur publiée, sa date « Du » et sa source.';

/** Format d'affichage d'une valeur selon l'unité du paramètre. */
function formatValeur(p: Parametre, v: ValeurDatee): FormatCellule {
  if (p.unite === 'taux') return 'pourcentage';
  if (estUniteMonetaire(p.unite)) return 'euros';
  return v.valeur !== null && v.valeur.includes('.') ? 'nombre' : 'entier';
}

/** La cellule « Valeur » : nombre, « oui »/« non », « aucun », ou vide (non publié, signalé). */
function celluleValeur(p: Parametre, v: ValeurDatee): Omit<Cellule, 'adresse'> {
  if (v.nonPublie) return { valeur: null, format: formatValeur(p, v), style: 'alerte' };
  if (v.valeur === null) return { valeur: 'aucun', format: 'texte', style: 'entree' };
  if (p.unite === 'oui/non') return { valeur: Number(v.valeur) === 1 ? 'oui' : 'non', format: 'texte', style: 'entree' };
  return { valeur: Number(v.valeur), format: formatValeur(p, v), style: 'entree' };
}

function ligneValeur(f: Feuille, l: number, p: Parametre, v: ValeurDatee): void {
  f.texte(1, l, p.id);
  f.texte(2, l, p.libelle);
  f.pose(3, l, celluleValeur(p, v));
  f.texte(4, l, p.unite);
  f.pose(5, l, { valeur: isoVersSerie(v.du), format: 'date' });
  f.pose(6, l, { valeur: v.au === null ? null : isoVersSerie(v.au), format: 'date' });
  f.texte(7, l, LIBELLES_STATUT[v.statut]);
  f.pose(8, l, { valeur: texteSource(v.source), format: 'texte', renvoi: true });
  const note = [v.nonPublie ? NOTE_NON_PUBLIE : '', v.note ?? ''].filter(Boolean).join(' ');
  if (note) f.pose(9, l, { valeur: note, format: 'texte', style: v.nonPublie ? 'alerte' : 'note', renvoi: true });
}

export interface OptionsFeuilleBareme {
  /** Date d'écriture (AAAA-MM-JJ), dite sous le titre. */
  dateGeneration?: string;
}

/** La description de la feuille « Barème » d'un barème (celui avec lequel la simulation calcule). */
export function decrireFeuilleBareme(bareme: Bareme, o: OptionsFeuilleBareme = {}): DescriptionFeuille {
  const f = new Feuille();
  const n = COLONNES_BAREME.length;
  f.texte(1, 1, 'Barème : valeurs datées des paramètres, avec leurs sources', 'titre');
  f.fusion(1, 1, n, 1);
  f.pose(1, 2, { valeur: AIDE_SAISIE_BAREME, format: 'texte', style: 'note', renvoi: true });
  f.fusion(1, 2, n, 2);
  const ecrit = o.dateGeneration ? ` ; écrit le ${isoVersFrancais(o.dateGeneration)}` : '';
  f.texte(1, 3, `Barème de départ : version ${bareme.version}${ecrit}. Statuts : confirmé (texte officiel), à confirmer, hypothèse (valeur de travail à remplacer).`, 'note');
  f.fusion(1, 3, n, 3);
  f.entetes(LIGNE_TITRES_BAREME, COLONNES_BAREME);
  let l = LIGNE_TITRES_BAREME + 1;
  for (const p of bareme.parametres) for (const v of p.valeurs) ligneValeur(f, l++, p, v);
  LARGEURS.forEach((x, k) => f.largeur(k + 1, x));
  f.hauteur(2, hauteurTexte(AIDE_SAISIE_BAREME, LARGEURS.reduce((a, b) => a + b, 0), 'note'));
  f.imprimer(miseEnPageA4({ titre: 'Barème du simulateur', lignesTitres: `${LIGNE_TITRES_BAREME}:${LIGNE_TITRES_BAREME}`, ...(o.dateGeneration ? { dateGeneration: o.dateGeneration } : {}) }));
  return f.description(NOM_FEUILLE_BAREME);
}

// Bloc 5 : l'échéancier, c'est-à-dire le grand livre dans la feuille : une ligne par versement (objet,
// date, année et mois de l'horizon, financeur, dispositif, période couverte) et son montant en
// formule vivante. Le tableau annuel et le plan de financement l'additionnent ; rien d'autre ne
// calcule un versement.
import { AIDES } from '../../rules/aides';
import { isoVersFrancais, isoVersSerie } from '../../rules/dates';
import { formatEuros } from '../../rules/format';
import type { Versement } from '../../rules/versements/types';
import { cleLigne } from '../../rules/versements/vues';
import { absolue } from '../adresses';
import { renvoi, rendreTerme, repere, type ContexteSimulation } from './contexte';

/** Colonnes de l'échéancier (la colonne A, large, porte l'objet). */
export const COL_ECHEANCIER = { objet: 1, date: 2, annee: 3, mois: 4, financeur: 5, dispositif: 6, du: 7, au: 8, montant: 9, cle: 10 } as const;
const C = COL_ECHEANCIER;

function ligneVersement(ctx: ContexteSimulation, v: Versement): void {
  const { f } = ctx;
  const l = f.ligne++;
  f.texte(C.objet, l, `${AIDES[v.aide].court} — ${v.objet} ${renvoi(ctx, AIDES[v.aide].eligibiliteDe)}`.trim(), 'libelle');
  const date = f.pose(C.date, l, { valeur: isoVersSerie(v.date), format: 'date', style: 'calcul' });
  f.pose(C.annee, l, { valeur: v.annee + 1, format: 'entier', style: 'calcul' });
  f.pose(C.mois, l, { valeur: v.mois + 1, format: 'entier', style: 'calcul' });
  f.texte(C.financeur, l, v.financeur, 'libelle');
  f.texte(C.dispositif, l, AIDES[v.aide].court, 'libelle');
  const du = f.pose(C.du, l, { valeur: isoVersSerie(v.du), format: 'date', style: 'calcul' });
  f.pose(C.au, l, { valeur: isoVersSerie(v.au), format: 'date', style: 'calcul' });
  // Une date de la formule égale au début de la période, ou à la date du versement, renvoie à sa cellule.
  const dates = new Map([[v.date, date], [v.du, du]]);
  const montant = f.formuleOuValeur(C.montant, l, rendreTerme(ctx, v.formule, dates), v.montant.toNumber(), 'euros');
  f.reperer(repere.versement(v.id), montant);
  f.texte(C.cle, l, cleLigne(v), 'note');
}

/**
 * Versements prévus dont le montant n'est pas publié : leur formule (qui affiche #N/A « montant non
 * publié » tant que la feuille « Barème » n'a pas la valeur), hors des totaux.
 */
function nonChiffres(ctx: ContexteSimulation): void {
  const { f, livre } = ctx;
  if (!livre.nonChiffres.length) return;
  f.texte(1, f.ligne++, 'Versements prévus dont le montant n’est pas publié (hors des totaux) :', 'alerte');
  for (const v of livre.nonChiffres) {
    const l = f.ligne++;
    f.texte(C.objet, l, `${AIDES[v.aide].court} — ${v.objet} ${renvoi(ctx, AIDES[v.aide].eligibiliteDe)}`.trim(), 'libelle');
    f.pose(C.date, l, { valeur: isoVersSerie(v.date), format: 'date', style: 'calcul' });
    f.pose(C.annee, l, { valeur: v.annee + 1, format: 'entier', style: 'calcul' });
    f.texte(C.financeur, l, AIDES[v.aide].financeur, 'libelle');
    f.texte(C.dispositif, l, AIDES[v.aide].court, 'libelle');
    const du = f.pose(C.du, l, { valeur: isoVersSerie(v.du), format: 'date', style: 'calcul' });
    f.pose(C.au, l, { valeur: isoVersSerie(v.au), format: 'date', style: 'calcul' });
    const formule = rendreTerme(ctx, v.formule, new Map([[v.du, du]]));
    if (formule) f.formule(C.montant, l, formule, 'euros', 'alerte');
    f.texte(C.cle, l, `montant non publié : ${v.parametre}`, 'alerte');
  }
  f.texte(1, f.ligne++, 'Saisissez le montant publié (avec sa date et sa source) dans la feuille « Barème », puis recréez la simulation pour l’inclure dans les totaux.', 'note');
}

function apresHorizon(ctx: ContexteSimulation): void {
  const { f, livre } = ctx;
  if (!livre.apresHorizon.length) return;
  f.texte(1, f.ligne++, 'Versements calculés après la fin de l’horizon (hors des totaux) :', 'note');
  for (const v of livre.apresHorizon) {
    f.texte(1, f.ligne++, `${AIDES[v.aide].court} — ${v.objet} : ${formatEuros(v.montant)} le ${isoVersFrancais(v.date)}`, 'note');
  }
}

export function blocEcheancier(ctx: ContexteSimulation): void {
  const { f, livre } = ctx;
  f.texte(1, f.ligne++, 'Échéancier des versements (chaque versement, à sa date)', 'sous_titre');
  f.entetes(f.ligne++, ['Objet', 'Date de versement', 'Année', 'Mois', 'Financeur', 'Dispositif', 'Période du', 'au', 'Montant', 'Ligne']);
  const premiere = f.ligne;
  if (!livre.versements.length) f.texte(1, f.ligne++, 'Aucun versement dans l’horizon de la simulation.', 'note');
  for (const v of livre.versements) ligneVersement(ctx, v);
  const derniere = Math.max(premiere, f.ligne - 1);
  for (const [col, cle] of [[C.montant, 'montant'], [C.cle, 'cle'], [C.annee, 'annee'], [C.mois, 'mois']] as const) {
    f.reperer(repere.echeancier(cle), `${absolue(col, premiere)}:${absolue(col, derniere)}`);
  }
  nonChiffres(ctx);
  apresHorizon(ctx);
  f.sauter();
}

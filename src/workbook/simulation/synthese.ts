// Bloc 9 : synthèse par année du plan (données des deux graphiques) — les aides renvoient au tableau
// des versements par année, le résultat et la trésorerie au plan —, graphiques, puis sensibilité du
// solde à 24 mois (valeurs calculées par le complément pour des variantes du scénario).
import { FINANCEURS, LIBELLES_FINANCEUR } from '../../rules/aides';
import { MOIS_DETAILLES, sensibilite } from '../../rules/plan/plan';
import { adresse, lettreColonne, ligneDe } from '../adresses';
import { jeton, repere, type ContexteSimulation } from './contexte';
import type { LignesPlan } from './plan';

export const TITRE_GRAPHIQUE_AIDES = 'Aides par financeur et par année';
export const TITRE_GRAPHIQUE_SOLDE = 'Résultat net et trésorerie cumulée par année';
/** Taille des graphiques, en cellules. */
const GRAPHIQUE = { largeurColonnes: 5, hauteurLignes: 18 };

function synthese(ctx: ContexteSimulation, lp: LignesPlan): { aides: string; solde: string } {
  const { f, plan, livre } = ctx;
  const H = livre.horizonAnnees;
  // Périodes d'une année : consécutives, dans une même tranche du plan (une tranche = 12 mois ou des années).
  const periodesAnnee = (a: number) => plan.periodes.map((p, k) => (p.annee === a ? k : -1)).filter((k) => k >= 0);
  f.texte(1, f.ligne++, 'Synthèse par année', 'sous_titre');
  const l1 = f.ligne++;
  f.entetes(l1, ['Aides par année', ...Array.from({ length: H }, (_, a) => `Année ${a + 1}`)]);
  for (const fi of FINANCEURS) {
    f.texte(1, f.ligne, LIBELLES_FINANCEUR[fi], 'libelle');
    for (let a = 0; a < H; a++) f.formule(2 + a, f.ligne, jeton(repere.totalAnnuel(fi, a)), 'euros');
    f.ligne++;
  }
  const fin1 = f.ligne - 1;
  const l2 = f.ligne++;
  f.entetes(l2, ['Résultat par année', ...Array.from({ length: H }, (_, a) => `Année ${a + 1}`)]);
  f.texte(1, f.ligne, 'Résultat net de l’année', 'libelle');
  for (let a = 0; a < H; a++) {
    const cellules = periodesAnnee(a).map((k) => lp.cellule('net', k));
    const [premiere, derniere] = [cellules[0], cellules[cellules.length - 1]];
    const memeLigne = ligneDe(premiere) === ligneDe(derniere);
    f.formule(2 + a, f.ligne, cellules.length === 1 ? premiere : memeLigne ? `SUM(${premiere}:${derniere})` : `SUM(${cellules.join(',')})`, 'euros');
  }
  f.ligne++;
  f.texte(1, f.ligne, 'Trésorerie en fin d’année', 'libelle');
  for (let a = 0; a < H; a++) f.formule(2 + a, f.ligne, lp.cellule('tresorerie', periodesAnnee(a).slice(-1)[0]), 'euros');
  const fin2 = f.ligne++;
  const derniere = lettreColonne(1 + H);
  return { aides: `A${l1}:${derniere}${fin1}`, solde: `A${l2}:${derniere}${fin2}` };
}

function graphiques(ctx: ContexteSimulation, donnees: { aides: string; solde: string }): void {
  const { f } = ctx;
  f.sauter();
  const ancre = (col: number) => adresse(col, f.ligne);
  f.graphique({ type: 'colonnes_empilees', titre: TITRE_GRAPHIQUE_AIDES, donnees: donnees.aides, ancre: ancre(1), ...GRAPHIQUE });
  f.graphique({ type: 'ligne', titre: TITRE_GRAPHIQUE_SOLDE, donnees: donnees.solde, ancre: ancre(2 + GRAPHIQUE.largeurColonnes), ...GRAPHIQUE });
  f.sauter(GRAPHIQUE.hauteurLignes + 1);
}

function sensibilites(ctx: ContexteSimulation): void {
  const { f, s, bareme, plan } = ctx;
  const moisSolde = Math.min(MOIS_DETAILLES, plan.nbMois);
  f.texte(1, f.ligne++, `Sensibilité : trésorerie cumulée à ${moisSolde} mois`, 'sous_titre');
  f.entetes(f.ligne++, ['Variation de l’entrée', 'Activité (honoraires)', 'Coût salarial']);
  const activite = sensibilite(s, bareme, 'activite');
  const couts = sensibilite(s, bareme, 'cout');
  activite.forEach((x, k) => {
    f.pose(1, f.ligne, { valeur: x.facteur.minus(1).toNumber(), format: 'pourcentage', style: 'libelle' });
    f.pose(2, f.ligne, { valeur: x.solde.toNumber(), format: 'euros', style: 'calcul' });
    f.pose(3, f.ligne++, { valeur: couts[k].solde.toNumber(), format: 'euros', style: 'calcul' });
  });
  f.texte(1, f.ligne++,
    'Valeurs calculées par le complément à la création de la feuille, toutes choses égales par ailleurs (la garantie « 400 postes » compense une partie d’une baisse d’activité). Recréer la simulation après une modification des hypothèses.',
    'note');
  f.sauter();
}

export function blocSynthese(ctx: ContexteSimulation, lp: LignesPlan): void {
  const donnees = synthese(ctx, lp);
  graphiques(ctx, donnees);
  sensibilites(ctx);
}

// Bloc 8 : le plan de financement, par période (24 mois puis années, sur les mêmes bornes que les
// années de simulation) : activité, charges, recettes (séries mensuelles des médecins), aides par
// financeur — un mois additionne les lignes de l'échéancier de ce mois (SUMIFS), une année renvoie à
// la cellule du tableau annuel — puis total des aides, résultat net et trésorerie cumulée.
import { FINANCEURS, LIBELLES_FINANCEUR, type Financeur } from '../../rules/aides';
import { isoVersSerie } from '../../rules/dates';
import type { LignePlan, Periode } from '../../rules/plan/types';
import { adresse, lettreColonne } from '../adresses';
import type { FormatCellule } from '../description';
import { critereTexte, rendre, sommeFormules } from '../formules';
import { contexteRendu, jeton, repere, type ContexteSimulation } from './contexte';

export interface LignesPlan {
  entete: number;
  /** Ligne de chaque total (charges, recettes, ARS, CPAM, aides, net, trésorerie). */
  totaux: Record<'charges' | 'recettes' | Financeur | 'aides' | 'net' | 'tresorerie', number>;
  colPeriode: (k: number) => number;
  colTotal: number;
}

const colPeriode = (k: number) => 2 + k;

/** Cellule d'une série (activité, coût, honoraires, IJ) pour une période : formule de ses mois, ou valeur. */
function celluleSerie(ctx: ContexteSimulation, li: LignePlan, p: Periode, k: number, ligne: number, ligneDates: number): void {
  const { f } = ctx;
  const col = colPeriode(k);
  const mois = li.mois.slice(p.premierMois, p.premierMois + p.nbMois);
  const presents = mois.filter((x) => x !== null);
  if (!presents.length) return;
  const format: FormatCellule = li.id.startsWith('consultations.') ? 'consultations' : 'euros';
  const dates = new Map([[p.debut, `${lettreColonne(col)}$${ligneDates}`]]);
  const rc = contexteRendu(ctx, dates);
  // Tarif : la valeur du premier mois de la période (un prix, pas une somme).
  const aRendre = li.id === 'tarif' ? presents.slice(0, 1) : presents;
  const formules = aRendre.map((x) => (x?.formule ? rendre(x.formule, rc) : null));
  const valeur = aRendre.reduce((a, x) => a + (x as { valeur: { toNumber(): number } }).valeur.toNumber(), 0);
  const formule = p.type === 'mois' || li.id === 'tarif' ? formules[0] : sommeFormules(formules);
  const a = f.formuleOuValeur(col, ligne, formule, valeur, format);
  if (p.type === 'mois') f.reperer(repere.serie(li.id, p.premierMois), a);
}

/** Cellule d'une ligne d'aide : mois = SUMIFS sur l'échéancier ; année = renvoi au tableau annuel. */
function celluleAide(ctx: ContexteSimulation, li: LignePlan, p: Periode, k: number, ligne: number): void {
  const cle = li.id.slice('aide.'.length);
  const e = (c: 'montant' | 'cle' | 'mois') => jeton(repere.echeancier(c));
  const formule = p.type === 'mois'
    ? `SUMIFS(${e('montant')},${e('cle')},${critereTexte(cle)},${e('mois')},${p.premierMois + 1})`
    : jeton(repere.annuel(cle, p.annee));
  ctx.f.formule(colPeriode(k), ligne, formule, 'euros');
}

function ligneDuPlan(ctx: ContexteSimulation, li: LignePlan, ligne: number, ligneDates: number): void {
  const { f, plan } = ctx;
  f.texte(1, ligne, `${li.libelle}${li.financeur ? ` (${li.financeur})` : ''}`, 'libelle');
  plan.periodes.forEach((p, k) => (li.categorie === 'aide' ? celluleAide(ctx, li, p, k, ligne) : celluleSerie(ctx, li, p, k, ligne, ligneDates)));
  if (li.id !== 'tarif') {
    const P = plan.periodes.length;
    f.formule(colPeriode(P), ligne, `SUM(${adresse(colPeriode(0), ligne)}:${adresse(colPeriode(P - 1), ligne)})`, li.id.startsWith('consultations.') ? 'consultations' : 'euros', 'total');
  }
}

interface Section {
  titre: string;
  lignes: LignePlan[];
  total?: { libelle: string; cle: 'charges' | 'recettes' | Financeur };
}

function sections(ctx: ContexteSimulation): Section[] {
  const l = ctx.plan.lignes;
  const aides = (fi: Financeur): Section => ({ titre: `Aides — ${LIBELLES_FINANCEUR[fi]}`, lignes: l.filter((x) => x.financeur === fi), total: { libelle: `Total ${LIBELLES_FINANCEUR[fi]}`, cle: fi } });
  return [
    { titre: 'Activité', lignes: l.filter((x) => x.categorie === 'activite') },
    { titre: 'Charges', lignes: l.filter((x) => x.categorie === 'cout'), total: { libelle: 'Total des charges', cle: 'charges' as const } },
    { titre: 'Recettes d’activité', lignes: l.filter((x) => x.categorie === 'honoraires' || x.categorie === 'ij'), total: { libelle: 'Total des recettes d’activité', cle: 'recettes' as const } },
    ...FINANCEURS.map(aides),
  ].filter((s) => s.total || s.lignes.length);
}

/** Une ligne de total par période et sur l'horizon. */
function ligneTotal(ctx: ContexteSimulation, libelle: string, formule: (col: number, ligne: number) => string, nom?: string): number {
  const { f } = ctx;
  const ligne = f.ligne++;
  f.texte(1, ligne, libelle, 'total');
  const P = ctx.plan.periodes.length;
  for (let k = 0; k <= P; k++) f.formule(colPeriode(k), ligne, formule(colPeriode(k), ligne), 'euros', 'total', k === P ? nom : undefined);
  return ligne;
}

function tableau(ctx: ContexteSimulation, ligneDates: number): LignesPlan['totaux'] {
  const { f } = ctx;
  const P = ctx.plan.periodes.length;
  const totaux = {} as LignesPlan['totaux'];
  for (const sec of sections(ctx)) {
    f.texte(1, f.ligne++, sec.titre, 'sous_titre');
    const premiere = f.ligne;
    for (const li of sec.lignes) ligneDuPlan(ctx, li, f.ligne++, ligneDates);
    if (!sec.total) continue;
    if (!sec.lignes.length) f.texte(1, f.ligne++, 'Aucune', 'note');
    const derniere = f.ligne - 1;
    const nom = sec.total.cle === 'ARS' || sec.total.cle === 'CPAM' ? `PLAN_TOTAL_${sec.total.cle}` : undefined;
    totaux[sec.total.cle] = ligneTotal(ctx, sec.total.libelle, (col) => (sec.lignes.length ? `SUM(${adresse(col, premiere)}:${adresse(col, derniere)})` : '0'), nom);
  }
  totaux.aides = ligneTotal(ctx, 'Total des aides', (col) => FINANCEURS.map((fi) => adresse(col, totaux[fi])).join('+'));
  totaux.net = ligneTotal(ctx, 'Résultat net de la période', (col) => `${adresse(col, totaux.recettes)}+${adresse(col, totaux.aides)}-${adresse(col, totaux.charges)}`);
  // Trésorerie : cumul des résultats nets ; la colonne « Total » reprend la fin de l'horizon.
  totaux.tresorerie = ligneTotal(ctx, 'Trésorerie cumulée', (col, ligne) =>
    col === colPeriode(0) ? adresse(col, totaux.net) : col === colPeriode(P) ? adresse(colPeriode(P - 1), ligne) : `${adresse(col - 1, ligne)}+${adresse(col, totaux.net)}`);
  return totaux;
}

export function blocPlan(ctx: ContexteSimulation): LignesPlan {
  const { f, plan, s } = ctx;
  const P = plan.periodes.length;
  f.texte(1, f.ligne++, 'Plan de financement', 'titre');
  f.texte(1, f.ligne++,
    `Sur ${s.simulation.horizonAnnees} an(s) : mois par mois les ${Math.min(24, plan.nbMois)} premiers mois, puis par année de simulation. Chaque aide est inscrite à sa date de versement : un mois additionne l’échéancier, une année renvoie au tableau des versements par année.`,
    'note');
  const entete = f.ligne++;
  f.entetes(entete, ['Période', ...plan.periodes.map((p) => p.libelle), 'Total']);
  const ligneDates = f.ligne++;
  f.texte(1, ligneDates, 'Début de la période', 'libelle');
  plan.periodes.forEach((p, k) => f.pose(colPeriode(k), ligneDates, { valeur: isoVersSerie(p.debut), format: 'date', style: 'calcul' }));
  const totaux = tableau(ctx, ligneDates);
  f.sauter();
  return { entete, totaux, colPeriode, colTotal: colPeriode(P) };
}

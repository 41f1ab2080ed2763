// Bloc 8 : le plan de financement, par période (24 mois puis années, sur les mêmes bornes que les
// années de simulation) : activité, charges, recettes (séries mensuelles des médecins), aides par
// financeur — un mois additionne les lignes de l'échéancier de ce mois (SUMIFS), une année renvoie à
// la cellule du tableau annuel — puis total des aides, résultat net et trésorerie cumulée ; par
// tranches de 12 périodes posées l'une sous l'autre, pour tenir lisiblement sur une page de large.
import { FINANCEURS, LIBELLES_FINANCEUR, type Financeur } from '../../rules/aides';
import { isoVersSerie } from '../../rules/dates';
import type { LignePlan, Periode } from '../../rules/plan/types';
import { adresse, lettreColonne } from '../adresses';
import type { FormatCellule } from '../description';
import { critereTexte, rendre, sommeFormules } from '../formules';
import { contexteRendu, jeton, repere, type ContexteSimulation } from './contexte';

type CleTotal = 'charges' | 'recettes' | Financeur | 'aides' | 'net' | 'tresorerie';

export interface LignesPlan {
  /** Adresse de la ligne de total `cle` à la période k (dans sa tranche). */
  cellule(cle: CleTotal, k: number): string;
}

/**
 * Le plan s'imprime lisiblement sur une page de large : ses périodes sont posées par tranches de 12
 * colonnes (mois 1 à 12, mois 13 à 24, puis les années), chaque tranche sous la précédente avec les
 * mêmes lignes ; la colonne « Total » (tout l'horizon) termine la dernière tranche.
 */
const PERIODES_PAR_TRANCHE = 12;
/** Montants du plan affichés à l'euro (12 345 €) : des colonnes étroites, lisibles à l'impression. */
const EUROS = 'euros_arrondis';

interface Tranche {
  /** Indices des périodes (dans plan.periodes), consécutifs. */
  ks: number[];
  /** Ligne des dates de début de période de la tranche. */
  ligneDates: number;
  derniere: boolean;
}

/** Colonne de la période k dans sa tranche (A porte les libellés). */
const colPeriode = (k: number) => 2 + (k % PERIODES_PAR_TRANCHE);

/** Somme de plages, une par ligne (une ligne par tranche) : SUM(B10:M10,B40:M40,B70). */
function sommeAdresses(parLigne: Map<number, number[]>): string {
  const plages = [...parLigne].map(([ligne, cols]) =>
    cols.length === 1 ? adresse(cols[0], ligne) : `${adresse(cols[0], ligne)}:${adresse(cols[cols.length - 1], ligne)}`);
  return `SUM(${plages.join(',')})`;
}

/** Cellule d'une série (activité, coût, honoraires, IJ) pour une période : formule de ses mois, ou valeur. */
function celluleSerie(ctx: ContexteSimulation, li: LignePlan, p: Periode, k: number, ligne: number, ligneDates: number): void {
  const { f } = ctx;
  const col = colPeriode(k);
  const mois = li.mois.slice(p.premierMois, p.premierMois + p.nbMois);
  const presents = mois.filter((x) => x !== null);
  if (!presents.length) return;
  const format: FormatCellule = li.id.startsWith('consultations.') ? 'consultations' : li.id === 'tarif' ? 'euros' : EUROS;
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
  ctx.f.formule(colPeriode(k), ligne, formule, EUROS);
}

/** Les lignes d'un même libellé dans chaque tranche : le total de l'horizon les additionne toutes. */
type LignesParTranche = Map<Tranche, number>;

function ligneDuPlan(ctx: ContexteSimulation, li: LignePlan, tr: Tranche, ligne: number, memes: LignesParTranche): void {
  const { f, plan } = ctx;
  f.texte(1, ligne, `${li.libelle}${li.financeur ? ` (${li.financeur})` : ''}`, 'libelle');
  for (const k of tr.ks) {
    const p = plan.periodes[k];
    if (li.categorie === 'aide') celluleAide(ctx, li, p, k, ligne);
    else celluleSerie(ctx, li, p, k, ligne, tr.ligneDates);
  }
  memes.set(tr, ligne);
  if (tr.derniere && li.id !== 'tarif') {
    const format = li.id.startsWith('consultations.') ? 'consultations' : EUROS;
    f.formule(colPeriode(tr.ks[tr.ks.length - 1]) + 1, ligne, sommeAdresses(plagesDe(memes)), format, 'total');
  }
}

/** Pour chaque tranche, sa ligne et ses colonnes de périodes. */
function plagesDe(memes: LignesParTranche): Map<number, number[]> {
  return new Map([...memes].map(([tr, ligne]) => [ligne, tr.ks.map(colPeriode)]));
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

/** Formule d'une ligne de total à la période k (cellule en colonne col, ligne ligne). */
type FormuleTotal = (col: number, ligne: number, k: number) => string;

interface EtatTotaux {
  /** Ligne de chaque total, par tranche. */
  lignes: Map<CleTotal, LignesParTranche>;
}

function ligneTotal(ctx: ContexteSimulation, tr: Tranche, etat: EtatTotaux, cle: CleTotal, libelle: string, formule: FormuleTotal, total: (memes: LignesParTranche) => string): void {
  const { f } = ctx;
  const ligne = f.ligne++;
  f.texte(1, ligne, libelle, 'total');
  for (const k of tr.ks) f.formule(colPeriode(k), ligne, formule(colPeriode(k), ligne, k), EUROS, 'total');
  const memes = etat.lignes.get(cle) ?? new Map<Tranche, number>();
  etat.lignes.set(cle, memes.set(tr, ligne));
  if (!tr.derniere) return;
  const nom = cle === 'ARS' || cle === 'CPAM' ? `PLAN_TOTAL_${cle}` : undefined;
  f.formule(colPeriode(tr.ks[tr.ks.length - 1]) + 1, ligne, total(memes), EUROS, 'total', nom);
}

/** Ligne d'un total dans la tranche courante. */
const ligneDans = (etat: EtatTotaux, cle: CleTotal, tr: Tranche) => etat.lignes.get(cle)!.get(tr)!;

function sectionsDeTranche(ctx: ContexteSimulation, tr: Tranche, etat: EtatTotaux, memes: Map<string, LignesParTranche>): void {
  const { f } = ctx;
  for (const sec of sections(ctx)) {
    f.texte(1, f.ligne++, sec.titre, 'sous_titre');
    const premiere = f.ligne;
    for (const li of sec.lignes) {
      if (!memes.has(li.id)) memes.set(li.id, new Map());
      ligneDuPlan(ctx, li, tr, f.ligne++, memes.get(li.id)!);
    }
    if (!sec.total) continue;
    if (!sec.lignes.length) f.texte(1, f.ligne++, 'Aucune', 'note');
    const derniere = f.ligne - 1;
    ligneTotal(ctx, tr, etat, sec.total.cle, sec.total.libelle,
      (col) => (sec.lignes.length ? `SUM(${adresse(col, premiere)}:${adresse(col, derniere)})` : '0'), (m) => sommeAdresses(plagesDe(m)));
  }
}

function totauxDeTranche(ctx: ContexteSimulation, tr: Tranche, etat: EtatTotaux, precedente: Tranche | null): void {
  const somme = (m: LignesParTranche) => sommeAdresses(plagesDe(m));
  const l = (cle: CleTotal) => ligneDans(etat, cle, tr);
  ligneTotal(ctx, tr, etat, 'aides', 'Total des aides', (col) => FINANCEURS.map((fi) => adresse(col, l(fi))).join('+'), somme);
  ligneTotal(ctx, tr, etat, 'net', 'Résultat net de la période', (col) => `${adresse(col, l('recettes'))}+${adresse(col, l('aides'))}-${adresse(col, l('charges'))}`, somme);
  // Trésorerie : cumul des résultats nets, d'une tranche à la suivante ; le « Total » reprend la fin de l'horizon.
  const debut = tr.ks[0];
  ligneTotal(ctx, tr, etat, 'tresorerie', 'Trésorerie cumulée', (col, ligne, k) => {
    if (k > debut) return `${adresse(col - 1, ligne)}+${adresse(col, l('net'))}`;
    if (!precedente) return adresse(col, l('net'));
    const fin = precedente.ks[precedente.ks.length - 1];
    return `${adresse(colPeriode(fin), ligneDans(etat, 'tresorerie', precedente))}+${adresse(col, l('net'))}`;
  }, () => adresse(colPeriode(tr.ks[tr.ks.length - 1]), l('tresorerie')));
}

/** En-tête et dates d'une tranche ; rend la tranche (ligne des dates posée). */
function enteteDeTranche(ctx: ContexteSimulation, ks: number[], derniere: boolean, seule: boolean): Tranche {
  const { f, plan } = ctx;
  const periodes = ks.map((k) => plan.periodes[k]);
  const [premiere, derniere_] = [periodes[0].libelle, periodes[periodes.length - 1].libelle];
  if (!seule) f.texte(1, f.ligne++, periodes.length === 1 ? premiere : `${premiere} à ${derniere_}`, 'sous_titre');
  f.entetes(f.ligne++, ['Période', ...periodes.map((p) => p.libelle), ...(derniere ? ['Total'] : [])]);
  const ligneDates = f.ligne++;
  f.texte(1, ligneDates, 'Début de la période', 'libelle');
  ks.forEach((k) => f.pose(colPeriode(k), ligneDates, { valeur: isoVersSerie(plan.periodes[k].debut), format: 'date', style: 'calcul' }));
  return { ks, ligneDates, derniere };
}

function tranches(nb: number): number[][] {
  const r: number[][] = [];
  for (let k = 0; k < nb; k += PERIODES_PAR_TRANCHE) r.push(Array.from({ length: Math.min(PERIODES_PAR_TRANCHE, nb - k) }, (_, i) => k + i));
  return r;
}

export function blocPlan(ctx: ContexteSimulation): LignesPlan {
  const { f, plan, s } = ctx;
  f.texte(1, f.ligne++, 'Plan de financement', 'titre');
  f.texte(1, f.ligne++,
    `Sur ${s.simulation.horizonAnnees} an(s) : mois par mois les ${Math.min(24, plan.nbMois)} premiers mois, puis par année de simulation, par tranches de ${PERIODES_PAR_TRANCHE} périodes. Chaque aide est inscrite à sa date de versement : un mois additionne l’échéancier, une année renvoie au tableau des versements par année.`,
    'note');
  const etat: EtatTotaux = { lignes: new Map() };
  const memes = new Map<string, LignesParTranche>();
  const groupes = tranches(plan.periodes.length);
  const parPeriode = new Map<number, Tranche>();
  let precedente: Tranche | null = null;
  groupes.forEach((ks, i) => {
    const tr = enteteDeTranche(ctx, ks, i === groupes.length - 1, groupes.length === 1);
    sectionsDeTranche(ctx, tr, etat, memes);
    totauxDeTranche(ctx, tr, etat, precedente);
    for (const k of ks) parPeriode.set(k, tr);
    precedente = tr;
    f.sauter();
  });
  return { cellule: (cle, k) => adresse(colPeriode(k), ligneDans(etat, cle, parPeriode.get(k)!)) };
}

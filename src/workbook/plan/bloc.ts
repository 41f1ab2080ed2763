// Bloc « Plan de financement » de la feuille de simulation (issue 8) : hypothèses du plan, tableau
// par période (24 mois puis années) en formules (SIP.* pour les aides, SUM pour les totaux, net et
// trésorerie cumulée), synthèse annuelle (données des graphiques), sensibilité du solde à 2 ans,
// aides exclues avec leur motif, hypothèses de calendrier. Pur : ni Office, ni exceljs.
import { Bareme, LIBELLES_STATUT } from '../../rules/bareme/types';
import { isoVersFrancais, isoVersSerie } from '../../rules/dates';
import { Decimal, ZERO } from '../../rules/decimal';
import { formatNombre } from '../../rules/format';
import {
  Financeur,
  LIBELLES_FINANCEUR,
  LignePlan,
  MOIS_DETAILLES,
  planFinancement,
  PlanFinancement,
  sensibilite,
  surPeriode,
} from '../../rules/plan-financement';
import type { BlocSupplementaire, ReferencesSimulation, ResultatBloc } from '../blocs';
import type { Cellule, FormatCellule, Graphique, StyleCellule } from '../description';
import type { Scenario } from '../../rules/scenario/types';
import { absolue, adresse, datesDe, lettreColonne, rendre, sommeFormules } from './formules';
import { DonneesGraphique } from './svg';

export const TITRE_PLAN = 'Plan de financement';
export const TITRE_GRAPHIQUE_AIDES = 'Aides par financeur et par année';
export const TITRE_GRAPHIQUE_SOLDE = 'Résultat net et trésorerie cumulée par année';
/** Taille des graphiques, en cellules (l'image de la CLI a sa taille en pixels : ./images). */
const GRAPHIQUE = { largeurColonnes: 4, hauteurLignes: 18 };

export interface BlocPlan extends ResultatBloc {
  plan: PlanFinancement;
}

class Cellules {
  readonly liste: Cellule[] = [];
  pose(col: number, ligne: number, c: Omit<Cellule, 'adresse'>): string {
    this.liste.push({ adresse: adresse(col, ligne), ...c });
    return absolue(col, ligne);
  }
  texte(col: number, ligne: number, valeur: string, style?: StyleCellule): void {
    this.pose(col, ligne, { valeur, format: 'texte', ...(style ? { style } : {}) });
  }
  nombre(col: number, ligne: number, valeur: Decimal | number, format: FormatCellule, style: StyleCellule = 'calcul'): string {
    return this.pose(col, ligne, { valeur: new Decimal(valeur).toNumber(), format, style });
  }
  formule(col: number, ligne: number, formule: string, format: FormatCellule, style: StyleCellule = 'calcul'): string {
    return this.pose(col, ligne, { formule: `=${formule}`, format, style });
  }
}

/** Années de l'horizon : colonnes de période qui les couvrent. */
function colonnesParAnnee(plan: PlanFinancement, colPeriode: (k: number) => number): { libelle: string; cols: number[] }[] {
  const annees = plan.nbMois / 12;
  return Array.from({ length: annees }, (_, a) => ({
    libelle: `Année ${a + 1}`,
    cols: plan.periodes.map((p, k) => (p.premierMois >= 12 * a && p.premierMois < 12 * (a + 1) ? colPeriode(k) : -1)).filter((c) => c > 0),
  }));
}

const plage = (cols: number[], ligne: number) =>
  cols.length === 1 ? adresse(cols[0], ligne) : `SUM(${adresse(cols[0], ligne)}:${adresse(cols[cols.length - 1], ligne)})`;

/**
 * Le bloc, à partir de la ligne `ligneDepart` (adresses absolues dans la feuille). `refs` (facultatif) :
 * cellules d'entrée de la simulation ; les hypothèses du plan y renvoient au lieu de recopier les valeurs.
 */
export function blocPlanFinancement(s: Scenario, bareme: Bareme, ligneDepart: number, refs?: ReferencesSimulation): BlocPlan {
  const plan = planFinancement(s, bareme);
  const c = new Cellules();
  let l = ligneDepart;
  c.texte(1, l++, TITRE_PLAN, 'titre');
  c.texte(1, l++,
    `Sur ${s.simulation.horizonAnnees} an(s) : mois par mois les ${Math.min(MOIS_DETAILLES, plan.nbMois)} premiers mois, puis par année. ` +
      'Chaque aide est inscrite à sa date de versement, par financeur ; les montants sont des formules SIP.* qui suivent les hypothèses ci-dessous.',
    'note');
  l++;

  // — Hypothèses du plan —
  const entrees = new Map<string, string>();
  c.texte(1, l++, 'Hypothèses du plan', 'sous_titre');
  ['Médecin', 'Quotité', 'Coût salarial mensuel', 'Honoraires mensuels saisis', 'Consultations par mois (plan)', 'Honoraires CST annuels', 'Poste « 400 postes »'].forEach((t, k) =>
    c.texte(k + 1, l, t, 'entete'));
  l++;
  const premiereLigneMedecin = l;
  s.medecins.forEach((m, i) => {
    const r = refs?.medecins[i];
    c.texte(1, l, m.libelle, 'libelle');
    const lie = (col: number, ref: string | undefined, valeur: number, format: FormatCellule) =>
      ref ? c.formule(col, l, ref, format, 'calcul') : c.pose(col, l, { valeur, format, style: 'entree' });
    entrees.set(`medecin.${i}.quotite`, lie(2, r?.quotite, m.quotite, 'nombre'));
    entrees.set(`medecin.${i}.cout`, lie(3, r?.cout, m.coutSalarialMensuel, 'euros'));
    entrees.set(`medecin.${i}.honoraires`, lie(4, r?.honoraires, m.honorairesMensuels, 'euros'));
    if (m.consultationsParMois !== undefined) entrees.set(`medecin.${i}.consultations`, c.pose(5, l, { valeur: m.consultationsParMois, format: 'consultations', style: 'entree' }));
    else c.texte(5, l, m.poste400 ? 'seuils 400 postes' : 'honoraires saisis', 'note');
    entrees.set(`medecin.${i}.honorairesCst`, c.pose(6, l, { valeur: m.honorairesCstAnnuels, format: 'euros', style: 'entree' }));
    c.pose(7, l, { valeur: m.poste400, format: 'booleen', style: 'entree' });
    l++;
  });
  if (s.medecins.some((m) => m.conges.length)) {
    ['Congé de', 'Début', 'Fin', 'Salaire chargé de la période', 'Indemnités journalières', 'Salaire maintenu'].forEach((t, k) => c.texte(k + 1, l, t, 'entete'));
    l++;
    s.medecins.forEach((m, i) =>
      m.conges.forEach((cg, j) => {
        c.texte(1, l, m.libelle, 'libelle');
        c.pose(2, l, { valeur: isoVersSerie(cg.debut), format: 'date', style: 'entree' });
        c.pose(3, l, { valeur: isoVersSerie(cg.fin), format: 'date', style: 'entree' });
        entrees.set(`conge.${i}.${j}.salaire`, c.pose(4, l, { valeur: cg.salaireCharge, format: 'euros', style: 'entree' }));
        entrees.set(`conge.${i}.${j}.ij`, c.pose(5, l, { valeur: cg.indemnitesJournalieres, format: 'euros', style: 'entree' }));
        entrees.set(`conge.${i}.${j}.maintenu`, c.pose(6, l, { valeur: cg.salaireMaintenu, format: 'booleen', style: 'entree' }));
        l++;
      }));
  }
  if (s.medecins.some((m) => m.poste400 && m.consultationsParMois === undefined)) {
    c.texte(1, l++,
      'Médecin « 400 postes » sans consultations saisies : le plan retient les seuils de la garantie (SIP.SEUIL400 : 100 puis 165 consultations par mois × quotité) × tarif daté de la consultation G, ' +
        'et non les honoraires mensuels saisis ; saisir des consultations par mois pour une autre hypothèse d’activité.',
      'note');
  }
  c.texte(1, l, 'ETP de médecins salariés', 'libelle');
  entrees.set('etp', refs?.etpTotal
    ? c.formule(2, l, refs.etpTotal, 'nombre')
    : s.medecins.length
      ? c.formule(2, l, `SUM(${adresse(2, premiereLigneMedecin)}:${adresse(2, premiereLigneMedecin + s.medecins.length - 1)})`, 'nombre')
      : c.nombre(2, l, 0, 'nombre'));
  l++;
  if (s.aci && s.aci.adhesion !== 'aucune') {
    const atteints = s.aci.indicateurs.filter((x) => x.atteint);
    const champs: [string, string, string | number | boolean, FormatCellule][] = [
      ['aci.fixes', 'ACI : points fixes des indicateurs atteints', atteints.reduce((a, x) => a + x.pointsFixes, 0), 'nombre'],
      ['aci.variables', 'ACI : points variables des indicateurs atteints', atteints.reduce((a, x) => a + x.pointsVariables, 0), 'nombre'],
      ['aci.patientele', 'ACI : patientèle médecin traitant', s.aci.patientele, 'entier'],
      ['aci.prerequis', 'ACI : indicateurs prérequis tous remplis', s.aci.indicateurs.filter((x) => x.prerequis).every((x) => x.atteint), 'booleen'],
    ];
    for (const [cle, libelle, valeur, format] of champs) {
      c.texte(1, l, libelle, 'libelle');
      entrees.set(cle, c.pose(2, l++, { valeur, format, style: 'entree' }));
    }
  }
  if (s.sip) {
    c.texte(1, l, 'SIP : montant des devis validés', 'libelle');
    entrees.set('sip.devis', c.pose(2, l++, { valeur: s.sip.montantDevis, format: 'euros', style: 'entree' }));
    c.texte(1, l, 'SIP : nombre de professionnels', 'libelle');
    entrees.set('sip.nb', c.pose(2, l++, { valeur: s.sip.nbProfessionnels, format: 'entier', style: 'entree' }));
  }

  // — Dates de lecture du barème : le début d'une période du tableau, sinon une cellule de la table des
  // dates ; ainsi chaque formule SIP.* reste un appel simple (références et nombres), que le volet sait
  // revérifier sans tableur. —
  const P = plan.periodes.length;
  const colPeriode = (k: number) => 2 + k;
  const colTotal = 2 + P;
  const colDebut = new Map(plan.periodes.map((p, k) => [p.debut, colPeriode(k)]));
  const autresDates = new Set<string>();
  for (const cal of plan.calculs) datesDe(cal.formule).forEach((x) => autresDates.add(x));
  for (const li of plan.lignes) {
    plan.periodes.forEach((p) => {
      const mois = li.mois.slice(p.premierMois, p.premierMois + p.nbMois).filter((x) => x !== null);
      // Colonne annuelle : seulement si la somme s'écrira en formule (mêmes conditions que sommeFormules).
      if (p.type === 'annee' && (mois.some((x) => !x!.formule) || new Set(mois.map((x) => JSON.stringify(x!.formule))).size > 6)) return;
      const utiles = li.id === 'tarif' ? mois.slice(0, 1) : mois;
      for (const x of utiles) if (x?.formule) datesDe(x.formule).forEach((dt) => dt !== p.debut && autresDates.add(dt));
    });
  }
  const restantes = [...autresDates].filter((x) => !colDebut.has(x)).sort();
  const PAR_LIGNE = 6;
  const lignesDates = restantes.length ? 1 + Math.ceil(restantes.length / PAR_LIGNE) : 0;
  const lignesCalculs = plan.calculs.length ? 1 + plan.calculs.length : 0;
  const ligneDatesPrevue = l + lignesDates + lignesCalculs + 2;
  const dates = new Map<string, string>();
  for (const [iso, col] of colDebut) dates.set(iso, absolue(col, ligneDatesPrevue));
  if (restantes.length) {
    c.texte(1, l++, 'Autres dates de lecture du barème (contrats)', 'entete');
    restantes.forEach((iso, k) => {
      const col = 2 + (k % PAR_LIGNE);
      if (k % PAR_LIGNE === 0 && k) l++;
      if (k % PAR_LIGNE === 0) c.texte(1, l, 'Dates', 'libelle');
      dates.set(iso, c.pose(col, l, { valeur: isoVersSerie(iso), format: 'date', style: 'calcul' }));
    });
    l++;
  }
  // — Calculs des contrats (ACI par année, aide SIP) : une cellule chacun, les versements y renvoient —
  if (plan.calculs.length) {
    c.texte(1, l++, 'Calculs des contrats', 'entete');
    for (const cal of plan.calculs) {
      c.texte(1, l, cal.libelle, 'libelle');
      const f = rendre(cal.formule, { col: 2, entrees, dates });
      entrees.set(`calcul.${cal.id}`, f ? c.formule(2, l, f, 'euros') : c.nombre(2, l, cal.valeur, 'euros'));
      l++;
    }
  }
  l++;

  // — Tableau par période —
  const ligneEntete = l;
  c.texte(1, l, 'Période', 'entete');
  plan.periodes.forEach((p, k) => c.texte(colPeriode(k), l, p.libelle, 'entete'));
  c.texte(colTotal, l, 'Total', 'entete');
  l++;
  const ligneDates = l;
  if (ligneDates !== ligneDatesPrevue) throw new Error(`Plan de financement : ligne des dates ${ligneDates} ≠ ${ligneDatesPrevue}`);
  c.texte(1, l, 'Début de la période', 'libelle');
  plan.periodes.forEach((p, k) => c.pose(colPeriode(k), l, { valeur: isoVersSerie(p.debut), format: 'date', style: 'calcul' }));
  l++;

  // Numéros de ligne de chaque ligne du plan (les formules de garantie renvoient au coût et aux honoraires du mois).
  const sections: { titre: string; lignes: LignePlan[]; total: string | null; cle: 'activite' | 'charges' | 'recettes' | Financeur }[] = [
    { titre: 'Activité', lignes: plan.lignes.filter((x) => x.categorie === 'activite'), total: null, cle: 'activite' },
    { titre: 'Charges', lignes: plan.lignes.filter((x) => x.categorie === 'cout'), total: 'Total des charges', cle: 'charges' },
    { titre: 'Recettes d’activité', lignes: plan.lignes.filter((x) => x.categorie === 'honoraires' || x.categorie === 'ij'), total: 'Total des recettes d’activité', cle: 'recettes' },
    { titre: `Aides de l’${LIBELLES_FINANCEUR.ARS}`, lignes: plan.lignes.filter((x) => x.financeur === 'ARS'), total: `Total ${LIBELLES_FINANCEUR.ARS}`, cle: 'ARS' },
    { titre: `Aides de l’${LIBELLES_FINANCEUR.CPAM}`, lignes: plan.lignes.filter((x) => x.financeur === 'CPAM'), total: `Total ${LIBELLES_FINANCEUR.CPAM}`, cle: 'CPAM' },
  ];
  const numeros = new Map<string, number>();
  const totaux = {} as Record<'activite' | 'charges' | 'recettes' | Financeur, number>;
  const affichees = sections.filter((sec) => sec.total !== null || sec.lignes.length);
  {
    let x = l;
    for (const sec of affichees) {
      x++; // titre de section
      for (const li of sec.lignes) numeros.set(li.id, x++);
      if (!sec.lignes.length) x++; // ligne « aucune »
      if (sec.total !== null) totaux[sec.cle] = x++;
    }
  }
  for (const sec of affichees) {
    c.texte(1, l++, sec.titre, 'sous_titre');
    const premiere = l;
    for (const li of sec.lignes) {
      c.texte(1, l, `${li.libelle}${li.financeur ? ` (${li.financeur === 'ARS' ? 'ARS' : 'CPAM'})` : ''}`, 'libelle');
      plan.periodes.forEach((p, k) => {
        const col = colPeriode(k);
        const debutPeriode = { iso: p.debut, cellule: `${lettreColonne(col)}$${ligneDates}` };
        const mois = li.mois.slice(p.premierMois, p.premierMois + p.nbMois).filter((x) => x !== null);
        if (!mois.length) return;
        const valeur = mois.reduce((a, x) => a.plus(x!.valeur), ZERO);
        const formules = mois.map((x) => (x!.formule ? rendre(x!.formule, { col, entrees, debutPeriode, dates, ...(p.type === 'mois' ? { lignes: numeros } : {}) }) : null));
        const format: FormatCellule = li.id.startsWith('consultations.') ? 'consultations' : 'euros';
        // Tarif : valeur du premier mois de la période (pas une somme).
        if (li.id === 'tarif') {
          const f0 = mois[0]!.formule ? rendre(mois[0]!.formule, { col, entrees, debutPeriode, dates }) : null;
          if (f0) c.formule(col, l, f0, format);
          else c.nombre(col, l, mois[0]!.valeur, format);
          return;
        }
        const f = p.type === 'mois' ? formules[0] : sommeFormules(formules);
        if (f) c.formule(col, l, f, format);
        else c.nombre(col, l, valeur, format);
      });
      if (li.id !== 'tarif') {
        c.formule(colTotal, l, `SUM(${adresse(colPeriode(0), l)}:${adresse(colPeriode(P - 1), l)})`, li.id.startsWith('consultations.') ? 'consultations' : 'euros', 'total');
      }
      l++;
    }
    if (sec.total === null) continue;
    if (!sec.lignes.length) c.texte(1, l++, 'Aucune', 'note');
    for (let k = 0; k <= P; k++) {
      const col = k < P ? colPeriode(k) : colTotal;
      c.formule(col, l, `SUM(${adresse(col, premiere)}:${adresse(col, l - 1)})`, 'euros', 'total');
    }
    c.texte(1, l++, sec.total, 'total');
  }
  const ligneAides = l++;
  const ligneNet = l++;
  const ligneTresorerie = l++;
  c.texte(1, ligneAides, 'Total des aides', 'total');
  c.texte(1, ligneNet, 'Résultat net de la période', 'total');
  c.texte(1, ligneTresorerie, 'Trésorerie cumulée', 'total');
  for (let k = 0; k <= P; k++) {
    const col = k < P ? colPeriode(k) : colTotal;
    const a = (ligne: number) => adresse(col, ligne);
    c.formule(col, ligneAides, `${a(totaux.ARS)}+${a(totaux.CPAM)}`, 'euros', 'total');
    c.formule(col, ligneNet, `${a(totaux.recettes)}+${a(ligneAides)}-${a(totaux.charges)}`, 'euros', 'total');
  }
  plan.periodes.forEach((_, k) => {
    const col = colPeriode(k);
    c.formule(col, ligneTresorerie, k === 0 ? adresse(col, ligneNet) : `${adresse(col - 1, ligneTresorerie)}+${adresse(col, ligneNet)}`, 'euros', 'total');
  });
  c.formule(colTotal, ligneTresorerie, adresse(colPeriode(P - 1), ligneTresorerie), 'euros', 'total');
  l++;

  // — Synthèse annuelle (données des graphiques) —
  const annees = colonnesParAnnee(plan, colPeriode);
  const colAnnee = (a: number) => 2 + a;
  c.texte(1, l++, 'Synthèse par année', 'sous_titre');
  const ligneSynthese = l;
  c.texte(1, l, 'Aides par année', 'entete');
  annees.forEach((an, a) => c.texte(colAnnee(a), l, an.libelle, 'entete'));
  l++;
  for (const f of ['ARS', 'CPAM'] as const) {
    c.texte(1, l, LIBELLES_FINANCEUR[f], 'libelle');
    annees.forEach((an, a) => c.formule(colAnnee(a), l, plage(an.cols, totaux[f]), 'euros'));
    l++;
  }
  const finSynthese1 = l - 1;
  const ligneSynthese2 = l;
  c.texte(1, l, 'Résultat par année', 'entete');
  annees.forEach((an, a) => c.texte(colAnnee(a), l, an.libelle, 'entete'));
  l++;
  c.texte(1, l, 'Résultat net de l’année', 'libelle');
  annees.forEach((an, a) => c.formule(colAnnee(a), l, plage(an.cols, ligneNet), 'euros'));
  l++;
  c.texte(1, l, 'Trésorerie en fin d’année', 'libelle');
  annees.forEach((an, a) => c.formule(colAnnee(a), l, adresse(an.cols[an.cols.length - 1], ligneTresorerie), 'euros'));
  const finSynthese2 = l;
  l += 2;

  // — Sensibilité —
  const moisSolde = Math.min(MOIS_DETAILLES, plan.nbMois);
  c.texte(1, l++, `Sensibilité : trésorerie cumulée à ${moisSolde} mois`, 'sous_titre');
  c.texte(1, l, 'Variation de l’entrée', 'entete');
  c.texte(2, l, 'Consultations par mois', 'entete');
  c.texte(3, l, 'Coût salarial', 'entete');
  l++;
  const consultations = sensibilite(s, bareme, 'consultations');
  const couts = sensibilite(s, bareme, 'cout');
  consultations.forEach((x, k) => {
    c.nombre(1, l, x.facteur.minus(1), 'pourcentage', 'libelle');
    c.nombre(2, l, x.solde, 'euros');
    c.nombre(3, l, couts[k].solde, 'euros');
    l++;
  });
  c.texte(1, l++,
    'Valeurs calculées par le complément à la création de la feuille (toutes choses égales par ailleurs ; la garantie « 400 postes » compense une partie de la baisse d’activité). Recréer la simulation après une modification des hypothèses.',
    'note');
  l++;

  // — Aides non retenues, hypothèses de calendrier, avertissements —
  if (plan.exclusions.length) {
    c.texte(1, l++, 'Aides non retenues', 'sous_titre');
    for (const e of plan.exclusions) {
      c.texte(1, l, e.dispositif, 'libelle');
      c.texte(2, l++, e.motif, 'note');
    }
    l++;
  }
  c.texte(1, l++, 'Hypothèses du plan et avertissements', 'sous_titre');
  for (const h of plan.hypotheses) c.texte(1, l++, `${h.statut === 'hypothese' ? 'Hypothèse' : 'À confirmer'} : ${h.texte}`, 'alerte');
  for (const a of plan.avertissements) c.texte(1, l++, a, 'alerte');
  c.texte(1, l++, 'Paramètres du barème utilisés par le plan', 'entete');
  for (const p of plan.parametres) {
    const valeur = p.valeur === null ? 'aucune' : `${formatNombre(new Decimal(p.valeur))} ${p.unite}`;
    c.texte(1, l++,
      `${p.libelle} = ${valeur}, du ${isoVersFrancais(p.du)}${p.au ? ` au ${isoVersFrancais(p.au)}` : ''} — ${p.source.document}, ${p.source.section} — ${LIBELLES_STATUT[p.statut]}`,
      p.statut === 'confirme' ? 'note' : 'alerte');
  }
  c.texte(1, l++, 'Financeurs : ARS = garantie « 400 postes », congés, aide SIP ; Assurance Maladie (CPAM) = CAI, COSCO, CST (contrats tripartites, 004 §2.1) et ACI.', 'note');
  l++;

  // — Graphiques (natifs dans le volet, image dans la CLI) —
  const derniereAnnee = lettreColonne(colAnnee(annees.length - 1));
  const ancre1 = adresse(1, l);
  const ancre2 = adresse(1 + GRAPHIQUE.largeurColonnes + 1, l);
  const graphiques: Graphique[] = [
    { type: 'colonnes_empilees', titre: TITRE_GRAPHIQUE_AIDES, donnees: `A${ligneSynthese}:${derniereAnnee}${finSynthese1}`, ancre: ancre1, largeurColonnes: GRAPHIQUE.largeurColonnes, hauteurLignes: GRAPHIQUE.hauteurLignes },
    { type: 'ligne', titre: TITRE_GRAPHIQUE_SOLDE, donnees: `A${ligneSynthese2}:${derniereAnnee}${finSynthese2}`, ancre: ancre2, largeurColonnes: GRAPHIQUE.largeurColonnes, hauteurLignes: GRAPHIQUE.hauteurLignes },
  ];
  l += GRAPHIQUE.hauteurLignes;
  return { cellules: c.liste, graphiques, lignes: l - ligneDepart, plan };
}

/** Séries des deux graphiques, calculées par le plan (mêmes chiffres que la synthèse annuelle de la feuille). */
export function donneesGraphiques(plan: PlanFinancement): DonneesGraphique[] {
  const annees = Array.from({ length: plan.nbMois / 12 }, (_, a) => ({ type: 'annee' as const, libelle: `Année ${a + 1}`, debut: plan.bornes[12 * a], premierMois: 12 * a, nbMois: 12 }));
  const categories = annees.map((a) => a.libelle);
  const parAnnee = (serie: Decimal[]) => annees.map((a) => surPeriode(serie, a).toDecimalPlaces(2).toNumber());
  return [
    {
      type: 'colonnes_empilees',
      titre: TITRE_GRAPHIQUE_AIDES,
      categories,
      series: (['ARS', 'CPAM'] as const).map((f) => ({ nom: LIBELLES_FINANCEUR[f], valeurs: parAnnee(plan.aides[f]) })),
    },
    {
      type: 'ligne',
      titre: TITRE_GRAPHIQUE_SOLDE,
      categories,
      series: [
        { nom: 'Résultat net de l’année', valeurs: parAnnee(plan.net) },
        { nom: 'Trésorerie en fin d’année', valeurs: annees.map((a) => plan.tresorerie[a.premierMois + 11].toDecimalPlaces(2).toNumber()) },
      ],
    },
  ];
}

/** Le bloc branché sur le point d'extension de la feuille de simulation (`BLOCS_SUPPLEMENTAIRES`). */
export const blocPlanDeFinancement: BlocSupplementaire = (refs, ligneDepart) => {
  const { cellules, graphiques, lignes } = blocPlanFinancement(refs.scenario, refs.bareme, ligneDepart, refs);
  return { cellules, graphiques, lignes };
};

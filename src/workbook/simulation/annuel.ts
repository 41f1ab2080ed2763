// Bloc 4 : les versements par année de simulation (année k = 12 mois à partir du début), par aide et
// par financeur : chaque cellule additionne les lignes de l'échéancier de son année (SUMIFS) ; les
// totaux de l'horizon portent les noms TOTAL_CPAM, TOTAL_ARS, TOTAL_AIDES.
import { AIDES, FINANCEURS, LIBELLES_FINANCEUR, libelleAci, type Financeur } from '../../rules/aides';
import { isoVersFrancais, isoVersSerie } from '../../rules/dates';
import { lignesAides, type LigneAides } from '../../rules/versements/vues';
import { adresse } from '../adresses';
import { critereTexte } from '../formules';
import { jeton, renvoi, repere, type ContexteSimulation } from './contexte';

interface Colonnes {
  annee: (k: number) => number;
  total: number;
  note: number;
}

function ligneAide(ctx: ContexteSimulation, c: Colonnes, l: LigneAides): number {
  const { f } = ctx;
  const ligne = f.ligne++;
  const libelle = l.aide === 'ACI' && l.medecin === undefined ? libelleAci(ctx.s.aci?.adhesion) : l.libelle;
  f.texte(1, ligne, libelle, 'libelle');
  const e = (col: 'montant' | 'cle' | 'annee') => jeton(repere.echeancier(col));
  for (let k = 0; k < ctx.livre.horizonAnnees; k++) {
    const a = f.formule(c.annee(k), ligne, `SUMIFS(${e('montant')},${e('cle')},${critereTexte(l.cle)},${e('annee')},${k + 1})`, 'euros');
    f.reperer(repere.annuel(l.cle, k), a);
  }
  f.formule(c.total, ligne, `SUM(${adresse(c.annee(0), ligne)}:${adresse(c.annee(ctx.livre.horizonAnnees - 1), ligne)})`, 'euros', 'total');
  f.texte(c.note, ligne, renvoi(ctx, AIDES[l.aide].eligibiliteDe), 'note');
  return ligne;
}

/** Une aide sans ligne de versement : non éligible (motif), ou éligible sans versement dans l'horizon. */
function ligneSansVersement(ctx: ContexteSimulation, c: Colonnes, aide: keyof typeof AIDES): void {
  const { f, livre } = ctx;
  const e = livre.eligibilite.find((x) => x.aide === aide);
  if (!e) return;
  const ligne = f.ligne++;
  f.texte(1, ligne, aide === 'ACI' ? libelleAci(ctx.s.aci?.adhesion) : AIDES[aide].court, 'libelle');
  const apres = livre.apresHorizon.find((v) => v.aide === aide);
  const nonPublie = livre.nonChiffres.find((v) => v.aide === aide);
  const texte = !e.eligible
    ? `Non éligible : ${e.motif}`
    : nonPublie
      ? `Montant non publié (paramètre ${nonPublie.parametre} du barème) : versements prévus listés après l’échéancier, hors des totaux`
      : `Aucun versement dans l’horizon${apres ? ` (premier versement le ${isoVersFrancais(apres.date)})` : ''}`;
  f.texte(2, ligne, texte, e.eligible && !nonPublie ? 'note' : 'alerte');
  f.fusion(2, ligne, c.total, ligne);
  f.texte(c.note, ligne, renvoi(ctx, e.aide), 'note');
}

function groupe(ctx: ContexteSimulation, c: Colonnes, fi: Financeur, lignes: LigneAides[]): number {
  const { f } = ctx;
  f.texte(1, f.ligne++, LIBELLES_FINANCEUR[fi], 'entete');
  const rangs: number[] = [];
  for (const aide of Object.values(AIDES).filter((a) => a.financeur === fi && a.id === a.eligibiliteDe)) {
    const siennes = lignes.filter((l) => AIDES[l.aide].eligibiliteDe === aide.id);
    if (siennes.length) siennes.forEach((l) => rangs.push(ligneAide(ctx, c, l)));
    else ligneSansVersement(ctx, c, aide.id);
  }
  const total = f.ligne++;
  f.texte(1, total, `Total ${LIBELLES_FINANCEUR[fi]}`, 'total');
  for (let k = 0; k <= ctx.livre.horizonAnnees; k++) {
    const col = k < ctx.livre.horizonAnnees ? c.annee(k) : c.total;
    const formule = rangs.length ? rangs.map((r) => adresse(col, r)).join('+') : '0';
    const a = f.formule(col, total, formule, 'euros', 'total', k === ctx.livre.horizonAnnees ? `TOTAL_${fi}` : undefined);
    f.reperer(repere.totalAnnuel(fi, k < ctx.livre.horizonAnnees ? k : 'total'), a);
  }
  return total;
}

export function blocAnnuel(ctx: ContexteSimulation): void {
  const { f, livre } = ctx;
  const H = livre.horizonAnnees;
  const c: Colonnes = { annee: (k) => 2 + k, total: 2 + H, note: 3 + H };
  f.texte(1, f.ligne++, 'Versements par année (à leur date de versement)', 'sous_titre');
  f.entetes(f.ligne, ['Aide', ...Array.from({ length: H }, (_, k) => `Année ${k + 1}`), 'Total', 'Note']);
  f.ligne++;
  f.texte(1, f.ligne, 'Du', 'libelle');
  for (let k = 0; k < H; k++) f.pose(c.annee(k), f.ligne, { valeur: isoVersSerie(livre.bornes[12 * k]), format: 'date', style: 'calcul' });
  f.ligne++;
  const lignes = lignesAides(livre, ctx.s);
  const totaux = FINANCEURS.map((fi) => groupe(ctx, c, fi, lignes.filter((l) => l.financeur === fi)));
  const l = f.ligne++;
  f.texte(1, l, 'Total des aides (CPAM + ARS)', 'total');
  for (let k = 0; k <= H; k++) {
    const col = k < H ? c.annee(k) : c.total;
    const a = f.formule(col, l, totaux.map((t) => adresse(col, t)).join('+'), 'euros', 'total', k === H ? 'TOTAL_AIDES' : undefined);
    f.reperer(repere.totalAnnuel('AIDES', k < H ? k : 'total'), a);
  }
  f.sauter();
}


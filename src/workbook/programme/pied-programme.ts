// Sous le tableau des candidatures de la feuille « Programme SIP » : totaux, synthèse, versements par
// mois et par année (formules natives sur les colonnes du tableau), règle de classement,
// interprétations, paramètres du barème et avertissements. Une cellule en formule porte aussi sa
// valeur calculée par le moteur (valeur en cache). Pur : ni Office ni exceljs.
import { LIBELLES_STATUT } from '../../rules/bareme/types';
import { isoVersFrancais } from '../../rules/dates';
import { Decimal } from '../../rules/decimal';
import type { Programme } from '../../rules/programme/types';
import type { FormatCellule, StyleCellule } from '../description';
import type { Feuille } from '../feuille';
import { CELLULES_APPEL, libelleMois } from './colonnes-programme';

const A = 1;
const B = 2;
const C = 3;
const D = 4;

/** Une formule et sa valeur en cache. */
function formule(f: Feuille, col: number, l: number, texte: string, valeur: number, format: FormatCellule, style: StyleCellule = 'calcul'): void {
  f.pose(col, l, { formule: texte, valeur, format, style });
}

const nombre = (d: Decimal) => d.toNumber();

/** « P15:P28 » → « $P$15:$P$28 ». */
const abs = (plage: string) => plage.replace(/([A-Z]+)(\d+)/g, '$$$1$$$2');

/** Ligne des totaux du tableau (ligne `rt`). */
function totaux(f: Feuille, p: Programme, plage: (col: string) => string, rt: number): void {
  const t = p.totaux;
  f.texte(B, rt, 'Total', 'total');
  f.texte(11, rt, 'demande éligible →', 'total');
  formule(f, 12, rt, `=SUMIF(${plage('K')},"éligible",${plage('L')})`, nombre(t.demandeEligible), 'euros', 'total');
  formule(f, 14, rt, `=SUM(${plage('N')})`, nombre(t.attribue), 'euros', 'total');
  formule(f, 15, rt, `=SUM(${plage('O')})`, nombre(t.parMois.reduce((s, m) => s.plus(m.convention), new Decimal(0))), 'euros', 'total');
  formule(f, 17, rt, `=SUM(${plage('Q')})`, nombre(t.parMois.reduce((s, m) => s.plus(m.solde), new Decimal(0))), 'euros', 'total');
}

/** Comptes des décisions et montants (colonne D), à partir de la ligne f.ligne. */
function synthese(f: Feuille, p: Programme, plage: (col: string) => string, rt: number): void {
  const t = p.totaux;
  f.texte(A, f.ligne++, 'Synthèse', 'sous_titre');
  const compte = (libelle: string, texte: string, valeur: number, format: FormatCellule = 'entier', style: StyleCellule = 'calcul') => {
    f.texte(A, f.ligne, libelle, 'libelle');
    formule(f, D, f.ligne++, texte, valeur, format, style);
  };
  compte('Candidatures', `=COUNTA(${plage('B')})`, t.nbCandidatures);
  compte('Financées (aide entière)', `=COUNTIF(${plage('M')},"financée")`, t.nbFinancees);
  compte('Financées partiellement', `=COUNTIF(${plage('M')},"financée partiellement*")`, t.nbPartielles);
  compte('Liste d’attente', `=COUNTIF(${plage('M')},"liste d’attente*")`, t.nbAttente);
  compte('Non éligibles', `=COUNTIF(${plage('M')},"non éligible")`, t.nbNonEligibles);
  compte('Montant attribué', `=N${rt}`, nombre(t.attribue), 'euros', 'total');
  compte('Reste de l’enveloppe', `=${CELLULES_APPEL.enveloppe}-N${rt}`, nombre(t.resteEnveloppe), 'euros', 'total');
  f.sauter();
}

/** Versements par mois (SUMIF sur les mois du tableau), puis par année (somme des mois). */
function versements(f: Feuille, p: Programme, plage: (col: string) => string): void {
  const t = p.totaux;
  f.texte(A, f.ligne++, 'Versements par mois', 'sous_titre');
  f.entetes(f.ligne++, ['Mois', 'Convention (80 %)', 'Solde (20 %)', 'Total du mois']);
  const lignesMois = new Map<string, number>();
  for (const m of t.parMois) {
    const r = f.ligne++;
    lignesMois.set(m.mois, r);
    f.texte(A, r, libelleMois(m.mois));
    formule(f, B, r, `=SUMIF(${abs(plage('P'))},A${r},${abs(plage('O'))})`, nombre(m.convention), 'euros');
    formule(f, C, r, `=SUMIF(${abs(plage('R'))},A${r},${abs(plage('Q'))})`, nombre(m.solde), 'euros');
    formule(f, D, r, `=B${r}+C${r}`, nombre(m.total), 'euros', 'total');
  }
  if (t.parMois.length === 0) f.texte(A, f.ligne++, 'aucun versement (aucune candidature financée)', 'note');
  f.sauter();
  f.texte(A, f.ligne++, 'Versements par année', 'sous_titre');
  f.entetes(f.ligne++, ['Année', 'Total de l’année']);
  for (const an of t.parAnnee) {
    const refs = t.parMois.filter((m) => m.mois.startsWith(`${an.annee}-`)).map((m) => `D${lignesMois.get(m.mois)}`);
    f.pose(A, f.ligne, { valeur: an.annee, format: 'texte' });
    formule(f, B, f.ligne++, `=SUM(${refs.join(',')})`, nombre(an.total), 'euros', 'total');
  }
  f.sauter();
}

/** Règle de classement, interprétations, paramètres du barème et avertissements : une ligne chacun. */
function textes(f: Feuille, p: Programme): void {
  const bloc = (titre: string, lignes: readonly { texte: string; style: StyleCellule }[]) => {
    f.texte(A, f.ligne++, titre, 'sous_titre');
    for (const l of lignes) f.texte(A, f.ligne++, l.texte, l.style);
  };
  const style = (statut: string): StyleCellule => (statut === 'confirme' ? 'note' : 'alerte');
  bloc('Règle de classement', p.regleClassement.map((texte) => ({ texte, style: 'note' as const })));
  f.sauter();
  bloc('Interprétations retenues', p.interpretations.map((i) => ({
    texte: `[${LIBELLES_STATUT[i.statut]}] ${i.texte} (source : ${i.source.document}, ${i.source.section})`, style: style(i.statut),
  })));
  f.sauter();
  bloc(`Paramètres du barème (lus au ${isoVersFrancais(p.appel.dateBareme)})`, p.parametres.map((par) => ({
    texte: `[${LIBELLES_STATUT[par.statut]}] ${par.id} = ${par.valeur ?? 'aucun'} ${par.unite} — ${par.libelle} (source : ${par.source.document}, ${par.source.section})`,
    style: style(par.statut),
  })));
  if (p.avertissements.length) {
    f.sauter();
    bloc('Avertissements', p.avertissements.map((texte) => ({ texte, style: 'alerte' as const })));
  }
}

/** Tout ce qui suit le tableau des candidatures (lignes `premiere` à `derniere`). */
export function piedProgramme(f: Feuille, p: Programme, premiere: number, derniere: number): void {
  const plage = (col: string) => `${col}${premiere}:${col}${derniere}`;
  const rt = derniere + 1;
  totaux(f, p, plage, rt);
  f.ligne = rt + 2;
  synthese(f, p, plage, rt);
  versements(f, p, plage);
  textes(f, p);
}

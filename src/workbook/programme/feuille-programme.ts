// La feuille « Programme SIP » décrite indépendamment de l'outil qui l'écrit (exceljs pour la CLI,
// Office.js pour le volet) : paramètres de l'appel, candidatures par rang, aides en formules
// SIP.AIDE / SIP.VERSEMENT vivantes, totaux par mois et par année en formules natives, notes.
//
// Convention : une cellule qui porte une `formule` porte aussi sa `valeur` calculée par le moteur,
// écrite comme valeur en cache (un lecteur sans le complément affiche les bons chiffres).
import { LIBELLES_STATUT } from '../../rules/bareme/types';
import { isoVersFrancais, isoVersSerie } from '../../rules/dates';
import { Decimal } from '../../rules/decimal';
import { formatEuros } from '../../rules/format';
import { LIBELLES_ACI, LIBELLES_DECISION, LigneProgramme, Programme } from '../../rules/programme/types';
import { Cellule, DescriptionFeuille, FormatCellule, StyleCellule } from '../description';

export const NOM_FEUILLE_PROGRAMME = 'Programme SIP';

const NOMS_MOIS = ['janvier', 'février', 'mars', 'avril', 'mai', 'juin', 'juillet', 'août', 'septembre', 'octobre', 'novembre', 'décembre'];

/** « 2023-11 » → « novembre 2023 ». */
export function libelleMois(mois: string): string {
  const [a, m] = mois.split('-').map(Number);
  return `${NOMS_MOIS[m - 1]} ${a}`;
}

const MOTIFS_COURTS: Record<string, string> = {
  projet_sante: 'projet de santé non validé',
  aci: 'ni adhérente ni engagée ACI',
  logiciel: 'logiciel non labellisé ANS',
  devis_nul: 'devis nul',
};

export function eligibiliteCourte(l: LigneProgramme): string {
  return l.eligible ? 'éligible' : `non éligible : ${l.motifs.map((m) => MOTIFS_COURTS[m.code]).join(', ')}`;
}

export function decisionCourte(l: LigneProgramme): string {
  if (l.decision === 'attente') return `${LIBELLES_DECISION.attente} n° ${l.rangAttente}`;
  if (l.decision === 'partielle') return `${LIBELLES_DECISION.partielle} (${formatEuros(l.montantAttribue)})`;
  return LIBELLES_DECISION[l.decision];
}

/** Colonnes du tableau des candidatures. */
const COLONNES = [
  { lettre: 'A', titre: 'Rang', largeur: 7 },
  { lettre: 'B', titre: 'MSP', largeur: 28 },
  { lettre: 'C', titre: 'Professionnels', largeur: 14 },
  { lettre: 'D', titre: 'Devis validés', largeur: 15 },
  { lettre: 'E', titre: 'Projet de santé validé', largeur: 12 },
  { lettre: 'F', titre: 'ACI', largeur: 24 },
  { lettre: 'G', titre: 'Logiciel labellisé', largeur: 11 },
  { lettre: 'H', titre: 'Zone', largeur: 7 },
  { lettre: 'I', titre: 'Maturité', largeur: 10 },
  { lettre: 'J', titre: 'Date de candidature', largeur: 13 },
  { lettre: 'K', titre: 'Éligibilité', largeur: 30 },
  { lettre: 'L', titre: 'Aide SIP (min(devis ; plafond))', largeur: 15 },
  { lettre: 'M', titre: 'Décision', largeur: 20 },
  { lettre: 'N', titre: 'Montant attribué', largeur: 15 },
  { lettre: 'O', titre: 'Versement 80 % (convention)', largeur: 15 },
  { lettre: 'P', titre: 'Mois du versement 80 %', largeur: 15 },
  { lettre: 'Q', titre: 'Solde 20 % (PV d’installation)', largeur: 15 },
  { lettre: 'R', titre: 'Mois du solde 20 %', largeur: 15 },
  { lettre: 'S', titre: 'Justification', largeur: 90 },
] as const;

const nombre = (d: Decimal) => d.toNumber();

/** Ligne des paramètres de l'appel (adresses fixes, référencées par les formules). */
export const CELLULES_APPEL = { annee: 'B5', enveloppe: 'B6', partiel: 'B7', maxSites: 'B8', dateBareme: 'B9', moisConvention: 'B10', moisSolde: 'B11' } as const;
const LIGNE_ENTETE = 14;

/** Ajout de cellules à une liste : `c` une valeur, `f` une formule et sa valeur en cache. */
function ecrivain(cellules: Cellule[]) {
  return {
    c: (adresse: string, valeur: Cellule['valeur'], format?: FormatCellule, style?: StyleCellule, extra: Partial<Cellule> = {}) => {
      cellules.push({ adresse, valeur, ...(format ? { format } : {}), ...(style ? { style } : {}), ...extra });
    },
    f: (adresse: string, formule: string, valeur: number, format: FormatCellule, style: StyleCellule = 'calcul') => {
      cellules.push({ adresse, formule, valeur, format, style });
    },
  };
}

const PREMIERE_CANDIDATURE = LIGNE_ENTETE + 1;
const REF_DATE = `$${CELLULES_APPEL.dateBareme[0]}$${CELLULES_APPEL.dateBareme.slice(1)}`;

/** Titre, paramètres de l'appel et en-têtes du tableau (lignes 1 à 14). */
function enTete(p: Programme, cellules: Cellule[], fusions: string[]): void {
  const { c } = ecrivain(cellules);
  const a = p.appel;
  c('A1', `Programme SIP ${a.annee} — candidatures, priorités, enveloppe et versements`, undefined, 'titre');
  fusions.push('A1:K1');
  c('A2', 'Aides en formules SIP.AIDE et SIP.VERSEMENT (plafond par professionnel : hypothèse du barème, à remplacer par la valeur de l’ARS) ; décisions calculées par « sip programme ».', undefined, 'note');
  fusions.push('A2:S2');

  c('A4', 'Paramètres de l’appel', undefined, 'sous_titre');
  c('A5', 'Année de l’appel', undefined, 'libelle');
  c(CELLULES_APPEL.annee, a.annee, 'texte', 'entree');
  c('A6', 'Enveloppe annuelle', undefined, 'libelle');
  c(CELLULES_APPEL.enveloppe, nombre(a.enveloppe), 'euros', 'entree', { nom: 'Programme_SIP_Enveloppe' });
  c('A7', 'Financement partiel autorisé', undefined, 'libelle');
  c(CELLULES_APPEL.partiel, a.financementPartiel, 'booleen', 'entree');
  c('A8', 'Nombre maximal de sites', undefined, 'libelle');
  c(CELLULES_APPEL.maxSites, a.maxSites ?? 'sans limite', a.maxSites === null ? 'texte' : 'entier', 'entree');
  c('A9', 'Date de lecture du barème', undefined, 'libelle');
  c(CELLULES_APPEL.dateBareme, isoVersSerie(a.dateBareme), 'date', 'entree', { nom: 'Programme_SIP_DateBareme' });
  c('A10', 'Mois de la convention (80 %)', undefined, 'libelle');
  c(CELLULES_APPEL.moisConvention, libelleMois(a.moisConvention), 'texte', 'entree');
  c('C10', a.origineCalendrier.convention === 'bareme' ? 'barème : sip.calendrier.mois_convention (001, « Contractualisation : novembre »)' : 'saisi par l’utilisateur', undefined, 'note');
  c('A11', 'Mois du solde (20 %)', undefined, 'libelle');
  c(CELLULES_APPEL.moisSolde, libelleMois(a.moisSolde), 'texte', 'entree');
  c('C11', a.origineCalendrier.solde === 'bareme' ? 'barème : sip.calendrier.mois_solde et annees_avant_solde (001, « Clôture : mai », année suivante à confirmer)' : 'saisi par l’utilisateur', undefined, 'note');

  c('A13', 'Candidatures par rang de priorité (éligibles), puis non éligibles', undefined, 'sous_titre');
  for (const col of COLONNES) c(`${col.lettre}${LIGNE_ENTETE}`, col.titre, undefined, 'entete');
}

/** Les cellules d'une candidature, à la ligne r du classeur. */
function ligneCandidature(p: Programme, l: LigneProgramme, r: number): Cellule[] {
  const cellules: Cellule[] = [];
  const { c, f } = ecrivain(cellules);
  const a = p.appel;
  const date = REF_DATE;
  const cand = l.candidature;
  c(`A${r}`, l.rang ?? '—', l.rang === null ? 'texte' : 'entier');
  c(`B${r}`, cand.nom, 'texte');
  c(`C${r}`, cand.nbProfessionnels, 'entier', 'entree');
  c(`D${r}`, cand.montantDevis, 'euros', 'entree');
  c(`E${r}`, cand.projetSanteValide, 'booleen', 'entree');
  c(`F${r}`, LIBELLES_ACI[cand.aci], 'texte', 'entree');
  c(`G${r}`, cand.logicielLabellise, 'booleen', 'entree');
  c(`H${r}`, cand.zone, 'texte', 'entree');
  c(`I${r}`, cand.maturite ?? null, 'nombre', 'entree');
  c(`J${r}`, cand.dateCandidature ? isoVersSerie(cand.dateCandidature) : null, 'date', 'entree');
  c(`K${r}`, eligibiliteCourte(l), 'texte');
  f(`L${r}`, `=SIP.AIDE(D${r},C${r},${date})`, nombre(l.aide.valeur), 'euros');
  c(`M${r}`, decisionCourte(l), 'texte');
  c(`N${r}`, nombre(l.montantAttribue), 'euros');
  const finance = l.versementConvention !== null;
  f(`O${r}`, `=SIP.VERSEMENT(N${r},1,${date})`, finance ? nombre(l.versementConvention!.valeur) : 0, 'euros');
  c(`P${r}`, finance ? libelleMois(a.moisConvention) : null, 'texte');
  f(`Q${r}`, `=SIP.VERSEMENT(N${r},2,${date})`, finance ? nombre(l.versementSolde!.valeur) : 0, 'euros');
  c(`R${r}`, finance ? libelleMois(a.moisSolde) : null, 'texte');
  c(`S${r}`, `${l.justification} — ${l.criteres}`, 'texte', 'note');
  return cellules;
}

/** Totaux, synthèse, versements, règles et paramètres, sous le tableau ; rend la dernière ligne écrite. */
function pied(p: Programme, premiere: number, derniere: number, cellules: Cellule[]): number {
  const { c, f } = ecrivain(cellules);
  const a = p.appel;
  const t = p.totaux;
  const rt = derniere + 1;
  const plage = (col: string) => `${col}${premiere}:${col}${derniere}`;
  c(`B${rt}`, 'Total', undefined, 'total');
  f(`L${rt}`, `=SUMIF(${plage('K')},"éligible",${plage('L')})`, nombre(t.demandeEligible), 'euros', 'total');
  c(`K${rt}`, 'demande éligible →', 'texte', 'total');
  f(`N${rt}`, `=SUM(${plage('N')})`, nombre(t.attribue), 'euros', 'total');
  f(`O${rt}`, `=SUM(${plage('O')})`, nombre(t.parMois.reduce((s, m) => s.plus(m.convention), new Decimal(0))), 'euros', 'total');
  f(`Q${rt}`, `=SUM(${plage('Q')})`, nombre(t.parMois.reduce((s, m) => s.plus(m.solde), new Decimal(0))), 'euros', 'total');

  let r = rt + 2;
  c(`A${r}`, 'Synthèse', undefined, 'sous_titre');
  r++;
  const compte = (libelle: string, critere: string, valeur: number) => {
    c(`A${r}`, libelle, undefined, 'libelle');
    f(`D${r}`, `=COUNTIF(${plage('M')},"${critere}")`, valeur, 'entier');
    r++;
  };
  c(`A${r}`, 'Candidatures', undefined, 'libelle');
  f(`D${r}`, `=COUNTA(${plage('B')})`, t.nbCandidatures, 'entier');
  r++;
  compte('Financées (aide entière)', 'financée', t.nbFinancees);
  compte('Financées partiellement', 'financée partiellement*', t.nbPartielles);
  compte('Liste d’attente', 'liste d’attente*', t.nbAttente);
  compte('Non éligibles', 'non éligible', t.nbNonEligibles);
  c(`A${r}`, 'Montant attribué', undefined, 'libelle');
  f(`D${r}`, `=N${rt}`, nombre(t.attribue), 'euros', 'total');
  r++;
  c(`A${r}`, 'Reste de l’enveloppe', undefined, 'libelle');
  f(`D${r}`, `=${CELLULES_APPEL.enveloppe}-N${rt}`, nombre(t.resteEnveloppe), 'euros', 'total');
  r += 2;

  c(`A${r}`, 'Versements par mois', undefined, 'sous_titre');
  r++;
  c(`A${r}`, 'Mois', undefined, 'entete');
  c(`B${r}`, 'Convention (80 %)', undefined, 'entete');
  c(`C${r}`, 'Solde (20 %)', undefined, 'entete');
  c(`D${r}`, 'Total du mois', undefined, 'entete');
  r++;
  const lignesMois = new Map<string, number>();
  for (const m of t.parMois) {
    lignesMois.set(m.mois, r);
    c(`A${r}`, libelleMois(m.mois), 'texte');
    f(`B${r}`, `=SUMIF(${abs(plage('P'))},A${r},${abs(plage('O'))})`, nombre(m.convention), 'euros');
    f(`C${r}`, `=SUMIF(${abs(plage('R'))},A${r},${abs(plage('Q'))})`, nombre(m.solde), 'euros');
    f(`D${r}`, `=B${r}+C${r}`, nombre(m.total), 'euros', 'total');
    r++;
  }
  if (t.parMois.length === 0) {
    c(`A${r}`, 'aucun versement (aucune candidature financée)', undefined, 'note');
    r++;
  }
  r++;
  c(`A${r}`, 'Versements par année', undefined, 'sous_titre');
  r++;
  c(`A${r}`, 'Année', undefined, 'entete');
  c(`B${r}`, 'Total de l’année', undefined, 'entete');
  r++;
  for (const an of t.parAnnee) {
    const refs = t.parMois.filter((m) => m.mois.startsWith(`${an.annee}-`)).map((m) => `D${lignesMois.get(m.mois)}`);
    c(`A${r}`, an.annee, 'texte');
    f(`B${r}`, `=SUM(${refs.join(',')})`, nombre(an.total), 'euros', 'total');
    r++;
  }
  r++;

  c(`A${r}`, 'Règle de classement', undefined, 'sous_titre');
  r++;
  for (const ligne of p.regleClassement) {
    c(`A${r}`, ligne, undefined, 'note');
    r++;
  }
  r++;
  c(`A${r}`, 'Interprétations retenues', undefined, 'sous_titre');
  r++;
  for (const i of p.interpretations) {
    c(`A${r}`, `[${LIBELLES_STATUT[i.statut]}] ${i.texte} (source : ${i.source.document}, ${i.source.section})`, undefined, i.statut === 'confirme' ? 'note' : 'alerte');
    r++;
  }
  r++;
  c(`A${r}`, `Paramètres du barème (lus au ${isoVersFrancais(a.dateBareme)})`, undefined, 'sous_titre');
  r++;
  for (const par of p.parametres) {
    c(`A${r}`, `[${LIBELLES_STATUT[par.statut]}] ${par.id} = ${par.valeur ?? 'aucun'} ${par.unite} — ${par.libelle} (source : ${par.source.document}, ${par.source.section})`, undefined, par.statut === 'confirme' ? 'note' : 'alerte');
    r++;
  }
  if (p.avertissements.length) {
    r++;
    c(`A${r}`, 'Avertissements', undefined, 'sous_titre');
    r++;
    for (const av of p.avertissements) {
      c(`A${r}`, av, undefined, 'alerte');
      r++;
    }
  }
  return r - 1;
}

/** La feuille, ses cellules en flux : une candidature n'est mise en cellules qu'au moment d'être lue. */
export type DescriptionEnFlux = Omit<DescriptionFeuille, 'cellules'> & { cellules: Iterable<Cellule> };

/**
 * La feuille « Programme SIP » dont les cellules sont produites ligne par ligne, dans l'ordre des
 * lignes (pour l'écriture en flux de 100 000 candidatures) ; mêmes cellules que decrireFeuilleProgramme.
 */
export function feuilleProgrammeEnFlux(p: Programme): DescriptionEnFlux {
  const avant: Cellule[] = [];
  const fusions: string[] = [];
  enTete(p, avant, fusions);
  const derniere = PREMIERE_CANDIDATURE + Math.max(p.lignes.length, 1) - 1;
  const apres: Cellule[] = [];
  const fin = pied(p, PREMIERE_CANDIDATURE, derniere, apres);
  function* cellules(): Generator<Cellule> {
    yield* avant;
    for (let i = 0; i < p.lignes.length; i++) yield* ligneCandidature(p, p.lignes[i], PREMIERE_CANDIDATURE + i);
    yield* apres;
  }
  return {
    nom: NOM_FEUILLE_PROGRAMME,
    plage: `A1:S${fin}`,
    colonnes: COLONNES.map((col) => ({ lettre: col.lettre, largeur: col.largeur })),
    cellules: { [Symbol.iterator]: cellules },
    fusions,
    graphiques: [],
  };
}

export function decrireFeuilleProgramme(p: Programme): DescriptionFeuille {
  const d = feuilleProgrammeEnFlux(p);
  return { ...d, cellules: [...d.cellules] };
}

/** « P15:P28 » → « $P$15:$P$28 ». */
function abs(plage: string): string {
  return plage.replace(/([A-Z]+)(\d+)/g, '$$$1$$$2');
}

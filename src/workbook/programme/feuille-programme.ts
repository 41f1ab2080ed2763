// La feuille « Programme SIP » décrite sur le constructeur commun (Feuille), indépendamment de l'outil
// qui l'écrit (exceljs pour la CLI, Office.js pour le volet) : paramètres de l'appel, candidatures par
// rang, aides en formules SIP.AIDE / SIP.VERSEMENT vivantes, totaux par mois et par année en formules
// natives, notes ; mise en page à l'impression (A4 paysage, une page de large, titres du tableau
// répétés, l'appel et son enveloppe en en-tête).
//
// Convention : une cellule qui porte une `formule` porte aussi sa `valeur` calculée par le moteur,
// écrite comme valeur en cache (un lecteur sans le complément affiche les bons chiffres).
// Les lignes des candidatures ne sont mises en cellules qu'au moment d'être écrites (100 000 lignes).
import { isoVersSerie } from '../../rules/dates';
import { Decimal } from '../../rules/decimal';
import { formatEuros } from '../../rules/format';
import { LIBELLES_ACI, type LigneProgramme, type Programme } from '../../rules/programme/types';
import { colonneDe, ligneDe } from '../adresses';
import type { Cellule, DescriptionEnFlux, DescriptionFeuille, FormatCellule, StyleCellule } from '../description';
import { Feuille } from '../feuille';
import { miseEnPageA4 } from '../impression';
import {
  CELLULES_APPEL, COLONNES, eligibiliteCourte, decisionCourte, LARGEUR_MAX_LIBELLES, libelleMois, LIGNE_ENTETE, NOM_FEUILLE_PROGRAMME, PREMIERE_CANDIDATURE,
} from './colonnes-programme';
import { piedProgramme } from './pied-programme';

export { CELLULES_APPEL, decisionCourte, eligibiliteCourte, libelleMois, NOM_FEUILLE_PROGRAMME } from './colonnes-programme';
export type { DescriptionEnFlux } from '../description';

const nombre = (d: Decimal) => d.toNumber();
const REF_DATE = `$${CELLULES_APPEL.dateBareme[0]}$${CELLULES_APPEL.dateBareme.slice(1)}`;

/** Titre, paramètres de l'appel et titres du tableau (lignes 1 à 14). */
function enTete(f: Feuille, p: Programme): void {
  const a = p.appel;
  const en = (adr: string, c: Omit<Cellule, 'adresse'>) => f.pose(colonneDe(adr), ligneDe(adr), c);
  f.texte(1, 1, `Programme SIP ${a.annee} — candidatures, priorités, enveloppe et versements`, 'titre');
  f.fusion(1, 1, 11, 1);
  f.texte(1, 2, 'Aides en formules SIP.AIDE et SIP.VERSEMENT (plafond par professionnel : hypothèse du barème, à remplacer par la valeur de l’ARS) ; décisions calculées par « sip programme ».', 'note');
  f.fusion(1, 2, COLONNES.length, 2);
  f.texte(1, 4, 'Paramètres de l’appel', 'sous_titre');
  const parametre = (adr: string, libelle: string, c: Omit<Cellule, 'adresse'>) => {
    f.texte(1, ligneDe(adr), libelle, 'libelle');
    en(adr, { style: 'entree', ...c });
  };
  parametre(CELLULES_APPEL.annee, 'Année de l’appel', { valeur: a.annee, format: 'texte' });
  parametre(CELLULES_APPEL.enveloppe, 'Enveloppe annuelle', { valeur: nombre(a.enveloppe), format: 'euros', nom: 'Programme_SIP_Enveloppe' });
  parametre(CELLULES_APPEL.partiel, 'Financement partiel autorisé', { valeur: a.financementPartiel, format: 'booleen' });
  parametre(CELLULES_APPEL.maxSites, 'Nombre maximal de sites', { valeur: a.maxSites ?? 'sans limite', format: a.maxSites === null ? 'texte' : 'entier' });
  parametre(CELLULES_APPEL.dateBareme, 'Date de lecture du barème', { valeur: isoVersSerie(a.dateBareme), format: 'date', nom: 'Programme_SIP_DateBareme' });
  parametre(CELLULES_APPEL.moisConvention, 'Mois de la convention (80 %)', { valeur: libelleMois(a.moisConvention), format: 'texte' });
  f.texte(3, 10, a.origineCalendrier.convention === 'bareme' ? 'barème : sip.calendrier.mois_convention (001, « Contractualisation : novembre »)' : 'saisi par l’utilisateur', 'note');
  parametre(CELLULES_APPEL.moisSolde, 'Mois du solde (20 %)', { valeur: libelleMois(a.moisSolde), format: 'texte' });
  f.texte(3, 11, a.origineCalendrier.solde === 'bareme' ? 'barème : sip.calendrier.mois_solde et annees_avant_solde (001, « Clôture : mai », année suivante à confirmer)' : 'saisi par l’utilisateur', 'note');
  f.texte(1, 13, 'Candidatures par rang de priorité (éligibles), puis non éligibles', 'sous_titre');
  f.entetes(LIGNE_ENTETE, COLONNES.map((c) => c.titre));
}

/**
 * Les cellules d'une candidature, à la ligne r du classeur, dans l'ordre des colonnes. Toutes
 * renvoyées à la ligne et alignées en haut : la justification (colonne S) fait la hauteur de la ligne.
 */
function ligneCandidature(p: Programme, l: LigneProgramme, r: number): Cellule[] {
  const cellules: Cellule[] = [];
  const c = (col: string, valeur: Cellule['valeur'], format?: FormatCellule, style?: StyleCellule) =>
    cellules.push({ adresse: `${col}${r}`, valeur, ...(format ? { format } : {}), ...(style ? { style } : {}), renvoi: true });
  const f = (col: string, formule: string, valeur: number) => cellules.push({ adresse: `${col}${r}`, formule, valeur, format: 'euros', style: 'calcul', renvoi: true });
  const a = p.appel;
  const cand = l.candidature;
  const finance = l.versementConvention !== null;
  c('A', l.rang ?? '—', l.rang === null ? 'texte' : 'entier');
  c('B', cand.nom, 'texte');
  c('C', cand.nbProfessionnels, 'entier', 'entree');
  c('D', cand.montantDevis, 'euros', 'entree');
  c('E', cand.projetSanteValide, 'booleen', 'entree');
  c('F', LIBELLES_ACI[cand.aci], 'texte', 'entree');
  c('G', cand.logicielLabellise, 'booleen', 'entree');
  c('H', cand.zone, 'texte', 'entree');
  c('I', cand.maturite ?? null, 'nombre', 'entree');
  c('J', cand.dateCandidature ? isoVersSerie(cand.dateCandidature) : null, 'date', 'entree');
  c('K', eligibiliteCourte(l), 'texte');
  f('L', `=SIP.AIDE(D${r},C${r},${REF_DATE})`, nombre(l.aide.valeur));
  c('M', decisionCourte(l), 'texte');
  c('N', nombre(l.montantAttribue), 'euros');
  f('O', `=SIP.VERSEMENT(N${r},1,${REF_DATE})`, finance ? nombre(l.versementConvention!.valeur) : 0);
  c('P', finance ? libelleMois(a.moisConvention) : null, 'texte');
  f('Q', `=SIP.VERSEMENT(N${r},2,${REF_DATE})`, finance ? nombre(l.versementSolde!.valeur) : 0);
  c('R', finance ? libelleMois(a.moisSolde) : null, 'texte');
  c('S', `${l.justification} — ${l.criteres}`, 'texte', 'note');
  return cellules;
}

export interface OptionsProgramme {
  /** Date de génération AAAA-MM-JJ (pied de page imprimé) ; par défaut aujourd'hui. */
  dateGeneration?: string;
}

const aujourdhui = () => {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
};

/** La feuille construite : en-tête, lignes des candidatures réservées (produites à l'écriture), pied. */
function construire(p: Programme, o: OptionsProgramme): Feuille {
  const f = new Feuille();
  enTete(f, p);
  const nombreLignes = Math.max(p.lignes.length, 1);
  f.reserverLignes({ premiere: PREMIERE_CANDIDATURE, nombre: p.lignes.length, derniereColonne: COLONNES.length, produire: (k) => ligneCandidature(p, p.lignes[k], PREMIERE_CANDIDATURE + k) });
  piedProgramme(f, p, PREMIERE_CANDIDATURE, PREMIERE_CANDIDATURE + nombreLignes - 1);
  COLONNES.forEach((c, k) => f.largeur(k + 1, c.largeur));
  f.ajusterLargeur(1, LARGEUR_MAX_LIBELLES);
  const a = p.appel;
  f.imprimer(miseEnPageA4({
    titre: `Programme SIP ${a.annee}`,
    sujet: `Appel ${a.annee} — enveloppe annuelle ${formatEuros(a.enveloppe)}`,
    dateGeneration: o.dateGeneration ?? aujourdhui(),
    lignesTitres: `${LIGNE_ENTETE}:${LIGNE_ENTETE}`,
  }));
  return f;
}

/**
 * La feuille « Programme SIP » dont les cellules sont produites ligne par ligne, dans l'ordre des
 * lignes (pour l'écriture en flux de 100 000 candidatures) ; mêmes cellules que decrireFeuilleProgramme.
 */
export function feuilleProgrammeEnFlux(p: Programme, o: OptionsProgramme = {}): DescriptionEnFlux {
  return construire(p, o).descriptionEnFlux(NOM_FEUILLE_PROGRAMME, { textesLongsJusqua: COLONNES.length });
}

export function decrireFeuilleProgramme(p: Programme, o: OptionsProgramme = {}): DescriptionFeuille {
  return construire(p, o).description(NOM_FEUILLE_PROGRAMME, { textesLongsJusqua: COLONNES.length });
}

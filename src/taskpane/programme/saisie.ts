// État du volet « Programme SIP » (paramètres de l'appel, candidatures saisies dans le volet) et
// calcul en direct par le moteur pur (src/rules/programme) : aucune règle ici, seulement la lecture
// des saisies françaises et la mise en forme des erreurs telles que le moteur les rapporte.
import type { Bareme } from '../../rules/bareme/types';
import { ErreurRegle } from '../../rules/erreurs';
import { calculerProgramme } from '../../rules/programme/programme';
import { CandidatureBrute, CHAMPS, Champ, ErreurCandidatures, ErreurChamp, lireCandidatures } from '../../rules/programme/lecture';
import type { ParametresAppel, Programme } from '../../rules/programme/types';
import { lireNombreFr } from '../nombres';
import { LIBELLES_CHAMPS } from './tableau-candidatures';

export interface AppelSaisi {
  annee: string;
  /** Enveloppe annuelle en euros, saisie à la française (« 250 000 »). */
  enveloppe: string;
  financementPartiel: boolean;
  /** Vide : sans limite. */
  maxSites: string;
}

export type ChampAppel = 'annee' | 'enveloppe' | 'maxSites';

export const LIBELLES_APPEL: Record<ChampAppel, string> = {
  annee: 'Année de l’appel',
  enveloppe: 'Enveloppe annuelle',
  maxSites: 'Nombre maximal de sites financés',
};

export function appelInitial(aujourdhui: string): AppelSaisi {
  return { annee: aujourdhui.slice(0, 4), enveloppe: '', financementPartiel: false, maxSites: '' };
}

/** Paramètres de l'appel, ou les messages des champs invalides (libellé, attendu, reçu). */
export function lireAppel(a: AppelSaisi): { parametres: ParametresAppel | null; erreurs: Partial<Record<ChampAppel, string>> } {
  const erreurs: Partial<Record<ChampAppel, string>> = {};
  const recu = (t: string) => `reçu : « ${t.trim()} »`;
  const annee = lireNombreFr(a.annee);
  if (a.annee.trim() === '') erreurs.annee = `${LIBELLES_APPEL.annee} : obligatoire (entier entre 2000 et 2100)`;
  else if (annee === null || !Number.isInteger(annee) || annee < 2000 || annee > 2100) erreurs.annee = `${LIBELLES_APPEL.annee} : entier entre 2000 et 2100 attendu (${recu(a.annee)})`;
  const texteEnveloppe = a.enveloppe.replace(/[\s\u00a0\u202f€]/g, '').replace(',', '.');
  if (a.enveloppe.trim() === '') erreurs.enveloppe = `${LIBELLES_APPEL.enveloppe} : obligatoire (montant en euros, ex. 250 000)`;
  else if (!/^\d+(\.\d{1,2})?$/.test(texteEnveloppe)) erreurs.enveloppe = `${LIBELLES_APPEL.enveloppe} : montant en euros ≥ 0, au centime près, attendu (${recu(a.enveloppe)})`;
  const maxSites = a.maxSites.trim() === '' ? null : lireNombreFr(a.maxSites);
  if (a.maxSites.trim() !== '' && (maxSites === null || !Number.isInteger(maxSites) || maxSites < 1)) {
    erreurs.maxSites = `${LIBELLES_APPEL.maxSites} : entier ≥ 1 attendu, ou vide pour sans limite (${recu(a.maxSites)})`;
  }
  if (Object.keys(erreurs).length) return { parametres: null, erreurs };
  return { parametres: { annee: annee as number, enveloppe: texteEnveloppe, financementPartiel: a.financementPartiel, maxSites }, erreurs };
}

/** Une candidature saisie dans le volet : du texte tel que tapé, lu par le moteur (lireCandidatures). */
export interface CandidatureSaisie {
  id: number;
  nom: string;
  nbProfessionnels: string;
  montantDevis: string;
  projetSanteValide: boolean;
  /** « adherent » | « engagement » | « non », ou vide (à choisir). */
  aci: string;
  logicielLabellise: boolean;
  /** ZIP | ZAC | QPV | HZ, ou vide (à choisir). */
  zone: string;
  maturite: string;
  /** JJ/MM/AAAA (ou AAAA-MM-JJ), facultative. */
  dateCandidature: string;
}

export function nouvelleCandidature(id: number): CandidatureSaisie {
  return { id, nom: '', nbProfessionnels: '', montantDevis: '', projetSanteValide: false, aci: '', logicielLabellise: false, zone: '', maturite: '', dateCandidature: '' };
}

export const lieuSaisie = (i: number) => `candidature n° ${i + 1} du volet`;

/** Une ligne dont tous les textes sont vides est ignorée (comme une ligne vide d'un tableau). */
const estVide = (c: CandidatureSaisie) => [c.nom, c.nbProfessionnels, c.montantDevis, c.maturite, c.dateCandidature, c.aci, c.zone].every((t) => t.trim() === '');

export function brutesDeLaSaisie(lignes: readonly CandidatureSaisie[]): CandidatureBrute[] {
  const brutes: CandidatureBrute[] = [];
  lignes.forEach((c, i) => {
    if (estVide(c)) return;
    const valeurs: Partial<Record<Champ, unknown>> = {};
    for (const champ of CHAMPS) valeurs[champ] = c[champ];
    brutes.push({ lieu: lieuSaisie(i), valeurs, nomsChamps: LIBELLES_CHAMPS });
  });
  return brutes;
}

export type Calcul =
  | { statut: 'ok'; programme: Programme }
  /** Rien à classer encore. */
  | { statut: 'vide' }
  /** Paramètres de l'appel à corriger (messages par champ). */
  | { statut: 'appel'; erreurs: Partial<Record<ChampAppel, string>> }
  /** Candidatures invalides : toutes les erreurs, comme le moteur les rapporte (ligne, champ, attendu). */
  | { statut: 'candidatures'; erreurs: ErreurChamp[] }
  /** Autre refus du moteur (barème, calendrier…), message français. */
  | { statut: 'erreur'; message: string };

/** Le programme de l'année en direct : aucune sortie partielle si une candidature est invalide. */
export function calculer(bareme: Bareme, brutes: readonly CandidatureBrute[], appel: AppelSaisi): Calcul {
  let candidatures;
  try {
    if (brutes.length === 0) return { statut: 'vide' };
    candidatures = lireCandidatures(brutes);
  } catch (e) {
    if (e instanceof ErreurCandidatures) return { statut: 'candidatures', erreurs: e.erreurs };
    throw e;
  }
  const { parametres, erreurs } = lireAppel(appel);
  if (!parametres) return { statut: 'appel', erreurs };
  try {
    return { statut: 'ok', programme: calculerProgramme(bareme, candidatures, parametres) };
  } catch (e) {
    if (e instanceof ErreurRegle || e instanceof ErreurCandidatures) return { statut: 'erreur', message: e.message };
    throw e;
  }
}

/** Groupes de trois chiffres (« 250000 » → « 250 000 », « 1234,5 » → « 1 234,5 ») ; texte inchangé s'il n'est pas un montant. */
export function grouperMontant(texte: string): string {
  const t = texte.replace(/[\s\u00a0\u202f€]/g, '').replace('.', ',');
  const m = /^(\d+)(,\d{0,2})?$/.exec(t);
  if (!m) return texte;
  const entier = m[1].replace(/^0+(?=\d)/, '');
  return `${entier.replace(/\B(?=(\d{3})+(?!\d))/g, ' ')}${m[2] ?? ''}`;
}

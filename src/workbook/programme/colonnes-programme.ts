// Ce que partagent les parties de la feuille « Programme SIP » : colonnes du tableau des candidatures
// (titre, largeur), adresses des paramètres de l'appel, libellés courts. Pur : ni Office ni exceljs.
import { formatEuros } from '../../rules/format';
import { LIBELLES_DECISION, type LigneProgramme } from '../../rules/programme/types';

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

/**
 * Colonnes du tableau des candidatures : titre et largeur (caractères). Les textes longs (ACI,
 * éligibilité, décision) sont renvoyés à la ligne dans leur colonne ; la justification, la plus longue,
 * a la seule colonne large (S). La colonne A porte aussi les libellés des paramètres de l'appel et de
 * la synthèse : sa largeur suit le plus long (ajusterLargeur).
 */
export const COLONNES = [
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
  { lettre: 'K', titre: 'Éligibilité', largeur: 28 },
  { lettre: 'L', titre: 'Aide SIP (min(devis ; plafond))', largeur: 15 },
  { lettre: 'M', titre: 'Décision', largeur: 22 },
  { lettre: 'N', titre: 'Montant attribué', largeur: 15 },
  { lettre: 'O', titre: 'Versement 80 % (convention)', largeur: 15 },
  { lettre: 'P', titre: 'Mois du versement 80 %', largeur: 15 },
  { lettre: 'Q', titre: 'Solde 20 % (PV d’installation)', largeur: 15 },
  { lettre: 'R', titre: 'Mois du solde 20 %', largeur: 15 },
  { lettre: 'S', titre: 'Justification', largeur: 80 },
] as const;

/** Largeur maximale de la colonne A (libellés des paramètres et de la synthèse). */
export const LARGEUR_MAX_LIBELLES = 34;

/** Paramètres de l'appel (adresses fixes, référencées par les formules). */
export const CELLULES_APPEL = { annee: 'B5', enveloppe: 'B6', partiel: 'B7', maxSites: 'B8', dateBareme: 'B9', moisConvention: 'B10', moisSolde: 'B11' } as const;

/** Ligne des titres du tableau (répétée en haut de chaque page imprimée), puis première candidature. */
export const LIGNE_ENTETE = 14;
export const PREMIERE_CANDIDATURE = LIGNE_ENTETE + 1;

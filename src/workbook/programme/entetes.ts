// En-têtes français du tableau des candidatures SIP, communs à la lecture d'un classeur (CLI,
// exceljs) et à celle de la feuille active (volet, Office.js). Pur : ni Office ni exceljs.
import { Champ } from '../../rules/programme/lecture';

/** Comparaison des en-têtes sans accents, casse, ponctuation, « € » ni parenthèses. */
export const normaliserEntete = (t: string) =>
  t
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/€|\beur\b|\(.*?\)/g, ' ')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();

/** En-têtes acceptés pour chaque champ (comparés sans accents, casse ni ponctuation). */
export const ENTETES: Record<Champ, string[]> = {
  nom: ['MSP', 'Nom', 'Nom de la MSP', 'Maison de santé', 'Candidat', 'nom'],
  nbProfessionnels: ['Professionnels', 'Nb professionnels', 'Nombre de professionnels', 'nbProfessionnels'],
  montantDevis: ['Devis validés', 'Devis', 'Montant des devis', 'Montant des devis validés', 'montantDevis'],
  projetSanteValide: ['Projet de santé validé', 'Projet de santé', 'projetSanteValide'],
  aci: ['ACI', 'Statut ACI', 'Adhésion ACI', 'aci'],
  logicielLabellise: ['Logiciel labellisé', 'Logiciel labellisé ANS', 'Logiciel', 'logicielLabellise'],
  zone: ['Zone', 'Zonage', 'zone'],
  maturite: ['Maturité', 'Score de maturité', 'Niveau de maturité', 'maturite'],
  dateCandidature: ['Date de candidature', 'Date de dépôt', 'Date', 'dateCandidature'],
};

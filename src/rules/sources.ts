// La bibliographie : chaque source citée par le barème, les règles et les messages, avec son titre,
// son éditeur, sa date et son adresse publique quand elle est connue (données :
// src/rules/bareme/sources.json). Un utilisateur voit une source par son titre court et sa section
// (« Politique régionale des centres de santé, ARS Bretagne, §2.1 »), jamais par un code.
import donnees from './bareme/sources.json';
import type { Source } from './bareme/types';

export type NatureSource = 'document_projet' | 'texte_officiel' | 'page_officielle' | 'source_secondaire' | 'interpretation';

export const LIBELLES_NATURE_SOURCE: Record<NatureSource, string> = {
  document_projet: 'document source du projet',
  texte_officiel: 'texte officiel',
  page_officielle: 'page d’un organisme public',
  source_secondaire: 'source secondaire',
  interpretation: 'interprétation du simulateur',
};

export interface SourceBibliographique {
  id: string;
  /** Anciens codes acceptés (« 004 » pour la politique régionale des centres de santé). */
  alias?: string[];
  nature: NatureSource;
  titre: string;
  titreCourt: string;
  editeur: string;
  /** AAAA, AAAA-MM ou AAAA-MM-JJ ; null si non datée. */
  date: string | null;
  /** Adresse publique (URL) si elle est connue avec certitude, sinon null. */
  adresse: string | null;
  /** Nom du fichier dans ../shared/sources/ pour les documents du projet. */
  fichier?: string;
  note?: string;
}

export const BIBLIOGRAPHIE: readonly SourceBibliographique[] = (donnees as unknown as { sources: SourceBibliographique[] }).sources;

const PAR_ID = new Map<string, SourceBibliographique>();
for (const s of BIBLIOGRAPHIE) {
  PAR_ID.set(s.id, s);
  for (const a of s.alias ?? []) PAR_ID.set(a, s);
}

/** L'entrée de la bibliographie d'un identifiant (ou d'un ancien code), ou undefined. */
export function sourceDe(id: string): SourceBibliographique | undefined {
  return PAR_ID.get(id);
}

/** Date d'une entrée en clair : 2017, 06/2024, 15/10/2025. */
export function dateSource(date: string | null): string {
  if (!date) return 'non datée';
  const [a, m, j] = date.split('-');
  return j ? `${j}/${m}/${a}` : m ? `${m}/${a}` : a;
}

/**
 * Texte court d'une source pour un message, une note de feuille ou une explication :
 * « Politique régionale des centres de santé, ARS Bretagne, §2.1 Contrat d'aide à l'installation (CAI) ».
 * Une source inconnue de la bibliographie (saisie par un utilisateur) est citée telle quelle.
 */
export function texteSource(source: Source): string {
  const s = sourceDe(source.document);
  const section = source.section.trim();
  if (!s) return [source.document, section].filter((x) => x).join(', ');
  if (s.nature === 'interpretation') return section ? `${s.titreCourt} : ${section}` : s.titreCourt;
  return [s.titreCourt, s.editeur, section].filter((x) => x).join(', ');
}

/** Notice complète d'une entrée : titre, éditeur, date, nature, adresse. */
export function noticeSource(s: SourceBibliographique): string {
  const morceaux = [s.titre, s.editeur, dateSource(s.date), LIBELLES_NATURE_SOURCE[s.nature]];
  if (s.fichier) morceaux.push(`fichier du projet ${s.fichier}`);
  return `${morceaux.join(', ')}${s.adresse ? ` — ${s.adresse}` : ''}`;
}

/** Texte complet d'une source citée : notice de l'entrée, puis la section. */
export function texteSourceComplet(source: Source): string {
  const s = sourceDe(source.document);
  if (!s) return texteSource(source);
  return `${noticeSource(s)}${source.section.trim() ? ` — ${source.section.trim()}` : ''}`;
}

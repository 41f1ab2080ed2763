// Nom de feuille donné par l'utilisateur (--feuille) : règles d'Excel, messages français.
import { caractereInterdit, texteMontrable } from '../rules/scenario/bornes';
import { PREFIXE_FEUILLE_PROVENANCE } from '../workbook/provenance';
import { ErreurUsage } from './erreurs';

const CARACTERES_INTERDITS_FEUILLE = /[:\\/?*[\]]/;
const NOMS_RESERVES = ['historique', 'history'];

/** Problème d'un nom de feuille au regard des règles d'Excel (avec ce qui a été reçu), ou null. */
export function problemeNomFeuille(nom: string): string | null {
  const recu = ` (reçu : « ${texteMontrable(nom, 40)} »)`;
  if (nom.length === 0) return 'nom de feuille vide : 1 à 31 caractères attendus';
  if (nom.length > 31) return `31 caractères au plus pour un nom de feuille Excel (reçu : ${nom.length} caractères)`;
  const interdit = CARACTERES_INTERDITS_FEUILLE.exec(nom);
  if (interdit) return `le caractère « ${interdit[0]} » est interdit dans un nom de feuille Excel (interdits : : \\ / ? * [ ])${recu}`;
  const controle = caractereInterdit(nom);
  if (controle) return `${controle} interdit dans un nom de feuille${recu}`;
  if (nom.startsWith("'") || nom.endsWith("'")) return `un nom de feuille Excel ne peut ni commencer ni finir par une apostrophe (')${recu}`;
  if (NOMS_RESERVES.includes(nom.trim().toLocaleLowerCase('fr'))) return `« ${nom} » est un nom réservé par Excel (historique des modifications)`;
  if (nom.startsWith(PREFIXE_FEUILLE_PROVENANCE)) return `les noms commençant par « ${PREFIXE_FEUILLE_PROVENANCE} » sont réservés à la provenance des simulations${recu}`;
  return null;
}

export function lireNomFeuille(texte: string, nom: string): string {
  const probleme = problemeNomFeuille(texte);
  if (probleme) throw new ErreurUsage(`${nom} : ${probleme}`);
  return texte;
}

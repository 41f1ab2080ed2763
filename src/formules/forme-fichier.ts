// Excel enregistre les appels aux fonctions de complément sous la forme `_xldudf_SIP_PLAFOND(12)`.
// Les outils sans tableur lisent et écrivent cette forme ; l'affichage et le moteur utilisent `SIP.PLAFOND(12)`.
import { ESPACE_DE_NOMS } from '../catalogue/types';

const PREFIXE_FICHIER = `_xldudf_${ESPACE_DE_NOMS}_`;
const FORME_FICHIER = new RegExp(`${PREFIXE_FICHIER}([A-Za-z0-9_]+)\\s*\\(`, 'gi');
const FORME_AFFICHEE = new RegExp(`(^|[^A-Za-z0-9_.])${ESPACE_DE_NOMS}\\.([A-Za-z0-9_]+)\\s*\\(`, 'gi');

/** Applique `remplacer` hors des chaînes entre guillemets. */
function horsChaines(formule: string, remplacer: (morceau: string) => string): string {
  return formule
    .split(/("(?:[^"]|"")*")/)
    .map((morceau, i) => (i % 2 === 1 ? morceau : remplacer(morceau)))
    .join('');
}

/** `_xldudf_SIP_CAI(B5)` → `SIP.CAI(B5)`. */
export function depuisFormeFichier(formule: string): string {
  return horsChaines(formule, (m) => m.replace(FORME_FICHIER, (_t, nom: string) => `${ESPACE_DE_NOMS}.${nom.toUpperCase()}(`));
}

/** `SIP.CAI(B5)` → `_xldudf_SIP_CAI(B5)`. */
export function versFormeFichier(formule: string): string {
  return horsChaines(formule, (m) => m.replace(FORME_AFFICHEE, (_t, avant: string, nom: string) => `${avant}${PREFIXE_FICHIER}${nom.toUpperCase()}(`));
}

/** Noms des fonctions SIP appelées dans une formule (forme affichée ou fichier). */
export function fonctionsAppelees(formule: string): string[] {
  const f = depuisFormeFichier(formule);
  const noms: string[] = [];
  horsChaines(f, (m) => {
    for (const r of m.matchAll(FORME_AFFICHEE)) noms.push(r[2].toUpperCase());
    return m;
  });
  return noms;
}

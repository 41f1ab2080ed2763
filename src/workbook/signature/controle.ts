// Vérification complète d'un classeur lu (CLI : exceljs ; volet : Office.js) : pour chaque simulation,
// le rapport cellule par cellule (src/workbook/verification), le contenu du classeur tel qu'une
// signature le couvre, et l'état de la signature au regard des clés de confiance. Pur.
import type { Bareme } from '../../rules/bareme/types';
import type { Provenance } from '../provenance';
import { feuilleBaremeDe, verifierClasseur } from '../verification/verifier';
import type { CelluleLue, FeuilleLue, RapportVerification, Recalculateur } from '../verification/types';
import type { ClePublique } from './cles';
import { contenuDuClasseur, type ContenuClasseur } from './contenu';
import type { VerificateurEd25519 } from './ed25519';
import { verifierSignature, type EtatSignature } from './verification';

export interface SimulationAVerifier {
  provenance: Provenance;
  cellules: CelluleLue[];
}

export interface ClasseurAVerifier {
  simulations: SimulationAVerifier[];
  /** Les feuilles qui ne sont ni une simulation lue ni une provenance (feuille « Barème », feuilles ajoutées). */
  autres: FeuilleLue[];
  /** Feuilles attendues parmi les autres (simulations non vérifiées ici, dans le volet). */
  feuillesAttendues?: readonly string[];
}

export interface OptionsControle {
  baremeCourant: Bareme;
  recalculer?: Recalculateur;
  confiance: readonly ClePublique[];
  verificateur: VerificateurEd25519;
}

export interface SimulationVerifiee {
  provenance: Provenance;
  rapport: RapportVerification;
  /** Le contenu du classeur tel qu'une signature le couvre (pour signer, ou comparer au contenu signé). */
  contenu: ContenuClasseur;
  signature: EtatSignature;
}

/** Ce que couvre la signature en plus de la simulation : la feuille « Barème », si le classeur en a une. */
export function annexesSignees(autres: readonly FeuilleLue[]): FeuilleLue[] {
  const b = feuilleBaremeDe(autres);
  return b ? [b] : [];
}

export async function controlerClasseur(c: ClasseurAVerifier, o: OptionsControle): Promise<SimulationVerifiee[]> {
  const noms = new Set([...c.simulations.map((s) => s.provenance.feuille), ...(c.feuillesAttendues ?? [])]);
  const r: SimulationVerifiee[] = [];
  for (const s of c.simulations) {
    // Les autres simulations du classeur (volet) sont attendues ; leurs formules peuvent-elles citer celle-ci ? On les examine aussi.
    const autres = [...c.autres, ...c.simulations.filter((x) => x !== s).map((x) => ({ nom: x.provenance.feuille, cellules: x.cellules }))];
    const rapport = verifierClasseur(s.cellules, s.provenance, o.baremeCourant, {
      ...(o.recalculer ? { recalculer: o.recalculer } : {}),
      autresFeuilles: autres,
      estFeuilleAttendue: (nom) => noms.has(nom),
    });
    const contenu = contenuDuClasseur(s.provenance, s.cellules, rapport.plage, annexesSignees(c.autres));
    const signature = await verifierSignature(s.provenance.signature, contenu, o.confiance, o.verificateur);
    r.push({ provenance: s.provenance, rapport, contenu, signature });
  }
  return r;
}

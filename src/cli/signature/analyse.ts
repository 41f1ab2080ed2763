// Lecture et vérification complète d'un classeur .xlsx dans la CLI (verify, signer, simulate --signer) :
// exceljs lit les feuilles, HyperFormula recalcule, WebCrypto (Node) vérifie les signatures.
import { webcrypto } from 'crypto';
import { BAREME_PAR_DEFAUT } from '../../rules/bareme/donnees';
import { lireClasseur, recalculerAvecMoteur, type ClasseurLu } from '../../workbook/exceljs/lire';
import type { ClePublique } from '../../workbook/signature/cles';
import { controlerClasseur, type SimulationVerifiee } from '../../workbook/signature/controle';
import { verificateurWebCrypto, type SubtleMinimal, type VerificateurEd25519 } from '../../workbook/signature/ed25519';
import { ErreurCli } from '../erreurs';

export const VERIFICATEUR_NODE: VerificateurEd25519 = verificateurWebCrypto(webcrypto.subtle as unknown as SubtleMinimal);

export interface ClasseurAnalyse {
  lu: ClasseurLu;
  simulations: SimulationVerifiee[];
}

export async function analyserXlsx(contenu: Buffer, affiche: string, confiance: readonly ClePublique[] = []): Promise<ClasseurAnalyse> {
  let lu: ClasseurLu;
  try {
    lu = await lireClasseur(contenu);
  } catch {
    throw new ErreurCli(`${affiche} n’est pas un classeur .xlsx lisible (contenu endommagé)`);
  }
  const simulations = await controlerClasseur(lu, { baremeCourant: BAREME_PAR_DEFAUT, recalculer: recalculerAvecMoteur, confiance, verificateur: VERIFICATEUR_NODE });
  return { lu, simulations };
}

// État de la signature d'une simulation : la signature Ed25519 porte-t-elle sur le contenu signé rangé
// dans la provenance, la clé est-elle l'une des clés de confiance, et le classeur montre-t-il encore ce
// contenu ? Pur (le vérificateur Ed25519 est injecté : WebCrypto dans le volet comme dans la CLI).
import { utf8 } from '../empreinte';
import type { SignatureClasseur } from '../provenance';
import { depuisBase64 } from './base64';
import { empreinteCle, empreinteCourte, type ClePublique } from './cles';
import { comparerContenus, FORMAT_CONTENU, type ContenuClasseur, type ContenuSigne } from './contenu';
import { Ed25519NonDisponible, type VerificateurEd25519 } from './ed25519';

/**
 * - absente : classeur non signé ;
 * - invalide : la signature ne porte pas sur le contenu signé (contenu ou signature retouchés, copiés d'un autre classeur) ;
 * - cle_inconnue : signature valide, mais par une clé absente des clés de confiance ;
 * - modifiee : signature valide, mais le classeur a changé depuis (différences listées) ;
 * - intacte : signature valide, le classeur montre exactement le contenu signé ;
 * - non_verifiable : le moteur (navigateur du volet) ne sait pas vérifier Ed25519 ; rien n'est conclu.
 */
export type StatutSignature = 'absente' | 'invalide' | 'cle_inconnue' | 'modifiee' | 'intacte' | 'non_verifiable';

export interface EtatSignature {
  statut: StatutSignature;
  /** Organisme que la clé du classeur déclare. */
  organisme?: string;
  /** Organisme de la clé de confiance qui correspond (seul nom prouvé). */
  organismeConfiance?: string;
  /** Empreinte SHA-256 (hexadécimal) de la clé qui a signé. */
  cle?: string;
  signeLe?: string;
  /** Des clés de confiance ont-elles été données ? */
  confianceDemandee: boolean;
  /** Changements depuis la signature (« B12 : 5000 → 6000 »). */
  differences: string[];
  /** Une phrase en français : « signé par ARS Bretagne (clé 3f2a 91c0 5b7e 0d12), intact ». */
  message: string;
}

function lireContenu(texte: string): ContenuSigne | null {
  try {
    const c = JSON.parse(texte) as ContenuSigne;
    return c && c.format === FORMAT_CONTENU && c.version === 1 && Array.isArray(c.cellules) && c.simulation && c.signataire ? c : null;
  } catch {
    return null;
  }
}

function etatInvalide(sig: SignatureClasseur, confianceDemandee: boolean, raison: string): EtatSignature {
  return {
    statut: 'invalide',
    organisme: sig.organisme,
    cle: sig.cle,
    confianceDemandee,
    differences: [],
    message: `signature INVALIDE : ${raison} ; le classeur se dit signé par ${sig.organisme}, rien ne le prouve`,
  };
}

/** La signature est-elle bien celle de la clé qu'elle annonce, sur le contenu qu'elle annonce ? */
async function controlerSignature(sig: SignatureClasseur, verifier: VerificateurEd25519): Promise<{ contenu: ContenuSigne } | { raison: string }> {
  const contenu = lireContenu(sig.contenu);
  if (!contenu) return { raison: 'le contenu signé rangé dans la provenance est illisible (retouché ou tronqué)' };
  const cle = depuisBase64(sig.clePublique);
  const signature = depuisBase64(sig.signature);
  if (!cle || cle.length !== 32 || !signature) return { raison: 'clé publique ou signature illisible dans la provenance' };
  const empreinte = empreinteCle(cle);
  if (empreinte !== sig.cle || contenu.signataire.cle !== empreinte) return { raison: 'la clé annoncée ne correspond pas à la clé qui a signé' };
  if (!(await verifier(cle, utf8(sig.contenu), signature))) return { raison: 'la signature ne correspond pas au contenu signé (l’un ou l’autre a été retouché, ou recopié d’un autre classeur)' };
  return { contenu };
}

export async function verifierSignature(
  sig: SignatureClasseur | undefined,
  actuel: ContenuClasseur,
  confiance: readonly ClePublique[],
  verifier: VerificateurEd25519,
): Promise<EtatSignature> {
  const confianceDemandee = confiance.length > 0;
  if (!sig) return { statut: 'absente', confianceDemandee, differences: [], message: 'classeur non signé' };
  let c: Awaited<ReturnType<typeof controlerSignature>>;
  try {
    c = await controlerSignature(sig, verifier);
  } catch (e) {
    if (!(e instanceof Ed25519NonDisponible)) throw e;
    return { statut: 'non_verifiable', organisme: sig.organisme, cle: sig.cle, confianceDemandee, differences: [], message: `signature de ${sig.organisme} non vérifiée : ${e.message}` };
  }
  if ('raison' in c) return etatInvalide(sig, confianceDemandee, c.raison);
  const differences = comparerContenus(c.contenu, actuel);
  const reconnue = confiance.find((k) => k.empreinte === sig.cle);
  const cle = `clé ${empreinteCourte(sig.cle)}`;
  const base = { organisme: sig.organisme, cle: sig.cle, signeLe: c.contenu.signeLe, confianceDemandee, differences };
  const etat = differences.length ? `modifié depuis la signature (${differences.length} différence${differences.length > 1 ? 's' : ''})` : 'intact';
  if (confianceDemandee && !reconnue) {
    const connues = confiance.map((k) => `${k.organisme} : clé ${empreinteCourte(k.empreinte)}`).join(' ; ');
    return { ...base, statut: 'cle_inconnue', message: `signé avec une clé qui n’est pas dans vos clés de confiance : le classeur se dit signé par ${sig.organisme} (${cle}), mais vos clés de confiance sont : ${connues} ; signature NON ACCEPTÉE` };
  }
  const statut = differences.length ? 'modifiee' : 'intacte';
  if (reconnue) return { ...base, statut, organismeConfiance: reconnue.organisme, message: `signé par ${reconnue.organisme} (${cle}), ${etat}` };
  return { ...base, statut, message: `signé par ${sig.organisme} selon le classeur (${cle}), ${etat} ; sans clé de confiance, rien ne prouve que cette clé est celle de ${sig.organisme}` };
}

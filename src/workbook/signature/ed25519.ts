// Vérification Ed25519 par WebCrypto (`crypto.subtle`) : la même dans le volet (Edge/WebView2,
// Chromium récents, Safari 17, Firefox 129) et dans la CLI (Node 20). Un moteur qui ne connaît pas
// Ed25519 est dit en français, jamais confondu avec une signature fausse.

/** Vérifie une signature Ed25519 (clé publique brute de 32 octets). */
export type VerificateurEd25519 = (clePublique: Uint8Array, message: Uint8Array, signature: Uint8Array) => Promise<boolean>;

export class Ed25519NonDisponible extends Error {
  constructor() {
    super(
      'Ce moteur ne sait pas vérifier les signatures Ed25519 (WebCrypto) : mettez à jour Excel ou Microsoft Edge (WebView2), ' +
        'ou vérifiez le classeur avec « sip verify classeur.xlsx --confiance organisme.pub ».',
    );
    this.name = 'Ed25519NonDisponible';
  }
}

/** Ce que le vérificateur utilise de `crypto.subtle` (navigateur ou Node). */
export interface SubtleMinimal {
  importKey(format: 'raw', donnees: Uint8Array, algorithme: { name: string }, extractible: boolean, usages: string[]): Promise<unknown>;
  verify(algorithme: { name: string }, cle: unknown, signature: Uint8Array, donnees: Uint8Array): Promise<boolean>;
}

/** Le vérificateur WebCrypto ; `subtle` injectable (tests sous jsdom, Node) ; null : moteur sans WebCrypto. */
export function verificateurWebCrypto(injecte?: SubtleMinimal | null): VerificateurEd25519 {
  const subtle = injecte === undefined ? (globalThis as { crypto?: { subtle?: SubtleMinimal } }).crypto?.subtle : injecte;
  return async (clePublique, message, signature) => {
    if (!subtle) throw new Ed25519NonDisponible();
    let cle: unknown;
    try {
      cle = await subtle.importKey('raw', clePublique, { name: 'Ed25519' }, false, ['verify']);
    } catch (e) {
      if ((e as { name?: string })?.name === 'DataError') return false; // clé de 32 octets invalide
      throw new Ed25519NonDisponible();
    }
    if (signature.length !== 64) return false;
    return subtle.verify({ name: 'Ed25519' }, cle, signature, message);
  };
}

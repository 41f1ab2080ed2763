// Base64 (RFC 4648, avec « = ») sans Buffer ni atob : le volet (navigateur) et la CLI lisent les mêmes
// clés et signatures. Décodage strict : un caractère hors de l'alphabet rend null.
const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const INDEX = new Map([...ALPHABET].map((c, i) => [c, i]));

export function versBase64(octets: Uint8Array): string {
  let r = '';
  for (let i = 0; i < octets.length; i += 3) {
    const [a, b = 0, c = 0] = [octets[i], octets[i + 1], octets[i + 2]];
    const n = (a << 16) | (b << 8) | c;
    r += ALPHABET[(n >> 18) & 63] + ALPHABET[(n >> 12) & 63];
    r += i + 1 < octets.length ? ALPHABET[(n >> 6) & 63] : '=';
    r += i + 2 < octets.length ? ALPHABET[n & 63] : '=';
  }
  return r;
}

/** Octets d'un texte base64 (espaces et retours à la ligne ignorés) ; null s'il n'en est pas un. */
export function depuisBase64(texte: string): Uint8Array | null {
  const t = texte.replace(/\s+/g, '');
  if (t.length % 4 !== 0 || !/^[A-Za-z0-9+/]*={0,2}$/.test(t)) return null;
  const sans = t.replace(/=+$/, '');
  const r = new Uint8Array(Math.floor((sans.length * 3) / 4));
  let bits = 0;
  let n = 0;
  let k = 0;
  for (const c of sans) {
    n = (n << 6) | (INDEX.get(c) as number);
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      r[k++] = (n >> bits) & 0xff;
    }
  }
  return r;
}

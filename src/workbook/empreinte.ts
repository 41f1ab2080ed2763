// Empreinte de contenu d'un classeur de simulation : SHA-256 d'une sérialisation canonique
// (clés triées, sans valeurs « undefined »). Implémentation pure et synchrone : le volet (navigateur)
// et la CLI (Node) calculent la même empreinte sans dépendre de `crypto`.

/** JSON canonique : clés des objets triées, tableaux dans l'ordre, `undefined` omis. */
export function jsonCanonique(v: unknown): string {
  if (v === null || typeof v !== 'object') return JSON.stringify(v) ?? 'null';
  if (Array.isArray(v)) return `[${v.map((x) => (x === undefined ? 'null' : jsonCanonique(x))).join(',')}]`;
  const o = v as Record<string, unknown>;
  const cles = Object.keys(o).filter((k) => o[k] !== undefined).sort();
  return `{${cles.map((k) => `${JSON.stringify(k)}:${jsonCanonique(o[k])}`).join(',')}}`;
}

const K = new Uint32Array([
  0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5, 0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3,
  0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174, 0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
  0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967, 0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13,
  0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85, 0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
  0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3, 0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208,
  0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2,
]);

export function utf8(texte: string): Uint8Array {
  if (typeof TextEncoder !== 'undefined') return new TextEncoder().encode(texte);
  const octets = unescape(encodeURIComponent(texte));
  return Uint8Array.from(octets, (c) => c.charCodeAt(0));
}

/** SHA-256 (FIPS 180-4) d'un texte UTF-8, en hexadécimal. */
export function sha256(texte: string): string {
  return sha256Octets(utf8(texte));
}

/** SHA-256 (FIPS 180-4) d'une suite d'octets (clé publique…), en hexadécimal. */
export function sha256Octets(msg: Uint8Array): string {
  const longueur = msg.length;
  const total = Math.ceil((longueur + 9) / 64) * 64;
  const bloc = new Uint8Array(total);
  bloc.set(msg);
  bloc[longueur] = 0x80;
  const vue = new DataView(bloc.buffer);
  vue.setUint32(total - 8, Math.floor((longueur * 8) / 2 ** 32));
  vue.setUint32(total - 4, (longueur * 8) >>> 0);
  const h = new Uint32Array([0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19]);
  const w = new Uint32Array(64);
  const rotr = (x: number, n: number) => (x >>> n) | (x << (32 - n));
  for (let i = 0; i < total; i += 64) {
    for (let t = 0; t < 16; t++) w[t] = vue.getUint32(i + t * 4);
    for (let t = 16; t < 64; t++) {
      const s0 = rotr(w[t - 15], 7) ^ rotr(w[t - 15], 18) ^ (w[t - 15] >>> 3);
      const s1 = rotr(w[t - 2], 17) ^ rotr(w[t - 2], 19) ^ (w[t - 2] >>> 10);
      w[t] = (w[t - 16] + s0 + w[t - 7] + s1) >>> 0;
    }
    let [a, b, c, d, e, f, g, hh] = h;
    for (let t = 0; t < 64; t++) {
      const S1 = rotr(e, 6) ^ rotr(e, 11) ^ rotr(e, 25);
      const ch = (e & f) ^ (~e & g);
      const t1 = (hh + S1 + ch + K[t] + w[t]) >>> 0;
      const S0 = rotr(a, 2) ^ rotr(a, 13) ^ rotr(a, 22);
      const maj = (a & b) ^ (a & c) ^ (b & c);
      const t2 = (S0 + maj) >>> 0;
      hh = g;
      g = f;
      f = e;
      e = (d + t1) >>> 0;
      d = c;
      c = b;
      b = a;
      a = (t1 + t2) >>> 0;
    }
    h[0] += a; h[1] += b; h[2] += c; h[3] += d; h[4] += e; h[5] += f; h[6] += g; h[7] += hh;
  }
  return Array.from(h, (x) => x.toString(16).padStart(8, '0')).join('');
}

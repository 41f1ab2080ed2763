import { createHash } from 'crypto';
import { jsonCanonique, sha256, sha256Octets } from '../../src/workbook/empreinte';
import { VERSION_COMPLEMENT } from '../../src/workbook/version';
import { RACINE } from './aides';

describe('empreinte', () => {
  test('SHA-256 : vecteurs FIPS 180-4 et textes accentués, identique à node:crypto', () => {
    expect(sha256('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
    expect(sha256('')).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
    for (const t of ['Évaluation du CAI — 12 345,67 €', 'x'.repeat(55), 'y'.repeat(56), 'z'.repeat(64), 'é'.repeat(1000)]) {
      expect(sha256(t)).toBe(createHash('sha256').update(t, 'utf8').digest('hex'));
    }
  });
  test('SHA-256 d’octets (empreinte d’une clé publique) : identique à node:crypto, octets non UTF-8 compris', () => {
    expect(sha256Octets(Uint8Array.from([0x61, 0x62, 0x63]))).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
    for (const n of [0, 32, 55, 56, 64, 256]) {
      const b = Uint8Array.from({ length: n }, (_, i) => (i * 131 + 7) & 0xff);
      expect(sha256Octets(b)).toBe(createHash('sha256').update(b).digest('hex'));
    }
  });
  test('JSON canonique : ordre des clés indifférent, undefined omis', () => {
    expect(jsonCanonique({ b: 1, a: [2, { d: undefined, c: 'x' }] })).toBe('{"a":[2,{"c":"x"}],"b":1}');
    expect(jsonCanonique({ a: 1, b: 2 })).toBe(jsonCanonique({ b: 2, a: 1 }));
  });
  test('la version inscrite dans la provenance est celle de package.json', () => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    expect(VERSION_COMPLEMENT).toBe(require(`${RACINE}/package.json`).version);
  });
});

// Réécriture d'un classeur .xlsx (zip) dont une seule partie change : les autres parties sont recopiées
// telles quelles (octets compressés compris), dans le même ordre ; seule la partie remplacée est
// recompressée. Sert à poser la signature dans la feuille de provenance sans passer le classeur par
// exceljs (qui perdrait les graphiques natifs d'un classeur du volet). Format : APPNOTE.TXT de PKWARE.
import { deflateRawSync } from 'zlib';
import { donneesCompressees, extraireEntree, lireRepertoireZip } from '../zip';

const TABLE_CRC = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

export function crc32(b: Uint8Array): number {
  let c = 0xffffffff;
  for (const x of b) c = TABLE_CRC[(c ^ x) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

interface Partie {
  nom: Buffer;
  methode: number;
  crc: number;
  donnees: Buffer;
  taille: number;
}

function enTeteLocal(p: Partie): Buffer {
  const l = Buffer.alloc(30);
  l.writeUInt32LE(0x04034b50, 0);
  l.writeUInt16LE(20, 4);
  l.writeUInt16LE(0x0800, 6); // noms en UTF-8
  l.writeUInt16LE(p.methode, 8);
  l.writeUInt16LE(0, 10);
  l.writeUInt16LE(0x21, 12); // 01/01/1980
  l.writeUInt32LE(p.crc, 14);
  l.writeUInt32LE(p.donnees.length, 18);
  l.writeUInt32LE(p.taille, 22);
  l.writeUInt16LE(p.nom.length, 26);
  return l;
}

function enTeteCentral(p: Partie, decalage: number): Buffer {
  const c = Buffer.alloc(46);
  c.writeUInt32LE(0x02014b50, 0);
  c.writeUInt16LE(20, 4);
  c.writeUInt16LE(20, 6);
  c.writeUInt16LE(0x0800, 8);
  c.writeUInt16LE(p.methode, 10);
  c.writeUInt16LE(0x21, 14);
  c.writeUInt32LE(p.crc, 16);
  c.writeUInt32LE(p.donnees.length, 20);
  c.writeUInt32LE(p.taille, 24);
  c.writeUInt16LE(p.nom.length, 28);
  c.writeUInt32LE(decalage, 42);
  return c;
}

/** Le zip `b` où chaque partie nommée dans `remplacements` reçoit le nouveau contenu. */
export function remplacerParties(b: Buffer, remplacements: ReadonlyMap<string, Buffer>): Buffer {
  const parties: Partie[] = lireRepertoireZip(b).map((e) => {
    const nouveau = remplacements.get(e.nom);
    if (nouveau) return { nom: Buffer.from(e.nom, 'utf8'), methode: 8, crc: crc32(nouveau), donnees: deflateRawSync(nouveau), taille: nouveau.length };
    const brut = extraireEntree(b, e);
    return { nom: Buffer.from(e.nom, 'utf8'), methode: e.methode, crc: crc32(brut), donnees: donneesCompressees(b, e), taille: brut.length };
  });
  const locaux: Buffer[] = [];
  const centraux: Buffer[] = [];
  let decalage = 0;
  for (const p of parties) {
    const l = enTeteLocal(p);
    centraux.push(enTeteCentral(p, decalage), p.nom);
    locaux.push(l, p.nom, p.donnees);
    decalage += l.length + p.nom.length + p.donnees.length;
  }
  const repertoire = Buffer.concat(centraux);
  const fin = Buffer.alloc(22);
  fin.writeUInt32LE(0x06054b50, 0);
  fin.writeUInt16LE(parties.length, 8);
  fin.writeUInt16LE(parties.length, 10);
  fin.writeUInt32LE(repertoire.length, 12);
  fin.writeUInt32LE(decalage, 16);
  return Buffer.concat([...locaux, repertoire, fin]);
}

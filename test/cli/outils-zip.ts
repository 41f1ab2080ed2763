// Fabrique de fichiers zip et de classeurs .xlsx minimaux pour les tests, tailles annoncées réglables
// (pour forger des bombes zip : tailles mensongères, ZIP64).
import { deflateRawSync } from 'zlib';

const TABLE_CRC = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(b: Buffer): number {
  let c = 0xffffffff;
  for (const x of b) c = TABLE_CRC[(c ^ x) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

export interface EntreeForgee {
  nom: string;
  donnees: Buffer | string;
  /** 0 : stocké ; 8 (défaut) : deflate. */
  methode?: 0 | 8;
  /** Données déjà compressées (deflate brut), avec la taille décompressée qu'on annoncera. */
  compressees?: Buffer;
  /** Taille décompressée annoncée, si différente de la vraie (mensonge) ; au-delà de 4 Go : ZIP64. */
  tailleAnnoncee?: number;
}

export function zip(entrees: EntreeForgee[]): Buffer {
  const locaux: Buffer[] = [];
  const centraux: Buffer[] = [];
  let decalage = 0;
  for (const e of entrees) {
    const brut = Buffer.isBuffer(e.donnees) ? e.donnees : Buffer.from(e.donnees, 'utf8');
    const methode = e.methode ?? 8;
    const donnees = e.compressees ?? (methode === 8 ? deflateRawSync(brut) : brut);
    const taille = e.tailleAnnoncee ?? brut.length;
    const zip64 = taille > 0xfffffffe;
    const nom = Buffer.from(e.nom, 'utf8');
    const extra = zip64 ? Buffer.alloc(12) : Buffer.alloc(0);
    if (zip64) {
      extra.writeUInt16LE(0x0001, 0);
      extra.writeUInt16LE(8, 2);
      extra.writeBigUInt64LE(BigInt(taille), 4);
    }
    const l = Buffer.alloc(30);
    l.writeUInt32LE(0x04034b50, 0);
    l.writeUInt16LE(zip64 ? 45 : 20, 4);
    l.writeUInt16LE(0x0800, 6);
    l.writeUInt16LE(methode, 8);
    l.writeUInt32LE(crc32(brut), 14);
    l.writeUInt32LE(donnees.length, 18);
    l.writeUInt32LE(zip64 ? 0xffffffff : taille, 22);
    l.writeUInt16LE(nom.length, 26);
    l.writeUInt16LE(extra.length, 28);
    const c = Buffer.alloc(46);
    c.writeUInt32LE(0x02014b50, 0);
    c.writeUInt16LE(zip64 ? 45 : 20, 4);
    c.writeUInt16LE(zip64 ? 45 : 20, 6);
    c.writeUInt16LE(0x0800, 8);
    c.writeUInt16LE(methode, 10);
    c.writeUInt32LE(crc32(brut), 16);
    c.writeUInt32LE(donnees.length, 20);
    c.writeUInt32LE(zip64 ? 0xffffffff : taille, 24);
    c.writeUInt16LE(nom.length, 28);
    c.writeUInt16LE(extra.length, 30);
    c.writeUInt32LE(decalage, 42);
    locaux.push(l, nom, extra, donnees);
    centraux.push(c, nom, extra);
    decalage += l.length + nom.length + extra.length + donnees.length;
  }
  const repertoire = Buffer.concat(centraux);
  const fin = Buffer.alloc(22);
  fin.writeUInt32LE(0x06054b50, 0);
  fin.writeUInt16LE(entrees.length, 8);
  fin.writeUInt16LE(entrees.length, 10);
  fin.writeUInt32LE(repertoire.length, 12);
  fin.writeUInt32LE(decalage, 16);
  return Buffer.concat([...locaux, repertoire, fin]);
}

const NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const NS_R = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

/** Les parties d'un classeur .xlsx valide d'une feuille ; `feuille` : le XML de la feuille. */
export function partiesXlsx(nomFeuille: string, feuille: Buffer | string, options: Partial<EntreeForgee> = {}): EntreeForgee[] {
  return [
    {
      nom: '[Content_Types].xml',
      donnees: `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>`,
    },
    {
      nom: '_rels/.rels',
      donnees: `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${NS_R}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
    },
    {
      nom: 'xl/workbook.xml',
      donnees: `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><workbook xmlns="${NS}" xmlns:r="${NS_R}"><sheets><sheet name="${nomFeuille.replace(/&/g, '&amp;')}" sheetId="1" r:id="rId1"/></sheets></workbook>`,
    },
    {
      nom: 'xl/_rels/workbook.xml.rels',
      donnees: `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${NS_R}/worksheet" Target="worksheets/sheet1.xml"/></Relationships>`,
    },
    { nom: 'xl/worksheets/sheet1.xml', donnees: feuille, ...options },
  ];
}

/** XML d'une feuille de `lignes` lignes de nombres (données de tableur ordinaires). */
export function feuilleDeNombres(lignes: number): Buffer {
  const morceaux: string[] = [`<?xml version="1.0" encoding="UTF-8" standalone="yes"?><worksheet xmlns="${NS}"><sheetData>`];
  let graine = 7;
  for (let r = 1; r <= lignes; r++) {
    let l = `<row r="${r}">`;
    for (const col of 'ABCDEFGH') {
      graine = (graine * 1103515245 + 12345) % 2147483648;
      l += `<c r="${col}${r}"><v>${(graine / 1000).toFixed(3)}</v></c>`;
    }
    morceaux.push(`${l}</row>`);
  }
  morceaux.push('</sheetData></worksheet>');
  return Buffer.from(morceaux.join(''), 'utf8');
}

// Lecture du répertoire d'un fichier zip (un .xlsx en est un), sans dépendance : fin du répertoire
// central (EOCD, et sa variante ZIP64), puis une entrée par fichier avec ses tailles annoncées. Sert à
// refuser un classeur trop gros ou une « bombe zip » AVANT de le confier à exceljs, qui décompresse
// tout en mémoire. Format : APPNOTE.TXT de PKWARE, §4.3.12 à §4.3.16 et §4.5.3.
import { createInflateRaw, inflateRawSync } from 'zlib';

/** Un problème de structure du zip, décrit en français (le fichier n'est pas un xlsx lisible). */
export class ErreurZip extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ErreurZip';
  }
}

export interface EntreeZip {
  nom: string;
  /** 0 : stocké ; 8 : deflate (les seules que lisent Excel et exceljs). */
  methode: number;
  tailleCompressee: number;
  tailleDecompressee: number;
  decalageEntete: number;
}

const SIG_FIN = 0x06054b50;
const SIG_FIN64 = 0x06064b50;
const SIG_LOCALISATEUR64 = 0x07064b50;
const SIG_CENTRAL = 0x02014b50;
const SIG_LOCAL = 0x04034b50;
const MAX16 = 0xffff;
const MAX32 = 0xffffffff;

function lire64(b: Buffer, o: number): number {
  const v = b.readBigUInt64LE(o);
  if (v > BigInt(Number.MAX_SAFE_INTEGER)) throw new ErreurZip('taille ZIP64 hors limites');
  return Number(v);
}

/** Position de la fin du répertoire central : cherchée depuis la fin (commentaire de 64 Ko au plus). */
function trouverFin(b: Buffer): number {
  for (let o = b.length - 22; o >= Math.max(0, b.length - 22 - MAX16); o--) {
    if (b.readUInt32LE(o) === SIG_FIN) return o;
  }
  throw new ErreurZip('fin du répertoire zip introuvable : ce n’est pas un fichier zip');
}

interface Repertoire {
  nombre: number;
  taille: number;
  decalage: number;
}

function lireFin(b: Buffer): Repertoire {
  const o = trouverFin(b);
  if (b.readUInt16LE(o + 4) !== 0 || b.readUInt16LE(o + 6) !== 0) throw new ErreurZip('archive zip en plusieurs parties');
  const r = { nombre: b.readUInt16LE(o + 10), taille: b.readUInt32LE(o + 12), decalage: b.readUInt32LE(o + 16) };
  if (r.nombre !== MAX16 && r.taille !== MAX32 && r.decalage !== MAX32) return r;
  // ZIP64 : le localisateur précède la fin classique et pointe vers la fin ZIP64.
  const l = o - 20;
  if (l < 0 || b.readUInt32LE(l) !== SIG_LOCALISATEUR64) throw new ErreurZip('répertoire ZIP64 introuvable');
  const f = lire64(b, l + 8);
  if (f + 56 > b.length || b.readUInt32LE(f) !== SIG_FIN64) throw new ErreurZip('fin du répertoire ZIP64 illisible');
  return { nombre: lire64(b, f + 32), taille: lire64(b, f + 40), decalage: lire64(b, f + 48) };
}

/** Champ supplémentaire ZIP64 (0x0001) : les tailles et le décalage valant 0xFFFFFFFF y sont en 64 bits. */
function appliquerZip64(b: Buffer, debut: number, fin: number, e: EntreeZip): void {
  for (let o = debut; o + 4 <= fin; ) {
    const id = b.readUInt16LE(o);
    const taille = b.readUInt16LE(o + 2);
    if (id === 0x0001) {
      let p = o + 4;
      const suivant = () => {
        if (p + 8 > o + 4 + taille) throw new ErreurZip('champ ZIP64 tronqué');
        const v = lire64(b, p);
        p += 8;
        return v;
      };
      if (e.tailleDecompressee === MAX32) e.tailleDecompressee = suivant();
      if (e.tailleCompressee === MAX32) e.tailleCompressee = suivant();
      if (e.decalageEntete === MAX32) e.decalageEntete = suivant();
      return;
    }
    o += 4 + taille;
  }
}

/**
 * Les entrées du répertoire central, avec leurs tailles ANNONCÉES (lecture immédiate, rien n'est
 * décompressé). `maxEntrees` borne le travail sur un répertoire piégé.
 */
export function lireRepertoireZip(b: Buffer, maxEntrees = Infinity): EntreeZip[] {
  if (b.length < 22) throw new ErreurZip('fichier trop court pour être un zip');
  const r = lireFin(b);
  if (r.nombre > maxEntrees) throw new ErreurZip(`${r.nombre} fichiers dans l’archive (au plus ${maxEntrees} attendus)`);
  if (r.decalage + r.taille > b.length) throw new ErreurZip('répertoire zip tronqué (fichier incomplet ?)');
  const entrees: EntreeZip[] = [];
  let o = r.decalage;
  for (let i = 0; i < r.nombre; i++) {
    if (o + 46 > b.length || b.readUInt32LE(o) !== SIG_CENTRAL) throw new ErreurZip('répertoire zip illisible');
    const n = b.readUInt16LE(o + 28);
    const x = b.readUInt16LE(o + 30);
    const c = b.readUInt16LE(o + 32);
    if (o + 46 + n + x + c > b.length) throw new ErreurZip('répertoire zip tronqué');
    const e: EntreeZip = {
      nom: b.toString('utf8', o + 46, o + 46 + n),
      methode: b.readUInt16LE(o + 10),
      tailleCompressee: b.readUInt32LE(o + 20),
      tailleDecompressee: b.readUInt32LE(o + 24),
      decalageEntete: b.readUInt32LE(o + 42),
    };
    appliquerZip64(b, o + 46 + n, o + 46 + n + x, e);
    entrees.push(e);
    o += 46 + n + x + c;
  }
  return entrees;
}

/** Les octets compressés d'une entrée (après son en-tête local). */
export function donneesCompressees(b: Buffer, e: EntreeZip): Buffer {
  const o = e.decalageEntete;
  if (o + 30 > b.length || b.readUInt32LE(o) !== SIG_LOCAL) throw new ErreurZip(`en-tête de « ${e.nom} » illisible`);
  const debut = o + 30 + b.readUInt16LE(o + 26) + b.readUInt16LE(o + 28);
  if (debut + e.tailleCompressee > b.length) throw new ErreurZip(`« ${e.nom} » tronqué (fichier incomplet ?)`);
  return b.subarray(debut, debut + e.tailleCompressee);
}

/** Décompresse une entrée, sans jamais dépasser sa taille annoncée. */
export function extraireEntree(b: Buffer, e: EntreeZip): Buffer {
  const donnees = donneesCompressees(b, e);
  if (e.methode === 0) return donnees;
  if (e.methode !== 8) throw new ErreurZip(`« ${e.nom} » : méthode de compression ${e.methode} inconnue d’Excel`);
  try {
    return inflateRawSync(donnees, { maxOutputLength: Math.max(1, e.tailleDecompressee) });
  } catch {
    throw new ErreurZip(`« ${e.nom} » : données compressées corrompues ou plus grosses qu’annoncé`);
  }
}

/**
 * Vérifie que chaque entrée se décompresse sans dépasser sa taille annoncée (une bombe zip peut mentir
 * dans son répertoire) : décompression en flux, rien n'est gardé, arrêt dès le dépassement.
 */
export async function verifierTaillesReelles(b: Buffer, entrees: readonly EntreeZip[]): Promise<void> {
  for (const e of entrees) {
    const donnees = donneesCompressees(b, e);
    if (e.methode === 0) {
      if (e.tailleCompressee !== e.tailleDecompressee) throw new ErreurZip(`« ${e.nom} » : tailles incohérentes`);
      continue;
    }
    if (e.methode !== 8) throw new ErreurZip(`« ${e.nom} » : méthode de compression ${e.methode} inconnue d’Excel`);
    await new Promise<void>((resoudre, rejeter) => {
      const z = createInflateRaw();
      let total = 0;
      z.on('data', (morceau: Buffer) => {
        total += morceau.length;
        if (total > e.tailleDecompressee) {
          z.destroy();
          rejeter(new ErreurZip(`« ${e.nom} » se décompresse au-delà de la taille annoncée (${e.tailleDecompressee} octets) : fichier piégé ou corrompu`));
        }
      });
      z.on('error', () => rejeter(new ErreurZip(`« ${e.nom} » : données compressées corrompues`)));
      z.on('end', () => resoudre());
      z.end(donnees);
    });
  }
}

const ENTITES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
const decoderXml = (t: string) =>
  t.replace(/&(#x[0-9a-f]+|#\d+|\w+);/gi, (m, e: string) =>
    e[0] === '#' ? String.fromCodePoint(e[1].toLowerCase() === 'x' ? parseInt(e.slice(2), 16) : Number(e.slice(1))) : (ENTITES[e] ?? m),
  );

/** Noms des feuilles d'un classeur, lus dans xl/workbook.xml (sans ouvrir les feuilles). */
export function nomsDesFeuilles(b: Buffer, entrees: readonly EntreeZip[]): string[] {
  const classeur = entrees.find((e) => e.nom.replace(/^\//, '') === 'xl/workbook.xml');
  if (!classeur) throw new ErreurZip('pas de xl/workbook.xml : archive zip d’un autre type');
  const xml = extraireEntree(b, classeur).toString('utf8');
  return [...xml.matchAll(/<(?:\w+:)?sheet\b[^>]*?\sname="([^"]*)"/g)].map((m) => decoderXml(m[1]));
}

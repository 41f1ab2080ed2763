// Le .xlsx au niveau de ses parties XML, pour la signature : trouver la feuille d'un nom, poser les
// lignes de la signature dans la feuille de provenance (lignes 21 à 30, remplacées à chaque signature),
// lire qui a enregistré le classeur en dernier (docProps). Node seulement.
import { colonneDe, lettreColonne, ligneDe } from '../../workbook/adresses';
import { DERNIERE_LIGNE_SIGNATURE, LIGNE_SIGNATURE, lignesSignature, type SignatureClasseur } from '../../workbook/provenance';
import { ErreurZip, extraireEntree, lireRepertoireZip, type EntreeZip } from '../zip';
import { remplacerParties } from './zip-ecriture';

const ENTITES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
const decoder = (t: string) =>
  t.replace(/&(#x[0-9a-f]+|#\d+|\w+);/gi, (m, e: string) => (e[0] === '#' ? String.fromCodePoint(e[1].toLowerCase() === 'x' ? parseInt(e.slice(2), 16) : Number(e.slice(1))) : (ENTITES[e] ?? m)));
const echapper = (t: string) => t.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

function partie(b: Buffer, entrees: readonly EntreeZip[], nom: string): string {
  const e = entrees.find((x) => x.nom.replace(/^\//, '') === nom);
  if (!e) throw new ErreurZip(`partie « ${nom} » absente`);
  return extraireEntree(b, e).toString('utf8');
}

const attribut = (balise: string, nom: string) => {
  const m = new RegExp(`\\s${nom}="([^"]*)"`).exec(balise);
  return m ? decoder(m[1]) : undefined;
};

/** Chemin, dans le zip, de la feuille nommée `feuille` (xl/workbook.xml puis ses relations). */
export function cheminFeuille(b: Buffer, entrees: readonly EntreeZip[], feuille: string): string {
  const classeur = partie(b, entrees, 'xl/workbook.xml');
  const balise = [...classeur.matchAll(/<(?:\w+:)?sheet\b[^>]*>/g)].map((m) => m[0]).find((s) => attribut(s, 'name') === feuille);
  const id = balise ? /\s(?:\w+:)?id="([^"]*)"/.exec(balise)?.[1] : undefined;
  if (!id) throw new ErreurZip(`feuille « ${feuille} » absente de xl/workbook.xml`);
  const relations = partie(b, entrees, 'xl/_rels/workbook.xml.rels');
  const rel = [...relations.matchAll(/<(?:\w+:)?Relationship\b[^>]*>/g)].map((m) => m[0]).find((r) => attribut(r, 'Id') === id);
  const cible = rel ? attribut(rel, 'Target') : undefined;
  if (!cible) throw new ErreurZip(`relation ${id} de la feuille « ${feuille} » introuvable`);
  return cible.startsWith('/') ? cible.slice(1) : `xl/${cible}`;
}

function ligneXml(r: number, cle: string, valeurs: string[]): string {
  const cellule = (col: number, t: string) => `<c r="${lettreColonne(col)}${r}" t="inlineStr"><is><t xml:space="preserve">${echapper(t)}</t></is></c>`;
  return `<row r="${r}">${cellule(1, cle)}${valeurs.map((v, k) => cellule(2 + k, v)).join('')}</row>`;
}

/** La zone utilisée (`<dimension ref>`) étendue aux lignes de la signature. */
function dimension(xml: string, derniereLigne: number, derniereColonne: number): string {
  return xml.replace(/<dimension ref="([^"]*)"\s*\/>/, (_t, ref: string) => {
    const [a, z = a] = ref.split(':');
    const fin = `${lettreColonne(Math.max(colonneDe(z), derniereColonne))}${Math.max(ligneDe(z), derniereLigne)}`;
    return `<dimension ref="${a}:${fin}"/>`;
  });
}

/** Le XML de la feuille de provenance avec les lignes de la signature (les anciennes sont retirées). */
export function feuilleAvecSignature(xml: string, sig: SignatureClasseur | null): string {
  const m = /<sheetData\s*\/>|<sheetData>([\s\S]*)<\/sheetData>/.exec(xml);
  if (!m) throw new ErreurZip('feuille de provenance sans données (sheetData)');
  const lignes = [...(m[1] ?? '').matchAll(/<row\b[^>]*?\br="(\d+)"[^>]*?(?:\/>|>[\s\S]*?<\/row>)/g)].map((x) => ({ r: Number(x[1]), xml: x[0] }));
  const gardees = lignes.filter((l) => l.r < LIGNE_SIGNATURE || l.r > DERNIERE_LIGNE_SIGNATURE);
  const nouvelles = sig ? lignesSignature(sig).map(([cle, v], i) => ({ r: LIGNE_SIGNATURE + i, xml: ligneXml(LIGNE_SIGNATURE + i, cle, v) })) : [];
  const toutes = [...gardees, ...nouvelles].sort((a, b) => a.r - b.r);
  const donnees = `<sheetData>${toutes.map((l) => l.xml).join('')}</sheetData>`;
  const colonnes = sig ? 1 + Math.max(...lignesSignature(sig).map(([, v]) => v.length)) : 1;
  const r = xml.slice(0, m.index) + donnees + xml.slice(m.index + m[0].length);
  return sig ? dimension(r, LIGNE_SIGNATURE + nouvelles.length - 1, colonnes) : r;
}

/** Le classeur où la feuille de provenance `feuilleProvenance` porte la signature `sig`. */
export function poserSignature(b: Buffer, feuilleProvenance: string, sig: SignatureClasseur): Buffer {
  const entrees = lireRepertoireZip(b);
  const chemin = cheminFeuille(b, entrees, feuilleProvenance);
  const xml = partie(b, entrees, chemin);
  return remplacerParties(b, new Map([[chemin, Buffer.from(feuilleAvecSignature(xml, sig), 'utf8')]]));
}

export interface Enregistrement {
  /** Application qui a écrit le fichier (docProps/app.xml), « LibreOffice/7.4.7.2$Linux… ». */
  application?: string;
  /** Dernier auteur et date d'enregistrement (docProps/core.xml). */
  modifiePar?: string;
  modifieLe?: string;
}

export function lireEnregistrement(b: Buffer): Enregistrement {
  const entrees = lireRepertoireZip(b);
  const lire = (nom: string) => {
    try {
      return partie(b, entrees, nom);
    } catch {
      return '';
    }
  };
  const texte = (xml: string, balise: string) => {
    const m = new RegExp(`<(?:\\w+:)?${balise}\\b[^>]*>([^<]*)</`).exec(xml);
    return m && m[1].trim() ? decoder(m[1].trim()) : undefined;
  };
  const app = lire('docProps/app.xml');
  const core = lire('docProps/core.xml');
  const r: Enregistrement = {};
  const application = texte(app, 'Application');
  const modifiePar = texte(core, 'lastModifiedBy');
  const modifieLe = texte(core, 'modified');
  if (application) r.application = application;
  if (modifiePar) r.modifiePar = modifiePar;
  if (modifieLe) r.modifieLe = modifieLe;
  return r;
}

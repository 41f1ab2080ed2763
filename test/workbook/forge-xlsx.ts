// Forger un classeur comme le ferait un adversaire : ouvrir le zip, éditer le XML d'une partie,
// rezipper (test/cli/outils-zip.ts). Outils des tests de vérification et de signature.
import { extraireEntree, lireRepertoireZip } from '../../src/cli/zip';
import { zip } from '../cli/outils-zip';

export type Parties = Map<string, Buffer>;

export function parties(b: Buffer): Parties {
  return new Map(lireRepertoireZip(b).map((e) => [e.nom, extraireEntree(b, e)]));
}

/** Applique `f` aux parties du classeur et rezippe (mêmes noms, même ordre ; parties ajoutées à la fin). */
export function forger(b: Buffer, f: (p: Parties) => void): Buffer {
  const p = parties(b);
  f(p);
  return zip([...p].map(([nom, donnees]) => ({ nom, donnees })));
}

export const texte = (p: Parties, nom: string) => (p.get(nom) as Buffer).toString('utf8');
export const ecrire = (p: Parties, nom: string, xml: string) => p.set(nom, Buffer.from(xml, 'utf8'));
const echapper = (t: string) => t.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** Chemin de la partie XML d'une feuille, par son nom (xl/workbook.xml puis ses relations). */
export function cheminFeuille(p: Parties, nom: string): string {
  const classeur = texte(p, 'xl/workbook.xml');
  const balise = [...classeur.matchAll(/<sheet\b[^>]*>/g)].map((m) => m[0]).find((s) => s.includes(`name="${echapper(nom)}"`));
  const id = /r:id="([^"]+)"/.exec(balise ?? '')?.[1];
  const rel = [...texte(p, 'xl/_rels/workbook.xml.rels').matchAll(/<Relationship\b[^>]*>/g)].map((m) => m[0]).find((r) => r.includes(`Id="${id}"`));
  const cible = /Target="([^"]+)"/.exec(rel ?? '')?.[1];
  if (!cible) throw new Error(`feuille ${nom} introuvable`);
  return cible.startsWith('/') ? cible.slice(1) : `xl/${cible}`;
}

/** Remplace l'élément <c> d'une cellule (qui doit exister) par `nouveau` (élément complet). */
export function remplacerCellule(xml: string, adresse: string, nouveau: (ancien: string) => string): string {
  const re = new RegExp(`<c r="${adresse}"(?:[^>]*/>|[^>]*>[\\s\\S]*?</c>)`);
  const m = re.exec(xml);
  if (!m) throw new Error(`cellule ${adresse} absente du XML`);
  return xml.slice(0, m.index) + nouveau(m[0]) + xml.slice(m.index + m[0].length);
}

/** Style (attribut s) d'une cellule. */
export const styleDe = (c: string) => /\ss="(\d+)"/.exec(c)?.[1];

/** Cellule nombre (garde le style), cellule texte en ligne. */
export const nombre = (adresse: string, v: number) => (ancien: string) => `<c r="${adresse}"${styleDe(ancien) ? ` s="${styleDe(ancien)}"` : ''}><v>${v}</v></c>`;
export const texteEnLigne = (adresse: string, t: string) => (ancien: string) =>
  `<c r="${adresse}"${styleDe(ancien) ? ` s="${styleDe(ancien)}"` : ''} t="inlineStr"><is><t xml:space="preserve">${echapper(t)}</t></is></c>`;

/** Modifie une cellule d'une feuille nommée. */
export function modifierCellule(p: Parties, feuille: string, adresse: string, nouveau: (ancien: string) => string): void {
  const chemin = cheminFeuille(p, feuille);
  ecrire(p, chemin, remplacerCellule(texte(p, chemin), adresse, nouveau));
}

/** Donne à une cellule un nouveau format de nombre (numFmt et xf ajoutés à styles.xml). */
export function formatDeCellule(p: Parties, feuille: string, adresse: string, code: string): void {
  let styles = texte(p, 'xl/styles.xml');
  const id = 300;
  styles = styles.includes('<numFmts')
    ? styles.replace(/<numFmts count="(\d+)">/, (_t, n) => `<numFmts count="${Number(n) + 1}"><numFmt numFmtId="${id}" formatCode="${echapper(code)}"/>`)
    : styles.replace(/<styleSheet([^>]*)>/, `<styleSheet$1><numFmts count="1"><numFmt numFmtId="${id}" formatCode="${echapper(code)}"/></numFmts>`);
  const xfs = /<cellXfs count="(\d+)">([\s\S]*?)<\/cellXfs>/.exec(styles) as RegExpExecArray;
  const liste = [...xfs[2].matchAll(/<xf\b[^>]*?(?:\/>|>[\s\S]*?<\/xf>)/g)].map((m) => m[0]);
  const chemin = cheminFeuille(p, feuille);
  const ancien = texte(p, chemin).match(new RegExp(`<c r="${adresse}"[^>]*>`))?.[0] ?? '';
  const base = liste[Number(styleDe(ancien) ?? 0)];
  const nouveau = base.replace(/numFmtId="\d+"/, `numFmtId="${id}"`).replace(/\sapplyNumberFormat="[^"]*"/, '').replace(/<xf /, '<xf applyNumberFormat="1" ');
  styles = styles.replace(xfs[0], `<cellXfs count="${liste.length + 1}">${xfs[2]}${nouveau}</cellXfs>`);
  ecrire(p, 'xl/styles.xml', styles);
  ecrire(p, chemin, remplacerCellule(texte(p, chemin), adresse, (c) => (styleDe(c) ? c.replace(/\ss="\d+"/, ` s="${liste.length}"`) : c.replace(`<c r="${adresse}"`, `<c r="${adresse}" s="${liste.length}"`))));
}

/** Ajoute une feuille (XML de ses lignes) au classeur : partie, relation, type de contenu, nom. */
export function ajouterFeuille(p: Parties, nom: string, lignes: string): void {
  const chemin = 'xl/worksheets/sheet99.xml';
  ecrire(p, chemin, `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${lignes}</sheetData></worksheet>`);
  ecrire(p, 'xl/_rels/workbook.xml.rels', texte(p, 'xl/_rels/workbook.xml.rels').replace('</Relationships>', '<Relationship Id="rId99" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet99.xml"/></Relationships>'));
  ecrire(p, '[Content_Types].xml', texte(p, '[Content_Types].xml').replace('</Types>', '<Override PartName="/xl/worksheets/sheet99.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>'));
  ecrire(p, 'xl/workbook.xml', texte(p, 'xl/workbook.xml').replace('</sheets>', `<sheet name="${echapper(nom)}" sheetId="99" r:id="rId99"/></sheets>`));
}

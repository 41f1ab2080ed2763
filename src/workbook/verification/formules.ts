// Formules comparées par leur sens, non par leur texte : analysées (src/formules/analyse) puis
// réécrites sous une forme canonique. Ce qu'Excel et LibreOffice changent en ré-enregistrant ne compte
// pas : `_xlfn.`, `_xldudf_sip_cai` (minuscules), `TRUE()` pour `TRUE`, espaces, `$` des références,
// parenthèses superflues, nom de la feuille devant ses propres cellules, « of: ».
// Sert aussi à trouver les références d'une formule (formules hors de la zone qui la citent).
import { ESPACE_DE_NOMS } from '../../catalogue/types';
import { analyser, type Noeud } from '../../formules/analyse';
import { decouper } from '../../formules/lexique';
import { depuisFormeFichier } from '../../formules/forme-fichier';
import { syntaxe } from '../../formules/langue';
import { colonneDe, ligneDe } from '../adresses';
import { codeErreur } from './valeurs';

const EN = syntaxe('en-US');
const PREFIXES = /^(_XLFN\.|_XLWS\.|COM\.MICROSOFT\.|ORG\.OPENOFFICE\.)/;
const UDF = `_XLDUDF_${ESPACE_DE_NOMS}_`;

function nomFonction(nom: string): string {
  let n = nom.toUpperCase();
  for (let m = PREFIXES.exec(n); m; m = PREFIXES.exec(n)) n = n.slice(m[0].length);
  return n.startsWith(UDF) ? `${ESPACE_DE_NOMS}.${n.slice(UDF.length)}` : n;
}

/** Texte d'une formule sans « = » ni préfixe « of: ». */
function corps(f: string): string {
  return f.trim().replace(/^of:/i, '').replace(/^=/, '');
}

/** « 'Ma feuille'!$B$5:$C$9 » → { feuille: « Ma feuille », plage: « B5:C9 » }. */
export function separerFeuille(reference: string): { feuille: string | null; plage: string } {
  const q = /^'((?:[^']|'')*)'!/.exec(reference);
  if (q) return { feuille: q[1].replace(/''/g, "'"), plage: reference.slice(q[0].length) };
  const i = reference.lastIndexOf('!');
  return i < 0 ? { feuille: null, plage: reference } : { feuille: reference.slice(0, i), plage: reference.slice(i + 1) };
}

const memeFeuille = (a: string, b: string) => a.toLocaleUpperCase('fr') === b.toLocaleUpperCase('fr');

function reference(texte: string, feuille?: string): string {
  const r = separerFeuille(texte);
  const plage = r.plage.replace(/\$/g, '').toUpperCase();
  if (r.feuille === null || (feuille && memeFeuille(r.feuille, feuille))) return plage;
  return `'${r.feuille.toLocaleUpperCase('fr').replace(/'/g, "''")}'!${plage}`;
}

function canonique(n: Noeud, feuille?: string): string {
  const c = (x: Noeud) => canonique(x, feuille);
  switch (n.type) {
    case 'nombre':
      return String(n.valeur);
    case 'texte':
      return `"${n.valeur.replace(/"/g, '""')}"`;
    case 'booleen':
      return n.valeur ? 'TRUE' : 'FALSE';
    case 'erreur':
      return codeErreur(n.texte);
    case 'reference':
      return reference(n.texte, feuille);
    case 'nom':
      return n.nom.toUpperCase();
    case 'vide':
      return '';
    case 'unaire':
      return `${n.op}${c(n.operande)}`;
    case 'pourcent':
      return `${c(n.operande)}%`;
    case 'binaire':
      return `(${c(n.gauche)}${n.op}${c(n.droite)})`;
    case 'parentheses':
      return c(n.expression);
    case 'appel':
      return `${nomFonction(n.nom)}(${n.args.map(c).join(',')})`;
    case 'tableau':
      return `{${n.lignes.map((l) => l.map(c).join(',')).join(';')}}`;
  }
}

/** Ancienne comparaison, pour une formule que l'analyseur refuse : texte sans espaces ni préfixes, en majuscules. */
function normaliserTexte(f: string): string {
  return depuisFormeFichier(corps(f))
    .split(/("(?:[^"]|"")*")/)
    .map((m, i) => (i % 2 === 1 ? m : m.replace(/_xl(fn|ws)\./gi, '').replace(/\s+/g, '').replace(/\$/g, '').toUpperCase()))
    .join('');
}

/**
 * Forme de comparaison d'une formule (invariante, en-US) : deux formules de même sens ont la même
 * forme. `feuille` : la feuille qui porte la formule (ses propres cellules s'écrivent sans son nom).
 */
export function normaliserFormule(f: string, feuille?: string): string {
  try {
    return canonique(analyser(corps(f), EN).arbre, feuille);
  } catch {
    return normaliserTexte(f);
  }
}

/** Une formule qui n'est qu'un booléen (`=TRUE()`, `=FALSE`) : ce que LibreOffice écrit pour VRAI/FAUX. */
export function booleenDeFormule(f: string): boolean | null {
  const n = normaliserFormule(f);
  return n === 'TRUE' ? true : n === 'FALSE' ? false : null;
}

export interface ZoneCitee {
  /** Feuille nommée dans la référence ; null : la feuille de la formule. */
  feuille: string | null;
  c1: number;
  l1: number;
  c2: number;
  l2: number;
  texte: string;
}

export interface ReferencesFormule {
  zones: ZoneCitee[];
  noms: string[];
  /** INDIRECT ou OFFSET : la cible se calcule, on ne peut pas dire ce qui est cité. */
  indirecte: boolean;
}

const LIGNES_MAX = 1_048_576;
const COLONNES_MAX = 16_384;

function zone(texte: string): ZoneCitee | null {
  const { feuille, plage } = separerFeuille(texte);
  const [a, b = a] = plage.replace(/\$/g, '').toUpperCase().split(':').map((x) => x.replace(/^.*!/, ''));
  const borne = (x: string, fin: boolean) => {
    if (/^[A-Z]+$/.test(x)) return { c: colonneDe(x), l: fin ? LIGNES_MAX : 1 };
    if (/^\d+$/.test(x)) return { c: fin ? COLONNES_MAX : 1, l: Number(x) };
    return /^[A-Z]+\d+$/.test(x) ? { c: colonneDe(x), l: ligneDe(x) } : null;
  };
  const d = borne(a, false);
  const f = borne(b, true);
  if (!d || !f) return null;
  return { feuille, c1: Math.min(d.c, f.c), l1: Math.min(d.l, f.l), c2: Math.max(d.c, f.c), l2: Math.max(d.l, f.l), texte };
}

/** Références (cellules, plages, colonnes, lignes, noms) d'une formule ; null si elle est illisible. */
export function referencesDe(f: string): ReferencesFormule | null {
  let arbre: Noeud;
  try {
    arbre = analyser(corps(f), EN).arbre;
  } catch {
    return null;
  }
  const r: ReferencesFormule = { zones: [], noms: [], indirecte: false };
  const visiter = (n: Noeud): void => {
    if (n.type === 'reference') {
      const z = zone(n.texte);
      if (z) r.zones.push(z);
      else r.noms.push(separerFeuille(n.texte).plage);
    } else if (n.type === 'nom') r.noms.push(n.nom);
    else if (n.type === 'appel') {
      if (['INDIRECT', 'OFFSET'].includes(nomFonction(n.nom))) r.indirecte = true;
      n.args.forEach(visiter);
    } else if (n.type === 'unaire' || n.type === 'pourcent') visiter(n.operande);
    else if (n.type === 'binaire') {
      visiter(n.gauche);
      visiter(n.droite);
    } else if (n.type === 'parentheses') visiter(n.expression);
    else if (n.type === 'tableau') n.lignes.flat().forEach(visiter);
  };
  visiter(arbre);
  return r;
}

/**
 * La formule sans le nom de sa propre feuille devant ses références (`Simulation!B5` → `B5`) : le
 * recalcul place la feuille sous un autre nom. Inchangée si elle ne cite aucune feuille.
 */
export function sansFeuillePropre(f: string, feuille: string): string {
  if (!f.includes('!')) return f;
  const egal = f.trimStart().startsWith('=') ? '=' : '';
  const texte = corps(f);
  let jetons;
  try {
    jetons = decouper(texte, EN);
  } catch {
    return f;
  }
  let r = texte;
  for (const j of [...jetons].reverse()) {
    if (j.genre !== 'reference') continue;
    const { feuille: citee, plage } = separerFeuille(j.texte);
    if (citee === null || !memeFeuille(citee, feuille)) continue;
    const i = j.position - 1;
    r = r.slice(0, i) + plage.replace(/:(?:'(?:[^']|'')*'|[^:!]+)!/, ':') + r.slice(i + j.texte.length);
  }
  return egal + r;
}

// JSON pour la CLI : lecture avec des erreurs de syntaxe en français (ligne, colonne, ce qui manque)
// au lieu du message anglais de JSON.parse ; lignes des éléments d'un tableau (pour dire « candidature
// n° 3 (ligne 27) ») ; écriture en flux (morceau par morceau, jamais une chaîne géante).
import { ErreurCli } from './erreurs';

const ESPACE = new Set([0x20, 0x09, 0x0a, 0x0d]);
const NOMBRE = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;

type Attente = 'valeur' | 'valeur-ou-fin' | 'cle' | 'cle-ou-fin' | 'deux-points' | 'suite';
interface Cadre {
  type: 'objet' | 'tableau';
  /** Nom du champ en cours (objets de premier niveau seulement). */
  cle?: string;
}

export interface ProblemeJson {
  ligne: number;
  colonne: number;
  message: string;
}

function montrer(t: string, i: number): string {
  if (i >= t.length) return 'la fin du fichier';
  const c = t.codePointAt(i)!;
  return c < 0x20 ? `le caractère de contrôle U+${c.toString(16).toUpperCase().padStart(4, '0')}` : `« ${String.fromCodePoint(c)} »`;
}

/**
 * Parcourt un texte JSON sans construire de valeur. Rend le premier problème de syntaxe (ou null),
 * et appelle `surElement(ligne)` au début de chaque élément du tableau de candidatures : la racine
 * si c'est un tableau, sinon son champ « candidatures ».
 */
export function parcourirJson(t: string, surElement?: (ligne: number) => void): ProblemeJson | null {
  let i = 0;
  let ligne = 1;
  let debutLigne = 0;
  const pile: Cadre[] = [];
  let attente: Attente = 'valeur';
  const probleme = (message: string, position = i): ProblemeJson => {
    // La ligne de `position` (toujours ≥ au début de la ligne courante, sauf texte non terminé).
    return { ligne, colonne: position - debutLigne + 1, message };
  };
  const espaces = () => {
    for (; i < t.length && ESPACE.has(t.charCodeAt(i)); i++) {
      if (t.charCodeAt(i) === 0x0a) {
        ligne++;
        debutLigne = i + 1;
      }
    }
  };
  /** Lit un texte entre guillemets à partir de i ; rend un problème ou null. */
  const chaine = (): ProblemeJson | null => {
    const debut = i++;
    for (; i < t.length; i++) {
      const c = t.charCodeAt(i);
      if (c === 0x22) {
        i++;
        return null;
      }
      if (c < 0x20) return probleme(c === 0x0a ? 'texte non terminé : guillemet fermant manquant avant la fin de la ligne' : `${montrer(t, i)} est interdit dans un texte (à écrire \\t, \\n…)`);
      if (c === 0x5c) {
        const s = t[i + 1];
        if (s === 'u') {
          if (!/^[0-9a-fA-F]{4}$/.test(t.slice(i + 2, i + 6))) return probleme('séquence \\u suivie de 4 chiffres hexadécimaux attendue', i);
          i += 5;
        } else if (s !== undefined && '"\\/bfnrt'.includes(s)) i++;
        else return probleme(`séquence d’échappement \\${s ?? ''} inconnue (pour une barre oblique inverse, écrivez \\\\)`, i);
      }
    }
    return probleme('texte non terminé : guillemet fermant manquant', debut);
  };
  const debutValeur = () => {
    if (!surElement) return;
    const n = pile.length;
    const dansCandidatures = (n === 1 && pile[0].type === 'tableau') || (n === 2 && pile[0].cle === 'candidatures' && pile[1].type === 'tableau');
    if (dansCandidatures) surElement(ligne);
  };
  for (;;) {
    espaces();
    const c = t[i];
    if (i >= t.length) {
      if (pile.length === 0 && attente === 'suite') return null;
      if (t.trim() === '') return probleme('fichier vide : un objet JSON { … } attendu');
      const haut = pile[pile.length - 1];
      return probleme(`fin du fichier inattendue : ${haut ? `« ${haut.type === 'objet' ? '}' : ']'} » manquant` : 'valeur attendue'}`);
    }
    switch (attente) {
      case 'valeur':
      case 'valeur-ou-fin': {
        if (attente === 'valeur-ou-fin' && c === ']') {
          pile.pop();
          i++;
          attente = 'suite';
          break;
        }
        debutValeur();
        attente = 'suite';
        if (c === '{' || c === '[') {
          pile.push({ type: c === '{' ? 'objet' : 'tableau' });
          i++;
          attente = c === '{' ? 'cle-ou-fin' : 'valeur-ou-fin';
        } else if (c === '"') {
          const p = chaine();
          if (p) return p;
        } else if (c === '-' || (c >= '0' && c <= '9')) {
          NOMBRE.lastIndex = i;
          const m = NOMBRE.exec(t);
          if (!m) return probleme(`nombre mal écrit (${montrer(t, i)})`);
          i += m[0].length;
        } else if (t.startsWith('true', i) || t.startsWith('null', i)) i += 4;
        else if (t.startsWith('false', i)) i += 5;
        else {
          const indice = c === ']' || c === '}' ? ' (virgule en trop avant ?)' : c === "'" ? ' (les textes s’écrivent entre guillemets doubles " ")' : '';
          return probleme(`valeur attendue (texte entre guillemets doubles, nombre, true, false, null, objet ou tableau), trouvé ${montrer(t, i)}${indice}`);
        }
        break;
      }
      case 'cle':
      case 'cle-ou-fin': {
        if (attente === 'cle-ou-fin' && c === '}') {
          pile.pop();
          i++;
          attente = 'suite';
          break;
        }
        if (c !== '"') {
          const indice = c === '}' ? ' (virgule en trop avant « } » ?)' : /\d/.test(c) ? ' (nombre à virgule ? en JSON on écrit 1.5)' : c === "'" ? ' (guillemets doubles " " attendus)' : '';
          return probleme(`nom de champ entre guillemets doubles attendu, trouvé ${montrer(t, i)}${indice}`);
        }
        const debut = i;
        const p = chaine();
        if (p) return p;
        if (pile.length === 1) pile[0].cle = JSON.parse(t.slice(debut, i)) as string;
        attente = 'deux-points';
        break;
      }
      case 'deux-points':
        if (c !== ':') return probleme(`« : » attendu après le nom du champ, trouvé ${montrer(t, i)}`);
        i++;
        attente = 'valeur';
        break;
      case 'suite': {
        const haut = pile[pile.length - 1];
        if (!haut) return probleme(`texte en trop après la fin du JSON : ${montrer(t, i)}`);
        if (c === ',') {
          i++;
          attente = haut.type === 'objet' ? 'cle' : 'valeur';
        } else if ((haut.type === 'objet' && c === '}') || (haut.type === 'tableau' && c === ']')) {
          pile.pop();
          i++;
        } else {
          return probleme(haut.type === 'objet' ? `« , » ou « } » attendu après la valeur du champ, trouvé ${montrer(t, i)}` : `« , » ou « ] » attendu après l’élément du tableau, trouvé ${montrer(t, i)}`);
        }
        break;
      }
    }
  }
}

/** Lit un JSON (octets UTF-8, BOM toléré) ; une erreur de syntaxe dit où et quoi, en français. */
export function analyserJson(octets: Buffer, affiche: string): { donnees: unknown; texte: string } {
  let texte: string;
  try {
    texte = new TextDecoder('utf-8', { fatal: true }).decode(octets);
  } catch {
    throw new ErreurCli(`${affiche} n’est pas un texte UTF-8 : enregistrez-le en UTF-8 (JSON attendu)`, 1);
  }
  if (texte.charCodeAt(0) === 0xfeff) texte = texte.slice(1);
  try {
    return { donnees: JSON.parse(texte), texte };
  } catch (e) {
    if ((e as Error)?.name !== 'SyntaxError') throw e;
    const p = parcourirJson(texte);
    const ou = p ? `ligne ${p.ligne}, colonne ${p.colonne} : ${p.message}` : 'syntaxe non reconnue';
    throw new ErreurCli(`${affiche} n’est pas un JSON valide : ${ou}`, 1);
  }
}

/** Ligne (à partir de 1) de chaque élément du tableau de candidatures d'un texte JSON valide. */
export function lignesDesElements(texte: string): number[] {
  const lignes: number[] = [];
  parcourirJson(texte, (l) => lignes.push(l));
  return lignes;
}

// — Écriture en flux —

const TAILLE_LOT = 1 << 16;

function versJson(v: unknown): unknown {
  return v !== null && typeof v === 'object' && typeof (v as { toJSON?: unknown }).toJSON === 'function' ? (v as { toJSON(): unknown }).toJSON() : v;
}
const omis = (v: unknown) => v === undefined || typeof v === 'function' || typeof v === 'symbol';

/**
 * Écrit exactement `JSON.stringify(valeur, null, 2)`, par lots d'environ 64 Ko : objets et tableaux
 * jusqu'à `profondeur` niveaux sont parcourus élément par élément, le reste est sérialisé d'un bloc.
 * `ecrire` reçoit des lignes sans le saut de ligne final (comme Io.out).
 */
export function ecrireJsonEnFlux(ecrire: (lignes: string) => void, valeur: unknown, profondeur = 2): void {
  let lot: string[] = [];
  let taille = 0;
  const pousser = (ligne: string) => {
    lot.push(ligne);
    taille += ligne.length;
    if (taille >= TAILLE_LOT) {
      ecrire(lot.join('\n'));
      lot = [];
      taille = 0;
    }
  };
  const valeurEnFlux = (prefixe: string, brute: unknown, retrait: string, suffixe: string, p: number) => {
    const v = versJson(brute);
    const tableau = Array.isArray(v);
    const enfants: [string, unknown][] =
      v !== null && typeof v === 'object' && p > 0 ? (tableau ? (v as unknown[]).map((x) => ['', omis(x) ? null : x]) : Object.entries(v as object).filter(([, x]) => !omis(versJson(x))).map(([k, x]) => [`${JSON.stringify(k)}: `, x])) : [];
    if (enfants.length === 0) {
      pousser(`${retrait}${prefixe}${(JSON.stringify(v, null, 2) ?? 'null').replace(/\n/g, `\n${retrait}`)}${suffixe}`);
      return;
    }
    pousser(`${retrait}${prefixe}${tableau ? '[' : '{'}`);
    enfants.forEach(([cle, x], k) => valeurEnFlux(cle, x, `${retrait}  `, k < enfants.length - 1 ? ',' : '', p - 1));
    pousser(`${retrait}${tableau ? ']' : '}'}${suffixe}`);
  };
  valeurEnFlux('', valeur, '', '', profondeur);
  if (lot.length) ecrire(lot.join('\n'));
}

// Analyse statique des sources TypeScript du complément : graphe des imports (ce qui finit dans
// les bundles) et accès réseau (fetch, XMLHttpRequest, WebSocket, adresses). Outils des tests de
// test/quality ; l'analyse passe par l'AST de TypeScript, donc les commentaires ne comptent pas.
import fs from 'fs';
import path from 'path';
import ts from 'typescript';

export const RACINE = path.resolve(__dirname, '..', '..');
export const SRC = path.join(RACINE, 'src');

const EXTENSIONS = ['.ts', '.tsx', '.js', '.jsx', '.mjs', '.cjs'];

/** Fichiers source d'un dossier (récursif), hors tests et déclarations. */
export function fichiersSource(dossier: string): string[] {
  if (!fs.existsSync(dossier)) return [];
  const sortie: string[] = [];
  for (const e of fs.readdirSync(dossier, { withFileTypes: true })) {
    const p = path.join(dossier, e.name);
    if (e.isDirectory()) sortie.push(...fichiersSource(p));
    else if (EXTENSIONS.includes(path.extname(e.name)) && !/\.d\.ts$|\.test\.tsx?$/.test(e.name)) sortie.push(p);
  }
  return sortie.sort();
}

function lireAst(fichier: string, texte = fs.readFileSync(fichier, 'utf8')): ts.SourceFile {
  const genre = /\.[jt]sx$/.test(fichier) ? ts.ScriptKind.TSX : /\.[cm]?js$/.test(fichier) ? ts.ScriptKind.JS : ts.ScriptKind.TS;
  return ts.createSourceFile(fichier, texte, ts.ScriptTarget.Latest, true, genre);
}

/**
 * Modules importés à l'exécution par un fichier : import/export … from, import(), require().
 * Les imports de types seuls (`import type`, ou tous les noms marqués `type`) sont effacés à la
 * compilation et ne comptent pas.
 */
export function importsExecutes(fichier: string, texte?: string): string[] {
  const sf = lireAst(fichier, texte);
  const modules: string[] = [];
  const visiter = (n: ts.Node): void => {
    if (ts.isImportDeclaration(n) && ts.isStringLiteral(n.moduleSpecifier)) {
      const c = n.importClause;
      const typesSeuls =
        c?.isTypeOnly ||
        (c && !c.name && c.namedBindings && ts.isNamedImports(c.namedBindings) && c.namedBindings.elements.length > 0 &&
          c.namedBindings.elements.every((e) => e.isTypeOnly));
      if (!typesSeuls) modules.push(n.moduleSpecifier.text);
    } else if (ts.isExportDeclaration(n) && n.moduleSpecifier && ts.isStringLiteral(n.moduleSpecifier)) {
      if (!n.isTypeOnly) modules.push(n.moduleSpecifier.text);
    } else if (ts.isImportEqualsDeclaration(n) && ts.isExternalModuleReference(n.moduleReference) && ts.isStringLiteral(n.moduleReference.expression)) {
      if (!n.isTypeOnly) modules.push(n.moduleReference.expression.text);
    } else if (ts.isCallExpression(n) && n.arguments.length >= 1 && ts.isStringLiteralLike(n.arguments[0])) {
      const appel = n.expression;
      if (appel.kind === ts.SyntaxKind.ImportKeyword || (ts.isIdentifier(appel) && appel.text === 'require')) {
        modules.push(n.arguments[0].text);
      }
    }
    ts.forEachChild(n, visiter);
  };
  visiter(sf);
  return modules;
}

/** Résout un import relatif vers un fichier du dépôt, ou null (paquet, ou ressource non-code). */
export function resoudre(depuis: string, module: string): string | null {
  if (!module.startsWith('.') && !module.startsWith('/')) return null;
  const base = path.resolve(path.dirname(depuis), module);
  const candidats = [base, ...EXTENSIONS.map((e) => base + e), ...EXTENSIONS.map((e) => path.join(base, `index${e}`))];
  const trouve = candidats.find((c) => fs.existsSync(c) && fs.statSync(c).isFile());
  if (!trouve) return null;
  return EXTENSIONS.includes(path.extname(trouve)) ? trouve : null; // .json, .css, .html… : pas de code importé
}

/** Nom du paquet d'un import non relatif : « @scope/nom » ou « nom » (« node: » ôté). */
export function nomPaquet(module: string): string {
  const m = module.replace(/^node:/, '');
  const parties = m.split('/');
  return m.startsWith('@') ? parties.slice(0, 2).join('/') : parties[0];
}

export interface Graphe {
  /** Fichiers atteints depuis les points d'entrée. */
  fichiers: Set<string>;
  /** Paquet importé → chaîne d'imports qui y mène (pour le message d'échec). */
  paquets: Map<string, string[]>;
}

/** Parcourt le graphe des imports exécutés depuis des points d'entrée. */
export function parcourir(entrees: string[]): Graphe {
  const fichiers = new Set<string>();
  const paquets = new Map<string, string[]>();
  const file: { fichier: string; chemin: string[] }[] = entrees.map((f) => ({ fichier: f, chemin: [f] }));
  while (file.length) {
    const { fichier, chemin } = file.shift()!;
    if (fichiers.has(fichier)) continue;
    fichiers.add(fichier);
    for (const m of importsExecutes(fichier)) {
      const cible = resoudre(fichier, m);
      if (cible) file.push({ fichier: cible, chemin: [...chemin, cible] });
      else if (!m.startsWith('.')) {
        const p = nomPaquet(m);
        if (!paquets.has(p)) paquets.set(p, [...chemin, m]);
      }
    }
  }
  return { fichiers, paquets };
}

export const relatif = (f: string) => path.relative(RACINE, f);

// — Accès réseau —

/** API du navigateur qui ouvrent une connexion. */
const API_RESEAU = new Set(['fetch', 'XMLHttpRequest', 'WebSocket', 'sendBeacon', 'EventSource', 'importScripts', 'RTCPeerConnection']);

/**
 * Adresses permises : le CDN d'Office.js, localhost (développement), et les espaces de noms XML
 * (identifiants, jamais chargés : SVG, OOXML des classeurs).
 */
const ADRESSES_PERMISES = [
  /^https:\/\/appsforoffice\.microsoft\.com(\/|$)/,
  /^https?:\/\/localhost(:\d+)?(\/|$)/,
  /^http:\/\/www\.w3\.org\//,
  /^http:\/\/schemas\.openxmlformats\.org\//,
  /^http:\/\/schemas\.microsoft\.com\/office\//,
  /^http:\/\/purl\.org\/dc\//,
];
const ADRESSE = /\b(?:https?|wss?|ftp):\/\/[^\s'"`<>)\]\\]+/g;

export function adressesInterdites(texte: string): string[] {
  return (texte.match(ADRESSE) ?? []).map((u) => u.replace(/[;,.]+$/, '')).filter((u) => !ADRESSES_PERMISES.some((p) => p.test(u)));
}

export interface AccesReseau {
  fichier: string;
  ligne: number;
  quoi: string;
}

/** Accès réseau dans le code d'un fichier (commentaires exclus). */
export function accesReseau(fichier: string, texte?: string): AccesReseau[] {
  const sf = lireAst(fichier, texte);
  const trouves: AccesReseau[] = [];
  const noter = (n: ts.Node, quoi: string) =>
    trouves.push({ fichier: relatif(fichier), ligne: sf.getLineAndCharacterOfPosition(n.getStart(sf)).line + 1, quoi });
  const visiter = (n: ts.Node): void => {
    if (ts.isIdentifier(n) && API_RESEAU.has(n.text)) noter(n, n.text);
    else if (ts.isStringLiteralLike(n) || ts.isTemplateLiteralToken(n) || ts.isJsxText(n)) {
      for (const u of adressesInterdites(n.text)) noter(n, u);
    }
    ts.forEachChild(n, visiter);
  };
  visiter(sf);
  return trouves;
}

// — Content-Security-Policy —

/** Politique de la balise <meta http-equiv="Content-Security-Policy"> d'une page, ou null. */
export function politiqueCsp(html: string): Map<string, string[]> | null {
  const metas = html.match(/<meta\b[^>]*>/gi) ?? [];
  const meta = metas.find((m) => /http-equiv\s*=\s*["']?Content-Security-Policy["']?/i.test(m));
  if (!meta) return null;
  const contenu = /content\s*=\s*"([^"]*)"|content\s*=\s*'([^']*)'/i.exec(meta);
  if (!contenu) return null;
  const texte = (contenu[1] ?? contenu[2]).replace(/&#39;|&apos;/g, "'").replace(/&quot;/g, '"').replace(/&amp;/g, '&');
  const directives = new Map<string, string[]>();
  for (const d of texte.split(';')) {
    const [nom, ...sources] = d.trim().split(/\s+/);
    if (nom) directives.set(nom.toLowerCase(), sources);
  }
  return directives;
}

export const CDN_OFFICE = 'https://appsforoffice.microsoft.com';

function sourcePermise(s: string, permises: RegExp[]): boolean {
  return permises.some((p) => p.test(s));
}

/**
 * Défauts d'une politique : script seulement de 'self' et du CDN d'Office.js (ou aucun : 'none'),
 * connexions limitées. `chargeOffice` : la page charge Office.js, le CDN doit donc être permis.
 */
export function defautsCsp(csp: Map<string, string[]> | null, chargeOffice = true): string[] {
  if (!csp) return ['pas de balise meta Content-Security-Policy'];
  const defauts: string[] = [];
  const effective = (d: string) => csp.get(d) ?? csp.get('default-src');
  if (!csp.has('default-src')) defauts.push('default-src absent');
  const scripts = effective('script-src');
  const cdn = /^https:\/\/appsforoffice\.microsoft\.com(\/[^\s]*)?$/;
  if (!scripts) defauts.push('script-src absent (et pas de default-src)');
  else {
    const permises = [/^'self'$/, /^'none'$/, cdn, /^'nonce-[^']+'$/, /^'sha(256|384|512)-[^']+'$/];
    for (const s of scripts) if (!sourcePermise(s, permises)) defauts.push(`script-src permet ${s}`);
    if (chargeOffice && !scripts.some((s) => cdn.test(s))) defauts.push('script-src ne permet pas le CDN d’Office.js');
  }
  const connexions = effective('connect-src');
  if (!connexions) defauts.push('connect-src absent (et pas de default-src)');
  else
    for (const s of connexions) {
      if (!sourcePermise(s, [/^'self'$/, /^'none'$/, cdn, /^(https|wss?):\/\/localhost(:\d+)?\/?$/])) defauts.push(`connect-src permet ${s}`);
    }
  return defauts;
}

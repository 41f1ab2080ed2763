// Aucun accès réseau à l'exécution dans le complément, hors chargement d'Office.js : ni fetch, ni
// XMLHttpRequest, ni WebSocket, ni sendBeacon, ni adresse externe dans le code du volet, des
// fonctions, des règles, du catalogue et de la feuille de simulation ; et une Content-Security-Policy
// dans chaque page HTML du complément (script : 'self' et le CDN d'Office.js ; connexions limitées).
import fs from 'fs';
import path from 'path';
import {
  accesReseau,
  adressesInterdites,
  defautsCsp,
  fichiersSource,
  importsExecutes,
  nomPaquet,
  parcourir,
  politiqueCsp,
  RACINE,
  relatif,
  SRC,
} from './analyse-source';

/** Paquets qui signent un écrivain réservé à Node (exceljs, fichiers, rendu d'images). */
const NODE_SEULEMENT = new Set(['exceljs', 'fs', 'path', 'child_process', '@resvg/resvg-js', 'hyperformula']);
const estNodeSeulement = (f: string) => importsExecutes(f).some((m) => !m.startsWith('.') && NODE_SEULEMENT.has(nomPaquet(m)));

const ENTREES = [...fichiersSource(path.join(SRC, 'functions')), ...fichiersSource(path.join(SRC, 'taskpane'))];

/** Le code qui tourne dans Excel : tout ce qu'atteignent les points d'entrée, plus règles, catalogue, classeur (hors écrivains Node). */
function codeDuComplement(): string[] {
  const atteints = parcourir(ENTREES).fichiers;
  const partages = ['rules', 'catalogue', 'workbook'].flatMap((d) => fichiersSource(path.join(SRC, d))).filter((f) => !estNodeSeulement(f));
  return [...new Set([...atteints, ...partages])].sort();
}

describe('accès réseau dans le code du complément', () => {
  it('l’analyse repère fetch, XMLHttpRequest, WebSocket, sendBeacon et les adresses externes (contrôle de l’outil)', () => {
    const texte = [
      "fetch('/api');",
      'const x = new XMLHttpRequest();',
      "const w = new window.WebSocket('wss://exemple.fr');",
      "navigator.sendBeacon('https://telemetrie.exemple/t', '');",
      "const ok = 'https://appsforoffice.microsoft.com/lib/1/hosted/office.js';",
      "const dev = 'https://localhost:3000/taskpane.html';",
      "const svg = 'http://www.w3.org/2000/svg';",
      '// fetch dans un commentaire : https://ignore.exemple',
      'const t = `voir http://mal.exemple/${1}`;',
    ].join('\n');
    const trouves = accesReseau('/tmp/x.ts', texte).map((a) => `${a.ligne}:${a.quoi}`);
    expect(trouves).toEqual(['1:fetch', '2:XMLHttpRequest', '3:WebSocket', '3:wss://exemple.fr', '4:sendBeacon', '4:https://telemetrie.exemple/t', '9:http://mal.exemple/']);
  });

  it('aucun accès réseau dans les sources du complément', () => {
    const fichiers = codeDuComplement();
    expect(fichiers.length).toBeGreaterThan(10); // règles et catalogue au moins
    expect(fichiers.flatMap((f) => accesReseau(f)).map((a) => `${a.fichier}:${a.ligne} ${a.quoi}`)).toEqual([]);
  });
});

/** Pages HTML du complément : sources (volet, fonctions) et, si la construction existe, dist/. */
function pagesHtml(): string[] {
  const dans = (d: string) => (fs.existsSync(d) ? fs.readdirSync(d).filter((f) => f.endsWith('.html')).map((f) => path.join(d, f)) : []);
  return [...dans(path.join(SRC, 'taskpane')), ...dans(path.join(SRC, 'functions')), ...dans(path.join(RACINE, 'dist'))];
}

describe('Content-Security-Policy des pages du complément', () => {
  it('l’analyse de la politique refuse ce qu’il faut (contrôle de l’outil)', () => {
    const page = (csp: string) => `<html><head><meta http-equiv="Content-Security-Policy" content="${csp}"></head></html>`;
    const bonne = "default-src 'self'; script-src 'self' https://appsforoffice.microsoft.com; connect-src 'self'; style-src 'self' 'unsafe-inline'";
    expect(defautsCsp(politiqueCsp(page(bonne)))).toEqual([]);
    // Une page sans script (aide) : 'none' est permis, le CDN n'est exigé que si la page charge Office.js.
    expect(defautsCsp(politiqueCsp(page("default-src 'none'; script-src 'none'; style-src 'self'")), false)).toEqual([]);
    expect(defautsCsp(politiqueCsp(page("default-src 'none'; script-src 'none'")), true)).toEqual(['script-src ne permet pas le CDN d’Office.js']);
    expect(defautsCsp(politiqueCsp('<html><head></head></html>'))).toEqual(['pas de balise meta Content-Security-Policy']);
    expect(defautsCsp(politiqueCsp(page("default-src 'self'; script-src 'self' 'unsafe-eval' https://appsforoffice.microsoft.com")))).toEqual(["script-src permet 'unsafe-eval'"]);
    expect(defautsCsp(politiqueCsp(page("default-src *; script-src 'self' https://appsforoffice.microsoft.com")))).toEqual(['connect-src permet *']);
    expect(defautsCsp(politiqueCsp(page("default-src 'self'; script-src 'self' https://cdn.exemple; connect-src https:")))).toEqual([
      'script-src permet https://cdn.exemple',
      'script-src ne permet pas le CDN d’Office.js',
      'connect-src permet https:',
    ]);
  });

  const pages = pagesHtml();
  it('la page du volet (runtime partagé) existe et fait partie des pages contrôlées', () => {
    expect(pages.map(relatif)).toContain('src/taskpane/taskpane.html');
  });
  it.each(pages.map((p) => [relatif(p), p]))('%s : CSP stricte, et seules adresses : le CDN d’Office.js', (_n, p) => {
    const html = fs.readFileSync(p, 'utf8');
    const chargeOffice = /<script\b[^>]*src\s*=\s*["']https:\/\/appsforoffice\.microsoft\.com\//i.test(html);
    expect(defautsCsp(politiqueCsp(html), chargeOffice)).toEqual([]);
    // Les commentaires HTML ne comptent pas, ni les liens de la bibliographie (<a rel="noopener
    // noreferrer">) : l'utilisateur qui clique ouvre le texte officiel dans son navigateur, la page ne
    // charge rien (la CSP ci-dessus l'interdit). Toute autre adresse externe est refusée.
    const sansLiens = html.replace(/<!--[\s\S]*?-->/g, '').replace(/<a\b[^>]*\brel=["']?noopener noreferrer["']?[^>]*>[^<]*<\/a>/gi, '');
    expect(adressesInterdites(sansLiens)).toEqual([]);
  });
});

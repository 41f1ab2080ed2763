// Le manifeste est vérifié hors ligne contre une vraie construction de production, et le
// vérificateur lui-même est mis à l'épreuve : chaque défaut introduit est signalé en français.
import * as fs from 'fs';
import * as path from 'path';
import webpack from 'webpack';
import { construire, Construction, RACINE } from './construction';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const validation = require('../../scripts/validate-manifest') as {
  validerManifeste(xml: string, fichiers: { lire(relatif: string): Buffer | null }): string[];
  verifier(manifeste: string, dist: string): string[];
  lecteurDossier(dossier: string): { lire(relatif: string): Buffer | null };
  taillePng(octets: Buffer): { largeur: number; hauteur: number } | null;
};
// eslint-disable-next-line @typescript-eslint/no-require-imports
const configuration = require('../../webpack.config') as { MODULES_INTERDITS: string[]; ModulesInterditsPlugin: new () => webpack.WebpackPluginInstance };

const MANIFESTE = path.join(RACINE, 'manifest.xml');
const XML = fs.readFileSync(MANIFESTE, 'utf8');
let construction: Construction;
let fichiers: { lire(relatif: string): Buffer | null };

beforeAll(() => {
  construction = construire();
  fichiers = validation.lecteurDossier(construction.dossier);
}, 300_000); // construction webpack de production (une fois par état des sources)

/** Erreurs du vérificateur sur le manifeste modifié par `remplacer(avant, après)`. */
function erreursApres(avant: string | RegExp, apres: string, lecteur = fichiers): string[] {
  const modifie = XML.replace(avant, apres);
  expect(modifie).not.toBe(XML);
  return validation.validerManifeste(modifie, lecteur);
}

describe('le manifeste du projet', () => {
  test('est valide contre la construction de production (npm run validate)', () => {
    expect(validation.verifier(MANIFESTE, construction.dossier)).toEqual([]);
  });

  test('est copié tel quel dans la construction, avec les icônes', () => {
    expect(fs.readFileSync(path.join(construction.dossier, 'manifest.xml'), 'utf8')).toBe(XML);
    for (const t of [16, 32, 64, 80, 128]) {
      expect(validation.taillePng(fs.readFileSync(path.join(construction.dossier, 'assets', `icon-${t}.png`)))).toEqual({ largeur: t, hauteur: t });
    }
  });

  test('runtime partagé, espace de noms SIP, français d’abord avec anglais, métadonnées par langue', () => {
    expect(XML).toMatch(/<Runtime resid="Taskpane.Url" lifetime="long"\/>/);
    expect(XML).toMatch(/<bt:String id="Functions.Namespace" DefaultValue="SIP"\/>/);
    expect(XML).toMatch(/<DefaultLocale>fr-FR<\/DefaultLocale>/);
    expect(XML).toMatch(/<bt:Url id="Functions.Metadata.Url" DefaultValue="https:\/\/localhost:3000\/functions-fr.json">\s*<bt:Override Locale="en-US" Value="https:\/\/localhost:3000\/functions.json"\/>/);
    expect(XML).toMatch(/<Label resid="BoutonVolet.Label"\/>[\s\S]*<bt:String id="BoutonVolet.Label" DefaultValue="Simulateur SIP">/);
  });
});

describe('la page du runtime partagé (taskpane.html construit)', () => {
  let html: string;
  beforeAll(() => {
    html = fs.readFileSync(path.join(construction.dossier, 'taskpane.html'), 'utf8');
  });

  test('charge Office.js depuis le CDN de Microsoft avant les deux bundles, dans cet ordre', () => {
    const office = html.indexOf('https://appsforoffice.microsoft.com/lib/1/hosted/office.js');
    const fonctions = html.indexOf('src=functions.js');
    const volet = html.indexOf('src=taskpane.js');
    expect(office).toBeGreaterThan(0);
    expect(fonctions).toBeGreaterThan(office);
    expect(volet).toBeGreaterThan(fonctions);
    expect(html).toContain('<div id=racine></div>');
  });

  test('Content-Security-Policy stricte : ce site et le CDN d’Office.js seulement', () => {
    const csp = /http-equiv=Content-Security-Policy content="([^"]+)"/.exec(html)?.[1] ?? '';
    const directives = Object.fromEntries(csp.split(';').map((d) => d.trim().split(/\s+/)).map(([nom, ...v]) => [nom, v]));
    expect(directives['default-src']).toEqual(["'self'"]);
    expect(directives['script-src']).toEqual(["'self'", 'https://appsforoffice.microsoft.com']);
    expect(directives['connect-src']).toEqual(["'self'", 'https://appsforoffice.microsoft.com']);
    expect(directives['object-src']).toEqual(["'none'"]);
    expect(csp).not.toContain('unsafe-eval');
    expect(directives['script-src']).not.toContain("'unsafe-inline'");
    // Toutes les adresses externes de la page sont sur le CDN d'Office.js.
    for (const url of html.match(/https?:\/\/[^\s"'>;]+/g) ?? []) expect(url.startsWith('https://appsforoffice.microsoft.com')).toBe(true);
  });

  test('aucun eval dans les bundles (interdit par la CSP)', () => {
    for (const b of ['functions.js', 'taskpane.js']) {
      // Seule exception tolérée : le repli de webpack pour trouver l'objet global, jamais atteint
      // dans un navigateur qui a globalThis (`if (typeof globalThis == "object") return globalThis`).
      const js = fs
        .readFileSync(path.join(construction.dossier, b), 'utf8')
        .replace(/if\("object"==typeof globalThis\)return globalThis;try\{return this\|\|new Function\("return this"\)\(\)\}/g, '');
      expect(js).not.toMatch(/\beval\(|new Function\(/);
    }
  });
});

describe('modules réservés à Node hors des bundles', () => {
  test('ni hyperformula ni exceljs dans functions.js ni taskpane.js, et le catalogue est bien dans functions.js', () => {
    for (const bundle of ['functions', 'taskpane']) {
      const modules = construction.modules[bundle];
      expect(modules.length).toBeGreaterThan(0);
      for (const interdit of configuration.MODULES_INTERDITS) {
        expect(modules.filter((m) => m.includes(`node_modules/${interdit}/`))).toEqual([]);
      }
    }
    expect(construction.modules.functions.some((m) => m.includes('src/catalogue/fonctions.ts'))).toBe(true);
  });

  test('un import de hyperformula fait échouer la construction avec un message clair', async () => {
    const sortie = fs.mkdtempSync(path.join(require('os').tmpdir(), 'sip-interdit-'));
    const entree = path.join(sortie, 'entree.js');
    fs.writeFileSync(entree, "import { HyperFormula } from 'hyperformula';\nconsole.log(HyperFormula);\n");
    const stats = await new Promise<webpack.Stats>((ok, ko) =>
      webpack(
        {
          mode: 'development',
          context: RACINE,
          entry: entree,
          output: { path: sortie },
          resolve: { modules: [path.join(RACINE, 'node_modules')] },
          plugins: [new configuration.ModulesInterditsPlugin()],
        },
        (e, s) => (e || !s ? ko(e) : ok(s)),
      ),
    );
    fs.rmSync(sortie, { recursive: true, force: true });
    expect(stats.hasErrors()).toBe(true);
    expect(stats.toJson({ all: false, errors: true }).errors?.map((e) => e.message).join('\n')).toContain(
      'Module interdit dans le complément : « hyperformula »',
    );
  });
});

describe('le vérificateur signale chaque défaut, en français', () => {
  test('GUID invalide, version, permission, langue', () => {
    expect(erreursApres(/<Id>[^<]+<\/Id>/, '<Id>pas-un-guid</Id>')).toEqual(['<Id> : GUID attendu (reçu : « pas-un-guid »)']);
    expect(erreursApres('<Version>0.2.0.0</Version>', '<Version>un</Version>')).toEqual(['<Version> : n.n.n.n attendu (reçu : « un »)']);
    expect(erreursApres('<Permissions>ReadWriteDocument</Permissions>', '<Permissions>ReadDocument</Permissions>')[0]).toContain('ReadWriteDocument attendu');
    expect(erreursApres('<DefaultLocale>fr-FR</DefaultLocale>', '<DefaultLocale>francais</DefaultLocale>')[0]).toContain('<DefaultLocale> : langue-PAYS attendu');
  });

  test('élément requis absent, ou dans le mauvais ordre', () => {
    expect(erreursApres(/<SupportUrl [^>]+\/>/, '')).toEqual(['Élément requis absent : <SupportUrl>']);
    expect(erreursApres(/<AppDomains>[\s\S]*?<\/AppDomains>/, '')).toEqual(['Élément requis absent : <AppDomains>']);
    const ordre = validation.validerManifeste(XML.replace(/<Version>[^<]*<\/Version>/, '').replace('</ProviderName>', '</ProviderName><Version>0.1.0.0</Version>'), fichiers);
    expect(ordre).toHaveLength(1);
    expect(ordre[0]).toMatch(/^Ordre des éléments : <Version> doit précéder <ProviderName>/);
  });

  test('ensembles requis : fonctions personnalisées et runtime partagé 1.1', () => {
    expect(erreursApres(/<Set Name="SharedRuntime"[^>]*\/>/, '')).toEqual(['<Requirements> : <Set Name="SharedRuntime" MinVersion="1.1"/> attendu']);
    expect(erreursApres('<Set Name="CustomFunctionsRuntime" MinVersion="1.1"/>', '<Set Name="CustomFunctionsRuntime" MinVersion="1.0"/>')).toEqual([
      '<Requirements> : CustomFunctionsRuntime en version 1.1 au moins (reçu : 1.0)',
    ]);
  });

  test('resid absent des ressources, ou défini dans le mauvais groupe', () => {
    expect(erreursApres('<Label resid="Groupe.Label"/>', '<Label resid="Groupe.Libelle"/>')).toEqual(['resid « Groupe.Libelle » (<Label>) absent de <Resources>']);
    expect(erreursApres('<Description resid="BoutonVolet.Infobulle"/>', '<Description resid="BoutonVolet.Label"/>')).toEqual([
      'resid « BoutonVolet.Label » (<Description>) défini dans <bt:ShortStrings>, attendu dans <bt:LongStrings>',
    ]);
  });

  test('runtime partagé : lifetime long et même page pour le volet, les fonctions et FunctionFile', () => {
    expect(erreursApres('lifetime="long"', 'lifetime="short"')).toEqual(['<Runtime> : lifetime="long" attendu (fonctions actives volet fermé)']);
    const autrePage = erreursApres('<Page>\n              <SourceLocation resid="Taskpane.Url"/>', '<Page>\n              <SourceLocation resid="GetStarted.LearnMoreUrl"/>');
    expect(autrePage).toEqual(['Runtime partagé : la page des fonctions (GetStarted.LearnMoreUrl) doit être celle du runtime (Taskpane.Url)']);
  });

  test('adresse qui ne correspond à aucun fichier construit, ou non https', () => {
    expect(erreursApres('https://localhost:3000/functions.js', 'https://localhost:3000/fonctions.js')).toEqual([
      'Url « Functions.Script.Url » : https://localhost:3000/fonctions.js ne correspond à aucun fichier produit par la construction (fonctions.js absent)',
    ]);
    expect(erreursApres('<SupportUrl DefaultValue="https://localhost:3000/aide.html"/>', '<SupportUrl DefaultValue="http://localhost:3000/aide.html"/>')).toEqual([
      '<SupportUrl> : adresse https attendue (reçu : « http://localhost:3000/aide.html »)',
    ]);
  });

  test('icône de mauvaise taille, ou qui n’est pas un PNG', () => {
    expect(erreursApres('<bt:Image id="Icon.80x80" DefaultValue="https://localhost:3000/assets/icon-80.png"/>', '<bt:Image id="Icon.80x80" DefaultValue="https://localhost:3000/assets/icon-64.png"/>')).toEqual([
      'Image « Icon.80x80 » (taille 80) : icône assets/icon-64.png de 64×64 px, 80×80 px attendus',
    ]);
    expect(erreursApres('<IconUrl DefaultValue="https://localhost:3000/assets/icon-32.png"/>', '<IconUrl DefaultValue="https://localhost:3000/aide.html"/>')).toEqual([
      '<IconUrl> : aide.html n’est pas une image PNG',
    ]);
  });

  test('XML mal formé', () => {
    const erreurs = validation.validerManifeste(XML.replace('</Hosts>', ''), fichiers);
    expect(erreurs).toHaveLength(1);
    expect(erreurs[0]).toMatch(/^XML mal formé, ligne \d+ : /);
  });

  test('construction absente : chaque fichier manquant est nommé', () => {
    const vide = { lire: () => null };
    const erreurs = validation.validerManifeste(XML, vide);
    for (const f of ['taskpane.html', 'functions.js', 'functions-fr.json', 'functions.json', 'assets/icon-16.png', 'aide.html']) {
      expect(erreurs.some((e) => e.includes(`(${f} absent)`))).toBe(true);
    }
  });
});

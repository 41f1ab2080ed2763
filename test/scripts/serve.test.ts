// Les pièces de `npm start` testables sans serveur : options (port lu par office-addin-cli, erreurs en
// français), traduction des messages de webpack et de TypeScript, journal du serveur de développement.
/* eslint-disable @typescript-eslint/no-require-imports */
const { lireOptions } = require('../../scripts/serve') as { lireOptions(argv: string[], portParDefaut: number): { port: number } };
const { consoleInfrastructure, localiserTypeScript, resumeConstruction, traduireMessage } = require('../../scripts/serve-messages') as {
  consoleInfrastructure(ecrire: (ligne: string) => void): Record<'log' | 'info' | 'warn' | 'error', (...a: unknown[]) => void>;
  localiserTypeScript(): void;
  resumeConstruction(stats: { toJson(o: unknown): { errors?: unknown[]; warnings?: unknown[] } }, premiere: boolean): string[];
  traduireMessage(message: string): string;
};
/* eslint-enable @typescript-eslint/no-require-imports */

describe('options de npm start', () => {
  test('port par défaut, --port N et --port=N', () => {
    expect(lireOptions([], 3000)).toEqual({ port: 3000 });
    expect(lireOptions(['--port', '3001'], 3000)).toEqual({ port: 3001 });
    expect(lireOptions(['--port=8443'], 3000)).toEqual({ port: 8443 });
  });

  test.each([
    [['--port', 'abc'], '--port : numéro de port entier entre 1024 et 65535 attendu (reçu : « abc »)'],
    [['--port', '3001.5'], '--port : numéro de port entier entre 1024 et 65535 attendu (reçu : « 3001.5 »)'],
    [['--port', '80'], '--port : numéro de port entier entre 1024 et 65535 attendu (reçu : « 80 »)'],
    [['--port', '3001x'], '--port : numéro de port entier entre 1024 et 65535 attendu (reçu : « 3001x »)'],
    [['--port'], '--port : numéro de port entier entre 1024 et 65535 attendu (reçu : rien)'],
    [['--ouvrir'], 'option inconnue : « --ouvrir » (seule option : --port <numéro>, par exemple npm start -- --port 3001)'],
  ])('%j : erreur française', (argv, message) => {
    expect(() => lireOptions(argv as string[], 3000)).toThrow(message);
  });
});

describe('messages de construction en français', () => {
  test.each([
    ["Module not found: Error: Can't resolve './calendrier' in '/projet/src/rules/plan'", 'module introuvable : « ./calendrier » (importé depuis /projet/src/rules/plan)'],
    [
      "export 'LIBELLES_AIDE' (imported as 'LIBELLES_AIDE') was not found in '../scenario/eligibilite' (possible exports: a, b)",
      '« LIBELLES_AIDE » n\'est pas exporté par « ../scenario/eligibilite » (exports : a, b)',
    ],
    ['[tsl] ERROR in /ailleurs/x.ts(3,7)\n      TS1109: Expression attendue.', 'TS1109 dans /ailleurs/x.ts, ligne 3, colonne 7 : Expression attendue.'],
    ['Something unexpected\nstack', '« Something unexpected »'],
  ])('%s', (anglais, francais) => {
    expect(traduireMessage(anglais)).toBe(francais);
  });

  test('résumé : une ligne par erreur, le module et l’emplacement nommés', () => {
    const stats = {
      toJson: () => ({ errors: [{ moduleName: './src/a.ts', loc: '5:0-47', message: "Module not found: Error: Can't resolve './b' in '/x'" }], warnings: [] }),
    };
    expect(resumeConstruction(stats, true)).toEqual([
      'La construction a échoué (1 erreur) ; le serveur attend les corrections et reconstruit seul :',
      '  Erreur dans ./src/a.ts (5:0-47) : module introuvable : « ./b » (importé depuis /x)',
    ]);
    expect(resumeConstruction({ toJson: () => ({ errors: [], warnings: [] }) }, false)).toEqual(['Reconstruction terminée : rechargez le volet.']);
  });

  test('les diagnostics de TypeScript passent en français', () => {
    localiserTypeScript();
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const ts = require('typescript');
    const r = ts.transpileModule('let x = (;', { reportDiagnostics: true, fileName: 'a.ts' });
    expect(ts.flattenDiagnosticMessageText(r.diagnostics[0].messageText, '\n')).toBe('Expression attendue.');
    ts.validateLocaleAndSetLanguage('en', ts.sys); // rendre l'anglais aux autres tests du même processus
  });

  test('journal du serveur de développement : informations tues, avertissements en français', () => {
    const lignes: string[] = [];
    const c = consoleInfrastructure((l) => lignes.push(l));
    c.info('[webpack-dev-server] Project is running at:');
    c.log('Loopback: https://localhost:3000/');
    c.warn('[webpack-dev-server] Something odd');
    expect(lignes).toEqual(['Serveur de développement, avertissement : « Something odd »']);
  });
});

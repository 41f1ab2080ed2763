// Construit la vraie page du volet (taskpane.html + bundles) avec la configuration webpack du projet,
// en mode développement (rapide, sans eval : la CSP l'interdit), dans un dossier de test, avec un
// cache disque : la première construction prend ~10 s, les suivantes ~2 s.
import * as path from 'path';

export const RACINE = path.resolve(__dirname, '../..');

export async function construireVolet(sortie: string): Promise<string> {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const webpack = require('webpack');
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const configuration = require(path.join(RACINE, 'webpack.config.js'));
  const cfg = configuration({ sortie }, { mode: 'development' });
  cfg.devtool = false;
  cfg.cache = { type: 'filesystem', cacheDirectory: path.join(RACINE, 'node_modules/.cache/webpack-test-volet') };
  cfg.infrastructureLogging = { level: 'error' };
  await new Promise<void>((ok, echec) => {
    webpack(cfg, (err: Error | null, stats: { hasErrors(): boolean; toString(o: string): string }) => {
      if (err) echec(err);
      else if (stats.hasErrors()) echec(new Error(`Construction du volet en échec :\n${stats.toString('errors-only')}`));
      else ok();
    });
  });
  return path.join(sortie, 'taskpane.html');
}

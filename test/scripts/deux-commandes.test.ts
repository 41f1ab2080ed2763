// Deux commandes suffisent (README) : `npm ci && npm start` et `npm ci && npm test` ; `npm test`
// installe lui-même les outils système de ses tests (pretest : scripts/setup.sh, avant toute
// compilation) et la CI ne lance rien d'autre que la commande du README.
import * as fs from 'fs';
import * as path from 'path';

const RACINE = path.resolve(__dirname, '../..');
const lire = (f: string) => fs.readFileSync(path.join(RACINE, f), 'utf8');

test('le README donne exactement deux commandes de mise en route', () => {
  const readme = lire('README.md');
  const bloc = /Sur une machine Debian neuve avec Node 20, deux commandes suffisent :\n\n```sh\n([\s\S]*?)```/.exec(readme);
  expect(bloc).not.toBeNull();
  expect(bloc![1].trim().split('\n').map((l) => l.split('#')[0].trim())).toEqual(['npm ci && npm start', 'npm ci && npm test']);
});

test('npm test commence par scripts/setup.sh (pretest), avant de compiler', () => {
  const { scripts } = JSON.parse(lire('package.json')) as { scripts: Record<string, string> };
  expect(scripts.pretest).toBe('bash scripts/setup.sh');
  expect(scripts.test.startsWith('tsc ')).toBe(true); // la compilation vient après le pretest
});

test('.ci/run lance la commande du README et rien d’autre', () => {
  const commandes = lire('.ci/run').split('\n').filter((l) => l.trim() && !l.startsWith('#') && !/^(set |cd )/.test(l));
  expect(commandes).toEqual(['npm ci && npm test']);
});

// Les bundles du complément (fonctions personnalisées, volet) ne doivent embarquer ni HyperFormula
// ni exceljs ni rien de propre à Node : parcours statique du graphe des imports des sources TS,
// depuis chaque fichier de src/functions et src/taskpane.
import { builtinModules } from 'module';
import path from 'path';
import { fichiersSource, importsExecutes, nomPaquet, parcourir, relatif, SRC } from './analyse-source';

/** Paquets réservés à Node (CLI, tests, écrivains de classeurs) : jamais dans un bundle du complément. */
const INTERDITS_BUNDLE = new Set(['hyperformula', 'exceljs', '@resvg/resvg-js', 'fast-xml-parser', 'playwright-core', ...builtinModules]);

const ENTREES = [...fichiersSource(path.join(SRC, 'functions')), ...fichiersSource(path.join(SRC, 'taskpane'))];

describe('graphe des imports du complément', () => {
  it('l’analyse voit les imports réels, pas ceux de types ni des commentaires (contrôle de l’outil)', () => {
    const texte = [
      "import { a } from './a';",
      "import type { B } from 'hyperformula';",
      "import { type C } from 'exceljs';",
      "export { d } from '../d';",
      "export type { E } from 'fs';",
      "// import x from 'commentaire';",
      "const f = require('node:fs');",
      "const g = () => import('react-dom/client');",
    ].join('\n');
    expect(importsExecutes('/tmp/x.ts', texte)).toEqual(['./a', '../d', 'node:fs', 'react-dom/client']);
    expect(['@fluentui/react-components/unstable', 'node:fs', 'react-dom/client'].map(nomPaquet)).toEqual(['@fluentui/react-components', 'fs', 'react-dom']);
  });

  it('détecte HyperFormula à travers les imports relatifs (contrôle : le moteur de formules et la CLI l’importent)', () => {
    const g = parcourir([path.join(SRC, 'cli', 'main.ts')]);
    expect(g.paquets.has('hyperformula')).toBe(true);
    expect(g.paquets.get('hyperformula')?.map(relatif)).toContain('src/formules/moteur.ts');
    expect(g.fichiers.has(path.join(SRC, 'rules', 'decimal.ts'))).toBe(true);
  });

  it('le moteur de règles et le catalogue (partagés avec le complément) n’importent rien de propre à Node', () => {
    const g = parcourir([...fichiersSource(path.join(SRC, 'rules')), ...fichiersSource(path.join(SRC, 'catalogue'))]);
    const interdits = [...g.paquets.entries()].filter(([p]) => INTERDITS_BUNDLE.has(p));
    expect(interdits.map(([p, chemin]) => `${p} ← ${chemin.map((c) => (c.startsWith('/') ? relatif(c) : c)).join(' → ')}`)).toEqual([]);
    // Ni Office ni DOM dans les règles : seul decimal.js est permis.
    const paquetsRegles = [...parcourir(fichiersSource(path.join(SRC, 'rules'))).paquets.keys()];
    expect(paquetsRegles.filter((p) => p !== 'decimal.js')).toEqual([]);
  });

  it('src/functions et src/taskpane n’importent (même indirectement) ni hyperformula, ni exceljs, ni module Node', () => {
    // Les points d'entrée des bundles (webpack.config.js) sont parmi les fichiers parcourus.
    expect(ENTREES.map(relatif)).toEqual(expect.arrayContaining(['src/functions/functions.ts', 'src/taskpane/index.tsx']));
    const g = parcourir(ENTREES);
    const interdits = [...g.paquets.entries()].filter(([p]) => INTERDITS_BUNDLE.has(p));
    expect(interdits.map(([p, chemin]) => `${p} ← ${chemin.map((c) => (c.startsWith('/') ? relatif(c) : c)).join(' → ')}`)).toEqual([]);
    // Les fichiers atteints restent dans src/, hors CLI et hors moteur HyperFormula (src/formules/moteur.ts).
    const horsPerimetre = [...g.fichiers].map(relatif).filter((f) => f.startsWith('src/cli/') || f === 'src/formules/moteur.ts' || !f.startsWith('src/'));
    expect(horsPerimetre).toEqual([]);
  });
});

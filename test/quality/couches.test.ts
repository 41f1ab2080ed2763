// Les couches du code (issue 12) : le moteur de règles ne dépend de rien d'autre que de lui-même et de
// decimal.js ; le catalogue ne dépend que des règles ; le volet n'embarque ni exceljs, ni HyperFormula,
// ni la CLI ; aucun module n'en importe un autre qui l'importe (aucun cycle) ; aucune fonction de
// src/workbook ne dépasse environ 80 lignes.
import path from 'path';
import ts from 'typescript';
import fs from 'fs';
import { fichiersSource, importsExecutes, nomPaquet, relatif, resoudre, SRC } from './analyse-source';

const dossier = (d: string) => path.join(SRC, d);
const dans = (f: string, d: string) => f.startsWith(dossier(d) + path.sep);

interface Import {
  de: string;
  vers: string | null;
  module: string;
}

function imports(fichiers: string[]): Import[] {
  return fichiers.flatMap((de) => importsExecutes(de).map((module) => ({ de, vers: resoudre(de, module), module })));
}

/** Imports d'un dossier qui sortent de ce qui lui est permis (dossiers de src et paquets). */
function interdits(d: string, dossiersPermis: string[], paquetsPermis: string[]): string[] {
  return imports(fichiersSource(dossier(d)))
    .filter(({ vers, module }) => (vers ? !dossiersPermis.some((p) => dans(vers, p)) : !module.startsWith('.') && !paquetsPermis.includes(nomPaquet(module))))
    .map(({ de, vers, module }) => `${relatif(de)} → ${vers ? relatif(vers) : module}`);
}

/** Composantes fortement connexes de plus d'un fichier (Tarjan) : les cycles d'imports. */
function cycles(fichiers: string[]): string[][] {
  const succ = new Map(fichiers.map((f) => [f, imports([f]).flatMap((i) => (i.vers ? [i.vers] : []))]));
  const index = new Map<string, number>();
  const bas = new Map<string, number>();
  const pile: string[] = [];
  const surPile = new Set<string>();
  const r: string[][] = [];
  let n = 0;
  const visiter = (v: string): void => {
    index.set(v, n);
    bas.set(v, n++);
    pile.push(v);
    surPile.add(v);
    for (const w of succ.get(v) ?? []) {
      if (!index.has(w)) {
        visiter(w);
        bas.set(v, Math.min(bas.get(v)!, bas.get(w)!));
      } else if (surPile.has(w)) bas.set(v, Math.min(bas.get(v)!, index.get(w)!));
    }
    if (bas.get(v) === index.get(v)) {
      const c: string[] = [];
      let w: string;
      do {
        w = pile.pop()!;
        surPile.delete(w);
        c.push(relatif(w));
      } while (w !== v);
      if (c.length > 1) r.push(c.sort());
    }
  };
  for (const f of fichiers) if (!index.has(f)) visiter(f);
  return r;
}

/** Fonctions (déclarations, méthodes, fonctions fléchées) de plus de `max` lignes. */
function fonctionsLongues(fichier: string, max: number): string[] {
  const texte = fs.readFileSync(fichier, 'utf8');
  const sf = ts.createSourceFile(fichier, texte, ts.ScriptTarget.Latest, true, fichier.endsWith('x') ? ts.ScriptKind.TSX : ts.ScriptKind.TS);
  const longues: string[] = [];
  const visiter = (n: ts.Node): void => {
    if (ts.isFunctionDeclaration(n) || ts.isMethodDeclaration(n) || ts.isArrowFunction(n) || ts.isFunctionExpression(n)) {
      const debut = sf.getLineAndCharacterOfPosition(n.getStart(sf)).line;
      const fin = sf.getLineAndCharacterOfPosition(n.getEnd()).line;
      if (fin - debut + 1 > max) longues.push(`${relatif(fichier)}:${debut + 1} (${fin - debut + 1} lignes)`);
    }
    ts.forEachChild(n, visiter);
  };
  visiter(sf);
  return longues;
}

describe('couches', () => {
  test('l’outil voit un import interdit (contrôle)', () => {
    const faux = path.join(dossier('rules'), 'faux.ts');
    expect(importsExecutes(faux, "import { x } from '../workbook/feuille';\nimport 'exceljs';").map((m) => resoudre(faux, m) ?? m).map((x) => (x.startsWith('/') ? relatif(x) : x)))
      .toEqual(['src/workbook/feuille.ts', 'exceljs']);
    expect(cycles([])).toEqual([]);
  });

  test('src/rules n’importe que src/rules et decimal.js', () => {
    expect(interdits('rules', ['rules'], ['decimal.js'])).toEqual([]);
  });

  test('src/catalogue n’importe que src/rules', () => {
    expect(interdits('catalogue', ['rules', 'catalogue'], [])).toEqual([]);
  });

  test('src/taskpane n’importe ni exceljs, ni hyperformula, ni src/cli', () => {
    const fautifs = imports(fichiersSource(dossier('taskpane'))).filter(({ vers, module }) =>
      (vers && dans(vers, 'cli')) || ['exceljs', 'hyperformula'].includes(nomPaquet(module)));
    expect(fautifs.map((i) => `${relatif(i.de)} → ${i.module}`)).toEqual([]);
  });

  test('aucun cycle d’imports entre modules de src', () => {
    expect(cycles(fichiersSource(SRC))).toEqual([]);
  });

  test('aucune fonction de src/workbook de plus de 80 lignes', () => {
    expect(fichiersSource(dossier('workbook')).flatMap((f) => fonctionsLongues(f, 80))).toEqual([]);
  });
});

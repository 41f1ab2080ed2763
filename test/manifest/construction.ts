// Construction de production du complément pour les tests, faite une seule fois pour un même état
// des sources : dossier temporaire nommé par l'empreinte des entrées, réutilisé par les fichiers de
// test suivants (et par les lancements suivants tant que rien n'a changé).
import { execFileSync } from 'child_process';
import { createHash } from 'crypto';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

export const RACINE = path.resolve(__dirname, '..', '..');
const PREFIXE = 'sip-construction-';
/** Cache disque de webpack : une reconstruction après une petite modification prend quelques secondes. */
const CACHE = path.join(RACINE, 'node_modules', '.cache', 'webpack-test-complement');

function fichiersSous(dossier: string): string[] {
  if (!fs.existsSync(dossier)) return [];
  return fs.readdirSync(dossier, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dossier, e.name);
    return e.isDirectory() ? fichiersSous(p) : [p];
  });
}

/** Empreinte de tout ce qui entre dans la construction. */
function empreinte(): string {
  const h = createHash('sha256');
  const entrees = [
    ...fichiersSous(path.join(RACINE, 'src')),
    ...fichiersSous(path.join(RACINE, 'assets')),
    ...['manifest.xml', 'webpack.config.js', 'scripts/metadata.js', 'package-lock.json', 'tsconfig.json'].map((f) => path.join(RACINE, f)),
  ].sort();
  for (const f of entrees) {
    h.update(path.relative(RACINE, f));
    h.update(fs.existsSync(f) ? fs.readFileSync(f) : '');
  }
  return h.digest('hex').slice(0, 16);
}

export interface Construction {
  dossier: string;
  /** Fichiers sources (relatifs à la racine) de chaque bundle, modules concaténés compris. */
  modules: Record<string, string[]>;
}

export function construire(): Construction {
  const dossier = path.join(os.tmpdir(), `${PREFIXE}${empreinte()}`);
  const modules = path.join(dossier, 'modules.json');
  if (!fs.existsSync(modules)) {
    const provisoire = `${dossier}.${process.pid}`;
    fs.rmSync(provisoire, { recursive: true, force: true });
    const webpackCli = path.join(RACINE, 'node_modules', 'webpack-cli', 'bin', 'cli.js');
    try {
      execFileSync(process.execPath, [webpackCli, '--mode', 'production', '--env', `sortie=${provisoire}/dist`, '--env', `modules=${provisoire}/modules.json`, '--env', `cache=${CACHE}`], {
        cwd: RACINE,
        stdio: ['ignore', 'pipe', 'pipe'],
        timeout: 300_000,
        env: { ...process.env, SIP_URL_BASE: '' },
      });
    } catch (e) {
      const { stdout, stderr } = e as { stdout?: Buffer; stderr?: Buffer };
      fs.rmSync(provisoire, { recursive: true, force: true });
      throw new Error(`La construction webpack a échoué :\n${String(stdout ?? '')}${String(stderr ?? '')}`.slice(0, 4000));
    }
    try {
      fs.renameSync(provisoire, dossier);
    } catch {
      // Un autre processus de test a fini le même travail : on garde le sien.
      fs.rmSync(provisoire, { recursive: true, force: true });
    }
    // Ménage : constructions d'états précédents des sources.
    for (const d of fs.readdirSync(os.tmpdir())) {
      const p = path.join(os.tmpdir(), d);
      if (d.startsWith(PREFIXE) && p !== dossier && !d.includes('.')) fs.rmSync(p, { recursive: true, force: true });
    }
  }
  return { dossier: path.join(dossier, 'dist'), modules: JSON.parse(fs.readFileSync(modules, 'utf8')) };
}

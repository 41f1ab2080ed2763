// scripts/setup.sh, lancé par `npm test` (pretest) avant toute compilation : ne fait rien quand les
// outils sont là ; sans droits d'administrateur, s'arrête aussitôt en français avec la commande à
// lancer ; en root, installe les paquets Debian sans question, ne met à jour les listes d'apt que
// s'il le faut. Les commandes du système (id, apt-get, apt-cache, chromium, soffice) sont des
// doublures placées seules dans le PATH : aucune installation réelle n'est faite ici.
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

const SCRIPT = path.resolve(__dirname, '../../scripts/setup.sh');
const POLICE = '/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf';
// Sans la police sur la machine de test, les cas ci-dessous la verraient manquer aussi.
const avecPolice = fs.existsSync(POLICE) ? describe : describe.skip;

interface Machine {
  /** Commandes présentes parmi chromium et soffice. */
  presents: ('chromium' | 'soffice')[];
  uid: number;
  /** Listes d'apt vides (machine neuve) : apt-cache ne connaît aucun paquet. */
  listesVides?: boolean;
  /** La première installation échoue (listes périmées). */
  premiereInstallationEchoue?: boolean;
  /** Toute installation échoue (miroir injoignable). */
  installationImpossible?: boolean;
  sansApt?: boolean;
}

function lancer(m: Machine) {
  const dossier = fs.mkdtempSync(path.join(os.tmpdir(), 'setup-'));
  const bin = path.join(dossier, 'bin');
  fs.mkdirSync(bin);
  const journal = path.join(dossier, 'apt.log');
  const ecrire = (nom: string, corps: string) => fs.writeFileSync(path.join(bin, nom), `#!/bin/bash\n${corps}\n`, { mode: 0o755 });
  for (const outil of ['mktemp', 'tail', 'rm', 'cat']) fs.symlinkSync(spawnSync('sh', ['-c', `command -v ${outil}`], { encoding: 'utf8' }).stdout.trim(), path.join(bin, outil));
  ecrire('id', `echo ${m.uid}`);
  for (const c of m.presents) ecrire(c, 'exit 0');
  if (!m.sansApt) {
    ecrire('apt-cache', `${m.listesVides ? `[ -e "${dossier}/listes" ] || exit 100` : ''}\nexit 0`);
    ecrire(
      'apt-get',
      [
        `echo "DEBIAN_FRONTEND=$DEBIAN_FRONTEND $*" >> "${journal}"`,
        `case " $* " in *" update "*) : > "${dossier}/listes"; echo "Get:1 http://deb.debian.org bookworm InRelease"; exit 0 ;; esac`,
        m.listesVides ? `[ -e "${dossier}/listes" ] || { echo "E: Unable to locate package" >&2; exit 100; }` : '',
        m.installationImpossible ? 'echo "E: Failed to fetch http://deb.debian.org/debian/pool/main/c/chromium.deb" >&2; exit 100' : '',
        m.premiereInstallationEchoue ? `[ -e "${dossier}/echec" ] || { : > "${dossier}/echec"; echo "E: 404 Not Found" >&2; exit 100; }` : '',
        // « Installe » : les commandes apparaissent.
        `for p in "$@"; do case "$p" in chromium) printf '#!/bin/bash\\nexit 0\\n' > "${bin}/chromium"; chmod +x "${bin}/chromium" ;; libreoffice-calc) printf '#!/bin/bash\\nexit 0\\n' > "${bin}/soffice"; chmod +x "${bin}/soffice" ;; esac; done`,
        'echo "Setting up chromium ..."',
      ].join('\n'),
    );
  }
  const debut = process.hrtime.bigint();
  const r = spawnSync('/bin/bash', [SCRIPT], { encoding: 'utf8', env: { PATH: bin, LANG: 'C.UTF-8', TMPDIR: dossier } });
  const ms = Number(process.hrtime.bigint() - debut) / 1e6;
  const appels = fs.existsSync(journal) ? fs.readFileSync(journal, 'utf8').trim().split('\n') : [];
  const restes = fs.readdirSync(dossier).filter((f) => f.endsWith('.log') && f !== 'apt.log');
  fs.rmSync(dossier, { recursive: true, force: true });
  return { code: r.status, sortie: r.stdout, erreurs: r.stderr, appels, ms, restes };
}

avecPolice('scripts/setup.sh (pretest de npm test)', () => {
  test('tout est présent : rien n’est fait, rien n’est affiché, en quelques millisecondes', () => {
    const r = lancer({ presents: ['chromium', 'soffice'], uid: 1000 });
    expect([r.code, r.sortie, r.erreurs, r.appels]).toEqual([0, '', '', []]);
    expect(r.ms).toBeLessThan(2000); // borne large : une machine partagée ; l'ordre de grandeur est 5 ms
  });

  test('sans droits d’administrateur : arrêt immédiat (code 1), en français, avec la seule commande à lancer', () => {
    const r = lancer({ presents: ['soffice'], uid: 1000 });
    expect(r.code).toBe(1);
    expect(r.sortie).toBe('');
    expect(r.erreurs).toBe(
      'npm test : outils système absents : chromium (Chromium, tests du volet).\n' +
        'Installez-les une fois, en administrateur, puis relancez npm test :\n' +
        '  sudo bash scripts/setup.sh\n',
    );
    expect(r.appels).toEqual([]); // apt n'est jamais appelé
  });

  test('les deux outils manquent : les deux paquets sont nommés', () => {
    const r = lancer({ presents: [], uid: 1000 });
    expect(r.code).toBe(1);
    expect(r.erreurs.split('\n')[0]).toBe('npm test : outils système absents : chromium (Chromium, tests du volet), libreoffice-calc (LibreOffice Calc, tests des classeurs).');
  });

  test('système sans apt-get : message français, code 1', () => {
    const r = lancer({ presents: ['chromium'], uid: 0, sansApt: true });
    expect(r.code).toBe(1);
    expect(r.erreurs).toContain('Ce système n\'a pas apt-get (Debian) : installez-les avec son gestionnaire de paquets, puis relancez npm test.');
  });

  test('root, listes d’apt à jour : installation sans question et sans mise à jour des listes, une ligne affichée', () => {
    const r = lancer({ presents: ['soffice'], uid: 0 });
    expect(r.code).toBe(0);
    expect(r.appels).toEqual([
      'DEBIAN_FRONTEND=noninteractive -y -q -o Dpkg::Use-Pty=0 -o DPkg::Lock::Timeout=300 -o Dpkg::Options::=--force-confdef -o Dpkg::Options::=--force-confold install --no-install-recommends chromium',
    ]);
    // La sortie d'apt reste dans le journal (supprimé après succès).
    expect(r.sortie).toBe('Installation des outils système des tests (une seule fois) : chromium…\nOutils système des tests installés.\n');
    expect(r.erreurs).toBe('');
    expect(r.restes).toEqual([]);
  });

  test('root, machine neuve sans listes d’apt : une mise à jour, puis l’installation', () => {
    const r = lancer({ presents: [], uid: 0, listesVides: true });
    expect(r.code).toBe(0);
    expect(r.appels.map((a) => a.split(' ').filter((m) => m === 'update' || m === 'install' || !m.startsWith('-') && !m.includes('=')).join(' '))).toEqual([
      'update',
      'install chromium libreoffice-calc',
    ]);
    expect(r.appels.every((a) => a.startsWith('DEBIAN_FRONTEND=noninteractive '))).toBe(true);
  });

  test('root, listes périmées : l’installation échoue, mise à jour, second essai réussi', () => {
    const r = lancer({ presents: ['chromium'], uid: 0, premiereInstallationEchoue: true });
    expect(r.code).toBe(0);
    expect(r.appels.map((a) => (a.includes(' update') ? 'update' : 'install'))).toEqual(['install', 'update', 'install']);
  });

  test('root, installation impossible : code 1, message français et fin du journal d’apt', () => {
    const r = lancer({ presents: ['soffice'], uid: 0, installationImpossible: true });
    expect(r.code).toBe(1);
    expect(r.erreurs).toMatch(/^Échec de l'installation de chromium \(apt-get\) ; fin du journal \(.*sip-setup\..*\.log\) :\n/);
    expect(r.erreurs).toContain('E: Failed to fetch');
    expect(r.appels.map((a) => (a.includes(' update') ? 'update' : 'install'))).toEqual(['install', 'update', 'install']);
  });

  test('root, puis relance : la seconde fois ne fait rien (idempotent)', () => {
    const r = lancer({ presents: ['chromium', 'soffice'], uid: 0 });
    expect([r.code, r.sortie, r.appels]).toEqual([0, '', []]);
  });
});

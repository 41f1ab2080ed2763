// Écriture sûre (src/cli/fichiers.ts) : création exclusive sous un nom aléatoire, jamais à travers un
// lien symbolique, mise en place atomique, --force vérifié au moment de la mise en place, rien de laissé
// sur erreur — disque plein compris (panne injectée dans la couche système de fichiers).
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { main } from '../../src/cli/main';
import { ErreurCli } from '../../src/cli/erreurs';
import { ecrireFichier, ecrireFichierEnFlux, Poignee, SYSTEME_REEL, SystemeFichiers } from '../../src/cli/fichiers';
import { Io } from '../../src/cli/io';
import { AUJOURDHUI } from '../aide-test';

const RACINE = path.join(__dirname, '../..');
let dossier: string;
beforeEach(() => {
  dossier = fs.mkdtempSync(path.join(os.tmpdir(), 'sip-fichiers-'));
});
afterEach(() => fs.rmSync(dossier, { recursive: true, force: true }));

const contenuDe = (f: string) => fs.readFileSync(f, 'utf8');
const enfants = () => fs.readdirSync(dossier).sort();

/** Le message français de l'erreur levée par `f` (échoue si `f` réussit ou lève autre chose). */
async function messageDe(f: () => Promise<unknown>): Promise<string> {
  try {
    await f();
  } catch (e) {
    if (e instanceof ErreurCli) return e.message;
    throw e;
  }
  throw new Error('aurait dû échouer');
}

/** Erreur système comme Node la lève (code ENOSPC…). */
const erreurSysteme = (code: string) => Object.assign(new Error(`${code}: simulée`), { code });

/** Système de fichiers réel dont l'écriture échoue (disque plein) après `octets` octets écrits. */
function disquePleinApres(octets: number, ouverts: string[] = [], base: SystemeFichiers = { ...SYSTEME_REEL }): SystemeFichiers {
  return {
    ...base,
    async open(c, d, m) {
      ouverts.push(c);
      const reelle = await base.open(c, d, m);
      let ecrits = 0;
      const p: Poignee = {
        async write(t, o, l) {
          if (ecrits + l > octets) throw erreurSysteme('ENOSPC');
          ecrits += l;
          return reelle.write(t, o, l);
        },
        sync: () => reelle.sync(),
        close: () => reelle.close(),
      };
      return p;
    },
  };
}

describe('écriture ordinaire', () => {
  test('le fichier apparaît complet, seul, avec le mode demandé (0o600 pour une clé)', async () => {
    const cible = path.join(dossier, 'ars.cle');
    await ecrireFichier(cible, 'secret', { force: false, mode: 0o600 });
    expect(contenuDe(cible)).toBe('secret');
    expect(fs.statSync(cible).mode & 0o777).toBe(0o600);
    expect(enfants()).toEqual(['ars.cle']);
  });

  test('sans --force, un fichier existant est refusé et gardé ; avec --force, remplacé', async () => {
    const cible = path.join(dossier, 'a.xlsx');
    fs.writeFileSync(cible, 'ancien');
    expect(await messageDe(() => ecrireFichier(cible, 'nouveau', { force: false, affiche: 'a.xlsx' }))).toBe('a.xlsx existe déjà ; ajoutez --force pour le remplacer');
    expect(contenuDe(cible)).toBe('ancien');
    await ecrireFichier(cible, 'nouveau', { force: true });
    expect(contenuDe(cible)).toBe('nouveau');
    expect(enfants()).toEqual(['a.xlsx']);
  });

  test('dossier de destination absent, cible qui est un dossier : messages français', async () => {
    expect(await messageDe(() => ecrireFichier(path.join(dossier, 'absent', 'a.xlsx'), 'x', { force: false, affiche: 'absent/a.xlsx' }))).toBe('absent/a.xlsx : le dossier de destination n’existe pas');
    fs.mkdirSync(path.join(dossier, 'd.xlsx'));
    expect(await messageDe(() => ecrireFichier(path.join(dossier, 'd.xlsx'), 'x', { force: true, affiche: 'd.xlsx' }))).toBe('d.xlsx est un dossier, pas un fichier');
  });

  test('écriture refusée par le système (droits) : message français, rien de laissé', async () => {
    const systeme: SystemeFichiers = { ...SYSTEME_REEL, open: async () => Promise.reject(erreurSysteme('EACCES')) };
    expect(await messageDe(() => ecrireFichier(path.join(dossier, 'a.xlsx'), 'x', { force: false, affiche: 'a.xlsx', systeme }))).toBe(
      'a.xlsx : écriture refusée (droits d’accès insuffisants sur le fichier ou son dossier)',
    );
    expect(enfants()).toEqual([]);
  });
});

describe('liens symboliques : jamais suivis', () => {
  test('une cible qui est un lien symbolique est refusée, même avec --force ; le fichier visé est intact', async () => {
    const victime = path.join(dossier, 'victime.txt');
    fs.writeFileSync(victime, 'ne pas toucher');
    fs.symlinkSync(victime, path.join(dossier, 'sortie.xlsx'));
    for (const force of [false, true]) {
      expect(await messageDe(() => ecrireFichier(path.join(dossier, 'sortie.xlsx'), 'x', { force, affiche: 'sortie.xlsx' }))).toBe(
        'sortie.xlsx est un lien symbolique : refusé (le fichier serait écrit ailleurs que là où il paraît) ; donnez le chemin du fichier lui-même',
      );
    }
    expect(contenuDe(victime)).toBe('ne pas toucher');
    expect(enfants()).toEqual(['sortie.xlsx', 'victime.txt']);
  });

  test('un lien posé au nom temporaire prévisible d’avant (.sortie.xlsx.<pid>.tmp) n’est pas suivi', async () => {
    const victime = path.join(dossier, 'victime.txt');
    fs.writeFileSync(victime, 'ne pas toucher');
    fs.symlinkSync(victime, path.join(dossier, `.sortie.xlsx.${process.pid}.tmp`));
    await ecrireFichier(path.join(dossier, 'sortie.xlsx'), 'classeur', { force: false });
    expect(contenuDe(victime)).toBe('ne pas toucher');
    expect(contenuDe(path.join(dossier, 'sortie.xlsx'))).toBe('classeur');
  });

  test('un lien posé au nom temporaire tiré au sort, juste avant la création, fait échouer la création (O_EXCL | O_NOFOLLOW) ; un autre nom est tiré', async () => {
    const victime = path.join(dossier, 'victime.txt');
    fs.writeFileSync(victime, 'ne pas toucher');
    const ouverts: string[] = [];
    const systeme: SystemeFichiers = {
      ...SYSTEME_REEL,
      open: async (c, d, m) => {
        ouverts.push(c);
        if (ouverts.length === 1) fs.symlinkSync(victime, c); // l'attaquant devine le nom
        return SYSTEME_REEL.open(c, d, m);
      },
    };
    await ecrireFichier(path.join(dossier, 'sortie.xlsx'), 'classeur', { force: false, systeme });
    expect(ouverts).toHaveLength(2);
    expect(ouverts[0]).not.toBe(ouverts[1]);
    expect(path.dirname(ouverts[0])).toBe(dossier);
    expect(path.basename(ouverts[0])).toMatch(/^\.sortie\.xlsx\.[0-9a-f]{16}\.tmp$/);
    expect(contenuDe(victime)).toBe('ne pas toucher');
    expect(contenuDe(path.join(dossier, 'sortie.xlsx'))).toBe('classeur');
  });
});

describe('disque plein (ENOSPC injecté) : message français, aucun fichier laissé', () => {
  const MESSAGE = 'sortie.xlsx : disque plein, le fichier n’a pas été écrit (aucun fichier partiel n’est laissé)';

  test('écriture d’un bloc', async () => {
    const ouverts: string[] = [];
    expect(await messageDe(() => ecrireFichier(path.join(dossier, 'sortie.xlsx'), Buffer.alloc(100_000, 1), { force: false, affiche: 'sortie.xlsx', systeme: disquePleinApres(50_000, ouverts) }))).toBe(MESSAGE);
    expect(ouverts).toHaveLength(1);
    expect(enfants()).toEqual([]);
  });

  test('avec --force, l’ancien fichier reste entier', async () => {
    const cible = path.join(dossier, 'sortie.xlsx');
    fs.writeFileSync(cible, 'ancien classeur');
    expect(await messageDe(() => ecrireFichier(cible, Buffer.alloc(100_000, 1), { force: true, affiche: 'sortie.xlsx', systeme: disquePleinApres(10) }))).toBe(MESSAGE);
    expect(contenuDe(cible)).toBe('ancien classeur');
    expect(enfants()).toEqual(['sortie.xlsx']);
  });

  test('écriture en flux (classeur exceljs écrit ligne par ligne)', async () => {
    const { ecrireClasseurProgramme } = await import('../../src/workbook/programme/ecrire-xlsx');
    const cellules = Array.from({ length: 3000 }, (_, i) => ({ adresse: `A${i + 1}`, valeur: `ligne ${i + 1} ${'texte '.repeat(20)}` }));
    const d = { nom: 'Feuille', plage: 'A1:A3000', colonnes: [], cellules, fusions: [], graphiques: [] };
    expect(await messageDe(() => ecrireFichierEnFlux(path.join(dossier, 'sortie.xlsx'), { force: false, affiche: 'sortie.xlsx', systeme: disquePleinApres(20_000) }, (flux) => ecrireClasseurProgramme(d, flux)))).toBe(MESSAGE);
    expect(enfants()).toEqual([]);
  });

  test('sip programme -o sur un disque plein : code 2, message français, aucun fichier', async () => {
    // Même chemin que la CLI, la panne injectée dans un système de fichiers remplacé pour le test.
    const fichiers = await import('../../src/cli/fichiers');
    const reel = { ...fichiers.SYSTEME_REEL };
    Object.assign(fichiers.SYSTEME_REEL, disquePleinApres(5_000));
    try {
      const err: string[] = [];
      const io: Io = { out: () => undefined, err: (t) => err.push(t), cwd: RACINE, aujourdhui: AUJOURDHUI };
      const sortie = path.join(dossier, 'programme.xlsx');
      expect(await main(['programme', 'examples/candidatures-sip.json', '--enveloppe', '250000', '-o', sortie], io)).toBe(2);
      expect(err).toEqual([`sip programme : ${sortie} : disque plein, le fichier n’a pas été écrit (aucun fichier partiel n’est laissé)`]);
      expect(enfants()).toEqual([]);
    } finally {
      Object.assign(fichiers.SYSTEME_REEL, reel);
    }
  });
});

describe('--force vérifié au moment de la mise en place', () => {
  /** Le fichier cible apparaît (autre programme) entre le contrôle de départ et la mise en place. */
  function cibleQuiApparait(cible: string, base: SystemeFichiers = SYSTEME_REEL): SystemeFichiers {
    let apparu = false;
    const apparaitre = () => {
      if (!apparu) fs.writeFileSync(cible, 'écrit par un autre');
      apparu = true;
    };
    return {
      ...base,
      link: async (a, b) => {
        apparaitre();
        return base.link(a, b);
      },
      rename: async (a, b) => {
        apparaitre();
        return base.rename(a, b);
      },
    };
  }

  test('sans --force : link() refuse la cible apparue (EEXIST) ; elle est gardée, le temporaire supprimé', async () => {
    const cible = path.join(dossier, 'sortie.xlsx');
    expect(await messageDe(() => ecrireFichier(cible, 'le mien', { force: false, affiche: 'sortie.xlsx', systeme: cibleQuiApparait(cible) }))).toBe(
      'sortie.xlsx est apparu pendant l’écriture ; il n’a pas été remplacé (ajoutez --force pour le remplacer)',
    );
    expect(contenuDe(cible)).toBe('écrit par un autre');
    expect(enfants()).toEqual(['sortie.xlsx']);
  });

  test('système sans liens physiques (link → EPERM) : vérification juste avant rename(), même refus', async () => {
    const cible = path.join(dossier, 'sortie.xlsx');
    const sansLien: SystemeFichiers = { ...SYSTEME_REEL, link: async () => Promise.reject(erreurSysteme('EPERM')) };
    // La cible apparaît au moment où link() échoue : la vérification qui suit la voit.
    const systeme: SystemeFichiers = {
      ...sansLien,
      link: async (a, b) => {
        fs.writeFileSync(cible, 'écrit par un autre');
        return sansLien.link(a, b);
      },
    };
    expect(await messageDe(() => ecrireFichier(cible, 'le mien', { force: false, affiche: 'sortie.xlsx', systeme }))).toBe(
      'sortie.xlsx est apparu pendant l’écriture ; il n’a pas été remplacé (ajoutez --force pour le remplacer)',
    );
    expect(contenuDe(cible)).toBe('écrit par un autre');
    expect(enfants()).toEqual(['sortie.xlsx']);
    // Sans concurrent, le repli écrit normalement.
    fs.rmSync(cible);
    await ecrireFichier(cible, 'le mien', { force: false, systeme: sansLien });
    expect(contenuDe(cible)).toBe('le mien');
    expect(enfants()).toEqual(['sortie.xlsx']);
  });

  test('avec --force : rename() remplace la cible apparue, d’un coup', async () => {
    const cible = path.join(dossier, 'sortie.xlsx');
    await ecrireFichier(cible, 'le mien', { force: true, systeme: cibleQuiApparait(cible) });
    expect(contenuDe(cible)).toBe('le mien');
    expect(enfants()).toEqual(['sortie.xlsx']);
  });

  test('cible devenue un lien symbolique pendant l’écriture : refusée, rien de laissé', async () => {
    const cible = path.join(dossier, 'sortie.xlsx');
    const victime = path.join(dossier, 'victime.txt');
    fs.writeFileSync(victime, 'ne pas toucher');
    let ouvert = false;
    const systeme: SystemeFichiers = {
      ...SYSTEME_REEL,
      open: async (c, d, m) => {
        const p = await SYSTEME_REEL.open(c, d, m);
        if (!ouvert) fs.symlinkSync(victime, cible);
        ouvert = true;
        return p;
      },
    };
    expect(await messageDe(() => ecrireFichier(cible, 'le mien', { force: true, affiche: 'sortie.xlsx', systeme }))).toBe('sortie.xlsx est devenu un lien symbolique pendant l’écriture : refusé');
    expect(contenuDe(victime)).toBe('ne pas toucher');
    expect(enfants()).toEqual(['sortie.xlsx', 'victime.txt']);
  });
});

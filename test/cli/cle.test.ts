// `sip cle creer` / `sip cle voir` et les fichiers de clé refusés par verify et signer : messages
// français qui nomment le fichier, droits 600 de la clé privée, jamais d'écrasement sans --force.
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { main } from '../../src/cli/main';
import { Io } from '../../src/cli/io';

let dossier: string;
beforeEach(() => {
  dossier = fs.mkdtempSync(path.join(os.tmpdir(), 'sip-cle-'));
});
afterEach(() => fs.rmSync(dossier, { recursive: true, force: true }));

async function lancer(...argv: string[]) {
  const sortie: string[] = [];
  const erreurs: string[] = [];
  const io: Io = { out: (t) => sortie.push(t), err: (t) => erreurs.push(t), cwd: dossier, aujourdhui: '2026-11-24' };
  const code = await main(argv, io);
  return { code, sortie, erreurs };
}
const lire = (f: string) => fs.readFileSync(path.join(dossier, f), 'utf8');

test('sip cle creer : ars.cle (privée, droits 600) et ars.pub (publique, organisme, empreinte)', async () => {
  const r = await lancer('cle', 'creer', '--organisme', 'ARS Bretagne', '-o', 'ars');
  expect(r.code).toBe(0);
  expect(fs.readdirSync(dossier).sort()).toEqual(['ars.cle', 'ars.pub']);
  expect(fs.statSync(path.join(dossier, 'ars.cle')).mode & 0o777).toBe(0o600);
  const pub = JSON.parse(lire('ars.pub'));
  expect(pub).toMatchObject({ type: 'sip-cle-publique', version: 1, organisme: 'ARS Bretagne', algorithme: 'Ed25519', creee_le: '2026-11-24' });
  expect(Buffer.from(pub.cle, 'base64')).toHaveLength(32);
  expect(pub.empreinte).toBe(require('crypto').createHash('sha256').update(Buffer.from(pub.cle, 'base64')).digest('hex'));
  expect(lire('ars.pub')).not.toContain('cle_privee');
  const prive = JSON.parse(lire('ars.cle'));
  expect(prive).toMatchObject({ type: 'sip-cle-privee', organisme: 'ARS Bretagne', cle: pub.cle, empreinte: pub.empreinte });
  expect(Buffer.from(prive.cle_privee, 'base64')).toHaveLength(32);
  const courte = pub.empreinte.slice(0, 16).match(/.{4}/g).join(' ');
  expect(r.sortie).toEqual([
    'Clés créées pour « ARS Bretagne » :',
    '  ars.cle : clé PRIVÉE (droits 600). Gardez-la dans l’organisme, ne la transmettez jamais ; elle signe les classeurs : sip signer classeur.xlsx --cle ars.cle',
    '  ars.pub : clé publique. Envoyez-la une fois à ceux qui vérifieront vos classeurs : sip verify classeur.xlsx --confiance ars.pub',
    `  Empreinte de la clé : ${courte} (confirmez-la de vive voix avec vos correspondants)`,
  ]);
  const v = await lancer('cle', 'voir', 'ars.pub');
  expect(v.sortie).toEqual([`ars.pub : clé publique de « ARS Bretagne », créée le 24/11/2026`, `  Empreinte : ${courte} (complète : ${pub.empreinte})`]);
  expect((await lancer('cle', 'voir', 'ars.cle')).sortie[0]).toBe('ars.cle : clé PRIVÉE de « ARS Bretagne », créée le 24/11/2026');
});

test('jamais d’écrasement sans --force ; avec --force, une nouvelle clé', async () => {
  await lancer('cle', 'creer', '--organisme', 'ARS Bretagne', '-o', 'ars.cle');
  const avant = lire('ars.pub');
  const r = await lancer('cle', 'creer', '--organisme', 'ARS Bretagne', '-o', 'ars');
  expect(r.code).toBe(2);
  expect(r.erreurs).toEqual(['sip cle : ars.cle existe déjà ; ajoutez --force pour le remplacer']);
  expect(lire('ars.pub')).toBe(avant);
  fs.unlinkSync(path.join(dossier, 'ars.cle'));
  expect((await lancer('cle', 'creer', '--organisme', 'ARS Bretagne', '-o', 'ars')).erreurs).toEqual(['sip cle : ars.pub existe déjà ; ajoutez --force pour le remplacer']);
  expect(fs.readdirSync(dossier)).toEqual(['ars.pub']);
  expect((await lancer('cle', 'creer', '--organisme', 'ARS Bretagne', '-o', 'ars', '--force')).code).toBe(0);
  expect(JSON.parse(lire('ars.pub')).empreinte).not.toBe(JSON.parse(avant).empreinte);
});

test.each([
  [['cle', 'creer', '-o', 'ars'], 'sip cle : --organisme attendu (ex. --organisme "ARS Bretagne")'],
  [['cle', 'creer', '--organisme', 'ARS Bretagne'], 'sip cle : -o attendu : le nom des fichiers de clé, sans extension (ex. -o ars pour ars.cle et ars.pub)'],
  [['cle', 'creer', '--organisme', 'ARS\u0007Bretagne', '-o', 'ars'], 'sip cle : --organisme : nom d’organisme refusé (caractère de contrôle U+0007 en position 4)'],
  [['cle', 'creer', '--organisme', ' ', '-o', 'ars'], 'sip cle : --organisme : nom d’organisme vide'],
  [['cle', 'detruire'], 'sip cle : action inconnue « detruire » (creer ou voir attendu)'],
])('usage %p', async (argv, message) => {
  const r = await lancer(...argv);
  expect(r.code).toBe(2);
  expect(r.erreurs[0]).toBe(message);
  expect(fs.readdirSync(dossier)).toEqual([]);
});

describe('fichiers de clé refusés par verify et signer (avant d’ouvrir le classeur)', () => {
  beforeEach(async () => {
    await lancer('cle', 'creer', '--organisme', 'ARS Bretagne', '-o', 'ars');
    fs.writeFileSync(path.join(dossier, 'notes.txt'), 'bonjour');
  });
  test.each([
    [['verify', 'x.xlsx', '--confiance', 'ars.cle'], 'sip verify : ars.cle est une clé PRIVÉE : pour vérifier, utilisez la clé publique (fichier .pub) ; une clé privée ne doit jamais être transmise'],
    [['verify', 'x.xlsx', '--confiance', 'notes.txt'], 'sip verify : notes.txt n’est pas un fichier de clé du simulateur SIP (fichier .pub ou .cle créé par « sip cle creer » attendu)'],
    [['verify', 'x.xlsx', '--confiance', 'absente.pub'], 'sip verify : absente.pub : fichier introuvable'],
    [['signer', 'x.xlsx', '--cle', 'ars.pub'], 'sip signer : ars.pub est une clé publique : pour signer, il faut la clé privée de l’organisme (fichier .cle créé avec elle)'],
    [['signer', 'x.xlsx'], 'sip signer : --cle attendu : la clé privée de l’organisme (créée par « sip cle creer »)'],
    [['simulate', 'x.json', '-o', 's.xlsx', '--signer', 'notes.txt'], 'sip simulate : notes.txt n’est pas un fichier de clé du simulateur SIP (fichier .pub ou .cle créé par « sip cle creer » attendu)'],
  ])('%p', async (argv, message) => {
    const r = await lancer(...argv);
    expect(r.code).toBe(2);
    expect(r.erreurs[0]).toBe(message);
  });

  test('clé privée lisible par d’autres utilisateurs : refusée, comme ssh', async () => {
    fs.chmodSync(path.join(dossier, 'ars.cle'), 0o644);
    const r = await lancer('signer', 'x.xlsx', '--cle', 'ars.cle');
    expect(r.code).toBe(2);
    expect(r.erreurs[0]).toBe('sip signer : ars.cle : clé privée lisible par d’autres utilisateurs (droits 644) ; quiconque la lit peut signer au nom de ARS Bretagne. Restreignez-la (chmod 600 ars.cle), puis relancez');
  });

  test('clé privée modifiée (moitié privée d’une autre clé) : refusée', async () => {
    await lancer('cle', 'creer', '--organisme', 'ARS Bretagne', '-o', 'autre');
    const ars = JSON.parse(lire('ars.cle'));
    ars.cle_privee = JSON.parse(lire('autre.cle')).cle_privee;
    fs.writeFileSync(path.join(dossier, 'ars.cle'), JSON.stringify(ars), { mode: 0o600 });
    const r = await lancer('signer', 'x.xlsx', '--cle', 'ars.cle');
    expect(r.erreurs[0]).toBe('sip signer : ars.cle : la clé privée et la clé publique du fichier ne vont pas ensemble (fichier modifié ?)');
  });
});

// Signature d'un classeur par un organisme, de bout en bout (issue 14, point 2) : sip simulate --signer,
// sip signer, sip verify --confiance ; autre organisme, clé qui se fait passer pour une autre, classeur
// modifié après la signature, classeur altéré qu'on refuse de signer.
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { main } from '../../src/cli/main';
import { Io } from '../../src/cli/io';
import { lireClasseur } from '../../src/workbook/exceljs/lire';
import { forger, modifierCellule, nombre } from '../workbook/forge-xlsx';

const RACINE = path.resolve(__dirname, '../..');
let dossier: string;

async function lancer(...argv: string[]) {
  const sortie: string[] = [];
  const erreurs: string[] = [];
  const io: Io = { out: (t) => sortie.push(t), err: (t) => erreurs.push(t), cwd: dossier, aujourdhui: '2026-11-24' };
  const code = await main(argv, io);
  return { code, sortie, erreurs, texte: [...sortie, ...erreurs].join('\n') };
}
const chemin = (f: string) => path.join(dossier, f);
/** Adresse d'une cellule du classeur généré : par sa formule (forme fichier). */
async function adresseDe(fichier: string, formule: RegExp): Promise<string> {
  const lu = await lireClasseur(fs.readFileSync(chemin(fichier)));
  return lu.simulations[0].cellules.find((c) => c.formule && formule.test(c.formule))!.adresse;
}
const empreinte = (pub: string) => (JSON.parse(fs.readFileSync(chemin(pub), 'utf8')).empreinte as string).slice(0, 16).match(/.{4}/g)!.join(' ');

beforeAll(async () => {
  dossier = fs.mkdtempSync(path.join(os.tmpdir(), 'sip-signer-'));
  await lancer('cle', 'creer', '--organisme', 'ARS Bretagne', '-o', 'ars');
  await lancer('cle', 'creer', '--organisme', 'CPAM du Finistère', '-o', 'cpam');
  // Une clé qui se dit « ARS Bretagne » sans l'être.
  await lancer('cle', 'creer', '--organisme', 'ARS Bretagne', '-o', 'imposteur');
  const exemple = path.join(RACINE, 'examples/centre-de-sante.json');
  expect((await lancer('simulate', exemple, '-o', 'simulation.xlsx')).code).toBe(0);
  const s = await lancer('simulate', exemple, '-o', 'signe.xlsx', '--signer', 'ars.cle');
  expect(s.code).toBe(0);
  expect(s.sortie.at(-1)).toBe(`Signé par ARS Bretagne (clé ${empreinte('ars.pub')}) : vérifiable avec « sip verify signe.xlsx --confiance ars.pub »`);
}, 60_000);
afterAll(() => fs.rmSync(dossier, { recursive: true, force: true }));

test('sip simulate --signer puis sip verify --confiance ars.pub : « signé par ARS Bretagne (clé …), intact », code 0', async () => {
  const v = await lancer('verify', 'signe.xlsx', '--confiance', 'cpam.pub', '--confiance', 'ars.pub');
  expect(v.code).toBe(0);
  expect(v.sortie).toContain(`  Signature : signé par ARS Bretagne (clé ${empreinte('ars.pub')}), intact`);
  expect(v.sortie.at(-1)).toBe(`Résultat : signé par ARS Bretagne (clé ${empreinte('ars.pub')}), intact.`);
});

test('vérifié avec la seule clé d’un autre organisme : non accepté, code 1, on dit qui prétend avoir signé', async () => {
  const v = await lancer('verify', 'signe.xlsx', '--confiance', 'cpam.pub');
  expect(v.code).toBe(1);
  expect(v.sortie.at(-1)).toBe(`Résultat : NON ACCEPTÉ (« Simulation » : signé avec une clé qui n’est pas dans vos clés de confiance : le classeur se dit signé par ARS Bretagne (clé ${empreinte('ars.pub')}), mais vos clés de confiance sont : CPAM du Finistère : clé ${empreinte('cpam.pub')} ; signature NON ACCEPTÉE).`);
});

test('sans --confiance : non signé → ce que prouve l’empreinte et comment signer ; signé → la signature n’est que déclarée', async () => {
  const v = await lancer('verify', 'simulation.xlsx');
  expect(v.code).toBe(0);
  expect(v.sortie.slice(-4)).toEqual([
    'Sans signature, l’empreinte SHA-256 de la provenance détecte une modification accidentelle, pas une falsification : n’importe qui peut modifier le classeur et la recalculer.',
    'Pour prouver l’origine d’un classeur : l’organisme émetteur crée sa clé une fois (sip cle creer --organisme "ARS Bretagne" -o ars), envoie ars.pub à ses correspondants,',
    'signe chaque classeur (sip signer classeur.xlsx --cle ars.cle, ou sip simulate … --signer ars.cle) ; le destinataire vérifie avec sip verify classeur.xlsx --confiance ars.pub.',
    'Résultat : tout concorde.',
  ]);
  const s = await lancer('verify', 'signe.xlsx');
  expect(s.code).toBe(0);
  expect(s.sortie.slice(-2)).toEqual(['Signature de ARS Bretagne déclarée par le classeur : pour la prouver, vérifiez avec --confiance et la clé publique reçue de l’organisme.', 'Résultat : tout concorde.']);
  const n = await lancer('verify', 'simulation.xlsx', '--confiance', 'ars.pub');
  expect(n.code).toBe(1);
  expect(n.sortie.at(-1)).toBe('Résultat : NON ACCEPTÉ (« Simulation » : non signée, origine non prouvée).');
});

test('sip signer (classeur du volet ou non signé) : -o, puis en place ; re-signé par la CPAM, la clé de l’ARS ne l’accepte plus', async () => {
  const r = await lancer('signer', 'simulation.xlsx', '--cle', 'cpam.cle', '-o', 'cpam.xlsx');
  expect(r.code).toBe(0);
  expect(r.sortie[0]).toBe(`Classeur signé par CPAM du Finistère (clé ${empreinte('cpam.pub')}) : cpam.xlsx`);
  expect((await lancer('signer', 'simulation.xlsx', '--cle', 'cpam.cle', '-o', 'cpam.xlsx')).erreurs[0]).toBe('sip signer : cpam.xlsx existe déjà ; ajoutez --force pour le remplacer');
  expect((await lancer('verify', 'cpam.xlsx', '--confiance', 'cpam.pub')).code).toBe(0);
  fs.copyFileSync(chemin('signe.xlsx'), chemin('en-place.xlsx'));
  const p = await lancer('signer', 'en-place.xlsx', '--cle', 'cpam.cle');
  expect(p.sortie.slice(0, 2)).toEqual([`Classeur signé par CPAM du Finistère (clé ${empreinte('cpam.pub')}) : en-place.xlsx`, '  feuille « Simulation » (signature précédente de ARS Bretagne remplacée)']);
  const v = await lancer('verify', 'en-place.xlsx', '--confiance', 'ars.pub');
  expect(v.code).toBe(1);
  expect(v.texte).toContain(`le classeur se dit signé par CPAM du Finistère (clé ${empreinte('cpam.pub')})`);
});

test('une autre clé qui se dit « ARS Bretagne » : la vraie clé de l’ARS ne l’accepte pas', async () => {
  expect((await lancer('signer', 'simulation.xlsx', '--cle', 'imposteur.cle', '-o', 'faux.xlsx')).code).toBe(0);
  const v = await lancer('verify', 'faux.xlsx', '--confiance', 'ars.pub');
  expect(v.code).toBe(1);
  expect(v.texte).toContain(`le classeur se dit signé par ARS Bretagne (clé ${empreinte('imposteur.pub')}), mais vos clés de confiance sont : ARS Bretagne : clé ${empreinte('ars.pub')} ; signature NON ACCEPTÉE`);
});

test('modifié après la signature (une donnée d’entrée, XML retouché) : code 1, signé → maintenant', async () => {
  // Quotité de Médecin 3 (400 postes) : 0,6 dans l'exemple ; passée à 0,8 dans le classeur signé.
  const plafond = (await lireClasseur(fs.readFileSync(chemin('signe.xlsx')))).simulations[0].cellules.find((c) => c.formule?.startsWith('=_xldudf_SIP_PLAFOND400('))!;
  const q = /^=_xldudf_SIP_PLAFOND400\(\$([A-Z]+)\$(\d+)/.exec(plafond.formule!)!.slice(1).join(''); // SIP.PLAFOND400(quotité, date)
  fs.writeFileSync(chemin('retouche.xlsx'), forger(fs.readFileSync(chemin('signe.xlsx')), (p) => modifierCellule(p, 'Simulation', q, nombre(q, 0.8))));
  const v = await lancer('verify', 'retouche.xlsx', '--confiance', 'ars.pub');
  expect(v.code).toBe(1);
  expect(v.sortie).toContain(`  Signature : signé par ARS Bretagne (clé ${empreinte('ars.pub')}), modifié depuis la signature (1 différence)`);
  expect(v.sortie).toContain(`    ${q} : 0,6 → 0,8`);
  expect(v.sortie).toContain(`    ${q.padEnd(6)} entree_modifiee : donnée d’entrée sim_med3_quotite modifiée dans la feuille : 0,8 au lieu de 0,6 (scénario de la provenance)`);
  expect(v.sortie.at(-1)).toMatch(/^Résultat : NON ACCEPTÉ \(« Simulation » : signé par ARS Bretagne .*, modifié depuis la signature \(1 différence\)\)\.$/);
  const j = JSON.parse((await lancer('verify', 'retouche.xlsx', '--confiance', 'ars.pub', '--json')).sortie.join('\n'));
  expect(j.simulations[0].signature).toMatchObject({ statut: 'modifiee', organismeConfiance: 'ARS Bretagne', differences: [`${q} : 0,6 → 0,8`] });
});

test('un classeur altéré n’est pas signé : code 1, rien n’est écrit', async () => {
  // 2e versement du CAI : sa formule remplacée par une valeur.
  const cai = await adresseDe('simulation.xlsx', /^=_xldudf_SIP_CAI\(\$B\$\d+,2,/);
  fs.writeFileSync(chemin('altere.xlsx'), forger(fs.readFileSync(chemin('simulation.xlsx')), (p) => modifierCellule(p, 'Simulation', cai, nombre(cai, 40000))));
  const r = await lancer('signer', 'altere.xlsx', '--cle', 'ars.cle', '-o', 'altere-signe.xlsx');
  expect(r.code).toBe(1);
  const [entete, premiere] = r.erreurs[0].split('\n');
  expect(entete).toBe('sip signer : altere.xlsx : la feuille « Simulation » ne correspond plus à sa simulation ; rien n’a été signé (recréez la simulation depuis le volet ou avec « sip simulate », puis signez) :');
  expect(premiere).toMatch(new RegExp(`^  ${cai} : formule =SIP\\.CAI\\(\\$B\\$\\d+,2,\\$B\\$\\d+\\) remplacée par la valeur 40000$`));
  expect(fs.existsSync(chemin('altere-signe.xlsx'))).toBe(false);
});

// `sip cle creer --organisme "ARS Bretagne" -o ars` : crée la paire de clés Ed25519 d'un organisme,
// ars.cle (PRIVÉE, droits 600, pour signer) et ars.pub (publique, à envoyer une fois à ceux qui
// vérifieront). `sip cle voir ars.pub` : l'organisme et l'empreinte d'une clé (à confirmer de vive voix).
// Formats des fichiers : src/workbook/signature/cles.ts. Jamais d'écrasement sans --force ; écritures
// atomiques (fichiers.ts).
import * as path from 'path';
import { ErreurCle, empreinteCourte, lireClePrivee, lireClePublique, texteClePrivee, texteClePublique, verifierOrganisme } from '../../workbook/signature/cles';
import { lireFichierBorne } from '../entrees';
import { commande, ErreurCli, ErreurUsage } from '../erreurs';
import { ecrireFichier, verifierCible } from '../fichiers';
import { Io } from '../io';
import { DeclarationOption, lireOptions } from '../options';
import { creerCles } from '../signature/cles-fichiers';
import { promises as fsp } from 'fs';

const USAGE = 'Usage : sip cle creer --organisme "ARS Bretagne" -o ars [--force]   (écrit ars.cle, privée, et ars.pub, publique)\n        sip cle voir ars.pub   (organisme et empreinte d’une clé)';

export const OPTIONS_CLE: readonly DeclarationOption[] = [
  { nom: '--organisme', exemple: '"ARS Bretagne"' },
  { nom: '-o', alias: ['--sortie'], exemple: 'ars' },
  { nom: '--force' },
];


async function executer(args: string[], io: Io): Promise<number> {
  const o = lireOptions('cle', args, OPTIONS_CLE);
  if (o.aide) {
    io.out(USAGE);
    return 0;
  }
  const [action, ...reste] = o.positionnels;
  if (action === 'creer' || action === 'créer') return creer(reste, o.valeur('--organisme'), o.valeur('-o'), o.drapeau('--force'), io);
  if (action === 'voir') return voir(reste, io);
  throw new ErreurUsage(action ? `action inconnue « ${action} » (creer ou voir attendu)` : 'action attendue : creer ou voir');
}

async function creer(reste: string[], organisme: string | undefined, sortie: string | undefined, force: boolean, io: Io): Promise<number> {
  if (reste.length) throw new ErreurUsage(`argument inattendu : ${reste.join(' ')}`);
  if (organisme === undefined) throw new ErreurUsage('--organisme attendu (ex. --organisme "ARS Bretagne")');
  if (!sortie) throw new ErreurUsage('-o attendu : le nom des fichiers de clé, sans extension (ex. -o ars pour ars.cle et ars.pub)');
  let nom: string;
  try {
    nom = verifierOrganisme(organisme, '--organisme');
  } catch (e) {
    throw e instanceof ErreurCle ? new ErreurUsage(e.message) : e;
  }
  const base = sortie.replace(/\.(cle|pub)$/i, '');
  const [prive, public_] = [`${base}.cle`, `${base}.pub`];
  const cibles = [prive, public_].map((f) => path.resolve(io.cwd, f));
  // Les deux cibles sont contrôlées avant d'écrire quoi que ce soit.
  for (const [i, c] of cibles.entries()) await verifierCible(c, { force, affiche: [prive, public_][i] });
  const c = creerCles(nom, io.aujourdhui ?? new Date().toISOString().slice(0, 10));
  await ecrireFichier(cibles[0], texteClePrivee(c), { force, mode: 0o600, affiche: prive });
  try {
    await ecrireFichier(cibles[1], texteClePublique(c), { force, affiche: public_ });
  } catch (e) {
    await fsp.unlink(cibles[0]).catch(() => undefined); // pas de clé privée sans sa clé publique
    throw e;
  }
  io.out(`Clés créées pour « ${nom} » :`);
  io.out(`  ${prive} : clé PRIVÉE (droits 600). Gardez-la dans l’organisme, ne la transmettez jamais ; elle signe les classeurs : sip signer classeur.xlsx --cle ${prive}`);
  io.out(`  ${public_} : clé publique. Envoyez-la une fois à ceux qui vérifieront vos classeurs : sip verify classeur.xlsx --confiance ${public_}`);
  io.out(`  Empreinte de la clé : ${empreinteCourte(c.empreinte)} (confirmez-la de vive voix avec vos correspondants)`);
  return 0;
}

async function voir(reste: string[], io: Io): Promise<number> {
  if (reste.length !== 1) throw new ErreurUsage('un fichier de clé attendu (ex. sip cle voir ars.pub)');
  const f = reste[0];
  const texte = (await lireFichierBorne(path.resolve(io.cwd, f), f, 64 * 1024, 'une clé (.pub ou .cle)')).toString('utf8');
  let prive = false;
  let c;
  try {
    c = lireClePublique(texte, f);
  } catch (e) {
    if (!(e instanceof ErreurCle)) throw e;
    if (!/clé PRIVÉE/.test(e.message)) throw new ErreurCli(e.message);
    try {
      c = lireClePrivee(texte, f);
    } catch (e2) {
      throw e2 instanceof ErreurCle ? new ErreurCli(e2.message) : e2;
    }
    prive = true;
  }
  io.out(`${f} : clé ${prive ? 'PRIVÉE' : 'publique'} de « ${c.organisme} »${c.creeeLe ? `, créée le ${c.creeeLe.split('-').reverse().join('/')}` : ''}`);
  io.out(`  Empreinte : ${empreinteCourte(c.empreinte)} (complète : ${c.empreinte})`);
  return 0;
}

export const cle = commande('cle', USAGE, executer);

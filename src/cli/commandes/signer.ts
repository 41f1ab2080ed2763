// `sip signer classeur.xlsx --cle ars.cle [-o signe.xlsx] [--force]` : signe un classeur de simulation
// (fait dans le volet ou par sip simulate) au nom de l'organisme de la clé : contenu de chaque simulation
// (cellules, formules, valeurs, formats, feuille « Barème », date, version, scénario et barème embarqués),
// signature rangée dans la feuille de provenance. Le classeur est vérifié avant : un classeur altéré
// n'est pas signé (code 1). Sans -o, le classeur est remplacé (écriture atomique).
import * as path from 'path';
import { empreinteCourte } from '../../workbook/signature/cles';
import { lireXlsxBorne } from '../entrees';
import { commande, ErreurUsage } from '../erreurs';
import { ecrireFichier, verifierCible } from '../fichiers';
import { Io } from '../io';
import { DeclarationOption, lireCheminXlsx, lireOptions } from '../options';
import { lireFichierClePrivee } from '../signature/cles-fichiers';
import { signerClasseur } from '../signature/signer';

const USAGE = 'Usage : sip signer classeur.xlsx --cle organisme.cle [-o signe.xlsx] [--force]   (sans -o, le classeur est remplacé par sa version signée)';

export const OPTIONS_SIGNER: readonly DeclarationOption[] = [
  { nom: '--cle', exemple: 'ars.cle' },
  { nom: '-o', alias: ['--sortie'], exemple: 'signe.xlsx' },
  { nom: '--force' },
];


async function executer(args: string[], io: Io): Promise<number> {
  const o = lireOptions('signer', args, OPTIONS_SIGNER);
  if (o.aide) {
    io.out(USAGE);
    return 0;
  }
  const classeur = o.unSeul('classeur', ' .xlsx');
  const fichierCle = o.valeur('--cle');
  if (!fichierCle) throw new ErreurUsage('--cle attendu : la clé privée de l’organisme (créée par « sip cle creer »)');
  const sortie = o.valeur('-o');
  const affiche = sortie === undefined ? classeur : lireCheminXlsx(sortie, '-o');
  const cible = path.resolve(io.cwd, affiche);
  if (sortie !== undefined) await verifierCible(cible, { force: o.drapeau('--force'), affiche });
  const cle = await lireFichierClePrivee(path.resolve(io.cwd, fichierCle), fichierCle);
  const { contenu } = await lireXlsxBorne(path.resolve(io.cwd, classeur), classeur, 'un classeur de simulation');
  const maintenant = io.aujourdhui ? `${io.aujourdhui}T12:00:00.000Z` : new Date().toISOString();
  const r = await signerClasseur(contenu, cle, { maintenant, affiche: classeur, fichierCle });
  // Sans -o : remplacement du classeur lu (rename atomique) ; avec -o : --force décide.
  await ecrireFichier(cible, r.fichier, { force: sortie === undefined || o.drapeau('--force'), affiche });
  io.out(`Classeur signé par ${cle.organisme} (clé ${empreinteCourte(cle.empreinte)}) : ${affiche}`);
  for (const f of r.faites) io.out(`  feuille « ${f.feuille} »${f.remplace ? ` (signature précédente de ${f.remplace} remplacée)` : ''}`);
  io.out(`Vérification par le destinataire, qui a reçu ${fichierCle.replace(/\.cle$/i, '')}.pub : sip verify ${affiche} --confiance ${path.basename(fichierCle).replace(/\.cle$/i, '')}.pub`);
  return 0;
}

export const signer = commande('signer', USAGE, executer);

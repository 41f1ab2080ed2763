// `sip verify simulation.xlsx [--confiance ars.pub …] [--json]` : relit un classeur de simulation
// (sip simulate, volet, ou ré-enregistré par Excel ou LibreOffice), reconstruit la feuille depuis le
// scénario et le barème de sa provenance et compare chaque cellule de la zone générée (formules par
// leur sens, valeurs recalculées, constantes et libellés, formats de nombre) ; sépare les données
// d'entrée modifiées (attendu) des altérations ; nomme les feuilles ajoutées et les formules qui, hors
// de la zone, la citent ; compare le barème embarqué au barème courant ; vérifie la signature.
//
// Codes de sortie :
//   0 : tout concorde (et, avec --confiance, chaque simulation est signée par une clé de confiance, intacte) ;
//   1 : écarts (altération, donnée d'entrée ou barème modifiés, barème embarqué différent du barème
//       courant, formule extérieure qui cite la simulation), signature absente, invalide, d'une clé qui
//       n'est pas de confiance, ou classeur modifié depuis la signature ;
//   2 : usage, fichier illisible ou trop gros, clé de confiance illisible, classeur qui n'est pas une simulation.
import * as path from 'path';
import { estFeuilleProvenance, NOM_FEUILLE_PROVENANCE } from '../../workbook/provenance';
import { NOM_FEUILLE_PROGRAMME } from '../../workbook/programme/feuille-programme';
import type { ClePublique } from '../../workbook/signature/cles';
import { lireXlsxBorne } from '../entrees';
import { commande, ErreurUsage } from '../erreurs';
import { Io } from '../io';
import { DeclarationOption, lireOptions } from '../options';
import { analyserXlsx } from '../signature/analyse';
import { lireFichierClePublique } from '../signature/cles-fichiers';
import { lireEnregistrement } from '../signature/xlsx';
import { ecrireVerification, reenregistrement, resultatGlobal } from './verify-texte';

const USAGE = 'Usage : sip verify simulation.xlsx [--confiance organisme.pub …] [--json]';

export const OPTIONS_VERIFY: readonly DeclarationOption[] = [{ nom: '--json' }, { nom: '--confiance', exemple: 'ars.pub', multiple: true }];

/**
 * Un classeur sans feuille de provenance n'est pas une simulation : on le dit (et ce qu'il est, pour un
 * classeur de programme SIP) sans l'ouvrir en entier.
 */
function pasUneSimulation(nom: string, feuilles: string[]): string | null {
  if (feuilles.some(estFeuilleProvenance)) return null;
  if (feuilles.includes(NOM_FEUILLE_PROGRAMME)) {
    return `${nom} est un classeur de programme SIP (feuille « ${NOM_FEUILLE_PROGRAMME} », écrite par « sip programme -o ») : il classe les candidatures d’un appel et ne contient pas de simulation. sip verify vérifie les classeurs de simulation (écrits par « sip simulate » ou par le volet) ; pour refaire un programme, relancez « sip programme » sur le fichier de candidatures.`;
  }
  const liste = feuilles.length ? feuilles.slice(0, 10).map((f) => `« ${f} »`).join(', ') + (feuilles.length > 10 ? '…' : '') : 'aucune';
  return `${nom} ne contient aucune simulation du simulateur SIP (pas de feuille de provenance « ${NOM_FEUILLE_PROVENANCE} » ; feuilles : ${liste}). sip verify vérifie les classeurs écrits par « sip simulate » ou par le volet.`;
}


async function clesDeConfiance(fichiers: string[], io: Io): Promise<ClePublique[]> {
  const cles: ClePublique[] = [];
  for (const f of fichiers) cles.push(await lireFichierClePublique(path.resolve(io.cwd, f), f));
  return cles;
}

async function executer(args: string[], io: Io): Promise<number> {
  const o = lireOptions('verify', args, OPTIONS_VERIFY);
  if (o.aide) {
    io.out(USAGE);
    return 0;
  }
  const classeur = o.unSeul('classeur', ' .xlsx');
  const json = o.drapeau('--json');
  const confiance = await clesDeConfiance(o.toutes('--confiance'), io);
  // Tailles contrôlées avant d'ouvrir (fichier, zip, décompression) ; noms des feuilles lus sans tout ouvrir.
  const { contenu, feuilles } = await lireXlsxBorne(path.resolve(io.cwd, classeur), classeur, 'un classeur de simulation');
  const autre = pasUneSimulation(classeur, feuilles);
  if (autre) {
    if (json) io.out(JSON.stringify({ fichier: classeur, ok: false, erreurs: [autre], simulations: [] }, null, 2));
    else io.err(`sip verify : ${autre}`);
    return 2;
  }
  const { lu, simulations } = await analyserXlsx(contenu, classeur, confiance);
  const enregistrement = lireEnregistrement(contenu);
  const resultat = resultatGlobal(simulations, lu.erreurs, confiance.length > 0);
  if (json) {
    const detail = simulations.map((s) => ({ ...s.rapport, signature: s.signature, reenregistrement: reenregistrement(enregistrement, s.provenance) }));
    io.out(JSON.stringify({ fichier: classeur, ok: resultat.ok, erreurs: lu.erreurs, simulations: detail }, null, 2));
  } else {
    for (const e of lu.erreurs) io.err(`sip verify : ${e}`);
    for (const s of simulations) ecrireVerification(io, s, enregistrement);
    for (const l of resultat.lignes) io.out(l);
  }
  return resultat.ok ? 0 : 1;
}

export const verify = commande('verify', USAGE, executer);

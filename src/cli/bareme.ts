// `--bareme fichier` de `sip calc` et `sip simulate` : un fichier de données du barème (JSON au format
// de src/rules/bareme/*.json : une famille, ou un barème complet) ou un classeur avec une feuille
// « Barème ». Lecture bornée (taille, bombe zip) ; exceljs n'est chargé que pour un classeur. Ce qui
// diffère du barème publié et chaque saisie refusée sont dits, en français, avec leur ligne.
import * as path from 'path';
import { BAREME_PAR_DEFAUT } from '../rules/bareme/donnees';
import { baremeDepuisDonnees, ErreurBaremeIllisible } from '../rules/bareme/depuis-donnees';
import type { BaremeLu } from '../rules/bareme/depuis-lignes';
import type { Bareme } from '../rules/bareme/types';
import { controlerXlsx, lireFichierBorne, LIMITES_ENTREES } from './entrees';
import { ErreurCli } from './erreurs';
import { Io } from './io';
import { analyserJson } from './json';

export interface BaremeCharge extends BaremeLu {
  /** Le fichier tel que l'utilisateur l'a nommé. */
  affiche: string;
  nature: 'classeur' | 'donnees';
}

const estZip = (b: Buffer) => b.length >= 4 && b[0] === 0x50 && b[1] === 0x4b;

/** Lit le barème de `--bareme` (chemin relatif au répertoire courant). */
export async function chargerBareme(fichier: string, io: Io): Promise<BaremeCharge> {
  const chemin = path.resolve(io.cwd, fichier);
  const classeur = /\.xlsx$/i.test(fichier);
  const contenu = await lireFichierBorne(chemin, fichier, LIMITES_ENTREES.xlsxOctets, 'un barème');
  if (classeur || estZip(contenu)) {
    const { contenu: xlsx } = await controlerXlsx(contenu, fichier);
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { lireBaremeXlsx } = require('../workbook/bareme/exceljs') as typeof import('../workbook/bareme/exceljs');
    const lu = await lireBaremeXlsx(xlsx, BAREME_PAR_DEFAUT);
    if (!lu) throw new ErreurCli(`${fichier} : ce classeur n’a pas de feuille « Barème » (classeur écrit avant elle ?) ; rien à lire comme barème`);
    return { ...lu, affiche: fichier, nature: 'classeur' };
  }
  if (contenu.length > LIMITES_ENTREES.jsonScenario) throw new ErreurCli(`${fichier} : fichier JSON de plus de 5 Mo, au-delà de la limite pour un barème`);
  const { donnees } = analyserJson(contenu, fichier);
  try {
    return { ...baremeDepuisDonnees(donnees, BAREME_PAR_DEFAUT, { fichier }), affiche: fichier, nature: 'donnees' };
  } catch (e) {
    if (e instanceof ErreurBaremeIllisible) throw new ErreurCli(e.message);
    throw e;
  }
}

const pluriel = (n: number, mot: string) => `${n} ${mot}${n > 1 ? 's' : ''}`;

/** Lignes de compte rendu : ce qui a été lu, ce qui diffère du barème publié, ce qui est refusé. */
export function compteRenduBareme(b: BaremeCharge): { infos: string[]; erreurs: string[] } {
  const ou = b.nature === 'classeur' ? `${b.affiche} (feuille « Barème »)` : b.affiche;
  const infos = b.modifies.length
    ? [`Barème : ${ou}, ${pluriel(b.modifies.length, 'paramètre')} modifié${b.modifies.length > 1 ? 's' : ''} localement par rapport au barème publié ${BAREME_PAR_DEFAUT.version} :`,
       ...b.modifies.map((m) => `  ${m.id}${m.lignes.length ? ` (ligne${m.lignes.length > 1 ? 's' : ''} ${m.lignes.join(', ')})` : ''} : ${m.details.join(' ; ')}`)]
    : [`Barème : ${ou}, identique au barème publié ${BAREME_PAR_DEFAUT.version}`];
  const erreurs = b.erreurs.length ? [`Barème : ${pluriel(b.erreurs.length, 'saisie')} refusée${b.erreurs.length > 1 ? 's' : ''} (les fonctions qui lisent ces paramètres rendent #VALEUR!) :`, ...b.erreurs.map((e) => `  ${e}`)] : [];
  return { infos, erreurs };
}

/**
 * Le barème de --bareme pour écrire une simulation : refusé (code 1, aucun fichier écrit) s'il a une
 * saisie fautive — un classeur ne doit pas embarquer un barème dont des fonctions rendraient #VALEUR!.
 * Le compte rendu va sur la sortie d'erreur si la sortie standard porte du JSON.
 */
export async function baremePourSimulation(fichier: string, io: Io, sortieJson: boolean): Promise<Bareme> {
  const b = await chargerBareme(fichier, io);
  const { infos, erreurs } = compteRenduBareme(b);
  if (erreurs.length) throw new ErreurCli(`barème de ${fichier} refusé ; aucun fichier écrit\n${erreurs.join('\n')}`, 1);
  infos.forEach((l) => (sortieJson ? io.err(l) : io.out(l)));
  return b.bareme;
}

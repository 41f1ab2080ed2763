// Le tableau des fonctions du README, produit depuis le catalogue (un test vérifie qu'il est à jour).
import { attendu } from './appel';
import { CATALOGUE } from './fonctions';
import { ArgumentCatalogue, ESPACE_DE_NOMS, FonctionCatalogue } from './types';

export const MARQUE_DEBUT = '<!-- fonctions:debut (généré par `npm run docs`, ne pas modifier à la main) -->';
export const MARQUE_FIN = '<!-- fonctions:fin -->';

function signature(f: FonctionCatalogue): string {
  const args = f.arguments.map((a) => (a.optionnel ? `[${a.nom}]` : a.nom)).join('; ');
  return `\`${ESPACE_DE_NOMS}.${f.nom}(${args})\``;
}

function siOmis(a: ArgumentCatalogue): string {
  if (a.defaut !== undefined) return `omis = ${a.defaut === true ? 'VRAI' : a.defaut === false ? 'FAUX' : String(a.defaut).replace('.', ',')}`;
  if (a.type === 'date' && a.aujourdhuiSiOmise !== false) return 'omise = aujourd’hui';
  return `omis = ${a.siOmis ?? 'facultatif'}`;
}

function argumentsDetail(f: FonctionCatalogue): string {
  return f.arguments
    .map((a) => `${a.nom} : ${attendu(a)}${a.optionnel ? `, ${siOmis(a)}` : ''}`)
    .join(' ; ');
}

export function tableauFonctions(catalogue: readonly FonctionCatalogue[] = CATALOGUE): string {
  const lignes = [
    '| fonction | description | arguments | résultat |',
    '|---|---|---|---|',
    ...catalogue.map((f) => `| ${signature(f)} | ${f.description.fr} | ${argumentsDetail(f)} | ${f.resultat.description.fr} (${f.resultat.unite}) |`),
  ];
  return lignes.join('\n');
}

/** Remplace le tableau entre les marques dans le texte du README. */
export function remplacerTableau(readme: string, tableau = tableauFonctions()): string {
  const debut = readme.indexOf(MARQUE_DEBUT);
  const fin = readme.indexOf(MARQUE_FIN);
  if (debut < 0 || fin < debut) throw new Error('README : marques du tableau des fonctions introuvables');
  return `${readme.slice(0, debut + MARQUE_DEBUT.length)}\n${tableau}\n${readme.slice(fin)}`;
}

// Le tableau des fonctions du README, produit depuis le catalogue (un test vérifie qu'il est à jour),
// et les exemples de chaque fonction mis en forme pour l'aide, `sip explain` et le README.
import { isoVersFrancais } from '../rules/dates';
import { Decimal } from '../rules/decimal';
import { formatEuros, formatNombre } from '../rules/format';
import { texteSource } from '../rules/sources';
import { attendu } from './appel';
import { ExempleFonction, exemplesDe } from './lecture-exemples';
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

/** Résultat d'un exemple en français : 27 000,00 €, 82,5 consultations/mois, VRAI, #N/A « message ». */
export function resultatExemple(f: FonctionCatalogue, e: ExempleFonction): string {
  if (e.erreur) return `${e.erreur.code} « ${e.erreur.message} »`;
  const r = e.resultat ?? '';
  if (f.resultat.type === 'booleen') return r;
  const d = new Decimal(r);
  if (f.resultat.unite === '€') return formatEuros(d);
  // SIP.PARAMETRE : l'unité dépend du paramètre (sip explain --bareme la donne).
  if (f.resultat.unite === 'selon le paramètre') return formatNombre(d);
  return `${formatNombre(d)} ${f.resultat.unite}`;
}

/** Un exemple prêt à afficher : date JJ/MM/AAAA, résultat en français, source en clair. */
export interface LigneExemple {
  formule: string;
  date: string;
  resultat: string;
  erreur: boolean;
  explication: string;
  source: string;
  /** Identifiant de la source dans la bibliographie (ancre de l'aide). */
  sourceId: string;
}

export function lignesExemples(f: FonctionCatalogue): LigneExemple[] {
  return exemplesDe(f).map((e) => ({
    formule: e.formule,
    date: isoVersFrancais(e.date),
    resultat: resultatExemple(f, e),
    erreur: e.erreur !== undefined,
    explication: e.explication,
    source: texteSource(e.source),
    sourceId: e.source.document,
  }));
}

/** Les exemples d'une fonction pour `sip explain FONCTION` : formule → résultat, puis pourquoi et la source. */
export function exemplesTexte(f: FonctionCatalogue): string[] {
  const lignes = lignesExemples(f);
  if (lignes.length === 0) return [];
  return [
    'Exemples (une date omise vaut la date de calcul ; à refaire avec sip calc "<formule>" --date JJ/MM/AAAA) :',
    ...lignes.flatMap((l) => [`  ${l.formule} → ${l.resultat} (calcul au ${l.date})`, `    ${l.explication} Source : ${l.source}.`]),
  ];
}

/** L'exemple du README : le premier qui donne une valeur (sinon le premier). */
function exempleReadme(f: FonctionCatalogue): string {
  const lignes = lignesExemples(f);
  const l = lignes.find((x) => !x.erreur) ?? lignes[0];
  return l ? `\`${l.formule}\` → ${l.resultat} (au ${l.date})`.replace(/\|/g, '\\|') : '';
}

export function tableauFonctions(catalogue: readonly FonctionCatalogue[] = CATALOGUE): string {
  const lignes = [
    '| fonction | description | arguments | résultat | exemple |',
    '|---|---|---|---|---|',
    ...catalogue.map((f) => `| ${signature(f)} | ${f.description.fr} | ${argumentsDetail(f)} | ${f.resultat.description.fr} (${f.resultat.unite}) | ${exempleReadme(f)} |`),
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

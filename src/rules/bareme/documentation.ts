// Pages générées depuis les fichiers de données : docs/bareme.md (chaque paramètre, son historique et
// ses sources) et la section « Bibliographie » du README (`npm run docs`). Un test vérifie qu'elles
// sont à jour. La page d'aide (aide.html) reprend les mêmes lignes (src/functions/metadonnees.ts).
import { isoVersFrancais } from '../dates';
import { Decimal } from '../decimal';
import { formatNombre } from '../format';
import { BIBLIOGRAPHIE, dateSource, LIBELLES_NATURE_SOURCE, sourceDe, SourceBibliographique, texteSource } from '../sources';
import { LIBELLES_AXE, LIBELLES_NATURE } from '../regles/aci-indicateurs';
import { FAMILLES, FICHIER_CHANGEMENTS, FichierFamille, INDICATEURS_DONNEES } from './fichiers';
import { ChangementConnu, LIBELLES_STATUT, Parametre, Source, ValeurDatee } from './types';

export const MARQUE_BIBLIOGRAPHIE_DEBUT = '<!-- bibliographie:debut (généré par `npm run docs`, ne pas modifier à la main) -->';
export const MARQUE_BIBLIOGRAPHIE_FIN = '<!-- bibliographie:fin -->';

const LIBELLES_ACCORD = { aci: 'ACI', accord_national: 'accord national (2015)' } as const;

/** Une ligne de l'historique d'un paramètre, prête à afficher (Markdown ou HTML). */
export interface LigneBareme {
  id: string;
  libelle: string;
  unite: string;
  valeur: string;
  du: string;
  au: string;
  statut: string;
  source: string;
  /** Identifiant de l'entrée de la bibliographie citée (pour un lien), si elle est connue. */
  sourceId: string | null;
  note: string;
}

/** Valeur en clair : 15 000 ; 0,8 ; « aucune » ; « non publié ». */
export function valeurEnClair(v: ValeurDatee): string {
  if (v.nonPublie) return 'non publié';
  if (v.valeur === null) return 'aucune';
  return formatNombre(new Decimal(v.valeur), 6).replace(/\u00a0/g, ' ');
}

export function lignesParametre(p: Parametre): LigneBareme[] {
  return p.valeurs.map((v) => ({
    id: p.id,
    libelle: p.libelle,
    unite: p.unite,
    valeur: valeurEnClair(v),
    du: isoVersFrancais(v.du),
    au: v.au ? isoVersFrancais(v.au) : '—',
    statut: LIBELLES_STATUT[v.statut],
    source: texteSource(v.source),
    sourceId: sourceDe(v.source.document)?.id ?? null,
    note: [v.note, p.alias?.length ? `ancien identifiant : ${p.alias.join(', ')}` : ''].filter((x) => x).join(' ; '),
  }));
}

const cellule = (t: string) => t.replace(/\|/g, '\\|').replace(/\n/g, ' ');
const ancre = (id: string) => `source-${id.replace(/_/g, '-')}`;
const lien = (texte: string, sourceId: string | null) => (sourceId ? `[${cellule(texte)}](#${ancre(sourceId)})` : cellule(texte));

function tableFamille(f: FichierFamille): string[] {
  const l = [`## ${f.libelle}`, '', `Fichier : \`src/rules/bareme/${f.famille}.json\`.`, '',
    '| paramètre | valeur | unité | du | au | statut | source | note |', '|---|---|---|---|---|---|---|---|'];
  for (const p of f.parametres) {
    for (const x of lignesParametre(p)) {
      l.push(`| \`${x.id}\` ${cellule(x.libelle)} | ${x.valeur} | ${cellule(x.unite)} | ${x.du} | ${x.au} | ${x.statut} | ${lien(x.source, x.sourceId)} | ${cellule(x.note)} |`);
    }
  }
  return l;
}

function tableIndicateurs(): string[] {
  const l = ['## Indicateurs de l’ACI et de l’accord national des centres de santé', '',
    'Fichier : `src/rules/bareme/aci.json`. Seuls les indicateurs « socle prérequis » conditionnent toute rémunération ; l’avance se calcule sur les indicateurs « socle ». Les points sont les paramètres `aci.indicateur.*` ci-dessus ; sans paramètre, ils sont à saisir.', '',
    '| indicateur | accord | axe | nature | depuis | paramètres des points | liste | note |', '|---|---|---|---|---|---|---|---|'];
  for (const i of INDICATEURS_DONNEES) {
    const p = i.points ?? {};
    const ids = [p.fixes, p.variables, ...(p.parProfessionnel ? Object.values(p.parProfessionnel) : [])].filter((x): x is string => !!x);
    l.push(`| \`${i.id}\` ${cellule(i.libelle)} | ${LIBELLES_ACCORD[i.accord]} | ${LIBELLES_AXE[i.axe]} | ${LIBELLES_NATURE[i.nature]} | ${isoVersFrancais(i.du)} | ${ids.length ? ids.map((x) => `\`${x}\``).join(', ') : 'à saisir'} | ${lien(texteSource(i.source), sourceDe(i.source.document)?.id ?? null)} | ${cellule(i.note ?? '')} |`);
  }
  return l;
}

function ligneChangement(c: ChangementConnu): string {
  const s: Source | undefined = c.source;
  return `| ${isoVersFrancais(c.date)} | ${cellule(c.libelle)} | ${c.concerne.map((x) => `\`${x}\``).join(', ')} | ${s ? lien(texteSource(s), sourceDe(s.document)?.id ?? null) : ''} |`;
}

/** Une entrée de la bibliographie en Markdown (une ligne de liste). */
export function entreeBibliographieMarkdown(s: SourceBibliographique, avecAncre: boolean): string {
  const morceaux = [cellule(s.titre), s.editeur, dateSource(s.date), LIBELLES_NATURE_SOURCE[s.nature]];
  if (s.fichier) morceaux.push(`fichier du projet \`../shared/sources/${s.fichier}\``);
  const adresse = s.adresse ? ` — <${s.adresse}>` : ' — adresse publique non connue';
  const code = s.alias?.length ? ` (code ${s.alias.join(', ')})` : '';
  return `- ${avecAncre ? `<a id="${ancre(s.id)}"></a>` : ''}**${s.titreCourt}**${code} — ${morceaux.join(', ')}${adresse}.${s.note ? ` ${s.note}` : ''}`;
}

export function bibliographieMarkdown(avecAncres = false): string {
  return BIBLIOGRAPHIE.map((s) => entreeBibliographieMarkdown(s, avecAncres)).join('\n');
}

/** docs/bareme.md : chaque paramètre avec son historique et ses sources, les indicateurs, les changements connus, la bibliographie. */
export function pageBaremeMarkdown(): string {
  const l = [
    '# Barème par défaut du simulateur SIP',
    '',
    '> Page générée par `npm run docs` depuis les fichiers `src/rules/bareme/*.json` : ne pas la modifier à la main.',
    '',
    `Version du barème : ${FICHIER_CHANGEMENTS.version}. Chaque valeur est datée (du … au …, « — » : fin non connue) et sourcée.`,
    'Statuts : **confirmé** (un document de la bibliographie donne ce chiffre), **à confirmer** (source secondaire ou interprétation du simulateur), **hypothèse** (aucun chiffre public : valeur de travail à remplacer).',
    'Une valeur « non publié » est un montant prévu par un texte mais pas encore publié : les fonctions qui l’utilisent rendent `#N/A` « montant non publié » tant que la valeur publiée n’est pas saisie dans la feuille « Barème » du classeur.',
    '',
  ];
  for (const f of FAMILLES) l.push(...tableFamille(f), '');
  l.push(...tableIndicateurs(), '');
  l.push('## Changements connus non chiffrés', '',
    'Un calcul daté après l’un de ces changements, avec une valeur antérieure, porte un avertissement « à confirmer » qui le nomme.', '',
    '| date | changement | paramètres concernés | source |', '|---|---|---|---|', ...FICHIER_CHANGEMENTS.changements.map(ligneChangement), '');
  l.push('## Bibliographie', '', bibliographieMarkdown(true), '');
  return l.join('\n');
}

/** Remplace la section « Bibliographie » entre les marques du README. */
export function remplacerBibliographie(readme: string, texte = bibliographieMarkdown()): string {
  const debut = readme.indexOf(MARQUE_BIBLIOGRAPHIE_DEBUT);
  const fin = readme.indexOf(MARQUE_BIBLIOGRAPHIE_FIN);
  if (debut < 0 || fin < debut) throw new Error('README : marques de la bibliographie introuvables');
  return `${readme.slice(0, debut + MARQUE_BIBLIOGRAPHIE_DEBUT.length)}\n${texte}\n${readme.slice(fin)}`;
}

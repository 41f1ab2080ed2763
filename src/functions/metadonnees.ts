// Métadonnées des fonctions personnalisées Excel (functions.json, functions-fr.json), dérivées du
// catalogue : aucune seconde liste. Les noms (PLAFOND…) sont identiques dans toutes les langues,
// si bien qu'Excel enregistre toujours `_xldudf_SIP_PLAFOND` dans les fichiers ; seules les
// descriptions et l'aide des arguments sont traduites.
import { attendu } from '../catalogue/appel';
import { lignesExemples } from '../catalogue/documentation';
import { CATALOGUE } from '../catalogue/fonctions';
import { ArgumentCatalogue, ESPACE_DE_NOMS, FonctionCatalogue } from '../catalogue/types';
import { lignesParametre } from '../rules/bareme/documentation';
import { FAMILLES, FICHIER_CHANGEMENTS } from '../rules/bareme/fichiers';
import { BIBLIOGRAPHIE, dateSource, LIBELLES_NATURE_SOURCE, SourceBibliographique } from '../rules/sources';

export type Langue = 'fr' | 'en';

/** Forme du fichier de métadonnées lu par Excel (schéma « custom functions metadata »). */
export interface ParametreExcel {
  name: string;
  description: string;
  /** Toujours `any` : le catalogue contrôle lui-même les valeurs, avec des messages en français. */
  type: 'any';
  dimensionality: 'scalar';
  optional: boolean;
}

export interface FonctionExcel {
  id: string;
  name: string;
  description: string;
  helpUrl?: string;
  parameters: ParametreExcel[];
  result: { type: 'number' | 'boolean'; dimensionality: 'scalar' };
}

export interface MetadonneesExcel {
  functions: FonctionExcel[];
}

export const FICHIER_METADONNEES: Record<Langue, string> = { en: 'functions.json', fr: 'functions-fr.json' };
export const PAGE_AIDE = 'aide.html';

function defautEnClair(a: ArgumentCatalogue, langue: Langue): string | null {
  if (!a.optionnel) return null;
  if (a.type === 'date' && a.aujourdhuiSiOmise !== false) return langue === 'fr' ? 'aujourd’hui' : 'today';
  if (a.defaut === undefined) return null;
  if (typeof a.defaut === 'boolean') return langue === 'fr' ? (a.defaut ? 'VRAI' : 'FAUX') : a.defaut ? 'TRUE' : 'FALSE';
  return langue === 'fr' ? String(a.defaut).replace('.', ',') : String(a.defaut);
}

/** Aide d'un argument : sa description, complétée en français par la plage permise. */
export function descriptionArgument(a: ArgumentCatalogue, langue: Langue): string {
  const base = a.description[langue];
  if (langue === 'en') return base;
  const plage = attendu(a);
  // La plage est déjà dite quand la description la contient (« dans ]0 ; 1] » pour un nombre).
  const dejaDit =
    base.includes(plage) || (plage.startsWith('nombre ') && base.includes(plage.slice('nombre '.length))) || (a.type === 'date' && base.includes('date Excel'));
  return dejaDit ? base : `${base} Attendu : ${plage}.`;
}

function fonctionExcel(f: FonctionCatalogue, langue: Langue, urlBase?: string): FonctionExcel {
  return {
    id: f.id,
    name: f.nom,
    description: f.description[langue],
    ...(urlBase ? { helpUrl: `${urlBase}/${PAGE_AIDE}#${f.id}` } : {}),
    parameters: f.arguments.map((a) => ({
      name: langue === 'fr' ? a.nom : a.nomEn,
      description: descriptionArgument(a, langue),
      type: 'any' as const,
      dimensionality: 'scalar' as const,
      optional: a.optionnel,
    })),
    result: { type: f.resultat.type === 'booleen' ? 'boolean' : 'number', dimensionality: 'scalar' },
  };
}

/**
 * Métadonnées d'une langue. `urlBase` (ex. https://localhost:3000) donne l'adresse de la page
 * d'aide de chaque fonction ; sans elle, pas de lien d'aide.
 */
export function genererMetadonnees(langue: Langue, urlBase?: string, catalogue: readonly FonctionCatalogue[] = CATALOGUE): MetadonneesExcel {
  return { functions: catalogue.map((f) => fonctionExcel(f, langue, urlBase)) };
}

const echapper = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

const ancreSource = (id: string) => `source-${id.replace(/_/g, '-')}`;

/** Section « Barème » de la page d'aide : chaque paramètre, chaque valeur datée, son statut et sa source. */
function sectionBareme(): string {
  const familles = FAMILLES.map((f) => {
    const lignes = f.parametres.flatMap(lignesParametre).map((x) => {
      const source = x.sourceId ? `<a href="#${ancreSource(x.sourceId)}">${echapper(x.source)}</a>` : echapper(x.source);
      return `<tr><td><code>${echapper(x.id)}</code><br>${echapper(x.libelle)}</td><td>${echapper(x.valeur)}</td><td>${echapper(x.unite)}</td><td>${x.du}</td><td>${x.au}</td><td>${echapper(x.statut)}</td><td>${source}${x.note ? `<br><small>${echapper(x.note)}</small>` : ''}</td></tr>`;
    });
    return `<h3>${echapper(f.libelle)}</h3>
<table>
<tr><th>Paramètre</th><th>Valeur</th><th>Unité</th><th>Du</th><th>Au</th><th>Statut</th><th>Source</th></tr>
${lignes.join('\n')}
</table>`;
  });
  return `<section id="bareme">
<h2>Barème par défaut (version ${echapper(FICHIER_CHANGEMENTS.version)})</h2>
<p>Chaque montant vient de ces valeurs datées. Statuts : <strong>confirmé</strong> (un document de la bibliographie donne ce chiffre), <strong>à confirmer</strong> (source secondaire ou interprétation du simulateur), <strong>hypothèse</strong> (aucun chiffre public : valeur de travail à remplacer). « Non publié » : montant prévu par un texte mais pas encore publié ; saisissez la valeur publiée dans la feuille « Barème » du classeur.</p>
${familles.join('\n')}
</section>`;
}

function entreeBibliographie(s: SourceBibliographique): string {
  const notice = [s.titre, s.editeur, dateSource(s.date), LIBELLES_NATURE_SOURCE[s.nature]].map(echapper).join(', ');
  const adresse = s.adresse ? ` — <a href="${echapper(s.adresse)}" rel="noopener noreferrer">${echapper(s.adresse)}</a>` : ' — adresse publique non connue';
  return `<li id="${ancreSource(s.id)}"><strong>${echapper(s.titreCourt)}</strong> — ${notice}${s.fichier ? `, fichier du projet <code>${echapper(s.fichier)}</code>` : ''}${adresse}.${s.note ? ` ${echapper(s.note)}` : ''}</li>`;
}

/** Section « Bibliographie » : chaque source citée, avec son adresse publique quand elle est connue. */
function sectionBibliographie(): string {
  return `<section id="bibliographie">
<h2>Bibliographie</h2>
<ul>
${BIBLIOGRAPHIE.map(entreeBibliographie).join('\n')}
</ul>
</section>`;
}

/** Exemples d'une fonction (src/catalogue/exemples.json) : formule, date de calcul, résultat, pourquoi et source. */
function sectionExemples(f: FonctionCatalogue): string {
  const lignes = lignesExemples(f).map(
    (x) => `<tr><td><code>${echapper(x.formule)}</code></td><td>${x.date}</td><td>${echapper(x.resultat)}</td><td>${echapper(x.explication)}<br><small>Source : <a href="#${ancreSource(x.sourceId)}">${echapper(x.source)}</a></small></td></tr>`,
  );
  if (lignes.length === 0) return '';
  return `<h3>Exemples</h3>
<table>
<tr><th>Formule</th><th>Date de calcul</th><th>Résultat</th><th>Pourquoi</th></tr>
${lignes.join('\n')}
</table>`;
}

/** Page d'aide statique (SupportUrl du manifeste et lien « Aide sur cette fonction » d'Excel). */
export function pageAide(catalogue: readonly FonctionCatalogue[] = CATALOGUE): string {
  const sections = catalogue.map((f) => {
    const signature = `${ESPACE_DE_NOMS}.${f.nom}(${f.arguments.map((a) => (a.optionnel ? `[${a.nom}]` : a.nom)).join(' ; ')})`;
    const args = f.arguments
      .map((a) => {
        const description = descriptionArgument(a, 'fr');
        // « Omis : 1. » est souvent déjà dans la description ; sinon on donne la valeur par défaut.
        const defaut = /\bOmise?s?\b/.test(description) ? null : defautEnClair(a, 'fr');
        return `<li><code>${echapper(a.nom)}</code> : ${echapper(description)}${a.optionnel ? ` <em>Facultatif${defaut ? `, omis = ${echapper(defaut)}` : ''}.</em>` : ''}</li>`;
      })
      .join('\n');
    return `<section id="${f.id}">
<h2><code>${echapper(signature)}</code></h2>
<p>${echapper(f.description.fr)}</p>
<ul>
${args}
</ul>
<p>Résultat : ${echapper(f.resultat.description.fr)} (${echapper(f.resultat.unite)}).</p>
${sectionExemples(f)}
</section>`;
  });
  return `<!doctype html>
<html lang="fr">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<title>Simulateur SIP — aide des fonctions</title>
<style>body{font-family:'Segoe UI',sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem;line-height:1.5}code{background:#f3f3f3;padding:0 .2em}section{border-top:1px solid #ddd;margin-top:1.5rem}table{border-collapse:collapse;font-size:.9em}td,th{border:1px solid #ddd;padding:.2em .4em;vertical-align:top;text-align:left}</style>
</head>
<body>
<h1>Simulateur SIP — fonctions <code>${ESPACE_DE_NOMS}.*</code></h1>
<p>Les arguments entre crochets sont facultatifs. Une date est une date Excel ; omise, elle vaut la date du jour (dans les exemples, la date de calcul indiquée).
Chaque montant vient du barème daté du complément (valeur, période de validité, source, statut) : voir le <a href="#bareme">barème</a> et la <a href="#bibliographie">bibliographie</a> en fin de page.</p>
${sections.join('\n')}
${sectionBareme()}
${sectionBibliographie()}
</body>
</html>
`;
}

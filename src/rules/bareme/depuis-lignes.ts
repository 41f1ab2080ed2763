// Le barème d'un classeur, depuis les lignes de sa feuille « Barème » (une ligne par valeur datée :
// Identifiant, Libellé, Valeur, Unité, Du, Au, Statut, Source, Note). Les lignes d'un identifiant
// donnent tout l'historique de ce paramètre ; un paramètre absent de la feuille garde sa valeur par
// défaut. Une saisie fautive (texte dans un nombre, date qui n'en est pas une, périodes qui se
// chevauchent, montant négatif, unité changée) rend le paramètre invalide : les fonctions qui le lisent
// rendent #VALEUR! avec « Barème, ligne 14 : sip.plafond.base : « abc » n’est pas un nombre ».
// Un identifiant inconnu ne peut s'attacher à aucun paramètre : il est rapporté dans `erreurs`.
// Pur : les lignes arrivent déjà lues de la feuille (src/workbook/bareme).
import { isoVersFrancais } from '../dates';
import { texteSource } from '../sources';
import { assembler, BaremeLu, memeValeurDatee, ParametreSaisi } from './bareme-lu';
import { parametreDe } from './lecture';
import { estVide, lireDateSaisie, lireStatutSaisi, lireValeurSaisie, texteDe, texteSaisi, ValeurSaisie } from './saisie';
import { Bareme, Parametre, Source, ValeurDatee } from './types';

export type { BaremeLu, ParametreModifie } from './bareme-lu';
export { baremeToutInvalide } from './bareme-lu';
export type { ValeurSaisie } from './saisie';

/** Une ligne de la feuille « Barème », cellules telles que lues (date : numéro de série d'Excel). */
export interface LigneBareme {
  /** Numéro de la ligne dans la feuille (1 = première ligne), pour les messages. */
  ligne: number;
  identifiant: ValeurSaisie;
  libelle?: ValeurSaisie;
  valeur: ValeurSaisie;
  unite?: ValeurSaisie;
  du: ValeurSaisie;
  au: ValeurSaisie;
  statut: ValeurSaisie;
  source: ValeurSaisie;
  note?: ValeurSaisie;
}

export interface OptionsLignes {
  /** Nom de la feuille dans les messages (défaut « Barème »). */
  feuille?: string;
}

/** Une ligne entièrement vide (séparation laissée par l'utilisateur) : ignorée. */
const ligneVide = (l: LigneBareme) => [l.identifiant, l.libelle, l.valeur, l.unite, l.du, l.au, l.statut, l.source, l.note].every(estVide);

/** La source saisie : celle du barème publié si le texte est le même (identifiant bibliographique gardé), sinon le texte tel quel. */
function sourceSaisie(texte: string, connues: ReadonlyMap<string, Source>): Source {
  return connues.get(texte) ?? { document: texte, section: '' };
}

/** Les sources citées par le barème par défaut, par leur texte lisible. */
function sourcesConnues(defaut: Bareme): Map<string, Source> {
  const r = new Map<string, Source>();
  for (const p of defaut.parametres) for (const v of p.valeurs) if (!r.has(texteSource(v.source))) r.set(texteSource(v.source), v.source);
  return r;
}

/** Une ligne d'un paramètre connu → sa valeur datée, ou les raisons de son refus. */
function valeurDeLigne(l: LigneBareme, p: Parametre, sources: ReadonlyMap<string, Source>): { valeur?: ValeurDatee; refus: string[] } {
  const refus: string[] = [];
  const v = lireValeurSaisie(l.valeur, p.unite);
  const du = lireDateSaisie(l.du, 'Du');
  const au = lireDateSaisie(l.au, 'Au');
  const statut = lireStatutSaisi(l.statut);
  const unite = texteDe(l.unite);
  const source = texteDe(l.source);
  for (const x of [v, du, au, statut]) if (!x.ok) refus.push(x.raison);
  if (du.ok && du.v === null) refus.push('date de début (« Du ») manquante');
  if (du.ok && au.ok && du.v && au.v && au.v < du.v) refus.push(`la date de fin (${isoVersFrancais(au.v)}) précède la date de début (${isoVersFrancais(du.v)})`);
  if (unite && unite !== p.unite) refus.push(`unité ${texteSaisi(l.unite)} différente de celle du paramètre (${p.unite}) : saisissez la valeur dans l’unité du paramètre`);
  if (!source) refus.push('source manquante : citez le texte qui publie cette valeur (titre, date, article)');
  if (refus.length || !v.ok || !du.ok || !au.ok || !statut.ok || !du.v) return { refus };
  const note = texteDe(l.note);
  return {
    refus,
    valeur: {
      valeur: v.v.valeur,
      du: du.v,
      au: au.v,
      statut: statut.v,
      source: sourceSaisie(source, sources),
      ...(note ? { note } : {}),
      ...(v.v.nonPublie ? { nonPublie: true } : {}),
    },
  };
}

interface ValeurEnLigne {
  ligne: number;
  valeur: ValeurDatee;
}

/** Périodes qui se chevauchent, une fois classées par date de début : le refus est porté par la ligne la plus tardive. */
function chevauchements(valeurs: ValeurEnLigne[], prefixe: (ligne: number) => string): string[] {
  const r: string[] = [];
  const tri = [...valeurs].sort((a, b) => (a.valeur.du < b.valeur.du ? -1 : a.valeur.du > b.valeur.du ? 1 : a.ligne - b.ligne));
  for (let i = 1; i < tri.length; i++) {
    const a = tri[i - 1];
    const b = tri[i];
    if (a.valeur.au === null || a.valeur.au >= b.valeur.du) {
      const finA = a.valeur.au === null ? 'sans date de fin' : `jusqu’au ${isoVersFrancais(a.valeur.au)}`;
      const conseil = a.valeur.au === null ? ` ; indiquez sa fin dans la colonne « Au » de la ligne ${a.ligne}` : '';
      r.push(`${prefixe(b.ligne)}la période du ${isoVersFrancais(b.valeur.du)} chevauche celle de la ligne ${a.ligne} (du ${isoVersFrancais(a.valeur.du)} ${finA})${conseil}`);
    }
  }
  return r;
}

/** La valeur publiée identique, si la ligne n'a rien changé (les lectures du barème la partagent). */
function publieeOuSaisie(p: Parametre, v: ValeurDatee): ValeurDatee {
  return p.valeurs.find((d) => memeValeurDatee(d, v) && (d.note ?? '') === (v.note ?? '')) ?? v;
}

/** Le barème d'un classeur depuis les lignes de sa feuille « Barème ». */
export function baremeDepuisLignes(lignes: readonly LigneBareme[], defaut: Bareme, o: OptionsLignes = {}): BaremeLu {
  const feuille = o.feuille ?? 'Barème';
  const sources = sourcesConnues(defaut);
  const parId = new Map<string, { parametre: Parametre; valeurs: ValeurEnLigne[]; lignes: number[]; refus: string[] }>();
  const horsParametre: string[] = [];
  for (const l of lignes) {
    if (ligneVide(l)) continue;
    const id = texteDe(l.identifiant);
    const prefixe = `${feuille}, ligne ${l.ligne} : `;
    const p = id ? parametreDe(defaut, id) : undefined;
    if (!p) {
      horsParametre.push(`${prefixe}${id ? `identifiant « ${id} » inconnu du barème${suggestion(id, defaut)} ; la ligne n’est pas prise en compte` : 'identifiant manquant (colonne « Identifiant ») ; la ligne n’est pas prise en compte'}`);
      continue;
    }
    const g = parId.get(p.id) ?? { parametre: p, valeurs: [], lignes: [], refus: [] };
    parId.set(p.id, g);
    g.lignes.push(l.ligne);
    const r = valeurDeLigne(l, p, sources);
    g.refus.push(...r.refus.map((x) => `${prefixe}${id} : ${x}`));
    if (r.valeur) g.valeurs.push({ ligne: l.ligne, valeur: publieeOuSaisie(p, r.valeur) });
  }
  const saisis = new Map<string, ParametreSaisi>();
  for (const [id, g] of parId) {
    const refus = [...g.refus, ...chevauchements(g.valeurs, (ligne) => `${feuille}, ligne ${ligne} : ${id} : `)];
    const valeurs = g.valeurs.map((x) => x.valeur).sort((a, b) => (a.du < b.du ? -1 : a.du > b.du ? 1 : 0));
    saisis.set(id, { parametre: { ...g.parametre, valeurs }, lignes: g.lignes, refus });
  }
  return assembler(defaut, saisis, horsParametre);
}

/** « (vouliez-vous dire « sip.plafond.base » ?) » pour un identifiant à une ou deux fautes près. */
function suggestion(id: string, defaut: Bareme): string {
  let meilleur: { id: string; d: number } | null = null;
  for (const p of defaut.parametres) {
    const d = distance(id, p.id);
    if (!meilleur || d < meilleur.d) meilleur = { id: p.id, d };
  }
  return meilleur && meilleur.d <= 2 ? ` (vouliez-vous dire « ${meilleur.id} » ?)` : '';
}

function distance(a: string, b: string): number {
  if (Math.abs(a.length - b.length) > 2) return 3;
  const d = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let prec = d[0];
    d[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const t = d[j];
      d[j] = Math.min(d[j] + 1, d[j - 1] + 1, prec + (a[i - 1] === b[j - 1] ? 0 : 1));
      prec = t;
    }
  }
  return d[b.length];
}

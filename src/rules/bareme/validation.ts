// Contrôle d'un barème (par défaut, ou saisi par un utilisateur dans la feuille « Barème ») : rend la
// liste des erreurs, chacune avec l'identifiant du paramètre et un message en français qui le nomme.
// Aucune exception : l'appelant décide (refuser le barème, signaler la ligne fautive…).
import { isoVersFrancais } from '../dates';
import { BIBLIOGRAPHIE, SourceBibliographique } from '../sources';
import { Bareme, ChangementConnu, Parametre, STATUTS, ValeurDatee } from './types';

export interface ErreurBareme {
  /** Identifiant du paramètre (ou du changement connu) en cause. */
  id: string;
  message: string;
}

const NOMBRE = /^-?\d+(\.\d+)?$/;
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

function dateValide(x: unknown): x is string {
  if (typeof x !== 'string') return false;
  const m = DATE.exec(x);
  if (!m) return false;
  return new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]))).toISOString().slice(0, 10) === x;
}

const texteDate = (x: unknown) => (dateValide(x) ? isoVersFrancais(x) : `« ${String(x)} »`);

/** Une unité monétaire (€, €/ETP, €/mois…) : la valeur ne peut pas être négative. */
export function estUniteMonetaire(unite: string): boolean {
  return unite.trim().startsWith('€');
}

function nomParametre(p: Parametre): string {
  return `Paramètre « ${p.libelle || p.id} » (${p.id})`;
}

function controlerValeur(p: Parametre, v: ValeurDatee, sources: ReadonlySet<string>, e: (m: string) => void): void {
  const quand = `valeur du ${texteDate(v.du)}`;
  if (!dateValide(v.du)) e(`${quand} : date de début attendue au format AAAA-MM-JJ (reçu : « ${String(v.du)} »)`);
  if (v.au !== null && !dateValide(v.au)) e(`${quand} : date de fin attendue au format AAAA-MM-JJ ou vide (reçu : « ${String(v.au)} »)`);
  if (dateValide(v.du) && dateValide(v.au) && v.au < v.du) e(`${quand} : la date de fin (${texteDate(v.au)}) précède la date de début`);
  if (!(STATUTS as readonly unknown[]).includes(v.statut)) {
    e(`${quand} : statut « ${String(v.statut)} » inconnu ; statuts permis : ${STATUTS.join(', ')}`);
  }
  if (v.valeur !== null && (typeof v.valeur !== 'string' || !NOMBRE.test(v.valeur))) {
    e(`${quand} : « ${String(v.valeur)} » n’est pas un nombre (attendu : chiffres, point décimal, ex. 9070 ou 0.8)`);
  } else if (v.valeur !== null && estUniteMonetaire(p.unite) && v.valeur.startsWith('-')) {
    e(`${quand} : montant négatif (${v.valeur} ${p.unite}) ; un montant en euros est positif ou nul`);
  }
  if (v.nonPublie && v.valeur !== null) e(`${quand} : un montant « non publié » n’a pas de valeur (reçu : ${String(v.valeur)})`);
  if (!v.source || typeof v.source.document !== 'string' || !v.source.document.trim()) {
    e(`${quand} : source manquante`);
  } else if (!sources.has(v.source.document)) {
    e(`${quand} : source « ${v.source.document} » inconnue de la bibliographie`);
  }
}

function controlerPeriodes(p: Parametre, e: (m: string) => void): void {
  const vs = p.valeurs.filter((v) => dateValide(v.du));
  for (let i = 1; i < vs.length; i++) {
    const a = vs[i - 1];
    const b = vs[i];
    if (b.du < a.du) {
      e(`valeurs non classées par date : celle du ${texteDate(b.du)} suit celle du ${texteDate(a.du)}`);
    } else if (a.au === null || a.au >= b.du) {
      e(`périodes qui se chevauchent : la valeur du ${texteDate(a.du)} (${a.au === null ? 'sans fin' : `jusqu’au ${texteDate(a.au)}`}) et celle du ${texteDate(b.du)}`);
    }
  }
}

function controlerParametre(p: Parametre, sources: ReadonlySet<string>, e: (m: string) => void): void {
  if (typeof p.libelle !== 'string' || !p.libelle.trim()) e('libellé manquant');
  if (typeof p.unite !== 'string' || !p.unite.trim()) e('unité manquante');
  if (!Array.isArray(p.valeurs) || p.valeurs.length === 0) {
    e('aucune valeur datée');
    return;
  }
  for (const v of p.valeurs) controlerValeur(p, v, sources, e);
  controlerPeriodes(p, e);
}

function controlerChangement(c: ChangementConnu, sources: ReadonlySet<string>, e: (m: string) => void): void {
  if (!dateValide(c.date)) e(`date attendue au format AAAA-MM-JJ (reçu : « ${String(c.date)} »)`);
  if (!Array.isArray(c.concerne) || c.concerne.length === 0) e('aucun paramètre concerné');
  if (c.source && !sources.has(c.source.document)) e(`source « ${c.source.document} » inconnue de la bibliographie`);
}

/** Identifiants (et anciens codes) connus d'une bibliographie. */
function identifiants(bibliographie: readonly SourceBibliographique[]): Set<string> {
  return new Set(bibliographie.flatMap((s) => [s.id, ...(s.alias ?? [])]));
}

/** Erreurs d'un barème ; liste vide s'il est valide. */
export function validerBareme(bareme: Bareme, bibliographie: readonly SourceBibliographique[] = BIBLIOGRAPHIE): ErreurBareme[] {
  const erreurs: ErreurBareme[] = [];
  const sources = identifiants(bibliographie);
  const vus = new Map<string, string>();
  for (const p of bareme.parametres) {
    const id = typeof p.id === 'string' && p.id.trim() ? p.id : '(sans identifiant)';
    const e = (m: string) => erreurs.push({ id, message: `${nomParametre({ ...p, id })} : ${m}` });
    for (const nom of [id, ...(p.alias ?? [])]) {
      const deja = vus.get(nom);
      if (deja !== undefined) e(`identifiant « ${nom} » déjà utilisé par le paramètre ${deja}`);
      else vus.set(nom, id);
    }
    controlerParametre(p, sources, e);
  }
  for (const c of bareme.changements) {
    controlerChangement(c, sources, (m) => erreurs.push({ id: c.id, message: `Changement connu « ${c.libelle || c.id} » (${c.id}) : ${m}` }));
  }
  return erreurs;
}

// Options de la ligne de commande, déclarées par commande : nom, alias, valeur attendue ou drapeau.
// Une option inconnue est nommée (avec la plus proche et la liste des options de la commande), une
// valeur manquante ou donnée deux fois aussi ; dates, nombres, montants et noms de fichier sont
// convertis ici avec des messages français (noms de feuille : nom-feuille.ts).
// Module léger (chargé par chaque commande, calc compris) : ni barème, ni decimal.js, ni exceljs.
import { isoVersFrancais } from '../rules/dates';
import { DATE_MAX, DATE_MIN } from '../rules/scenario/bornes';
import { ErreurUsage } from './erreurs';

export interface DeclarationOption {
  /** « --enveloppe », « -o ». */
  nom: string;
  /** Autres écritures acceptées (« --sortie ») ; `cachees` : acceptées sans être listées. */
  alias?: readonly string[];
  cachees?: readonly string[];
  /** Exemple de valeur (« 250000 ») : l'option prend une valeur. Absent : drapeau. */
  exemple?: string;
  /** Peut être donnée plusieurs fois (valeurs cumulées). */
  multiple?: boolean;
}

/** Options lues : valeurs par nom principal, arguments positionnels dans l'ordre. */
export class OptionsLues {
  constructor(
    private readonly valeurs: Map<string, string[]>,
    readonly positionnels: string[],
    /** --help ou -h demandé. */
    readonly aide: boolean,
  ) {}
  valeur(nom: string): string | undefined {
    return this.valeurs.get(nom)?.[0];
  }
  toutes(nom: string): string[] {
    return this.valeurs.get(nom) ?? [];
  }
  drapeau(nom: string): boolean {
    return this.valeurs.has(nom);
  }
  /** Le seul argument positionnel : « classeur .xlsx attendu », « un seul classeur attendu (reçu : a, b) ». */
  unSeul(quoi: string, precision = ''): string {
    const a = this.positionnels;
    if (a.length !== 1) throw new ErreurUsage(a.length === 0 ? `${quoi}${precision} attendu` : `un seul ${quoi} attendu (reçu : ${a.join(', ')})`);
    return a[0];
  }
}

const estOption = (t: string) => t.length > 1 && t.startsWith('-') && !/^-\d/.test(t);

/** Distance d'édition (options mal tapées : « --sorti » → « --sortie »). */
function distance(a: string, b: string): number {
  const d = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let precedent = d[0];
    d[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const t = d[j];
      d[j] = Math.min(d[j] + 1, d[j - 1] + 1, precedent + (a[i - 1] === b[j - 1] ? 0 : 1));
      precedent = t;
    }
  }
  return d[b.length];
}

/** « -o (--sortie), --feuille, --force » : les options listées dans les messages. */
export function listeOptions(declarations: readonly DeclarationOption[]): string {
  return declarations.map((d) => (d.alias?.length ? `${d.nom} (${d.alias.join(', ')})` : d.nom)).join(', ');
}

function optionInconnue(commande: string, saisie: string, declarations: readonly DeclarationOption[]): ErreurUsage {
  const noms = declarations.flatMap((d) => [d.nom, ...(d.alias ?? [])]);
  const proche = noms.map((n) => ({ n, d: distance(saisie, n) })).sort((a, b) => a.d - b.d)[0];
  // Une faute de frappe : une lettre de différence (deux pour les noms longs).
  const suggestion = proche && proche.d <= (proche.n.length >= 9 ? 2 : 1) ? ` (vouliez-vous dire ${proche.n} ?)` : '';
  const liste = declarations.length ? `options de sip ${commande} : ${listeOptions(declarations)}` : `sip ${commande} ne prend aucune option`;
  return new ErreurUsage(`option inconnue : ${saisie}${suggestion} ; ${liste}`);
}

/**
 * Lit les arguments d'une commande. `--nom valeur`, `--nom=valeur` ; `--` termine les options
 * (un fichier dont le nom commence par « - » peut suivre). Un nombre négatif (« -5 ») est une valeur.
 */
export function lireOptions(commande: string, args: readonly string[], declarations: readonly DeclarationOption[]): OptionsLues {
  const parNom = new Map<string, DeclarationOption>();
  for (const d of declarations) for (const n of [d.nom, ...(d.alias ?? []), ...(d.cachees ?? [])]) parNom.set(n, d);
  const valeurs = new Map<string, string[]>();
  const positionnels: string[] = [];
  let aide = false;
  for (let i = 0; i < args.length; i++) {
    const t = args[i];
    if (t === '--') {
      positionnels.push(...args.slice(i + 1));
      break;
    }
    if (!estOption(t)) {
      positionnels.push(t);
      continue;
    }
    const egal = t.startsWith('--') ? t.indexOf('=') : -1;
    const saisie = egal > 0 ? t.slice(0, egal) : t;
    const d = parNom.get(saisie);
    if (!d) {
      if (saisie === '--help' || saisie === '-h') {
        aide = true;
        continue;
      }
      throw optionInconnue(commande, saisie, declarations);
    }
    let valeur = '';
    if (d.exemple === undefined) {
      if (egal > 0) throw new ErreurUsage(`${saisie} ne prend pas de valeur (reçu : « ${t.slice(egal + 1)} »)`);
    } else {
      const suivant = egal > 0 ? t.slice(egal + 1) : args[i + 1];
      if (suivant === undefined || suivant === '' || suivant.startsWith('--') || parNom.has(suivant)) {
        throw new ErreurUsage(`${saisie} : valeur attendue (ex. ${d.nom} ${d.exemple})`);
      }
      valeur = suivant;
      if (egal < 0) i++;
    }
    const deja = valeurs.get(d.nom);
    if (deja && !d.multiple) throw new ErreurUsage(`${d.nom} donnée deux fois ; une seule valeur attendue`);
    valeurs.set(d.nom, [...(deja ?? []), valeur]);
  }
  return new OptionsLues(valeurs, positionnels, aide);
}

// — Conversions, avec des messages qui nomment l'option —

const ISO = /^(\d{4})-(\d{2})-(\d{2})$/;
const FRANCAISE = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/;

/** JJ/MM/AAAA ou AAAA-MM-JJ → AAAA-MM-JJ ; null si la date n'existe pas ou n'a pas ce format. */
export function dateSaisie(texte: string): string | null {
  const t = texte.trim();
  const fr = FRANCAISE.exec(t);
  const iso = fr ? `${fr[3]}-${fr[2].padStart(2, '0')}-${fr[1].padStart(2, '0')}` : t;
  const m = ISO.exec(iso);
  if (!m) return null;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.toISOString().slice(0, 10) === iso ? iso : null;
}

export function lireDateOption(texte: string, nom: string): string {
  const iso = dateSaisie(texte);
  if (!iso || iso < DATE_MIN || iso > DATE_MAX) {
    throw new ErreurUsage(`${nom} : date JJ/MM/AAAA ou AAAA-MM-JJ attendue, entre le ${isoVersFrancais(DATE_MIN)} et le ${isoVersFrancais(DATE_MAX)} (reçu : « ${texte} »)`);
  }
  return iso;
}

export function lireEntierOption(texte: string, nom: string, min: number, max: number): number {
  const t = texte.trim();
  // Groupé par milliers au-delà de 4 chiffres seulement (« 2100 », « 100 000 »), comme on l'écrit.
  const fr = (n: number) => (n >= 10_000 ? String(n).replace(/\B(?=(\d{3})+$)/g, '\u00a0') : String(n));
  if (!/^\d+$/.test(t) || Number(t) < min || Number(t) > max) throw new ErreurUsage(`${nom} : entier entre ${fr(min)} et ${fr(max)} attendu (reçu : « ${texte} »)`);
  return Number(t);
}

/** Montant en euros, au centime : « 250000 », « 250 000,50 € ». Rendu en texte décimal exact. */
export function lireMontantOption(texte: string, nom: string): string {
  const t = texte.replace(/[\s\u00a0\u202f€]/g, '').replace(',', '.');
  if (!/^\d{1,13}(\.\d{1,2})?$/.test(t)) throw new ErreurUsage(`${nom} : montant en euros ≥ 0, au centime près, attendu (reçu : « ${texte} »)`);
  return t;
}

/** Fichier de sortie d'un classeur : doit finir par .xlsx (Excel refuse d'ouvrir un autre nom). */
export function lireCheminXlsx(texte: string, nom: string): string {
  if (!/\.xlsx$/i.test(texte) || /^\.xlsx$/i.test(texte.split(/[\\/]/).pop() ?? '')) {
    throw new ErreurUsage(`${nom} : nom de fichier se terminant par .xlsx attendu (reçu : « ${texte} »)`);
  }
  return texte;
}

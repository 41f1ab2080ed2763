// Vérification d'un classeur de simulation (CLI `sip verify`, et réutilisable par le volet) :
// à partir des cellules lues (formule + valeur en cache) et de la provenance embarquée,
//  - chaque formule est comparée à celle que la mise en page produirait depuis le scénario embarqué
//    (formule modifiée à la main, remplacée par une valeur, ajoutée) ;
//  - chaque formule est recalculée avec le barème EMBARQUÉ et comparée à la valeur en cache ;
//  - le barème embarqué est comparé au barème courant (paramètres modifiés, ajoutés, retirés) ;
//  - l'empreinte SHA-256 (scénario + barème + formules) est recalculée.
// Pur : ni exceljs ni Office. Le recalcul est injectable (HyperFormula dans la CLI) ; par défaut, un
// évaluateur sans tableur recalcule les appels SIP.* simples (arguments : références, nombres, textes).
import { evaluer, ValeurBrute } from '../catalogue/appel';
import { trouverFonction } from '../catalogue/fonctions';
import { Bareme, Parametre } from '../rules/bareme/types';
import { ErreurRegle } from '../rules/erreurs';
import { depuisFormeFichier } from '../formules/forme-fichier';
import { jsonCanonique } from './empreinte';
import { colonneDe, ligneDe } from './adresses';
import { decrireSimulation } from './simulation';
import { empreinteContenu, Provenance } from './provenance';

/** Valeur lue dans une cellule : nombre, texte, booléen, vide, ou erreur (#N/A…). */
export type ValeurLue = number | string | boolean | null | { erreur: string };

export interface CelluleLue {
  adresse: string;
  /** Formule lue (avec ou sans « = », forme affichée `SIP.CAI` ou fichier `_xldudf_SIP_CAI`), ou absente. */
  formule?: string | null;
  /** Valeur en cache (formule) ou constante. */
  valeur: ValeurLue;
}

export type Recalculateur = (cellules: readonly CelluleLue[], bareme: Bareme, aujourdhui: string) => Map<string, ValeurLue | undefined>;

/** entree_modifiee : une donnée d'entrée de la feuille ne correspond plus au scénario de la provenance. */
export type Constat = 'conforme' | 'valeur_differente' | 'formule_modifiee' | 'entree_modifiee';

export interface ConstatCellule {
  adresse: string;
  constats: Constat[];
  formuleAttendue?: string;
  formuleLue?: string;
  valeurEnCache?: ValeurLue;
  valeurRecalculee?: ValeurLue;
  message: string;
}

export interface DifferenceParametre {
  id: string;
  libelle: string;
  nature: 'modifie' | 'ajoute' | 'retire';
  /** Description lisible : « 15000 → 20000 (du 01/01/2017), statut hypothese → confirme ». */
  detail: string;
}

export interface RapportVerification {
  ok: boolean;
  feuille: string;
  empreinte: { enregistree: string; recalculee: string; conforme: boolean };
  bareme: { versionEmbarquee: string; versionCourante: string; identique: boolean; differences: DifferenceParametre[]; cellulesAffectees: string[] };
  cellules: ConstatCellule[];
  resume: { verifiees: number; conformes: number; valeursDifferentes: number; formulesModifiees: number; entreesModifiees: number; nonRecalculees: number };
}

// — Formules —

/** Forme de comparaison : sans « = », forme affichée, sans `_xlfn.`, sans espaces hors chaînes, en majuscules. */
export function normaliserFormule(f: string): string {
  const sans = depuisFormeFichier(f.trim().replace(/^=/, ''));
  return sans
    .split(/("(?:[^"]|"")*")/)
    .map((m, i) => (i % 2 === 1 ? m : m.replace(/_xl(fn|ws)\./gi, '').replace(/\s+/g, '').toUpperCase()))
    .join('');
}

// — Valeurs —

const EQUIVALENTS_ERREUR: Record<string, string> = { '#VALEUR!': '#VALUE!', '#NOMBRE!': '#NUM!', '#NOM?': '#NAME?', '#DIV/0!': '#DIV/0!', '#REF!': '#REF!', '#N/A': '#N/A', '#NUL!': '#NULL!' };
const codeErreur = (e: string) => EQUIVALENTS_ERREUR[e] ?? e;

export function memeValeur(a: ValeurLue | undefined, b: ValeurLue | undefined): boolean {
  const vide = (x: ValeurLue | undefined) => x === null || x === undefined || x === '';
  if (vide(a) || vide(b)) return vide(a) && vide(b);
  if (typeof a === 'object' || typeof b === 'object') {
    return typeof a === 'object' && typeof b === 'object' && a !== null && b !== null && codeErreur(a.erreur) === codeErreur(b.erreur);
  }
  if (typeof a === 'number' && typeof b === 'number') return Math.abs(a - b) < 0.005;
  return a === b;
}

export function texteValeur(v: ValeurLue | undefined): string {
  if (v === undefined || v === null || v === '') return '(vide)';
  if (typeof v === 'object') return v.erreur;
  if (typeof v === 'boolean') return v ? 'VRAI' : 'FAUX';
  if (typeof v === 'number') return String(v).replace('.', ',');
  return `« ${v} »`;
}

// — Évaluateur sans tableur (appels SIP.* simples) —

const APPEL_SIMPLE = /^SIP\.([A-Z0-9_]+)\((.*)\)$/i;
const REF = /^\$?([A-Z]{1,3})\$?(\d+)$/i;

function argumentsSimples(texte: string): string[] | null {
  const r: string[] = [];
  let courant = '';
  let chaine = false;
  for (const ch of texte) {
    if (ch === '"') chaine = !chaine;
    if (!chaine && (ch === '(' || ch === ')')) return null; // expression imbriquée : hors de portée
    if (!chaine && ch === ',') {
      r.push(courant.trim());
      courant = '';
    } else courant += ch;
  }
  r.push(courant.trim());
  return r;
}

/** Recalcule les formules de la forme `SIP.NOM(ref, nombre, "texte", )` avec les valeurs lues des références. */
export const recalculerSansTableur: Recalculateur = (cellules, bareme, aujourdhui) => {
  const valeurs = new Map(cellules.map((c) => [c.adresse.replace(/\$/g, '').toUpperCase(), c.valeur]));
  const r = new Map<string, ValeurLue | undefined>();
  for (const c of cellules) {
    if (!c.formule) continue;
    const m = APPEL_SIMPLE.exec(depuisFormeFichier(c.formule.trim().replace(/^=/, '')).trim());
    const f = m ? trouverFonction(m[1]) : undefined;
    const bruts = m ? argumentsSimples(m[2]) : null;
    if (!m || !f || !bruts) {
      r.set(c.adresse, undefined);
      continue;
    }
    const args: ValeurBrute[] = [];
    let erreur: ValeurLue | undefined;
    for (const b of m[2].trim() === '' ? [] : bruts) {
      const ref = REF.exec(b);
      if (b === '') args.push(null);
      else if (ref) {
        const v = valeurs.get(`${ref[1]}${ref[2]}`.toUpperCase());
        if (v !== null && typeof v === 'object') erreur = v;
        args.push(v === undefined || (v !== null && typeof v === 'object') ? null : v);
      } else if (/^"(.*)"$/.test(b)) args.push(b.slice(1, -1).replace(/""/g, '"'));
      else if (/^(TRUE|FALSE)$/i.test(b)) args.push(b.toUpperCase() === 'TRUE');
      else if (Number.isFinite(Number(b))) args.push(Number(b));
      else {
        erreur = undefined;
        args.length = 0;
        r.set(c.adresse, undefined);
        break;
      }
    }
    if (r.has(c.adresse)) continue;
    if (erreur) {
      r.set(c.adresse, erreur);
      continue;
    }
    try {
      r.set(c.adresse, evaluer(f, args, { bareme, aujourdhui }));
    } catch (e) {
      if (e instanceof ErreurRegle) r.set(c.adresse, { erreur: codeErreur(e.code) });
      else throw e;
    }
  }
  return r;
};

// — Barème —

function decrireValeurs(p: Parametre): Map<string, string> {
  return new Map(p.valeurs.map((v) => [v.du, `${v.valeur ?? 'aucune'} (du ${v.du}${v.au ? ` au ${v.au}` : ''}, ${v.statut}, ${v.source.document} ${v.source.section})`]));
}

export function comparerBaremes(embarque: Bareme, courant: Bareme): DifferenceParametre[] {
  const r: DifferenceParametre[] = [];
  const courants = new Map(courant.parametres.map((p) => [p.id, p]));
  const embarques = new Map(embarque.parametres.map((p) => [p.id, p]));
  for (const p of embarque.parametres) {
    const c = courants.get(p.id);
    if (!c) {
      r.push({ id: p.id, libelle: p.libelle, nature: 'retire', detail: 'absent du barème courant' });
      continue;
    }
    if (jsonCanonique(p) === jsonCanonique(c)) continue;
    const a = decrireValeurs(p);
    const b = decrireValeurs(c);
    const details: string[] = [];
    for (const [du, t] of a) {
      const u = b.get(du);
      if (u === undefined) details.push(`période du ${du} retirée (classeur : ${t})`);
      else if (u !== t) details.push(`classeur : ${t} → courant : ${u}`);
    }
    for (const [du, u] of b) if (!a.has(du)) details.push(`nouvelle période dans le barème courant : ${u}`);
    if (p.libelle !== c.libelle || p.unite !== c.unite) details.push(`libellé ou unité : « ${p.libelle} » (${p.unite}) → « ${c.libelle} » (${c.unite})`);
    r.push({ id: p.id, libelle: p.libelle, nature: 'modifie', detail: details.join(' ; ') || 'changement de forme' });
  }
  for (const c of courant.parametres) if (!embarques.has(c.id)) r.push({ id: c.id, libelle: c.libelle, nature: 'ajoute', detail: 'nouveau paramètre du barème courant' });
  return r;
}

// — Vérification —

export interface OptionsVerification {
  recalculer?: Recalculateur;
}

export function verifierClasseur(lues: readonly CelluleLue[], provenance: Provenance, baremeCourant: Bareme, o: OptionsVerification = {}): RapportVerification {
  const recalculer = o.recalculer ?? recalculerSansTableur;
  const attendue = decrireSimulation(provenance.scenario, provenance.bareme, {
    nomFeuille: provenance.feuille,
    dateGeneration: provenance.dateGeneration.slice(0, 10),
    versionComplement: provenance.versionComplement,
  });
  const recalculee = empreinteContenu(provenance.scenario, provenance.bareme, attendue);
  const parAdresse = new Map(lues.map((c) => [c.adresse.replace(/\$/g, '').toUpperCase(), c]));
  const [debutPlage, finPlage] = attendue.plage.split(':');
  const dansPlage = (a: string) =>
    colonneDe(a) >= colonneDe(debutPlage) && colonneDe(a) <= colonneDe(finPlage) && ligneDe(a) >= ligneDe(debutPlage) && ligneDe(a) <= ligneDe(finPlage);

  // Toutes les formules de la mise en page portent leur date ; « aujourd'hui » ne sert qu'aux formules ajoutées.
  const aujourdhui = provenance.scenario?.simulation?.debut ?? provenance.dateGeneration.slice(0, 10);
  const recalcul = recalculer(lues, provenance.bareme, aujourdhui);

  const constats: ConstatCellule[] = [];
  const attendues = new Map(attendue.cellules.filter((c) => c.formule).map((c) => [c.adresse, c.formule as string]));
  const adresses = new Set<string>([...attendues.keys(), ...lues.filter((c) => c.formule && dansPlage(c.adresse)).map((c) => c.adresse.toUpperCase())]);
  let nonRecalculees = 0;
  for (const a of [...adresses].sort((x, y) => ligneDe(x) - ligneDe(y) || colonneDe(x) - colonneDe(y))) {
    const lue = parAdresse.get(a);
    const formuleAttendue = attendues.get(a);
    const formuleLue = lue?.formule ? (lue.formule.startsWith('=') ? lue.formule : `=${lue.formule}`) : undefined;
    const c: ConstatCellule = { adresse: a, constats: [], message: '' };
    if (formuleAttendue) c.formuleAttendue = formuleAttendue;
    if (formuleLue) c.formuleLue = depuisFormeFichier(formuleLue);
    if (lue) c.valeurEnCache = lue.valeur;
    const messages: string[] = [];
    if (!formuleAttendue) {
      c.constats.push('formule_modifiee');
      messages.push(`formule ajoutée dans la zone générée : ${c.formuleLue}`);
    } else if (!formuleLue) {
      c.constats.push('formule_modifiee');
      messages.push(`formule ${formuleAttendue} remplacée par ${lue ? `la valeur ${texteValeur(lue.valeur)}` : 'une cellule vide'}`);
    } else if (normaliserFormule(formuleLue) !== normaliserFormule(formuleAttendue)) {
      c.constats.push('formule_modifiee');
      messages.push(`formule modifiée à la main : ${c.formuleLue} au lieu de ${formuleAttendue}`);
    }
    if (formuleLue) {
      const v = recalcul.get(lue?.adresse ?? a);
      if (v === undefined) nonRecalculees++;
      else {
        c.valeurRecalculee = v;
        if (!memeValeur(lue?.valeur ?? null, v)) {
          c.constats.push('valeur_differente');
          messages.push(`valeur en cache ${texteValeur(lue?.valeur ?? null)}, recalculée avec le barème embarqué : ${texteValeur(v)}`);
        }
      }
    }
    if (!c.constats.length) c.constats.push('conforme');
    c.message = messages.join(' ; ') || 'conforme';
    constats.push(c);
  }

  // Données d'entrée : la feuille doit encore dire ce que dit le scénario de la provenance.
  for (const e of attendue.cellules) {
    if (e.formule || e.style !== 'entree') continue;
    const lue = parAdresse.get(e.adresse);
    const attendu = (e.valeur ?? null) as ValeurLue;
    if (lue?.formule || !memeValeur(lue?.valeur ?? null, attendu)) {
      constats.push({
        adresse: e.adresse,
        constats: ['entree_modifiee'],
        valeurEnCache: lue?.valeur ?? null,
        message: `donnée d’entrée${e.nom ? ` ${e.nom}` : ''} modifiée dans la feuille : ${lue?.formule ? `formule ${lue.formule}` : texteValeur(lue?.valeur ?? null)} au lieu de ${texteValeur(attendu)} (scénario de la provenance)`,
      });
    }
  }
  constats.sort((x, y) => ligneDe(x.adresse) - ligneDe(y.adresse) || colonneDe(x.adresse) - colonneDe(y.adresse));

  const differences = comparerBaremes(provenance.bareme, baremeCourant);
  let cellulesAffectees: string[] = [];
  if (differences.length) {
    const avecCourant = recalculer(lues, baremeCourant, aujourdhui);
    cellulesAffectees = [...recalcul.entries()].filter(([a, v]) => v !== undefined && !memeValeur(v, avecCourant.get(a))).map(([a]) => a);
  }
  const resume = {
    // Formules vérifiées (les données d'entrée modifiées sont comptées à part).
    verifiees: constats.filter((c) => !c.constats.includes('entree_modifiee')).length,
    conformes: constats.filter((c) => c.constats[0] === 'conforme').length,
    valeursDifferentes: constats.filter((c) => c.constats.includes('valeur_differente')).length,
    formulesModifiees: constats.filter((c) => c.constats.includes('formule_modifiee')).length,
    entreesModifiees: constats.filter((c) => c.constats.includes('entree_modifiee')).length,
    nonRecalculees,
  };
  const empreinteOk = recalculee === provenance.empreinte;
  return {
    ok: empreinteOk && differences.length === 0 && resume.conformes === resume.verifiees && resume.entreesModifiees === 0,
    feuille: provenance.feuille,
    empreinte: { enregistree: provenance.empreinte, recalculee, conforme: empreinteOk },
    bareme: { versionEmbarquee: provenance.bareme.version, versionCourante: baremeCourant.version, identique: differences.length === 0, differences, cellulesAffectees },
    cellules: constats,
    resume,
  };
}

// Le contenu qu'une signature couvre, calculé depuis le classeur LU (pas depuis ses octets) : ce que
// montre la simulation, sous une forme qu'un ré-enregistrement honnête ne change pas — chaque cellule de
// la zone générée (formule normalisée par son sens, valeur, format de nombre canonique), la feuille
// « Barème », et, de la provenance, la date de génération, la version du complément, l'empreinte et le
// SHA-256 du scénario et du barème embarqués.
//
// Le texte JSON de ce contenu est signé tel quel et rangé dans la provenance : à la vérification, on
// recalcule le contenu du classeur et on le compare au contenu signé, cellule par cellule, avec les
// tolérances de la vérification (formule par son sens, nombre au bruit d'arrondi près, deux erreurs
// se valent) : on sait alors ce qui a changé depuis la signature (« B12 : 5 000 → 6 000 »). Pur.
import { jsonCanonique, sha256 } from '../empreinte';
import type { Provenance } from '../provenance';
import { cellulePreparee } from '../verification/cellules';
import { formatCanonique } from '../verification/formats';
import { normaliserFormule } from '../verification/formules';
import { dansPlage, plageDe } from '../verification/hors-zone';
import type { CelluleLue, FeuilleLue, ValeurLue } from '../verification/types';
import { codeErreur, estErreur, estVide, memeConstante, memeValeur, texteValeur } from '../verification/valeurs';
import { colonneDe, ligneDe } from '../adresses';

export const FORMAT_CONTENU = 'sip-contenu-signe';

/** [adresse, formule normalisée (« » : constante), valeur (en cache pour une formule), format canonique]. */
export type CelluleSignee = [string, string, ValeurLue, string];

export interface SimulationSignee {
  feuille: string;
  plage: string;
  versionComplement: string;
  dateGeneration: string;
  empreinte: string;
  /** SHA-256 du JSON canonique du scénario et du barème embarqués. */
  scenario: string;
  bareme: string;
}

export interface ContenuClasseur {
  simulation: SimulationSignee;
  cellules: CelluleSignee[];
  /** Feuilles annexes couvertes (la feuille « Barème »). */
  annexes: { feuille: string; cellules: CelluleSignee[] }[];
}

export interface ContenuSigne extends ContenuClasseur {
  format: typeof FORMAT_CONTENU;
  version: 1;
  signataire: { organisme: string; cle: string };
  /** Date et heure de la signature (ISO 8601). */
  signeLe: string;
}

function celluleSignee(c: CelluleLue, feuille: string): CelluleSignee | null {
  const p = cellulePreparee(c);
  if (!p.formule && estVide(p.valeur)) return null;
  const valeur = estErreur(p.valeur) ? { erreur: codeErreur(p.valeur.erreur) } : p.valeur;
  return [p.adresse, p.formule ? normaliserFormule(p.formule, feuille) : '', valeur, formatCanonique(p.format)];
}

const parPosition = (x: CelluleSignee, y: CelluleSignee) => ligneDe(x[0]) - ligneDe(y[0]) || colonneDe(x[0]) - colonneDe(y[0]);

export function cellulesSignees(cellules: readonly CelluleLue[], feuille: string, plage?: string): CelluleSignee[] {
  const p = plage ? plageDe(plage) : null;
  return cellules
    .filter((c) => !p || dansPlage(p, c.adresse.replace(/\$/g, '')))
    .map((c) => celluleSignee(c, feuille))
    .filter((c): c is CelluleSignee => c !== null)
    .sort(parPosition);
}

/** Le contenu d'une simulation lue : zone générée (`plage`), feuilles annexes, provenance. */
export function contenuDuClasseur(p: Provenance, cellules: readonly CelluleLue[], plage: string, annexes: readonly FeuilleLue[]): ContenuClasseur {
  return {
    simulation: {
      feuille: p.feuille,
      plage,
      versionComplement: p.versionComplement,
      dateGeneration: p.dateGeneration,
      empreinte: p.empreinte,
      scenario: sha256(jsonCanonique(p.scenario)),
      bareme: sha256(jsonCanonique(p.bareme)),
    },
    cellules: cellulesSignees(cellules, p.feuille, plage),
    annexes: annexes.map((f) => ({ feuille: f.nom, cellules: cellulesSignees(f.cellules, f.nom) })),
  };
}

// — Comparaison —

const LIBELLES: Record<keyof SimulationSignee, string> = {
  feuille: 'nom de la feuille',
  plage: 'plage générée',
  versionComplement: 'version du complément',
  dateGeneration: 'date de génération',
  empreinte: 'empreinte de la provenance',
  scenario: 'scénario embarqué (SHA-256)',
  bareme: 'barème embarqué (SHA-256)',
};

const texteCellule = (c: CelluleSignee | undefined) => (!c ? '(vide)' : c[1] ? `=${c[1]} (${texteValeur(c[2])})` : texteValeur(c[2]));

function memeCellule(a: CelluleSignee, b: CelluleSignee): boolean {
  if (a[1] !== b[1]) return false;
  const valeurs = a[1] ? memeValeur(a[2], b[2]) || (estErreur(a[2]) && estErreur(b[2])) : memeConstante(a[2], b[2]);
  const texte = typeof b[2] === 'string';
  const general = (f: string) => (texte && f === '@' ? 'General' : f);
  return valeurs && general(a[3]) === general(b[3]);
}

/** Même formule, même format, autre valeur : la conséquence d'un autre changement (ou d'un cache retouché, que la vérification des cellules signale). */
const seulementValeurCalculee = (x: CelluleSignee, y: CelluleSignee) => !!x[1] && x[1] === y[1] && x[3] === y[3];

function comparerCellules(prefixe: string, signees: readonly CelluleSignee[], actuelles: readonly CelluleSignee[]): string[] {
  const a = new Map(signees.map((c) => [c[0], c]));
  const b = new Map(actuelles.map((c) => [c[0], c]));
  const r: string[] = [];
  let consequences = 0;
  const adresses = [...new Set([...a.keys(), ...b.keys()])].sort((x, y) => ligneDe(x) - ligneDe(y) || colonneDe(x) - colonneDe(y));
  for (const ad of adresses) {
    const x = a.get(ad);
    const y = b.get(ad);
    if (x && y && memeCellule(x, y)) continue;
    if (x && y && seulementValeurCalculee(x, y)) {
      consequences++;
      continue;
    }
    const format = x && y && x[1] === y[1] && texteCellule(x) === texteCellule(y) ? ` (format ${x[3]} → ${y[3]})` : '';
    r.push(`${prefixe}${ad} : ${texteCellule(x)} → ${texteCellule(y)}${format}`);
  }
  if (consequences) r.push(`${prefixe ? `${prefixe.slice(0, -1)} : ` : ''}${consequences} valeur${consequences > 1 ? 's' : ''} calculée${consequences > 1 ? 's' : ''} par des formules inchangées ${consequences > 1 ? 'ont' : 'a'} changé en conséquence`);
  return r;
}

/** Ce qui a changé depuis la signature, une ligne par différence (« signé → maintenant »). */
export function comparerContenus(signe: ContenuClasseur, actuel: ContenuClasseur): string[] {
  const r: string[] = [];
  for (const k of Object.keys(LIBELLES) as (keyof SimulationSignee)[]) {
    if (signe.simulation[k] !== actuel.simulation[k]) r.push(`${LIBELLES[k]} : ${signe.simulation[k]} → ${actuel.simulation[k]}`);
  }
  r.push(...comparerCellules('', signe.cellules, actuel.cellules));
  const annexes = new Map(actuel.annexes.map((f) => [f.feuille, f.cellules]));
  for (const f of signe.annexes) {
    const maintenant = annexes.get(f.feuille);
    if (!maintenant) r.push(`feuille « ${f.feuille} » signée, absente maintenant`);
    else r.push(...comparerCellules(`${f.feuille}!`, f.cellules, maintenant));
    annexes.delete(f.feuille);
  }
  for (const nom of annexes.keys()) r.push(`feuille « ${nom} » ajoutée après la signature`);
  return r;
}

// Ce qui, hors de la zone générée, cite la simulation : formules d'autres feuilles (ou de la même
// feuille hors de la plage) qui y font référence, par adresse, par nom défini ou indirectement
// (INDIRECT, OFFSET). Elles redisent les chiffres de la simulation sans être vérifiées : on les nomme.
import { colonneDe, ligneDe } from '../adresses';
import { formuleAffichee } from './cellules';
import { referencesDe, type ZoneCitee } from './formules';
import type { CelluleLue, FeuilleLue, ReferenceExterne } from './types';

export interface Plage {
  c1: number;
  l1: number;
  c2: number;
  l2: number;
}

export function plageDe(texte: string): Plage {
  const [a, b = a] = texte.replace(/\$/g, '').split(':');
  return { c1: colonneDe(a), l1: ligneDe(a), c2: colonneDe(b), l2: ligneDe(b) };
}

export const dansPlage = (p: Plage, a: string) => {
  const c = colonneDe(a);
  const l = ligneDe(a);
  return c >= p.c1 && c <= p.c2 && l >= p.l1 && l <= p.l2;
};

const seCroisent = (p: Plage, z: ZoneCitee) => z.c1 <= p.c2 && z.c2 >= p.c1 && z.l1 <= p.l2 && z.l2 >= p.l1;
const memeNom = (a: string, b: string) => a.toLocaleUpperCase('fr') === b.toLocaleUpperCase('fr');

export interface Simulation {
  feuille: string;
  plage: Plage;
  /** Noms définis posés sur la zone générée (sim_nom, TOTAL_AIDES…). */
  noms: ReadonlySet<string>;
}

/** Ce qu'une formule écrite sur `feuille` cite de la simulation ; null si rien. */
function cibleDans(formule: string, feuille: string, s: Simulation): string | null {
  const r = referencesDe(formule);
  if (!r) return null;
  const z = r.zones.find((x) => memeNom(x.feuille ?? feuille, s.feuille) && seCroisent(s.plage, x));
  if (z) return z.texte.replace(/^.*!/, '');
  const n = r.noms.find((x) => s.noms.has(x.toUpperCase()));
  if (n) return `le nom ${n}`;
  return r.indirecte ? 'référence indirecte (INDIRECT ou OFFSET) : sa cible ne peut être vérifiée' : null;
}

/** Formules hors de la zone générée qui la citent : autres feuilles, et même feuille hors de la plage. */
export function referencesVersLaZone(s: Simulation, horsZone: readonly CelluleLue[], autres: readonly FeuilleLue[]): ReferenceExterne[] {
  const r: ReferenceExterne[] = [];
  const examiner = (feuille: string, c: CelluleLue) => {
    if (!c.formule) return;
    const cible = cibleDans(c.formule, feuille, s);
    if (cible) r.push({ feuille, adresse: c.adresse, formule: formuleAffichee(c.formule), cible });
  };
  for (const c of horsZone) examiner(s.feuille, c);
  for (const f of autres) for (const c of f.cellules) examiner(f.nom, c);
  return r;
}

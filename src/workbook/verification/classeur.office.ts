// Lecture, avec Office.js, de ce que la vérification de la simulation active examine (volet) : sa
// feuille (formules invariantes, valeurs, formats de nombre), sa provenance, la feuille « Barème »,
// et les formules de toutes les autres feuilles (celles qui citeraient la simulation). Deux `sync`.
import { lettreColonne, colonneDe, ligneDe } from '../adresses';
import { NOM_FEUILLE_BAREME } from '../bareme/colonnes';
import { estFeuilleProvenance, lireProvenance, nomFeuilleProvenance } from '../provenance';
import type { ClasseurAVerifier } from '../signature/controle';
import type { CelluleLue, FeuilleLue, ValeurLue } from './types';

function valeurLue(v: unknown): ValeurLue {
  if (v === null || v === undefined || v === '') return null;
  if (typeof v === 'number' || typeof v === 'boolean') return v;
  const t = String(v);
  return /^#[A-Z/0!?]+[!?A]?$/.test(t) && t.length <= 8 ? { erreur: t } : t;
}

interface Lecture {
  plage: Excel.Range;
  complete: boolean;
}

function lire(feuille: Excel.Worksheet, complete: boolean): Lecture {
  const plage = feuille.getUsedRangeOrNullObject();
  plage.load(complete ? ['address', 'formulas', 'values', 'numberFormat'] : ['address', 'formulas']);
  return { plage, complete };
}

/** Cellules non vides d'une plage lue (formules invariantes `SIP.CAI(…)`, valeurs, formats). */
function cellules({ plage, complete }: Lecture): CelluleLue[] {
  if (plage.isNullObject) return [];
  const debut = (plage.address.split('!').pop() ?? 'A1').split(':')[0].replace(/\$/g, '');
  const [c0, l0] = [colonneDe(debut), ligneDe(debut)];
  const r: CelluleLue[] = [];
  (plage.formulas as unknown[][]).forEach((ligne, l) =>
    ligne.forEach((f, k) => {
      const adresse = `${lettreColonne(c0 + k)}${l0 + l}`;
      const valeur = complete ? valeurLue((plage.values as unknown[][])[l][k]) : valeurLue(f);
      const format = complete ? { format: String((plage.numberFormat as unknown[][])[l][k] ?? 'General') } : {};
      if (typeof f === 'string' && f.startsWith('=')) r.push({ adresse, formule: f, valeur: complete ? valeur : null, ...format });
      else if (valeur !== null) r.push({ adresse, valeur, ...format });
    }),
  );
  return r;
}

export interface ClasseurOffice extends ClasseurAVerifier {
  /** Les autres simulations du classeur (elles ne sont pas des feuilles ajoutées). */
  feuillesAttendues: string[];
}

/** La simulation de la feuille active et ce qui l'entoure ; null si la feuille active n'est pas une simulation. */
export async function lireClasseurOffice(context: Excel.RequestContext): Promise<ClasseurOffice | null> {
  const feuilles = context.workbook.worksheets;
  const active = feuilles.getActiveWorksheet();
  active.load('name');
  feuilles.load('items/name,items/visibility');
  await context.sync();
  const noms = feuilles.items.map((f) => f.name);
  const nomProv = nomFeuilleProvenance(active.name);
  if (estFeuilleProvenance(active.name) || !noms.includes(nomProv)) return null;
  const simulations = noms.filter((n) => !estFeuilleProvenance(n) && noms.includes(nomFeuilleProvenance(n)));
  const bareme = noms.find((n) => n.toLocaleLowerCase('fr') === NOM_FEUILLE_BAREME.toLocaleLowerCase('fr'));
  const simulation = lire(active, true);
  const provenance = feuilles.getItem(nomProv).getUsedRange();
  provenance.load('values');
  const autres = feuilles.items
    .filter((f) => f.name !== active.name && !estFeuilleProvenance(f.name))
    .map((f) => ({ nom: f.name, masquee: f.visibility !== 'Visible', lecture: lire(f, f.name === bareme) }));
  await context.sync();
  const valeurs = new Map<string, unknown>();
  (provenance.values as unknown[][]).forEach((ligne, l) => ligne.forEach((v, k) => valeurs.set(`${lettreColonne(k + 1)}${l + 1}`, v)));
  const lues: FeuilleLue[] = autres.map((a) => ({ nom: a.nom, cellules: cellules(a.lecture), ...(a.masquee ? { masquee: true } : {}) }));
  return {
    simulations: [{ provenance: lireProvenance(valeurs), cellules: cellules(simulation) }],
    autres: lues,
    feuillesAttendues: simulations.filter((n) => n !== active.name),
  };
}

// Chemin rapide (valeur seule) des règles de l'aide SIP (regles/sip.ts) : mêmes opérations, exactes
// en entiers mis à l'échelle ; undefined quand l'exactitude n'est pas prouvée (chemin decimal.js).
// Les arguments ont été contrôlés par le catalogue (nombres finis dans leur plage, jour entier).
import { Bareme } from '../bareme/types';
import { tableParJour } from './bareme';
import { aligner, centimes, echelle, euros, fois, mantisse, plus } from './exact';

const tablePlafond = tableParJour((l) => {
  const base = l.exact('sip.plafond.base');
  const parPro = l.exact('sip.plafond.par_professionnel');
  const maximum = l.exactOuAucune('sip.plafond.maximum');
  const s = Math.max(base.s, parPro.s, maximum?.s ?? 0);
  return { s, base: aligner(base.m, base.s, s), parPro: aligner(parPro.m, parPro.s, s), maximum: maximum && aligner(maximum.m, maximum.s, s) };
});

/** Plafond SIP en centimes (NaN : non prouvé exact ; null : barème illisible à cette date). */
function plafondCentimes(bareme: Bareme, n: number, jour: number): number | null {
  const t = tablePlafond(bareme, jour);
  if (t === null) return null;
  const brut = plus(t.base, fois(t.parPro, n));
  return centimes(t.maximum === null ? brut : Math.min(brut, t.maximum), t.s);
}

/** SIP.PLAFOND : base + par professionnel × n, borné au plafond global s'il existe. */
export function plafondSipRapide(bareme: Bareme, n: number, jour: number): number | undefined {
  const c = plafondCentimes(bareme, n, jour);
  return c === null ? undefined : euros(c);
}

/** SIP.AIDE : min(devis ; plafond), au centime. */
export function aideSipRapide(bareme: Bareme, devis: number, n: number, jour: number): number | undefined {
  const plafond = plafondCentimes(bareme, n, jour);
  if (plafond === null) return undefined;
  const sd = echelle(devis);
  const t = Math.max(sd, 2);
  return euros(centimes(Math.min(aligner(mantisse(devis, sd), sd, t), aligner(plafond, 2, t)), t));
}

const tableVersement = tableParJour((l) => l.exact('sip.versement.part_convention'));

/** SIP.VERSEMENT : part × aide (au centime) à la convention, la différence au solde. */
export function versementSipRapide(bareme: Bareme, montantAide: number, numero: number, jour: number): number | undefined {
  const part = tableVersement(bareme, jour);
  if (part === null) return undefined;
  const sa = echelle(montantAide);
  const aide = centimes(mantisse(montantAide, sa), sa);
  const premier = centimes(fois(aide, part.m), 2 + part.s);
  return euros(numero === 1 ? premier : plus(aide, -premier));
}

// Chemin rapide (valeur seule) des règles « 400 postes » (regles/postes400.ts) : garantie, plafond,
// seuil de consultations, congé maternité ; exacts en entiers mis à l'échelle, undefined quand
// l'exactitude n'est pas prouvée ou qu'une lecture du barème échouerait (chemin decimal.js).
import { Bareme } from '../bareme/types';
import { tableParJour } from './bareme';
import { aligner, centimes, echelle, euros, Exact, fois, mantisse, plus, versNombre } from './exact';

/** Les paramètres du dispositif à une date ; chacun null s'il ne s'y lit pas (la règle qui en a besoin s'abstient). */
const table400 = tableParJour((l) => ({
  plafondTp: l.siLisible('postes400.plafond_mensuel_temps_plein'),
  moisInitial: l.siLisible('postes400.mois_seuil_initial'),
  seuilInitial: l.siLisible('postes400.seuil_initial'),
  seuilCourant: l.siLisible('postes400.seuil_courant'),
  dureeMois: l.siLisible('postes400.duree_mois'),
}));

/** Seuil de consultations (plein temps) du mois du contrat, ou null s'il ne se lit pas. */
function seuilTempsPlein(t: { moisInitial: Exact | null; seuilInitial: Exact | null; seuilCourant: Exact | null }, mois: number): Exact | null {
  if (t.moisInitial === null) return null;
  const initial = aligner(mois, 0, t.moisInitial.s) <= t.moisInitial.m;
  return initial ? t.seuilInitial : t.seuilCourant;
}

/** SIP.SEUIL400 : seuil du mois × quotité (sans arrondi). */
export function seuil400Rapide(bareme: Bareme, mois: number, quotite: number, jour: number): number | undefined {
  const t = table400(bareme, jour);
  const seuil = t && mois <= Number.MAX_SAFE_INTEGER ? seuilTempsPlein(t, mois) : null;
  if (seuil === null) return undefined;
  const sq = echelle(quotite);
  return versNombre(fois(seuil.m, mantisse(quotite, sq)), seuil.s + sq);
}

/** SIP.PLAFOND400 : plafond temps plein × quotité, au centime. */
export function plafond400Rapide(bareme: Bareme, quotite: number, jour: number): number | undefined {
  const p = table400(bareme, jour)?.plafondTp;
  if (!p) return undefined;
  const sq = echelle(quotite);
  return euros(centimes(fois(p.m, mantisse(quotite, sq)), p.s + sq));
}

/**
 * SIP.GARANTIE400 : max(0 ; min(coût ; plafond × quotité) − honoraires), au centime ; 0 si les
 * consultations du mois (données avec le mois du contrat) sont sous le seuil × quotité.
 */
export function garantie400Rapide(bareme: Bareme, cout: number, honoraires: number, quotite: number, jour: number, consultations: number | null, mois: number | null): number | undefined {
  const t = table400(bareme, jour);
  if (t === null || t.plafondTp === null) return undefined;
  const sq = echelle(quotite);
  const q = mantisse(quotite, sq);
  if (consultations !== null && mois !== null) {
    const seuil = mois <= Number.MAX_SAFE_INTEGER ? seuilTempsPlein(t, mois) : null;
    if (seuil === null) return undefined;
    const sc = echelle(consultations);
    const sSeuil = seuil.s + sq;
    const s = Math.max(sc, sSeuil);
    const c = aligner(mantisse(consultations, sc), sc, s);
    const exige = aligner(fois(seuil.m, q), sSeuil, s);
    if (c !== c || exige !== exige) return undefined;
    if (c < exige) return 0;
  }
  const sPlafond = t.plafondTp.s + sq;
  const sCout = echelle(cout);
  const sHonoraires = echelle(honoraires);
  const s = Math.max(sPlafond, sCout, sHonoraires);
  const plafond = aligner(fois(t.plafondTp.m, q), sPlafond, s);
  const retenu = Math.min(aligner(mantisse(cout, sCout), sCout, s), plafond);
  return euros(centimes(Math.max(0, plus(retenu, -aligner(mantisse(honoraires, sHonoraires), sHonoraires, s))), s));
}

/** SIP.MATERNITE400 : salaire maintenu → max(0 ; salaire − IJ), sinon 0 ; #N/A avant le dispositif (chemin expliqué). */
export function maternite400Rapide(bareme: Bareme, salaire: number, ij: number, maintenu: boolean, jour: number): number | undefined {
  if (!table400(bareme, jour)?.dureeMois) return undefined;
  if (!maintenu) return 0;
  const ss = echelle(salaire);
  const si = echelle(ij);
  const s = Math.max(ss, si);
  return euros(centimes(Math.max(0, plus(aligner(mantisse(salaire, ss), ss, s), -aligner(mantisse(ij, si), si, s))), s));
}

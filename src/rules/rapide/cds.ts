// Chemin rapide (valeur seule) des contrats des centres de santé (regles/cds.ts) : CAI, COSCO, CST et
// aide automatique, exacts en entiers mis à l'échelle ; undefined quand l'exactitude n'est pas prouvée
// ou qu'une lecture du barème échouerait (contrat fermé, montant non publié) : le chemin decimal.js
// rend alors le résultat ou l'erreur exacte. Arguments déjà contrôlés par le catalogue.
import { Bareme } from '../bareme/types';
import { TYPES_AIDE_CDS, ZONES_AIDE_CDS, type TypeAideCds, type ZoneAideCds } from '../regles/cds';
import { LectureRapide, tableParJour } from './bareme';
import { aligner, centimes, echelle, euros, Exact, fois, mantisse, plus } from './exact';

/** Le contrat se signe-t-il à cette date (paramètre « …signature_ouverte » non nul) ? */
function signatureOuverte(l: LectureRapide, contrat: 'cai' | 'cosco' | 'cst'): boolean {
  return l.exact(`${contrat}.signature_ouverte`).m !== 0;
}

const tableCai = tableParJour((l) => {
  if (!signatureOuverte(l, 'cai')) return null;
  const m1 = l.exact('cai.montant_etp_tranche1');
  const fin1 = l.exact('cai.fin_tranche1_etp');
  const m2 = l.exact('cai.montant_etp_tranche2');
  const fin2 = l.exact('cai.fin_tranche2_etp');
  const plafond = l.exact('cai.plafond');
  const sm = Math.max(m1.s, m2.s);
  return { fin1, fin2, sm, m1: aligner(m1.m, m1.s, sm), m2: aligner(m2.m, m2.s, sm), plafond, part: l.siLisible('cai.part_premier_versement') };
});

/** SIP.CAI : total (1er ETP, puis 2e et 3e, plafonné), ou l'un des deux versements. */
export function caiRapide(bareme: Bareme, etp: number, versement: number | null, jour: number): number | undefined {
  const t = tableCai(bareme, jour);
  if (t === null || (versement !== null && t.part === null)) return undefined;
  const se = echelle(etp);
  const sE = Math.max(se, t.fin1.s, t.fin2.s);
  const e = aligner(mantisse(etp, se), se, sE);
  const fin1 = aligner(t.fin1.m, t.fin1.s, sE);
  const fin2 = aligner(t.fin2.m, t.fin2.s, sE);
  const etp1 = Math.min(e, fin1);
  const etp2 = Math.min(Math.max(plus(e, -fin1), 0), plus(fin2, -fin1));
  const sBrut = sE + t.sm;
  const s = Math.max(sBrut, t.plafond.s);
  const brut = aligner(plus(fois(etp1, t.m1), fois(etp2, t.m2)), sBrut, s);
  const total = centimes(Math.min(brut, aligner(t.plafond.m, t.plafond.s, s)), s);
  if (versement === null) return euros(total);
  const premier = centimes(fois(total, t.part!.m), 2 + t.part!.s);
  return euros(versement === 1 ? premier : plus(total, -premier));
}

const tableCosco = tableParJour((l) => (signatureOuverte(l, 'cosco') ? l.exact('cosco.montant_etp_an') : null));

/** SIP.COSCO : montant par an et par ETP × ETP × années, au centime. */
export function coscoRapide(bareme: Bareme, etp: number, annees: number, jour: number): number | undefined {
  const montant = tableCosco(bareme, jour);
  if (montant === null) return undefined;
  const se = echelle(etp);
  const sa = echelle(annees);
  return euros(centimes(fois(fois(montant.m, mantisse(etp, se)), mantisse(annees, sa)), montant.s + se + sa));
}

const tableCst = tableParJour((l) =>
  signatureOuverte(l, 'cst') ? { taux: l.exact('cst.taux_honoraires'), plafondEtp: l.exact('cst.plafond_etp_an') } : null,
);

/** SIP.CST : min(taux × honoraires ; plafond par ETP × ETP), au centime. */
export function cstRapide(bareme: Bareme, honoraires: number, etp: number, jour: number): number | undefined {
  const t = tableCst(bareme, jour);
  if (t === null) return undefined;
  const sh = echelle(honoraires);
  const se = echelle(etp);
  const sMajoration = sh + t.taux.s;
  const sPlafond = se + t.plafondEtp.s;
  const s = Math.max(sMajoration, sPlafond);
  const majoration = aligner(fois(mantisse(honoraires, sh), t.taux.m), sMajoration, s);
  const plafond = aligner(fois(mantisse(etp, se), t.plafondEtp.m), sPlafond, s);
  return euros(centimes(Math.min(majoration, plafond), s));
}

const tableAideCds = tableParJour((l) => {
  l.exact('cds.aide_automatique.ouverte');
  return new Map(TYPES_AIDE_CDS.map((type) => [type, new Map(ZONES_AIDE_CDS.map((zone) => [zone, l.siLisible(`cds.aide_automatique.${type.toLowerCase()}.${zone.toLowerCase()}`)]))]));
});

/** SIP.AIDE_CDS : montant par ETP éligible (selon le type de centre et la zone) × ETP, au centime. */
export function aideAutomatiqueCdsRapide(bareme: Bareme, etp: number, type: TypeAideCds, zone: ZoneAideCds, jour: number): number | undefined {
  const parEtp = tableAideCds(bareme, jour)?.get(type)?.get(zone);
  if (!parEtp) return undefined;
  const se = echelle(etp);
  return euros(centimes(fois(parEtp.m, mantisse(etp, se)), parEtp.s + se));
}

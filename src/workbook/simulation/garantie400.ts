// Bloc 6 : un tableau par médecin « 400 postes », mois du contrat par mois du contrat dans l'horizon :
// seuil de consultations et plafond du mois, coût et honoraires (la série du plan), la garantie et la
// prise en charge du congé — ces deux-là renvoient à leur ligne de l'échéancier, où elles sont calculées.
import { isoVersSerie } from '../../rules/dates';
import type { Decimal } from '../../rules/decimal';
import type { Versement } from '../../rules/versements/types';
import { adresse } from '../adresses';
import { jeton, rendreTerme, repere, type ContexteSimulation } from './contexte';

const COL = { mois: 1, du: 2, travail: 3, seuil: 4, plafond: 5, cout: 6, honoraires: 7, garantie: 8, conge: 9 } as const;
const TITRES = ['Mois du contrat', 'Début du mois', 'Part du mois travaillée', 'Seuil de consultations / mois', 'Coût garanti maximal',
  'Coût salarial (part travaillée)', 'Honoraires', 'Garantie du mois', 'Congé maternité / paternité'];

interface Mois {
  m: number;
  k: number;
  garantie?: Versement;
  conges: Versement[];
}

/** Mois du contrat à montrer : du premier au dernier versement « 400 postes » du médecin dans l'horizon. */
function moisDuMedecin(versements: readonly Versement[], i: number): Mois[] {
  const siens = versements.filter((v) => v.medecin === i && (v.aide === '400POSTES' || v.aide === 'MATERNITE400'));
  const garanties = siens.filter((v) => v.aide === '400POSTES');
  if (!garanties.length) return [];
  const m0 = garanties[0].mois - (garanties[0].moisContrat as number) + 1;
  const fin = Math.max(...siens.map((v) => v.mois));
  return Array.from({ length: fin - garanties[0].mois + 1 }, (_, x) => {
    const m = garanties[0].mois + x;
    return { m, k: m - m0 + 1, garantie: garanties.find((v) => v.mois === m), conges: siens.filter((v) => v.aide === 'MATERNITE400' && v.mois === m) };
  });
}

function ligneMois(ctx: ContexteSimulation, i: number, x: Mois): void {
  const { f, livre, entrees } = ctx;
  const l = f.ligne++;
  const A = (c: number) => adresse(c, l);
  const travail = livre.partTravaillee[i][x.m] as Decimal;
  f.pose(COL.mois, l, { valeur: x.k, format: 'entier', style: 'libelle' });
  f.pose(COL.du, l, { valeur: isoVersSerie(livre.bornes[x.m]), format: 'date', style: 'calcul' });
  f.pose(COL.travail, l, { valeur: travail.toNumber(), format: 'pourcentage', style: 'calcul' });
  const quotite = entrees.get(`medecin.${i}.quotite`) as string;
  f.formule(COL.seuil, l, `SIP.SEUIL400(${A(COL.mois)},${quotite},${A(COL.du)})`, 'consultations');
  f.formule(COL.plafond, l, `SIP.PLAFOND400(${quotite},${A(COL.du)})`, 'euros');
  const e = x.garantie?.resultat.explication.entrees;
  const serieOuValeur = (col: number, id: string, valeur: unknown) => {
    const formule = x.garantie?.formule ? rendreTerme(ctx, { serie: `${id}.${i}`, mois: x.m }) : null;
    if (formule || valeur !== undefined) f.formuleOuValeur(col, l, formule, Number(String(valeur)), 'euros');
  };
  serieOuValeur(COL.cout, 'cout', e?.cout_salarial_mensuel);
  serieOuValeur(COL.honoraires, 'honoraires', e?.honoraires_mensuels);
  if (x.garantie) f.formule(COL.garantie, l, jeton(repere.versement(x.garantie.id)), 'euros');
  else f.texte(COL.garantie, l, 'congé', 'alerte');
  if (x.conges.length) f.formule(COL.conge, l, x.conges.map((v) => jeton(repere.versement(v.id))).join('+'), 'euros');
}

export function blocGarantie400(ctx: ContexteSimulation): void {
  const { f, s, livre } = ctx;
  s.medecins.forEach((med, i) => {
    const mois = moisDuMedecin(livre.versements, i);
    if (!mois.length) return;
    f.texte(1, f.ligne++, `Garantie « 400 postes » — ${med.libelle} (quotité ${String(med.quotite).replace('.', ',')}), mois du contrat dans l’horizon`, 'sous_titre');
    f.entetes(f.ligne++, TITRES);
    for (const x of mois) ligneMois(ctx, i, x);
    f.texte(1, f.ligne++, 'La garantie et le congé de chaque mois sont calculés dans l’échéancier ; leur total par année est dans le tableau des versements par année.', 'note');
    f.sauter();
  });
}

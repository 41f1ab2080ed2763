// Versements « 400 postes » (004 §2.2) : la garantie de chaque mois du contrat, versée à terme échu,
// calculée sur la série mensuelle du médecin (coût, honoraires) ; la prise en charge d'un congé
// maternité/paternité, versée à la fin du congé.
import { veille } from '../calendrier';
import { isoVersFrancais } from '../dates';
import { Decimal } from '../decimal';
import { dateT, entree, nombre, serie, sip } from '../formule';
import { garantie400, maternite400 } from '../regles/postes400';
import type { Redaction } from './redaction';
import type { Facteurs, SeriesMedecin } from './series';

/** Garantie des mois du contrat dans l'horizon ; aucun mois entièrement en congé (le congé a sa prise en charge). */
function garanties(r: Redaction, x: SeriesMedecin, duree: number, f: Facteurs): void {
  const med = r.s.medecins[x.i];
  const { cal } = r;
  for (let m = Math.max(0, x.m0); m < cal.nbMois && m - x.m0 + 1 <= duree; m++) {
    const k = m - x.m0 + 1;
    const travail = x.travail[m] as Decimal;
    if (travail.isZero()) continue;
    const plein = travail.equals(1);
    const coutTravail = new Decimal(med.coutSalarialMensuel).times(f.cout).times(travail);
    const honoraires = (x.honoraires.mois[m] as { valeur: Decimal }).valeur;
    // Contrepartie d'activité : les consultations saisies (au prorata de la part travaillée) face au seuil du mois.
    const consultations = med.consultationsParMois !== undefined ? (x.consultations?.mois[m]?.valeur ?? null) : null;
    r.verser({
      id: `p400.${x.i}.${k}`,
      aide: '400POSTES',
      medecin: x.i,
      moisContrat: k,
      objet: `${med.libelle}, mois ${k} du contrat${plein ? '' : ' (mois partiellement en congé)'}`,
      du: cal.bornes[m],
      au: veille(cal.bornes[m + 1]),
      date: veille(cal.bornes[m + 1]),
      resultat: garantie400(r.bareme, {
        coutSalarialMensuel: coutTravail, honorairesMensuels: honoraires, quotite: new Decimal(med.quotite).times(travail), date: cal.bornes[m],
        activite: consultations === null ? null : { consultations, mois: new Decimal(k) },
      }),
      // Mois partiellement en congé : montants proratisés aux jours, écrits en valeur.
      ...(plein ? { formule: sip('GARANTIE400', serie(`cout.${x.i}`, m), serie(`honoraires.${x.i}`, m), entree(`medecin.${x.i}.quotite`), dateT(cal.bornes[m]),
        ...(consultations === null ? [] : [serie(`consultations.${x.i}`, m), nombre(k)])) } : {}),
    });
  }
}

/** Prise en charge des congés commencés pendant le contrat, versée au dernier jour du congé. */
function conges(r: Redaction, x: SeriesMedecin, duree: number): void {
  const med = r.s.medecins[x.i];
  med.conges.forEach((c, j) => {
    const k = r.cal.indexMois(c.debut) - x.m0 + 1;
    if (k < 1 || k > duree) return;
    r.verser({
      id: `mat400.${x.i}.${j + 1}`,
      aide: 'MATERNITE400',
      medecin: x.i,
      objet: `${med.libelle}, congé du ${isoVersFrancais(c.debut)} au ${isoVersFrancais(c.fin)}`,
      du: c.debut,
      au: c.fin,
      date: c.fin,
      resultat: maternite400(r.bareme, { salaireCharge: new Decimal(c.salaireCharge), indemnitesJournalieres: new Decimal(c.indemnitesJournalieres), salaireMaintenu: c.salaireMaintenu, date: c.debut }),
      formule: sip('MATERNITE400', entree(`conge.${x.i}.${j}.salaire`), entree(`conge.${x.i}.${j}.ij`), entree(`conge.${x.i}.${j}.maintenu`), entree(`conge.${x.i}.${j}.debut`)),
    });
  });
}

export function versements400(r: Redaction, parMedecin: SeriesMedecin[], eligibles: (string | null)[] | undefined, f: Facteurs): void {
  for (const x of parMedecin) {
    const med = r.s.medecins[x.i];
    if (!med.poste400 || eligibles?.[x.i]) continue;
    // « 2 ans renouvelable tacitement » (politique régionale des CDS §2.2) : le renouvellement est un choix explicite.
    const duree = r.lireEntier('postes400.duree_mois', med.debutContrat ?? r.s.simulation.debut) * (med.renouvellement400 ? 2 : 1);
    garanties(r, x, duree, f);
    conges(r, x, duree);
  }
  if (r.s.medecins.some((m) => m.poste400 && m.conges.length)) {
    r.hypothese('Congé maternité / paternité « 400 postes » : prise en charge (salaire chargé − IJ) versée au dernier jour du congé ; pas de garantie les mois entièrement en congé');
  }
}

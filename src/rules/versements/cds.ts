// Versements des contrats démographiques des centres de santé (politique régionale des CDS §2.1) : CAI
// en deux fois ; COSCO et CST par année de contrat, sur des périodes de 3 ans renouvelées tacitement
// tant qu'une signature est possible (régime remplacé le 01/01/2026 : les contrats signés avant vont à
// leur terme) ; puis l'aide automatique par ETP éligible. Les montants viennent des règles ; ce module
// ne décide que du calendrier. La `date` d'un contrat est celle de sa signature (ou de son renouvellement).
import { veille } from '../calendrier';
import { ajouterMois, isoVersFrancais } from '../dates';
import { Decimal, ZERO } from '../decimal';
import { entree, nombre, plus, sip, type Terme } from '../formule';
import { aideAutomatiqueCds, cai, cosco, cst, type TypeAideCds, type ZoneAideCds } from '../regles/cds';
import { motifFermeture, territoire } from '../regles/zonage';
import type { EligibiliteAide } from '../scenario/eligibilite';
import { signatureCai, signatureCst } from '../scenario/signatures';
import type { Redaction } from './redaction';
import type { PeriodeContrat } from './types';

const UN = new Decimal(1);

/** ETP des médecins dont le contrat a commencé à une date, et sa formule (somme des quotités saisies). */
export function etpAu(r: Redaction, quand: string): { valeur: Decimal; formule: Terme } {
  const presents = r.s.medecins.map((m, i) => ({ m, i })).filter(({ m }) => (m.debutContrat ?? r.s.simulation.debut) <= quand);
  const valeur = presents.reduce((a, { m }) => a.plus(m.quotite), ZERO);
  if (presents.length === r.s.medecins.length) return { valeur, formule: entree('etp') };
  const termes = presents.map(({ i }) => entree(`medecin.${i}.quotite`));
  return { valeur, formule: termes.length ? termes.reduce((a, b) => plus(a, b)) : nombre(0) };
}

/** Date de signature d'une période de contrat : une cellule de la feuille (bloc des contrats). */
const dateContrat = (p: PeriodeContrat): Terme => entree(`contrat.${p.id}`);

export function versementsCai(r: Redaction): void {
  const signature = signatureCai(r.s);
  // ETP des médecins recrutés : ceux présents à la signature, ou au début de la simulation si elle est postérieure.
  const etp = etpAu(r, signature > r.s.simulation.debut ? signature : r.s.simulation.debut);
  const delai = r.lireEntier('cai.delai_second_versement_mois', signature);
  const duree = r.lireEntier('cai.duree_annees', signature);
  const p: PeriodeContrat = { id: 'cai', aide: 'CAI', signature, fin: veille(ajouterMois(signature, 12 * duree)), renouvellement: false };
  r.contrats.push(p);
  for (const numero of [1, 2] as const) {
    r.verser({
      id: `cai.${numero}`,
      aide: 'CAI',
      objet: numero === 1 ? '1er versement, à la signature du contrat' : `2e versement, ${delai} mois après la signature`,
      du: signature,
      au: p.fin,
      date: numero === 1 ? signature : ajouterMois(signature, delai),
      resultat: cai(r.bareme, { etp: etp.valeur, versement: new Decimal(numero), date: signature }),
      formule: sip('CAI', etp.formule, nombre(numero), dateContrat(p)),
    });
  }
}

/**
 * Périodes d'un contrat de 3 ans renouvelable tacitement : la signature, puis chaque renouvellement
 * tant qu'il reste possible à sa date (jamais après le 31/12/2025) et qu'il tombe avant la fin de l'horizon.
 */
function periodes(r: Redaction, aide: 'COSCO' | 'CST', signature: string): PeriodeContrat[] {
  const duree = r.lireEntier(`${aide.toLowerCase()}.duree_annees`, signature);
  const fin = r.cal.bornes[r.cal.nbMois];
  const liste: PeriodeContrat[] = [];
  for (let debut = signature, k = 0; debut < fin && (k === 0 || motifFermeture(r.bareme, aide, debut) === null); debut = ajouterMois(debut, 12 * duree), k++) {
    liste.push({ id: `${aide.toLowerCase()}.${k + 1}`, aide, signature: debut, fin: veille(ajouterMois(debut, 12 * duree)), renouvellement: k > 0 });
  }
  r.contrats.push(...liste);
  if (liste.length > 1) r.hypothese(`${aide} : contrat de ${duree} ans renouvelé tacitement à son terme tant qu’une signature reste possible (jusqu’au 31/12/2025)`);
  return liste;
}

/** Années complètes d'une période de contrat à partir de `depart`, versées à leur dernier jour, dans l'horizon. */
function annees(r: Redaction, p: PeriodeContrat, depart = p.signature): { j: number; du: string; au: string }[] {
  const r0: { j: number; du: string; au: string }[] = [];
  for (let j = 0; ; j++) {
    const du = ajouterMois(depart, 12 * j);
    const au = veille(ajouterMois(depart, 12 * (j + 1)));
    if (au > p.fin || au >= r.cal.bornes[r.cal.nbMois]) break;
    r0.push({ j, du, au });
  }
  return r0;
}

export function versementsCosco(r: Redaction, e: EligibiliteAide): void {
  for (const p of periodes(r, 'COSCO', e.aPartirDu ?? r.s.simulation.debut)) {
    for (const { j, du, au } of annees(r, p)) {
      // Une année commencée avant la simulation compte les médecins présents à son début.
      const etp = etpAu(r, du > r.s.simulation.debut ? du : r.s.simulation.debut);
      if (etp.valeur.isZero()) continue;
      r.verser({
        id: `cosco.${p.id.split('.').pop()}.${j + 1}`,
        aide: 'COSCO',
        objet: `contrat ${p.renouvellement ? 'renouvelé' : 'signé'} le ${isoVersFrancais(p.signature)}, année ${j + 1}`,
        du,
        au,
        date: au,
        resultat: cosco(r.bareme, { etp: etp.valeur, annees: UN, date: p.signature }),
        formule: sip('COSCO', etp.formule, nombre(1), dateContrat(p)),
      });
    }
  }
  r.hypothese('COSCO et CST versés au dernier jour de chaque année de contrat');
}

/** CST : le contrat du centre ; chaque médecin mis à disposition en relève à partir de son arrivée. */
export function versementsCst(r: Redaction, e: EligibiliteAide): void {
  const contrat = periodes(r, 'CST', e.aPartirDu ?? r.s.simulation.debut);
  r.s.medecins.forEach((med, i) => {
    if (e.medecins?.[i]) return; // motif de refus pour ce médecin
    const arrivee = signatureCst(r.s, med);
    contrat.forEach((p, k) => {
      for (const { j, du, au } of annees(r, p, arrivee > p.signature ? arrivee : p.signature)) {
        r.verser({
          id: `cst.${i}.${k + 1}.${j + 1}`,
          aide: 'CST',
          medecin: i,
          objet: `${med.libelle}, contrat ${p.renouvellement ? 'renouvelé' : 'signé'} le ${isoVersFrancais(p.signature)}, année ${j + 1}`,
          du,
          au,
          date: au,
          resultat: cst(r.bareme, { honorairesAnnuels: new Decimal(med.honorairesCstAnnuels), etp: new Decimal(med.quotite), date: p.signature }),
          formule: sip('CST', entree(`medecin.${i}.honorairesCst`), entree(`medecin.${i}.quotite`), dateContrat(p)),
        });
      }
    });
  });
  r.hypothese('COSCO et CST versés au dernier jour de chaque année de contrat');
}

const TYPE_AIDE: Record<string, TypeAideCds> = { cds_medical: 'MEDICAL', cds_polyvalent: 'POLYVALENT', cds_devenant_polyvalent: 'POLYVALENT' };

/**
 * Aide automatique (accord national de 2025, dans la rémunération forfaitaire spécifique) : un montant
 * par année civile, pour les ETP présents au 1er janvier, versé au mois du barème ; pas pour une année
 * couverte au 1er janvier par un COSCO signé avant 2026 (il « va à son terme »). Montant non publié :
 * ligne « montant non publié ».
 */
export function versementsAideCds(r: Redaction, e: EligibiliteAide): void {
  const zone = territoire(r.s.centre.zone).zone as ZoneAideCds;
  const type = TYPE_AIDE[r.s.centre.type];
  const premier = Number((e.aPartirDu ?? r.s.simulation.debut).slice(0, 4));
  const derniere = Number(veille(r.cal.bornes[r.cal.nbMois]).slice(0, 4));
  for (let y = premier; y <= derniere; y++) {
    const du = `${y}-01-01`;
    if (r.contrats.some((p) => p.aide === 'COSCO' && p.signature <= du && du <= p.fin)) continue;
    const etp = etpAu(r, du);
    // Aucun médecin présent au 1er janvier : rien à verser cette année-là (pas de ligne « non publié »).
    if (etp.valeur.isZero()) continue;
    const mois = r.lireEntier('cds.aide_automatique.mois_versement', du);
    const date = veille(mois === 12 ? `${y + 1}-01-01` : `${y}-${String(mois + 1).padStart(2, '0')}-01`);
    r.verserSiPublie(
      { id: `aide_cds.${y}`, aide: 'AIDE_CDS', objet: `année ${y}`, du, au: `${y}-12-31`, date, formule: sip('AIDE_CDS', etp.formule, { t: type }, { t: zone }, { date: du }) },
      () => aideAutomatiqueCds(r.bareme, { etp: etp.valeur, type, zone, date: du }),
    );
  }
  r.hypothese('Aide automatique des centres de santé : montant annuel par ETP présent au 1er janvier, versé en fin d’année ; pas pour une année couverte par un COSCO signé avant 2026 ; type « polyvalent » pour un centre devenant polyvalent');
}

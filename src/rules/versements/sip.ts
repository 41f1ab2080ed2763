// Versements de l'aide SIP (source 001) : la part de la convention à sa signature, le solde au
// procès-verbal d'installation. Le même échéancier sert au grand livre d'une MSP et au programme SIP
// de l'ARS (qui le date au mois près).
import type { Bareme } from '../bareme/types';
import { ajouterMois } from '../dates';
import { Decimal } from '../decimal';
import type { Resultat } from '../explication';
import { dateT, entree, nombre, sip } from '../formule';
import { aideSip, versementSip } from '../regles/sip';
import type { Redaction } from './redaction';

/** Les deux versements d'une aide SIP : [à la convention, solde au PV d'installation]. */
export function echeancierSip(bareme: Bareme, montantAide: Decimal, date: string): [Resultat, Resultat] {
  return [1, 2].map((numero) => versementSip(bareme, { montantAide, numero: new Decimal(numero), date })) as [Resultat, Resultat];
}

export function versementsSip(r: Redaction): void {
  const demande = r.s.sip;
  if (!demande) return;
  const convention = demande.dateConvention ?? r.s.simulation.debut;
  const cloture = demande.dateCloture ?? ajouterMois(convention, r.lireEntier('sip.delai_solde_mois', convention));
  const aide = aideSip(r.bareme, { montantDevis: new Decimal(demande.montantDevis), nbProfessionnels: new Decimal(demande.nbProfessionnels), date: convention });
  r.noter(aide);
  if (r.s.centre.type !== 'msp') {
    // 004 §3.2 ouvre l'aide SIP aux centres de santé (formation, tout ou partie des licences) sans en donner le barème.
    r.hypothese('Aide SIP d’un centre de santé (politique régionale des CDS §3.2) : aucun plafond propre publié ; celui des MSP est appliqué');
  }
  const termeAide = r.calcul('sip.aide', 'Aide SIP = min(devis validés ; plafond)', aide.valeur, sip('AIDE', entree('sip.devis'), entree('sip.nb'), dateT(convention)));
  echeancierSip(r.bareme, aide.valeur, convention).forEach((resultat, k) => {
    const numero = k + 1;
    r.verser({
      id: `sip.${numero}`,
      aide: 'SIP',
      objet: numero === 1 ? 'versement à la signature de la convention' : 'solde au procès-verbal d’installation',
      du: convention,
      au: cloture,
      date: numero === 1 ? convention : cloture,
      resultat,
      aussi: [aide],
      formule: sip('VERSEMENT', termeAide, nombre(numero), dateT(convention)),
    });
  });
}

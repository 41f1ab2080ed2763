// Plan de financement pluriannuel d'un centre (issue 8) : coûts salariaux, honoraires, chaque aide
// par financeur et par date de versement, résultat net et trésorerie cumulée, mois par mois.
// Chaque montant d'aide vient d'une règle du moteur (cai, cosco, cst, garantie400, maternite400,
// aci, aciAvance, aideSip, versementSip) ; ce module ne fait que le calendrier et les sommes.
import type { Scenario } from '../scenario/types';
import { eligibiliteScenario, LIBELLES_AIDE } from '../scenario/eligibilite';
import { LecteurBareme } from '../bareme/lecture';
import { Bareme, Statut } from '../bareme/types';
import { ajouterMois, verifierIso } from '../dates';
import { auCentime, Decimal, ZERO } from '../decimal';
import { ErreurRegle } from '../erreurs';
import { formatNombre } from '../format';
import { ParametreUtilise, Resultat } from '../explication';
import { aci, aciAvance } from '../regles/aci';
import { Contrainte, decrireContrainte, POSITIF, QUOTITE, verifier } from '../validation';
import { cai, cosco, cst } from '../regles/cds';
import { garantie400, maternite400, seuil400 } from '../regles/postes400';
import { aideSip, versementSip } from '../regles/sip';
import { Calendrier, finDeMois, joursEntre, veille } from './calendrier';
import { DispositifPlan, Exclusion, Financeur, LignePlan, Montant, OptionsPlan, Periode, PlanFinancement, Terme, Versement } from './types';

const d = (x: number | string) => new Decimal(x);
const n = (x: Decimal | number): Terme => ({ n: new Decimal(x).toString() });
const date = (iso: string): Terme => ({ date: iso });
const entree = (cle: string): Terme => ({ entree: cle });
const sip = (fonction: string, ...args: Terme[]): Terme => ({ sip: fonction, args });
const fois = (a: Terme, b: Terme): Terme => ({ op: '*', a, b });

/** Mois affichés un par un avant de passer à l'année (issue 8 : « mensuel sur 24 mois »). */
export const MOIS_DETAILLES = 24;

/** Paramètre de calendrier lu au barème (nombre entier de mois), noté avec son statut. */
function parametreMois(bareme: Bareme, id: string, dateLecture: string, utilises: Map<string, Statut>, parametres: Map<string, ParametreUtilise>): number {
  const l = new LecteurBareme(bareme, dateLecture);
  const v = l.valeur(id).toNumber();
  for (const p of l.utilises) {
    parametres.set(`${p.id}@${p.du}`, p);
    utilises.set(`${p.libelle} = ${p.valeur} ${p.unite} (${p.source.document})`, p.statut);
  }
  return v;
}

/** Contrôle des entrées dont le plan dépend : l'erreur nomme le champ du scénario et la plage attendue. */
function verifierEntrees(s: Scenario): void {
  const nombre = (chemin: string, x: unknown, c: Contrainte) => {
    if (typeof x !== 'number' || !Number.isFinite(x)) throw new ErreurRegle('#VALEUR!', `${chemin} : ${decrireContrainte(c)} attendu (reçu : ${String(x)})`, chemin);
    verifier(chemin, new Decimal(x), c);
  };
  nombre('simulation.horizonAnnees', s.simulation.horizonAnnees, { min: 1, max: 10, entier: true });
  verifierIso(s.simulation.debut, 'simulation.debut');
  verifierIso(s.centre.dateCreation, 'centre.dateCreation');
  s.medecins.forEach((m, i) => {
    const p = `medecins[${i}]`;
    nombre(`${p}.quotite`, m.quotite, QUOTITE);
    nombre(`${p}.coutSalarialMensuel`, m.coutSalarialMensuel, POSITIF);
    nombre(`${p}.honorairesMensuels`, m.honorairesMensuels, POSITIF);
    if (m.consultationsParMois !== undefined) nombre(`${p}.consultationsParMois`, m.consultationsParMois, POSITIF);
    if (m.debutContrat !== undefined) verifierIso(m.debutContrat, `${p}.debutContrat`);
    m.conges.forEach((c, j) => {
      verifierIso(c.debut, `${p}.conges[${j}].debut`);
      verifierIso(c.fin, `${p}.conges[${j}].fin`);
      if (c.fin < c.debut) throw new ErreurRegle('#VALEUR!', `${p}.conges[${j}].fin : date postérieure ou égale au début du congé attendue`, `${p}.conges[${j}].fin`);
      nombre(`${p}.conges[${j}].salaireCharge`, c.salaireCharge, POSITIF);
      nombre(`${p}.conges[${j}].indemnitesJournalieres`, c.indemnitesJournalieres, POSITIF);
    });
  });
  if (s.aci?.dateSignature !== undefined) verifierIso(s.aci.dateSignature, 'aci.dateSignature');
  if (s.sip?.dateConvention !== undefined) verifierIso(s.sip.dateConvention, 'sip.dateConvention');
  if (s.sip?.dateCloture !== undefined) verifierIso(s.sip.dateCloture, 'sip.dateCloture');
}

export function planFinancement(s: Scenario, bareme: Bareme, options: OptionsPlan = {}): PlanFinancement {
  verifierEntrees(s);
  const horizon = s.simulation.horizonAnnees;
  const fC = options.facteurConsultations ?? d(1);
  const fS = options.facteurCout ?? d(1);
  // Les formules de la feuille ne valent que pour le scénario tel quel (pas pour les variantes de sensibilité).
  const avecFormules = fC.equals(1) && fS.equals(1);
  const nbMois = horizon * 12;
  const cal = new Calendrier(s.simulation.debut, nbMois);
  const lignes: LignePlan[] = [];
  const versements: Versement[] = [];
  const avertissements = new Set<string>();
  const calendrierLu = new Map<string, Statut>();
  const hypotheses: PlanFinancement['hypotheses'] = [];
  const parametres = new Map<string, ParametreUtilise>();
  const calculs: PlanFinancement['calculs'] = [];
  const calcul = (id: string, libelle: string, valeur: Decimal, formule: Terme): Terme => {
    calculs.push({ id, libelle, valeur, formule });
    return entree(`calcul.${id}`);
  };
  const lireMois = (id: string, quand: string) => parametreMois(bareme, id, quand, calendrierLu, parametres);
  const vide = (): (Montant | null)[] => Array.from({ length: nbMois }, () => null);
  const ligne = (l: Omit<LignePlan, 'mois'>): LignePlan => {
    const x = { ...l, mois: vide() };
    lignes.push(x);
    return x;
  };
  const noter = (r: Resultat) => {
    r.explication.avertissements.forEach((a) => avertissements.add(a));
    for (const p of r.explication.parametres) parametres.set(`${p.id}@${p.du}`, p);
  };
  /** Inscrit un versement daté dans sa ligne (s'il tombe dans l'horizon). */
  const verser = (l: LignePlan, dispositif: DispositifPlan, financeur: Financeur, libelle: string, quand: string, r: Resultat, formule?: Terme) => {
    noter(r);
    const m = cal.indexMois(quand);
    if (m < 0 || m >= nbMois) return;
    const existant = l.mois[m];
    const valeur = r.valeur as Decimal;
    l.mois[m] = existant
      ? { valeur: existant.valeur.plus(valeur), ...(existant.formule && formule && avecFormules ? { formule: { op: '+', a: existant.formule, b: formule } } : {}) }
      : { valeur, ...(formule && avecFormules ? { formule } : {}) };
    versements.push({ ligne: l.id, dispositif, financeur, libelle, date: quand, mois: m, montant: valeur, resultat: r });
  };

  const elig = new Map(eligibiliteScenario(s, bareme).map((e) => [e.aide, e]));
  const exclusions: Exclusion[] = [...elig.values()]
    .filter((e) => !e.eligible)
    .map((e) => ({ dispositif: LIBELLES_AIDE[e.aide], motif: e.motif }));
  const eligible400 = elig.get('400POSTES')?.eligible === true;
  const tarif = (m: number) => new LecteurBareme(bareme, cal.bornes[m]);

  // — Médecins : coûts, honoraires, IJ, garantie « 400 postes », congés —
  // Une ligne de garantie et une de congés par médecin : chaque cellule reste un seul appel SIP.*.
  const lignesGarantie: LignePlan[] = [];
  const lignesMaternite: LignePlan[] = [];
  let dureeContrat400 = 0;
  let ligneTarif: LignePlan | null = null;
  s.medecins.forEach((med, i) => {
    const debutContrat = med.debutContrat ?? s.simulation.debut;
    const m0 = cal.indexMois(debutContrat);
    const cout = ligne({ id: `cout.${i}`, categorie: 'cout', libelle: `Coût salarial — ${med.libelle} (${formatNombre(med.quotite)} ETP)`, medecin: i });
    const hon = ligne({ id: `honoraires.${i}`, categorie: 'honoraires', libelle: `Honoraires — ${med.libelle}`, medecin: i });
    const ij = med.conges.some((c) => c.salaireMaintenu) ? ligne({ id: `ij.${i}`, categorie: 'ij', libelle: `Indemnités journalières (subrogation) — ${med.libelle}`, medecin: i }) : null;
    const poids = med.conges.map((c) => Array.from({ length: nbMois }, (_, m) => new Decimal(cal.joursCommuns(m, c.debut, c.fin)).dividedBy(cal.joursDuMois(m))));
    const totalPoids = poids.map((p) => p.reduce((a, b) => a.plus(b), ZERO));
    const sur400 = med.poste400 && eligible400;
    if (sur400) dureeContrat400 = lireMois('postes400.duree_mois', debutContrat);
    const ligneGarantie = { id: `aide.400.${i}`, categorie: 'aide' as const, libelle: `Garantie « 400 postes » — ${med.libelle}`, financeur: 'ARS' as const, dispositif: '400POSTES' as const, medecin: i, mois: vide() };
    const ligneMaternite = { id: `aide.maternite.${i}`, categorie: 'aide' as const, libelle: `Congés maternité / paternité — ${med.libelle}`, financeur: 'ARS' as const, dispositif: 'MATERNITE400' as const, medecin: i, mois: vide() };
    if (sur400) {
      lignesGarantie.push(ligneGarantie);
      if (med.conges.length) lignesMaternite.push(ligneMaternite);
    }
    for (let m = Math.max(0, m0); m < nbMois; m++) {
      const k = m - m0 + 1; // mois du contrat du médecin
      const conge = Decimal.min(1, poids.reduce((a, p) => a.plus(p[m]), ZERO));
      const travail = d(1).minus(conge);
      const pleinMois = conge.isZero();
      // Coût : salaire habituel sur la part travaillée + salaire du congé (s'il est maintenu) réparti au prorata des mois de congé.
      const coutTravail = d(med.coutSalarialMensuel).times(fS).times(travail);
      let coutConge = ZERO;
      let ijMois = ZERO;
      med.conges.forEach((c, j) => {
        if (!c.salaireMaintenu || totalPoids[j].isZero() || poids[j][m].isZero()) return;
        coutConge = coutConge.plus(d(c.salaireCharge).times(poids[j][m]).dividedBy(totalPoids[j]));
        ijMois = ijMois.plus(d(c.indemnitesJournalieres).times(poids[j][m]).dividedBy(totalPoids[j]));
      });
      cout.mois[m] = { valeur: coutTravail.plus(coutConge), ...(pleinMois && avecFormules ? { formule: entree(`medecin.${i}.cout`) } : {}) };
      if (ij && !ijMois.isZero()) ij.mois[m] = { valeur: ijMois };
      // Honoraires : consultations × tarif daté, ou honoraires saisis.
      let honoraires: Decimal;
      let formule: Terme | undefined;
      const t = () => {
        const l = tarif(m);
        const v = l.valeur('tarif.consultation_g');
        l.avertissements.forEach((a) => avertissements.add(a));
        for (const p of l.utilises) parametres.set(`${p.id}@${p.du}`, p);
        return v;
      };
      // Consultations et tarif : lignes d'activité (une formule SIP.* simple chacune), honoraires = produit.
      const activite = (consultations: Decimal, formuleConsultations: Terme) => {
        const tarifMois = t();
        if (!ligneTarif) {
          ligneTarif = { id: 'tarif', categorie: 'activite', libelle: 'Tarif de la consultation G', mois: vide() };
          lignes.unshift(ligneTarif);
        }
        ligneTarif.mois[m] = { valeur: tarifMois, formule: sip('PARAMETRE', { t: 'tarif.consultation_g' }, date(cal.bornes[m])) };
        let lc = lignes.find((x) => x.id === `consultations.${i}`);
        if (!lc) {
          lc = { id: `consultations.${i}`, categorie: 'activite', libelle: `Consultations — ${med.libelle}`, medecin: i, mois: vide() };
          lignes.splice(lignes.indexOf(ligneTarif) + 1 + lignes.filter((x) => x.id.startsWith('consultations.')).length, 0, lc);
        }
        // Mois de congé : consultations au prorata du temps travaillé (valeur, pas de formule).
        lc.mois[m] = { valeur: consultations.times(fC).times(travail), ...(avecFormules && pleinMois ? { formule: formuleConsultations } : {}) };
        return consultations.times(fC).times(tarifMois);
      };
      if (med.consultationsParMois !== undefined) {
        honoraires = activite(d(med.consultationsParMois), entree(`medecin.${i}.consultations`));
        formule = fois({ ligne: `consultations.${i}` }, { ligne: 'tarif' });
      } else if (med.poste400) {
        const seuil = seuil400(bareme, { moisDuContrat: d(k), quotite: d(med.quotite), date: cal.bornes[m] });
        noter(seuil);
        honoraires = activite(seuil.valeur, sip('SEUIL400', n(k), entree(`medecin.${i}.quotite`), date(cal.bornes[m])));
        formule = fois({ ligne: `consultations.${i}` }, { ligne: 'tarif' });
      } else {
        honoraires = d(med.honorairesMensuels).times(fC);
        formule = entree(`medecin.${i}.honoraires`);
      }
      honoraires = honoraires.times(travail);
      hon.mois[m] = { valeur: honoraires, ...(pleinMois && avecFormules ? { formule } : {}) };
      // Garantie « 400 postes » : pendant la durée du contrat, hors mois entièrement en congé
      // (le congé relève alors de la prise en charge maternité/paternité).
      if (sur400 && k <= dureeContrat400 && travail.greaterThan(0)) {
        const r = garantie400(bareme, { coutSalarialMensuel: coutTravail, honorairesMensuels: honoraires, quotite: d(med.quotite).times(travail), date: cal.bornes[m] });
        verser(ligneGarantie, '400POSTES', 'ARS', `Garantie « 400 postes » — ${med.libelle}, mois ${k} du contrat`, cal.bornes[m], r,
          pleinMois ? sip('GARANTIE400', { ligne: `cout.${i}` }, { ligne: `honoraires.${i}` }, entree(`medecin.${i}.quotite`), date(cal.bornes[m])) : undefined);
      }
    }
    if (sur400) {
      med.conges.forEach((c, j) => {
        const k = cal.indexMois(c.debut) - m0 + 1;
        if (k < 1 || k > dureeContrat400) return;
        const r = maternite400({ salaireCharge: d(c.salaireCharge), indemnitesJournalieres: d(c.indemnitesJournalieres), salaireMaintenu: c.salaireMaintenu });
        verser(ligneMaternite, 'MATERNITE400', 'ARS', `Congé du ${c.debut} au ${c.fin} — ${med.libelle}`, c.fin, r,
          sip('MATERNITE400', entree(`conge.${i}.${j}.salaire`), entree(`conge.${i}.${j}.ij`), entree(`conge.${i}.${j}.maintenu`)));
      });
    }
  });
  // Lignes ARS des médecins après les lignes de coût et d'activité (ordre d'affichage).
  lignes.push(...lignesGarantie, ...lignesMaternite);
  if (lignesMaternite.some((l) => l.mois.some((x) => x !== null))) {
    hypotheses.push({ texte: 'Congé maternité/paternité : prise en charge ARS inscrite le mois de fin du congé ; pas de garantie mensuelle les mois entièrement en congé ; salaire et IJ du congé répartis au prorata des mois de congé', statut: 'a_confirmer' });
  }

  const etpTotal = s.medecins.reduce((a, m) => a.plus(m.quotite), ZERO);
  const etpAu = (quand: string) => s.medecins.filter((m) => (m.debutContrat ?? s.simulation.debut) <= quand).reduce((a, m) => a.plus(m.quotite), ZERO);
  const termeEtp = (etp: Decimal) => (etp.equals(etpTotal) ? entree('etp') : n(etp));
  const debut = s.simulation.debut;

  // — CAI : deux versements, à la signature puis après le délai du barème (50/50, à confirmer) —
  const ligneCai = ligne({ id: 'aide.cai', categorie: 'aide', libelle: 'CAI — aide à l’installation', financeur: 'CPAM', dispositif: 'CAI' });
  if (elig.get('CAI')?.eligible) {
    const etp = etpAu(debut);
    const delai = lireMois('cai.delai_second_versement_mois', debut);
    for (const v of [1, 2] as const) {
      const r = cai(bareme, { etp, versement: d(v), date: debut });
      verser(ligneCai, 'CAI', 'CPAM', `CAI, ${v === 1 ? '1er versement (signature)' : '2e versement'}`, v === 1 ? debut : ajouterMois(debut, delai), r,
        sip('CAI', termeEtp(etp), n(v), date(debut)));
    }
  }

  // — COSCO : par année de contrat, à partir de la 2e année du centre ; versé en fin d'année de contrat —
  const ligneCosco = ligne({ id: 'aide.cosco', categorie: 'aide', libelle: 'COSCO — stabilisation et coordination', financeur: 'CPAM', dispositif: 'COSCO' });
  const eCosco = elig.get('COSCO');
  if (eCosco?.eligible) {
    const depart = eCosco.aPartirDu && eCosco.aPartirDu > debut ? eCosco.aPartirDu : debut;
    for (let j = 0; ; j++) {
      const annee = ajouterMois(depart, 12 * j);
      const paiement = veille(ajouterMois(depart, 12 * (j + 1)));
      if (cal.indexMois(paiement) >= nbMois) break;
      const etp = etpAu(annee);
      if (etp.isZero()) continue;
      const r = cosco(bareme, { etp, annees: d(1), date: annee });
      verser(ligneCosco, 'COSCO', 'CPAM', `COSCO, année de contrat ${j + 1}`, paiement, r, sip('COSCO', termeEtp(etp), n(1), date(annee)));
    }
  }

  // — CST : par médecin mis à disposition, par année de contrat, versé en fin d'année —
  const ligneCst = ligne({ id: 'aide.cst', categorie: 'aide', libelle: 'CST — solidarité territoriale', financeur: 'CPAM', dispositif: 'CST' });
  const eCst = elig.get('CST');
  if (eCst?.eligible) {
    s.medecins.forEach((med, i) => {
      if (eCst.medecins?.[i]) return;
      const depart = (med.debutContrat ?? debut) > debut ? med.debutContrat! : debut;
      for (let j = 0; ; j++) {
        const annee = ajouterMois(depart, 12 * j);
        const paiement = veille(ajouterMois(depart, 12 * (j + 1)));
        if (cal.indexMois(paiement) >= nbMois) break;
        const r = cst(bareme, { honorairesAnnuels: d(med.honorairesCstAnnuels), etp: d(med.quotite), date: annee });
        verser(ligneCst, 'CST', 'CPAM', `CST — ${med.libelle}, année de contrat ${j + 1}`, paiement, r,
          sip('CST', entree(`medecin.${i}.honorairesCst`), entree(`medecin.${i}.quotite`), date(annee)));
      }
    });
  }

  if ([ligneCosco, ligneCst].some((x) => x.mois.some((v) => v !== null))) {
    hypotheses.push({ texte: 'COSCO et CST versés en fin de chaque année de contrat', statut: 'a_confirmer' });
  }

  // — ACI / accord national : avance en année n, solde au 30 avril n+1 —
  const ligneAci = ligne({ id: 'aide.aci', categorie: 'aide', libelle: s.aci?.adhesion === 'accord_national' ? 'Accord national — rémunération' : 'ACI — rémunération', financeur: 'CPAM', dispositif: 'ACI' });
  if (elig.get('ACI')?.eligible && s.aci) {
    const a = s.aci;
    const signature = a.dateSignature ?? debut;
    const atteints = a.indicateurs.filter((x) => x.atteint);
    const fixes = atteints.reduce((t, x) => t.plus(x.pointsFixes), ZERO);
    const variables = atteints.reduce((t, x) => t.plus(x.pointsVariables), ZERO);
    const prerequis = a.indicateurs.filter((x) => x.prerequis).every((x) => x.atteint);
    const delai = lireMois('aci.delai_avance_nouvel_adherent_mois', signature);
    const anneeSignature = Number(signature.slice(0, 4));
    const derniere = Number(veille(cal.bornes[nbMois]).slice(0, 4));
    for (let y = anneeSignature; y <= derniere; y++) {
      const ref = y === anneeSignature ? signature : `${y}-01-01`;
      const echeance = lireMois('aci.mois_echeance_annuelle', ref);
      const annuel = aci(bareme, { pointsFixes: fixes, pointsVariables: variables, patientele: d(a.patientele), prerequisRemplis: prerequis, date: ref });
      noter(annuel);
      // Année de signature : montant au prorata des jours restants (REGLES.md §4 « pro-rated by the contract date »).
      const jours = joursEntre(ref, `${y + 1}-01-01`);
      const joursAnnee = joursEntre(`${y}-01-01`, `${y + 1}-01-01`);
      const prorata = jours === joursAnnee ? null : d(jours).dividedBy(joursAnnee);
      const montant = prorata ? annuel.valeur.times(prorata) : annuel.valeur;
      const termeAnnuel = calcul(`aci.${y}.annuel`, `ACI ${y} : montant annuel`, annuel.valeur,
        sip('ACI', entree('aci.fixes'), entree('aci.variables'), entree('aci.patientele'), entree('aci.prerequis'), date(ref)));
      const termeMontant = prorata
        ? calcul(`aci.${y}.retenu`, `ACI ${y} : montant au prorata (${jours}/${joursAnnee} jours)`, montant, { op: '/', a: fois(termeAnnuel, n(jours)), b: n(joursAnnee) })
        : termeAnnuel;
      const avance = aciAvance(bareme, { montantAnnuel: montant, date: ref });
      avance.explication.calcul = `montant de l’année ${y} : ${annuel.explication.calcul}${prorata ? ` × ${jours}/${joursAnnee} jours` : ''} ; avance : ${avance.explication.calcul}`;
      const termeAvance = calcul(`aci.${y}.avance`, `ACI ${y} : avance`, avance.valeur, sip('ACI_AVANCE', termeMontant, date(ref)));
      const dateAvance = y === anneeSignature ? ajouterMois(signature, delai) : finDeMois(y, echeance);
      verser(ligneAci, 'ACI', 'CPAM', `ACI ${y}, avance`, dateAvance, avance, termeAvance);
      const solde = auCentime(montant).minus(avance.valeur);
      const termeSolde = calcul(`aci.${y}.solde`, `ACI ${y} : solde (montant − avance)`, solde, { op: '-', a: { arrondi: termeMontant }, b: termeAvance });
      const rSolde: Resultat = {
        valeur: solde,
        explication: { ...avance.explication, regle: { ...avance.explication.regle, id: 'aci.solde', libelle: 'ACI : solde = montant annuel − avance, versé au 30 avril de l’année n+1' }, calcul: `solde ${y} : ${auCentime(montant).toString()} − ${avance.valeur.toString()} = ${solde.toString()} €` },
      };
      verser(ligneAci, 'ACI', 'CPAM', `ACI ${y}, solde`, finDeMois(y + 1, echeance), rSolde, termeSolde);
    }
    if (joursEntre(`${anneeSignature}-01-01`, signature) > 0) hypotheses.push({ texte: 'ACI : montant de l’année de signature au prorata des jours restants', statut: 'a_confirmer' });
  }

  // — SIP (MSP) : 80 % à la convention, 20 % au PV d'installation —
  const ligneSip = ligne({ id: 'aide.sip', categorie: 'aide', libelle: 'Aide SIP (système d’information partagé)', financeur: 'ARS', dispositif: 'SIP' });
  if (elig.get('SIP')?.eligible && s.sip) {
    const conv = s.sip.dateConvention ?? debut;
    const cloture = s.sip.dateCloture ?? ajouterMois(conv, lireMois('sip.delai_solde_mois', conv));
    const aide = aideSip(bareme, { montantDevis: d(s.sip.montantDevis), nbProfessionnels: d(s.sip.nbProfessionnels), date: conv });
    noter(aide);
    const termeAide = calcul('sip.aide', 'SIP : aide = min(devis ; plafond)', aide.valeur, sip('AIDE', entree('sip.devis'), entree('sip.nb'), date(conv)));
    for (const v of [1, 2] as const) {
      const r = versementSip(bareme, { montantAide: aide.valeur, numero: d(v), date: conv });
      const terme = calcul(`sip.versement${v}`, v === 1 ? 'SIP : versement à la convention' : 'SIP : solde au PV d’installation', r.valeur, sip('VERSEMENT', termeAide, n(v), date(conv)));
      verser(ligneSip, 'SIP', 'ARS', v === 1 ? 'SIP, 80 % à la convention' : 'SIP, solde au PV d’installation', v === 1 ? conv : cloture, r, terme);
    }
  }

  // Lignes d'aide sans aucun montant : retirées (le motif d'exclusion, s'il y en a un, est dans `exclusions`).
  const gardees = lignes.filter((l) => l.categorie !== 'aide' || l.mois.some((x) => x !== null));

  // — Sommes par mois —
  const somme = (filtre: (l: LignePlan) => boolean) =>
    Array.from({ length: nbMois }, (_, m) => gardees.filter(filtre).reduce((a, l) => a.plus(l.mois[m]?.valeur ?? ZERO), ZERO));
  const charges = somme((l) => l.categorie === 'cout');
  const recettes = somme((l) => l.categorie === 'honoraires' || l.categorie === 'ij');
  const aides = { ARS: somme((l) => l.financeur === 'ARS'), CPAM: somme((l) => l.financeur === 'CPAM') };
  const net = charges.map((c, m) => recettes[m].plus(aides.ARS[m]).plus(aides.CPAM[m]).minus(c));
  const tresorerie: Decimal[] = [];
  net.forEach((x, m) => tresorerie.push((m ? tresorerie[m - 1] : ZERO).plus(x)));

  const periodes: Periode[] = [];
  for (let m = 0; m < Math.min(MOIS_DETAILLES, nbMois); m++) periodes.push({ type: 'mois', libelle: cal.libelleMois(m), debut: cal.bornes[m], premierMois: m, nbMois: 1 });
  for (let m = MOIS_DETAILLES; m < nbMois; m += 12) periodes.push({ type: 'annee', libelle: `Année ${m / 12 + 1}`, debut: cal.bornes[m], premierMois: m, nbMois: 12 });

  // Délais du calendrier lus au barème : seuls ceux qui ne sont pas confirmés sont rappelés comme hypothèses.
  for (const [texte, statut] of calendrierLu) {
    if (statut !== 'confirme') hypotheses.push({ texte: `Calendrier des versements : ${texte}`, statut });
  }
  return {
    debut,
    nbMois,
    bornes: cal.bornes,
    periodes,
    lignes: gardees,
    versements,
    charges,
    recettes,
    aides,
    net,
    tresorerie,
    exclusions,
    hypotheses,
    avertissements: [...avertissements],
    calculs,
    parametres: [...parametres.values()].sort((a, b) => a.id.localeCompare(b.id) || a.du.localeCompare(b.du)),
  };
}

/** Somme d'une série mensuelle sur une période du plan. */
export function surPeriode(serie: Decimal[], p: Periode): Decimal {
  return serie.slice(p.premierMois, p.premierMois + p.nbMois).reduce((a, b) => a.plus(b), ZERO);
}

/** Variations de l'analyse de sensibilité demandée (issue 8 : ±20 %) : un réglage d'analyse, pas un chiffre de règle. */
export const FACTEURS_SENSIBILITE = ['0.8', '0.9', '1', '1.1', '1.2'];

export interface LigneSensibilite {
  facteur: Decimal;
  /** Trésorerie cumulée à 2 ans (ou à la fin de l'horizon s'il est plus court). */
  solde: Decimal;
}

/** Sensibilité du solde à 2 ans à une entrée : consultations par mois ou coût salarial, de −20 % à +20 %. */
export function sensibilite(s: Scenario, bareme: Bareme, variable: 'consultations' | 'cout', facteurs = FACTEURS_SENSIBILITE): LigneSensibilite[] {
  return facteurs.map((f) => {
    const facteur = d(f);
    const p = planFinancement(s, bareme, variable === 'consultations' ? { facteurConsultations: facteur } : { facteurCout: facteur });
    return { facteur, solde: p.tresorerie[Math.min(MOIS_DETAILLES, p.nbMois) - 1] };
  });
}

// État du formulaire du volet : les champs tels que saisis (textes, pour accepter « 1,5 » et
// « 12 345,67 »), et leur conversion vers le scénario (src/rules/scenario/types.ts) et retour.
import { indicateursDe, type Accord } from '../rules/regles/aci-indicateurs';
import { ajouterMois, aujourdhuiIso, isoVersFrancais } from '../rules/dates';
import { territoire, type ZoneMedecin } from '../rules/regles/zonage';
import { VERSION_SCENARIO, type NatureIndicateurAci, type Scenario, type SignaturesContrats, type TypeCentre } from '../rules/scenario/types';
import { natureIndicateur } from '../rules/versements/aci';
import { lireDateFr, lireNombreFr } from './nombres';

export interface CongeSaisi {
  debut: string;
  fin: string;
  salaireCharge: string;
  indemnitesJournalieres: string;
  salaireMaintenu: boolean;
}

export interface MedecinSaisi {
  /** Clé stable pour React (jamais écrite dans le scénario). */
  cle: number;
  libelle: string;
  quotite: string;
  coutSalarialMensuel: string;
  honorairesMensuels: string;
  poste400: boolean;
  /** Contrat « 400 postes » renouvelé au terme de sa durée (choix explicite). */
  renouvellement400: boolean;
  debutContrat: string;
  conges: CongeSaisi[];
  joursCstParAn: string;
  honorairesCstAnnuels: string;
  /** Facultatif : consultations par mois attendues (honoraires sans montant saisi, condition d'activité « 400 postes »). */
  consultationsParMois: string;
}

export interface IndicateurSaisi {
  id: string;
  libelle: string;
  prerequis: boolean;
  /** Socle prérequis, socle (base de l'avance) ou optionnel : celle de la liste datée des indicateurs. */
  nature: NatureIndicateurAci;
  pointsFixes: string;
  pointsVariables: string;
  atteint: boolean;
}

export type Adhesion = 'aci' | 'accord_national' | 'aucune';

/** Les dates sont saisies en JJ/MM/AAAA (texte) ; le scénario les porte en AAAA-MM-JJ. */
export interface EtatFormulaire {
  nom: string;
  finess: string;
  commune: string;
  type: TypeCentre;
  /** Zonage médecin ; le QPV et l'île sont des repères ajoutés au zonage. */
  zone: ZoneMedecin;
  qpv: boolean;
  ile: boolean;
  /** Centre dentaire ou infirmier devenant polyvalent : date de sa demande (facultative). */
  dateDemandePolyvalent: string;
  dateCreation: string;
  membreCptsEsp: boolean;
  /** Centres de santé : dates de signature des contrats démographiques (facultatives). */
  signatureCai: string;
  signatureCosco: string;
  signatureCst: string;
  debut: string;
  horizonAnnees: string;
  medecins: MedecinSaisi[];
  /** Centre de santé : aide SIP demandée (formation et licences) ; une MSP la demande toujours. */
  sipDemandee: boolean;
  sipNbProfessionnels: string;
  sipMontantDevis: string;
  /** Plan de financement (facultatif) : convention SIP (80 %) et PV d'installation (solde). */
  sipDateConvention: string;
  sipDateCloture: string;
  adhesion: Adhesion;
  patientele: string;
  /** Plan de financement (facultatif) : signature du contrat ACI. */
  aciDateSignature: string;
  /** Nombre de professionnels de la structure : points de l'indicateur « SI niveau standard » (facultatif). */
  aciNbProfessionnels: string;
  indicateurs: IndicateurSaisi[];
}

let prochaineCle = 1;

export function nouveauMedecin(rang: number): MedecinSaisi {
  return {
    cle: prochaineCle++,
    libelle: `Médecin ${rang}`,
    quotite: '1',
    coutSalarialMensuel: '',
    honorairesMensuels: '',
    poste400: false,
    renouvellement400: false,
    debutContrat: '',
    conges: [],
    joursCstParAn: '0',
    honorairesCstAnnuels: '0',
    consultationsParMois: '',
  };
}

export function nouveauConge(debutSimulation: string): CongeSaisi {
  return { debut: debutSimulation, fin: '', salaireCharge: '', indemnitesJournalieres: '', salaireMaintenu: true };
}

/** Indicateurs proposés pour un accord, points par défaut de la liste datée (vides si non publiés). */
export function indicateursParDefaut(accord: Accord, date: string): IndicateurSaisi[] {
  return indicateursDe(accord, date).map((i) => ({
    id: i.id,
    libelle: i.libelle,
    prerequis: i.prerequis,
    nature: i.nature,
    pointsFixes: i.pointsFixes === null ? '' : String(i.pointsFixes),
    pointsVariables: i.pointsVariables === null ? '' : String(i.pointsVariables),
    atteint: false,
  }));
}

/** Premier jour du mois suivant. */
function debutMoisSuivant(aujourdhui: string): string {
  return `${ajouterMois(aujourdhui, 1).slice(0, 7)}-01`;
}

export function etatInitial(aujourdhui: string = aujourdhuiIso()): EtatFormulaire {
  const debut = debutMoisSuivant(aujourdhui);
  return {
    nom: '',
    finess: '',
    commune: '',
    type: 'cds_medical',
    zone: 'ZIP',
    qpv: false,
    ile: false,
    dateDemandePolyvalent: '',
    dateCreation: isoVersFrancais(aujourdhui),
    membreCptsEsp: false,
    signatureCai: '',
    signatureCosco: '',
    signatureCst: '',
    debut: isoVersFrancais(debut),
    horizonAnnees: '5',
    medecins: [nouveauMedecin(1)],
    sipDemandee: false,
    sipNbProfessionnels: '',
    sipMontantDevis: '',
    sipDateConvention: '',
    sipDateCloture: '',
    adhesion: 'aucune',
    patientele: '',
    aciDateSignature: '',
    aciNbProfessionnels: '',
    indicateurs: [],
  };
}

export const estCentreDeSante = (t: TypeCentre) => t !== 'msp';

/** Nombre saisi, ou 0 s'il est illisible (le scénario n'est écrit que si la validation passe). */
function n(texte: string): number {
  const v = lireNombreFr(texte);
  return v === null ? 0 : v;
}

/** Date saisie → AAAA-MM-JJ ; une saisie illisible est gardée telle quelle (la validation la signale). */
export function dateSaisie(texte: string): string {
  return lireDateFr(texte) ?? texte.trim();
}

/** Une date facultative : la clé n'est écrite que si un texte est saisi. */
function dateFacultative<K extends string>(cle: K, texte: string): Partial<Record<K, string>> {
  return (texte.trim() ? { [cle]: dateSaisie(texte) } : {}) as Partial<Record<K, string>>;
}

function centreVersScenario(e: EtatFormulaire): Scenario['centre'] {
  const finess = e.finess.replace(/\s/g, '');
  return {
    nom: e.nom.trim(),
    ...(finess ? { finess } : {}),
    ...(e.commune.trim() ? { commune: e.commune.trim() } : {}),
    type: e.type,
    zone: e.zone,
    ...(e.qpv ? { qpv: true } : {}),
    ...(e.ile ? { ile: true } : {}),
    ...(e.type === 'cds_devenant_polyvalent' ? dateFacultative('dateDemandePolyvalent', e.dateDemandePolyvalent) : {}),
    dateCreation: dateSaisie(e.dateCreation),
    membreCptsEsp: e.membreCptsEsp,
  };
}

function medecinVersScenario(m: MedecinSaisi): Scenario['medecins'][number] {
  return {
    libelle: m.libelle.trim(),
    quotite: n(m.quotite),
    coutSalarialMensuel: n(m.coutSalarialMensuel),
    ...(m.honorairesMensuels.trim() ? { honorairesMensuels: n(m.honorairesMensuels) } : {}),
    poste400: m.poste400,
    ...(m.poste400 && m.renouvellement400 ? { renouvellement400: true } : {}),
    ...(m.poste400 ? dateFacultative('debutContrat', m.debutContrat) : {}),
    conges: m.poste400
      ? m.conges.map((c) => ({
          debut: dateSaisie(c.debut),
          fin: dateSaisie(c.fin),
          salaireCharge: n(c.salaireCharge),
          indemnitesJournalieres: n(c.indemnitesJournalieres),
          salaireMaintenu: c.salaireMaintenu,
        }))
      : [],
    joursCstParAn: n(m.joursCstParAn),
    honorairesCstAnnuels: n(m.honorairesCstAnnuels),
    ...(m.consultationsParMois.trim() ? { consultationsParMois: n(m.consultationsParMois) } : {}),
  };
}

function contratsVersScenario(e: EtatFormulaire): SignaturesContrats | null {
  const c = { ...dateFacultative('cai', e.signatureCai), ...dateFacultative('cosco', e.signatureCosco), ...dateFacultative('cst', e.signatureCst) };
  return Object.keys(c).length ? c : null;
}

function aciVersScenario(e: EtatFormulaire): NonNullable<Scenario['aci']> {
  const adhere = e.adhesion !== 'aucune';
  return {
    adhesion: e.adhesion,
    patientele: n(e.patientele),
    indicateurs: !adhere ? [] : e.indicateurs.map((i) => ({
      id: i.id,
      libelle: i.libelle,
      prerequis: i.prerequis,
      nature: i.nature,
      pointsFixes: n(i.pointsFixes),
      pointsVariables: n(i.pointsVariables),
      atteint: i.atteint,
    })),
    ...(adhere ? dateFacultative('dateSignature', e.aciDateSignature) : {}),
    // Nombre de professionnels : l'indicateur « SI niveau standard » de l'ACI seulement.
    ...(e.adhesion === 'aci' && e.aciNbProfessionnels.trim() ? { nbProfessionnels: n(e.aciNbProfessionnels) } : {}),
  };
}

/**
 * Scénario correspondant au formulaire. Conversion tolérante (un nombre illisible vaut 0) : elle
 * sert aussi à l'éligibilité pendant la saisie ; n'écrire une feuille qu'après `validerFormulaire`.
 */
export function versScenario(e: EtatFormulaire): Scenario {
  const cds = estCentreDeSante(e.type);
  const s: Scenario = {
    version: VERSION_SCENARIO,
    centre: centreVersScenario(e),
    simulation: { debut: dateSaisie(e.debut), horizonAnnees: n(e.horizonAnnees) },
    // Une MSP (aide SIP) n'a pas de médecins salariés dans la simulation.
    medecins: cds ? e.medecins.map(medecinVersScenario) : [],
  };
  const contrats = cds ? contratsVersScenario(e) : null;
  if (contrats) s.contrats = contrats;
  // Une MSP demande l'aide SIP ; un centre de santé la demande s'il le dit (formation et licences).
  if (!cds || e.sipDemandee) {
    s.sip = {
      nbProfessionnels: n(e.sipNbProfessionnels),
      montantDevis: n(e.sipMontantDevis),
      ...dateFacultative('dateConvention', e.sipDateConvention),
      ...dateFacultative('dateCloture', e.sipDateCloture),
    };
  }
  if (e.adhesion !== 'aucune' || e.indicateurs.length > 0) s.aci = aciVersScenario(e);
  return s;
}

const texte = (x: number | null | undefined) => (x === undefined || x === null ? '' : String(x).replace('.', ','));
const dateTexte = (iso: string | undefined) => (iso ? isoVersFrancais(iso) : '');

function medecinDepuisScenario(m: Scenario['medecins'][number]): MedecinSaisi {
  return {
    cle: prochaineCle++,
    libelle: m.libelle,
    quotite: texte(m.quotite),
    coutSalarialMensuel: texte(m.coutSalarialMensuel),
    honorairesMensuels: texte(m.honorairesMensuels),
    poste400: m.poste400,
    renouvellement400: m.renouvellement400 === true,
    debutContrat: dateTexte(m.debutContrat),
    conges: m.conges.map((c) => ({
      debut: isoVersFrancais(c.debut),
      fin: isoVersFrancais(c.fin),
      salaireCharge: texte(c.salaireCharge),
      indemnitesJournalieres: texte(c.indemnitesJournalieres),
      salaireMaintenu: c.salaireMaintenu,
    })),
    joursCstParAn: texte(m.joursCstParAn),
    honorairesCstAnnuels: texte(m.honorairesCstAnnuels),
    consultationsParMois: texte(m.consultationsParMois),
  };
}

/**
 * Formulaire rempli depuis un scénario (relecture d'une feuille de simulation). L'ancienne zone « QPV »
 * se lit « hors zone, en QPV » (même territoire pour les règles) ; un indicateur sans nature prend celle
 * que le moteur lui donne.
 */
export function depuisScenario(s: Scenario): EtatFormulaire {
  const t = territoire(s.centre.zone, s.centre.qpv === true, s.centre.ile === true);
  return {
    nom: s.centre.nom,
    finess: s.centre.finess ?? '',
    commune: s.centre.commune ?? '',
    type: s.centre.type,
    zone: t.zone,
    qpv: t.qpv,
    ile: t.ile,
    dateDemandePolyvalent: dateTexte(s.centre.dateDemandePolyvalent),
    dateCreation: isoVersFrancais(s.centre.dateCreation),
    membreCptsEsp: s.centre.membreCptsEsp,
    signatureCai: dateTexte(s.contrats?.cai),
    signatureCosco: dateTexte(s.contrats?.cosco),
    signatureCst: dateTexte(s.contrats?.cst),
    debut: isoVersFrancais(s.simulation.debut),
    horizonAnnees: texte(s.simulation.horizonAnnees),
    medecins: s.medecins.map(medecinDepuisScenario),
    sipDemandee: estCentreDeSante(s.centre.type) && s.sip !== undefined,
    sipNbProfessionnels: texte(s.sip?.nbProfessionnels),
    sipMontantDevis: texte(s.sip?.montantDevis),
    sipDateConvention: dateTexte(s.sip?.dateConvention),
    sipDateCloture: dateTexte(s.sip?.dateCloture),
    adhesion: s.aci?.adhesion ?? 'aucune',
    patientele: texte(s.aci?.patientele),
    aciDateSignature: dateTexte(s.aci?.dateSignature),
    aciNbProfessionnels: texte(s.aci?.nbProfessionnels),
    indicateurs: (s.aci?.indicateurs ?? []).map((i) => ({
      id: i.id,
      libelle: i.libelle,
      prerequis: i.prerequis,
      nature: natureIndicateur(i),
      pointsFixes: texte(i.pointsFixes),
      pointsVariables: texte(i.pointsVariables),
      atteint: i.atteint,
    })),
  };
}

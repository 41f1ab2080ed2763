// État du formulaire du volet : les champs tels que saisis (textes, pour accepter « 1,5 » et
// « 12 345,67 »), et leur conversion vers le scénario (src/rules/scenario/types.ts) et retour.
import { indicateursDe, type Accord } from '../rules/regles/aci-indicateurs';
import { ajouterMois, aujourdhuiIso, isoVersFrancais } from '../rules/dates';
import type { Zone } from '../rules/regles/zonage';
import { VERSION_SCENARIO, type Scenario, type TypeCentre } from '../rules/scenario/types';
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
  debutContrat: string;
  conges: CongeSaisi[];
  joursCstParAn: string;
  honorairesCstAnnuels: string;
  /** Plan de financement (facultatif) : consultations par mois attendues. */
  consultationsParMois: string;
}

export interface IndicateurSaisi {
  id: string;
  libelle: string;
  prerequis: boolean;
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
  zone: Zone;
  dateCreation: string;
  membreCptsEsp: boolean;
  debut: string;
  horizonAnnees: string;
  medecins: MedecinSaisi[];
  sipNbProfessionnels: string;
  sipMontantDevis: string;
  /** Plan de financement (facultatif) : convention SIP (80 %) et PV d'installation (solde). */
  sipDateConvention: string;
  sipDateCloture: string;
  adhesion: Adhesion;
  patientele: string;
  /** Plan de financement (facultatif) : signature du contrat ACI. */
  aciDateSignature: string;
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
    dateCreation: isoVersFrancais(aujourdhui),
    membreCptsEsp: false,
    debut: isoVersFrancais(debut),
    horizonAnnees: '5',
    medecins: [nouveauMedecin(1)],
    sipNbProfessionnels: '',
    sipMontantDevis: '',
    sipDateConvention: '',
    sipDateCloture: '',
    adhesion: 'aucune',
    patientele: '',
    aciDateSignature: '',
    indicateurs: [],
  };
}

export const estCentreDeSante = (t: TypeCentre) => t !== 'msp';

/** Nombre saisi, ou 0 s'il est illisible (le scénario n'est écrit que si la validation passe). */
function n(texte: string): number {
  const v = lireNombreFr(texte);
  return v === null ? 0 : v;
}

/**
 * Scénario correspondant au formulaire. Conversion tolérante (un nombre illisible vaut 0) : elle
 * sert aussi à l'éligibilité pendant la saisie ; n'écrire une feuille qu'après `validerFormulaire`.
 */
export function versScenario(e: EtatFormulaire): Scenario {
  const cds = estCentreDeSante(e.type);
  const finess = e.finess.replace(/\s/g, '');
  const s: Scenario = {
    version: VERSION_SCENARIO,
    centre: {
      nom: e.nom.trim(),
      ...(finess ? { finess } : {}),
      ...(e.commune.trim() ? { commune: e.commune.trim() } : {}),
      type: e.type,
      zone: e.zone,
      dateCreation: dateSaisie(e.dateCreation),
      membreCptsEsp: e.membreCptsEsp,
    },
    simulation: { debut: dateSaisie(e.debut), horizonAnnees: n(e.horizonAnnees) },
    // Une MSP (aide SIP) n'a pas de médecins salariés dans la simulation.
    medecins: !cds ? [] : e.medecins.map((m) => ({
      libelle: m.libelle.trim(),
      quotite: n(m.quotite),
      coutSalarialMensuel: n(m.coutSalarialMensuel),
      ...(m.honorairesMensuels.trim() ? { honorairesMensuels: n(m.honorairesMensuels) } : {}),
      poste400: m.poste400,
      ...(m.poste400 && m.debutContrat.trim() ? { debutContrat: dateSaisie(m.debutContrat) } : {}),
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
    })),
  };
  if (!cds) {
    s.sip = {
      nbProfessionnels: n(e.sipNbProfessionnels),
      montantDevis: n(e.sipMontantDevis),
      ...(e.sipDateConvention.trim() ? { dateConvention: dateSaisie(e.sipDateConvention) } : {}),
      ...(e.sipDateCloture.trim() ? { dateCloture: dateSaisie(e.sipDateCloture) } : {}),
    };
  }
  if (e.adhesion !== 'aucune' || e.indicateurs.length > 0) {
    s.aci = {
      adhesion: e.adhesion,
      patientele: n(e.patientele),
      indicateurs: e.adhesion === 'aucune' ? [] : e.indicateurs.map((i) => ({
        id: i.id,
        libelle: i.libelle,
        prerequis: i.prerequis,
        pointsFixes: n(i.pointsFixes),
        pointsVariables: n(i.pointsVariables),
        atteint: i.atteint,
      })),
      ...(e.adhesion !== 'aucune' && e.aciDateSignature.trim() ? { dateSignature: dateSaisie(e.aciDateSignature) } : {}),
    };
  }
  return s;
}

/** Date saisie → AAAA-MM-JJ ; une saisie illisible est gardée telle quelle (la validation la signale). */
export function dateSaisie(texte: string): string {
  return lireDateFr(texte) ?? texte.trim();
}

const texte = (x: number | null | undefined) => (x === undefined || x === null ? '' : String(x).replace('.', ','));

/** Formulaire rempli depuis un scénario (relecture d'une feuille de simulation). */
export function depuisScenario(s: Scenario): EtatFormulaire {
  return {
    nom: s.centre.nom,
    finess: s.centre.finess ?? '',
    commune: s.centre.commune ?? '',
    type: s.centre.type,
    zone: s.centre.zone,
    dateCreation: isoVersFrancais(s.centre.dateCreation),
    membreCptsEsp: s.centre.membreCptsEsp,
    debut: isoVersFrancais(s.simulation.debut),
    horizonAnnees: texte(s.simulation.horizonAnnees),
    medecins: s.medecins.map((m) => ({
      cle: prochaineCle++,
      libelle: m.libelle,
      quotite: texte(m.quotite),
      coutSalarialMensuel: texte(m.coutSalarialMensuel),
      honorairesMensuels: texte(m.honorairesMensuels),
      poste400: m.poste400,
      debutContrat: m.debutContrat ? isoVersFrancais(m.debutContrat) : '',
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
    })),
    sipNbProfessionnels: texte(s.sip?.nbProfessionnels),
    sipMontantDevis: texte(s.sip?.montantDevis),
    sipDateConvention: s.sip?.dateConvention ? isoVersFrancais(s.sip.dateConvention) : '',
    sipDateCloture: s.sip?.dateCloture ? isoVersFrancais(s.sip.dateCloture) : '',
    adhesion: s.aci?.adhesion ?? 'aucune',
    patientele: texte(s.aci?.patientele),
    aciDateSignature: s.aci?.dateSignature ? isoVersFrancais(s.aci.dateSignature) : '',
    indicateurs: (s.aci?.indicateurs ?? []).map((i) => ({
      id: i.id,
      libelle: i.libelle,
      prerequis: i.prerequis,
      pointsFixes: texte(i.pointsFixes),
      pointsVariables: texte(i.pointsVariables),
      atteint: i.atteint,
    })),
  };
}

// Validation du formulaire, champ par champ, avec des messages français qui nomment le champ et la
// plage attendue (mêmes descriptions de plages que le moteur : src/rules/validation.ts).
import { isoVersFrancais } from '../rules/dates';
import { Decimal } from '../rules/decimal';
import { DATE_MAX, DATE_MIN } from '../rules/scenario/bornes';
import { decrireContrainte, respecte, type Contrainte, POSITIF, QUOTITE, ENTIER_POSITIF_NON_NUL } from '../rules/validation';
import { estCentreDeSante, type EtatFormulaire, type IndicateurSaisi, type MedecinSaisi } from './formulaire';
import { lireDateFr, lireNombreFr, nombreFr } from './nombres';

/** Messages d'erreur par chemin de champ (« medecins.0.quotite »). Vide : formulaire valide. */
export type ErreursChamps = Record<string, string>;

export const HORIZON: Contrainte = { min: 1, max: 10, entier: true };
export const JOURS_PAR_AN: Contrainte = { min: 0, max: 365, entier: true };
export const ENTIER_POSITIF: Contrainte = { min: 0, entier: true };
const FINESS = /^\d{9}$/;

/** Message d'un champ numérique, ou null s'il est valide. */
export function messageNombre(libelle: string, texte: string, c: Contrainte, obligatoire = true): string | null {
  if (texte.trim() === '') return obligatoire ? `${libelle} : obligatoire (${decrireContrainte(c)} attendu)` : null;
  const v = lireNombreFr(texte);
  if (v === null) return `${libelle} : ${decrireContrainte(c)} attendu (reçu : « ${texte.trim()} »)`;
  if (!respecte(new Decimal(v), c)) return `${libelle} : ${decrireContrainte(c)} attendu (reçu : ${nombreFr(v)})`;
  return null;
}

/** Date du calendrier (saisie JJ/MM/AAAA ou AAAA-MM-JJ). */
export function dateValide(texte: string): boolean {
  return lireDateFr(texte) !== null;
}

/** Date saisie : JJ/MM/AAAA, dans les bornes qu'Excel et le scénario acceptent (src/rules/scenario/bornes.ts). */
export function messageDate(libelle: string, texte: string, obligatoire = true): string | null {
  if (texte.trim() === '') return obligatoire ? `${libelle} : obligatoire (date JJ/MM/AAAA attendue)` : null;
  const iso = lireDateFr(texte);
  if (iso === null) return `${libelle} : date JJ/MM/AAAA attendue (reçu : « ${texte.trim()} »)`;
  if (iso < DATE_MIN || iso > DATE_MAX) return `${libelle} : date entre le ${isoVersFrancais(DATE_MIN)} et le ${isoVersFrancais(DATE_MAX)} attendue (reçu : ${isoVersFrancais(iso)})`;
  return null;
}

/** Une date facultative qui ne peut précéder la création du centre (signature d'un contrat, demande). */
function messageDateApresCreation(libelle: string, texte: string, creation: string): string | null {
  const format = messageDate(libelle, texte, false);
  if (format) return format;
  const iso = lireDateFr(texte);
  const cree = lireDateFr(creation);
  return iso && cree && iso < cree ? `${libelle} : date postérieure ou égale à la création du centre (${isoVersFrancais(cree)}) attendue` : null;
}

/** L'indicateur « SI niveau standard », dont les points suivent le nombre de professionnels quand il est saisi. */
export const estIndicateurSi = (ind: Pick<IndicateurSaisi, 'id'>) => /(^|\.)si_standard$/.test(ind.id);

/** Inscrit un message d'erreur (null : champ valide) à un chemin. */
type Ajout = (chemin: string, message: string | null) => void;

function validerCentre(e: EtatFormulaire, ajouter: Ajout): void {
  ajouter('nom', e.nom.trim() === '' ? 'Nom du centre : obligatoire' : null);
  const finess = e.finess.replace(/\s/g, '');
  ajouter('finess', finess !== '' && !FINESS.test(finess) ? `FINESS : 9 chiffres attendus (reçu : « ${e.finess.trim()} »)` : null);
  ajouter('dateCreation', messageDate('Date de création', e.dateCreation));
  ajouter('debut', messageDate('Début de la simulation', e.debut));
  ajouter('horizonAnnees', messageNombre('Horizon (années)', e.horizonAnnees, HORIZON));
  if (e.type === 'cds_devenant_polyvalent') {
    ajouter('dateDemandePolyvalent', messageDateApresCreation('Demande pour devenir polyvalent', e.dateDemandePolyvalent, e.dateCreation));
  }
}

/** Contrats démographiques déjà signés (centres de santé) : dates facultatives, pas avant la création du centre. */
function validerContrats(e: EtatFormulaire, ajouter: Ajout): void {
  ajouter('signatureCai', messageDateApresCreation('Signature du CAI', e.signatureCai, e.dateCreation));
  ajouter('signatureCosco', messageDateApresCreation('Signature du COSCO', e.signatureCosco, e.dateCreation));
  ajouter('signatureCst', messageDateApresCreation('Signature du CST', e.signatureCst, e.dateCreation));
}

function validerConges(m: MedecinSaisi, p: string, nom: string, ajouter: Ajout): void {
  m.conges.forEach((c, j) => {
    const q = `${p}.conges.${j}`;
    ajouter(`${q}.debut`, messageDate(`Début du congé (${nom})`, c.debut));
    const debut = lireDateFr(c.debut);
    const fin = lireDateFr(c.fin);
    ajouter(`${q}.fin`, messageDate(`Fin du congé (${nom})`, c.fin) ?? (debut && fin && fin < debut ? `Fin du congé (${nom}) : date postérieure ou égale au début attendue` : null));
    ajouter(`${q}.salaireCharge`, messageNombre('Salaire chargé sur la période (€)', c.salaireCharge, POSITIF));
    ajouter(`${q}.indemnitesJournalieres`, messageNombre('Indemnités journalières perçues (€)', c.indemnitesJournalieres, POSITIF));
  });
}

function validerMedecins(e: EtatFormulaire, ajouter: Ajout): void {
  if (e.medecins.length === 0) ajouter('medecins', 'Médecins : au moins un médecin salarié est attendu pour un centre de santé');
  e.medecins.forEach((m, i) => {
    const p = `medecins.${i}`;
    const nom = m.libelle.trim() || `Médecin ${i + 1}`;
    ajouter(`${p}.libelle`, m.libelle.trim() === '' ? 'Nom ou libellé : obligatoire' : null);
    ajouter(`${p}.quotite`, messageNombre('Quotité', m.quotite, QUOTITE));
    ajouter(`${p}.coutSalarialMensuel`, messageNombre('Coût salarial mensuel chargé (€)', m.coutSalarialMensuel, POSITIF));
    ajouter(`${p}.honorairesMensuels`, messageNombre('Honoraires mensuels attendus (€)', m.honorairesMensuels, POSITIF, false));
    ajouter(`${p}.joursCstParAn`, messageNombre('Jours par an dans un centre en ZIP', m.joursCstParAn, JOURS_PAR_AN));
    ajouter(`${p}.honorairesCstAnnuels`, messageNombre('Honoraires annuels de l’activité mise à disposition (€)', m.honorairesCstAnnuels, POSITIF));
    ajouter(`${p}.consultationsParMois`, messageNombre('Consultations par mois', m.consultationsParMois, POSITIF, false));
    if (m.poste400) {
      ajouter(`${p}.debutContrat`, messageDate('Début du contrat 400 postes', m.debutContrat, false));
      validerConges(m, p, nom, ajouter);
    }
  });
}

/** Aide SIP : une MSP, ou un centre de santé qui la demande. */
function validerSip(e: EtatFormulaire, ajouter: Ajout): void {
  ajouter('sipNbProfessionnels', messageNombre('Nombre de professionnels', e.sipNbProfessionnels, ENTIER_POSITIF_NON_NUL));
  ajouter('sipMontantDevis', messageNombre('Montant des devis validés (€)', e.sipMontantDevis, POSITIF));
  ajouter('sipDateConvention', messageDate('Signature de la convention SIP', e.sipDateConvention, false));
  const convention = lireDateFr(e.sipDateConvention);
  const cloture = lireDateFr(e.sipDateCloture);
  ajouter('sipDateCloture', messageDate('PV d’installation', e.sipDateCloture, false)
    ?? (convention && cloture && cloture < convention ? 'PV d’installation : date postérieure ou égale à la signature de la convention attendue' : null));
}

function validerAci(e: EtatFormulaire, ajouter: Ajout): void {
  if (e.adhesion === 'accord_national' && !estCentreDeSante(e.type)) {
    ajouter('adhesion', 'Adhésion : l’accord national concerne les centres de santé ; une MSP adhère à l’ACI');
  }
  if (e.adhesion === 'aucune') return;
  ajouter('patientele', messageNombre('Patientèle médecin traitant', e.patientele, ENTIER_POSITIF));
  ajouter('aciDateSignature', messageDate('Signature du contrat', e.aciDateSignature, false));
  // Le nombre de professionnels (indicateur SI niveau standard) n'est demandé qu'à l'ACI.
  const siCalcule = e.adhesion === 'aci' && e.aciNbProfessionnels.trim() !== '';
  if (e.adhesion === 'aci') ajouter('aciNbProfessionnels', messageNombre('Nombre de professionnels de la structure', e.aciNbProfessionnels, ENTIER_POSITIF_NON_NUL, false));
  e.indicateurs.forEach((ind, k) => {
    // Seuls les indicateurs atteints comptent : leurs points sont obligatoires (les autres sont ignorés).
    if (!ind.atteint) return;
    // Points fixes du SI niveau standard : calculés depuis le nombre de professionnels quand il est saisi.
    if (!(siCalcule && estIndicateurSi(ind))) ajouter(`indicateurs.${k}.pointsFixes`, messageNombre(`Points fixes (${ind.libelle})`, ind.pointsFixes, POSITIF));
    ajouter(`indicateurs.${k}.pointsVariables`, messageNombre(`Points variables (${ind.libelle})`, ind.pointsVariables, POSITIF));
  });
}

export function validerFormulaire(e: EtatFormulaire): ErreursChamps {
  const erreurs: ErreursChamps = {};
  const ajouter: Ajout = (chemin, message) => {
    if (message) erreurs[chemin] = message;
  };
  const cds = estCentreDeSante(e.type);
  validerCentre(e, ajouter);
  if (cds) {
    validerContrats(e, ajouter);
    validerMedecins(e, ajouter);
  }
  if (!cds || e.sipDemandee) validerSip(e, ajouter);
  validerAci(e, ajouter);
  return erreurs;
}

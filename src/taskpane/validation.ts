// Validation du formulaire, champ par champ, avec des messages français qui nomment le champ et la
// plage attendue (mêmes descriptions de plages que le moteur : src/rules/validation.ts).
import { Decimal } from '../rules/decimal';
import { decrireContrainte, respecte, type Contrainte, POSITIF, QUOTITE, ENTIER_POSITIF_NON_NUL } from '../rules/validation';
import { estCentreDeSante, type EtatFormulaire } from './formulaire';
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

export function messageDate(libelle: string, texte: string, obligatoire = true): string | null {
  if (texte.trim() === '') return obligatoire ? `${libelle} : obligatoire (date JJ/MM/AAAA attendue)` : null;
  return dateValide(texte) ? null : `${libelle} : date JJ/MM/AAAA attendue (reçu : « ${texte.trim()} »)`;
}

export function validerFormulaire(e: EtatFormulaire): ErreursChamps {
  const erreurs: ErreursChamps = {};
  const ajouter = (chemin: string, message: string | null) => {
    if (message) erreurs[chemin] = message;
  };
  const cds = estCentreDeSante(e.type);

  // — Centre —
  if (e.nom.trim() === '') erreurs.nom = 'Nom du centre : obligatoire';
  const finess = e.finess.replace(/\s/g, '');
  if (finess !== '' && !FINESS.test(finess)) erreurs.finess = `FINESS : 9 chiffres attendus (reçu : « ${e.finess.trim()} »)`;
  ajouter('dateCreation', messageDate('Date de création', e.dateCreation));
  ajouter('debut', messageDate('Début de la simulation', e.debut));
  ajouter('horizonAnnees', messageNombre('Horizon (années)', e.horizonAnnees, HORIZON));

  // — Médecins (centres de santé) —
  if (cds) {
    if (e.medecins.length === 0) erreurs.medecins = 'Médecins : au moins un médecin salarié est attendu pour un centre de santé';
    e.medecins.forEach((m, i) => {
      const p = `medecins.${i}`;
      const nom = m.libelle.trim() || `Médecin ${i + 1}`;
      if (m.libelle.trim() === '') erreurs[`${p}.libelle`] = 'Nom ou libellé : obligatoire';
      ajouter(`${p}.quotite`, messageNombre('Quotité', m.quotite, QUOTITE));
      ajouter(`${p}.coutSalarialMensuel`, messageNombre('Coût salarial mensuel chargé (€)', m.coutSalarialMensuel, POSITIF));
      ajouter(`${p}.honorairesMensuels`, messageNombre('Honoraires mensuels attendus (€)', m.honorairesMensuels, POSITIF, false));
      ajouter(`${p}.joursCstParAn`, messageNombre('Jours par an dans un centre en ZIP', m.joursCstParAn, JOURS_PAR_AN));
      ajouter(`${p}.honorairesCstAnnuels`, messageNombre('Honoraires annuels de l’activité mise à disposition (€)', m.honorairesCstAnnuels, POSITIF));
      ajouter(`${p}.consultationsParMois`, messageNombre('Consultations par mois', m.consultationsParMois, POSITIF, false));
      if (m.poste400) {
        ajouter(`${p}.debutContrat`, messageDate('Début du contrat 400 postes', m.debutContrat, false));
        m.conges.forEach((c, j) => {
          const q = `${p}.conges.${j}`;
          ajouter(`${q}.debut`, messageDate(`Début du congé (${nom})`, c.debut));
          ajouter(`${q}.fin`, messageDate(`Fin du congé (${nom})`, c.fin));
          const debut = lireDateFr(c.debut);
          const fin = lireDateFr(c.fin);
          if (debut && fin && fin < debut) {
            erreurs[`${q}.fin`] = `Fin du congé (${nom}) : date postérieure ou égale au début attendue`;
          }
          ajouter(`${q}.salaireCharge`, messageNombre('Salaire chargé sur la période (€)', c.salaireCharge, POSITIF));
          ajouter(`${q}.indemnitesJournalieres`, messageNombre('Indemnités journalières perçues (€)', c.indemnitesJournalieres, POSITIF));
        });
      }
    });
  } else {
    // — Aide SIP (MSP) —
    ajouter('sipNbProfessionnels', messageNombre('Nombre de professionnels', e.sipNbProfessionnels, ENTIER_POSITIF_NON_NUL));
    ajouter('sipMontantDevis', messageNombre('Montant des devis validés (€)', e.sipMontantDevis, POSITIF));
    ajouter('sipDateConvention', messageDate('Signature de la convention SIP', e.sipDateConvention, false));
    ajouter('sipDateCloture', messageDate('PV d’installation', e.sipDateCloture, false));
    const convention = lireDateFr(e.sipDateConvention);
    const cloture = lireDateFr(e.sipDateCloture);
    if (convention && cloture && cloture < convention) erreurs.sipDateCloture = 'PV d’installation : date postérieure ou égale à la signature de la convention attendue';
  }

  // — ACI / accord national —
  if (e.adhesion === 'accord_national' && !cds) {
    erreurs.adhesion = 'Adhésion : l’accord national concerne les centres de santé ; une MSP adhère à l’ACI';
  }
  if (e.adhesion !== 'aucune') {
    ajouter('patientele', messageNombre('Patientèle médecin traitant', e.patientele, ENTIER_POSITIF));
    ajouter('aciDateSignature', messageDate('Signature du contrat', e.aciDateSignature, false));
    e.indicateurs.forEach((ind, k) => {
      // Seuls les indicateurs atteints comptent : leurs points sont obligatoires (les autres sont ignorés).
      if (!ind.atteint) return;
      ajouter(`indicateurs.${k}.pointsFixes`, messageNombre(`Points fixes (${ind.libelle})`, ind.pointsFixes, POSITIF));
      ajouter(`indicateurs.${k}.pointsVariables`, messageNombre(`Points variables (${ind.libelle})`, ind.pointsVariables, POSITIF));
    });
  }
  return erreurs;
}

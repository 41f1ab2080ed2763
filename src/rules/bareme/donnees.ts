// Barème par défaut : les chiffres de ../shared/reference/REGLES.md, datés et sourcés.
// Sources : 000 et 001 (appels à candidatures SIP), 004 (politique régionale CDS, §2.1 et §2.2).
import { Bareme, Parametre, Source, Statut } from './types';

const S004_CAI: Source = { document: '004', section: '§2.1 Contrat d’aide à l’installation (CAI)' };
const S004_COSCO: Source = { document: '004', section: '§2.1 Contrat de stabilisation et de coordination (COSCO)' };
const S004_CST: Source = { document: '004', section: '§2.1 Contrat de solidarité territoriale (CST)' };
const S004_400: Source = { document: '004', section: '§2.2 400 postes de médecins généralistes (instruction DGOS/DIR/2019/27)' };
const S001_SIP: Source = { document: '001', section: 'Modalités d’accompagnement et échéancier (AAP SIP 2023)' };
const SIP_HYP: Source = {
  document: 'REGLES.md §1 (hypothèse)',
  section: 'Plafond non publié ; valeur de travail reprise du dispositif ARS Pays de la Loire (15 000 € puis 1 000 € par licence, source secondaire)',
};
const ACI_TEXTE: Source = { document: 'ACI MSP (arrêté du 24 juillet 2017) et avenant 1 (JO 3 août 2022)', section: 'Valeur du point et patientèle de référence' };
const ACI_AVANCE: Source = { document: 'ACI MSP, art. relatif aux modalités de versement', section: 'Avance de 60 % versée en année n, solde au 30 avril n+1' };
const ACI_AVANCE_MIN: Source = { document: 'REGLES.md §4 (deux sources secondaires)', section: 'Avance minimale de 12 000 € depuis l’avenant 1 (2022)' };
const TARIF_G: Source = { document: 'REGLES.md §7', section: 'Consultation G, secteur 1' };

/** Début des contrats démographiques CDS (004 §2.1 : « en vigueur depuis le 20 octobre 2018 »). */
const DEBUT_CONTRATS_CDS = '2018-10-20';
/** Instruction DGOS/DIR/2019/27 du 6 février 2019 (004 §2.2). */
const DEBUT_400_POSTES = '2019-02-06';
/** ACI signé le 20 avril 2017 (004 §1.4). */
const DEBUT_ACI = '2017-04-20';
/** Premier appel à candidatures SIP connu (000 : dossiers avant le 31 mars 2017). */
const DEBUT_SIP = '2017-01-01';

function p(id: string, libelle: string, unite: string, valeur: string | null, du: string, statut: Statut, source: Source, note?: string): Parametre {
  return { id, libelle, unite, valeurs: [{ valeur, du, au: null, statut, source, ...(note ? { note } : {}) }] };
}

export const BAREME_PAR_DEFAUT: Bareme = {
  version: '2026.11-1',
  parametres: [
    // — SIP (aide à l'acquisition d'un système d'information partagé, MSP) —
    p('sip.plafond.base', 'Plafond SIP : part forfaitaire', '€', '15000', DEBUT_SIP, 'hypothese', SIP_HYP),
    p('sip.plafond.par_professionnel', 'Plafond SIP : montant par professionnel', '€/professionnel', '1000', DEBUT_SIP, 'hypothese', SIP_HYP),
    p('sip.plafond.maximum', 'Plafond SIP : plafond global (vide = aucun)', '€', null, DEBUT_SIP, 'hypothese', SIP_HYP),
    p('sip.versement.part_convention', 'SIP : part versée à la signature de la convention', 'taux', '0.8', DEBUT_SIP, 'confirme', S001_SIP,
      '80 % à la signature, solde de 20 % après le PV d’installation'),
    // Calendrier de l'appel à candidatures SIP (001, tableau des étapes) : programme SIP de l'année.
    p('sip.calendrier.mois_convention', 'SIP : mois de la convention de financement (versement de 80 %)', 'mois (1 à 12)', '11', DEBUT_SIP, 'confirme',
      { document: '001', section: 'Étape « Contractualisation » : convention ARS-MSP, 80 % versés à la signature, « Novembre »' }),
    p('sip.calendrier.mois_solde', 'SIP : mois du versement du solde de 20 % (clôture, PV d’installation)', 'mois (1 à 12)', '5', DEBUT_SIP, 'confirme',
      { document: '001', section: 'Étape « Clôture de l’accompagnement » : PV d’installation, versement du solde de 20 %, « Mai »' }),
    p('sip.calendrier.annees_avant_solde', 'SIP : années entre l’appel et le versement du solde', 'années', '1', DEBUT_SIP, 'a_confirmer',
      { document: '001', section: 'Tableau des étapes : déploiement « Novembre-avril » puis clôture en « Mai », accompagnement de 10 mois au plus' },
      'déduit de l’enchaînement des étapes : solde en mai de l’année suivant l’appel'),

    // — CAI —
    p('cai.montant_etp_tranche1', 'CAI : montant par ETP du 1er ETP', '€/ETP', '30000', DEBUT_CONTRATS_CDS, 'confirme', S004_CAI),
    p('cai.fin_tranche1_etp', 'CAI : fin de la 1re tranche', 'ETP', '1', DEBUT_CONTRATS_CDS, 'confirme', S004_CAI),
    p('cai.montant_etp_tranche2', 'CAI : montant par ETP des 2e et 3e ETP', '€/ETP', '25000', DEBUT_CONTRATS_CDS, 'confirme', S004_CAI),
    p('cai.fin_tranche2_etp', 'CAI : fin de la 2e tranche', 'ETP', '3', DEBUT_CONTRATS_CDS, 'confirme', S004_CAI),
    p('cai.plafond', 'CAI : montant maximal', '€', '80000', DEBUT_CONTRATS_CDS, 'confirme', S004_CAI),
    p('cai.part_premier_versement', 'CAI : part du 1er versement', 'taux', '0.5', DEBUT_CONTRATS_CDS, 'a_confirmer',
      { document: 'REGLES.md §2', section: 'Points ouverts : répartition des deux versements (analogie avec le CAIM libéral : 50 % / 50 %)' },
      '004 dit seulement « versée en deux fois »'),

    // — COSCO —
    p('cosco.montant_etp_an', 'COSCO : montant par an et par ETP de médecin salarié', '€/ETP/an', '5000', DEBUT_CONTRATS_CDS, 'confirme', S004_COSCO),

    // — CST —
    p('cst.taux_honoraires', 'CST : majoration des honoraires du médecin mis à disposition', 'taux', '0.1', DEBUT_CONTRATS_CDS, 'confirme', S004_CST),
    p('cst.plafond_etp_an', 'CST : plafond annuel par ETP médical', '€/ETP/an', '20000', DEBUT_CONTRATS_CDS, 'confirme', S004_CST),
    p('cst.jours_minimum_zip', 'CST : jours par an au minimum dans un centre en ZIP', 'jours/an', '10', DEBUT_CONTRATS_CDS, 'confirme', S004_CST),

    // — 400 postes —
    p('postes400.plafond_mensuel_temps_plein', '400 postes : coût salarial maximal garanti, temps plein', '€/mois', '9070', DEBUT_400_POSTES, 'confirme', S004_400),
    p('postes400.seuil_initial', '400 postes : consultations par mois en moyenne, premiers mois', 'consultations/mois', '100', DEBUT_400_POSTES, 'confirme', S004_400),
    p('postes400.mois_seuil_initial', '400 postes : nombre de premiers mois au seuil initial', 'mois', '3', DEBUT_400_POSTES, 'confirme', S004_400),
    p('postes400.seuil_courant', '400 postes : consultations par mois à partir du 4e mois', 'consultations/mois', '165', DEBUT_400_POSTES, 'confirme', S004_400),
    p('postes400.duree_mois', '400 postes : durée du contrat', 'mois', '24', DEBUT_400_POSTES, 'confirme', S004_400, '2 ans, renouvelable tacitement'),

    // — ACI / accord national —
    p('aci.valeur_point', 'ACI : valeur du point', '€/point', '7', DEBUT_ACI, 'confirme', ACI_TEXTE),
    p('aci.patientele_reference', 'ACI : patientèle de référence des points variables', 'patients', '4000', DEBUT_ACI, 'confirme', ACI_TEXTE),
    p('aci.taux_avance', 'ACI : avance versée en année n', 'taux', '0.6', DEBUT_ACI, 'confirme', ACI_AVANCE),
    {
      id: 'aci.avance_minimum',
      libelle: 'ACI : avance minimale',
      unite: '€',
      valeurs: [
        { valeur: '0', du: DEBUT_ACI, au: '2022-08-02', statut: 'confirme', source: ACI_AVANCE, note: 'pas de minimum avant l’avenant 1' },
        { valeur: '12000', du: '2022-08-03', au: null, statut: 'a_confirmer', source: ACI_AVANCE_MIN },
      ],
    },

    // — Calendrier des versements (plan de financement) —
    p('cai.delai_second_versement_mois', 'CAI : délai entre la signature (1er versement) et le 2e versement', 'mois', '12', DEBUT_CONTRATS_CDS, 'a_confirmer',
      { document: 'REGLES.md §2', section: 'Points ouverts : le CAIM libéral verse 50 % à la signature et 50 % un an plus tard' },
      '004 dit seulement « versée en deux fois »'),
    p('aci.delai_avance_nouvel_adherent_mois', 'ACI : délai de versement de l’avance après la signature (nouvel adhérent)', 'mois', '3', DEBUT_ACI, 'a_confirmer',
      { document: 'REGLES.md §4', section: 'Avance versée dans les 3 mois de la signature pour un nouvel adhérent' }),
    p('aci.mois_echeance_annuelle', 'ACI : mois de l’échéance annuelle (avance n et solde n−1 au plus tard le 30 avril)', 'mois de l’année', '4', DEBUT_ACI, 'a_confirmer',
      { document: 'REGLES.md §4', section: 'Avance au 30 avril de l’année n, solde au 30 avril de l’année n+1' }),
    p('sip.delai_solde_mois', 'SIP : délai entre la convention (80 %) et le PV d’installation (solde de 20 %)', 'mois', '10', DEBUT_SIP, 'hypothese',
      { document: 'REGLES.md §1', section: 'Durée d’un appel à candidatures : environ 10 mois' }),

    // — Tarif de la consultation de médecine générale (plan de financement) —
    {
      id: 'tarif.consultation_g',
      libelle: 'Tarif de la consultation G (secteur 1)',
      unite: '€',
      valeurs: [
        { valeur: '25', du: '2017-05-01', au: '2023-10-31', statut: 'a_confirmer', source: TARIF_G },
        { valeur: '26.5', du: '2023-11-01', au: '2024-12-21', statut: 'a_confirmer', source: { ...TARIF_G, section: 'Règlement arbitral, 1er novembre 2023' } },
        { valeur: '30', du: '2024-12-22', au: null, statut: 'a_confirmer', source: { ...TARIF_G, section: 'Convention médicale 2024, 22 décembre 2024' } },
      ],
    },
  ],
  changements: [
    {
      id: 'avenant3_cds_2020',
      date: '2020-09-03',
      libelle: 'Avenant 3 à l’accord national des centres de santé (JO 3 sept. 2020) : revalorisation du CAI annoncée, nouveau montant non trouvé (la source 004, postérieure, indique toujours 30 000 / 25 000 €)',
      concerne: ['cai.montant_etp_tranche1', 'cai.montant_etp_tranche2', 'cai.plafond'],
    },
    {
      id: 'avenant5_cds_2024',
      date: '2024-03-15',
      libelle: 'Avenant 5 à l’accord national des centres de santé (JO 15 mars 2024) : indicateurs modifiés (5e stagiaire, SAS supprimé)',
      concerne: ['aci.'],
    },
    {
      id: 'accord_national_cds_2025',
      date: '2025-08-28',
      libelle: 'Nouvel accord national des centres de santé signé le 28 août 2025 : montants CAI, COSCO, CST et indicateurs possiblement modifiés, non connus',
      concerne: ['cai.', 'cosco.', 'cst.', 'aci.'],
    },
    {
      id: 'aides_installation_2026',
      date: '2026-01-01',
      libelle: 'Contrats d’installation des médecins libéraux remplacés le 1er janvier 2026 par des aides ponctuelles (10 000 € en ZIP, 5 000 € en ZAC) ; application aux CDS inconnue',
      concerne: ['cai.'],
    },
  ],
};

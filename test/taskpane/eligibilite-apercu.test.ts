import { INDICATEURS_ACI } from '../../src/rules/regles/aci-indicateurs';
import { BAREME_PAR_DEFAUT } from '../../src/rules/bareme/donnees';
import { apercuMontants } from '../../src/taskpane/apercu';
import { eligibilite, eligibiliteCentre } from '../../src/taskpane/eligibilite-centre';
import { indicateursParDefaut, versScenario } from '../../src/taskpane/formulaire';
import { AUJOURDHUI, cds, medecin } from './aides';

const B = BAREME_PAR_DEFAUT;
const elig = (etat: Parameters<typeof versScenario>[0], aide: Parameters<typeof eligibilite>[2]) => eligibilite(versScenario(etat), B, aide)!;

describe('éligibilité par aide, avec le motif', () => {
  it('CDS en ZIP créé il y a 6 mois, CAI signé avant 2026 : éligible ; COSCO pas avant la 2e année, donc après le 31/12/2025', () => {
    // Créé le 01/06/2025, simulation au 01/12/2025 : CAI signé par défaut au début, moins d'un an après la création.
    const etat = cds({ dateCreation: '2025-06-01', debut: '2025-12-01', membreCptsEsp: true });
    expect(elig(etat, 'CAI')).toMatchObject({ statut: 'eligible', aPartirDu: '2025-12-01' });
    expect(elig(etat, 'CAI').motif).toBe('centre créé le 01/06/2025, moins d’un an avant la signature (01/12/2025), en ZIP (Politique régionale des centres de santé, ARS Bretagne, §2.1)');
    // COSCO : au plus tôt le 01/06/2026 (2e année), quand les contrats ne se signent plus.
    const cosco = elig(etat, 'COSCO');
    expect(cosco.statut).toBe('non_eligible');
    expect(cosco.motif).toMatch(/^signé le 01\/06\/2026 : contrat de stabilisation et de coordination \(COSCO\) : plus de signature possible au 01\/06\/2026/);
    // Un centre créé un an plus tôt signe son COSCO au début de la simulation, en 2025 : éligible.
    expect(elig(cds({ dateCreation: '2024-06-01', debut: '2025-12-01', membreCptsEsp: true }), 'COSCO')).toMatchObject({ statut: 'eligible', aPartirDu: '2025-12-01' });
  });

  it('CAI signé le 31/12/2025 : régime des contrats ; signé le 01/01/2026 : remplacé par l’aide automatique', () => {
    const signe = (signatureCai: string) => elig(cds({ dateCreation: '2025-06-01', debut: '2025-12-01', signatureCai }), 'CAI');
    expect(signe('31/12/2025')).toMatchObject({ statut: 'eligible', aPartirDu: '2025-12-31' });
    const remplace = signe('01/01/2026');
    expect(remplace.statut).toBe('non_eligible');
    expect(remplace.motif).toMatch(/^signé le 01\/01\/2026 : contrat d’aide à l’installation \(CAI\) : plus de signature possible au 01\/01\/2026/);
    expect(remplace.motif).toContain('remplacés par l’aide automatique');
    expect(remplace.motif).toContain('L’accompagnement des centres de santé, ARS Hauts-de-France');
    // L'aide automatique prend le relais au 1er janvier 2026, montants non publiés.
    const aide = elig(cds({ dateCreation: '2025-06-01', debut: '2025-12-01' }), 'AIDE_CDS');
    expect(aide).toMatchObject({ statut: 'eligible', aPartirDu: '2026-01-01', libelle: 'Aide démographique automatique des centres de santé' });
    expect(aide.motif).toBe('centre de santé en ZIP ou en ZAC, par ETP éligible, à partir du 01/01/2026 ; montants non publiés (L’accompagnement des centres de santé, ARS Hauts-de-France)');
  });

  it('CDS en ZIP créé il y a 2 ans : CAI refusé avec le motif ; COSCO éligible s’il est membre d’une CPTS, refusé sinon', () => {
    const avecCpts = cds({ dateCreation: '2023-12-01', debut: '2025-12-01', membreCptsEsp: true });
    const cai = elig(avecCpts, 'CAI');
    expect(cai.statut).toBe('non_eligible');
    expect(cai.motif).toMatch(/^centre créé le 01\/12\/2023, plus d’un an avant la signature \(01\/12\/2025\)/);
    expect(cai.motif).toContain('(Politique régionale des centres de santé, ARS Bretagne, §2.1)');
    expect(elig(avecCpts, 'COSCO').statut).toBe('eligible');
    const sansCpts = elig({ ...avecCpts, membreCptsEsp: false }, 'COSCO');
    expect(sansCpts.statut).toBe('non_eligible');
    expect(sansCpts.motif).toMatch(/CPTS ou d’une ESP/);
  });

  it('centre dentaire ou infirmier devenant polyvalent, en ZIP : CAI éligible ; COSCO dans les 2 ans de sa demande', () => {
    const polyvalent = (dateDemandePolyvalent: string) => cds({ type: 'cds_devenant_polyvalent', dateCreation: '2010-01-01', debut: '2025-12-01', membreCptsEsp: true, dateDemandePolyvalent });
    expect(elig(polyvalent(''), 'CAI').statut).toBe('eligible');
    // Demande le 01/03/2024 : signature au début de la simulation (01/12/2025), avant le 01/03/2026.
    expect(elig(polyvalent('01/03/2024'), 'COSCO')).toMatchObject({ statut: 'eligible', aPartirDu: '2025-12-01' });
    // Demande le 01/03/2023 : le 01/12/2025 est plus de 2 ans après.
    const tard = elig(polyvalent('01/03/2023'), 'COSCO');
    expect(tard.statut).toBe('non_eligible');
    expect(tard.motif).toMatch(/signature \(01\/12\/2025\) plus de 2 ans après sa demande de devenir polyvalent \(01\/03\/2023\)/);
  });

  it('hors zone : CST seulement avec au moins 10 jours par an en ZIP (paramètre du barème), signé avant 2026', () => {
    const hz = (joursCstParAn: string, patch = {}) => cds({ zone: 'HZ', debut: '2025-12-01', medecins: [medecin({ joursCstParAn, honorairesCstAnnuels: '120000' })], ...patch });
    const refus = elig(hz('9'), 'CST');
    expect(refus.statut).toBe('non_eligible');
    expect(refus.motif).toContain('9 jour(s) par an');
    expect(refus.motif).toContain('au moins 10 exigés');
    const dix = hz('10');
    expect(elig(dix, 'CST')).toMatchObject({ statut: 'eligible', aPartirDu: '2025-12-01' });
    // Les aides de ZIP sont refusées par la zone, avec la condition et la source.
    for (const aide of ['CAI', 'COSCO', '400POSTES', 'AIDE_CDS'] as const) {
      const l = elig(dix, aide);
      expect(l.statut).toBe('non_eligible');
      expect(l.motif).toMatch(/non accessible en hors zone/);
    }
    // Le même CST signé le 01/01/2026 : remplacé.
    expect(elig(hz('10', { signatureCst: '01/01/2026' }), 'CST').motif).toMatch(/^signé le 01\/01\/2026 : contrat de solidarité territoriale \(CST\) : plus de signature possible/);
  });

  it('ZIP : CST refusé par la zone ; personne sur un poste 400 postes → « non demandée », pas « refusée »', () => {
    const etat = cds({ medecins: [medecin({ joursCstParAn: '20' })] });
    expect(elig(etat, 'CST')).toMatchObject({ statut: 'non_eligible' });
    expect(elig(etat, 'CST').motif).toMatch(/non accessible en zone d’intervention prioritaire/);
    expect(elig(etat, '400POSTES').statut).toBe('non_demande');
  });

  it('ZAC : 400 postes éligible pour un médecin sur un poste, CAI refusé', () => {
    const etat = cds({ zone: 'ZAC', medecins: [medecin({ poste400: true })] });
    expect(elig(etat, '400POSTES').statut).toBe('eligible');
    expect(elig(etat, 'CAI').statut).toBe('non_eligible');
  });

  it('QPV, repère ajouté au zonage : hors zone en QPV, 400 postes éligible mais pas le CAI ; en ZIP et en QPV, CAI éligible', () => {
    const horsZone = cds({ zone: 'HZ', qpv: true, dateCreation: '2025-06-01', debut: '2025-12-01', medecins: [medecin({ poste400: true })] });
    expect(elig(horsZone, '400POSTES').statut).toBe('eligible');
    expect(elig(horsZone, 'CAI').motif).toMatch(/^contrat d’aide à l’installation \(CAI\) non accessible en hors zone, en QPV : centre situé en ZIP/);
    expect(elig({ ...horsZone, qpv: false }, '400POSTES').statut).toBe('non_eligible');
    expect(elig({ ...horsZone, zone: 'ZIP' }, 'CAI').statut).toBe('eligible');
  });

  it('aide SIP d’un centre de santé (formation et licences) : ZIP, ZAC, QPV ou île ; refusée hors zone sans QPV ni île', () => {
    const sip = (patch: Parameters<typeof cds>[0]) => elig(cds({ sipDemandee: true, sipNbProfessionnels: '8', sipMontantDevis: '20000', ...patch }), 'SIP');
    expect(sip({ zone: 'ZAC' })).toMatchObject({ statut: 'eligible', motif: 'centre de santé en ZIP, en QPV, sur une île ou en ZAC : formation et tout ou partie des licences (Politique régionale des centres de santé, ARS Bretagne, §3.2)' });
    const horsZone = sip({ zone: 'HZ' });
    expect(horsZone.statut).toBe('non_eligible');
    expect(horsZone.motif).toMatch(/^aide au système d’information partagé \(SIP\) non accessible en hors zone : centre en ZIP, en QPV, sur une île ou en ZAC/);
    expect(sip({ zone: 'HZ', ile: true }).statut).toBe('eligible');
    expect(sip({ zone: 'HZ', qpv: true }).statut).toBe('eligible');
    // Sans demande, la ligne dit « non demandée » là où la zone le permet, « non éligible » là où elle l'interdit.
    expect(elig(cds(), 'SIP').statut).toBe('non_demande');
    expect(elig(cds({ zone: 'HZ' }), 'SIP').statut).toBe('non_eligible');
    expect(elig(cds({ zone: 'HZ', ile: true }), 'SIP').statut).toBe('non_demande');
  });

  it('MSP : SIP éligible, contrats des CDS et aide automatique refusés', () => {
    const msp = cds({ type: 'msp', sipNbProfessionnels: '12', sipMontantDevis: '40000' });
    expect(elig(msp, 'SIP').statut).toBe('eligible');
    expect(elig(msp, 'CAI')).toMatchObject({ statut: 'non_eligible' });
    expect(elig(msp, 'AIDE_CDS').motif).toMatch(/^aide automatique : réservé aux centres de santé/);
  });

  it('ACI et accord national : exclusifs, la ligne dit lequel', () => {
    expect(elig(cds({ adhesion: 'accord_national', patientele: '3000' }), 'ACI').motif).toMatch(/accord national.*exclusif de l’ACI/);
    expect(elig(cds({ adhesion: 'aci', patientele: '3000' }), 'ACI').motif).toMatch(/exclusif de l’accord national/);
    expect(elig(cds(), 'ACI').statut).toBe('non_demande');
  });

  it('sans dates valides, rien n’est conclu', () => {
    expect(eligibiliteCentre(versScenario(cds({ dateCreation: '' })), B)).toEqual([]);
  });
});

describe('aperçu des versements : une vue du grand livre', () => {
  it('CDS en ZIP de 6 mois, un médecin « 400 postes » : par aide, par financeur et par année ; l’aide automatique « montant non publié »', () => {
    // Début le 01/12/2025 sur 2 ans. CAI signé le 01/12/2025 pour 1 ETP : 30 000 €, 15 000 € à la signature puis 15 000 € un an après.
    // 400 postes temps plein : min(9 500 ; 9 070) − 7 000 = 2 070 € par mois, 12 mois par année → 24 840 €.
    const etat = cds({ dateCreation: '2025-06-01', debut: '2025-12-01', horizonAnnees: '2', medecins: [medecin({ libelle: 'Dr A', poste400: true })] });
    const a = apercuMontants(versScenario(etat), B);
    expect(a.erreur).toBeUndefined();
    expect(a.lignes.map((l) => [l.cle, l.financeur, l.annees, l.total])).toEqual([
      ['CAI', 'CPAM', [15000, 15000], 30000],
      ['400POSTES.0', 'ARS', [24840, 24840], 49680],
    ]);
    expect(a.lignes[0].statut).toBe('a_confirmer'); // répartition 50/50 des deux versements
    expect(a.totaux).toEqual({ CPAM: { annees: [15000, 15000], total: 30000 }, ARS: { annees: [24840, 24840], total: 49680 }, AIDES: { annees: [39840, 39840], total: 79680 } });
    // Aide automatique pour l'année civile 2026, versée le 31/12/2026 (2e année de simulation) : montant non publié, hors des totaux.
    // (L'année 2027 serait versée le 31/12/2027, après la fin de l'horizon, le 30/11/2027.)
    expect(a.nonPublies.map((l) => [l.aide, l.libelle, l.financeur, l.date, l.annee, l.parametre])).toEqual([
      ['AIDE_CDS', 'Aide automatique CDS — année 2026', 'CPAM', '2026-12-31', 1, 'cds.aide_automatique.medical.zip'],
    ]);
    expect(a.nonPublies[0].message).toMatch(/^Montant non publié/);
  });

  it('400 postes renouvelé au terme des 2 ans : la garantie court 48 mois au lieu de 24', () => {
    const horizon5 = (renouvellement400: boolean) => apercuMontants(versScenario(cds({
      dateCreation: '2025-06-01', debut: '2025-12-01', horizonAnnees: '5', medecins: [medecin({ poste400: true, renouvellement400 })],
    })), B).lignes.find((l) => l.aide === '400POSTES')!;
    // 2 070 € par mois : 24 mois = 49 680 € ; renouvelé, 48 mois = 99 360 €, 24 840 € par année les 4 premières années.
    expect(horizon5(false)).toMatchObject({ annees: [24840, 24840, 0, 0, 0], total: 49680 });
    expect(horizon5(true)).toMatchObject({ annees: [24840, 24840, 24840, 24840, 0], total: 99360 });
  });

  it('consultations par mois : la garantie d’un mois n’est due qu’au seuil d’activité (100 puis 165 × quotité)', () => {
    const garantie = (patch: Parameters<typeof medecin>[0]) => apercuMontants(versScenario(cds({
      zone: 'ZAC', dateCreation: '2025-06-01', debut: '2025-12-01', horizonAnnees: '2', medecins: [medecin({ poste400: true, ...patch })],
    })), B).lignes.find((l) => l.aide === '400POSTES')!;
    // Temps plein, 150 consultations : seuil 100 les 3 premiers mois (3 × 2 070 = 6 210 €), puis 165 non atteint.
    expect(garantie({ consultationsParMois: '150' })).toMatchObject({ annees: [6210, 0], total: 6210 });
    expect(garantie({ consultationsParMois: '165' })).toMatchObject({ total: 49680 });
    // Mi-temps à 60 % : plafond 9 070 × 0,6 = 5 442 €, garantie 5 442 − 4 000 = 1 442 € ; seuils 60 puis 99.
    const mi = { quotite: '0,6', coutSalarialMensuel: '6000', honorairesMensuels: '4000' };
    expect(garantie({ ...mi, consultationsParMois: '99' })).toMatchObject({ annees: [17304, 17304], total: 34608 });
    expect(garantie({ ...mi, consultationsParMois: '98' })).toMatchObject({ annees: [4326, 0], total: 4326 });
    // Sans consultations saisies, la contrepartie n'est pas vérifiée (24 × 1 442 €).
    expect(garantie(mi)).toMatchObject({ total: 34608 });
  });

  it('ACI : les points du SI niveau standard suivent le nombre de professionnels (500 + 200 × 16 + 150 × 4 = 4 300 pour 20)', () => {
    const aci = (aciNbProfessionnels: string) => {
      const indicateurs = indicateursParDefaut('aci', '2026-01-01').map((i) => ({ ...i, atteint: i.nature === 'socle_prerequis' }));
      return apercuMontants(versScenario(cds({ dateCreation: '2020-01-01', debut: '2026-01-01', horizonAnnees: '2', adhesion: 'aci', patientele: '4000', aciNbProfessionnels, indicateurs })), B)
        .lignes.find((l) => l.aide === 'ACI')!;
    };
    // 20 professionnels. 2026 (prérequis atteints) : (800 + 1 000 + 4 300 + 1 700 × 4 000 / 4 000) × 7 € = 7 800 × 7 = 54 600 €.
    // Avance (socles à 100 %) : (800 + 1 000 + 100 + 4 300 + 100 + 100) fixes + (1 700 + 1 000 + 350) variables = 9 450 points
    // × 7 € = 66 150 € × 60 % = 39 690 €, au 01/04/2026 ; en 2027 : solde 2026 (54 600 − 39 690 = 14 910 €) et avance 2027 (39 690 €).
    expect(aci('20')).toMatchObject({ annees: [39690, 54600], total: 94290 });
    // 16 professionnels : 500 + 200 × 16 = 3 700 points ; 7 200 × 7 = 50 400 € ; avance 8 850 × 7 × 60 % = 37 170 €.
    expect(aci('16')).toMatchObject({ annees: [37170, 50400], total: 87570 });
  });

  it('MSP : aide SIP de 27 000 € (plafond hypothétique signalé), 80 % puis 20 % dans l’année', () => {
    const a = apercuMontants(versScenario(cds({ type: 'msp', dateCreation: '2024-01-01', debut: '2026-04-01', horizonAnnees: '1', sipNbProfessionnels: '12', sipMontantDevis: '40000' })), B);
    expect(a.lignes).toHaveLength(1);
    expect(a.lignes[0]).toMatchObject({ aide: 'SIP', financeur: 'ARS', annees: [27000], total: 27000, statut: 'hypothese' });
    expect(a.nonPublies).toEqual([]);
  });

  it('barème sans valeur à la date du scénario : le message du moteur, aucun montant', () => {
    const a = apercuMontants(versScenario(cds({ dateCreation: '2010-01-01', debut: '2010-01-01', medecins: [medecin({ poste400: true })] })), B);
    expect(a.lignes).toEqual([]);
    expect(a.nonPublies).toEqual([]);
    expect(a.erreur).toBe('date : aucune valeur du barème « 400 postes : durée du contrat » au 01/01/2010 (valeurs connues : du 06/02/2019 sans fin connue)');
  });

  it('accord national : points en 2025, puis rémunération en euros non publiée à partir de 2026', () => {
    const indicateurs = indicateursParDefaut('accord_national', '2025-01-01').map((i, k) => ({ ...i, atteint: k < 2, pointsFixes: k < 2 ? '500' : '', pointsVariables: k < 2 ? '0' : '' }));
    const a = apercuMontants(versScenario(cds({ dateCreation: '2020-01-01', debut: '2025-01-01', horizonAnnees: '3', adhesion: 'accord_national', patientele: '4000', indicateurs })), B);
    // (500 + 500) points × 7 € = 7 000 € pour 2025 : avance 7 000 € (minimum 12 000 € borné au montant), le 01/04/2025 ; solde 0 €.
    expect(a.lignes.find((l) => l.aide === 'ACI')).toMatchObject({ annees: [7000, 0, 0], total: 7000 });
    expect(a.avertissements.some((t) => t.startsWith('Accord national des centres de santé (2015) : valeurs des points non publiées'))).toBe(true);
    // 2026 : rémunération en euros de l'accord de 2025, versée le 30/04/2027 (3e année), non publiée.
    expect(a.nonPublies.filter((l) => l.aide === 'ACI').map((l) => [l.date, l.annee, l.parametre])).toEqual([
      ['2027-04-30', 2, 'cds.accord_national_2025.remuneration_forfaitaire_annuelle'],
    ]);
  });
});

describe('liste des indicateurs', () => {
  it('indicateurs datés : ceux de l’avenant 1 (2022) absents avant, points de l’accord national à saisir', () => {
    const ids = (d: string) => indicateursParDefaut('aci', d).map((i) => i.id);
    expect(ids('2022-08-02')).not.toContain('aci.crises');
    expect(ids('2022-08-03')).toContain('aci.crises');
    // Trois socles prérequis seulement (FEMASIF, REGLES.md §8) : leur atteinte conditionne la rémunération.
    expect(indicateursParDefaut('aci', '2026-12-01').filter((i) => i.prerequis).map((i) => i.libelle)).toEqual([
      'Horaires d’ouverture et soins non programmés', 'Fonction de coordination', 'Système d’information niveau standard',
    ]);
    // Socles (base de l'avance) : protocoles, concertation, SI avancé, crises ; le reste est optionnel.
    const aci = indicateursParDefaut('aci', '2026-12-01');
    expect(aci.filter((i) => i.nature === 'socle').map((i) => i.id)).toEqual(['aci.protocoles', 'aci.concertation', 'aci.si_avance', 'aci.crises']);
    expect(aci.filter((i) => i.nature === 'optionnel')).toHaveLength(aci.length - 7);
    expect(aci.every((i) => i.prerequis === (i.nature === 'socle_prerequis'))).toBe(true);
    expect(indicateursParDefaut('accord_national', '2026-12-01').every((i) => i.pointsFixes === '' && i.pointsVariables === '')).toBe(true);
    // Aucune valeur en points n'est énoncée par une source du projet : toutes sont à confirmer ou à saisir.
    expect(INDICATEURS_ACI.filter((i) => i.statut === 'confirme').map((i) => i.id)).toEqual([]);
    expect(INDICATEURS_ACI.every((i) => i.source.document && i.source.section && /^\d{4}-\d{2}-\d{2}$/.test(i.du))).toBe(true);
  });
});

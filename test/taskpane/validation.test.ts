import { BAREME_PAR_DEFAUT } from '../../src/rules/bareme/donnees';
import { eligibiliteScenario } from '../../src/rules/scenario/eligibilite';
import type { Scenario } from '../../src/rules/scenario/types';
import { apercuMontants } from '../../src/taskpane/apercu';
import { versScenario, depuisScenario, indicateursParDefaut, nouveauConge } from '../../src/taskpane/formulaire';
import { lireDateFr, lireNombreFr } from '../../src/taskpane/nombres';
import { validerFormulaire } from '../../src/taskpane/validation';
import { cds, medecin } from './aides';

describe('lecture des nombres à la française', () => {
  it.each([
    ['1,5', 1.5], ['0.6', 0.6], ['12 345,67', 12345.67], ['9\u00a0070 €', 9070], ['-3', -3], [',5', 0.5],
  ])('« %s » → %p', (texte, attendu) => expect(lireNombreFr(texte)).toBe(attendu));
  it.each(['', 'abc', '1,2,3', '1e5', '12 345,67 $', 'NaN', 'Infinity'])('« %s » n’est pas un nombre', (texte) => expect(lireNombreFr(texte)).toBeNull());
});

describe('lecture des dates saisies', () => {
  it.each([
    ['01/09/2026', '2026-09-01'], ['1/9/2026', '2026-09-01'], [' 29/02/2028 ', '2028-02-29'], ['2026-09-01', '2026-09-01'],
  ])('« %s » → %s', (texte, iso) => expect(lireDateFr(texte)).toBe(iso));
  it.each(['', '31/02/2027', '29/02/2027', '09/2026', '2026-13-01', '01-09-2026', 'demain'])('« %s » n’est pas une date', (texte) => expect(lireDateFr(texte)).toBeNull());
});

describe('validation du formulaire, champ par champ', () => {
  it('un centre complet est valide', () => {
    expect(validerFormulaire(cds())).toEqual({});
  });

  it('quotité 1,5 refusée avec la plage attendue', () => {
    const e = validerFormulaire(cds({ medecins: [medecin({ quotite: '1,5' })] }));
    expect(e['medecins.0.quotite']).toBe('Quotité : nombre dans ]0 ; 1] attendu (reçu : 1,5)');
  });

  it('quotité 0 refusée (borne exclue), 1 et 0,5 acceptées', () => {
    expect(validerFormulaire(cds({ medecins: [medecin({ quotite: '0' })] }))['medecins.0.quotite']).toBe('Quotité : nombre dans ]0 ; 1] attendu (reçu : 0)');
    expect(validerFormulaire(cds({ medecins: [medecin({ quotite: '1' })] }))['medecins.0.quotite']).toBeUndefined();
    expect(validerFormulaire(cds({ medecins: [medecin({ quotite: '0,5' })] }))['medecins.0.quotite']).toBeUndefined();
  });

  it('montants négatifs ou illisibles refusés, en nommant le champ', () => {
    const e = validerFormulaire(cds({ medecins: [medecin({ coutSalarialMensuel: '-100', honorairesMensuels: 'beaucoup' })] }));
    expect(e['medecins.0.coutSalarialMensuel']).toBe('Coût salarial mensuel chargé (€) : nombre ≥ 0 attendu (reçu : -100)');
    expect(e['medecins.0.honorairesMensuels']).toBe('Honoraires mensuels attendus (€) : nombre ≥ 0 attendu (reçu : « beaucoup »)');
  });

  it('nom obligatoire, FINESS à 9 chiffres s’il est donné', () => {
    expect(validerFormulaire(cds({ nom: '  ' })).nom).toBe('Nom du centre : obligatoire');
    expect(validerFormulaire(cds({ finess: '29012345' })).finess).toBe('FINESS : 9 chiffres attendus (reçu : « 29012345 »)');
    expect(validerFormulaire(cds({ finess: '29A123456' })).finess).toMatch(/^FINESS : 9 chiffres attendus/);
    expect(validerFormulaire(cds({ finess: '290 123 456' })).finess).toBeUndefined();
    expect(validerFormulaire(cds({ finess: '' })).finess).toBeUndefined();
  });

  it('dates et horizon', () => {
    expect(validerFormulaire(cds({ dateCreation: '' })).dateCreation).toBe('Date de création : obligatoire (date JJ/MM/AAAA attendue)');
    expect(validerFormulaire(cds({ debut: '30/02/2026' })).debut).toBe('Début de la simulation : date JJ/MM/AAAA attendue (reçu : « 30/02/2026 »)');
    expect(validerFormulaire(cds({ debut: '01/12/2026' })).debut).toBeUndefined();
    expect(validerFormulaire(cds({ horizonAnnees: '0' })).horizonAnnees).toBe('Horizon (années) : entier dans [1 ; 10] attendu (reçu : 0)');
    expect(validerFormulaire(cds({ horizonAnnees: '2,5' })).horizonAnnees).toBe('Horizon (années) : entier dans [1 ; 10] attendu (reçu : 2,5)');
    expect(validerFormulaire(cds({ horizonAnnees: '10' })).horizonAnnees).toBeUndefined();
    // Bornes des dates d'Excel et du scénario : du 01/03/1900 au 31/12/2100.
    expect(validerFormulaire(cds({ debut: '01/01/1800' })).debut).toBe('Début de la simulation : date entre le 01/03/1900 et le 31/12/2100 attendue (reçu : 01/01/1800)');
    expect(validerFormulaire(cds({ debut: '31/12/2100' })).debut).toBeUndefined();
    expect(validerFormulaire(cds({ dateCreation: '01/03/1900' })).dateCreation).toBeUndefined();
  });

  it('contrats déjà signés : dates facultatives JJ/MM/AAAA, pas avant la création du centre', () => {
    expect(validerFormulaire(cds({ dateCreation: '01/06/2025', signatureCai: '', signatureCosco: '', signatureCst: '' }))).toEqual({});
    const e = validerFormulaire(cds({ dateCreation: '01/06/2025', signatureCai: '31/02/2025', signatureCosco: '31/05/2025', signatureCst: '01/06/2025' }));
    expect(e.signatureCai).toBe('Signature du CAI : date JJ/MM/AAAA attendue (reçu : « 31/02/2025 »)');
    expect(e.signatureCosco).toBe('Signature du COSCO : date postérieure ou égale à la création du centre (01/06/2025) attendue');
    expect(e.signatureCst).toBeUndefined();
    // Une MSP n'a pas de contrats démographiques : les champs ne sont ni montrés ni contrôlés.
    expect(validerFormulaire(cds({ type: 'msp', medecins: [], sipNbProfessionnels: '12', sipMontantDevis: '40000', signatureCai: 'n’importe quoi' }))).toEqual({});
  });

  it('centre devenant polyvalent : date de la demande facultative, pas avant la création', () => {
    const polyvalent = (dateDemandePolyvalent: string) => validerFormulaire(cds({ type: 'cds_devenant_polyvalent', dateCreation: '01/01/2010', dateDemandePolyvalent })).dateDemandePolyvalent;
    expect(polyvalent('')).toBeUndefined();
    expect(polyvalent('01/03/2024')).toBeUndefined();
    expect(polyvalent('2024-13-01')).toBe('Demande pour devenir polyvalent : date JJ/MM/AAAA attendue (reçu : « 2024-13-01 »)');
    expect(polyvalent('31/12/2009')).toBe('Demande pour devenir polyvalent : date postérieure ou égale à la création du centre (01/01/2010) attendue');
    // Pour un autre type de centre, le champ n'existe pas.
    expect(validerFormulaire(cds({ dateDemandePolyvalent: 'x' })).dateDemandePolyvalent).toBeUndefined();
  });

  it('au moins un médecin pour un centre de santé, aucun pour une MSP', () => {
    expect(validerFormulaire(cds({ medecins: [] })).medecins).toBe('Médecins : au moins un médecin salarié est attendu pour un centre de santé');
    const msp = cds({ type: 'msp', medecins: [], sipNbProfessionnels: '12', sipMontantDevis: '40000' });
    expect(validerFormulaire(msp)).toEqual({});
  });

  it('centre de santé : l’aide SIP, si elle est demandée, est contrôlée comme celle d’une MSP', () => {
    expect(validerFormulaire(cds({ sipNbProfessionnels: '0' })).sipNbProfessionnels).toBeUndefined();
    const e = validerFormulaire(cds({ sipDemandee: true, sipNbProfessionnels: '0', sipMontantDevis: '' }));
    expect(e.sipNbProfessionnels).toBe('Nombre de professionnels : entier ≥ 1 attendu (reçu : 0)');
    expect(e.sipMontantDevis).toBe('Montant des devis validés (€) : obligatoire (nombre ≥ 0 attendu)');
  });

  it('MSP : nombre de professionnels entier ≥ 1, devis ≥ 0 ; pas d’accord national', () => {
    const e = validerFormulaire(cds({ type: 'msp', sipNbProfessionnels: '0', sipMontantDevis: '', adhesion: 'accord_national', patientele: '100' }));
    expect(e.sipNbProfessionnels).toBe('Nombre de professionnels : entier ≥ 1 attendu (reçu : 0)');
    expect(e.sipMontantDevis).toBe('Montant des devis validés (€) : obligatoire (nombre ≥ 0 attendu)');
    expect(e.adhesion).toBe('Adhésion : l’accord national concerne les centres de santé ; une MSP adhère à l’ACI');
  });

  it('congé : fin avant le début refusée ; montants du congé contrôlés', () => {
    const conge = { ...nouveauConge('01/03/2027'), fin: '01/02/2027', salaireCharge: '7200', indemnitesJournalieres: '-1' };
    const e = validerFormulaire(cds({ medecins: [medecin({ poste400: true, conges: [conge] })] }));
    expect(e['medecins.0.conges.0.fin']).toBe('Fin du congé (Médecin 1) : date postérieure ou égale au début attendue');
    expect(e['medecins.0.conges.0.indemnitesJournalieres']).toBe('Indemnités journalières perçues (€) : nombre ≥ 0 attendu (reçu : -1)');
  });

  it('ACI : patientèle obligatoire, points d’un indicateur atteint obligatoires', () => {
    const e = validerFormulaire(cds({
      adhesion: 'aci', patientele: '',
      indicateurs: [
        { id: 'x', libelle: 'Satisfaction des patients', prerequis: false, nature: 'optionnel', pointsFixes: '', pointsVariables: '', atteint: true },
        { id: 'y', libelle: 'Missions de santé publique', prerequis: false, nature: 'optionnel', pointsFixes: '', pointsVariables: '', atteint: false },
      ],
    }));
    expect(e.patientele).toBe('Patientèle médecin traitant : obligatoire (entier ≥ 0 attendu)');
    expect(e['indicateurs.0.pointsFixes']).toBe('Points fixes (Satisfaction des patients) : obligatoire (nombre ≥ 0 attendu)');
    expect(e['indicateurs.1.pointsFixes']).toBeUndefined();
  });

  it('ACI : nombre de professionnels facultatif, entier ≥ 1 ; saisi, il remplace les points fixes du SI niveau standard', () => {
    const si = { id: 'aci.si_standard', libelle: 'Système d’information niveau standard', prerequis: true, nature: 'socle_prerequis' as const, pointsFixes: '', pointsVariables: '0', atteint: true };
    const aci = (aciNbProfessionnels: string) => validerFormulaire(cds({ adhesion: 'aci', patientele: '4000', aciNbProfessionnels, indicateurs: [si] }));
    expect(aci('')['indicateurs.0.pointsFixes']).toBe('Points fixes (Système d’information niveau standard) : obligatoire (nombre ≥ 0 attendu)');
    expect(aci('20')).toEqual({});
    expect(aci('0').aciNbProfessionnels).toBe('Nombre de professionnels de la structure : entier ≥ 1 attendu (reçu : 0)');
    expect(aci('2,5').aciNbProfessionnels).toBe('Nombre de professionnels de la structure : entier ≥ 1 attendu (reçu : 2,5)');
    // L'accord national n'a pas d'indicateur par professionnel : le champ n'y est ni montré ni contrôlé.
    expect(validerFormulaire(cds({ adhesion: 'accord_national', patientele: '4000', aciNbProfessionnels: '0' })).aciNbProfessionnels).toBeUndefined();
  });
});

describe('formulaire ↔ scénario', () => {
  it('convertit les saisies françaises et revient au même formulaire', () => {
    const etat = cds({
      finess: '290 000 017',
      medecins: [medecin({ quotite: '0,6', poste400: true, conges: [{ debut: '2027-03-01', fin: '2027-06-30', salaireCharge: '7 200', indemnitesJournalieres: '2900', salaireMaintenu: true }] })],
    });
    const s = versScenario(etat);
    expect(s.centre.finess).toBe('290000017');
    expect(s.medecins[0]).toMatchObject({ quotite: 0.6, coutSalarialMensuel: 9500, poste400: true });
    expect(s.medecins[0].conges[0]).toEqual({ debut: '2027-03-01', fin: '2027-06-30', salaireCharge: 7200, indemnitesJournalieres: 2900, salaireMaintenu: true });
    const retour = depuisScenario(s);
    expect(retour.medecins[0].quotite).toBe('0,6');
    expect(retour.dateCreation).toBe('01/06/2025');
    expect(retour.medecins[0].conges[0].fin).toBe('30/06/2027');
    expect(versScenario(retour)).toEqual(s);
  });

  it('garde à la relecture les champs facultatifs du plan de financement', () => {
    const msp = versScenario(cds({ type: 'msp', sipNbProfessionnels: '12', sipMontantDevis: '40000', sipDateConvention: '01/03/2027', sipDateCloture: '31/12/2027', adhesion: 'aci', patientele: '4000', aciDateSignature: '15/01/2027' }));
    expect(msp.sip).toEqual({ nbProfessionnels: 12, montantDevis: 40000, dateConvention: '2027-03-01', dateCloture: '2027-12-31' });
    expect(msp.aci?.dateSignature).toBe('2027-01-15');
    expect(versScenario(depuisScenario(msp))).toEqual(msp);
    const centre = versScenario(cds({ medecins: [medecin({ consultationsParMois: '120' })] }));
    expect(centre.medecins[0].consultationsParMois).toBe(120);
    expect(versScenario(depuisScenario(centre))).toEqual(centre);
    expect(versScenario(cds()).medecins[0]).not.toHaveProperty('consultationsParMois');
    expect(validerFormulaire(cds({ type: 'msp', sipNbProfessionnels: '3', sipMontantDevis: '1', sipDateConvention: '01/03/2027', sipDateCloture: '01/02/2027' })).sipDateCloture)
      .toBe('PV d’installation : date postérieure ou égale à la signature de la convention attendue');
  });

  it('relit les champs de 2026 : QPV, île, demande de devenir polyvalent, contrats signés, renouvellement, professionnels, nature', () => {
    const indicateurs = indicateursParDefaut('aci', '2025-12-01').map((i) => ({ ...i, atteint: i.nature === 'socle_prerequis' }));
    const etat = cds({
      type: 'cds_devenant_polyvalent', zone: 'ZAC', qpv: true, ile: true, dateCreation: '01/01/2010', dateDemandePolyvalent: '01/03/2024',
      signatureCai: '15/09/2025', signatureCosco: '', signatureCst: '01/10/2025', debut: '01/12/2025',
      medecins: [medecin({ poste400: true, renouvellement400: true, honorairesMensuels: '', consultationsParMois: '140' })],
      sipDemandee: true, sipNbProfessionnels: '8', sipMontantDevis: '20000',
      adhesion: 'aci', patientele: '4000', aciNbProfessionnels: '20', indicateurs,
    });
    const s = versScenario(etat);
    expect(s.centre).toMatchObject({ zone: 'ZAC', qpv: true, ile: true, dateDemandePolyvalent: '2024-03-01' });
    expect(s.contrats).toEqual({ cai: '2025-09-15', cst: '2025-10-01' });
    expect(s.medecins[0]).toMatchObject({ poste400: true, renouvellement400: true, consultationsParMois: 140 });
    expect(s.medecins[0]).not.toHaveProperty('honorairesMensuels');
    expect(s.sip).toEqual({ nbProfessionnels: 8, montantDevis: 20000 });
    expect(s.aci?.nbProfessionnels).toBe(20);
    expect(s.aci?.indicateurs.find((i) => i.id === 'aci.crises')).toMatchObject({ nature: 'socle', prerequis: false });
    expect(s.aci?.indicateurs.find((i) => i.id === 'aci.stagiaires')).toMatchObject({ nature: 'optionnel' });
    const retour = depuisScenario(s);
    expect(retour).toMatchObject({ zone: 'ZAC', qpv: true, ile: true, dateDemandePolyvalent: '01/03/2024', signatureCai: '15/09/2025', signatureCosco: '', signatureCst: '01/10/2025', sipDemandee: true, aciNbProfessionnels: '20' });
    expect(retour.medecins[0].renouvellement400).toBe(true);
    expect(versScenario(retour)).toEqual(s);
    // Cases décochées et champs vides : rien n'est écrit (le scénario reste celui d'avant 2026).
    const simple = versScenario(cds());
    expect(simple.centre).not.toHaveProperty('qpv');
    expect(simple.centre).not.toHaveProperty('ile');
    expect(simple).not.toHaveProperty('contrats');
    expect(simple).not.toHaveProperty('sip');
    expect(simple.medecins[0]).not.toHaveProperty('renouvellement400');
    // La date de demande et le renouvellement n'ont de sens que pour un centre devenant polyvalent et un poste 400 postes.
    expect(versScenario(cds({ dateDemandePolyvalent: '01/03/2024' })).centre).not.toHaveProperty('dateDemandePolyvalent');
    expect(versScenario(cds({ medecins: [medecin({ renouvellement400: true })] })).medecins[0]).not.toHaveProperty('renouvellement400');
  });

  it('ancienne zone « QPV » : relue « hors zone, en QPV », réécrite ainsi, même éligibilité et mêmes montants', () => {
    const ancien: Scenario = {
      version: 1,
      centre: { nom: 'CDS de Lorient', type: 'cds_medical', zone: 'QPV', dateCreation: '2025-06-01', membreCptsEsp: true },
      simulation: { debut: '2025-12-01', horizonAnnees: 2 },
      medecins: [{ libelle: 'Dr A', quotite: 1, coutSalarialMensuel: 9500, honorairesMensuels: 7000, poste400: true, conges: [], joursCstParAn: 0, honorairesCstAnnuels: 0 }],
    };
    const etat = depuisScenario(ancien);
    expect([etat.zone, etat.qpv, etat.ile]).toEqual(['HZ', true, false]);
    const nouveau = versScenario(etat);
    expect(nouveau.centre).toMatchObject({ zone: 'HZ', qpv: true });
    expect(nouveau.centre).not.toHaveProperty('ile');
    expect(eligibiliteScenario(nouveau, BAREME_PAR_DEFAUT)).toEqual(eligibiliteScenario(ancien, BAREME_PAR_DEFAUT));
    // En QPV : 400 postes éligible (2 070 € par mois, 24 mois = 49 680 €) ; hors ZIP : ni CAI ni COSCO.
    expect(eligibiliteScenario(nouveau, BAREME_PAR_DEFAUT).filter((e) => e.eligible).map((e) => e.aide)).toEqual(['400POSTES']);
    expect(apercuMontants(nouveau, BAREME_PAR_DEFAUT)).toEqual(apercuMontants(ancien, BAREME_PAR_DEFAUT));
    expect(apercuMontants(nouveau, BAREME_PAR_DEFAUT).totaux.ARS.total).toBe(49680);
  });

  it('indicateurs d’un scénario sans nature : celle du moteur (prérequis, sinon la liste datée)', () => {
    const ind = (id: string, prerequis: boolean) => ({ id, libelle: id, prerequis, pointsFixes: 0, pointsVariables: 0, atteint: false });
    const s = versScenario(cds({ adhesion: 'aci', patientele: '4000' }));
    s.aci!.indicateurs = [ind('aci.coordination', true), ind('aci.crises', false), ind('aci.stagiaires', false), ind('saisi.par.l.utilisateur', false)];
    expect(depuisScenario(s).indicateurs.map((i) => i.nature)).toEqual(['socle_prerequis', 'socle', 'optionnel', 'optionnel']);
  });

  it('une MSP n’écrit ni médecins ni accord national, mais sa demande SIP', () => {
    const s = versScenario(cds({ type: 'msp', sipNbProfessionnels: '12', sipMontantDevis: '40000' }));
    expect(s.medecins).toEqual([]);
    expect(s.sip).toEqual({ nbProfessionnels: 12, montantDevis: 40000 });
    expect(s.aci).toBeUndefined();
  });
});

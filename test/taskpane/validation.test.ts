import { versScenario, depuisScenario, nouveauConge } from '../../src/taskpane/formulaire';
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
  });

  it('au moins un médecin pour un centre de santé, aucun pour une MSP', () => {
    expect(validerFormulaire(cds({ medecins: [] })).medecins).toBe('Médecins : au moins un médecin salarié est attendu pour un centre de santé');
    const msp = cds({ type: 'msp', medecins: [], sipNbProfessionnels: '12', sipMontantDevis: '40000' });
    expect(validerFormulaire(msp)).toEqual({});
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
        { id: 'x', libelle: 'Satisfaction des patients', prerequis: false, pointsFixes: '', pointsVariables: '', atteint: true },
        { id: 'y', libelle: 'Missions de santé publique', prerequis: false, pointsFixes: '', pointsVariables: '', atteint: false },
      ],
    }));
    expect(e.patientele).toBe('Patientèle médecin traitant : obligatoire (entier ≥ 0 attendu)');
    expect(e['indicateurs.0.pointsFixes']).toBe('Points fixes (Satisfaction des patients) : obligatoire (nombre ≥ 0 attendu)');
    expect(e['indicateurs.1.pointsFixes']).toBeUndefined();
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
    expect(retour.dateCreation).toBe('01/06/2026');
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

  it('une MSP n’écrit ni médecins ni accord national, mais sa demande SIP', () => {
    const s = versScenario(cds({ type: 'msp', sipNbProfessionnels: '12', sipMontantDevis: '40000' }));
    expect(s.medecins).toEqual([]);
    expect(s.sip).toEqual({ nbProfessionnels: 12, montantDevis: 40000 });
    expect(s.aci).toBeUndefined();
  });
});

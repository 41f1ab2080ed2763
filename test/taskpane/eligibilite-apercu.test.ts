import { INDICATEURS_ACI } from '../../src/rules/regles/aci-indicateurs';
import { BAREME_PAR_DEFAUT } from '../../src/rules/bareme/donnees';
import { apercuMontants } from '../../src/taskpane/apercu';
import { eligibilite, eligibiliteCentre } from '../../src/taskpane/eligibilite-centre';
import { indicateursParDefaut, versScenario } from '../../src/taskpane/formulaire';
import { AUJOURDHUI, cds, medecin } from './aides';

const B = BAREME_PAR_DEFAUT;
const elig = (etat: Parameters<typeof versScenario>[0], aide: Parameters<typeof eligibilite>[2]) => eligibilite(versScenario(etat), B, aide)!;

describe('éligibilité par aide, avec le motif', () => {
  it('CDS en ZIP créé il y a 6 mois : CAI éligible ; COSCO à partir de la 2e année si CPTS', () => {
    const etat = cds({ dateCreation: '2026-06-01', debut: '2026-12-01', membreCptsEsp: true });
    expect(elig(etat, 'CAI')).toMatchObject({ statut: 'eligible' });
    expect(elig(etat, 'CAI').motif).toContain('01/06/2026');
    expect(elig(etat, 'COSCO')).toMatchObject({ statut: 'eligible', aPartirDu: '2027-06-01' });
    expect(elig(etat, 'COSCO').motif).toContain('01/06/2027');
  });

  it('CDS en ZIP créé il y a 2 ans : CAI refusé avec le motif ; COSCO éligible s’il est membre d’une CPTS, refusé sinon', () => {
    const avecCpts = cds({ dateCreation: '2024-12-01', debut: '2026-12-01', membreCptsEsp: true });
    const cai = elig(avecCpts, 'CAI');
    expect(cai.statut).toBe('non_eligible');
    expect(cai.motif).toMatch(/créé le 01\/12\/2024, plus d’un an avant le début de la simulation/);
    expect(cai.motif).toContain('004 §2.1');
    expect(elig(avecCpts, 'COSCO').statut).toBe('eligible');
    const sansCpts = elig({ ...avecCpts, membreCptsEsp: false }, 'COSCO');
    expect(sansCpts.statut).toBe('non_eligible');
    expect(sansCpts.motif).toMatch(/CPTS ou d’une ESP/);
  });

  it('centre dentaire ou infirmier devenant polyvalent, en ZIP, créé il y a longtemps : CAI éligible', () => {
    expect(elig(cds({ type: 'cds_devenant_polyvalent', dateCreation: '2010-01-01' }), 'CAI').statut).toBe('eligible');
  });

  it('hors zone : CST seulement avec au moins 10 jours par an en ZIP (paramètre du barème)', () => {
    const neuf = cds({ zone: 'HZ', medecins: [medecin({ joursCstParAn: '9', honorairesCstAnnuels: '120000' })] });
    const refus = elig(neuf, 'CST');
    expect(refus.statut).toBe('non_eligible');
    expect(refus.motif).toContain('9 jour(s) par an');
    expect(refus.motif).toContain('au moins 10 exigés');
    const dix = cds({ zone: 'HZ', medecins: [medecin({ joursCstParAn: '10', honorairesCstAnnuels: '120000' })] });
    expect(elig(dix, 'CST').statut).toBe('eligible');
    // Les aides de ZIP sont refusées par la zone, avec la condition et la source.
    for (const aide of ['CAI', 'COSCO', '400POSTES'] as const) {
      const l = elig(dix, aide);
      expect(l.statut).toBe('non_eligible');
      expect(l.motif).toMatch(/non accessible en hors zone/);
    }
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

  it('MSP : SIP éligible, contrats des CDS refusés ; CDS : SIP refusé', () => {
    const msp = cds({ type: 'msp', sipNbProfessionnels: '12', sipMontantDevis: '40000' });
    expect(elig(msp, 'SIP').statut).toBe('eligible');
    expect(elig(msp, 'CAI')).toMatchObject({ statut: 'non_eligible' });
    expect(elig(cds(), 'SIP').statut).toBe('non_eligible');
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

describe('aperçu des montants (fonctions du catalogue)', () => {
  const montant = (lignes: ReturnType<typeof apercuMontants>, debut: string) => lignes.find((l) => l.libelle.startsWith(debut))?.montant;

  it('CDS de 6 mois en ZIP, 2 ETP dont un 400 postes à 60 % avec un congé maternité', () => {
    const etat = cds({
      membreCptsEsp: true,
      medecins: [
        medecin({ libelle: 'Dr A', quotite: '1', coutSalarialMensuel: '9500', honorairesMensuels: '7000', poste400: true }),
        medecin({
          libelle: 'Dr B', quotite: '0,6', coutSalarialMensuel: '6000', honorairesMensuels: '4000', poste400: true,
          conges: [{ debut: '2027-03-01', fin: '2027-06-30', salaireCharge: '7200', indemnitesJournalieres: '2900', salaireMaintenu: true }],
        }),
        medecin({ libelle: 'Dr C', quotite: '0,4' }),
      ],
    });
    const l = apercuMontants(versScenario(etat), B, AUJOURDHUI);
    // 2 ETP : 30 000 + 25 000 (REGLES.md, exemple) ; deux versements à 50 % (à confirmer).
    expect(montant(l, 'CAI pour 2 ETP')).toBe(55000);
    expect(montant(l, 'CAI, 1er versement')).toBe(27500);
    expect(montant(l, 'CAI, 2nd versement')).toBe(27500);
    expect(l.find((x) => x.libelle.startsWith('CAI, 1er'))?.statut).toBe('a_confirmer');
    // COSCO : 5 000 € × 2 ETP par an, dès le 01/06/2027.
    expect(montant(l, 'COSCO pour 2 ETP (dès le 01/06/2027)')).toBe(10000);
    // 400 postes : temps plein 9 500 / 7 000 → 2 070 ; 60 % : min(6 000 ; 5 442) − 4 000 = 1 442.
    expect(montant(l, 'Garantie 400 postes — Dr A')).toBe(2070);
    expect(montant(l, 'Garantie 400 postes — Dr B')).toBe(1442);
    expect(montant(l, 'Congé 1 — Dr B')).toBe(4300);
    expect(l.find((x) => x.libelle === 'Garantie 400 postes — Dr B')?.formule).toBe('=SIP.GARANTIE400(6000 ; 4000 ; 0,6 ; 46357)');
    expect(l.every((x) => x.aide !== 'CST')).toBe(true);
  });

  it('ACI : tous les prérequis atteints, patientèle 6 000 ; un prérequis manquant → 0', () => {
    const indicateurs = indicateursParDefaut('aci', '2026-12-01').map((i) => ({ ...i, atteint: i.prerequis }));
    const etat = cds({ adhesion: 'aci', patientele: '6000', indicateurs });
    // Fixes : 800 + 1 000 + 100 + 0 + 500 + 100 = 2 500 ; variables : 1 700 + 1 000 = 2 700.
    // (2 500 + 2 700 × 6 000 / 4 000) × 7 € = 6 550 × 7 = 45 850 €.
    expect(montant(apercuMontants(versScenario(etat), B, AUJOURDHUI), 'Rémunération ACI')).toBe(45850);
    const manque = { ...etat, indicateurs: indicateurs.map((i) => (i.id === 'aci.horaires' ? { ...i, atteint: false } : i)) };
    expect(montant(apercuMontants(versScenario(manque), B, AUJOURDHUI), 'Rémunération ACI')).toBe(0);
  });

  it('hors zone : CST de 10 % des honoraires plafonné par ETP', () => {
    const etat = cds({ zone: 'HZ', medecins: [medecin({ libelle: 'Dr D', joursCstParAn: '12', honorairesCstAnnuels: '250000' })] });
    const l = apercuMontants(versScenario(etat), B, AUJOURDHUI);
    expect(montant(l, 'CST — Dr D')).toBe(20000);
    expect(l.map((x) => x.aide)).toEqual(['CST']);
  });

  it('MSP : aide SIP = min(devis, plafond) avec le plafond hypothétique signalé', () => {
    const l = apercuMontants(versScenario(cds({ type: 'msp', sipNbProfessionnels: '12', sipMontantDevis: '40000' })), B, AUJOURDHUI);
    expect(l).toHaveLength(1);
    expect(l[0]).toMatchObject({ montant: 27000, statut: 'hypothese', financeur: 'ARS' });
  });
});

describe('accord national et liste des indicateurs', () => {
  it('accord national : montant calculé au point de l’ACI, signalé comme hypothèse', () => {
    const indicateurs = indicateursParDefaut('accord_national', '2026-12-01').map((i, k) => ({ ...i, atteint: k < 2, pointsFixes: k < 2 ? '500' : '', pointsVariables: k < 2 ? '0' : '' }));
    const l = apercuMontants(versScenario(cds({ adhesion: 'accord_national', patientele: '4000', indicateurs })), B, AUJOURDHUI);
    const an = l.find((x) => x.aide === 'ACI')!;
    // (500 + 500) points fixes × 7 € = 7 000 €.
    expect(an).toMatchObject({ montant: 7000, statut: 'hypothese' });
    expect(an.avertissements).toContain('Hypothèse : la valeur du point de l’accord national n’est pas publiée ; celle de l’ACI est appliquée.');
  });

  it('indicateurs datés : ceux de l’avenant 1 (2022) absents avant, points de l’accord national à saisir', () => {
    const ids = (d: string) => indicateursParDefaut('aci', d).map((i) => i.id);
    expect(ids('2022-08-02')).not.toContain('aci.crises');
    expect(ids('2022-08-03')).toContain('aci.crises');
    expect(indicateursParDefaut('aci', '2026-12-01').filter((i) => i.prerequis).map((i) => i.libelle)).toEqual([
      'Horaires d’ouverture et soins non programmés', 'Fonction de coordination', 'Protocoles pluri-professionnels',
      'Concertation pluri-professionnelle formalisée et régulière', 'Système d’information niveau standard', 'Système d’information niveau avancé',
    ]);
    expect(indicateursParDefaut('accord_national', '2026-12-01').every((i) => i.pointsFixes === '' && i.pointsVariables === '')).toBe(true);
    // Seules les valeurs de l'ACI MSP publiées au JO (avenant 1) sont confirmées (REGLES.md §4).
    expect(INDICATEURS_ACI.filter((i) => i.statut === 'confirme').map((i) => i.id)).toEqual(['aci.coordination', 'aci.protocoles']);
    expect(INDICATEURS_ACI.every((i) => i.source.document && i.source.section && /^\d{4}-\d{2}-\d{2}$/.test(i.du))).toBe(true);
  });
});

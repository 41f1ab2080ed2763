// Le barème daté : données (fichiers JSON), lecture à une date, montants non publiés, anciens
// identifiants, avertissements de changements connus, indicateurs de l'ACI.
import { BAREME_PAR_DEFAUT } from '../../src/rules/bareme/donnees';
import { ErreurParametreNonPublie, LecteurBareme, trouverValeur } from '../../src/rules/bareme/lecture';
import { Bareme } from '../../src/rules/bareme/types';
import { caiTotal, cosco } from '../../src/rules/regles/cds';
import { INDICATEURS_ACI, indicateursDe } from '../../src/rules/regles/aci-indicateurs';
import { Decimal } from '../../src/rules/decimal';
import { ErreurRegle } from '../../src/rules/erreurs';
import { erreur, explication } from '../aide-test';

const valeurAu = (id: string, date: string) => trouverValeur(BAREME_PAR_DEFAUT, id, date).valeur;

/** L'erreur levée par une lecture (échoue si la lecture réussit). */
function erreurLecture(lire: () => unknown): ErreurRegle {
  try {
    lire();
  } catch (e) {
    if (e instanceof ErreurRegle) return e;
    throw e;
  }
  throw new Error('la lecture devait échouer');
}

describe('données du barème', () => {
  test('chaque valeur a une source, un statut et une période valide, sans chevauchement', () => {
    for (const p of BAREME_PAR_DEFAUT.parametres) {
      expect(p.libelle).not.toBe('');
      const tri = [...p.valeurs].sort((a, b) => a.du.localeCompare(b.du));
      tri.forEach((v, i) => {
        expect(['confirme', 'a_confirmer', 'hypothese']).toContain(v.statut);
        expect(v.source.document).not.toBe('');
        expect(v.source.section).not.toBe('');
        if (v.au) expect(v.au >= v.du).toBe(true);
        if (i > 0) expect(tri[i - 1].au !== null && tri[i - 1].au! < v.du).toBe(true);
      });
    }
  });
  test('identifiants uniques', () => {
    const ids = BAREME_PAR_DEFAUT.parametres.map((p) => p.id);
    expect(new Set(ids).size).toBe(ids.length);
  });
  test('les identifiants d’avant le passage aux fichiers de données existent toujours (classeurs existants)', () => {
    const ids = new Set(BAREME_PAR_DEFAUT.parametres.map((p) => p.id));
    for (const id of [
      'sip.plafond.base', 'sip.plafond.par_professionnel', 'sip.plafond.maximum', 'sip.versement.part_convention',
      'sip.calendrier.mois_convention', 'sip.calendrier.mois_solde', 'sip.calendrier.annees_avant_solde', 'sip.delai_solde_mois',
      'cai.montant_etp_tranche1', 'cai.fin_tranche1_etp', 'cai.montant_etp_tranche2', 'cai.fin_tranche2_etp', 'cai.plafond',
      'cai.part_premier_versement', 'cai.delai_second_versement_mois', 'cosco.montant_etp_an', 'cst.taux_honoraires',
      'cst.plafond_etp_an', 'cst.jours_minimum_zip', 'postes400.plafond_mensuel_temps_plein', 'postes400.seuil_initial',
      'postes400.mois_seuil_initial', 'postes400.seuil_courant', 'postes400.duree_mois', 'aci.valeur_point',
      'aci.patientele_reference', 'aci.taux_avance', 'aci.avance_minimum', 'aci.delai_avance_nouvel_adherent_mois',
      'aci.mois_echeance_annuelle', 'tarif.consultation_g',
    ]) {
      expect(ids).toContain(id);
    }
  });
  test('tarif de la consultation G selon la date ; 30 € confirmé par ameli.fr depuis le 22/12/2024', () => {
    expect(valeurAu('tarif.consultation_g', '2023-10-31')).toMatchObject({ valeur: '25', statut: 'a_confirmer' });
    expect(valeurAu('tarif.consultation_g', '2023-11-01')).toMatchObject({ valeur: '26.5', statut: 'a_confirmer' });
    expect(valeurAu('tarif.consultation_g', '2024-12-21').valeur).toBe('26.5');
    expect(valeurAu('tarif.consultation_g', '2024-12-22')).toMatchObject({ valeur: '30', statut: 'confirme', source: { document: 'ameli_convention_medicale_2024' } });
    expect(() => trouverValeur(BAREME_PAR_DEFAUT, 'tarif.consultation_g', '2017-04-30')).toThrow(/aucune valeur/);
  });
  test('SIP : 80 % à la signature confirmé à partir de l’appel 2023 seulement (l’appel 2017 ne le dit pas)', () => {
    expect(valeurAu('sip.versement.part_convention', '2022-12-31')).toMatchObject({ valeur: '0.8', statut: 'a_confirmer', source: { document: 'interpretation_simulateur' } });
    expect(valeurAu('sip.versement.part_convention', '2023-01-01')).toMatchObject({ valeur: '0.8', statut: 'confirme', source: { document: 'aap_sip_2023' } });
    expect(valeurAu('sip.calendrier.mois_convention', '2020-06-01').statut).toBe('a_confirmer');
    expect(valeurAu('sip.calendrier.mois_convention', '2024-06-01').statut).toBe('confirme');
  });
  test('ACI : minimum d’avance de 12 000 € depuis l’avenant 1 (JO 3 août 2022), aucun avant', () => {
    expect(valeurAu('aci.avance_minimum', '2022-08-02')).toMatchObject({ valeur: '0', au: '2022-08-02' });
    expect(valeurAu('aci.avance_minimum', '2022-08-03')).toMatchObject({ valeur: '12000', statut: 'a_confirmer', source: { document: 'apmsl_aci' } });
  });
  test('contrats CDS : valeurs sans fin connue (les contrats signés jusqu’au 31/12/2025 vont à leur terme)', () => {
    for (const id of ['cai.montant_etp_tranche1', 'cosco.montant_etp_an', 'cst.plafond_etp_an']) {
      expect(valeurAu(id, '2027-06-01')).toMatchObject({ du: '2018-10-20', au: null, statut: 'confirme' });
    }
    expect(BAREME_PAR_DEFAUT.changements.find((c) => c.id === 'contrats_cds_remplaces_2026')).toMatchObject({
      date: '2026-01-01', concerne: ['cai.', 'cosco.', 'cst.'], source: { document: 'ars_hdf_centres_sante' },
    });
    expect(BAREME_PAR_DEFAUT.changements.map((c) => c.id)).not.toContain('avenant3_cds_2020');
  });
});

describe('montants non publiés (aide automatique CDS et accord national de 2026)', () => {
  const AIDE = 'cds.aide_automatique.polyvalent.zip';

  test('#N/A « montant non publié » qui nomme le paramètre et dit où saisir la valeur', () => {
    const e = erreurLecture(() => new LecteurBareme(BAREME_PAR_DEFAUT, '2026-06-01').valeur(AIDE));
    expect(e).toBeInstanceOf(ErreurParametreNonPublie);
    expect(e.code).toBe('#N/A');
    expect((e as ErreurParametreNonPublie).parametreNonPublie).toBe(AIDE);
    expect(e.message).toBe(
      'Montant non publié : « Aide démographique automatique (accord national 2025) : montant par ETP éligible, centre polyvalent en ZIP » ' +
        '(cds.aide_automatique.polyvalent.zip) n’a pas de valeur publiée au 01/06/2026. ' +
        'Saisissez la valeur publiée (avec sa date et sa source) dans la feuille « Barème » du classeur.',
    );
    // Jamais lu comme « aucune » (qui voudrait dire : pas de plafond).
    expect(() => new LecteurBareme(BAREME_PAR_DEFAUT, '2026-06-01').valeurOuAucune(AIDE)).toThrow(ErreurParametreNonPublie);
  });

  test('six montants (polyvalent, médical, infirmier × ZIP, ZAC) et la rémunération en euros de l’accord national', () => {
    const nonPublies = BAREME_PAR_DEFAUT.parametres.filter((p) => p.valeurs.some((v) => v.nonPublie)).map((p) => p.id);
    expect(nonPublies).toEqual([
      'cds.aide_automatique.polyvalent.zip', 'cds.aide_automatique.polyvalent.zac',
      'cds.aide_automatique.medical.zip', 'cds.aide_automatique.medical.zac',
      'cds.aide_automatique.infirmier.zip', 'cds.aide_automatique.infirmier.zac',
      'cds.accord_national_2025.remuneration_forfaitaire_annuelle',
    ]);
    for (const id of nonPublies) expect(valeurAu(id, '2026-01-01')).toMatchObject({ valeur: null, nonPublie: true, statut: 'a_confirmer', au: null });
    // Avant le 1er janvier 2026, le dispositif n'existe pas : « aucune valeur », pas « non publié ».
    expect(erreurLecture(() => new LecteurBareme(BAREME_PAR_DEFAUT, '2025-12-31').valeur(AIDE)).message).toMatch(/^date : aucune valeur du barème/);
  });

  test('SIP.PARAMETRE rend la même erreur', () => {
    const e = erreur('PARAMETRE', AIDE);
    expect(e).toBeInstanceOf(ErreurParametreNonPublie);
    expect(e.message).toMatch(/^Montant non publié : « Aide démographique automatique/);
  });

  test('une valeur publiée saisie par l’utilisateur est lue', () => {
    const b: Bareme = structuredClone(BAREME_PAR_DEFAUT);
    const p = b.parametres.find((x) => x.id === AIDE)!;
    p.valeurs = [{ valeur: '12500', du: '2026-01-01', au: null, statut: 'confirme', source: { document: 'Arrêté publié', section: 'annexe' } }];
    expect(new LecteurBareme(b, '2026-06-01').valeur(AIDE).toNumber()).toBe(12500);
  });
});

describe('lecture', () => {
  test('un ancien identifiant (alias) lit le paramètre renommé, noté sous son nouvel identifiant', () => {
    const b: Bareme = structuredClone(BAREME_PAR_DEFAUT);
    const p = b.parametres.find((x) => x.id === 'cai.plafond')!;
    p.id = 'cai.montant_maximal';
    p.alias = ['cai.plafond'];
    const l = new LecteurBareme(b, '2024-01-01');
    expect(l.valeur('cai.plafond').toNumber()).toBe(80000);
    expect(l.valeur('cai.montant_maximal').toNumber()).toBe(80000);
    expect(l.utilises.map((u) => u.id)).toEqual(['cai.montant_maximal']);
    expect(caiTotal(b, { etp: new Decimal(5), date: '2024-01-01' }).valeur.toNumber()).toBe(80000);
  });

  test('lectures gardées : même fiche et mêmes avertissements d’un lecteur à l’autre, erreurs comprises', () => {
    const a = new LecteurBareme(BAREME_PAR_DEFAUT, '2026-03-01');
    const b = new LecteurBareme(BAREME_PAR_DEFAUT, '2026-03-01');
    a.valeur('cai.plafond');
    b.valeur('cai.plafond');
    expect(a.utilises[0]).toBe(b.utilises[0]);
    expect(a.avertissements).toEqual(b.avertissements);
    expect(a.avertissements).toHaveLength(2); // accord du 28/08/2025 et remplacement des contrats au 01/01/2026
    const e1 = erreurLecture(() => new LecteurBareme(BAREME_PAR_DEFAUT, '2010-01-01').valeur('cai.plafond'));
    const e2 = erreurLecture(() => new LecteurBareme(BAREME_PAR_DEFAUT, '2010-01-01').valeur('cai.plafond'));
    expect(e2).toBe(e1);
    expect(e1.message).toBe('date : aucune valeur du barème « CAI : montant maximal » au 01/01/2010 (valeurs connues : du 20/10/2018 sans fin connue)');
  });

  test('paramètre inconnu', () => {
    expect(erreurLecture(() => new LecteurBareme(BAREME_PAR_DEFAUT, '2024-01-01').valeur('cai.inconnu')).message).toBe('Paramètre de barème inconnu : cai.inconnu');
  });
});

describe('changements connus non chiffrés', () => {
  test('un CAI signé après le 28/08/2025 porte l’avertissement du nouvel accord ; signé en 2026 il est remplacé', () => {
    const a = caiTotal(BAREME_PAR_DEFAUT, { etp: new Decimal(2), date: '2025-12-01' }).explication.avertissements.join('\n');
    expect(a).toContain('28 août 2025');
    expect(() => caiTotal(BAREME_PAR_DEFAUT, { etp: new Decimal(2), date: '2026-02-01' })).toThrow(/remplacé le 01\/01\/2026 : contrats remplacés par l’aide automatique/);
  });
  test('un CAI calculé en 2019 ou en 2021 n’en porte aucun (plus d’« avenant 3 » sans source)', () => {
    expect(caiTotal(BAREME_PAR_DEFAUT, { etp: new Decimal(2), date: '2019-06-01' }).explication.avertissements).toEqual([]);
    expect(caiTotal(BAREME_PAR_DEFAUT, { etp: new Decimal(2), date: '2021-06-01' }).explication.avertissements).toEqual([]);
  });
  test('une valeur plus récente saisie par l’utilisateur lève l’avertissement', () => {
    const b: Bareme = structuredClone(BAREME_PAR_DEFAUT);
    const p = b.parametres.find((x) => x.id === 'cosco.montant_etp_an')!;
    p.valeurs[0].au = '2025-12-31';
    p.valeurs.push({ valeur: '6000', du: '2026-01-01', au: null, statut: 'a_confirmer', source: { document: 'Accord national 2025', section: 'saisie ARS' } });
    // Un contrat encore ouvert en 2026 (régime prolongé par l'utilisateur, pour l'exemple).
    b.parametres.find((x) => x.id === 'cosco.signature_ouverte')!.valeurs[1].valeur = '1';
    const r = cosco(b, { etp: new Decimal(1), annees: new Decimal(1), date: '2026-06-01' });
    expect(r.valeur.toNumber()).toBe(6000);
    expect(r.explication.avertissements).toEqual([]);
    expect(cosco(b, { etp: new Decimal(1), annees: new Decimal(1), date: '2025-09-01' }).explication.avertissements).toHaveLength(1);
  });
  test('le lecteur note chaque paramètre une fois', () => {
    const l = new LecteurBareme(BAREME_PAR_DEFAUT, '2026-01-01');
    l.valeur('aci.valeur_point');
    l.valeur('aci.valeur_point');
    expect(l.utilises).toHaveLength(1);
    expect(l.utilises[0]).toMatchObject({ id: 'aci.valeur_point', valeur: '7', statut: 'confirme', source: { document: 'ars_hdf_aci' } });
  });
});

describe('indicateurs de l’ACI et de l’accord national (aci.json)', () => {
  const aci = (d: string) => indicateursDe('aci', d);
  const par = (d: string, id: string) => aci(d).find((i) => i.id === id)!;

  test('exactement trois socles prérequis : horaires, fonction de coordination, SI niveau standard', () => {
    expect(INDICATEURS_ACI.filter((i) => i.prerequis).map((i) => i.id)).toEqual(['aci.horaires', 'aci.coordination', 'aci.si_standard']);
    expect(INDICATEURS_ACI.every((i) => i.prerequis === (i.nature === 'socle_prerequis'))).toBe(true);
    const nature = (n: string) => INDICATEURS_ACI.filter((i) => i.accord === 'aci' && i.nature === n).map((i) => i.id);
    expect(nature('socle')).toEqual(['aci.protocoles', 'aci.concertation', 'aci.si_avance', 'aci.crises']);
    expect(nature('optionnel')).toEqual([
      'aci.diversification', 'aci.accueil_cst', 'aci.sante_publique', 'aci.satisfaction', 'aci.stagiaires', 'aci.coordination_externe', 'aci.qualite', 'aci.usagers',
    ]);
    // Accord national (2015) : socles et optionnels de la politique régionale des centres de santé, aucun prérequis.
    expect(INDICATEURS_ACI.filter((i) => i.accord === 'accord_national' && i.nature === 'optionnel').map((i) => i.id)).toEqual([
      'an.publics_vulnerables', 'an.information', 'an.qualite', 'an.teletransmission', 'an.justificatif',
    ]);
    expect(INDICATEURS_ACI.some((i) => i.accord === 'accord_national' && i.prerequis)).toBe(false);
  });

  test('valeurs de l’avenant 1 à partir du 03/08/2022 seulement (aucune source pour les valeurs antérieures)', () => {
    expect(par('2022-08-02', 'aci.coordination')).toMatchObject({ pointsFixes: null, pointsVariables: null, statut: 'hypothese' });
    expect(par('2022-08-03', 'aci.coordination')).toMatchObject({ pointsFixes: 1000, pointsVariables: 1700, statut: 'a_confirmer' });
    expect(aci('2022-08-02').map((i) => i.id)).not.toContain('aci.crises');
    expect(par('2022-08-03', 'aci.crises')).toMatchObject({ pointsFixes: 100, pointsVariables: 350 });
  });

  test('indicateur seulement fixe ou seulement variable : l’autre partie vaut 0 ; sans paramètre, à saisir', () => {
    expect(par('2026-12-01', 'aci.horaires')).toMatchObject({ pointsFixes: 800, pointsVariables: 0 });
    expect(par('2026-12-01', 'aci.concertation')).toMatchObject({ pointsFixes: 0, pointsVariables: 1000 });
    expect(par('2026-12-01', 'aci.sante_publique')).toMatchObject({ pointsFixes: null, pointsVariables: null, statut: 'hypothese' });
    expect(indicateursDe('accord_national', '2026-12-01').every((i) => i.pointsFixes === null && i.pointsVariables === null)).toBe(true);
  });

  test('SI niveau standard : 500 points et une part par professionnel (200 jusqu’à 16, puis 150)', () => {
    expect(par('2026-12-01', 'aci.si_standard')).toMatchObject({
      pointsFixes: 500, pointsVariables: 0, parProfessionnel: { pointsJusquAuSeuil: 200, seuil: 16, pointsAuDelaDuSeuil: 150 },
    });
    expect(par('2026-12-01', 'aci.horaires').parProfessionnel).toBeNull();
  });

  test('les points sont lus dans le barème donné (un classeur peut les corriger)', () => {
    const b: Bareme = structuredClone(BAREME_PAR_DEFAUT);
    b.parametres.find((p) => p.id === 'aci.indicateur.coordination.points_fixes')!.valeurs[0].valeur = '1100';
    expect(indicateursDe('aci', '2026-12-01', b).find((i) => i.id === 'aci.coordination')!.pointsFixes).toBe(1100);
    expect(par('2026-12-01', 'aci.coordination').pointsFixes).toBe(1000);
  });
});

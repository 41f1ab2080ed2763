// Programme SIP de l'année : éligibilité, priorité, enveloppe, échéancier et totaux, sur des listes
// de candidatures construites à la main (valeurs calculées à la main avec le barème par défaut :
// plafond = 15 000 € + 1 000 € × professionnels, hypothèse ; 80 % en novembre, 20 % en mai n+1).
import { BAREME_PAR_DEFAUT } from '../../src/rules/bareme/donnees';
import { Bareme } from '../../src/rules/bareme/types';
import { ErreurRegle } from '../../src/rules/erreurs';
import { calculerProgramme, Candidature, ParametresAppel, Programme } from '../../src/rules/programme-sip';

function cand(nom: string, c: Partial<Candidature> = {}): Candidature {
  return {
    nom,
    nbProfessionnels: 10,
    montantDevis: 20000,
    projetSanteValide: true,
    aci: 'adherent',
    logicielLabellise: true,
    zone: 'ZIP',
    maturite: null,
    dateCandidature: null,
    ...c,
  };
}

const programme = (c: Candidature[], p: Partial<ParametresAppel> = {}) => calculerProgramme(BAREME_PAR_DEFAUT, c, { annee: 2023, enveloppe: 1_000_000, ...p });
const ligne = (p: Programme, nom: string) => p.lignes.find((l) => l.candidature.nom === nom)!;
const euros = (d: { toFixed(n: number): string }) => d.toFixed(2);
/** Les montants sont mis en forme avec des espaces insécables (12 345,67 €). */
const txt = (t: string) => t.replace(/\u00a0/g, ' ');
const ordre = (p: Programme) => p.lignes.filter((l) => l.rang !== null).map((l) => l.candidature.nom);

describe('éligibilité (001, conditions d’éligibilité)', () => {
  const p = programme([
    cand('Complète', { zone: 'HZ' }),
    cand('Sans projet', { projetSanteValide: false }),
    cand('Sans ACI', { aci: 'non' }),
    cand('Engagée', { aci: 'engagement' }),
    cand('Non labellisé', { logicielLabellise: false }),
    cand('Devis nul', { montantDevis: 0 }),
    cand('Tout manque', { projetSanteValide: false, aci: 'non', logicielLabellise: false }),
  ]);

  test('chaque condition non remplie est nommée, avec sa source', () => {
    expect(ligne(p, 'Sans projet').motifs.map((m) => m.code)).toEqual(['projet_sante']);
    expect(ligne(p, 'Sans projet').motifs[0].texte).toBe('projet de santé non validé par l’ARS (Appel à candidatures SIP 2023, ARS Bretagne, conditions d’éligibilité, 1er point)');
    expect(ligne(p, 'Sans ACI').motifs.map((m) => m.code)).toEqual(['aci']);
    expect(ligne(p, 'Sans ACI').motifs[0].texte).toContain('ni adhérente à l’ACI, ni engagée à y adhérer dans l’année');
    expect(ligne(p, 'Non labellisé').motifs.map((m) => m.code)).toEqual(['logiciel']);
    expect(ligne(p, 'Non labellisé').motifs[0].texte).toContain('logiciel non labellisé par l’ANS');
    expect(ligne(p, 'Devis nul').motifs.map((m) => m.code)).toEqual(['devis_nul']);
    expect(ligne(p, 'Tout manque').motifs.map((m) => m.code)).toEqual(['projet_sante', 'aci', 'logiciel']);
  });

  test('la zone n’est pas une condition ; l’engagement à l’ACI suffit', () => {
    expect(ligne(p, 'Complète')).toMatchObject({ eligible: true, motifs: [], decision: 'financee' });
    expect(ligne(p, 'Engagée')).toMatchObject({ eligible: true, decision: 'financee' });
  });

  test('une candidature non éligible n’a ni rang ni montant, et passe après les éligibles', () => {
    const l = ligne(p, 'Sans projet');
    expect(l).toMatchObject({ rang: null, decision: 'non_eligible', rangAttente: null, versementConvention: null });
    expect(euros(l.montantAttribue)).toBe('0.00');
    expect(l.justification).toBe('non éligible : projet de santé non validé par l’ARS (Appel à candidatures SIP 2023, ARS Bretagne, conditions d’éligibilité, 1er point)');
    expect(p.lignes.map((x) => x.eligible)).toEqual([true, true, false, false, false, false, false]);
    expect(p.totaux).toMatchObject({ nbCandidatures: 7, nbEligibles: 2, nbNonEligibles: 5 });
  });

  test('l’aide d’une candidature non éligible est calculée (affichée) mais n’entre pas dans la demande éligible', () => {
    expect(euros(ligne(p, 'Sans projet').aide.valeur)).toBe('20000.00');
    expect(euros(p.totaux.demandeEligible)).toBe('40000.00');
  });
});

describe('rang de priorité et départage', () => {
  const p = programme([
    cand('MSP Alpha', { aci: 'engagement', maturite: 9, zone: 'ZIP', dateCandidature: '2023-05-01' }),
    cand('MSP Bravo', { maturite: 1, zone: 'HZ' }),
    cand('MSP Charlie', { maturite: 3, zone: 'HZ', dateCandidature: '2023-06-01' }),
    cand('MSP Delta', { maturite: 3, zone: 'ZAC', dateCandidature: '2023-06-01' }),
    cand('MSP Echo', { maturite: 3, zone: 'QPV', dateCandidature: '2023-06-01' }),
    cand('MSP Foxtrot', { maturite: 3, zone: 'ZIP', dateCandidature: '2023-06-02' }),
    cand('MSP Golf', { maturite: 3, zone: 'ZIP', dateCandidature: '2023-06-01' }),
    cand('MSP Hôtel', { maturite: 3, zone: 'ZIP' }),
    cand('MSP Îles', { maturite: 3, zone: 'ZIP', dateCandidature: '2023-06-01' }),
    cand('MSP Juliett', { zone: 'ZIP', dateCandidature: '2023-01-01' }),
    cand('MSP Kilo', { aci: 'engagement', maturite: 2, zone: 'ZIP' }),
  ]);

  test('ACI adhérentes d’abord (même moins mûres), puis maturité, zone ZIP > QPV > ZAC > HZ, date, nom', () => {
    expect(ordre(p)).toEqual([
      'MSP Golf', // maturité 3, ZIP, 01/06, « Golf » < « Îles »
      'MSP Îles',
      'MSP Foxtrot', // 02/06
      'MSP Hôtel', // sans date : après les datées
      'MSP Echo', // QPV
      'MSP Delta', // ZAC
      'MSP Charlie', // HZ
      'MSP Bravo', // maturité 1
      'MSP Juliett', // sans maturité : dernière des adhérentes malgré sa date
      'MSP Alpha', // engagement, maturité 9
      'MSP Kilo', // engagement, maturité 2
    ]);
    expect(p.lignes.slice(0, 11).map((l) => l.rang)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]);
  });

  test('les critères de chaque candidature sont lisibles', () => {
    expect(ligne(p, 'MSP Golf').criteres).toBe('ACI : adhérente à l’ACI ; maturité : 3 ; zone : ZIP ; candidature du 01/06/2023');
    expect(ligne(p, 'MSP Juliett').criteres).toBe('ACI : adhérente à l’ACI ; maturité : non renseignée ; zone : ZIP ; candidature du 01/01/2023');
  });

  test('nom en ordre alphabétique français (accents, nombres), puis ordre du fichier', () => {
    const q = programme([cand('MSP Ferrière'), cand('MSP Émeraude'), cand('MSP 10'), cand('MSP 2'), cand('msp dupont'), cand('MSP Dupont')]);
    // « É » se classe comme « E » (et non après « F ») ; « 2 » avant « 10 » ; égalité de nom → ordre du fichier.
    expect(ordre(q)).toEqual(['MSP 2', 'MSP 10', 'msp dupont', 'MSP Dupont', 'MSP Émeraude', 'MSP Ferrière']);
  });

  test('la règle de classement et ses statuts sont énoncés', () => {
    expect(p.regleClassement).toHaveLength(5);
    expect(p.regleClassement[2]).toBe('3. fragilité de la zone : ZIP > QPV > ZAC > HZ (Appel à candidatures SIP 2017, ARS Bretagne, conditions d’éligibilité ; ordre à confirmer)');
    const zone = p.interpretations.find((i) => i.texte.includes('fragilité de la zone'))!;
    expect(zone).toMatchObject({ statut: 'a_confirmer', source: { document: 'aap_sip_2017' } });
    expect(p.interpretations[0]).toMatchObject({ statut: 'confirme', source: { document: 'aap_sip_2023' } });
  });
});

describe('enveloppe : financement, liste d’attente, financement partiel, nombre de sites', () => {
  // Aides : P1 min(30 000 ; 25 000) = 25 000 ; P2 min(40 000 ; 35 000) = 35 000 ; P3 min(45 000 ; 45 000) = 45 000 ;
  // P4 min(15 000,01 ; 27 000) = 15 000,01 ; P5 min(10 000 ; 23 000) = 10 000.
  const liste = [
    cand('P1', { maturite: 5, nbProfessionnels: 10, montantDevis: 30000 }),
    cand('P2', { maturite: 4, nbProfessionnels: 20, montantDevis: 40000 }),
    cand('P3', { maturite: 3, nbProfessionnels: 30, montantDevis: 45000 }),
    cand('P4', { maturite: 2, nbProfessionnels: 12, montantDevis: 15000.01 }),
    cand('P5', { aci: 'engagement', maturite: 5, nbProfessionnels: 8, montantDevis: 10000 }),
    cand('Hors course', { logicielLabellise: false, montantDevis: 1000 }),
  ];
  const decisions = (p: Programme) => p.lignes.map((l) => [l.candidature.nom, l.decision, euros(l.montantAttribue), l.rangAttente]);

  test('aide = min(devis ; plafond) par le moteur SIP', () => {
    const p = programme(liste);
    expect(['P1', 'P2', 'P3', 'P4', 'P5'].map((n) => euros(ligne(p, n).aide.valeur))).toEqual(['25000.00', '35000.00', '45000.00', '15000.01', '10000.00']);
    expect(txt(ligne(p, 'P1').aide.explication.calcul)).toContain('min(30 000 € ; plafond 25 000 €) = 25 000 €');
  });

  test('une candidature qui ne tient pas va en liste d’attente ; la suivante qui tient est financée', () => {
    const p = programme(liste, { enveloppe: 100000 });
    expect(decisions(p)).toEqual([
      ['P1', 'financee', '25000.00', null], // reste 75 000
      ['P2', 'financee', '35000.00', null], // reste 40 000
      ['P3', 'attente', '0.00', 1], // 45 000 > 40 000
      ['P4', 'financee', '15000.01', null], // reste 24 999,99
      ['P5', 'financee', '10000.00', null], // reste 14 999,99
      ['Hors course', 'non_eligible', '0.00', null],
    ]);
    expect(txt(ligne(p, 'P3').justification)).toBe('aide 45 000,00 € > reste de l’enveloppe 40 000,00 € : liste d’attente (pas de financement partiel) ; on passe à la candidature suivante');
    expect(txt(ligne(p, 'P4').justification)).toBe('aide 15 000,01 € ≤ reste de l’enveloppe 40 000,00 € : financée ; reste 24 999,99 €');
    expect([euros(ligne(p, 'P4').resteAvant!), euros(ligne(p, 'P4').resteApres!)]).toEqual(['40000.00', '24999.99']);
    expect(p.totaux).toMatchObject({ nbFinancees: 4, nbPartielles: 0, nbAttente: 1, nbNonEligibles: 1 });
    expect(euros(p.totaux.attribue)).toBe('85000.01');
    expect(euros(p.totaux.resteEnveloppe)).toBe('14999.99');
    expect(euros(p.totaux.demandeEligible)).toBe('130000.01');
  });

  test('financement partiel (option) : la première qui ne tient pas reçoit le reste, les suivantes attendent', () => {
    const p = programme(liste, { enveloppe: 100000, financementPartiel: true });
    expect(decisions(p).slice(0, 5)).toEqual([
      ['P1', 'financee', '25000.00', null],
      ['P2', 'financee', '35000.00', null],
      ['P3', 'partielle', '40000.00', null],
      ['P4', 'attente', '0.00', 1],
      ['P5', 'attente', '0.00', 2],
    ]);
    expect(txt(ligne(p, 'P3').justification)).toBe('aide 45 000,00 € > reste de l’enveloppe 40 000,00 € : financement partiel autorisé, 40 000,00 € attribués ; enveloppe épuisée');
    expect(txt(ligne(p, 'P4').justification)).toBe('aide 15 000,01 € > reste de l’enveloppe 0,00 € (enveloppe épuisée) : liste d’attente');
    // 80 % / 20 % sur le montant partiel.
    expect([euros(ligne(p, 'P3').versementConvention!.valeur), euros(ligne(p, 'P3').versementSolde!.valeur)]).toEqual(['32000.00', '8000.00']);
    expect(euros(p.totaux.resteEnveloppe)).toBe('0.00');
    expect(p.interpretations.some((i) => i.texte.includes('financement partiel autorisé'))).toBe(true);
  });

  test('une aide égale au reste de l’enveloppe est financée ; ensuite l’enveloppe est épuisée', () => {
    const p = programme(liste, { enveloppe: 60000 });
    expect(decisions(p).slice(0, 5).map((d) => d[1])).toEqual(['financee', 'financee', 'attente', 'attente', 'attente']);
    expect(txt(ligne(p, 'P2').justification)).toBe('aide 35 000,00 € ≤ reste de l’enveloppe 35 000,00 € : financée ; reste 0,00 €');
    expect(ligne(p, 'P5').rangAttente).toBe(3);
  });

  test('nombre maximal de sites', () => {
    const p = programme(liste, { enveloppe: 1_000_000, maxSites: 2 });
    expect(decisions(p).slice(0, 5).map((d) => d[1])).toEqual(['financee', 'financee', 'attente', 'attente', 'attente']);
    expect(txt(ligne(p, 'P3').justification)).toBe('nombre maximal de sites atteint (2) : liste d’attente');
    expect(euros(p.totaux.resteEnveloppe)).toBe('940000.00');
  });

  test('enveloppe nulle : tout le monde attend, aucun versement', () => {
    const p = programme(liste, { enveloppe: 0 });
    expect(p.totaux).toMatchObject({ nbFinancees: 0, nbAttente: 5, parMois: [], parAnnee: [] });
  });
});

describe('échéancier : mois de versement et totaux par mois et par année', () => {
  const liste = [
    cand('P1', { maturite: 5, nbProfessionnels: 10, montantDevis: 30000 }), // 25 000 → 20 000 + 5 000
    cand('P2', { maturite: 4, nbProfessionnels: 20, montantDevis: 40000 }), // 35 000 → 28 000 + 7 000
    cand('P4', { maturite: 2, nbProfessionnels: 12, montantDevis: 15000.01 }), // 15 000,01 → 12 000,01 + 3 000,00
    cand('P6', { maturite: 1, nbProfessionnels: 10, montantDevis: 22500.57 }), // 22 500,57 → 18 000,46 + 4 500,11
  ];

  test('80 % en novembre de l’année de l’appel, 20 % en mai de l’année suivante (001)', () => {
    const p = programme(liste, { annee: 2024 });
    expect(p.appel).toMatchObject({ moisConvention: '2024-11', moisSolde: '2025-05', dateBareme: '2024-01-01', origineCalendrier: { convention: 'bareme', solde: 'bareme' } });
    const l = ligne(p, 'P6');
    expect([euros(l.versementConvention!.valeur), euros(l.versementSolde!.valeur)]).toEqual(['18000.46', '4500.11']);
    expect(euros(ligne(p, 'P4').versementConvention!.valeur)).toBe('12000.01');
    expect(euros(ligne(p, 'P4').versementSolde!.valeur)).toBe('3000.00');
    expect(p.totaux.parMois.map((m) => [m.mois, euros(m.convention), euros(m.solde), euros(m.total)])).toEqual([
      ['2024-11', '78000.47', '0.00', '78000.47'], // 20 000 + 28 000 + 12 000,01 + 18 000,46
      ['2025-05', '0.00', '19500.11', '19500.11'], // 5 000 + 7 000 + 3 000 + 4 500,11
    ]);
    expect(p.totaux.parAnnee.map((a) => [a.annee, euros(a.total)])).toEqual([
      [2024, '78000.47'],
      [2025, '19500.11'],
    ]);
    // 80 % + 20 % = l'aide, au centime près.
    expect(euros(p.totaux.attribue)).toBe('97500.58');
  });

  test('mois saisis par l’utilisateur', () => {
    const p = programme(liste, { moisConvention: '2023-12', moisSolde: '2024-06' });
    expect(p.totaux.parMois.map((m) => m.mois)).toEqual(['2023-12', '2024-06']);
    expect(p.appel.origineCalendrier).toEqual({ convention: 'saisi', solde: 'saisi' });
  });

  test('calendrier lu au barème : une valeur de l’ARS remplace le défaut, sans code', () => {
    const bareme: Bareme = {
      ...BAREME_PAR_DEFAUT,
      parametres: BAREME_PAR_DEFAUT.parametres.map((par) =>
        par.id === 'sip.calendrier.annees_avant_solde' ? { ...par, valeurs: par.valeurs.map((v) => ({ ...v, valeur: '0' })) } : par.id === 'sip.calendrier.mois_solde' ? { ...par, valeurs: par.valeurs.map((v) => ({ ...v, valeur: '11' })) } : par,
      ),
    };
    const p = calculerProgramme(bareme, liste, { annee: 2023, enveloppe: 1_000_000 });
    expect(p.totaux.parMois.map((m) => [m.mois, euros(m.convention), euros(m.solde), euros(m.total)])).toEqual([['2023-11', '78000.47', '19500.11', '97500.58']]);
    expect(p.totaux.parAnnee.map((a) => [a.annee, euros(a.total)])).toEqual([[2023, '97500.58']]);
  });

  test('les paramètres utilisés sont listés avec leur statut ; l’hypothèse du plafond est signalée', () => {
    const p = programme(liste);
    const ids = p.parametres.map((x) => `${x.id}:${x.statut}`);
    expect(ids).toEqual(
      expect.arrayContaining([
        'sip.calendrier.mois_convention:confirme',
        'sip.calendrier.mois_solde:confirme',
        'sip.calendrier.annees_avant_solde:a_confirmer',
        'sip.plafond.base:hypothese',
        'sip.plafond.par_professionnel:hypothese',
        'sip.versement.part_convention:confirme',
      ]),
    );
    expect(p.avertissements.join('\n')).toContain('Hypothèse : les aides reposent sur des chiffres non publiés (sip.plafond.base = 15000 ; sip.plafond.par_professionnel = 1000');
  });
});

describe('paramètres de l’appel invalides : erreur qui nomme le paramètre', () => {
  const erreur = (p: Partial<ParametresAppel>) => {
    try {
      programme([cand('A')], p);
    } catch (e) {
      if (e instanceof ErreurRegle) return e.message;
      throw e;
    }
    throw new Error('aurait dû échouer');
  };
  test.each([
    [{ enveloppe: -1 }, 'enveloppe : montant en euros ≥ 0, au centime près, attendu (reçu : -1)'],
    [{ enveloppe: 100.001 }, 'enveloppe : montant en euros ≥ 0, au centime près, attendu (reçu : 100.001)'],
    [{ enveloppe: 'beaucoup' }, 'enveloppe : montant en euros ≥ 0 attendu (reçu : « beaucoup »)'],
    [{ annee: 1999 }, 'annee : entier dans [2000 ; 2100] attendu (reçu : 1999)'],
    [{ maxSites: 0 }, 'maxSites : entier ≥ 1 attendu, ou aucun (reçu : 0)'],
    [{ moisConvention: '2023-13' }, 'moisConvention : mois attendu au format AAAA-MM (reçu : « 2023-13 »)'],
    [{ moisSolde: '2023-10' }, 'moisSolde : le solde (2023-10) ne peut précéder la convention (2023-11)'],
  ])('%p', (p, message) => {
    expect(erreur(p)).toBe(message);
  });
  test('année antérieure au barème : erreur de barème, jamais une valeur devinée', () => {
    expect(erreur({ annee: 2016 })).toContain('aucune valeur du barème');
  });
});

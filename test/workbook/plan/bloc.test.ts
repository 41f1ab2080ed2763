// Bloc « Plan de financement » : ses formules, évaluées par le moteur de formules sans tableur
// (HyperFormula + fonctions SIP.*), redonnent exactement les chiffres du plan calculé à la main.
import { creerClasseur, ValeurCalculee } from '../../../src/formules/moteur';
import { BAREME_PAR_DEFAUT } from '../../../src/rules/bareme/donnees';
import type { Cellule } from '../../../src/workbook/description';
import { blocPlanFinancement, blocPlanDeFinancement } from '../../../src/workbook/plan';
import { centreExemple } from '../../rules/plan/exemple';

const colonne = (a: string) => [.../^\$?([A-Z]+)/.exec(a)![1]].reduce((n, c) => n * 26 + c.charCodeAt(0) - 64, 0);
const ligne = (a: string) => Number(/(\d+)$/.exec(a)![1]);

/** Évalue les cellules d'un bloc dans une feuille sans tableur ; rend adresse → valeur. */
function evaluer(cellules: Cellule[]): Map<string, ValeurCalculee> {
  const nl = Math.max(...cellules.map((c) => ligne(c.adresse)));
  const nc = Math.max(...cellules.map((c) => colonne(c.adresse)));
  const m: (string | number | boolean | null)[][] = Array.from({ length: nl }, () => Array.from({ length: nc }, () => null));
  for (const c of cellules) m[ligne(c.adresse) - 1][colonne(c.adresse) - 1] = c.formule ?? c.valeur ?? null;
  const hf = creerClasseur({ Feuille: m }, { locale: 'en-US', bareme: BAREME_PAR_DEFAUT, aujourdhui: '2026-11-23' });
  const r = new Map<string, ValeurCalculee>();
  for (const c of cellules) {
    const v = hf.getCellValue({ sheet: 0, row: ligne(c.adresse) - 1, col: colonne(c.adresse) - 1 });
    r.set(c.adresse, v !== null && typeof v === 'object' ? { erreur: v.value, message: v.message } : (v as ValeurCalculee));
  }
  hf.destroy();
  return r;
}

describe('bloc Plan de financement du centre d’exemple', () => {
  const DEPART = 100;
  const bloc = blocPlanFinancement(centreExemple(), BAREME_PAR_DEFAUT, DEPART);
  const valeurs = evaluer(bloc.cellules);
  const parLibelle = (texte: string) => {
    const c = bloc.cellules.find((x) => x.valeur === texte && x.adresse.startsWith('A'));
    if (!c) throw new Error(`ligne « ${texte} » absente`);
    return ligne(c.adresse);
  };
  const ligneEnValeurs = (l: number, de = 2, n = 24) =>
    Array.from({ length: n }, (_, k) => {
      const v = valeurs.get(`${String.fromCharCode(64 + ((de + k - 1) % 26) + 1)}${l}`);
      return v ?? null;
    });
  const cellule = (a: string) => bloc.cellules.find((c) => c.adresse === a);
  const col = (k: number) => { // colonne de la période k (0 = 1er mois) : B, C, … Z, AA…
    const n = 2 + k;
    return n > 26 ? `A${String.fromCharCode(64 + n - 26)}` : String.fromCharCode(64 + n);
  };
  const val = (k: number, l: number) => valeurs.get(`${col(k)}${l}`);

  test('formules en forme invariante : virgules, noms anglais, aucune constante VRAI/FAUX', () => {
    for (const c of bloc.cellules.filter((x) => x.formule)) expect(c.formule).not.toMatch(/;|SOMME|TRUE|FALSE/);
  });

  test('chaque formule SIP.* est un appel simple (références et nombres), revérifiable sans tableur par le volet', () => {
    const sip = bloc.cellules.filter((x) => x.formule?.includes('SIP.')).map((x) => x.formule!);
    expect(sip.length).toBeGreaterThan(60);
    expect(sip.filter((f) => !/^=SIP\.[A-Z0-9_]+\([^()]*\)$/.test(f))).toEqual([]);
  });

  test('aucune cellule en erreur, toutes les adresses à partir de la ligne de départ', () => {
    const erreurs = [...valeurs].filter(([, v]) => v !== null && typeof v === 'object');
    expect(erreurs).toEqual([]);
    expect(Math.min(...bloc.cellules.map((c) => ligne(c.adresse)))).toBe(DEPART);
    expect(Math.max(...bloc.cellules.map((c) => ligne(c.adresse)))).toBeLessThan(DEPART + bloc.lignes);
    expect(new Set(bloc.cellules.map((c) => c.adresse)).size).toBe(bloc.cellules.length);
  });

  test('les aides sont des formules SIP.* qui renvoient aux hypothèses, au bon mois', () => {
    const lCai = parLibelle('CAI — aide à l’installation (CPAM)');
    expect(cellule(`B${lCai}`)?.formule).toMatch(/^=SIP\.CAI\(\$B\$\d+,1,B\$\d+\)$/);
    expect(cellule(`N${lCai}`)?.formule).toMatch(/^=SIP\.CAI\(\$B\$\d+,2,\$B\$\d+\)$/); // date de signature : début du 1er mois
    expect([val(0, lCai), val(12, lCai)]).toEqual([22500, 22500]);
    const l400 = parLibelle('Garantie « 400 postes » — Dr B (ARS)');
    // La garantie renvoie aux cellules de coût et d'honoraires du même mois : elle suit leurs modifications.
    expect(cellule(`B${l400}`)?.formule).toMatch(/^=SIP\.GARANTIE400\(B\d+,B\d+,\$B\$\d+,B\$\d+\)$/);
    expect(ligneEnValeurs(l400)).toEqual([3200, 3200, 3200, 2030, 2030, 2030, null, null, null, null, ...Array(14).fill(2030)]);
    const lMat = parLibelle('Congés maternité / paternité — Dr B (ARS)');
    expect(cellule(`K${lMat}`)?.formule).toMatch(/^=SIP\.MATERNITE400\(\$D\$\d+,\$E\$\d+,\$F\$\d+\)$/);
    expect(val(9, lMat)).toBe(12000);
    const lAci = parLibelle('ACI — rémunération (CPAM)');
    // L'avance renvoie à la cellule de calcul « ACI 2027 : avance » = SIP.ACI_AVANCE(montant annuel, date).
    const refAvance = /^=\$B\$(\d+)$/.exec(cellule(`E${lAci}`)!.formule!)![1];
    expect(cellule(`A${refAvance}`)?.valeur).toBe('ACI 2027 : avance');
    expect(cellule(`B${refAvance}`)?.formule).toMatch(/^=SIP\.ACI_AVANCE\(\$B\$\d+,\$B\$\d+\)$/);
    expect([val(3, lAci), val(15, lAci)]).toEqual([12000, 18900]);
    const lCosco = parLibelle('COSCO — stabilisation et coordination (CPAM)');
    expect(val(23, lCosco)).toBe(8000);
    // Honoraires de Dr B : seuil 400 postes × tarif daté de la consultation G.
    const lHon = parLibelle('Honoraires — Dr B');
    const lCons = parLibelle('Consultations — Dr B');
    const lTarif = parLibelle('Tarif de la consultation G');
    expect(cellule(`B${lHon}`)?.formule).toBe(`=B${lCons}*B${lTarif}`);
    expect(cellule(`B${lCons}`)?.formule).toMatch(/^=SIP\.SEUIL400\(1,\$B\$\d+,B\$\d+\)$/);
    expect(cellule(`E${lCons}`)?.formule).toMatch(/^=SIP\.SEUIL400\(4,\$B\$\d+,E\$\d+\)$/);
    expect(cellule(`B${lTarif}`)?.formule).toMatch(/^=SIP\.PARAMETRE\("tarif\.consultation_g",B\$\d+\)$/);
    expect([val(0, lCons), val(3, lCons), val(0, lTarif)]).toEqual([60, 99, 30]);
    expect(ligneEnValeurs(lHon, 2, 12)).toEqual([1800, 1800, 1800, 2970, 2970, 2970, 0, 0, 0, 0, 2970, 2970]);
  });

  test('totaux par financeur, résultat net et trésorerie cumulée (formules natives)', () => {
    const lArs = parLibelle('Total ARS');
    const lCpam = parLibelle('Total Assurance Maladie (CPAM)');
    const lNet = parLibelle('Résultat net de la période');
    const lTre = parLibelle('Trésorerie cumulée');
    expect(cellule(`B${lArs}`)?.formule).toMatch(/^=SUM\(B\d+:B\d+\)$/);
    expect(cellule(`C${lTre}`)?.formule).toBe(`=B${lTre}+C${lNet}`);
    const somme24 = (l: number) => ligneEnValeurs(l).reduce((a: number, v) => a + (typeof v === 'number' ? v : 0), 0);
    expect(somme24(lArs)).toBeCloseTo(56110, 6);
    expect(somme24(lCpam)).toBeCloseTo(83900, 6);
    expect(ligneEnValeurs(lTre).map((v) => Math.round((v as number) * 100) / 100)).toEqual([
      22000, 21500, 21000, 32500, 32000, 31500, 28000, 24500, 21000, 29500, 29000, 28500, 50500, 50000, 49500, 67900, 67400, 66900, 66400, 65900, 65400, 64900, 64400, 71900,
    ]);
    // Année 3 (colonne Z) : −3 460 € ; fin d'horizon (année 5).
    expect(val(24, lNet)).toBeCloseTo(-3460, 6);
    expect(val(24, lTre)).toBeCloseTo(71900 - 3460, 6);
    const p = bloc.plan;
    expect(val(26, lTre)).toBeCloseTo(p.tresorerie[59].toNumber(), 6);
  });

  test('toute cellule à formule du tableau redonne la valeur du plan', () => {
    for (const li of bloc.plan.lignes) {
      const l = parLibelle(`${li.libelle}${li.financeur ? ` (${li.financeur})` : ''}`);
      bloc.plan.periodes.forEach((p, k) => {
        const mois = li.mois.slice(p.premierMois, p.premierMois + p.nbMois);
        const attendu = li.id === 'tarif' ? (mois[0]?.valeur.toNumber() ?? 0) : mois.reduce((a, x) => a + (x ? x.valeur.toNumber() : 0), 0);
        const v = val(k, l);
        expect([li.id, p.libelle, typeof v === 'number' ? Math.round(v * 1e6) / 1e6 : 0]).toEqual([li.id, p.libelle, Math.round(attendu * 1e6) / 1e6]);
      });
    }
  });

  test('synthèse annuelle et graphiques : colonnes empilées ARS/CPAM, courbes net/trésorerie', () => {
    expect(bloc.graphiques.map((g) => g.type)).toEqual(['colonnes_empilees', 'ligne']);
    const [g1, g2] = bloc.graphiques;
    const [, l1, , l2] = /^A(\d+):([A-Z]+)(\d+)$/.exec(g1.donnees)!.map(String);
    expect(g1.donnees).toMatch(/^A\d+:F\d+$/); // 5 années → colonnes B à F
    expect(Number(/:F(\d+)$/.exec(g1.donnees)![1]) - Number(l1)).toBe(2); // en-tête + ARS + CPAM
    expect(valeurs.get(`B${Number(l1) + 1}`)).toBeCloseTo(3 * 3200 + 5 * 2030 + 12000, 6); // ARS année 1 : garantie mois 1–6 et 11–12, congé
    expect(valeurs.get(`C${Number(l1) + 2}`)).toBeCloseTo(22500 + 6900 + 12000 + 8000, 6); // CPAM année 2
    expect(cellule(`A${l1}`)?.valeur).toBe('Aides par année');
    expect(cellule(`B${l1}`)?.valeur).toBe('Année 1');
    const l2debut = Number(/^A(\d+)/.exec(g2.donnees)![1]);
    expect(valeurs.get(`B${l2debut + 2}`)).toBeCloseTo(28500, 6); // trésorerie fin d'année 1
    expect(valeurs.get(`C${l2debut + 2}`)).toBeCloseTo(71900, 6);
    expect(l2).toBeDefined();
    // Graphiques sous le bloc, côte à côte, dans sa hauteur.
    expect(ligne(g1.ancre)).toBeGreaterThan(Math.max(...bloc.cellules.map((c) => ligne(c.adresse))));
    expect(ligne(g1.ancre) + g1.hauteurLignes - 1).toBeLessThan(DEPART + bloc.lignes);
    expect(bloc.graphiques.map((g) => g.titre)).toEqual(['Aides par financeur et par année', 'Résultat net et trésorerie cumulée par année']);
  });

  test('sensibilité : ±10 %, ±20 % des consultations et du coût salarial → solde à 24 mois', () => {
    const l = parLibelle('Variation de l’entrée');
    const lignes = [1, 2, 3, 4, 5].map((k) => [valeurs.get(`A${l + k}`), valeurs.get(`B${l + k}`), valeurs.get(`C${l + k}`)]);
    expect(lignes.map((x) => x[0])).toEqual([-0.2, -0.1, 0, 0.1, 0.2]);
    expect(lignes[2][1]).toBe(71900);
    expect(lignes[0][1]).toBe(71900 - 36000);
    expect(lignes[3][2]).toBe(71900 - 800 * 24 - 500 * 20 + 442 * 20);
  });

  test('aides non retenues affichées avec leur motif', () => {
    const motifs = bloc.cellules.filter((c) => c.style === 'note').map((c) => String(c.valeur));
    expect(motifs.some((m) => /hors ZIP/.test(m))).toBe(true);
  });
});

describe('branché sur le point d’extension de la simulation (références des entrées)', () => {
  test('les hypothèses renvoient aux cellules d’entrée de la simulation', () => {
    const s = centreExemple();
    const refs = {
      scenario: s,
      bareme: BAREME_PAR_DEFAUT,
      debut: '$B$5',
      etpTotal: '$B$9',
      horizon: 5,
      datesAnnees: [],
      colonnesAnnees: [],
      ligneDatesAnnees: 1,
      medecins: [
        { quotite: '$B$7', cout: '$C$7', honoraires: '$D$7', debutContrat: '$F$7' },
        { quotite: '$B$8', cout: '$C$8', honoraires: '$D$8', debutContrat: '$F$8' },
      ],
      versements: [],
      lignesTotaux: { CPAM: 1, ARS: 2, total: 3 },
    };
    const r = blocPlanDeFinancement(refs, 40);
    const f = r.cellules.filter((c) => c.formule).map((c) => c.formule);
    expect(f).toContain('=$B$7');
    expect(f).toContain('=$C$8');
    expect(f).toContain('=$B$9');
    expect(r.graphiques).toHaveLength(2);
    expect(Math.min(...r.cellules.map((c) => ligne(c.adresse)))).toBe(40);
  });
});

describe('formules du bloc = plan, pour d’autres centres', () => {
  const cas: [string, () => ReturnType<typeof centreExemple>][] = [
    ['ACI signé en cours d’année (prorata, arrondi)', () => {
      const s = centreExemple();
      s.aci!.dateSignature = '2027-07-01';
      return s;
    }],
    ['congé à cheval sur deux mois, médecin embauché au 4e mois, consultations saisies', () => {
      const s = centreExemple();
      s.simulation.debut = '2027-01-15';
      s.medecins[1].conges = [{ debut: '2027-03-20', fin: '2027-06-10', salaireCharge: 14000, indemnitesJournalieres: 5000, salaireMaintenu: true }];
      s.medecins.push({ libelle: 'Dr C', quotite: 0.5, coutSalarialMensuel: 4200, honorairesMensuels: 0, consultationsParMois: 150, poste400: true, debutContrat: '2027-04-15', conges: [], joursCstParAn: 0, honorairesCstAnnuels: 0 });
      return s;
    }],
    ['centre en ZAC avec CST', () => {
      const s = centreExemple();
      s.centre.zone = 'ZAC';
      s.medecins[0].joursCstParAn = 15;
      s.medecins[0].honorairesCstAnnuels = 250000;
      return s;
    }],
    ['centre sans médecin ni aide (tout à zéro, aucune erreur)', () => ({
      version: 1,
      centre: { nom: 'Vide', type: 'cds_polyvalent', zone: 'HZ', dateCreation: '2015-01-01', membreCptsEsp: false },
      simulation: { debut: '2027-01-01', horizonAnnees: 3 },
      medecins: [],
    })],
    ['MSP avec aide SIP, horizon 1 an', () => ({
      version: 1,
      centre: { nom: 'MSP', type: 'msp', zone: 'QPV', dateCreation: '2020-01-01', membreCptsEsp: true },
      simulation: { debut: '2027-03-01', horizonAnnees: 1 },
      medecins: [],
      sip: { nbProfessionnels: 9, montantDevis: 20000 },
    })],
  ];
  test.each(cas)('%s', (_nom, scenario) => {
    const bloc = blocPlanFinancement(scenario(), BAREME_PAR_DEFAUT, 7);
    const valeurs = evaluer(bloc.cellules);
    expect([...valeurs].filter(([, v]) => v !== null && typeof v === 'object')).toEqual([]);
    const entete = bloc.cellules.find((c) => c.valeur === 'Période')!;
    const lignesParLibelle = new Map(bloc.cellules.filter((c) => c.adresse.startsWith('A') && typeof c.valeur === 'string').map((c) => [c.valeur as string, ligne(c.adresse)]));
    let formules = 0;
    for (const li of bloc.plan.lignes) {
      const l = lignesParLibelle.get(`${li.libelle}${li.financeur ? ` (${li.financeur})` : ''}`)!;
      bloc.plan.periodes.forEach((p, k) => {
        const a = `${k + 2 > 26 ? 'A' + String.fromCharCode(64 + k + 2 - 26) : String.fromCharCode(64 + k + 2)}${l}`;
        const mois = li.mois.slice(p.premierMois, p.premierMois + p.nbMois);
        const attendu = li.id === 'tarif' ? (mois[0]?.valeur.toNumber() ?? 0) : mois.reduce((s, x) => s + (x ? x.valeur.toNumber() : 0), 0);
        const v = valeurs.get(a);
        if (bloc.cellules.find((c) => c.adresse === a)?.formule) formules++;
        expect([a, typeof v === 'number' ? v : 0]).toEqual([a, expect.closeTo(attendu, 6)]);
      });
    }
    if (bloc.plan.lignes.length) expect(formules).toBeGreaterThan(0);
    const sip = bloc.cellules.filter((x) => x.formule?.includes('SIP.')).map((x) => x.formule!);
    expect(sip.filter((f) => !/^=SIP\.[A-Z0-9_]+\([^()]*\)$/.test(f))).toEqual([]);
    // Trésorerie de la dernière période = plan.
    const lTre = lignesParLibelle.get('Trésorerie cumulée')!;
    const derniere = bloc.plan.periodes.length - 1;
    const col = derniere + 2 > 26 ? 'A' + String.fromCharCode(64 + derniere + 2 - 26) : String.fromCharCode(64 + derniere + 2);
    expect(valeurs.get(`${col}${lTre}`)).toBeCloseTo(bloc.plan.tresorerie[bloc.plan.nbMois - 1].toNumber(), 6);
    expect(ligne(entete.adresse)).toBeGreaterThan(7);
  });
});

// Le bundle functions.js construit, appelé comme Excel l'appelle (CustomFunctions.associate simulé) :
// les nombres du moteur, les valeurs par défaut des arguments omis (null), et les bonnes erreurs.
import * as fs from 'fs';
import * as path from 'path';
import { CATALOGUE } from '../../src/catalogue/fonctions';
import { construire } from '../manifest/construction';
import { chargerBundle, ErreurExcel, ExcelSimule } from './excel-simule';

let dossier: string;
let metadonnees: { functions: { id: string; parameters: unknown[] }[] };
let excel: ExcelSimule;

beforeAll(() => {
  dossier = construire().dossier;
  metadonnees = JSON.parse(fs.readFileSync(path.join(dossier, 'functions.json'), 'utf8'));
  excel = chargerBundle(dossier, { metadonnees });
}, 300_000); // construction webpack de production (une fois par état des sources)

function erreur(v: unknown): ErreurExcel {
  expect(v).toBeInstanceOf(ErreurExcel);
  return v as ErreurExcel;
}

describe('enregistrement', () => {
  test('chaque fonction du catalogue est associée sous son id, et rien d’autre', () => {
    expect([...excel.ids].sort()).toEqual(CATALOGUE.map((f) => f.id).sort());
  });

  test('le runtime demande à être chargé avec le document (fonctions actives volet fermé)', () => {
    expect(excel.comportementDemarrage).toEqual(['Load']);
  });
});

describe('valeurs du moteur (exemples de REGLES.md et calculs à la main)', () => {
  test.each([
    // plafond SIP = 15 000 + 12 × 1 000 (barème hypothèse)
    ['SIP_PLAFOND', [12], 27000],
    ['SIP_AIDE', [40000, 12], 27000],
    ['SIP_AIDE', [20000, 12], 20000],
    ['SIP_VERSEMENT', [27000, 1], 21600],
    ['SIP_VERSEMENT', [27000, 2], 5400],
    // CAI 1,5 ETP = 30 000 + 0,5 × 25 000 ; second versement = moitié
    // Contrats des centres de santé signés le 01/06/2025 (45809) : avant leur remplacement au 01/01/2026.
    ['SIP_CAI', [1.5, null, 45809], 42500],
    ['SIP_CAI', [1.5, 2, 45809], 21250],
    ['SIP_COSCO', [2, null, 45809], 10000],
    ['SIP_COSCO', [2, 3, 45809], 30000],
    // CST : 10 % de 300 000 plafonné à 20 000 par ETP
    ['SIP_CST', [300000, 1, 45809], 20000],
    ['SIP_CST', [100000, 1, 45809], 10000],
    // garantie 400 postes : min(9 500 ; 9 070) − 7 000
    ['SIP_GARANTIE400', [9500, 7000], 2070],
    ['SIP_GARANTIE400', [9500, 7000, 0.5], 0],
    ['SIP_PLAFOND400', [0.5], 4535],
    ['SIP_SEUIL400', [3], 100],
    ['SIP_SEUIL400', [4], 165],
    ['SIP_SEUIL400', [4, 0.5], 82.5],
    ['SIP_MATERNITE400', [10000, 3000], 7000],
    ['SIP_MATERNITE400', [10000, 3000, false], 0],
    // ACI : (1 000 + 2 000 × 4 000 / 4 000) × 7 € ; 0 sans les prérequis
    ['SIP_ACI', [1000, 2000, 4000], 21000],
    ['SIP_ACI', [1000, 2000, 4000, false], 0],
    ['SIP_ACI_AVANCE', [30000], 18000],
    ['SIP_ELIGIBLE', ['CAI', 'ZIP'], true],
    ['SIP_ELIGIBLE', ['CST', 'ZIP'], false],
    ['SIP_ELIGIBLE', ['400POSTES', 'QPV'], true],
    ['SIP_PARAMETRE', ['postes400.plafond_mensuel_temps_plein'], 9070],
  ] as const)('%s(%j) = %j', (id, args, attendu) => {
    expect(excel.appeler(id, ...(args as unknown as (number | string | boolean)[]))).toBe(attendu);
  });

  test('arguments facultatifs passés à null explicitement : valeurs par défaut', () => {
    expect(excel.appeler('SIP_GARANTIE400', 9500, 7000, null, null)).toBe(2070);
    expect(excel.appeler('SIP_COSCO', 2, null, 45809)).toBe(10000);
    expect(excel.appeler('SIP_ACI', 1000, 2000, 4000, null, null)).toBe(21000);
    expect(excel.appeler('SIP_MATERNITE400', 10000, 3000, null)).toBe(7000);
    expect(excel.appeler('SIP_CAI', 1.5, null, 45809)).toBe(42500);
    // Date omise : aujourd'hui ; un contrat signé depuis le 01/01/2026 est remplacé par l'aide automatique.
    expect(excel.appeler('SIP_CAI', 1.5, null, null)).toMatchObject({ code: '#N/A', message: expect.stringMatching(/^date : CAI signé le .* — contrat remplacé le 01\/01\/2026/) });
  });

  test('une cellule vide ("") vaut un argument omis', () => {
    expect(excel.appeler('SIP_GARANTIE400', 9500, 7000, '', '')).toBe(2070);
  });

  test('les dates sont des numéros de série Excel', () => {
    // 43525 = 01/03/2019 : 400 postes en vigueur ; 43480 = 15/01/2019 : avant l'instruction du 06/02/2019
    expect(excel.appeler('SIP_PLAFOND400', null, 43525)).toBe(9070);
    expect(erreur(excel.appeler('SIP_PLAFOND400', null, 43480)).code).toBe('#N/A');
  });
});

describe('date omise = date du jour, locale, au moment du calcul', () => {
  test('le barème lu est celui du jour simulé', () => {
    const avant = chargerBundle(dossier, { metadonnees, maintenant: new Date(2019, 0, 15, 23, 30) });
    const apres = chargerBundle(dossier, { metadonnees, maintenant: new Date(2019, 2, 1, 0, 15) });
    const e = erreur(avant.appeler('SIP_PLAFOND400'));
    expect(e.code).toBe('#N/A');
    expect(e.message).toContain('15/01/2019');
    expect(apres.appeler('SIP_PLAFOND400')).toBe(9070);
  });
});

describe('entrées invalides : CustomFunctions.Error avec le code et le message français du moteur', () => {
  test.each([
    ['SIP_CAI', [-1], '#NUM!', 'etp : nombre ≥ 0 attendu (reçu : -1)'],
    ['SIP_CAI', ['abc'], '#VALUE!', 'etp : nombre ≥ 0 attendu (reçu : le texte « abc »)'],
    ['SIP_CAI', [true], '#VALUE!', 'etp :'],
    ['SIP_CAI', [1, 3], '#NUM!', 'versement : entier dans [1 ; 2] attendu'],
    ['SIP_GARANTIE400', [9500, 7000, 1.5], '#NUM!', 'quotite : nombre dans ]0 ; 1] attendu (reçu : 1,5)'],
    ['SIP_GARANTIE400', [9500, 7000, 0], '#NUM!', 'quotite'],
    ['SIP_SEUIL400', [0], '#NUM!', 'mois_du_contrat : entier ≥ 1 attendu'],
    ['SIP_SEUIL400', [2.5], '#NUM!', 'mois_du_contrat'],
    ['SIP_PLAFOND', [0], '#NUM!', 'nb_professionnels : entier ≥ 1 attendu'],
    ['SIP_PLAFOND', [null], '#VALUE!', 'nb_professionnels : argument obligatoire manquant'],
    ['SIP_ELIGIBLE', ['CAI', 'XYZ'], '#VALUE!', 'zone'],
    ['SIP_ELIGIBLE', ['RIEN', 'ZIP'], '#VALUE!', 'dispositif'],
    ['SIP_MATERNITE400', [10000, 3000, 'peut-être'], '#VALUE!', 'salaire_maintenu : VRAI ou FAUX attendu'],
    ['SIP_CAI', [1, null, 40179], '#N/A', 'au 01/01/2010'],
    ['SIP_CAI', [1, null, 12], '#NUM!', 'date : date Excel attendue entre le 01/03/1900 et le 31/12/9999'],
    ['SIP_PARAMETRE', ['inconnu.parametre'], '#N/A', 'paramètre de barème inconnu « inconnu.parametre »'],
  ] as const)('%s(%j) → %s', (id, args, code, message) => {
    const e = erreur(excel.appeler(id, ...(args as unknown as (number | string | boolean | null)[])));
    expect(e.code).toBe(code);
    expect(e.message).toContain(message);
  });

  test('jamais d’exception ni de NaN, quelles que soient les valeurs reçues', () => {
    const etranges: unknown[] = [NaN, Infinity, -Infinity, -0, 1e308, -1e308, '', ' ', 'VRAI', 'FAUX', true, false, null, 0, 1, 2, 0.5, 43525];
    for (const f of CATALOGUE) {
      for (const v of etranges) {
        const args = f.arguments.map(() => v) as (number | string | boolean | null)[];
        let r: unknown;
        expect(() => {
          r = excel.appeler(f.id, ...args);
        }).not.toThrow();
        if (typeof r === 'number') expect(Number.isFinite(r)).toBe(true);
        else if (typeof r !== 'boolean') expect(['#VALUE!', '#NUM!', '#N/A']).toContain(erreur(r).code);
      }
    }
    expect(excel.erreursConsole).toEqual([]);
  });
});

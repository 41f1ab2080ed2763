// Le tableau de candidatures du volet (pur) et celui de `sip programme classeur.xlsx` (exceljs) :
// mêmes en-têtes ; le modèle écrit par le volet, rempli, est relu par la CLI à l'identique ; lignes
// et colonnes des messages situées d'après l'adresse de la plage lue.
import ExcelJS from 'exceljs';
import { isoVersSerie } from '../../../src/rules/dates';
import { ErreurCandidatures, lireCandidatures, lireFichierJson, texteErreurChamp } from '../../../src/rules/programme/lecture';
import {
  candidaturesDuTableau, decrireModeleCandidatures, ENTETES, LIGNE_ENTETES_MODELE, normaliserEntete,
} from '../../../src/taskpane/programme/tableau-candidatures';
import { ajouterFeuille } from '../../../src/workbook/programme/ecrire-xlsx';
import { lireCandidaturesXlsx } from '../../../src/workbook/programme/lire-xlsx';
import { EXEMPLE, valeursExemple } from './aides-programme';

const { candidatures } = lireFichierJson(EXEMPLE);

function erreursDe(f: () => unknown): string[] {
  try {
    f();
  } catch (e) {
    if (e instanceof ErreurCandidatures) return e.erreurs.map(texteErreurChamp);
    throw e;
  }
  throw new Error('ErreurCandidatures attendue');
}

describe('tableau de candidatures du volet', () => {
  it('compare les en-têtes sans accents, casse, « € » ni parenthèses', () => {
    expect(normaliserEntete('  Devis validés (€) ')).toBe('devis valides');
    expect(ENTETES.montantDevis[0]).toBe('Devis validés');
  });

  it('le modèle écrit par le volet, rempli avec l’exemple, est relu par `sip programme` (exceljs) à l’identique', async () => {
    const classeur = new ExcelJS.Workbook();
    const ws = ajouterFeuille(classeur, decrireModeleCandidatures());
    valeursExemple().slice(1).forEach((l, i) => l.forEach((v, k) => {
      // Excel rend une date en numéro de série ; exceljs l'écrit depuis une Date.
      const val = k === 8 && typeof v === 'number' ? new Date(Date.UTC(1899, 11, 30) + v * 86_400_000) : v === '' ? null : v;
      ws.getCell(LIGNE_ENTETES_MODELE + 1 + i, k + 1).value = val as ExcelJS.CellValue;
    }));
    const contenu = await classeur.xlsx.writeBuffer();
    expect(await lireCandidaturesXlsx(contenu as ArrayBuffer)).toEqual(candidatures);
  });

  it('modèle imprimable : A4 paysage, une page de large, ligne des en-têtes répétée', () => {
    expect(decrireModeleCandidatures().miseEnPage).toMatchObject({ orientation: 'paysage', pagesEnLargeur: 1, lignesTitres: '4:4', enteteGauche: 'Candidatures à l’appel SIP' });
  });

  it('modèle vide : en-têtes reconnus, mais aucune candidature', () => {
    const d = decrireModeleCandidatures();
    const valeurs: unknown[][] = Array.from({ length: LIGNE_ENTETES_MODELE + 2 }, () => Array(9).fill(''));
    for (const c of d.cellules) {
      const m = /^([A-I])(\d+)$/.exec(c.adresse)!;
      if (Number(m[2]) <= valeurs.length && typeof c.valeur === 'string') valeurs[Number(m[2]) - 1][m[1].charCodeAt(0) - 65] = c.valeur;
    }
    expect(erreursDe(() => candidaturesDuTableau({ feuille: 'Candidatures', adresse: 'A1:I6', valeurs }))).toEqual([
      'feuille « Candidatures », champ « (candidatures) » : au moins une candidature sous les en-têtes de la ligne 4 attendu (reçu : aucune ligne remplie)',
    ]);
  });

  it('plage décalée (B3) : lignes et colonnes des messages sont celles d’Excel ; date en numéro de série lue', () => {
    const valeurs = valeursExemple().slice(0, 3).map((l) => [...l]);
    valeurs[2][2] = -5; // devis négatif
    valeurs[2][8] = 'le 3 juin';
    expect(erreursDe(() => lireCandidatures(candidaturesDuTableau({ feuille: 'Appel 2023', adresse: "'Appel 2023'!B3:J5", valeurs })))).toEqual([
      'ligne 5 de la feuille « Appel 2023 », champ « Devis validés (colonne D) » : montant en euros ≥ 0, au centime près attendu (reçu : -5)',
      'ligne 5 de la feuille « Appel 2023 », champ « Date de candidature (colonne J) » : date AAAA-MM-JJ ou JJ/MM/AAAA, ou vide attendu (reçu : « le 3 juin »)',
    ]);
    const [abers] = lireCandidatures(candidaturesDuTableau({ feuille: 'Appel 2023', adresse: 'B3:J4', valeurs: valeurs.slice(0, 2) }));
    expect(abers.dateCandidature).toBe('2023-06-01');
    expect(isoVersSerie('2023-06-01')).toBe(valeurs[1][8]);
  });

  it('colonne obligatoire absente : nommée, avec la ligne des en-têtes', () => {
    const valeurs = valeursExemple().map((l) => l.filter((_, k) => k !== 4)); // sans « ACI »
    expect(erreursDe(() => candidaturesDuTableau({ feuille: 'Candidatures', adresse: 'A2:H16', valeurs }))).toEqual([
      'ligne 2 de la feuille « Candidatures », champ « ACI » : une colonne « ACI » attendu (reçu : colonne absente)',
    ]);
  });
});

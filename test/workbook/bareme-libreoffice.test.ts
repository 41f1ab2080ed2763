// Vrai client : un classeur dont la feuille « Barème » a été modifiée, ré-enregistré par LibreOffice Calc,
// garde son barème (dates, pourcentages, « aucun », textes) : relu, il donne le plafond modifié.
// Valeur à la main : part forfaitaire 20 000 € + 12 × 1 000 € = 32 000 € (REGLES.md §1).
// Sauté seulement si soffice est absent ET hors CI (en CI, il doit tourner).
import { execFileSync, spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { evaluer } from '../../src/catalogue/appel';
import { trouverFonction } from '../../src/catalogue/fonctions';
import { BAREME_PAR_DEFAUT } from '../../src/rules/bareme/donnees';
import { lireBaremeXlsx } from '../../src/workbook/bareme/exceljs';
import { genererSimulation } from '../../src/workbook/exceljs/simulation';
import { DATE_GENERATION, exemple, retoucher } from './aides';

const r = spawnSync('sh', ['-c', 'command -v soffice || command -v libreoffice'], { encoding: 'utf8' });
const soffice = r.status === 0 && r.stdout.trim() ? r.stdout.trim() : null;
const testLo = soffice || process.env.CI ? test : test.skip;

testLo('feuille « Barème » modifiée puis ré-enregistrée par LibreOffice : barème relu, plafond 32 000 €', async () => {
  const g = await genererSimulation(exemple('msp-sip'), BAREME_PAR_DEFAUT, { dateGeneration: DATE_GENERATION });
  const ligne = Number(g.feuilleBareme.cellules.find((c) => c.adresse.startsWith('A') && c.valeur === 'sip.plafond.base')!.adresse.slice(1));
  const modifie = await retoucher(g.fichier, (wb) => {
    wb.getWorksheet('Barème')!.getCell(`C${ligne}`).value = 20000;
  });
  const dossier = fs.mkdtempSync(path.join(os.tmpdir(), 'sip-bareme-lo-'));
  try {
    fs.writeFileSync(path.join(dossier, 'classeur.xlsx'), modifie);
    fs.mkdirSync(path.join(dossier, 'lo'));
    execFileSync(soffice as string, ['--headless', '--norestore', `-env:UserInstallation=file://${dossier}/profil`, '--convert-to', 'xlsx', '--outdir', path.join(dossier, 'lo'), path.join(dossier, 'classeur.xlsx')], { stdio: 'ignore', timeout: 120_000 });
    const lu = await lireBaremeXlsx(fs.readFileSync(path.join(dossier, 'lo', 'classeur.xlsx')), BAREME_PAR_DEFAUT);
    expect(lu).not.toBeNull();
    expect(lu!.erreurs).toEqual([]);
    expect(lu!.modifies).toEqual([{ id: 'sip.plafond.base', libelle: 'Plafond SIP : part forfaitaire', lignes: [ligne], details: ['valeur du 01/01/2017 : 15000 → 20000'] }]);
    expect(evaluer(trouverFonction('PLAFOND')!, [12, '2026-06-01'], { bareme: lu!.bareme, aujourdhui: '2026-06-01' })).toBe(32000);
  } finally {
    fs.rmSync(dossier, { recursive: true, force: true });
  }
}, 180_000);

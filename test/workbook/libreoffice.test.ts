// Vrai client : LibreOffice Calc (Debian) ouvre le classeur écrit par `sip simulate` et affiche, sans
// le complément, les valeurs en cache : les nombres affichés (export CSV « tel qu'affiché ») doivent
// être ceux du moteur. Sauté seulement si soffice est absent ET hors CI (en CI, il doit tourner).
import { execFileSync, spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { BAREME_PAR_DEFAUT } from '../../src/rules/bareme/donnees';
import { isoVersSerie } from '../../src/rules/dates';
import { genererSimulation } from '../../src/workbook/exceljs/simulation';
import { colonneDe, ligneDe } from '../../src/workbook/adresses';
import { DATE_GENERATION, exemple } from './aides';

function trouverSoffice(): string | null {
  const r = spawnSync('sh', ['-c', 'command -v soffice || command -v libreoffice'], { encoding: 'utf8' });
  return r.status === 0 && r.stdout.trim() ? r.stdout.trim() : null;
}
const soffice = trouverSoffice();
const enCI = !!process.env.CI;
if (!soffice && !enCI) {
  // eslint-disable-next-line no-console
  console.warn('test LibreOffice sauté : soffice introuvable (installez-le avec `bash scripts/setup.sh`) ; en CI ce test est obligatoire.');
}
const testLo = soffice || enCI ? test : test.skip;

/** CSV (RFC 4180) → lignes de champs. */
function lireCsv(texte: string): string[][] {
  const lignes: string[][] = [];
  let ligne: string[] = [];
  let champ = '';
  let guillemets = false;
  for (let i = 0; i < texte.length; i++) {
    const ch = texte[i];
    if (guillemets) {
      if (ch === '"' && texte[i + 1] === '"') {
        champ += '"';
        i++;
      } else if (ch === '"') guillemets = false;
      else champ += ch;
    } else if (ch === '"') guillemets = true;
    else if (ch === ',') {
      ligne.push(champ);
      champ = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && texte[i + 1] === '\n') i++;
      ligne.push(champ);
      lignes.push(ligne);
      ligne = [];
      champ = '';
    } else champ += ch;
  }
  if (champ || ligne.length) lignes.push([...ligne, champ]);
  return lignes;
}

/** Nombre affiché par LibreOffice (profil en-US) : « 35,000.00 € », « 99.0 », « 01/01/2026 » (jj/mm/aaaa). */
function nombreAffiche(texte: string, format: string | undefined): number {
  if (format === 'date') {
    const [j, m, a] = texte.split('/');
    return isoVersSerie(`${a}-${m}-${j}`);
  }
  return Number(texte.replace(/[€\s\u00a0\u202f,]/g, ''));
}

testLo('LibreOffice affiche les nombres du moteur pour chaque formule de la simulation', async () => {
  if (!soffice) throw new Error('soffice est requis en CI : lancez `bash scripts/setup.sh`');
  const dossier = fs.mkdtempSync(path.join(os.tmpdir(), 'sip-lo-'));
  try {
    {
      const g = await genererSimulation(exemple('centre-de-sante'), BAREME_PAR_DEFAUT, { dateGeneration: DATE_GENERATION });
      const xlsx = path.join(dossier, 'simulation.xlsx');
      fs.writeFileSync(xlsx, g.fichier);
      const profil = path.join(dossier, 'profil');
      execFileSync(soffice, [
        `-env:UserInstallation=file://${profil}`, '--headless', '--norestore',
        // 44 = virgule, 34 = guillemet, 76 = UTF-8, « true » en 9e position : cellules telles qu'affichées.
        '--convert-to', 'csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,true',
        '--outdir', dossier, xlsx,
      ], { env: { ...process.env, LANG: 'en_US.UTF-8', LC_ALL: 'en_US.UTF-8', HOME: dossier }, timeout: 120_000, stdio: 'pipe' });
      const csv = lireCsv(fs.readFileSync(path.join(dossier, 'simulation.csv'), 'utf8'));
      const formats = new Map(g.description.cellules.map((c) => [c.adresse, c.format]));
      let comparees = 0;
      const ecarts: string[] = [];
      for (const [adresse, v] of g.valeurs) {
        if (typeof v !== 'number') continue;
        const affiche = csv[ligneDe(adresse) - 1]?.[colonneDe(adresse) - 1] ?? '';
        const n = nombreAffiche(affiche, formats.get(adresse));
        // Le plan s'affiche à l'euro près (format « # ##0 € ») : l'écart permis y est d'un demi-euro.
        const tolerance = formats.get(adresse) === 'euros_arrondis' ? 0.5 + 1e-9 : 0.005;
        if (!(Math.abs(n - v) <= tolerance)) ecarts.push(`${adresse} : affiché « ${affiche} », moteur ${v}`);
        comparees++;
      }
      expect(ecarts).toEqual([]);
      expect(comparees).toBeGreaterThan(200);
      // Format monétaire appliqué : deux décimales et le symbole euro. Seul le 2e versement du CAI
      // signé le 01/10/2025 tombe dans l'horizon (le 1er est de 2025) : 35 000 €.
      const cai = g.description.cellules.find((c) => c.formule?.startsWith('=SIP.CAI(') && c.formule.includes(',2,'))!;
      expect(csv[ligneDe(cai.adresse) - 1][colonneDe(cai.adresse) - 1]).toMatch(/^35,000\.00\s?€$/);
    }
  } finally {
    fs.rmSync(dossier, { recursive: true, force: true });
  }
}, 180_000);

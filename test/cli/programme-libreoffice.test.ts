// Client réel : LibreOffice Calc ouvre la feuille « Programme SIP » sans le complément et affiche
// les valeurs en cache des formules _xldudf_SIP_* et des totaux (soffice --convert-to csv).
import { execFileSync, spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { main } from '../../src/cli/main';
import { AUJOURDHUI } from '../aide-test';

const soffice = spawnSync('sh', ['-c', 'command -v soffice'], { encoding: 'utf8' }).stdout.trim();
const decrire = soffice ? describe : describe.skip;

decrire('LibreOffice Calc lit la feuille « Programme SIP »', () => {
  const dossier = fs.mkdtempSync(path.join(os.tmpdir(), 'sip-programme-lo-'));
  afterAll(() => fs.rmSync(dossier, { recursive: true, force: true }));

  test('aides, versements et totaux affichés = ceux du moteur', async () => {
    const xlsx = path.join(dossier, 'programme.xlsx');
    const io = { out: () => undefined, err: () => undefined, cwd: path.join(__dirname, '../..'), aujourdhui: AUJOURDHUI };
    expect(await main(['programme', 'examples/candidatures-sip.json', '--enveloppe', '250000', '-o', xlsx], io)).toBe(0);
    execFileSync(
      soffice,
      [`-env:UserInstallation=file://${dossier}/profil`, '--headless', '--convert-to', 'csv:Text - txt - csv (StarCalc):44,34,76', '--outdir', dossier, xlsx],
      { stdio: 'ignore', timeout: 120_000 },
    );
    const lignes = fs.readFileSync(path.join(dossier, 'programme.csv'), 'utf8').split('\n');
    const ligne = (debut: string) => lignes.find((l) => l.startsWith(debut)) ?? '';
    // Formats anglais de LibreOffice sans profil : « 34,000.00 € ».
    expect(ligne('1,MSP de Carhaix')).toContain('éligible,"34,000.00 €",financée,"34,000.00 €","27,200.00 €",novembre 2023,"6,800.00 €",mai 2024');
    expect(ligne('4,MSP de Pontivy')).toContain('"22,500.57 €",financée,"22,500.57 €","18,000.46 €",novembre 2023,"4,500.11 €",mai 2024');
    expect(ligne('novembre 2023')).toBe('novembre 2023,"192,400.46 €",0.00 €,"192,400.46 €",,,,,,,,,,,,,,,');
    expect(ligne('mai 2024')).toBe('mai 2024,0.00 €,"48,100.11 €","48,100.11 €",,,,,,,,,,,,,,,');
    expect(ligne('Reste de l’enveloppe')).toContain('"9,499.43 €"');
  });
});

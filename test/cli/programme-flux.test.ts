// Le classeur « Programme SIP » écrit en flux (sip programme -o, 100 000 candidatures en moins de 1 Go)
// a les mêmes cellules que le classeur écrit en mémoire par exceljs : valeurs, formules et valeurs en
// cache, formats, styles, fusions, largeurs, noms définis.
import ExcelJS from 'exceljs';
import * as fs from 'fs';
import * as path from 'path';
import { Writable } from 'stream';
import { BAREME_PAR_DEFAUT } from '../../src/rules/bareme/donnees';
import { lireFichierJson } from '../../src/rules/programme/lecture';
import { calculerProgramme } from '../../src/rules/programme/programme';
import { ajouterFeuille, ecrireClasseurProgramme } from '../../src/workbook/programme/ecrire-xlsx';
import { decrireFeuilleProgramme, feuilleProgrammeEnFlux } from '../../src/workbook/programme/feuille-programme';

const exemple = lireFichierJson(JSON.parse(fs.readFileSync(path.join(__dirname, '../../examples/candidatures-sip.json'), 'utf8')));
const programme = calculerProgramme(BAREME_PAR_DEFAUT, exemple.candidatures, { annee: 2023, enveloppe: 250000 });

async function relire(b: Buffer): Promise<ExcelJS.Worksheet> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(b as unknown as ArrayBuffer);
  return wb.worksheets[0];
}

function cellules(ws: ExcelJS.Worksheet): Record<string, unknown> {
  const r: Record<string, unknown> = {};
  ws.eachRow((row) =>
    row.eachCell((c) => {
      r[c.address] = { valeur: c.value, format: c.numFmt, gras: c.font?.bold ?? false, italique: c.font?.italic ?? false, fond: c.fill, bordure: c.border?.top?.style, nom: c.names };
    }),
  );
  return r;
}

test('les cellules produites en flux sont celles de la description', () => {
  expect([...feuilleProgrammeEnFlux(programme).cellules]).toEqual(decrireFeuilleProgramme(programme).cellules);
});

test('classeur en flux = classeur en mémoire, cellule par cellule', async () => {
  const morceaux: Buffer[] = [];
  await ecrireClasseurProgramme(
    feuilleProgrammeEnFlux(programme),
    new Writable({
      write(m: Buffer, _e, fini) {
        morceaux.push(m);
        fini();
      },
    }),
  );
  const enFlux = await relire(Buffer.concat(morceaux));
  const wb = new ExcelJS.Workbook();
  ajouterFeuille(wb, decrireFeuilleProgramme(programme));
  const enMemoire = await relire(Buffer.from(await wb.xlsx.writeBuffer()));

  const a = cellules(enFlux);
  const b = cellules(enMemoire);
  expect(Object.keys(a).length).toBeGreaterThan(300);
  expect(a).toEqual(b);
  expect(enFlux.model.merges.sort()).toEqual(enMemoire.model.merges.sort());
  expect(enFlux.columns.map((c) => c.width)).toEqual(enMemoire.columns.map((c) => c.width));
  expect(enFlux.name).toBe('Programme SIP');
});

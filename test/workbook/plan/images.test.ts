// Image PNG des graphiques du plan (CLI) : rendu SVG → PNG par resvg, enregistré pour être regardé.
import * as fs from 'fs';
import * as path from 'path';
import { BAREME_PAR_DEFAUT } from '../../../src/rules/bareme/donnees';
import { eurosArrondis, svgGraphique } from '../../../src/workbook/plan';
import { genererSimulation, imagesDesGraphiques } from '../../../src/workbook/exceljs/simulation';
import { imageGraphique, pngDepuisSvg } from '../../../src/workbook/plan/images';
import { centreMiAnnee } from '../../rules/scenarios';

const ARTEFACTS = path.join(__dirname, '..', '..', 'artifacts');
const SIGNATURE_PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
const dimensions = (png: Buffer) => [png.readUInt32BE(16), png.readUInt32BE(20)];

describe('images des graphiques du plan', () => {
  test('euros au format français', () => {
    expect(eurosArrondis(71900)).toBe('71\u00a0900\u00a0€');
    expect(eurosArrondis(-3460.4)).toBe('−3\u00a0460\u00a0€');
  });

  test('SVG : titre, légende par financeur, montants en euros, une colonne par année', () => {
    // Aides du centre de Guingamp (test/rules/versements.test.ts) : ARS 23 187,10 puis 18 300 ; CPAM 5 000 par an.
    const svg = svgGraphique({
      type: 'colonnes_empilees',
      titre: 'Aides par financeur et par année',
      categories: ['Année 1', 'Année 2'],
      series: [{ nom: 'Agence régionale de santé (ARS)', valeurs: [23187.1, 18300] }, { nom: 'Assurance Maladie (CPAM)', valeurs: [5000, 5000] }],
    });
    expect(svg).toContain('Aides par financeur et par année');
    expect(svg).toContain('Assurance Maladie (CPAM)');
    expect(svg).toContain('28\u00a0187\u00a0€'); // total de l'année 1 au-dessus de la colonne, arrondi à l'euro
    expect((svg.match(/<rect x=/g) ?? []).length).toBeGreaterThanOrEqual(6); // 2 séries × 2 ans + légende
  });

  test('PNG rendu avec les polices du système, enregistré dans test/artifacts/plan-financement.png', async () => {
    // Le chemin de la CLI : les valeurs calculées de la feuille complète → une image par graphique.
    const g = await genererSimulation(centreMiAnnee(), BAREME_PAR_DEFAUT, { dateGeneration: '2026-11-23T12:00:00.000Z' });
    const images = imagesDesGraphiques(g.description, g.valeurs);
    expect(images.map((i) => i.ancre)).toEqual(g.description.graphiques.map((x) => x.ancre));
    for (const i of images) {
      expect(i.png.subarray(0, 8).equals(SIGNATURE_PNG)).toBe(true);
      expect(dimensions(i.png)).toEqual([i.largeurPx, i.hauteurPx]);
      expect(i.png.length).toBeGreaterThan(5000); // du texte et des formes, pas une image vide
    }
    fs.mkdirSync(ARTEFACTS, { recursive: true });
    fs.writeFileSync(path.join(ARTEFACTS, 'plan-financement.png'), images[0].png);
    fs.writeFileSync(path.join(ARTEFACTS, 'plan-financement-solde.png'), images[1].png);
  });

  test('image d’un graphique de la description, depuis les valeurs de sa plage', () => {
    const valeurs: Record<string, unknown> = { A1: 'Aides par année', B1: 'Année 1', C1: 'Année 2', A2: 'ARS', B2: 1000, C2: 2000, A3: 'CPAM', B3: 500, C3: 0 };
    const img = imageGraphique({ type: 'colonnes_empilees', titre: 'Essai', donnees: 'A1:C3', ancre: 'E5', largeurColonnes: 4, hauteurLignes: 18 }, (a) => valeurs[a]);
    expect(img.ancre).toBe('E5');
    expect(dimensions(img.png)).toEqual([640, 360]);
    expect(pngDepuisSvg(svgGraphique({ type: 'ligne', titre: 'x', categories: ['a'], series: [{ nom: 's', valeurs: [0] }] })).subarray(0, 8).equals(SIGNATURE_PNG)).toBe(true);
  });
});

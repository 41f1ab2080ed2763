// Le bloc dans la feuille de simulation complète (mise en page partagée, écrivain exceljs, `sip verify`).
import * as fs from 'fs';
import * as path from 'path';
import { BAREME_PAR_DEFAUT } from '../../../src/rules/bareme/donnees';
import type { Scenario } from '../../../src/rules/scenario/types';
import { genererSimulation } from '../../../src/workbook/exceljs/simulation';
import { lireClasseur, recalculerAvecMoteur } from '../../../src/workbook/exceljs/lire';
import { blocPlanDeFinancement } from '../../../src/workbook/plan';
import { recalculerSansTableur, verifierClasseur } from '../../../src/workbook/verification';
import { centreExemple } from '../../rules/plan/exemple';

describe('simulation avec le plan de financement', () => {
  const miseEnPage = { blocs: [blocPlanDeFinancement] };

  test('généré, relu et vérifié : toutes les formules du plan concordent', async () => {
    const g = await genererSimulation(centreExemple(), BAREME_PAR_DEFAUT, { ...miseEnPage, dateGeneration: '2026-11-23T12:00:00.000Z' });
    const titre = g.description.cellules.find((c) => c.valeur === 'Plan de financement');
    expect(titre).toBeDefined();
    expect(g.description.graphiques).toHaveLength(2);
    const erreurs = [...g.valeurs].filter(([, v]) => v !== null && typeof v === 'object');
    expect(erreurs).toEqual([]);
    // Trésorerie cumulée à 24 mois (colonne Y) dans les valeurs en cache du fichier.
    const ligneTresorerie = g.description.cellules.find((c) => c.valeur === 'Trésorerie cumulée')!.adresse.slice(1);
    expect(g.valeurs.get(`Y${ligneTresorerie}`)).toBeCloseTo(71900, 6);

    const lu = await lireClasseur(g.fichier);
    expect(lu.erreurs).toEqual([]);
    const s = lu.simulations[0];
    const r = verifierClasseur(s.cellules, s.provenance, BAREME_PAR_DEFAUT, { recalculer: recalculerAvecMoteur, miseEnPage });
    const ecarts = r.cellules.filter((c) => c.constats[0] !== 'conforme').map((c) => `${c.adresse} ${c.constats.join('+')} ${c.message}`);
    expect(ecarts).toEqual([]);
    expect(r.ok).toBe(true);
    // Le volet (sans HyperFormula) revérifie aussi chaque appel SIP.* du plan.
    const pur = verifierClasseur(s.cellules, s.provenance, BAREME_PAR_DEFAUT, { recalculer: recalculerSansTableur, miseEnPage });
    expect(pur.ok).toBe(true);
    expect(pur.resume.verifiees - pur.resume.nonRecalculees).toBe(s.cellules.filter((c) => c.formule?.includes('_xldudf_SIP_')).length);
  });

  test.each(['centre-de-sante', 'msp-sip'])('exemple livré %s : aucune erreur, vérification conforme', async (nom) => {
    const scenario = JSON.parse(fs.readFileSync(path.join(__dirname, '..', '..', '..', 'examples', `${nom}.json`), 'utf8')) as Scenario;
    const g = await genererSimulation(scenario, BAREME_PAR_DEFAUT, { ...miseEnPage, dateGeneration: '2026-11-23T12:00:00.000Z' });
    expect([...g.valeurs].filter(([, v]) => v !== null && typeof v === 'object')).toEqual([]);
    expect(g.description.graphiques.map((x) => x.type)).toEqual(['colonnes_empilees', 'ligne']);
    const lu = await lireClasseur(g.fichier);
    const s = lu.simulations[0];
    expect(verifierClasseur(s.cellules, s.provenance, BAREME_PAR_DEFAUT, { recalculer: recalculerAvecMoteur, miseEnPage }).ok).toBe(true);
  });
});

// Métadonnées construites (dist/functions.json, dist/functions-fr.json) : chaque fonction du
// catalogue, en français et en anglais, sans collision avec une fonction native d'Excel.
import * as fs from 'fs';
import * as path from 'path';
import { CATALOGUE } from '../../src/catalogue/fonctions';
import { FonctionCatalogue } from '../../src/catalogue/types';
import { genererMetadonnees, MetadonneesExcel } from '../../src/functions/metadonnees';
import { construire } from '../manifest/construction';
import natives from './fonctions-natives-excel.json';

let en: MetadonneesExcel;
let fr: MetadonneesExcel;
let aide: string;

beforeAll(() => {
  const { dossier } = construire();
  en = JSON.parse(fs.readFileSync(path.join(dossier, 'functions.json'), 'utf8'));
  fr = JSON.parse(fs.readFileSync(path.join(dossier, 'functions-fr.json'), 'utf8'));
  aide = fs.readFileSync(path.join(dossier, 'aide.html'), 'utf8');
}, 300_000); // construction webpack de production (une fois par état des sources)

const NOMS_NATIFS = new Set(natives.fonctions.flatMap((f) => [f.en.toUpperCase(), f.fr.toUpperCase()]));

describe('liste des fonctions natives d’Excel', () => {
  test('contient les noms anglais et français courants, dont ceux qui ressemblent aux nôtres', () => {
    for (const n of ['CEILING', 'PLAFOND', 'FLOOR', 'PLANCHER', 'SUM', 'SOMME', 'MIN', 'MAX', 'ROUND', 'ARRONDI', 'IF', 'SI', 'VLOOKUP', 'RECHERCHEV', 'XLOOKUP', 'RECHERCHEX', 'DATE', 'TEXTE']) {
      expect(NOMS_NATIFS).toContain(n);
    }
    expect(natives.fonctions.length).toBeGreaterThan(300);
  });
});

describe.each([
  ['anglais', () => en, 'en' as const],
  ['français', () => fr, 'fr' as const],
])('métadonnées en %s', (_langue, meta, langue) => {
  test('une entrée par fonction du catalogue, dans l’ordre, et aucune autre', () => {
    expect(meta().functions.map((f) => f.id)).toEqual(CATALOGUE.map((f) => f.id));
  });

  test.each(CATALOGUE.map((f) => [f.id, f] as [string, FonctionCatalogue]))('%s : nom, description, arguments, résultat', (id, f) => {
    const m = meta().functions.find((x) => x.id === id)!;
    // Même nom dans toutes les langues : Excel enregistre _xldudf_SIP_<nom> dans les fichiers.
    expect(m.name).toBe(f.nom);
    expect(m.description).toBe(f.description[langue]);
    expect(m.helpUrl).toBe(`https://localhost:3000/aide.html#${f.id}`);
    expect(m.parameters.map((p) => p.name)).toEqual(f.arguments.map((a) => (langue === 'fr' ? a.nom : a.nomEn)));
    m.parameters.forEach((p, i) => {
      const a = f.arguments[i];
      expect(p.description.startsWith(a.description[langue])).toBe(true);
      expect(p.optional).toBe(a.optionnel);
      expect(p.type).toBe('any');
      expect(p.dimensionality).toBe('scalar');
    });
    expect(m.result).toEqual({ type: f.resultat.type === 'booleen' ? 'boolean' : 'number', dimensionality: 'scalar' });
  });

  test('forme permise par Excel : ids et noms en majuscules, paramètres uniques, facultatifs en fin', () => {
    for (const m of meta().functions) {
      expect(m.id).toMatch(/^[A-Z][A-Z0-9_.]*$/);
      expect(m.name).toMatch(/^[A-Z][A-Z0-9_.]*$/);
      const noms = m.parameters.map((p) => p.name);
      expect(new Set(noms).size).toBe(noms.length);
      for (const n of noms) expect(n).toMatch(/^[a-z][a-z0-9_]*$/);
      const premierFacultatif = m.parameters.findIndex((p) => p.optional);
      if (premierFacultatif >= 0) expect(m.parameters.slice(premierFacultatif).every((p) => p.optional)).toBe(true);
    }
  });
});

describe('français', () => {
  test('l’aide de chaque argument numérique dit la plage permise', () => {
    const etp = fr.functions.find((f) => f.id === 'SIP_CAI')!.parameters[0];
    expect(etp.description).toBe('Équivalents temps plein de médecins salariés (ex. 1,5). Attendu : nombre ≥ 0.');
    const quotite = fr.functions.find((f) => f.id === 'SIP_GARANTIE400')!.parameters[2];
    expect(quotite.description).toBe('Quotité de temps de travail, dans ]0 ; 1] (1 = temps plein). Omise : 1.');
  });

  test('les descriptions françaises diffèrent des anglaises (vraie traduction, pas une copie)', () => {
    fr.functions.forEach((f, i) => expect(f.description).not.toBe(en.functions[i].description));
  });
});

describe('aucune collision avec une fonction native d’Excel', () => {
  test('ni les ids, ni les noms complets SIP.<nom>, ni leur forme de fichier', () => {
    for (const f of [...en.functions, ...fr.functions]) {
      expect(NOMS_NATIFS).not.toContain(f.id);
      expect(NOMS_NATIFS).not.toContain(`SIP.${f.name}`);
      expect(NOMS_NATIFS).not.toContain(`_XLDUDF_SIP_${f.name}`);
    }
  });

  test('la collision que l’espace de noms évite est réelle : PLAFOND seul est une fonction native', () => {
    const nus = CATALOGUE.map((f) => f.nom).filter((n) => NOMS_NATIFS.has(n));
    expect(nus).toContain('PLAFOND');
    // …d'où des ids préfixés qui ne sont jamais un nom nu.
    for (const f of CATALOGUE) expect(f.id).toBe(`SIP_${f.nom}`);
  });
});

describe('dérivées du catalogue, sans seconde liste', () => {
  test('les fichiers construits sont exactement la génération depuis le catalogue', () => {
    expect(en).toEqual(genererMetadonnees('en', 'https://localhost:3000'));
    expect(fr).toEqual(genererMetadonnees('fr', 'https://localhost:3000'));
  });

  test('une fonction ajoutée au catalogue apparaît dans les métadonnées', () => {
    const nouvelle: FonctionCatalogue = {
      ...CATALOGUE[0],
      nom: 'ESSAI',
      id: 'SIP_ESSAI',
      description: { fr: 'Essai', en: 'Test' },
    };
    const m = genererMetadonnees('fr', undefined, [...CATALOGUE, nouvelle]);
    expect(m.functions.at(-1)).toMatchObject({ id: 'SIP_ESSAI', name: 'ESSAI', description: 'Essai' });
    expect(m.functions.at(-1)).not.toHaveProperty('helpUrl');
  });

  test('la page d’aide a une ancre par fonction', () => {
    // (la page est minifiée en production : guillemets d'attribut facultatifs)
    for (const f of CATALOGUE) expect(aide).toMatch(new RegExp(`<section id="?${f.id}"?>`));
    expect(aide).toContain('SIP.GARANTIE400(cout_salarial_mensuel ; honoraires_mensuels ; [quotite] ; [date] ; [consultations] ; [mois_du_contrat])');
  });
});

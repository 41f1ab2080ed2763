// Adaptateur Excel ↔ moteur, sur des fonctions fabriquées : une exception imprévue du calcul ou un
// résultat non fini deviennent une erreur Excel, jamais une exception ni NaN.
import { Decimal } from '../../src/rules/decimal';
import { BAREME_PAR_DEFAUT } from '../../src/rules/bareme/donnees';
import { FonctionCatalogue } from '../../src/catalogue/types';
import { adapter, ApiFonctions } from '../../src/functions/adaptateur';
import { baremeCourant, contexteAppel, definirBareme } from '../../src/functions/contexte';
import { CATALOGUE } from '../../src/catalogue/fonctions';
import { CODES, ErreurExcel } from './excel-simule';

const CATALOGUE_PLAFOND = () => CATALOGUE.find((f) => f.id === 'SIP_PLAFOND')!;

const api = { Error: ErreurExcel, ErrorCode: CODES } as unknown as ApiFonctions;
const ctx = () => ({ bareme: BAREME_PAR_DEFAUT, aujourdhui: '2026-01-01' });

function fabriquer(calculer: FonctionCatalogue['calculer']): FonctionCatalogue {
  return {
    nom: 'ESSAI',
    id: 'SIP_ESSAI',
    description: { fr: 'essai', en: 'test' },
    arguments: [{ nom: 'x', nomEn: 'x', type: 'nombre', optionnel: false, description: { fr: 'x', en: 'x' } }],
    resultat: { type: 'nombre', unite: '€', description: { fr: 'r', en: 'r' } },
    calculer,
  };
}
const rien = { regle: { id: 'essai', libelle: 'essai', source: { document: '-', section: '-' } }, entrees: {}, parametres: [], detail: [], avertissements: [] };

test('une exception imprévue du calcul devient #VALUE! avec un message français', () => {
  const f = adapter(fabriquer(() => { throw new TypeError('boum'); }), api, ctx);
  const r = f(1, { address: 'A1' }) as ErreurExcel;
  expect(r).toBeInstanceOf(ErreurExcel);
  expect(r.code).toBe('#VALUE!');
  expect(r.message).toBe('SIP.ESSAI : erreur interne (boum)');
});

test('un résultat trop grand pour une cellule devient #NUM!', () => {
  const f = adapter(fabriquer(() => ({ valeur: new Decimal('1e400'), explication: rien } as never)), api, ctx);
  expect((f(1) as ErreurExcel).code).toBe('#NUM!');
});

test('l’objet invocation ajouté par Excel est ignoré ; une matrice 1×1 est lue comme sa cellule', () => {
  const f = adapter(fabriquer(([x]) => ({ valeur: (x as Decimal).times(2), explication: rien } as never)), api, ctx);
  expect(f(21, { address: 'A1', functionName: 'SIP.ESSAI' })).toBe(42);
  expect(f([[21]])).toBe(42);
});

test('la date du jour est la date locale (23 h 30 le 31 décembre reste le 31 décembre)', () => {
  expect(contexteAppel(new Date(2025, 11, 31, 23, 30)).aujourdhui).toBe('2025-12-31');
  expect(contexteAppel(new Date(2026, 0, 1, 0, 5)).aujourdhui).toBe('2026-01-01');
});

test('un barème défini par le volet (runtime partagé) est celui des fonctions, jusqu’à son retrait', () => {
  const modifie = {
    ...BAREME_PAR_DEFAUT,
    version: 'essai',
    parametres: BAREME_PAR_DEFAUT.parametres.map((p) =>
      p.id === 'sip.plafond.par_professionnel' ? { ...p, valeurs: p.valeurs.map((v) => ({ ...v, valeur: '2000' })) } : p,
    ),
  };
  const plafond = adapter(CATALOGUE_PLAFOND(), api, () => contexteAppel(new Date(2026, 0, 1)));
  definirBareme(modifie);
  try {
    expect(baremeCourant().version).toBe('essai');
    expect(plafond(12, null)).toBe(39000); // 15 000 + 12 × 2 000
  } finally {
    definirBareme(null);
  }
  expect(plafond(12, null)).toBe(27000);
});

// Le barème daté : cohérence des données, lecture à une date, avertissements de changements connus.
import { BAREME_PAR_DEFAUT } from '../../src/rules/bareme/donnees';
import { LecteurBareme, trouverValeur } from '../../src/rules/bareme/lecture';
import { Bareme } from '../../src/rules/bareme/types';
import { caiTotal, cosco } from '../../src/rules/regles/cds';
import { Decimal } from '../../src/rules/decimal';
import { explication } from '../aide-test';

describe('données du barème', () => {
  test('chaque valeur a une source, un statut et une période valide, sans chevauchement', () => {
    for (const p of BAREME_PAR_DEFAUT.parametres) {
      expect(p.libelle).not.toBe('');
      const tri = [...p.valeurs].sort((a, b) => a.du.localeCompare(b.du));
      tri.forEach((v, i) => {
        expect(['confirme', 'a_confirmer', 'hypothese']).toContain(v.statut);
        expect(v.source.document).not.toBe('');
        expect(v.source.section).not.toBe('');
        if (v.au) expect(v.au >= v.du).toBe(true);
        if (i > 0) expect(tri[i - 1].au !== null && tri[i - 1].au! < v.du).toBe(true);
      });
    }
  });
  test('identifiants uniques', () => {
    const ids = BAREME_PAR_DEFAUT.parametres.map((p) => p.id);
    expect(new Set(ids).size).toBe(ids.length);
  });
  test('tarif de la consultation G selon la date', () => {
    expect(trouverValeur(BAREME_PAR_DEFAUT, 'tarif.consultation_g', '2023-10-31').valeur.valeur).toBe('25');
    expect(trouverValeur(BAREME_PAR_DEFAUT, 'tarif.consultation_g', '2023-11-01').valeur.valeur).toBe('26.5');
    expect(trouverValeur(BAREME_PAR_DEFAUT, 'tarif.consultation_g', '2024-12-22').valeur.valeur).toBe('30');
    expect(() => trouverValeur(BAREME_PAR_DEFAUT, 'tarif.consultation_g', '2017-04-30')).toThrow(/aucune valeur/);
  });
});

describe('changements connus non chiffrés (REGLES.md §6)', () => {
  test('un CAI calculé en 2026 porte l’avertissement du nouvel accord de 2025 et des aides de 2026', () => {
    const a = explication('CAI', 2).avertissements.join('\n');
    expect(a).toContain('28 août 2025');
    expect(a).toContain('1er janvier 2026');
  });
  test('un CAI calculé en 2019 n’en porte aucun', () => {
    expect(caiTotal(BAREME_PAR_DEFAUT, { etp: new Decimal(2), date: '2019-06-01' }).explication.avertissements).toEqual([]);
  });
  test('une valeur plus récente saisie par l’utilisateur lève l’avertissement', () => {
    const b: Bareme = structuredClone(BAREME_PAR_DEFAUT);
    const p = b.parametres.find((x) => x.id === 'cosco.montant_etp_an')!;
    p.valeurs[0].au = '2025-12-31';
    p.valeurs.push({ valeur: '6000', du: '2026-01-01', au: null, statut: 'a_confirmer', source: { document: 'Accord national 2025', section: 'saisie ARS' } });
    const r = cosco(b, { etp: new Decimal(1), annees: new Decimal(1), date: '2026-06-01' });
    expect(r.valeur.toNumber()).toBe(6000);
    expect(r.explication.avertissements).toEqual([]);
    expect(cosco(b, { etp: new Decimal(1), annees: new Decimal(1), date: '2025-09-01' }).explication.avertissements).toHaveLength(1);
  });
  test('le lecteur note chaque paramètre une fois', () => {
    const l = new LecteurBareme(BAREME_PAR_DEFAUT, '2026-01-01');
    l.valeur('aci.valeur_point');
    l.valeur('aci.valeur_point');
    expect(l.utilises).toHaveLength(1);
    expect(l.utilises[0]).toMatchObject({ id: 'aci.valeur_point', valeur: '7', statut: 'confirme' });
  });
});

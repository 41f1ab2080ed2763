// Comparaison par le sens (issue 14, point 3) : deux écritures d'une même formule ou d'un même format
// se valent ; un changement de sens ne se vaut jamais. Cas écrits à la main depuis ce qu'écrivent
// exceljs, Excel (préfixes _xlfn., forme _xldudf_) et LibreOffice 7.4 (TRUE(), minuscules, « #,##0.00" €" »).
import { booleenDeFormule, formatCanonique, normaliserFormule, referencesDe } from '../../src/workbook/verification';
import { sansFeuillePropre } from '../../src/workbook/verification/formules';

describe('formules comparées par leur sens', () => {
  test.each([
    ['=SIP.CAI($B$27,2,$B$33)', '_xldudf_SIP_CAI($B$27,2,$B$33)'],
    ['=SIP.CAI($B$27,2,$B$33)', '_xldudf_sip_cai(B27, 2, B33)'],
    ['=SIP.PLAFOND400($B$26,B118)', '=_xlfn._xldudf_SIP_PLAFOND400( $B$26 , B118 )'],
    ['=SUM(B24:B26)', '=((sum($B$24:$B$26)))'],
    ['=SUM(B24:B26)', 'of:=SUM(B24:B26)'],
    ['=SUM(B24:B26)', "=SUM('Simulation'!B24:B26)"],
    ['=IF(G41,E41,0)', '=IF(G41,E41,0.0)'],
    ['=AND(C41,NOT(G41))', '=AND(C41,NOT(G41))'],
    ['=SUMIFS($I$81:$I$107,$J$81:$J$107,"CAI",$C$81:$C$107,1)', '=_xlfn.SUMIFS(I81:I107,J81:J107,"CAI",C81:C107,1)'],
    ['=TRUE', '=TRUE()'],
    ['=1E3', '=1000'],
  ])('%s ≡ %s', (a, b) => {
    expect(normaliserFormule(b, 'Simulation')).toBe(normaliserFormule(a, 'Simulation'));
  });

  test.each([
    ['=SIP.CAI($B$27,2,$B$33)', '=SIP.CAI($B$27,1,$B$33)'],
    ['=SIP.CAI($B$27,2,$B$33)', '=SIP.CAI($B$27,2,$B$33)*2'],
    ['=SUM(B24:B26)', '=SUM(B24:B27)'],
    ['=SUM(B24:B26)', "=SUM('Autre feuille'!B24:B26)"],
    ['=(A1+B1)*2', '=A1+B1*2'],
    ['=B1&"A"', '=B1&"a"'],
    ['=IF(A1,1,0)', '=IF(A1,0,1)'],
  ])('%s ≠ %s', (a, b) => {
    expect(normaliserFormule(b, 'Simulation')).not.toBe(normaliserFormule(a, 'Simulation'));
  });

  test('VRAI et FAUX écrits en formule par LibreOffice', () => {
    expect([booleenDeFormule('=TRUE()'), booleenDeFormule('FALSE()'), booleenDeFormule('=TRUE'), booleenDeFormule('=1=1'), booleenDeFormule('=A1')]).toEqual([true, false, true, null, null]);
  });

  test('la feuille propre retirée des références pour le recalcul, pas celle d’une autre feuille ni le texte', () => {
    expect(sansFeuillePropre("=SUM(Simulation!B24:B26)+'Simulation'!C3+Autre!D4&\"Simulation!A1\"", 'Simulation')).toBe('=SUM(B24:B26)+C3+Autre!D4&"Simulation!A1"');
  });

  test('références d’une formule : zones, noms, indirectes', () => {
    const r = referencesDe("=Simulation!B8*2+SUM('Ma feuille'!$B$6:$B$7)+sim_etp+INDIRECT(\"A1\")+C:C")!;
    expect(r.zones.map((z) => [z.feuille, z.c1, z.l1, z.c2, z.l2])).toEqual([
      ['Simulation', 2, 8, 2, 8],
      ['Ma feuille', 2, 6, 2, 7],
      [null, 3, 1, 3, 1_048_576],
    ]);
    expect(r.noms).toEqual(['sim_etp']);
    expect(r.indirecte).toBe(true);
  });
});

describe('formats de nombre comparés par ce qu’ils affichent', () => {
  test.each([
    ['#,##0.00 "€"', '#,##0.00" €"'],
    ['#,##0.00 "€"', '#,##0.00\\ "€"'],
    ['#,##0.00 "€"', '#,##0.00 [$€-40C]'],
    ['#,##0.00 "€"', '#,##0.00\u00a0"€"'],
    ['0 %', '0\\ %'],
    ['dd/mm/yyyy', 'DD/MM/YYYY'],
    ['General', ''],
    ['General', 'Standard'],
    ['General', undefined],
  ])('%p ≡ %p', (a, b) => {
    expect(formatCanonique(b)).toBe(formatCanonique(a));
  });

  test.each([
    ['#,##0.00 "€"', '"250 000,00 €"'],
    ['#,##0.00 "€"', '#,##0.00,"000 €"'],
    ['#,##0.00 "€"', '#,##0 "€"'],
    ['#,##0.00 "€"', '#,##0.00 "€";;;"50 000 €"'],
    ['0 %', '0.0 %'],
    ['General', '@'],
    ['dd/mm/yyyy', 'mm/dd/yyyy'],
  ])('%p ≠ %p', (a, b) => {
    expect(formatCanonique(b)).not.toBe(formatCanonique(a));
  });

  test('forme canonique lisible', () => {
    expect(formatCanonique('#,##0.00 "€"')).toBe('#,##0.00" €"');
    expect(formatCanonique('0 %')).toBe('0" "%');
  });
});

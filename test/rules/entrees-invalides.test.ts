// Chaque classe d'entrée invalide donne une erreur claire qui nomme l'argument, jamais un nombre.
import { erreur, sip, SIGNE_2025 } from '../aide-test';

describe('entrées invalides', () => {
  test('ETP négatif → #NOMBRE! avec la plage', () => {
    const e = erreur('CAI', -1, null, SIGNE_2025);
    expect(e.code).toBe('#NOMBRE!');
    expect(e.message).toBe('etp : nombre ≥ 0 attendu (reçu : -1)');
    expect(e.argument).toBe('etp');
  });
  test('ETP non numérique → #VALEUR!', () => {
    const e = erreur('COSCO', 'trois', null, SIGNE_2025);
    expect(e.code).toBe('#VALEUR!');
    expect(e.message).toBe('etp : nombre ≥ 0 attendu (reçu : le texte « trois »)');
    expect(erreur('COSCO', true, null, SIGNE_2025).code).toBe('#VALEUR!');
  });
  test('montants négatifs', () => {
    expect(erreur('AIDE', -5, 12).message).toBe('montant_devis : nombre ≥ 0 attendu (reçu : -5)');
    expect(erreur('GARANTIE400', 9000, -1).argument).toBe('honoraires_mensuels');
    expect(erreur('CST', -0.01, 1, SIGNE_2025).argument).toBe('honoraires_annuels');
  });
  test('quotité hors de ]0 ; 1]', () => {
    expect(erreur('GARANTIE400', 9000, 1000, 0).message).toBe('quotite : nombre dans ]0 ; 1] attendu (reçu : 0)');
    expect(erreur('GARANTIE400', 9000, 1000, 1.2).message).toBe('quotite : nombre dans ]0 ; 1] attendu (reçu : 1,2)');
    expect(erreur('SEUIL400', 4, -0.5).code).toBe('#NOMBRE!');
  });
  test('NaN et infinis → #NOMBRE!', () => {
    expect(erreur('CAI', Number.NaN, null, SIGNE_2025).code).toBe('#NOMBRE!');
    expect(erreur('CAI', Number.POSITIVE_INFINITY, null, SIGNE_2025).code).toBe('#NOMBRE!');
  });
  test('nombre de professionnels non entier ou nul', () => {
    expect(erreur('PLAFOND', 0).message).toBe('nb_professionnels : entier ≥ 1 attendu (reçu : 0)');
    expect(erreur('PLAFOND', 2.5).code).toBe('#NOMBRE!');
  });
  test('argument obligatoire manquant', () => {
    expect(erreur('PLAFOND').message).toBe('nb_professionnels : argument obligatoire manquant (entier ≥ 1 attendu)');
    expect(erreur('CST', 1000, null, SIGNE_2025).argument).toBe('etp');
  });
  test('trop d’arguments', () => {
    expect(erreur('PLAFOND', 12, 46000, 3).message).toContain('2 argument(s) au plus');
  });
  test('booléen invalide', () => {
    expect(erreur('MATERNITE400', 7200, 2900, 'peut-être').message).toBe('salaire_maintenu : VRAI ou FAUX attendu (reçu : le texte « peut-être »)');
    expect(erreur('ACI', 1, 1, 1, 2).code).toBe('#VALEUR!');
  });
  test('date hors du barème → #N/A, pas de valeur devinée', () => {
    // 01/01/2015 (série 42005) : avant les contrats du 20/10/2018.
    const e = erreur('CAI', 2, null, 42005);
    expect(e.code).toBe('#N/A');
    expect(e.message).toContain('01/01/2015');
    expect(e.message).toContain('20/10/2018');
    expect(erreur('GARANTIE400', 9000, 1000, 1, '2019-02-05').code).toBe('#N/A');
    expect(sip('GARANTIE400', 9500, 7000, 1, '2019-02-06')).toBe(2070);
  });
  test('date invalide', () => {
    expect(erreur('CAI', 2, null, -3).code).toBe('#NOMBRE!');
    expect(erreur('CAI', 2, null, '2024-02-30').code).toBe('#VALEUR!');
    expect(erreur('CAI', 2, null, true).code).toBe('#VALEUR!');
  });
  test('arguments facultatifs vides → valeurs par défaut', () => {
    expect(sip('COSCO', 3, null, SIGNE_2025)).toBe(15000);
    expect(sip('COSCO', 3, '', SIGNE_2025)).toBe(15000);
    expect(sip('GARANTIE400', 9500, 7000, null, null)).toBe(2070);
    expect(sip('ACI', 1000, 1700, 6000, null)).toBe(24850);
  });
  test('date française JJ/MM/AAAA acceptée', () => {
    expect(sip('CAI', 2, null, '15/06/2021')).toBe(55000);
  });
});

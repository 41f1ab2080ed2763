// Valeurs des explications comme un lecteur français les attend : 80 %, 15 000 €, 12 345,67 €,
// « aucune » sans unité, 1 an / 3 ans / 24 mois, dates JJ/MM/AAAA, entiers sans décimales.
// Attendus écrits à la main (espaces insécables notées « ␣ » puis remplacées).
import { appeler, trouverFonction } from '../../src/catalogue';
import { texteExplication } from '../../src/cli/explication-texte';
import { Decimal } from '../../src/rules/decimal';
import { formatDate, formatDateHeure, formatDuree, formatMontant, formatNombre, formatTaux, formatValeurUnite } from '../../src/rules/format';
import { CTX, SIGNE_2025 } from '../aide-test';

/** « 15␣000␣€ » → avec les espaces insécables que produit la mise en forme. */
const fr = (t: string) => t.replace(/␣/g, '\u00a0');

describe('nombres, montants, taux, durées, dates', () => {
  test('montants : euros entiers sans décimales, sinon au centime, demi-centime vers le haut', () => {
    expect(formatMontant(15000)).toBe(fr('15␣000␣€'));
    expect(formatMontant(new Decimal('12345.67'))).toBe(fr('12␣345,67␣€'));
    expect(formatMontant(new Decimal('0.5'))).toBe(fr('0,50␣€'));
    expect(formatMontant(new Decimal('1234.565'))).toBe(fr('1␣234,57␣€'));
    expect(formatMontant(new Decimal('2999.999'))).toBe(fr('3␣000␣€'));
    expect(formatMontant(-0)).toBe(fr('0␣€'));
  });
  test('entiers sans décimales, décimales à la virgule', () => {
    expect(formatNombre(4000)).toBe(fr('4␣000'));
    expect(formatNombre(new Decimal('2.35'))).toBe('2,35');
    expect(formatNombre(new Decimal('3.0'))).toBe('3');
  });
  test('taux en pourcentage', () => {
    expect(formatTaux(new Decimal('0.8'))).toBe(fr('80␣%'));
    expect(formatTaux(new Decimal('0.125'))).toBe(fr('12,5␣%'));
  });
  test('durées : 1 an, 1,5 an, 3 ans, 24 mois', () => {
    expect(formatDuree(1, 'an')).toBe(fr('1␣an'));
    expect(formatDuree(new Decimal('1.5'), 'an')).toBe(fr('1,5␣an'));
    expect(formatDuree(3, 'an')).toBe(fr('3␣ans'));
    expect(formatDuree(24, 'mois')).toBe(fr('24␣mois'));
  });
  test('dates JJ/MM/AAAA ; horodatage JJ/MM/AAAA HH:MM', () => {
    expect(formatDate('2025-06-01')).toBe('01/06/2025');
    // Heure locale : un horodatage sans fuseau est lu à l'heure locale, quel que soit le fuseau de la machine.
    expect(formatDateHeure('2026-12-01T20:24:32.560')).toBe('01/12/2026 20:24');
    expect(formatDateHeure('pas une date')).toBe('pas une date');
  });
});

describe('valeur d’un paramètre du barème avec son unité', () => {
  test.each([
    ['30000', '€/ETP', '30␣000␣€/ETP'],
    ['9070.5', '€/mois', '9␣070,50␣€/mois'],
    ['15000', '€', '15␣000␣€'],
    ['0.8', 'taux', '80␣%'],
    ['1', 'années', '1␣an'],
    ['3', 'années', '3␣ans'],
    ['24', 'mois', '24␣mois'],
    ['11', 'mois (1 à 12)', 'novembre'],
    ['4', 'mois de l’année', 'avril'],
    ['1', 'oui/non', 'oui'],
    ['0', 'oui/non', 'non'],
    ['1', 'ETP', '1␣ETP'],
    ['4000', 'patients', '4␣000␣patients'],
    ['1', 'points/professionnel', '1␣point/professionnel'],
    ['200', 'points/professionnel', '200␣points/professionnel'],
    ['16', 'professionnels', '16␣professionnels'],
    ['1', 'jours/an', '1␣jour/an'],
    ['165', 'consultations/mois', '165␣consultations/mois'],
  ])('%s %s → %s', (valeur, unite, attendu) => {
    expect(formatValeurUnite(valeur, unite)).toBe(fr(attendu));
  });
  test('« aucune » sans unité ; « non publié »', () => {
    expect(formatValeurUnite(null, '€')).toBe('aucune');
    expect(formatValeurUnite(null, '€/an', true)).toBe('non publié €/an');
  });
});

describe('explications des fonctions', () => {
  const explication = (nom: string, ...args: (number | string | null)[]) => appeler(trouverFonction(nom)!, args, CTX).explication;

  test('CAI : montants sans « ,00 », paramètres avec leur unité, « oui » pour la signature ouverte', () => {
    // 2 ETP : 1 × 30 000 + 1 × 25 000 = 55 000 € (politique régionale des CDS §2.1).
    const e = explication('CAI', 2, null, SIGNE_2025);
    expect(e.calcul).toBe(fr('1 × 30␣000␣€ + 1 × 25␣000␣€ = 55␣000␣€, plafonné à 80␣000␣€ → 55␣000␣€'));
    const texte = texteExplication('SIP.CAI', e).join('\n');
    expect(texte).toContain(fr('Paramètre cai.montant_etp_tranche1 = 30␣000␣€/ETP (du 20/10/2018)'));
    expect(texte).toContain('Paramètre cai.signature_ouverte = oui (du 20/10/2018 au 31/12/2025)');
    expect(texte).toContain('Entrées : etp = 2');
  });
  test('COSCO : durée en années (« 2,5 ans »), ETP à la virgule', () => {
    // 5 000 × 2,35 × 2,5 = 29 375 €.
    expect(explication('COSCO', 2.35, 2.5, SIGNE_2025).calcul).toBe(fr('5␣000␣€ × 2,35 ETP × 2,5␣ans = 29␣375␣€'));
    expect(explication('COSCO', 1, 1, SIGNE_2025).calcul).toBe(fr('5␣000␣€ × 1 ETP × 1␣an = 5␣000␣€'));
  });
  test('VERSEMENT : taux en pourcentage, centimes gardés quand il y en a', () => {
    // 80 % × 27 000,55 = 21 600,44 €.
    expect(explication('VERSEMENT', 27000.55, 1).calcul).toBe(fr('80␣% × 27␣000,55␣€ = 21␣600,44␣€ (à la signature de la convention)'));
  });
  test('PLAFOND : le plafond global absent est « aucune », jamais « aucun € »', () => {
    const texte = texteExplication('SIP.PLAFOND', explication('PLAFOND', 12)).join('\n');
    expect(texte).toContain('Paramètre sip.plafond.maximum = aucune (du 01/01/2017)');
    expect(texte).not.toMatch(/aucun\s*€/);
  });
  test('PARAMETRE : la valeur avec son unité', () => {
    expect(explication('PARAMETRE', 'cai.plafond').calcul).toBe(fr('CAI : montant maximal = 80␣000␣€'));
    expect(explication('PARAMETRE', 'sip.versement.part_convention').calcul).toMatch(/= 80\u00a0%$/);
  });
  test('ELIGIBLE : la date d’entrée en JJ/MM/AAAA, une entrée omise en « — »', () => {
    const texte = texteExplication('SIP.ELIGIBLE', explication('ELIGIBLE', 'CAI', 'ZIP', null, null, SIGNE_2025)).join('\n');
    expect(texte).toContain('date = 01/06/2025');
    expect(texteExplication('SIP.ELIGIBLE', explication('ELIGIBLE', 'CAI', 'ZIP')).join('\n')).toContain('date = —');
  });
});

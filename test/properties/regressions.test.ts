// Défauts trouvés par les tests de propriétés, figés en cas précis.
import { evaluer, trouverFonction } from '../../src/catalogue';
import { evaluerFormule } from '../../src/formules/moteur';
import { BAREME_PAR_DEFAUT } from '../../src/rules/bareme/donnees';
import { LecteurBareme } from '../../src/rules/bareme/lecture';
import { AUJOURDHUI, CTX } from './arbitraires';

const f = (nom: string) => {
  const x = trouverFonction(nom);
  if (!x) throw new Error(nom);
  return x;
};

describe('régressions trouvées par fast-check', () => {
  it('un zéro négatif en entrée ne donne jamais -0 en cellule (affiché « -0 »)', () => {
    for (const [nom, args] of [
      ['GARANTIE400', [-0, 0]],
      ['CST', [-0, -0, 45809]], // signé le 01/06/2025 (avant la fin des contrats)
      ['AIDE', [-0, 3]],
      ['VERSEMENT', [-0, 2]],
      ['COSCO', [-0, null, 45809]],
    ] as const) {
      const v = evaluer(f(nom), [...args], CTX);
      expect(Object.is(v, 0)).toBe(true);
    }
  });

  it('SIP.PARAMETRE : un identifiant inconnu ou sans valeur est une erreur qui nomme « identifiant »', () => {
    expect(() => evaluer(f('PARAMETRE'), ['cai.inconnu'], CTX)).toThrow(
      expect.objectContaining({ code: '#N/A', argument: 'identifiant', message: expect.stringMatching(/^identifiant : .*« cai\.inconnu »/) }),
    );
    // sip.plafond.maximum vaut « aucune » (pas de plafond global) dans le barème par défaut.
    expect(() => evaluer(f('PARAMETRE'), ['sip.plafond.maximum'], CTX)).toThrow(expect.objectContaining({ code: '#N/A', argument: 'identifiant' }));
    expect(evaluer(f('PARAMETRE'), ['cai.plafond'], CTX)).toBe(new LecteurBareme(BAREME_PAR_DEFAUT, AUJOURDHUI).valeur('cai.plafond').toNumber());
  });

  it('une valeur minuscule (quotité 1e-306) donne 0 et non NaN dans HyperFormula', () => {
    // HyperFormula rend NaN pour un nombre sous ~1e-300 ; la valeur de cellule est ramenée à 0.
    expect(evaluerFormule('=SIP.SEUIL400(1;1e-306)', { aujourdhui: AUJOURDHUI })).toBe(0);
    expect(evaluer(f('SEUIL400'), [1, 1e-306], CTX)).toBe(0);
    // Une petite quotité raisonnable reste exacte : seuil courant × 0,01 après les premiers mois.
    const courant = new LecteurBareme(BAREME_PAR_DEFAUT, AUJOURDHUI).valeur('postes400.seuil_courant');
    expect(evaluer(f('SEUIL400'), [24, 0.01], CTX)).toBe(courant.times('0.01').toNumber());
  });
});

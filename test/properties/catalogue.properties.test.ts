// Propriétés de TOUTES les fonctions du catalogue (une fonction ajoutée est couverte d'office) :
// quelle que soit l'entrée, un nombre fini au centime, un booléen, ou une erreur Excel claire qui
// nomme l'argument — jamais une autre exception, jamais NaN.
import fc from 'fast-check';
import { appeler, CATALOGUE, evaluer, FonctionCatalogue, ValeurBrute } from '../../src/catalogue';
import { ErreurRegle } from '../../src/rules/erreurs';
import { estParametreNonPublie } from '../../src/rules/bareme/lecture';
import { argumentsDe, argumentsPlausibles, CTX, defautErreur, defautValeur, SERIE_AUJOURDHUI } from './arbitraires';

function issue(f: FonctionCatalogue, bruts: ValeurBrute[]): string | null {
  let v: number | boolean;
  try {
    v = evaluer(f, bruts, CTX);
  } catch (e) {
    return defautErreur(f, e);
  }
  return defautValeur(f, v);
}

describe.each(CATALOGUE.map((f) => [`SIP.${f.nom}`, f] as const))('%s, entrées quelconques', (_nom, f) => {
  it('renvoie une valeur de cellule valable ou une ErreurRegle claire', () => {
    fc.assert(
      fc.property(argumentsDe(f), (bruts) => {
        const defaut = issue(f, bruts);
        if (defaut) throw new Error(`SIP.${f.nom}(${bruts.map((b) => JSON.stringify(b) ?? 'undefined').join(' ; ')}) : ${defaut}`);
      }),
      { numRuns: 400 },
    );
  });

  it('avec des arguments plausibles, calcule (pas d’erreur) et s’explique sans NaN ni undefined', () => {
    fc.assert(
      fc.property(argumentsPlausibles(f), (bruts) => {
        let r;
        try {
          r = appeler(f, bruts, CTX);
        } catch (e) {
          // Seules erreurs admises sur des entrées plausibles : une valeur de barème absente (paramètre
          // « aucune » lu par SIP.PARAMETRE) ou un résultat trop grand pour une cellule.
          if (e instanceof ErreurRegle && (e.code === '#N/A' || e.code === '#NOMBRE!') && defautErreur(f, e) === null && f.nom === 'PARAMETRE') return;
          // L'aide automatique des centres de santé n'a pas de montant publié : #N/A qui nomme le paramètre à saisir.
          if (f.nom === 'AIDE_CDS' && estParametreNonPublie(e) && defautErreur(f, e) === null) return;
          throw e;
        }
        expect(defautValeur(f, evaluer(f, bruts, CTX))).toBeNull();
        const texte = JSON.stringify(r.explication);
        expect(texte).not.toMatch(/NaN|undefined|Infinity|\[object/);
        expect(r.explication.calcul.length).toBeGreaterThan(0);
        expect(r.explication.regle.libelle.length).toBeGreaterThan(0);
      }),
      { numRuns: 200 },
    );
  });

  it('les arguments facultatifs omis (null, non passés, texte vide) donnent la même valeur', () => {
    const obligatoires = f.arguments.filter((a) => !a.optionnel).length;
    const facultatifs = f.arguments.length - obligatoires;
    if (facultatifs === 0) return;
    fc.assert(
      fc.property(argumentsPlausibles(f), (bruts) => {
        const base = bruts.slice(0, obligatoires);
        const attendre = (args: ValeurBrute[]) => {
          try {
            return { v: evaluer(f, args, CTX) };
          } catch (e) {
            return { e: (e as ErreurRegle).code };
          }
        };
        const ref = attendre(base);
        expect(attendre([...base, ...Array(facultatifs).fill(null)])).toEqual(ref);
        expect(attendre([...base, ...Array(facultatifs).fill('')])).toEqual(ref);
        expect(attendre([...base, ...Array(facultatifs).fill(undefined)])).toEqual(ref);
      }),
      { numRuns: 50 },
    );
  });
});

describe('cas de bord connus, toutes fonctions', () => {
  const bords: ValeurBrute[] = [NaN, Infinity, -Infinity, -0, -1, 1e308, -1e308, 5e-324, '1,5', '12', 'abc', true, false, null, undefined, ''];
  it.each(CATALOGUE.map((f) => [`SIP.${f.nom}`, f] as const))('%s : chaque argument remplacé par une valeur de bord', (_n, f) => {
    const plausibles = fc.sample(argumentsPlausibles(f), { numRuns: 1, seed: 7 })[0];
    for (let i = 0; i < f.arguments.length; i++) {
      for (const b of bords) {
        const args = [...plausibles];
        args[i] = b;
        const defaut = issue(f, args);
        if (defaut) throw new Error(`SIP.${f.nom} argument ${f.arguments[i].nom} = ${String(b)} : ${defaut}`);
      }
    }
  });

  it('NaN et ±Infinity sur un argument numérique donnent #NOMBRE! en le nommant', () => {
    for (const f of CATALOGUE) {
      f.arguments.forEach((a, i) => {
        if (a.type !== 'nombre') return;
        for (const x of [NaN, Infinity, -Infinity]) {
          const args: ValeurBrute[] = f.arguments.map(() => null);
          args[i] = x;
          try {
            evaluer(f, args, CTX);
            throw new Error(`SIP.${f.nom} a accepté ${x} pour ${a.nom}`);
          } catch (e) {
            // Un argument obligatoire manquant placé avant peut être signalé d'abord : seul compte le cas où c'est celui-ci.
            if (!(e instanceof ErreurRegle)) throw e;
            if (e.argument === a.nom) {
              expect(e.code).toBe('#NOMBRE!');
              expect(e.message).toContain(a.nom);
            }
          }
        }
      });
    }
  });

  it('une date hors du barème est une erreur #N/A qui nomme la date, jamais une valeur devinée', () => {
    const avant2010 = SERIE_AUJOURDHUI - 365 * 20; // 2006 : avant toute valeur du barème
    for (const f of CATALOGUE) {
      const iDate = f.arguments.findIndex((a) => a.type === 'date');
      if (iDate < 0) continue;
      const args = fc.sample(argumentsPlausibles(f), { numRuns: 1, seed: 3 })[0];
      args[iDate] = avant2010;
      // SIP.ELIGIBLE : la date est celle du régime ; avant le dispositif, il n'est pas ouvert (FAUX, expliqué).
      if (f.nom === 'ELIGIBLE') expect(evaluer(f, args, CTX)).toBe(false);
      else expect(() => evaluer(f, args, CTX)).toThrow(expect.objectContaining({ code: '#N/A', argument: 'date' }));
    }
  });
});

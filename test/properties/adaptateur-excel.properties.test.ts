// Le chemin d'Excel : l'adaptateur des fonctions personnalisées reçoit n'importe quoi (valeurs,
// matrices, objet « invocation » ajouté par Excel) et rend un nombre valable, un booléen ou une
// CustomFunctions.Error au code connu — jamais une exception, jamais une « erreur interne ».
import fc from 'fast-check';
import { CATALOGUE } from '../../src/catalogue';
import { adapter, ApiFonctions } from '../../src/functions/adaptateur';
import { creerFauxOffice, ErreurExcel } from '../browser/faux-office';
import { argumentsDe, CTX, defautValeur, valeurBrute } from './arbitraires';

// CustomFunctions (Error, ErrorCode) du faux hôte Office des tests, le même partout.
const API = creerFauxOffice().CustomFunctions as ApiFonctions;

/** Ce qu'Excel peut passer en plus des valeurs simples : matrices, objet d'invocation. */
const valeurExcel: fc.Arbitrary<unknown> = fc.oneof(
  { arbitrary: valeurBrute, weight: 5 },
  { arbitrary: valeurBrute.map((v) => [[v]]), weight: 1 },
  { arbitrary: fc.array(fc.array(valeurBrute, { maxLength: 2 }), { maxLength: 2 }), weight: 1 },
  { arbitrary: fc.constant({ address: 'Feuil1!A1', functionName: 'SIP.CAI' }), weight: 1 },
);

describe.each(CATALOGUE.map((f) => [`SIP.${f.nom}`, f] as const))('%s appelée par Excel', (_n, f) => {
  const appel = adapter(f, API, () => CTX);
  it('rend une valeur valable ou une erreur Excel claire', () => {
    fc.assert(
      fc.property(fc.oneof(argumentsDe(f), fc.array(valeurExcel, { maxLength: f.arguments.length + 2 })), (args) => {
        // Excel ajoute toujours l'objet d'invocation en dernier argument.
        const r = appel(...args, { address: 'Feuil1!B2' });
        if (r instanceof ErreurExcel) {
          expect(['#VALUE!', '#NUM!', '#N/A']).toContain(r.code);
          expect(r.message ?? '').not.toMatch(/erreur interne/);
          expect((r.message ?? '').length).toBeGreaterThan(10);
          return;
        }
        const defaut = defautValeur(f, r);
        if (defaut) throw new Error(`${JSON.stringify(args)} → ${String(r)} : ${defaut}`);
      }),
      { numRuns: 150 },
    );
  });
});

// Les exemples de chaque fonction (src/catalogue/exemples.json), gardés en données à côté du
// catalogue : un seul test les exécute tous, par le moteur du catalogue (ce que reçoit Excel) et par
// le chemin des formules de la CLI (`sip calc`). Les valeurs attendues sont calculées à la main dans
// le fichier (l'explication de chaque exemple donne le calcul et sa source).
import Ajv from 'ajv';
import { CATALOGUE, evaluer, FonctionCatalogue, lignesExemples, tableauFonctions, trouverFonction, ValeurBrute } from '../../src/catalogue';
import { DONNEES_EXEMPLES, ExempleFonction, exemplesDe, fonctionsAvecExemples, partieDuMessage } from '../../src/catalogue/lecture-exemples';
import schema from '../../src/catalogue/exemples.schema.json';
import { main } from '../../src/cli/main';
import { Io } from '../../src/cli/io';
import { analyser, Noeud } from '../../src/formules/analyse';
import { evaluer as evaluerFormule } from '../../src/formules/evaluation';
import { syntaxe } from '../../src/formules/langue';
import { pageAide } from '../../src/functions/metadonnees';
import { BAREME_PAR_DEFAUT } from '../../src/rules/bareme/donnees';
import { isoVersFrancais } from '../../src/rules/dates';
import { Decimal } from '../../src/rules/decimal';
import { ErreurRegle } from '../../src/rules/erreurs';
import { sourceDe } from '../../src/rules/sources';

const FR = syntaxe('fr-FR');

/** Un argument littéral de la formule, tel qu'Excel le passe à la fonction. */
function litteral(n: Noeud): ValeurBrute {
  switch (n.type) {
    case 'nombre':
    case 'texte':
    case 'booleen':
      return n.valeur;
    case 'vide':
      return null;
    case 'unaire':
      if (n.op === '-' && n.operande.type === 'nombre') return -n.operande.valeur;
      break;
  }
  throw new Error(`argument non littéral dans un exemple : ${JSON.stringify(n)}`);
}

/** La formule d'un exemple : un seul appel SIP.* d'arguments littéraux. */
function appel(formule: string): { nom: string; args: ValeurBrute[] } {
  const { arbre } = analyser(formule, FR);
  if (arbre.type !== 'appel' || !arbre.nom.startsWith('SIP.')) throw new Error(`un exemple est un seul appel SIP.* : ${formule}`);
  return { nom: arbre.nom.slice('SIP.'.length), args: arbre.args.map(litteral) };
}

const TOUS: [string, FonctionCatalogue, ExempleFonction][] = CATALOGUE.flatMap((f) =>
  exemplesDe(f).map((e) => [`SIP.${f.nom} : ${e.formule} (calcul au ${isoVersFrancais(e.date)})`, f, e] as [string, FonctionCatalogue, ExempleFonction]),
);

/** Le message reçu est celui attendu : exact, ou contient la partie donnée (terminée par « … »). */
function verifierMessage(recu: string, attendu: string): void {
  const partie = partieDuMessage(attendu);
  if (partie === null) expect(recu).toBe(attendu);
  else expect(recu).toContain(partie);
}

/** Compare une valeur de cellule au résultat attendu (texte décimal exact, ou VRAI/FAUX). */
function verifierValeur(v: unknown, attendu: string): void {
  if (attendu === 'VRAI' || attendu === 'FAUX') {
    expect(v).toBe(attendu === 'VRAI');
    return;
  }
  expect(typeof v).toBe('number');
  expect(new Decimal(v as number).toString()).toBe(new Decimal(attendu).toString());
}

describe('exemples des fonctions : le fichier', () => {
  test('respecte son schéma (exemples.schema.json)', () => {
    const valider = new Ajv({ allErrors: true, strict: false }).compile(schema);
    const ok = valider(DONNEES_EXEMPLES);
    expect(valider.errors ?? []).toEqual([]);
    expect(ok).toBe(true);
  });

  test('le schéma refuse un exemple sans résultat ni erreur, ou avec les deux (contrôle du schéma)', () => {
    const valider = new Ajv({ allErrors: true, strict: false }).compile(schema);
    const base = { formule: '=SIP.PLAFOND(1)', date: '15/01/2025', explication: 'x', source: { document: 'aap_sip_2023', section: 'y' } };
    expect(valider({ exemples: { PLAFOND: [base, { ...base, resultat: '16000' }] } })).toBe(false);
    expect(valider({ exemples: { PLAFOND: [{ ...base, resultat: '1' }, { ...base, resultat: '1', erreur: { code: '#N/A', message: 'z' } }] } })).toBe(false);
    expect(valider({ exemples: { PLAFOND: [{ ...base, resultat: '16 000' }, { ...base, resultat: '1' }] } })).toBe(false);
    expect(valider({ exemples: { PLAFOND: [{ ...base, resultat: '16000' }, { ...base, resultat: '1' }] } })).toBe(true);
  });

  test('chaque fonction du catalogue a au moins deux exemples, dont au moins un refus (erreur)', () => {
    for (const f of CATALOGUE) {
      expect([f.nom, exemplesDe(f).length >= 2]).toEqual([f.nom, true]);
      expect([f.nom, exemplesDe(f).some((e) => e.erreur)]).toEqual([f.nom, true]);
    }
  });

  test('chaque exemple nomme une fonction du catalogue, avec au plus ses arguments, et une source de la bibliographie', () => {
    for (const nom of fonctionsAvecExemples()) {
      const f = trouverFonction(nom);
      expect([nom, f?.nom]).toEqual([nom, nom]);
      for (const e of exemplesDe(nom)) {
        const a = appel(e.formule);
        expect([e.formule, a.nom]).toEqual([e.formule, nom]);
        expect([e.formule, a.args.length <= f!.arguments.length]).toEqual([e.formule, true]);
        expect([e.formule, e.source.document, sourceDe(e.source.document) !== undefined]).toEqual([e.formule, e.source.document, true]);
      }
    }
  });
});

describe.each(TOUS)('%s', (_titre, f, e) => {
  test('moteur du catalogue (valeur de cellule Excel)', () => {
    const { args } = appel(e.formule);
    const ctx = { bareme: BAREME_PAR_DEFAUT, aujourdhui: e.date };
    if (e.resultat !== undefined) {
      verifierValeur(evaluer(f, args, ctx), e.resultat);
      return;
    }
    let leve: unknown = null;
    try {
      evaluer(f, args, ctx);
    } catch (x) {
      leve = x;
    }
    expect(leve).toBeInstanceOf(ErreurRegle);
    expect((leve as ErreurRegle).code).toBe(e.erreur!.code);
    verifierMessage((leve as ErreurRegle).message, e.erreur!.message);
  });

  test('formule, comme `sip calc --date`', () => {
    const { resultat } = evaluerFormule(e.formule, { locale: 'fr-FR', aujourdhui: e.date });
    if (e.resultat !== undefined) {
      verifierValeur(resultat, e.resultat);
      return;
    }
    expect(resultat).toEqual({ erreur: e.erreur!.code, message: expect.any(String) });
    verifierMessage((resultat as { message: string }).message, e.erreur!.message);
  });
});

describe('les exemples sont affichés', () => {
  async function lancer(...argv: string[]) {
    const out: string[] = [];
    const io: Io = { out: (t) => out.push(...t.split('\n')), err: () => undefined, cwd: process.cwd(), aujourdhui: '2026-11-23' };
    return { code: await main(argv, io), texte: out.join('\n') };
  }

  test('sip explain FONCTION : formule → résultat en français, date JJ/MM/AAAA, pourquoi et source', async () => {
    const r = await lancer('explain', 'PLAFOND');
    expect(r.code).toBe(0);
    expect(r.texte).toContain('  =SIP.PLAFOND(12) → 27\u00a0000,00\u00a0€ (calcul au 15/01/2025)');
    expect(r.texte).toContain('    12 professionnels : part forfaitaire 15 000 € + 12 × 1 000 € par professionnel = 27 000 €');
    expect(r.texte).toContain('Source : Journées nationales FFMPS 2018 (compte rendu), FFMPS, Dispositif de l’ARS Pays de la Loire');
    expect(r.texte).toContain('  =SIP.PLAFOND(2,5) → #NOMBRE! « nb_professionnels : entier ≥ 1 attendu (reçu : 2,5) » (calcul au 15/01/2025)');
    const seuil = await lancer('explain', 'SIP.SEUIL400');
    expect(seuil.texte).toContain('  =SIP.SEUIL400(4;0,5) → 82,5 consultations/mois (calcul au 15/01/2025)');
    const eligible = await lancer('explain', 'ELIGIBLE');
    expect(eligible.texte).toContain('  =SIP.ELIGIBLE("CAI";"ZIP";;;"15/01/2026") → FAUX (calcul au 15/01/2025)');
  });

  test('aide.html : un tableau d’exemples par fonction, sources liées à la bibliographie', () => {
    const aide = pageAide();
    for (const f of CATALOGUE) {
      const section = aide.slice(aide.indexOf(`<section id="${f.id}">`), aide.indexOf('</section>', aide.indexOf(`<section id="${f.id}">`)));
      expect(section).toContain('<h3>Exemples</h3>');
      for (const l of lignesExemples(f)) expect(section).toContain(`<td>${l.date}</td>`);
    }
    expect(aide).toContain('<tr><td><code>=SIP.CAI(2)</code></td><td>15/06/2025</td><td>55\u00a0000,00\u00a0€</td><td>Contrat signé le 15/06/2025 pour 2 ETP : 30 000 € (1er ETP) + 25 000 € (2e ETP) = 55 000 €, sous le maximum de 80 000 €.<br><small>Source : <a href="#source-politique-cds-bretagne">');
    expect(aide).toContain('<td><code>=SIP.AIDE_CDS(1;&quot;DENTAIRE&quot;;&quot;ZIP&quot;)</code></td><td>15/01/2026</td><td>#VALEUR! « type_centre : « DENTAIRE » inconnu');
  });

  test('README : un exemple par fonction dans le tableau', () => {
    expect(tableauFonctions()).toContain('| `=SIP.PLAFOND(12)` → 27\u00a0000,00\u00a0€ (au 15/01/2025) |');
    expect(tableauFonctions()).toContain('| `=SIP.AIDE_CDS(2;"POLYVALENT";"ZIP")` → #N/A « Montant non publié');
  });
});

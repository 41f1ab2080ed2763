// Le barème d'un classeur depuis les lignes de sa feuille « Barème » (src/rules/bareme/depuis-lignes) :
// une valeur changée ou ajoutée change les résultats des fonctions ; chaque saisie fautive rend #VALEUR!
// avec la ligne et la raison, jamais la valeur par défaut ; les écarts au barème publié sont listés.
// Valeurs attendues calculées à la main : plafond SIP = part forfaitaire + n × montant par professionnel
// (REGLES.md §1 : 15 000 € + 1 000 € par professionnel par défaut).
import { evaluer } from '../../src/catalogue/appel';
import { trouverFonction } from '../../src/catalogue/fonctions';
import { BAREME_PAR_DEFAUT } from '../../src/rules/bareme/donnees';
import { baremeDepuisDonnees, ErreurBaremeIllisible } from '../../src/rules/bareme/depuis-donnees';
import { baremeDepuisLignes, type LigneBareme } from '../../src/rules/bareme/depuis-lignes';
import type { Bareme } from '../../src/rules/bareme/types';
import { ErreurRegle } from '../../src/rules/erreurs';

// Numéros de série Excel (calendrier 1900) : 01/01/2017 = 42736, 31/12/2026 = 46387, 01/01/2027 = 46388.
const S_2017 = 42736;
const S_FIN_2026 = 46387;
const S_2027 = 46388;
const SOURCE_PDL = 'Journées nationales FFMPS 2018 (compte rendu), FFMPS, Dispositif de l’ARS Pays de la Loire : 15 000 € pour l’acquisition d’un SI';
const ARRETE = 'Arrêté de l’ARS Bretagne du 15/01/2027, article 2';

/** La ligne du barème publié pour la part forfaitaire du plafond SIP, telle que la feuille l'écrit. */
const base = (ligne: number, x: Partial<LigneBareme> = {}): LigneBareme => ({
  ligne,
  identifiant: 'sip.plafond.base',
  libelle: 'Plafond SIP : part forfaitaire',
  valeur: 15000,
  unite: '€',
  du: S_2017,
  au: null,
  statut: 'hypothèse',
  source: SOURCE_PDL,
  ...x,
});

function plafond(bareme: Bareme, n: number, date: string): number | string | boolean {
  return evaluer(trouverFonction('PLAFOND')!, [n, date], { bareme, aujourdhui: '2027-06-01' });
}

function erreurDe(f: () => unknown): ErreurRegle {
  try {
    f();
  } catch (e) {
    if (e instanceof ErreurRegle) return e;
    throw e;
  }
  throw new Error('aucune erreur levée');
}

describe('valeur changée ou ajoutée dans la feuille « Barème »', () => {
  test('une ligne identique au barème publié : même barème (même version), aucun écart', () => {
    const r = baremeDepuisLignes([base(5)], BAREME_PAR_DEFAUT);
    expect(r.erreurs).toEqual([]);
    expect(r.modifies).toEqual([]);
    expect(r.bareme.version).toBe(BAREME_PAR_DEFAUT.version);
    expect(plafond(r.bareme, 12, '2026-06-01')).toBe(27000); // 15 000 + 12 × 1 000
  });

  test('part forfaitaire portée à 20 000 € : SIP.PLAFOND(12) = 20 000 + 12 × 1 000 = 32 000 €', () => {
    // Le défaut est lu d'abord (mis en cache) : le barème modifié ne doit jamais le retrouver.
    expect(plafond(BAREME_PAR_DEFAUT, 12, '2026-06-01')).toBe(27000);
    const r = baremeDepuisLignes([base(5, { valeur: 20000 })], BAREME_PAR_DEFAUT);
    expect(r.erreurs).toEqual([]);
    expect(plafond(r.bareme, 12, '2026-06-01')).toBe(32000);
    expect(plafond(BAREME_PAR_DEFAUT, 12, '2026-06-01')).toBe(27000);
    expect(r.bareme.version).not.toBe(BAREME_PAR_DEFAUT.version);
    expect(r.modifies).toEqual([{ id: 'sip.plafond.base', libelle: 'Plafond SIP : part forfaitaire', lignes: [5], details: ['valeur du 01/01/2017 : 15000 → 20000'] }]);
  });

  test('chiffre nouvellement publié : période précédente fermée au 31/12/2026, nouvelle ligne du 01/01/2027 avec sa source', () => {
    const r = baremeDepuisLignes([base(5, { au: S_FIN_2026 }), base(80, { valeur: '22 000', du: '01/01/2027', statut: 'confirmé', source: ARRETE })], BAREME_PAR_DEFAUT);
    expect(r.erreurs).toEqual([]);
    expect(plafond(r.bareme, 12, '2026-12-31')).toBe(27000); // 15 000 + 12 000
    expect(plafond(r.bareme, 12, '2027-01-01')).toBe(34000); // 22 000 + 12 000
    const p = r.bareme.parametres.find((x) => x.id === 'sip.plafond.base')!;
    expect(p.valeurs[1]).toMatchObject({ valeur: '22000', du: '2027-01-01', au: null, statut: 'confirme', source: { document: ARRETE, section: '' } });
    expect(r.modifies[0].details).toEqual([
      'valeur du 01/01/2017 : fin non connue → 31/12/2026',
      `nouvelle valeur du 01/01/2027 : 22000 (confirmé, source : ${ARRETE})`,
    ]);
  });

  test('lignes dans le désordre (nouvelle ligne ajoutée en bas, date en texte ISO) : classées par date', () => {
    const r = baremeDepuisLignes([base(80, { valeur: 21000, du: '2027-01-01', source: ARRETE }), base(5, { au: '31/12/2026' })], BAREME_PAR_DEFAUT);
    expect(r.erreurs).toEqual([]);
    expect(plafond(r.bareme, 1, '2027-03-01')).toBe(22000); // 21 000 + 1 × 1 000
  });

  test('valeur vide : montant non publié (#N/A qui dit où saisir), jamais 0 ni la valeur par défaut', () => {
    const r = baremeDepuisLignes([base(5, { valeur: null })], BAREME_PAR_DEFAUT);
    expect(r.erreurs).toEqual([]);
    const e = erreurDe(() => plafond(r.bareme, 12, '2026-06-01'));
    expect(e.code).toBe('#N/A');
    expect(e.message).toMatch(/^Montant non publié : « Plafond SIP : part forfaitaire » \(sip\.plafond\.base\)/);
  });

  test('« aucun » : pas de plafond global ; un plafond global saisi (30 000 €) s’applique : min(15 000 + 20 × 1 000, 30 000) = 30 000 €', () => {
    const ligne = (valeur: LigneBareme['valeur']): LigneBareme => ({ ligne: 7, identifiant: 'sip.plafond.maximum', valeur, du: S_2017, au: null, statut: 'hypothèse', source: 'Décision de l’ARS' });
    expect(plafond(baremeDepuisLignes([ligne('aucun')], BAREME_PAR_DEFAUT).bareme, 20, '2026-06-01')).toBe(35000);
    expect(plafond(baremeDepuisLignes([ligne('30 000 €')], BAREME_PAR_DEFAUT).bareme, 20, '2026-06-01')).toBe(30000);
  });

  test('un taux saisi en texte « 70 % » vaut 0,7 ; oui/non en toutes lettres', () => {
    const taux: LigneBareme = { ligne: 9, identifiant: 'sip.versement.part_convention', valeur: '70 %', du: '01/01/2023', au: null, statut: 'confirmé', source: ARRETE };
    const r = baremeDepuisLignes([taux], BAREME_PAR_DEFAUT);
    expect(r.erreurs).toEqual([]);
    expect(r.bareme.parametres.find((p) => p.id === 'sip.versement.part_convention')!.valeurs).toMatchObject([{ valeur: '0.7', du: '2023-01-01' }]);
    const ouvert: LigneBareme = { ligne: 10, identifiant: 'cds.aide_automatique.ouverte', valeur: 'non', du: '01/01/2026', au: null, statut: 'à confirmer', source: ARRETE };
    expect(baremeDepuisLignes([ouvert], BAREME_PAR_DEFAUT).bareme.parametres.find((p) => p.id === 'cds.aide_automatique.ouverte')!.valeurs[0].valeur).toBe('0');
  });

  test('un paramètre absent de la feuille garde sa valeur par défaut et est listé comme tel', () => {
    const r = baremeDepuisLignes([base(5)], BAREME_PAR_DEFAUT);
    expect(r.absents).toContain('sip.plafond.par_professionnel');
    expect(r.absents).not.toContain('sip.plafond.base');
    expect(r.absents).toHaveLength(BAREME_PAR_DEFAUT.parametres.length - 1);
  });

  test('un ancien identifiant (alias d’un paramètre renommé) est accepté', () => {
    const renomme: Bareme = {
      ...BAREME_PAR_DEFAUT,
      parametres: BAREME_PAR_DEFAUT.parametres.map((p) => (p.id === 'sip.plafond.base' ? { ...p, id: 'sip.plafond.forfait', alias: ['sip.plafond.base'] } : p)),
    };
    const r = baremeDepuisLignes([base(5, { valeur: 18000 })], renomme);
    expect(r.erreurs).toEqual([]);
    expect(r.modifies.map((m) => m.id)).toEqual(['sip.plafond.forfait']);
    expect(plafond(r.bareme, 2, '2026-06-01')).toBe(20000); // 18 000 + 2 × 1 000
  });
});

describe('une saisie fautive ne retombe jamais en silence sur la valeur par défaut', () => {
  /** Le message de #VALEUR! de SIP.PLAFOND, identique à celui listé dans `erreurs`. */
  function refus(lignes: LigneBareme[]): { erreurs: string[]; message: string } {
    const r = baremeDepuisLignes(lignes, BAREME_PAR_DEFAUT);
    const e = erreurDe(() => plafond(r.bareme, 12, '2026-06-01'));
    expect(e.code).toBe('#VALEUR!');
    return { erreurs: r.erreurs, message: e.message };
  }

  test.each([
    ['texte dans un nombre', base(14, { valeur: 'abc' }), 'Barème, ligne 14 : sip.plafond.base : « abc » n’est pas un nombre (ex. 15000 ou 15 000,50)'],
    ['montant négatif', base(14, { valeur: -5000 }), 'Barème, ligne 14 : sip.plafond.base : valeur négative (« -5000 ») ; une valeur du barème est positive ou nulle'],
    ['date qui n’est pas une date', base(14, { du: 'bientôt' }), 'Barème, ligne 14 : sip.plafond.base : « Du » : « bientôt » n’est pas une date (attendu : JJ/MM/AAAA)'],
    ['date impossible', base(14, { au: '31/02/2027' }), 'Barème, ligne 14 : sip.plafond.base : « Au » : « 31/02/2027 » n’est pas une date (attendu : JJ/MM/AAAA)'],
    ['date de début absente', base(14, { du: null }), 'Barème, ligne 14 : sip.plafond.base : date de début (« Du ») manquante'],
    ['fin avant le début', base(14, { au: 42000 }), 'Barème, ligne 14 : sip.plafond.base : la date de fin (27/12/2014) précède la date de début (01/01/2017)'],
    ['statut inconnu', base(14, { statut: 'sûr' }), 'Barème, ligne 14 : sip.plafond.base : statut « sûr » inconnu (« confirmé », « à confirmer » ou « hypothèse »)'],
    ['source absente', base(14, { source: '' }), 'Barème, ligne 14 : sip.plafond.base : source manquante : citez le texte qui publie cette valeur (titre, date, article)'],
    ['unité changée', base(14, { valeur: 20, unite: 'k€' }), 'Barème, ligne 14 : sip.plafond.base : unité « k€ » différente de celle du paramètre (€) : saisissez la valeur dans l’unité du paramètre'],
    ['erreur Excel dans la cellule', base(14, { valeur: { erreur: '#REF!' } }), 'Barème, ligne 14 : sip.plafond.base : la cellule « Valeur » contient l’erreur #REF!'],
  ])('%s', (_cas, ligne, attendu) => {
    const r = refus([ligne]);
    expect(r.message).toBe(attendu);
    expect(r.erreurs).toEqual([attendu]);
  });

  test('périodes qui se chevauchent : refus porté par la ligne ajoutée, qui dit quelle ligne fermer', () => {
    const attendu = 'Barème, ligne 80 : sip.plafond.base : la période du 01/01/2027 chevauche celle de la ligne 5 (du 01/01/2017 sans date de fin) ; indiquez sa fin dans la colonne « Au » de la ligne 5';
    const r = refus([base(5), base(80, { valeur: 20000, du: S_2027, statut: 'confirmé', source: ARRETE })]);
    expect(r.message).toBe(attendu);
    // Fin saisie mais trop tardive.
    const r2 = refus([base(5, { au: '15/03/2027' }), base(80, { valeur: 20000, du: S_2027, source: ARRETE })]);
    expect(r2.message).toBe('Barème, ligne 80 : sip.plafond.base : la période du 01/01/2027 chevauche celle de la ligne 5 (du 01/01/2017 jusqu’au 15/03/2027)');
  });

  test('deux fautes sur un paramètre : toutes dites, dans l’ordre des lignes', () => {
    const r = refus([base(5, { valeur: 'abc' }), base(6, { du: 'x', source: ARRETE })]);
    expect(r.message).toBe('Barème, ligne 5 : sip.plafond.base : « abc » n’est pas un nombre (ex. 15000 ou 15 000,50) ; Barème, ligne 6 : sip.plafond.base : « Du » : « x » n’est pas une date (attendu : JJ/MM/AAAA)');
  });

  test('seules les fonctions qui lisent le paramètre fautif échouent : les autres paramètres restent lisibles', () => {
    const r = baremeDepuisLignes([base(14, { valeur: 'abc' })], BAREME_PAR_DEFAUT);
    const parametre = trouverFonction('PARAMETRE')!;
    expect(evaluer(parametre, ['sip.plafond.par_professionnel', '2026-06-01'], { bareme: r.bareme, aujourdhui: '2026-06-01' })).toBe(1000);
    expect(() => evaluer(parametre, ['sip.plafond.base', '2026-06-01'], { bareme: r.bareme, aujourdhui: '2026-06-01' })).toThrow(/ligne 14/);
  });

  test('identifiant inconnu : rapporté avec la ligne et une suggestion, la ligne n’est pas prise en compte', () => {
    const r = baremeDepuisLignes([base(5), base(9, { identifiant: 'sip.plafond.bse', valeur: 20000 })], BAREME_PAR_DEFAUT);
    expect(r.erreurs).toEqual(['Barème, ligne 9 : identifiant « sip.plafond.bse » inconnu du barème (vouliez-vous dire « sip.plafond.base » ?) ; la ligne n’est pas prise en compte']);
    expect(plafond(r.bareme, 12, '2026-06-01')).toBe(27000);
  });

  test('identifiant manquant sur une ligne remplie ; ligne entièrement vide ignorée', () => {
    const vide: LigneBareme = { ligne: 10, identifiant: null, valeur: null, du: null, au: null, statut: '', source: null };
    const r = baremeDepuisLignes([vide, { ...vide, ligne: 11, valeur: 3 }], BAREME_PAR_DEFAUT);
    expect(r.erreurs).toEqual(['Barème, ligne 11 : identifiant manquant (colonne « Identifiant ») ; la ligne n’est pas prise en compte']);
  });

  test('mois hors de 1 à 12 refusé', () => {
    const r = baremeDepuisLignes([{ ligne: 12, identifiant: 'sip.calendrier.mois_solde', valeur: 13, du: '01/01/2023', au: null, statut: 'confirmé', source: ARRETE }], BAREME_PAR_DEFAUT);
    expect(r.erreurs).toEqual(['Barème, ligne 12 : sip.calendrier.mois_solde : « 13 » : entier de 1 à 12 attendu (unité : mois (1 à 12))']);
  });
});

describe('fichier de données (--bareme fichier.json)', () => {
  const famille = (valeur: string, x: object = {}) => ({
    famille: 'sip',
    libelle: 'Aide SIP',
    parametres: [{ id: 'sip.plafond.base', libelle: 'Plafond SIP : part forfaitaire', unite: '€', valeurs: [{ du: '2017-01-01', au: null, valeur, statut: 'confirme', source: { document: 'aap_sip_2023', section: 'Plafond' } }], ...x }],
  });

  test('fichier de famille : ses paramètres remplacent ceux du défaut', () => {
    const r = baremeDepuisDonnees(famille('25000'), BAREME_PAR_DEFAUT, { fichier: 'sip.json' });
    expect(r.erreurs).toEqual([]);
    expect(plafond(r.bareme, 12, '2026-06-01')).toBe(37000); // 25 000 + 12 × 1 000
    expect(r.modifies.map((m) => m.id)).toEqual(['sip.plafond.base']);
  });

  test('valeur fautive : paramètre invalide (#VALEUR!) avec le nom du fichier', () => {
    const r = baremeDepuisDonnees(famille('abc'), BAREME_PAR_DEFAUT, { fichier: 'sip.json' });
    expect(r.erreurs).toEqual(['sip.json : Paramètre « Plafond SIP : part forfaitaire » (sip.plafond.base) : valeur du 01/01/2017 : « abc » n’est pas un nombre (attendu : chiffres, point décimal, ex. 9070 ou 0.8)']);
    expect(erreurDe(() => plafond(r.bareme, 12, '2026-06-01')).message).toBe(r.erreurs[0]);
  });

  test('identifiant inconnu rapporté ; fichier sans « parametres » refusé', () => {
    const r = baremeDepuisDonnees(famille('1', { id: 'sip.inconnu' }), BAREME_PAR_DEFAUT, { fichier: 'sip.json' });
    expect(r.erreurs).toEqual(['sip.json : paramètre n° 1 : identifiant « sip.inconnu » inconnu du barème ; il n’est pas pris en compte']);
    expect(() => baremeDepuisDonnees({ version: 'x' }, BAREME_PAR_DEFAUT, { fichier: 'b.json' })).toThrow(ErreurBaremeIllisible);
  });

  test('le barème par défaut complet relu comme fichier : identique, aucun écart', () => {
    const r = baremeDepuisDonnees(JSON.parse(JSON.stringify(BAREME_PAR_DEFAUT)), BAREME_PAR_DEFAUT, { fichier: 'bareme.json' });
    expect(r.erreurs).toEqual([]);
    expect(r.modifies).toEqual([]);
    expect(r.bareme.version).toBe(BAREME_PAR_DEFAUT.version);
  });
});

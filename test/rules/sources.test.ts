// La bibliographie : chaque source citée existe, s'affiche par son titre court et sa section, et
// aucun chiffre « confirmé » ne repose sur une source secondaire ; les passages cités des documents
// du projet s'y trouvent mot pour mot.
import * as fs from 'fs';
import * as path from 'path';
import { BAREME_PAR_DEFAUT } from '../../src/rules/bareme/donnees';
import { INDICATEURS_DONNEES } from '../../src/rules/bareme/fichiers';
import { Source } from '../../src/rules/bareme/types';
import { BIBLIOGRAPHIE, sourceDe, texteSource, texteSourceComplet } from '../../src/rules/sources';

const RACINE = path.join(__dirname, '..', '..');
const SOURCES_PROJET = path.join(RACINE, '..', 'shared', 'sources');

/** Toutes les sources citées par les données : valeurs, changements connus, indicateurs. */
const citees: { ou: string; source: Source; statut?: string }[] = [
  ...BAREME_PAR_DEFAUT.parametres.flatMap((p) => p.valeurs.map((v) => ({ ou: `${p.id}@${v.du}`, source: v.source, statut: v.statut }))),
  ...BAREME_PAR_DEFAUT.changements.filter((c) => c.source).map((c) => ({ ou: c.id, source: c.source! })),
  ...INDICATEURS_DONNEES.map((i) => ({ ou: i.id, source: i.source })),
];

function fichiersTs(dossier: string): string[] {
  return fs.readdirSync(dossier, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? fichiersTs(path.join(dossier, e.name)) : e.name.endsWith('.ts') ? [path.join(dossier, e.name)] : []);
}

/** Texte comparable : apostrophes droites, espaces simples. */
const normaliser = (t: string) => t.replace(/[’‘]/g, '\'').replace(/[\s\u00a0\u202f]+/g, ' ').trim();

describe('bibliographie', () => {
  test('identifiants et anciens codes uniques ; adresses en http(s) ; les cinq documents du projet ont leur fichier', () => {
    const noms = BIBLIOGRAPHIE.flatMap((s) => [s.id, ...(s.alias ?? [])]);
    expect(new Set(noms).size).toBe(noms.length);
    for (const s of BIBLIOGRAPHIE) if (s.adresse) expect(s.adresse).toMatch(/^https?:\/\/[^\s]+$/);
    const projet = BIBLIOGRAPHIE.filter((s) => s.nature === 'document_projet');
    expect(projet.map((s) => s.alias)).toEqual([['000'], ['001'], ['002'], ['003'], ['004']]);
    expect(projet.map((s) => s.fichier)).toEqual([
      '000_bdf30dd37ae46492.txt', '001_f31861c19ead3c8d.txt', '002_c15b957ae7c6ef75.txt', '003_c7a588e272dd219d.txt', '004_e28ccffb7bd31354.txt',
    ]);
  });

  test('chaque source citée par les données est une entrée de la bibliographie (par son identifiant, pas un ancien code)', () => {
    const inconnues = citees.filter((c) => sourceDe(c.source.document)?.id !== c.source.document).map((c) => `${c.ou} : ${c.source.document}`);
    expect(inconnues).toEqual([]);
  });

  test('chaque source écrite dans le code des règles est connue ; les modules des règles citent par identifiant', () => {
    const inconnues: string[] = [];
    const anciensCodes: string[] = [];
    const PROPRES = /src\/rules\/(regles|programme|scenario|bareme)\//;
    for (const f of fichiersTs(path.join(RACINE, 'src', 'rules'))) {
      for (const m of fs.readFileSync(f, 'utf8').matchAll(/document: '([^']*)'/g)) {
        const s = sourceDe(m[1]);
        if (!s) inconnues.push(`${path.relative(RACINE, f)} : ${m[1]}`);
        else if (s.id !== m[1] && PROPRES.test(f)) anciensCodes.push(`${path.relative(RACINE, f)} : ${m[1]}`);
      }
    }
    expect(inconnues).toEqual([]);
    expect(anciensCodes).toEqual([]);
  });

  test('aucune référence interne ni code nu dans les textes des règles (hors commentaires)', () => {
    const fautes: string[] = [];
    for (const f of fichiersTs(path.join(RACINE, 'src', 'rules'))) {
      const code = fs.readFileSync(f, 'utf8').replace(/\/\*[\s\S]*?\*\//g, '').replace(/^\s*\/\/.*$/gm, '').replace(/ \/\/ .*$/gm, '');
      for (const m of code.matchAll(/(['`])((?:(?!\1)[^\\\n]|\\.)*)\1/g)) {
        if (/REGLES\.md|Ticket \d|\bissue \d|\((?:00[0-4])[ ,;§)]|\b00[0-4] §/.test(m[2])) fautes.push(`${path.relative(RACINE, f)} : ${m[2]}`);
      }
    }
    // src/rules/aides.ts (en cours de restructuration par ailleurs) est signalé, pas corrigé ici.
    expect(fautes.filter((x) => !x.startsWith('src/rules/aides.ts'))).toEqual([]);
  });

  test('texte court : titre court, éditeur, section ; ancien code rendu de même ; source inconnue citée telle quelle', () => {
    expect(texteSource({ document: 'politique_cds_bretagne', section: '§2.1' })).toBe('Politique régionale des centres de santé, ARS Bretagne, §2.1');
    expect(texteSource({ document: '004', section: '§2.1' })).toBe('Politique régionale des centres de santé, ARS Bretagne, §2.1');
    expect(texteSource({ document: 'aap_sip_2023', section: '' })).toBe('Appel à candidatures SIP 2023, ARS Bretagne');
    expect(texteSource({ document: 'interpretation_simulateur', section: 'CAI pour un ETP fractionnaire' })).toBe('Interprétation du simulateur : CAI pour un ETP fractionnaire');
    expect(texteSource({ document: 'Arrêté du 3 mars 2026', section: 'annexe 2' })).toBe('Arrêté du 3 mars 2026, annexe 2');
  });

  test('texte complet : titre, éditeur, date, nature, fichier ou adresse, puis la section', () => {
    expect(texteSourceComplet({ document: 'ameli_convention_medicale_2024', section: 'consultation G' })).toBe(
      'Convention médicale 2024-2029 : l’essentiel, ameli.fr (Assurance Maladie), non datée, page d’un organisme public — https://www.ameli.fr/medecin/textes-reference/convention-medicale-2024-2029/essentiel — consultation G',
    );
    expect(texteSourceComplet({ document: 'aap_sip_2023', section: 'Modalités d’accompagnement' })).toBe(
      'Partage et échange d’informations entre professionnels de santé concernant la santé des patients — L’ARS Bretagne accompagne le développement des systèmes d’information au sein des maisons de santé pluri-professionnelles (appel à candidatures au titre de l’année 2023), ARS Bretagne, 2023, document source du projet, fichier du projet 001_f31861c19ead3c8d.txt — Modalités d’accompagnement',
    );
  });
});

describe('statuts', () => {
  test('un chiffre « confirmé » cite un document du projet, un texte officiel ou une page d’un organisme public, jamais une source secondaire ni une interprétation', () => {
    const fautes = citees
      .filter((c) => c.statut === 'confirme')
      .filter((c) => !['document_projet', 'texte_officiel', 'page_officielle'].includes(sourceDe(c.source.document)!.nature))
      .map((c) => c.ou);
    expect(fautes).toEqual([]);
  });

  test('les chiffres confirmés sont ceux attendus, et ceux-là seulement', () => {
    const confirmes = BAREME_PAR_DEFAUT.parametres.flatMap((p) => p.valeurs.filter((v) => v.statut === 'confirme').map((v) => `${p.id}@${v.du}`));
    expect(confirmes).toEqual([
      'sip.versement.part_convention@2023-01-01', 'sip.calendrier.mois_convention@2023-01-01', 'sip.calendrier.mois_solde@2023-01-01',
      'cai.montant_etp_tranche1@2018-10-20', 'cai.fin_tranche1_etp@2018-10-20', 'cai.montant_etp_tranche2@2018-10-20', 'cai.fin_tranche2_etp@2018-10-20',
      'cai.plafond@2018-10-20', 'cosco.montant_etp_an@2018-10-20', 'cst.taux_honoraires@2018-10-20', 'cst.plafond_etp_an@2018-10-20',
      'cst.jours_minimum_zip@2018-10-20',
      // Régime des contrats (politique régionale des CDS §2.1) : en vigueur depuis le 20/10/2018, durées des contrats.
      'cai.signature_ouverte@2018-10-20', 'cosco.signature_ouverte@2018-10-20', 'cst.signature_ouverte@2018-10-20',
      'cai.duree_annees@2018-10-20', 'cosco.duree_annees@2018-10-20', 'cst.duree_annees@2018-10-20', 'cosco.delai_devenir_polyvalent_annees@2018-10-20',
      'postes400.plafond_mensuel_temps_plein@2019-02-06', 'postes400.seuil_initial@2019-02-06',
      'postes400.mois_seuil_initial@2019-02-06', 'postes400.seuil_courant@2019-02-06', 'postes400.duree_mois@2019-02-06',
      'aci.valeur_point@2017-04-20', 'tarif.consultation_g@2024-12-22',
    ]);
  });

  const disponible = fs.existsSync(SOURCES_PROJET);
  (disponible ? test : test.skip)('les passages cités (« … ») d’un document du projet s’y trouvent mot pour mot ; chaque chiffre confirmé en cite un', () => {
    const textes = new Map<string, string>();
    const texte = (fichier: string) => {
      if (!textes.has(fichier)) textes.set(fichier, normaliser(fs.readFileSync(path.join(SOURCES_PROJET, fichier), 'utf8')));
      return textes.get(fichier)!;
    };
    const absents: string[] = [];
    for (const c of citees) {
      const s = sourceDe(c.source.document)!;
      if (s.nature !== 'document_projet') continue;
      const passages = [...c.source.section.matchAll(/«\s*([^»]+?)\s*»/g)].map((m) => m[1]);
      if (c.statut === 'confirme' && passages.length === 0) absents.push(`${c.ou} : aucun passage cité`);
      for (const p of passages) {
        for (const morceau of p.split(/\s*(?:\[…\]|…)\s*/).filter((x) => x)) {
          if (!texte(s.fichier!).includes(normaliser(morceau))) absents.push(`${c.ou} : « ${morceau} » absent de ${s.fichier}`);
        }
      }
    }
    expect(absents).toEqual([]);
  });
});

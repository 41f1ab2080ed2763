// Provenance d'un classeur de simulation, rangée dans une feuille masquée pour survivre à
// l'enregistrement, à l'envoi par courriel et à la réouverture par un autre tableur : le scénario,
// l'instantané du barème réellement utilisé (valeurs, dates, sources, statuts), la version du
// complément, la date de génération et une empreinte SHA-256 du contenu (scénario + barème + formules).
// Description pure : le volet (Office.js) et la CLI (exceljs) écrivent la même feuille.
import { Bareme } from '../rules/bareme/types';
import { DescriptionFeuille } from './description';
import { jsonCanonique, sha256 } from './empreinte';
import { NOM_FEUILLE_PAR_DEFAUT } from './simulation';
import { Scenario } from '../rules/scenario/types';

export const FORMAT_PROVENANCE = 1;
export const PREFIXE_FEUILLE_PROVENANCE = '_sip_prov';
/** Nom de la feuille de provenance de la feuille par défaut. */
export const NOM_FEUILLE_PROVENANCE = '_sip_provenance';
/** Une cellule Excel contient au plus 32 767 caractères : les JSON longs sont découpés. */
export const TAILLE_MORCEAU = 30000;

export interface Provenance {
  format: typeof FORMAT_PROVENANCE;
  /** Onglet de la simulation décrite. */
  feuille: string;
  scenario: Scenario;
  bareme: Bareme;
  versionComplement: string;
  /** Date et heure de génération, ISO 8601. */
  dateGeneration: string;
  /** SHA-256 (hex) de jsonCanonique({ scenario, bareme, formules }). */
  empreinte: string;
  /** Plage générée (« A1:J153 ») : à la mise à jour en place, seule elle est effacée. */
  plage?: string;
}

/** Nom de la feuille masquée de provenance d'une simulation (31 caractères au plus). */
export function nomFeuilleProvenance(feuille: string): string {
  if (feuille === NOM_FEUILLE_PAR_DEFAUT) return NOM_FEUILLE_PROVENANCE;
  return `${PREFIXE_FEUILLE_PROVENANCE}_${feuille.replace(/[\\/?*[\]:']/g, '_')}`.slice(0, 31);
}

export function estFeuilleProvenance(nom: string): boolean {
  return nom.startsWith(PREFIXE_FEUILLE_PROVENANCE);
}

/** Formules de la description, triées par adresse : ce que l'empreinte scelle. */
export function formulesDe(d: DescriptionFeuille): [string, string][] {
  return d.cellules.filter((c) => c.formule).map((c) => [c.adresse, c.formule as string] as [string, string]).sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
}

export function empreinteContenu(scenario: Scenario, bareme: Bareme, description: DescriptionFeuille): string {
  return sha256(jsonCanonique({ scenario, bareme, formules: formulesDe(description) }));
}

export function creerProvenance(
  scenario: Scenario,
  bareme: Bareme,
  description: DescriptionFeuille,
  o: { versionComplement: string; dateGeneration: string },
): Provenance {
  return {
    format: FORMAT_PROVENANCE,
    feuille: description.nom,
    scenario,
    bareme,
    versionComplement: o.versionComplement,
    dateGeneration: o.dateGeneration,
    empreinte: empreinteContenu(scenario, bareme, description),
    plage: description.plage,
  };
}

const morceaux = (texte: string) => {
  const r: string[] = [];
  for (let i = 0; i < texte.length; i += TAILLE_MORCEAU) r.push(texte.slice(i, i + TAILLE_MORCEAU));
  return r.length ? r : [''];
};

/**
 * Feuille masquée : colonne A = clé, colonne B = valeur ; les JSON (scénario, barème) sont découpés
 * en morceaux sur les colonnes B, C, D… de leur ligne. Lisible par une personne (les clés sont en clair).
 */
export function decrireProvenance(p: Provenance): DescriptionFeuille {
  const lignes: [string, string[]][] = [
    ['format', [String(p.format)]],
    ['feuille', [p.feuille]],
    ['version_complement', [p.versionComplement]],
    ['date_generation', [p.dateGeneration]],
    ['empreinte_sha256', [p.empreinte]],
    ['bareme_version', [p.bareme.version]],
    ['plage', [p.plage ?? '']],
    ['scenario_json', morceaux(JSON.stringify(p.scenario))],
    ['bareme_json', morceaux(JSON.stringify(p.bareme))],
  ];
  const cellules = lignes.flatMap(([cle, valeurs], i) => [
    { adresse: `A${i + 1}`, valeur: cle, format: 'texte' as const },
    ...valeurs.map((v, k) => ({ adresse: `${String.fromCharCode(66 + k)}${i + 1}`, valeur: v, format: 'texte' as const })),
  ]);
  const colMax = Math.max(...lignes.map(([, v]) => v.length)) + 1;
  return {
    nom: nomFeuilleProvenance(p.feuille),
    plage: `A1:${String.fromCharCode(64 + colMax)}${lignes.length}`,
    colonnes: [{ lettre: 'A', largeur: 22 }, { lettre: 'B', largeur: 60 }],
    cellules,
    fusions: [],
    graphiques: [],
    masquee: true,
  };
}

export class ErreurProvenance extends Error {}

/** Relit la provenance depuis les cellules de la feuille masquée (adresse → valeur). */
export function lireProvenance(cellules: Map<string, unknown> | Record<string, unknown>): Provenance {
  const get = (a: string): unknown => (cellules instanceof Map ? cellules.get(a) : cellules[a]);
  const valeurs = new Map<string, string[]>();
  for (let l = 1; l <= 50; l++) {
    const cle = get(`A${l}`);
    if (typeof cle !== 'string' || !cle) continue;
    const v: string[] = [];
    for (let k = 0; k < 26; k++) {
      const x = get(`${String.fromCharCode(66 + k)}${l}`);
      if (x === undefined || x === null || x === '') break;
      v.push(String(x));
    }
    valeurs.set(cle, v);
  }
  const un = (cle: string): string => {
    const v = valeurs.get(cle);
    if (!v || !v.length) throw new ErreurProvenance(`provenance : clé « ${cle} » absente de la feuille de provenance`);
    return v.join('');
  };
  const json = (cle: string): unknown => {
    try {
      return JSON.parse(un(cle));
    } catch (e) {
      if (e instanceof ErreurProvenance) throw e;
      throw new ErreurProvenance(`provenance : « ${cle} » n’est pas un JSON lisible (${(e as Error).message})`);
    }
  };
  const format = Number(un('format'));
  if (format !== FORMAT_PROVENANCE) throw new ErreurProvenance(`provenance : format ${format} inconnu (attendu : ${FORMAT_PROVENANCE})`);
  return {
    format: FORMAT_PROVENANCE,
    feuille: un('feuille'),
    scenario: json('scenario_json') as Scenario,
    bareme: json('bareme_json') as Bareme,
    versionComplement: un('version_complement'),
    dateGeneration: un('date_generation'),
    empreinte: un('empreinte_sha256'),
    ...(valeurs.get('plage')?.length ? { plage: un('plage') } : {}),
  };
}

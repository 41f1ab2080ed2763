// Provenance d'un classeur de simulation, rangée dans une feuille masquée pour survivre à
// l'enregistrement, à l'envoi par courriel et à la réouverture par un autre tableur : le scénario,
// l'instantané du barème réellement utilisé (valeurs, dates, sources, statuts), la version du
// complément, la date de génération, une empreinte SHA-256 du contenu et, si le classeur a été signé
// (`sip signer`), la signature Ed25519 de l'organisme et le contenu qu'elle couvre.
// Description pure : le volet (Office.js) et la CLI (exceljs) écrivent la même feuille.
//
// Format 2 : l'empreinte couvre aussi la date de génération, la version du complément, le nom de la
// feuille et la plage générée ; le format 1 (scénario + barème + formules) reste lisible.
import { Bareme } from '../rules/bareme/types';
import { lettreColonne } from './adresses';
import { DescriptionFeuille } from './description';
import { jsonCanonique, sha256 } from './empreinte';
import { NOM_FEUILLE_PAR_DEFAUT } from './simulation';
import { Scenario } from '../rules/scenario/types';

export const FORMAT_PROVENANCE = 2;
export const PREFIXE_FEUILLE_PROVENANCE = '_sip_prov';
/** Nom de la feuille de provenance de la feuille par défaut. */
export const NOM_FEUILLE_PROVENANCE = '_sip_provenance';
/** Une cellule Excel contient au plus 32 767 caractères : les JSON longs sont découpés. */
export const TAILLE_MORCEAU = 30000;
/** Première ligne des lignes de la signature dans la feuille de provenance (les lignes 21 à 30 lui sont réservées). */
export const LIGNE_SIGNATURE = 21;
export const DERNIERE_LIGNE_SIGNATURE = 30;

/** Signature d'un organisme (src/workbook/signature) : qui, avec quelle clé, sur quel contenu. */
export interface SignatureClasseur {
  /** Organisme que la clé qui a signé déclare (à confirmer par une clé de confiance). */
  organisme: string;
  /** Empreinte SHA-256 (hexadécimal) de la clé publique. */
  cle: string;
  /** Clé publique Ed25519 brute (32 octets), en base64. */
  clePublique: string;
  /** Signature Ed25519 (64 octets), en base64, du texte `contenu` encodé en UTF-8. */
  signature: string;
  /** Le contenu signé (JSON, src/workbook/signature/contenu.ts), tel quel. */
  contenu: string;
}

export interface Provenance {
  format: 1 | 2;
  /** Onglet de la simulation décrite. */
  feuille: string;
  scenario: Scenario;
  bareme: Bareme;
  versionComplement: string;
  /** Date et heure de génération, ISO 8601. */
  dateGeneration: string;
  /** SHA-256 (hex) du contenu (voir empreinteContenu). */
  empreinte: string;
  /** Plage générée (« A1:J153 ») : à la mise à jour en place, seule elle est effacée. */
  plage?: string;
  signature?: SignatureClasseur;
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

/** Empreinte du format 1 : scénario, barème et formules (ni date, ni version). */
export function empreinteContenuV1(scenario: Scenario, bareme: Bareme, description: DescriptionFeuille): string {
  return sha256(jsonCanonique({ scenario, bareme, formules: formulesDe(description) }));
}

/** Empreinte du format 2 : scénario, barème, formules, date de génération, version, feuille et plage. */
export function empreinteContenu(p: Pick<Provenance, 'scenario' | 'bareme' | 'versionComplement' | 'dateGeneration'>, description: DescriptionFeuille): string {
  const { scenario, bareme, versionComplement, dateGeneration } = p;
  return sha256(jsonCanonique({ scenario, bareme, formules: formulesDe(description), versionComplement, dateGeneration, feuille: description.nom, plage: description.plage }));
}

/**
 * L'empreinte enregistrée comparée à celle du contenu reconstruit. Elle détecte une modification
 * accidentelle, pas une falsification : n'importe qui peut la recalculer (seule une signature le peut pas).
 */
export function empreinteProvenance(p: Provenance, description: DescriptionFeuille): { enregistree: string; recalculee: string; conforme: boolean; version: 1 | 2 } {
  const recalculee = p.format === 1 ? empreinteContenuV1(p.scenario, p.bareme, description) : empreinteContenu(p, description);
  return { enregistree: p.empreinte, recalculee, conforme: recalculee === p.empreinte, version: p.format };
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
    empreinte: empreinteContenu({ scenario, bareme, ...o }, description),
    plage: description.plage,
  };
}

const morceaux = (texte: string) => {
  const r: string[] = [];
  for (let i = 0; i < texte.length; i += TAILLE_MORCEAU) r.push(texte.slice(i, i + TAILLE_MORCEAU));
  return r.length ? r : [''];
};

/** Les lignes de la signature (clé, valeurs), posées à partir de la ligne LIGNE_SIGNATURE. */
export function lignesSignature(sig: SignatureClasseur): [string, string[]][] {
  return [
    ['signature_organisme', [sig.organisme]],
    ['signature_cle', [sig.cle]],
    ['signature_cle_publique', [sig.clePublique]],
    ['signature_ed25519', [sig.signature]],
    ['signature_contenu', morceaux(sig.contenu)],
  ];
}

const CLES_SIGNATURE = ['signature_organisme', 'signature_cle', 'signature_cle_publique', 'signature_ed25519', 'signature_contenu'] as const;

/** Colonne du k-ième morceau d'une valeur (B, C… puis AA, AB…). */
const colonneMorceau = (k: number) => lettreColonne(2 + k);

/**
 * Feuille masquée : colonne A = clé, colonne B = valeur ; les JSON (scénario, barème, contenu signé)
 * sont découpés en morceaux sur les colonnes B, C, D… de leur ligne. Lisible par une personne (les clés
 * sont en clair). La signature, si elle existe, occupe les lignes 21 et suivantes.
 */
export function decrireProvenance(p: Provenance): DescriptionFeuille {
  const lignes: [number, string, string[]][] = ([
    ['format', [String(p.format)]],
    ['feuille', [p.feuille]],
    ['version_complement', [p.versionComplement]],
    ['date_generation', [p.dateGeneration]],
    ['empreinte_sha256', [p.empreinte]],
    ['bareme_version', [p.bareme.version]],
    ['plage', [p.plage ?? '']],
    ['scenario_json', morceaux(JSON.stringify(p.scenario))],
    ['bareme_json', morceaux(JSON.stringify(p.bareme))],
  ] as [string, string[]][]).map(([cle, v], i) => [i + 1, cle, v]);
  if (p.signature) lignesSignature(p.signature).forEach(([cle, v], i) => lignes.push([LIGNE_SIGNATURE + i, cle, v]));
  const cellules = lignes.flatMap(([l, cle, valeurs]) => [
    { adresse: `A${l}`, valeur: cle, format: 'texte' as const },
    ...valeurs.map((v, k) => ({ adresse: `${colonneMorceau(k)}${l}`, valeur: v, format: 'texte' as const })),
  ]);
  const colMax = Math.max(...lignes.map(([, , v]) => v.length)) + 1;
  return {
    nom: nomFeuilleProvenance(p.feuille),
    plage: `A1:${lettreColonne(colMax)}${lignes[lignes.length - 1][0]}`,
    colonnes: [{ lettre: 'A', largeur: 22 }, { lettre: 'B', largeur: 60 }],
    cellules,
    fusions: [],
    graphiques: [],
    masquee: true,
  };
}

export class ErreurProvenance extends Error {}

/** Nombre maximal de morceaux d'une valeur (colonnes B à OK : 30 000 caractères chacune). */
const MORCEAUX_MAX = 400;

function valeursParCle(get: (a: string) => unknown): Map<string, string[]> {
  const valeurs = new Map<string, string[]>();
  for (let l = 1; l <= 50; l++) {
    const cle = get(`A${l}`);
    if (typeof cle !== 'string' || !cle) continue;
    const v: string[] = [];
    for (let k = 0; k < MORCEAUX_MAX; k++) {
      const x = get(`${colonneMorceau(k)}${l}`);
      if (x === undefined || x === null || x === '') break;
      v.push(String(x));
    }
    valeurs.set(cle, v);
  }
  return valeurs;
}

function lireSignature(valeurs: Map<string, string[]>, un: (cle: string) => string): SignatureClasseur | undefined {
  const presentes = CLES_SIGNATURE.filter((c) => valeurs.get(c)?.length);
  if (!presentes.length) return undefined;
  const absente = CLES_SIGNATURE.find((c) => !valeurs.get(c)?.length);
  if (absente) throw new ErreurProvenance(`provenance : signature incomplète (« ${absente} » absente) : la signature a été retouchée ou tronquée`);
  return { organisme: un('signature_organisme'), cle: un('signature_cle'), clePublique: un('signature_cle_publique'), signature: un('signature_ed25519'), contenu: un('signature_contenu') };
}

/** Relit la provenance depuis les cellules de la feuille masquée (adresse → valeur). */
export function lireProvenance(cellules: Map<string, unknown> | Record<string, unknown>): Provenance {
  const valeurs = valeursParCle((a) => (cellules instanceof Map ? cellules.get(a) : cellules[a]));
  const un = (cle: string): string => {
    const v = valeurs.get(cle);
    if (!v || !v.length) throw new ErreurProvenance(`provenance : clé « ${cle} » absente de la feuille de provenance`);
    return v.join('');
  };
  const json = (cle: string): unknown => {
    const texte = un(cle);
    try {
      return JSON.parse(texte);
    } catch {
      throw new ErreurProvenance(`provenance : « ${cle} » n’est pas un JSON lisible (texte tronqué ou modifié, ${texte.length} caractères)`);
    }
  };
  const format = Number(un('format'));
  if (format !== 1 && format !== 2) throw new ErreurProvenance(`provenance : format ${un('format')} inconnu (attendu : 1 ou ${FORMAT_PROVENANCE}) ; classeur produit par une version plus récente du complément ?`);
  const signature = lireSignature(valeurs, un);
  return {
    format,
    feuille: un('feuille'),
    scenario: json('scenario_json') as Scenario,
    bareme: json('bareme_json') as Bareme,
    versionComplement: un('version_complement'),
    dateGeneration: un('date_generation'),
    empreinte: un('empreinte_sha256'),
    ...(valeurs.get('plage')?.length ? { plage: un('plage') } : {}),
    ...(signature ? { signature } : {}),
  };
}

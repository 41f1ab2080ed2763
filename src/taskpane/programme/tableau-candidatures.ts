// Le tableau des candidatures SIP d'une feuille Excel, lu par le volet (valeurs d'Office.js) : mêmes
// en-têtes français que `sip programme candidatures.xlsx` (src/workbook/programme/entetes.ts), et
// le modèle vide que le volet écrit sur une nouvelle feuille. Pur : ni Office ni exceljs.
import { serieVersIso } from '../../rules/dates';
import { ATTENDUS, CandidatureBrute, Champ, CHAMPS, ErreurCandidatures } from '../../rules/programme/lecture';
import type { Cellule, DescriptionFeuille, FormatCellule } from '../../workbook/description';
import { colonneDe, lettreColonne } from '../../workbook/adresses';
import { ENTETES, normaliserEntete } from '../../workbook/programme/entetes';
import { miseEnPageA4 } from '../../workbook/impression';

export { ENTETES, normaliserEntete };

/** Libellé français de chaque champ (en-tête du modèle). */
export const LIBELLES_CHAMPS: Record<Champ, string> = Object.fromEntries(CHAMPS.map((c) => [c, ENTETES[c][0]])) as Record<Champ, string>;

const FACULTATIFS: readonly Champ[] = ['maturite', 'dateCandidature'];
const INDEX = new Map<string, Champ>(CHAMPS.flatMap((c) => ENTETES[c].map((e) => [normaliserEntete(e), c] as [string, Champ])));
/** Lignes examinées pour trouver les en-têtes (comme lire-xlsx.ts). */
const LIGNES_ENTETES = 30;

/** Valeurs de la plage utilisée d'une feuille, telles qu'Office.js les rend (`range.values`). */
export interface TableauLu {
  feuille: string;
  /** Adresse de la plage (« A1:I15 » ou « 'Feuil1'!B3:J20 ») : son coin haut-gauche situe les lignes. */
  adresse: string;
  valeurs: unknown[][];
}


function coin(adresse: string): { colonne: number; ligne: number } {
  const m = /^\$?([A-Z]+)\$?(\d+)/.exec((adresse.split('!').pop() ?? 'A1').replace(/'/g, '').toUpperCase());
  return m ? { colonne: colonneDe(m[1]), ligne: Number(m[2]) } : { colonne: 1, ligne: 1 };
}

const vide = (v: unknown) => v === null || v === undefined || (typeof v === 'string' && v.trim() === '');

/** Valeur d'une cellule pour le contrôle : vide → null ; date de candidature en numéro de série → AAAA-MM-JJ. */
function valeurChamp(champ: Champ, v: unknown): unknown {
  if (vide(v)) return null;
  if (champ === 'dateCandidature' && typeof v === 'number') {
    try {
      return serieVersIso(v);
    } catch {
      return v; // rejeté ensuite par lireCandidatures, avec la valeur reçue
    }
  }
  return v;
}

/**
 * Les candidatures brutes du tableau : la ligne d'en-têtes est la première (parmi les 30 premières)
 * qui nomme la colonne de la MSP et au moins deux autres ; une candidature par ligne non vide.
 * Chaque candidature est désignée par sa ligne Excel et chaque champ par son en-tête et sa colonne.
 */
export function candidaturesDuTableau(t: TableauLu): CandidatureBrute[] {
  const { colonne: c0, ligne: l0 } = coin(t.adresse);
  const feuille = `de la feuille « ${t.feuille} »`;
  let entetes = -1;
  const colonnes = new Map<Champ, number>();
  const noms: Partial<Record<Champ, string>> = {};
  for (let r = 0; r < Math.min(t.valeurs.length, LIGNES_ENTETES) && entetes < 0; r++) {
    const trouves = new Map<Champ, number>();
    const libelles: Partial<Record<Champ, string>> = {};
    (t.valeurs[r] ?? []).forEach((v, k) => {
      if (typeof v !== 'string') return;
      const champ = INDEX.get(normaliserEntete(v));
      if (champ && !trouves.has(champ)) {
        trouves.set(champ, k);
        libelles[champ] = v.trim();
      }
    });
    if (trouves.has('nom') && trouves.size >= 3) {
      entetes = r;
      trouves.forEach((k, champ) => colonnes.set(champ, k));
      Object.assign(noms, libelles);
    }
  }
  if (entetes < 0) {
    throw new ErreurCandidatures([
      {
        lieu: `feuille « ${t.feuille} »`,
        champ: '(en-têtes)',
        attendu: `une ligne d’en-têtes (${CHAMPS.filter((c) => !FACULTATIFS.includes(c)).map((c) => LIBELLES_CHAMPS[c]).join(', ')} ; ${LIBELLES_CHAMPS.maturite} et ${LIBELLES_CHAMPS.dateCandidature} facultatives)`,
        recu: `aucune ligne d’en-têtes reconnue dans les ${LIGNES_ENTETES} premières lignes`,
      },
    ]);
  }
  const ligneEntetes = l0 + entetes;
  const manquants = CHAMPS.filter((c) => !FACULTATIFS.includes(c) && !colonnes.has(c));
  if (manquants.length) {
    throw new ErreurCandidatures(
      manquants.map((c) => ({ lieu: `ligne ${ligneEntetes} ${feuille}`, champ: LIBELLES_CHAMPS[c], attendu: `une colonne « ${LIBELLES_CHAMPS[c]} »`, recu: 'colonne absente' })),
    );
  }
  const nomsChamps: Partial<Record<Champ, string>> = {};
  for (const c of CHAMPS) {
    const k = colonnes.get(c);
    nomsChamps[c] = k === undefined ? LIBELLES_CHAMPS[c] : `${noms[c]} (colonne ${lettreColonne(c0 + k)})`;
  }
  const brutes: CandidatureBrute[] = [];
  for (let r = entetes + 1; r < t.valeurs.length; r++) {
    const ligne = t.valeurs[r] ?? [];
    const valeurs: Partial<Record<Champ, unknown>> = {};
    let toutVide = true;
    for (const [champ, k] of colonnes) {
      const v = valeurChamp(champ, ligne[k]);
      if (v !== null) toutVide = false;
      valeurs[champ] = v;
    }
    if (!toutVide) brutes.push({ lieu: `ligne ${l0 + r} ${feuille}`, valeurs, nomsChamps });
  }
  if (brutes.length === 0) {
    throw new ErreurCandidatures([
      { lieu: `feuille « ${t.feuille} »`, champ: '(candidatures)', attendu: `au moins une candidature sous les en-têtes de la ligne ${ligneEntetes}`, recu: 'aucune ligne remplie' },
    ]);
  }
  return brutes;
}

/** Nom de l'onglet du modèle (celui que `sip programme classeur.xlsx` lit en premier). */
export const NOM_FEUILLE_MODELE = 'Candidatures';
/** Ligne des en-têtes du modèle, et nombre de lignes vides mises en forme en dessous. */
export const LIGNE_ENTETES_MODELE = 4;
export const LIGNES_VIDES_MODELE = 50;

const FORMATS_MODELE: Record<Champ, FormatCellule> = {
  nom: 'texte',
  nbProfessionnels: 'entier',
  montantDevis: 'euros',
  // Texte : « oui », « non », « adherent »… restent tels quels.
  projetSanteValide: 'texte',
  aci: 'texte',
  logicielLabellise: 'texte',
  zone: 'texte',
  maturite: 'nombre',
  dateCandidature: 'date',
};
const LARGEURS_MODELE: Record<Champ, number> = {
  nom: 28, nbProfessionnels: 14, montantDevis: 15, projetSanteValide: 14, aci: 14, logicielLabellise: 12, zone: 8, maturite: 10, dateCandidature: 14,
};

/** Le tableau de candidatures vide et mis en forme, écrit par le volet sur une nouvelle feuille. */
export function decrireModeleCandidatures(nom: string = NOM_FEUILLE_MODELE): DescriptionFeuille {
  const cellules: Cellule[] = [];
  const derniere = lettreColonne(CHAMPS.length);
  cellules.push({ adresse: 'A1', valeur: 'Candidatures à l’appel SIP — une ligne par MSP', style: 'titre' });
  cellules.push({
    adresse: 'A2',
    valeur: `Une candidature par ligne à partir de la ligne ${LIGNE_ENTETES_MODELE + 1}, puis volet « Programme SIP de l’année » → « Lire le tableau de la feuille active » (ou sip programme classeur.xlsx).`,
    style: 'note',
  });
  cellules.push({
    adresse: 'A3',
    valeur: ['projetSanteValide', 'aci', 'logicielLabellise', 'zone', 'maturite', 'dateCandidature']
      .map((c) => `${LIBELLES_CHAMPS[c as Champ]} : ${ATTENDUS[c as Champ]}`)
      .join(' ; '),
    style: 'note',
  });
  CHAMPS.forEach((c, i) => cellules.push({ adresse: `${lettreColonne(i + 1)}${LIGNE_ENTETES_MODELE}`, valeur: LIBELLES_CHAMPS[c], style: 'entete' }));
  for (let r = LIGNE_ENTETES_MODELE + 1; r <= LIGNE_ENTETES_MODELE + LIGNES_VIDES_MODELE; r++) {
    CHAMPS.forEach((c, i) => cellules.push({ adresse: `${lettreColonne(i + 1)}${r}`, valeur: null, format: FORMATS_MODELE[c], style: 'entree' }));
  }
  return {
    nom,
    plage: `A1:${derniere}${LIGNE_ENTETES_MODELE + LIGNES_VIDES_MODELE}`,
    colonnes: CHAMPS.map((c, i) => ({ lettre: lettreColonne(i + 1), largeur: LARGEURS_MODELE[c] })),
    cellules,
    fusions: [],
    graphiques: [],
    miseEnPage: miseEnPageA4({ titre: 'Candidatures à l’appel SIP', lignesTitres: `${LIGNE_ENTETES_MODELE}:${LIGNE_ENTETES_MODELE}` }),
  };
}

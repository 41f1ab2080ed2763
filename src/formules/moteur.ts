// Moteur de formules complet (CLI, tests, valeurs en cache des classeurs écrits) : HyperFormula, avec
// les fonctions du catalogue enregistrées comme fonctions natives. Node seulement (GPL-3.0) ; la CLI
// ne le charge que pour une formule que l'évaluateur léger ne sait pas calculer (voir evaluation.ts).
// Avant HyperFormula, chaque formule passe par notre analyse (analyse.ts) : syntaxe d'Excel (VRAI/FAUX,
// 1E5, textes ""), imbrication bornée, fautes signalées en français.
import { HyperFormula } from 'hyperformula';
import { contexteMoteur, OptionsMoteur } from './contexte';
import { formatsHyperFormula } from './dates-texte';
import { preparer } from './preparation';
import { Locale, syntaxe, TypeErreur, ValeurCalculee } from './langue';
import { messageFrancais } from './messages';
import { enregistrer } from './plugin-sip';

export { nomComplet } from './appel-sip';
export { fonctionsEnregistrees } from './plugin-sip';
export type { ContexteMoteur, OptionsMoteur } from './contexte';
export type { Locale, ValeurCalculee } from './langue';

export function configMoteur(o: OptionsMoteur = {}, ordreParDefaut?: Locale) {
  const s = syntaxe(o.locale);
  const context = contexteMoteur(o, ordreParDefaut);
  return {
    licenseKey: 'gpl-v3',
    language: s.langueHf,
    functionArgSeparator: s.argument,
    decimalSeparator: s.decimal,
    thousandSeparator: '' as const,
    arrayColumnSeparator: s.colonneTableau,
    arrayRowSeparator: s.ligneTableau,
    // Tableaux dynamiques, comme Excel : une opération sur un tableau est calculée élément par élément.
    useArrayArithmetic: true,
    dateFormats: formatsHyperFormula(context.ordreDates),
    context,
  };
}

/** Erreurs de notre analyse, par classeur et par cellule (« feuille:ligne:colonne »). */
const ERREURS_ANALYSE = new WeakMap<HyperFormula, Map<string, string>>();
const cle = (feuille: number, ligne: number, colonne: number) => `${feuille}:${ligne}:${colonne}`;

/**
 * Crée un classeur sans tableur ; les formules peuvent être sous forme affichée ou fichier.
 * Dates en texte : JJ/MM/AAAA par défaut, même en syntaxe en-US (forme des fichiers, relus par
 * l'Excel français des utilisateurs) ; `ordreDates` le change.
 */
export function creerClasseur(feuilles: Record<string, (string | number | boolean | null)[][]>, o: OptionsMoteur = {}): HyperFormula {
  enregistrer();
  const s = syntaxe(o.locale);
  const erreurs = new Map<string, string>();
  const preparees = Object.fromEntries(
    Object.entries(feuilles).map(([nom, lignes], f) => [
      nom,
      lignes.map((l, i) =>
        l.map((c, j) => {
          if (typeof c !== 'string' || !c.startsWith('=')) return c;
          const p = preparer(c, s);
          if (p.erreur) erreurs.set(cle(f, i, j), p.erreur);
          return p.formule;
        }),
      ),
    ]),
  );
  const hf = HyperFormula.buildFromSheets(preparees, configMoteur(o, 'fr-FR'));
  ERREURS_ANALYSE.set(hf, erreurs);
  return hf;
}

/** Écrit une cellule d'un classeur existant ; une formule passe par la même préparation. */
export function ecrireCellule(hf: HyperFormula, feuille: number, ligne: number, colonne: number, contenu: string | number | boolean | null): void {
  const erreurs = ERREURS_ANALYSE.get(hf);
  erreurs?.delete(cle(feuille, ligne, colonne));
  if (typeof contenu === 'string' && contenu.startsWith('=')) {
    const p = preparer(contenu, syntaxe(hf.getConfig().language === 'enUS' ? 'en-US' : 'fr-FR'));
    if (p.erreur) erreurs?.set(cle(feuille, ligne, colonne), p.erreur);
    contenu = p.formule;
  }
  hf.setCellContents({ sheet: feuille, row: ligne, col: colonne }, [[contenu]]);
}

function nomsDeFonctions(hf: HyperFormula): () => string[] {
  let noms: string[] | undefined;
  return () => (noms ??= HyperFormula.getRegisteredFunctionNames(hf.getConfig().language));
}

function versValeur(hf: HyperFormula, v: unknown, adresse: [number, number, number]): ValeurCalculee {
  if (v === null || typeof v !== 'object') return v as ValeurCalculee;
  const e = v as { type: TypeErreur; value: string; message: string };
  const s = syntaxe(hf.getConfig().language === 'enUS' ? 'en-US' : 'fr-FR');
  if (e.type === 'ERROR') {
    // Formule illisible : jamais #ERROR! (inconnu d'Excel) ; notre message s'il y en a un.
    const message = ERREURS_ANALYSE.get(hf)?.get(cle(...adresse)) ?? messageFrancais('ERROR', e.message, s, nomsDeFonctions(hf));
    return { erreur: s.codes.NAME, message };
  }
  return { erreur: e.value, message: messageFrancais(e.type, e.message, s, nomsDeFonctions(hf)) };
}

export function valeurCellule(hf: HyperFormula, feuille: number, ligne: number, colonne: number): ValeurCalculee {
  return versValeur(hf, hf.getCellValue({ sheet: feuille, row: ligne, col: colonne }), [feuille, ligne, colonne]);
}

/** Résultat d'une formule seule : une valeur, ou un tableau (formule qui rend plusieurs valeurs). */
export type ResultatFormule = ValeurCalculee | { tableau: ValeurCalculee[][] };

/** Évalue une seule formule avec HyperFormula ; un résultat en tableau est rendu entier. */
export function evaluerFormuleComplete(formule: string, o: OptionsMoteur = {}): ResultatFormule {
  const texte = formule.trim().startsWith('=') ? formule.trim() : `=${formule.trim()}`;
  let hf: HyperFormula;
  try {
    hf = creerClasseur({ Feuille1: [[texte]] }, { ...o, ordreDates: o.ordreDates ?? o.locale ?? 'fr-FR' });
  } catch (e) {
    // Dernier rempart (l'analyse borne déjà l'imbrication) : jamais « Maximum call stack size exceeded ».
    if (e instanceof RangeError) return { erreur: syntaxe(o.locale).codes.NAME, message: 'formule trop complexe pour le moteur de calcul' };
    throw e;
  }
  try {
    if (!hf.isCellPartOfArray({ sheet: 0, row: 0, col: 0 })) return valeurCellule(hf, 0, 0, 0);
    const valeurs = hf.getSheetValues(0);
    return { tableau: valeurs.map((l, i) => l.map((v, j) => versValeur(hf, v, [0, i, j]))) };
  } finally {
    hf.destroy();
  }
}

/** Évalue une seule formule (HyperFormula) ; un tableau donne #VALEUR! (une cellule, une valeur). */
export function evaluerFormule(formule: string, o: OptionsMoteur = {}): ValeurCalculee {
  const r = evaluerFormuleComplete(formule, o);
  if (r === null || typeof r !== 'object' || !('tableau' in r)) return r;
  const s = syntaxe(o.locale);
  return { erreur: s.codes.VALUE, message: `la formule rend un tableau de ${r.tableau.length} ligne(s) × ${r.tableau[0]?.length ?? 0} colonne(s) ; une seule valeur est attendue` };
}

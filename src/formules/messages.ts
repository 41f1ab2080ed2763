// Messages d'erreur français des formules : traduction des messages d'HyperFormula (aucun anglais ne
// doit atteindre l'utilisateur), message par défaut de chaque erreur, suggestion du nom le plus proche
// pour une fonction ou un nom inconnu. Module léger : la CLI le charge sans HyperFormula.
import { ESPACE_DE_NOMS } from '../catalogue/types';
import { Syntaxe, SYNTAXES, TypeErreur } from './langue';

/** Message d'une erreur sans message (ex. #DIV/0!), ou d'une erreur propagée. */
export const MESSAGE_PAR_DEFAUT: Record<TypeErreur, string> = {
  DIV_BY_ZERO: 'division par zéro',
  NAME: 'nom inconnu',
  NUM: 'nombre hors des limites',
  VALUE: 'valeur incorrecte',
  NA: 'valeur non disponible',
  REF: 'référence incorrecte',
  SPILL: 'pas de place pour le résultat en tableau : des cellules voisines sont occupées',
  CYCLE: 'référence circulaire : la formule dépend de sa propre valeur',
  ERROR: 'formule illisible',
};

/** Les messages d'HyperFormula 3.5 (ErrorMessage), en français. */
export const TRADUCTIONS: Readonly<Record<string, string>> = {
  'Distinct signs.': 'les valeurs doivent comporter des signes différents',
  'Wrong number of arguments.': 'nombre d’arguments incorrect',
  'Empty function argument.': 'argument vide non permis',
  'Empty array not allowed.': 'tableau vide non permis',
  'Array dimensions are not compatible.': 'dimensions de tableaux incompatibles',
  'Range dimensions are not compatible with the window size and the stride.': 'dimensions de plage incompatibles avec la fenêtre et le pas',
  'No space for array result.': MESSAGE_PAR_DEFAUT.SPILL,
  'Value too small.': 'valeur trop petite',
  'Value too large.': 'valeur trop grande',
  'Incorrect criterion.': 'critère incorrect',
  'Range spans more than one sheet.': 'la plage s’étend sur plusieurs feuilles',
  'Cell range expected.': 'plage de cellules attendue',
  'Wrong range dimension.': 'dimensions de plage incorrectes',
  'Cell range not allowed.': 'plage ou tableau non permis ici : une seule valeur est attendue',
  'Value cannot be coerced to number.': 'valeur non convertible en nombre',
  'Number argument expected.': 'nombre attendu',
  'Value needs to be an integer.': 'nombre entier attendu',
  'Mode not recognized.': 'mode non reconnu',
  'Date outside of bounds.': 'date hors des limites',
  'Resulting reference is out of the sheet.': 'la référence obtenue sort de la feuille',
  'Wrong type of argument.': 'type d’argument incorrect',
  'NaN or infinite value encountered.': 'résultat non numérique ou infini (hors des limites d’Excel)',
  'Ranges need to be of equal length.': 'les plages doivent avoir la même longueur',
  'Value cannot be negative.': 'valeur négative non permise',
  'String does not represent a binary number.': 'le texte n’est pas un nombre binaire',
  'String does not represent an octal number.': 'le texte n’est pas un nombre octal',
  'String does not represent a hexadecimal number.': 'le texte n’est pas un nombre hexadécimal',
  'End period needs to be at least start period.': 'la période de fin doit suivre la période de début',
  'Cell reference expected.': 'référence de cellule attendue',
  'Empty range not allowed.': 'plage vide non permise',
  'Address is not correct.': 'adresse de cellule incorrecte',
  'Number-only range expected.': 'plage de nombres attendue',
  'Value not found.': 'valeur introuvable',
  'Value in base too large.': 'valeur trop grande pour la base',
  'Value in base too small.': 'valeur trop petite pour la base',
  'Value in base too long.': 'valeur trop longue pour la base',
  'Length cannot be negative.': 'longueur négative non permise',
  'Pattern not found.': 'motif introuvable',
  'Needs at least one value.': 'au moins une valeur est attendue',
  'Range needs to contain at least two elements.': 'la plage doit contenir au moins deux valeurs',
  'Range needs to contain at least three elements.': 'la plage doit contenir au moins trois valeurs',
  'All x values are equal.': 'toutes les valeurs x sont égales',
  'Index out of bounds.': 'indice hors limites',
  'Index too large.': 'indice trop grand',
  'Expected formula.': 'formule attendue',
  'Count cannot be negative.': 'nombre négatif non permis',
  'Parsing error.': MESSAGE_PAR_DEFAUT.ERROR,
  'Sheet does not exist.': 'feuille inexistante',
  'Period number cannot exceed life length.': 'la période dépasse la durée d’amortissement',
  'Invalid date.': 'date incorrecte',
  'Result of bitshift is too long.': 'résultat du décalage de bits trop long',
  'Empty-string argument not allowed.': 'texte vide non permis',
  'Length out of bounds.': 'longueur hors limites',
  'Time cannot be negative.': 'durée négative non permise',
  'No default option.': 'aucune valeur par défaut',
  'None of the conditions were met.': 'aucune des conditions n’est remplie',
  'Selector cannot exceed the number of arguments.': 'le sélecteur dépasse le nombre d’arguments',
  'Start date needs to be earlier than end date.': 'la date de début doit précéder la date de fin',
  'String does not represent correct DateTime.': 'le texte n’est pas une date ou une heure valable',
  'Character code out of bounds.': 'code de caractère hors limites',
  'Argument cannot be 0.': 'argument nul non permis',
  'Argument cannot be less than 1.': 'argument inférieur à 1 non permis',
  'Incorrect weekend bitmask string.': 'masque de week-end incorrect',
  'Invalid roman numeral.': 'chiffre romain incorrect',
  'Wrong order of values.': 'valeurs dans le mauvais ordre',
  'Complex number expected.': 'nombre complexe attendu',
  "Should be 'i' or 'j'.": '« i » ou « j » attendu',
  'Array dimensions mismatched.': 'les lignes du tableau n’ont pas toutes le même nombre de valeurs',
  'Result exceeds the maximum allowed length.': 'résultat trop long',
};

/** Distance d'édition (insertions, suppressions, substitutions). */
export function distance(a: string, b: string): number {
  let precedente = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const ligne = [i];
    for (let j = 1; j <= b.length; j++) {
      ligne[j] = Math.min(precedente[j] + 1, ligne[j - 1] + 1, precedente[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    precedente = ligne;
  }
  return precedente[b.length];
}

/**
 * Le nom connu le plus proche (au plus deux lettres d'écart, et un tiers du nom), sinon undefined.
 * Un nom SIP.* n'est comparé qu'aux fonctions SIP.*, un autre qu'aux fonctions natives ; un nom de
 * fonction SIP écrit sans « SIP. » la propose.
 */
export function plusProche(nom: string, connus: readonly string[]): string | undefined {
  const n = nom.toUpperCase();
  const sip = n.startsWith(`${ESPACE_DE_NOMS}.`);
  if (!sip && connus.includes(`${ESPACE_DE_NOMS}.${n}`)) return `${ESPACE_DE_NOMS}.${n}`; // espace de noms oublié
  const seuil = Math.min(2, Math.floor(n.length / 3));
  let meilleur: string | undefined;
  let d = seuil + 1;
  for (const c of [...connus].sort()) {
    if (sip !== c.startsWith(`${ESPACE_DE_NOMS}.`)) continue; // SIP.* : parmi les fonctions SIP.* seulement
    const e = distance(n, c);
    if (e < d) [meilleur, d] = [c, e];
  }
  return meilleur;
}

export function messageFonctionInconnue(nom: string, connues: readonly string[]): string {
  const proche = plusProche(nom, connues);
  return `fonction inconnue ${nom.toUpperCase()}${proche ? ` ; vouliez-vous dire ${proche} ?` : ''}`;
}

export function messageNomInconnu(nom: string, s: Syntaxe, fonctions: readonly string[]): string {
  const n = nom.toUpperCase();
  if (fonctions.includes(n)) return `nom inconnu ${n} : ${n} est une fonction, écrivez ${n}(…)`;
  if (fonctions.includes(`${ESPACE_DE_NOMS}.${n}`)) return `nom inconnu ${n} : écrivez ${ESPACE_DE_NOMS}.${n}(…)`;
  const autre = Object.values(SYNTAXES).find((a) => a !== s && (a.vrai === n || a.faux === n));
  if (autre) return `nom inconnu ${n} : ${s.locale === 'fr-FR' ? 'en français' : 'en anglais (en-US)'}, écrivez ${autre.vrai === n ? s.vrai : s.faux}`;
  const proche = plusProche(n, [s.vrai, s.faux, ...fonctions]);
  return `nom inconnu ${n}${proche ? ` ; vouliez-vous dire ${proche} ?` : ''}`;
}

const FONCTION_INCONNUE = /^Function name (.+) not recognized\.$/;
const NOM_INCONNU = /^Named expression (.+) not recognized\.$/;
const LICENCE = /^(License key is|Function .+ is not included in your license)/;

/**
 * Le message français d'une erreur de cellule. Les messages d'HyperFormula sont traduits ; les
 * autres (ceux des règles, déjà en français) sont gardés. `fonctions` : noms connus (suggestions).
 */
export function messageFrancais(type: TypeErreur, message: string, s: Syntaxe, fonctions: () => readonly string[]): string {
  if (!message) return MESSAGE_PAR_DEFAUT[type];
  const traduit = TRADUCTIONS[message];
  if (traduit) return traduit;
  const f = FONCTION_INCONNUE.exec(message);
  if (f) return messageFonctionInconnue(f[1], fonctions());
  const n = NOM_INCONNU.exec(message);
  if (n) return messageNomInconnu(n[1], s, fonctions());
  if (message.startsWith('Parsing error')) return MESSAGE_PAR_DEFAUT.ERROR;
  if (LICENCE.test(message)) return 'fonction non couverte par la licence du moteur de calcul';
  return message;
}

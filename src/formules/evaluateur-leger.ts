// Évaluateur léger : les formules faites seulement d'appels SIP.*, de littéraux (nombres, textes,
// booléens), d'opérations (+ - * / ^ %, moins unaire, &, comparaisons) et de parenthèses, calculées
// sans charger HyperFormula (démarrage rapide de `sip calc`). Il reproduit exactement HyperFormula
// 3.5 (coercitions, epsilon des additions et comparaisons, arrondi d'affichage, ordre des erreurs) ;
// un test de propriété le vérifie. Un cas qu'il ne sait pas trancher exactement (texte qui ressemble
// à une date, un pourcentage ou une devise) le fait renoncer : le moteur complet prend le relais.
import { ValeurBrute } from '../catalogue/appel';
import { CATALOGUE } from '../catalogue/fonctions';
import { ESPACE_DE_NOMS, FonctionCatalogue } from '../catalogue/types';
import { Noeud, OperateurBinaire } from './analyse';
import { appelerSip, ErreurCellule, nomComplet } from './appel-sip';
import { ContexteMoteur } from './contexte';
import { Syntaxe, ValeurCalculee } from './langue';
import { messageFrancais } from './messages';

/** Réglages d'HyperFormula reproduits (valeurs par défaut de sa configuration). */
const EPSILON = 1e-13; // precisionEpsilon, actif avec smartRounding
const CHIFFRES_ARRONDI = 10; // precisionRounding
const MESSAGE_NAN = 'NaN or infinite value encountered.';
const MESSAGE_COERCITION = 'Value cannot be coerced to number.';

/** Levée quand l'évaluateur léger ne peut garantir le résultat d'HyperFormula. */
class Renonce {}
const RENONCE = new Renonce();

const VIDE = Symbol('vide');
type Valeur = number | string | boolean | ErreurCellule;
type Argument = Valeur | typeof VIDE;

const estErreur = (v: unknown): v is ErreurCellule => typeof v === 'object' && v !== null;

const FONCTIONS = new Map<string, FonctionCatalogue>(CATALOGUE.map((f) => [nomComplet(f), f]));
const NOMS_SIP = [...FONCTIONS.keys()];

/** La formule est-elle faite seulement de ce que l'évaluateur léger sait calculer ? */
export function estLegere(n: Noeud): boolean {
  switch (n.type) {
    case 'nombre':
    case 'texte':
    case 'booleen':
      return true;
    case 'unaire':
    case 'pourcent':
      return estLegere(n.operande);
    case 'parentheses':
      return estLegere(n.expression);
    case 'binaire':
      return estLegere(n.gauche) && estLegere(n.droite);
    case 'appel':
      return n.nom.startsWith(`${ESPACE_DE_NOMS}.`) && n.args.every((a) => a.type === 'vide' || estLegere(a));
    default:
      return false;
  }
}

/** Post-traitement d'HyperFormula après chaque nœud : NaN ou infini → #NOMBRE!, -0 → 0. */
function apres(v: Valeur): Valeur {
  if (typeof v !== 'number') return v;
  if (!Number.isFinite(v)) return { type: 'NUM', message: MESSAGE_NAN };
  return v === 0 ? 0 : v;
}

class Evaluateur {
  private readonly motifNombre: RegExp;
  private collateur?: Intl.Collator;

  constructor(
    private readonly s: Syntaxe,
    private readonly ctx: ContexteMoteur,
  ) {
    const d = s.decimal === '.' ? '\\.' : ',';
    // NumberLiteralHelper d'HyperFormula (séparateur de milliers vide).
    this.motifNombre = new RegExp(`^([+-]?((${d}\\d+)|(\\d+(${d}\\d*)?)))([eE][+-]?\\d+)?$`);
  }

  valeur(n: Noeud): Valeur {
    switch (n.type) {
      case 'nombre':
        return apres(n.valeur);
      case 'texte':
        return n.valeur;
      case 'booleen':
        return n.valeur;
      case 'parentheses':
        return this.valeur(n.expression);
      case 'unaire': {
        const v = this.valeur(n.operande);
        if (n.op === '+' || estErreur(v)) return v;
        const x = this.nombre(v);
        return estErreur(x) ? x : apres(-x);
      }
      case 'pourcent': {
        const v = this.valeur(n.operande);
        const x = estErreur(v) ? v : this.nombre(v);
        return estErreur(x) ? x : apres(x / 100);
      }
      case 'binaire':
        return apres(this.binaire(n.op, this.valeur(n.gauche), this.valeur(n.droite)));
      case 'appel':
        return apres(this.appel(n.nom, n.args));
      default:
        throw RENONCE;
    }
  }

  /** Coercition en nombre d'HyperFormula (coerceScalarToNumberOrError). */
  private nombre(v: number | string | boolean): number | ErreurCellule {
    if (typeof v === 'number') return v;
    if (typeof v === 'boolean') return Number(v);
    if (v === '') return 0;
    const t = v.trim();
    if (/[%$]/.test(t)) throw RENONCE; // pourcentage ou devise
    if (this.motifNombre.test(t)) return Number(t.replace(this.s.decimal, '.'));
    if (/[0-9/.\-:]/.test(t)) throw RENONCE; // peut-être une date ou une heure
    return { type: 'VALUE', message: MESSAGE_COERCITION };
  }

  private binaire(op: OperateurBinaire, g: Valeur, d: Valeur): Valeur {
    if (estErreur(g)) return g;
    if (estErreur(d)) return d;
    if (op === '&') return this.texte(g) + this.texte(d);
    if (op === '=' || op === '<>' || op === '<' || op === '>' || op === '<=' || op === '>=') return this.comparer(op, g, d);
    const a = this.nombre(g);
    const b = this.nombre(d);
    if (estErreur(a)) return a;
    if (estErreur(b)) return b;
    switch (op) {
      case '+':
        return Math.abs(a + b) < EPSILON * Math.abs(a) ? 0 : a + b;
      case '-':
        return Math.abs(a - b) < EPSILON * Math.abs(a) ? 0 : a - b;
      case '*':
        return a * b;
      case '/':
        return b === 0 ? { type: 'DIV_BY_ZERO', message: '' } : a / b;
      default:
        return Math.pow(a, b);
    }
  }

  /** coerceScalarToString d'HyperFormula : nombres en notation JavaScript, booléens TRUE/FALSE. */
  private texte(v: number | string | boolean): string {
    if (typeof v === 'string') return v;
    if (typeof v === 'number') return v.toString();
    return v ? 'TRUE' : 'FALSE';
  }

  private comparer(op: OperateurBinaire, g: number | string | boolean, d: number | string | boolean): boolean {
    const c = this.ordre(g, d);
    switch (op) {
      case '=':
        return c === 0;
      case '<>':
        return c !== 0;
      case '<':
        return c < 0;
      case '>':
        return c > 0;
      case '<=':
        return c <= 0;
      default:
        return c >= 0;
    }
  }

  /** ArithmeticHelper.compare d'HyperFormula. */
  private ordre(g: number | string | boolean, d: number | string | boolean): number {
    // Un texte qui ressemble à une date serait comparé comme une date : le moteur complet tranche.
    if ((typeof g === 'string' && /[0-9/.\-:]/.test(g)) || (typeof d === 'string' && /[0-9/.\-:]/.test(d))) throw RENONCE;
    if (typeof g === 'string' && typeof d === 'string') {
      this.collateur ??= new Intl.Collator('en', { sensitivity: 'base', caseFirst: 'lower', ignorePunctuation: false });
      return this.collateur.compare(g, d);
    }
    if (typeof g === 'boolean' && typeof d === 'boolean') return Math.sign(Number(g) - Number(d));
    if (typeof g === 'number' && typeof d === 'number') return comparerNombres(g, d);
    const rang = (v: unknown) => (typeof v === 'number' ? 1 : typeof v === 'string' ? 2 : 3);
    return Math.sign(rang(g) - rang(d));
  }

  private appel(nom: string, args: Noeud[]): Valeur {
    const f = FONCTIONS.get(nom);
    if (!f) return { type: 'NAME', message: `Function name ${nom} not recognized.` };
    const valeurs: Argument[] = args.map((a) => (a.type === 'vide' ? VIDE : this.valeur(a)));
    const erreur = valeurs.find(estErreur);
    if (erreur) return erreur; // une erreur en argument se propage, comme dans Excel
    return appelerSip(f, valeurs.map((v): ValeurBrute => (v === VIDE ? null : (v as number | string | boolean))), this.ctx);
  }
}

/** floatCmp d'HyperFormula : égalité à epsilon relatif près. */
function comparerNombres(g: number, d: number): number {
  const mod = 1 + EPSILON;
  if (d >= 0 && g * mod >= d && g <= d * mod) return 0;
  if (d <= 0 && g * mod <= d && g >= d * mod) return 0;
  return g > d ? 1 : -1;
}

/** Arrondi d'affichage d'HyperFormula (smartRounding) : 10 chiffres après le premier significatif. */
export function arrondiAffichage(v: number): number {
  if (v === 0) return v;
  const multiplicateur = Math.pow(10, CHIFFRES_ARRONDI - Math.floor(Math.log10(Math.abs(v))));
  return v < 0 ? -Math.round(-v * multiplicateur) / multiplicateur : Math.round(v * multiplicateur) / multiplicateur;
}

/**
 * Valeur de la formule analysée, ou undefined si elle sort du domaine de l'évaluateur léger
 * (références, fonctions natives, tableaux…) ou s'il renonce. Les explications ne sont transmises
 * au collecteur que si l'évaluation aboutit.
 */
export function evaluerLeger(arbre: Noeud, s: Syntaxe, ctx: ContexteMoteur): ValeurCalculee | undefined {
  if (!estLegere(arbre)) return undefined;
  const explications: Parameters<NonNullable<ContexteMoteur['collecteur']>>[] = [];
  const local: ContexteMoteur = { ...ctx, collecteur: (...e) => explications.push(e) };
  let v: Valeur;
  try {
    v = new Evaluateur(s, local).valeur(arbre);
  } catch (e) {
    if (e === RENONCE) return undefined;
    throw e;
  }
  for (const e of explications) ctx.collecteur?.(...e);
  if (typeof v === 'number') return arrondiAffichage(v);
  if (!estErreur(v)) return v;
  return { erreur: s.codes[v.type], message: messageFrancais(v.type, v.message, s, () => NOMS_SIP) };
}

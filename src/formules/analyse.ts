// Analyse d'une formule Excel en arbre, avec les priorités d'Excel (et d'HyperFormula) :
// comparaisons < & < + - < * / < ^ < moins unaire < %. Refuse ce qu'Excel refuse, en français :
// parenthèse manquante, valeur attendue, plus de 64 niveaux de fonctions imbriquées…
import { NIVEAUX_FONCTIONS_MAX, NIVEAUX_IMBRICATION_MAX, PROFONDEUR_MOTEUR_MAX, Syntaxe } from './langue';
import { decouper, ErreurSyntaxe, Jeton } from './lexique';

export type OperateurBinaire = '+' | '-' | '*' | '/' | '^' | '&' | '=' | '<>' | '<' | '>' | '<=' | '>=';

export type Noeud =
  | { type: 'nombre'; texte: string; valeur: number }
  | { type: 'texte'; valeur: string }
  | { type: 'booleen'; valeur: boolean }
  | { type: 'erreur'; texte: string }
  | { type: 'reference'; texte: string }
  | { type: 'nom'; nom: string }
  | { type: 'vide' }
  | { type: 'unaire'; op: '+' | '-'; operande: Noeud }
  | { type: 'pourcent'; operande: Noeud }
  | { type: 'binaire'; op: OperateurBinaire; gauche: Noeud; droite: Noeud }
  | { type: 'parentheses'; expression: Noeud }
  | { type: 'appel'; nom: string; args: Noeud[] }
  | { type: 'tableau'; lignes: Noeud[][] };

/** Longueur maximale du contenu d'une formule dans Excel. */
export const LONGUEUR_MAX = 8192;

const NIVEAUX: OperateurBinaire[][] = [['=', '<>', '<', '>', '<=', '>='], ['&'], ['+', '-'], ['*', '/'], ['^']];

const decrire = (j: Jeton): string => {
  switch (j.genre) {
    case 'fin':
      return 'la fin de la formule';
    case 'appel':
      return `« ${j.texte}( » en position ${j.position}`;
    default:
      return `« ${j.texte} » en position ${j.position}`;
  }
};

class Analyseur {
  private i = 0;
  private fonctions = 0;
  private imbrication = 0;

  constructor(
    private readonly jetons: Jeton[],
    private readonly s: Syntaxe,
  ) {}

  private get courant(): Jeton {
    return this.jetons[this.i];
  }

  private avancer(): Jeton {
    return this.jetons[this.i++];
  }

  private estOperateur(ops: readonly string[]): boolean {
    const j = this.courant;
    return j.genre === 'operateur' && ops.includes(j.texte);
  }

  private entrer(fonction: boolean): void {
    if (fonction && ++this.fonctions > NIVEAUX_FONCTIONS_MAX) {
      throw new ErreurSyntaxe(`plus de ${NIVEAUX_FONCTIONS_MAX} niveaux de fonctions imbriquées : Excel n’en accepte pas davantage`, true);
    }
    if (++this.imbrication > NIVEAUX_IMBRICATION_MAX) {
      throw new ErreurSyntaxe(`plus de ${NIVEAUX_IMBRICATION_MAX} niveaux imbriqués (parenthèses, fonctions, signes) : formule refusée`, true);
    }
  }

  private sortir(fonction: boolean): void {
    if (fonction) this.fonctions--;
    this.imbrication--;
  }

  formule(): Noeud {
    if (this.courant.genre === 'fin') throw new ErreurSyntaxe('formule vide : une valeur ou un calcul est attendu après « = »');
    const n = this.expression(0);
    const j = this.courant;
    if (j.genre !== 'fin') {
      if (j.genre === 'fermante') throw new ErreurSyntaxe(`parenthèse fermante en trop en position ${j.position}`);
      if (j.genre === 'separateur') {
        const conseil = j.texte === ',' && this.s.decimal === '.' ? ' (en anglais, en-US, le point sépare les décimales : 1.5)' : '';
        throw new ErreurSyntaxe(`${decrire(j)} inattendu hors des arguments d’une fonction${conseil}`);
      }
      throw new ErreurSyntaxe(`${decrire(j)} inattendu : un opérateur (+, -, *, /, &, =…) est attendu avant`);
    }
    return n;
  }

  private expression(niveau: number): Noeud {
    if (niveau === NIVEAUX.length) return this.unaire();
    let gauche = this.expression(niveau + 1);
    while (this.estOperateur(NIVEAUX[niveau])) {
      const op = this.avancer().texte as OperateurBinaire;
      gauche = { type: 'binaire', op, gauche, droite: this.expression(niveau + 1) };
    }
    return gauche;
  }

  private unaire(): Noeud {
    if (!this.estOperateur(['+', '-'])) return this.postfixe();
    const op = this.avancer().texte as '+' | '-';
    this.entrer(false);
    const operande = this.unaire();
    this.sortir(false);
    return { type: 'unaire', op, operande };
  }

  private postfixe(): Noeud {
    let n = this.primaire();
    while (this.estOperateur(['%'])) {
      this.avancer();
      n = { type: 'pourcent', operande: n };
    }
    return n;
  }

  private primaire(): Noeud {
    const j = this.courant;
    switch (j.genre) {
      case 'nombre':
        this.avancer();
        return { type: 'nombre', texte: j.texte, valeur: j.valeur as number };
      case 'texte':
        this.avancer();
        return { type: 'texte', valeur: j.valeur as string };
      case 'erreur':
        this.avancer();
        return { type: 'erreur', texte: j.texte.toUpperCase() };
      case 'reference':
        this.avancer();
        return { type: 'reference', texte: j.texte };
      case 'nom': {
        this.avancer();
        const nom = j.texte.toUpperCase();
        if (nom === this.s.vrai || nom === this.s.faux) return { type: 'booleen', valeur: nom === this.s.vrai };
        return { type: 'nom', nom: j.texte };
      }
      case 'appel':
        return this.appel();
      case 'ouvrante': {
        this.avancer();
        this.entrer(false);
        const expression = this.expression(0);
        this.fermer('fermante', `parenthèse fermante manquante (parenthèse ouverte en position ${j.position})`);
        this.sortir(false);
        return { type: 'parentheses', expression };
      }
      case 'accolade-ouvrante':
        return this.tableau();
      default:
        throw this.valeurAttendue(j);
    }
  }

  private valeurAttendue(j: Jeton): ErreurSyntaxe {
    if (j.genre === 'fin') {
      const avant = this.jetons[this.i - 1];
      return new ErreurSyntaxe(`formule incomplète : une valeur est attendue après « ${avant.texte}${avant.genre === 'appel' ? '(' : ''} »`);
    }
    if (j.genre === 'fermante') return new ErreurSyntaxe(`parenthèse fermante inattendue en position ${j.position} : une valeur est attendue`);
    return new ErreurSyntaxe(`${decrire(j)} inattendu : une valeur est attendue`);
  }

  private fermer(genre: 'fermante' | 'accolade-fermante', siFin: string, contexte = ''): void {
    const j = this.courant;
    if (j.genre === genre) {
      this.avancer();
      return;
    }
    if (j.genre === 'fin') throw new ErreurSyntaxe(siFin);
    const attendu = genre === 'fermante' ? '« ) »' : '« } »';
    throw new ErreurSyntaxe(`${decrire(j)} inattendu${contexte} : ${attendu} ou un opérateur est attendu${this.conseilSeparateur(j)}`);
  }

  private conseilSeparateur(j: Jeton): string {
    if (j.genre === 'separateur' && j.texte !== this.s.argument && this.s.locale === 'en-US') return ' (en anglais, en-US, les arguments sont séparés par « , »)';
    return '';
  }

  private appel(): Noeud {
    const j = this.avancer();
    const nom = j.texte.toUpperCase();
    this.entrer(true);
    const args: Noeud[] = [];
    if (this.courant.genre === 'fermante') this.avancer();
    else {
      for (;;) {
        const c = this.courant;
        args.push(c.genre === 'fermante' || (c.genre === 'separateur' && c.texte === this.s.argument) ? { type: 'vide' } : this.expression(0));
        const suite = this.courant;
        if (suite.genre === 'separateur' && suite.texte === this.s.argument) {
          this.avancer();
          continue;
        }
        this.fermer('fermante', `parenthèse fermante manquante pour ${nom}( (ouverte en position ${j.position})`, ` dans les arguments de ${nom}`);
        break;
      }
    }
    this.sortir(true);
    if ((nom === this.s.vrai || nom === this.s.faux) && args.length === 0) return { type: 'booleen', valeur: nom === this.s.vrai };
    return { type: 'appel', nom, args };
  }

  private tableau(): Noeud {
    const j = this.avancer();
    this.entrer(false);
    const lignes: Noeud[][] = [[]];
    for (;;) {
      lignes[lignes.length - 1].push(this.unaire());
      const c = this.courant;
      if (c.genre === 'separateur' && c.texte === this.s.colonneTableau) this.avancer();
      else if (c.genre === 'separateur' && c.texte === this.s.ligneTableau) {
        this.avancer();
        lignes.push([]);
      } else break;
    }
    this.fermer('accolade-fermante', `accolade fermante manquante (tableau ouvert en position ${j.position})`, ' dans le tableau');
    this.sortir(false);
    return { type: 'tableau', lignes };
  }
}

/** Poids d'un niveau de parenthèses, d'appel ou de tableau, relatif à une opération enchaînée. */
const POIDS_IMBRICATION = 10;

/** Profondeur de l'arbre, un niveau de parenthèses (ou d'appel, de tableau) comptant pour 10. */
export function profondeurPonderee(n: Noeud): number {
  switch (n.type) {
    case 'unaire':
    case 'pourcent':
      return 1 + profondeurPonderee(n.operande);
    case 'binaire':
      return 1 + Math.max(profondeurPonderee(n.gauche), profondeurPonderee(n.droite));
    case 'parentheses':
      return POIDS_IMBRICATION + profondeurPonderee(n.expression);
    case 'appel':
      return POIDS_IMBRICATION + Math.max(0, ...n.args.map(profondeurPonderee));
    case 'tableau':
      return POIDS_IMBRICATION + Math.max(0, ...n.lignes.flat().map(profondeurPonderee));
    default:
      return 1;
  }
}

/** HyperFormula évalue récursivement : au-delà d'une certaine profondeur, sa pile n'y suffit pas. */
export function verifierProfondeurMoteur(arbre: Noeud): void {
  if (profondeurPonderee(arbre) > PROFONDEUR_MOTEUR_MAX) {
    throw new ErreurSyntaxe('formule trop complexe pour le moteur de calcul : trop d’opérations enchaînées ou imbriquées ; répartissez-la sur plusieurs cellules', true);
  }
}

export interface Analyse {
  /** Formule sans « = », telle qu'analysée. */
  texte: string;
  arbre: Noeud;
}

/** Analyse une formule (avec ou sans « = » initial) ; lève une ErreurSyntaxe. */
export function analyser(formule: string, s: Syntaxe): Analyse {
  const debut = formule.length - formule.trimStart().length;
  const avecEgal = formule.trimStart().startsWith('=');
  const decalage = debut + (avecEgal ? 1 : 0);
  const texte = formule.slice(decalage);
  if (texte.length > LONGUEUR_MAX) {
    const milliers = (n: number) => String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ' ');
    throw new ErreurSyntaxe(`formule trop longue : ${milliers(texte.length)} caractères, Excel en accepte ${milliers(LONGUEUR_MAX)} au plus`, true);
  }
  return { texte, arbre: new Analyseur(decouper(texte, s, decalage), s).formule() };
}

// Le constructeur de feuille commun (simulation, programme SIP, barème…) : on pose des cellules
// (valeur ou formule, format, style, nom), on fusionne, on règle les largeurs ; un bloc peut renvoyer
// vers une cellule posée plus loin par un repère `⟦cle⟧`, résolu quand la description est produite.
// Pur : ni Office ni exceljs.
import { absolue, adresse, colonneDe, lettreColonne, ligneDe } from './adresses';
import type { Cellule, DescriptionEnFlux, DescriptionFeuille, FormatCellule, Graphique, MiseEnPage, StyleCellule } from './description';
import { ajusterLargeurs, etendreTextesLongs } from './textes-longs';

const REPERE = /⟦([^⟧]+)⟧/g;

/** Options de la description produite. */
export interface OptionsDescription {
  /** Largeur des colonnes non réglées (caractères ; défaut 14). */
  largeurDefaut?: number;
  /** Mise en page à l'impression (sinon celle donnée à `imprimer`). */
  miseEnPage?: MiseEnPage;
  masquee?: boolean;
  /**
   * Largeur du tableau : un texte long seul au bout de sa ligne s'étend jusqu'à cette colonne,
   * renvoyé à la ligne (voir textes-longs.ts).
   */
  textesLongsJusqua?: number;
}

/** Lignes produites seulement au moment d'être écrites (une candidature par ligne, 100 000 lignes). */
export interface LignesEnFlux {
  premiere: number;
  nombre: number;
  derniereColonne: number;
  /** Cellules de la k-ième ligne réservée (k à partir de 0), dans l'ordre des colonnes. */
  produire: (k: number) => Cellule[];
}

export class Feuille {
  private readonly cellules = new Map<string, Cellule>();
  private readonly fusions: string[] = [];
  private readonly graphiques: Graphique[] = [];
  private readonly reperes = new Map<string, string>();
  private readonly largeurs = new Map<number, number>();
  /** Colonnes dont la largeur suit le plus long libellé (jusqu'à un maximum). */
  private readonly ajustees = new Map<number, number>();
  private readonly hauteurs = new Map<number, number>();
  private enFlux: LignesEnFlux | null = null;
  private impression: MiseEnPage | undefined;
  /** Ligne courante (où le prochain bloc écrit). */
  ligne = 1;
  private colMax = 1;

  pose(col: number, ligne: number, c: Omit<Cellule, 'adresse'>): string {
    const a = adresse(col, ligne);
    this.cellules.set(a, { adresse: a, ...c });
    this.colMax = Math.max(this.colMax, col);
    return absolue(col, ligne);
  }

  texte(col: number, ligne: number, valeur: string, style?: StyleCellule): string {
    return this.pose(col, ligne, { valeur, format: 'texte', ...(style ? { style } : {}) });
  }

  formule(col: number, ligne: number, formule: string, format: FormatCellule, style: StyleCellule = 'calcul', nom?: string): string {
    return this.pose(col, ligne, { formule: formule.startsWith('=') ? formule : `=${formule}`, format, style, ...(nom ? { nom } : {}) });
  }

  /** Une valeur si la formule ne peut s'écrire (null), sinon la formule. */
  formuleOuValeur(col: number, ligne: number, formule: string | null, valeur: number, format: FormatCellule, style: StyleCellule = 'calcul'): string {
    return formule === null ? this.pose(col, ligne, { valeur, format, style }) : this.formule(col, ligne, formule, format, style);
  }

  /** Une ligne de titres de colonnes à partir de la colonne 1. */
  entetes(ligne: number, titres: readonly string[], premiereColonne = 1): void {
    titres.forEach((t, k) => this.texte(premiereColonne + k, ligne, t, 'entete'));
  }

  fusion(c1: number, l1: number, c2: number, l2: number): void {
    if (c2 > c1 || l2 > l1) this.fusions.push(`${adresse(c1, l1)}:${adresse(c2, l2)}`);
  }

  graphique(g: Graphique): void {
    this.graphiques.push(g);
  }

  /** Largeur minimale d'une colonne (en caractères) ; la plus grande demandée l'emporte. */
  largeur(col: number, caracteres: number): void {
    this.largeurs.set(col, Math.max(this.largeurs.get(col) ?? 0, caracteres));
  }

  /** La colonne prend la largeur de son plus long libellé, jusqu'à `max` caractères (au-delà, renvoi à la ligne). */
  ajusterLargeur(col: number, max: number): void {
    this.ajustees.set(col, Math.max(this.ajustees.get(col) ?? 0, max));
  }

  /** Hauteur imposée d'une ligne (points). */
  hauteur(ligne: number, points: number): void {
    this.hauteurs.set(ligne, points);
  }

  /** Mise en page à l'impression de la feuille (voir miseEnPageA4 dans impression.ts). */
  imprimer(m: MiseEnPage): void {
    this.impression = m;
  }

  /**
   * Réserve des lignes dont les cellules ne sont produites qu'à l'écriture, dans l'ordre (écriture en
   * flux) ; les cellules posées avant et après ces lignes les encadrent.
   */
  reserverLignes(l: LignesEnFlux): void {
    this.enFlux = l;
    this.colMax = Math.max(this.colMax, l.derniereColonne);
  }

  /** Note l'adresse d'un repère (cellule « $B$12 » ou plage « $B$12:$B$40 ») que des formules citent en `⟦cle⟧`. */
  reperer(cle: string, adresse: string): void {
    this.reperes.set(cle, adresse);
  }

  aRepere(cle: string): boolean {
    return this.reperes.has(cle);
  }

  sauter(n = 1): void {
    this.ligne += n;
  }

  private resoudre(formule: string): string {
    return formule.replace(REPERE, (_t, cle: string) => {
      const a = this.reperes.get(cle);
      if (a === undefined) throw new Error(`Feuille : repère ⟦${cle}⟧ jamais posé`);
      return a;
    });
  }

  /** La description complète (toutes les cellules en mémoire). */
  description(nom: string, o: OptionsDescription = {}): DescriptionFeuille {
    const d = this.descriptionEnFlux(nom, o);
    return { ...d, cellules: [...d.cellules] };
  }

  /** La description, les lignes réservées produites au moment d'être lues (dans l'ordre des lignes). */
  descriptionEnFlux(nom: string, o: OptionsDescription = {}): DescriptionEnFlux {
    // Les textes longs s'étendent jusqu'à la dernière colonne du tableau : elle est dans la plage.
    const colMax = Math.max(this.colMax, o.textesLongsJusqua ?? 0);
    const largeurs = new Map<number, number>();
    for (let c = 1; c <= colMax; c++) largeurs.set(c, this.largeurs.get(c) ?? o.largeurDefaut ?? 14);
    let posees = [...this.cellules.values()].map((c) => (c.formule ? { ...c, formule: this.resoudre(c.formule) } : c));
    posees = ajusterLargeurs(posees, this.fusions, largeurs, this.ajustees);
    const longs = o.textesLongsJusqua ? etendreTextesLongs(posees, this.fusions, largeurs, o.textesLongsJusqua) : { cellules: posees, fusions: [...this.fusions], hauteurs: [] };
    const hauteurs = new Map([...longs.hauteurs.map((h) => [h.ligne, h.hauteur] as const), ...this.hauteurs]);
    const triees = longs.cellules.sort((a, b) => ligneDe(a.adresse) - ligneDe(b.adresse) || colonneDe(a.adresse) - colonneDe(b.adresse));
    const z = this.enFlux;
    const derniere = Math.max(1, ...triees.map((c) => ligneDe(c.adresse)), z ? z.premiere + z.nombre - 1 : 1);
    const miseEnPage = o.miseEnPage ?? this.impression;
    return {
      nom,
      plage: `A1:${adresse(colMax, derniere)}`,
      colonnes: [...largeurs].map(([c, largeur]) => ({ lettre: lettreColonne(c), largeur })),
      cellules: z ? encadrer(triees, z) : triees,
      fusions: longs.fusions,
      graphiques: this.graphiques.map((g) => ({ ...g, donnees: this.resoudre(g.donnees) })),
      ...(miseEnPage ? { miseEnPage } : {}),
      ...(hauteurs.size ? { hauteurs: [...hauteurs].sort((a, b) => a[0] - b[0]).map(([ligne, hauteur]) => ({ ligne, hauteur })) } : {}),
      ...(o.masquee ? { masquee: true } : {}),
    };
  }
}

/** Les cellules posées avant les lignes réservées, ces lignes produites une à une, puis les suivantes. */
function encadrer(triees: readonly Cellule[], z: LignesEnFlux): Iterable<Cellule> {
  const avant = triees.filter((c) => ligneDe(c.adresse) < z.premiere);
  const apres = triees.filter((c) => ligneDe(c.adresse) >= z.premiere);
  return {
    *[Symbol.iterator]() {
      yield* avant;
      for (let k = 0; k < z.nombre; k++) yield* z.produire(k);
      yield* apres;
    },
  };
}

// Le constructeur de feuille commun (simulation, programme SIP, barème…) : on pose des cellules
// (valeur ou formule, format, style, nom), on fusionne, on règle les largeurs ; un bloc peut renvoyer
// vers une cellule posée plus loin par un repère `⟦cle⟧`, résolu quand la description est produite.
// Pur : ni Office ni exceljs.
import { absolue, adresse, colonneDe, lettreColonne, ligneDe } from './adresses';
import type { Cellule, DescriptionFeuille, FormatCellule, Graphique, MiseEnPage, StyleCellule } from './description';

const REPERE = /⟦([^⟧]+)⟧/g;

export class Feuille {
  private readonly cellules = new Map<string, Cellule>();
  private readonly fusions: string[] = [];
  private readonly graphiques: Graphique[] = [];
  private readonly reperes = new Map<string, string>();
  private readonly largeurs = new Map<number, number>();
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

  description(nom: string, o: { largeurDefaut?: number; miseEnPage?: MiseEnPage; masquee?: boolean } = {}): DescriptionFeuille {
    const cellules = [...this.cellules.values()]
      .map((c) => (c.formule ? { ...c, formule: this.resoudre(c.formule) } : c))
      .sort((a, b) => ligneDe(a.adresse) - ligneDe(b.adresse) || colonneDe(a.adresse) - colonneDe(b.adresse));
    const derniere = Math.max(1, ...cellules.map((c) => ligneDe(c.adresse)));
    return {
      nom,
      plage: `A1:${adresse(this.colMax, derniere)}`,
      colonnes: Array.from({ length: this.colMax }, (_, k) => ({ lettre: lettreColonne(k + 1), largeur: this.largeurs.get(k + 1) ?? o.largeurDefaut ?? 14 })),
      cellules,
      fusions: [...this.fusions],
      graphiques: this.graphiques.map((g) => ({ ...g, donnees: this.resoudre(g.donnees) })),
      ...(o.miseEnPage ? { miseEnPage: o.miseEnPage } : {}),
      ...(o.masquee ? { masquee: true } : {}),
    };
  }
}

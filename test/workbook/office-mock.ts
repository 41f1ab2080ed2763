// Maquette d'Excel.RequestContext pour tester l'écrivain Office.js sans Excel : feuilles, plages,
// formules, formats, styles, noms, fusions ; les propriétés chargées (`load`) ne sont lisibles
// qu'après `context.sync()` (comme dans Office.js), et chaque `sync` est compté.
import { colonneDe, ligneDe, lettreColonne } from '../../src/workbook/layout';

type Brut = string | number | boolean;

export interface CelluleMock {
  formule: Brut;
  format: string;
  style: Record<string, unknown>;
}

function etendre(plage: string): { c1: number; l1: number; c2: number; l2: number } {
  const p = plage.replace(/\$/g, '');
  if (/^[A-Z]+:[A-Z]+$/.test(p)) {
    const [a, b] = p.split(':');
    return { c1: colonneDe(a), l1: 1, c2: colonneDe(b), l2: 1048576 };
  }
  const [a, b = a] = p.split(':');
  return { c1: colonneDe(a), l1: ligneDe(a), c2: colonneDe(b), l2: ligneDe(b) };
}

class Chargeable {
  protected charge = new Set<string>();
  protected demande = new Set<string>();
  constructor(protected readonly ctx: ContexteMock) {}
  load(p?: string | string[]): this {
    for (const x of Array.isArray(p) ? p : [p ?? '*']) this.demande.add(x.split('/')[0]);
    this.ctx.aCharger.add(this);
    return this;
  }
  _synchroniser(): void {
    for (const d of this.demande) this.charge.add(d);
  }
  protected lire<T>(prop: string, v: T): T {
    if (!this.charge.has(prop) && !this.charge.has('*')) throw new Error(`PropertyNotLoaded : ${prop} lu avant load() + sync()`);
    return v;
  }
}

export class PlageMock extends Chargeable {
  constructor(ctx: ContexteMock, readonly feuille: FeuilleMock, readonly adresse: string) {
    super(ctx);
  }
  private cellules(): [string, number, number][] {
    const b = etendre(this.adresse);
    const r: [string, number, number][] = [];
    for (let l = b.l1; l <= Math.min(b.l2, 2000); l++) for (let c = b.c1; c <= b.c2; c++) r.push([`${lettreColonne(c)}${l}`, l - b.l1, c - b.c1]);
    return r;
  }
  private matrice(nom: string, m: unknown): void {
    const b = etendre(this.adresse);
    if (!Array.isArray(m) || m.length !== b.l2 - b.l1 + 1 || m.some((l) => !Array.isArray(l) || l.length !== b.c2 - b.c1 + 1)) {
      throw new Error(`InvalidArgument : ${nom} de ${this.adresse} : matrice ${b.l2 - b.l1 + 1} × ${b.c2 - b.c1 + 1} attendue`);
    }
  }
  set formulas(m: Brut[][]) {
    this.matrice('formulas', m);
    this.ctx.journal.push(`${this.feuille.nom}!${this.adresse}.formulas`);
    for (const [a, l, c] of this.cellules()) {
      const v = m[l][c];
      if (v === '') this.feuille.cellules.get(a) && (this.feuille.cellule(a).formule = '');
      else this.feuille.cellule(a).formule = v;
    }
  }
  set numberFormat(m: string[][]) {
    this.matrice('numberFormat', m);
    this.ctx.journal.push(`${this.feuille.nom}!${this.adresse}.numberFormat`);
    for (const [a, l, c] of this.cellules()) if (m[l][c] !== 'General' || this.feuille.cellules.has(a)) this.feuille.cellule(a).format = m[l][c];
  }
  get values(): Brut[][] {
    return this.lire('values', this.feuille.matrice(this.adresseUtilisee(), (c) => (typeof c.formule === 'string' && c.formule.startsWith('=') ? 0 : c.formule)));
  }
  get formulas(): Brut[][] {
    return this.lire('formulas', this.feuille.matrice(this.adresseUtilisee(), (c) => c.formule));
  }
  get address(): string {
    return this.lire("address", `${this.feuille.nom}!${this.adresseUtilisee()}`);
  }
  isNullObject = false;
  private adresseUtilisee(): string {
    return this.adresse;
  }
  get format() {
    const style = (cle: string, v: unknown) => {
      for (const [a] of this.cellules()) this.feuille.cellule(a).style[cle] = v;
      this.ctx.journal.push(`${this.feuille.nom}!${this.adresse}.format.${cle}`);
    };
    const plage = this;
    return {
      font: {
        set bold(v: boolean) { style('bold', v); },
        set italic(v: boolean) { style('italic', v); },
        set size(v: number) { style('size', v); },
        set color(v: string) { style('color', v); },
      },
      fill: { set color(v: string) { style('fill', v); } },
      set wrapText(v: boolean) { style('wrapText', v); },
      set columnWidth(v: number) {
        plage.feuille.largeurs.set(plage.adresse, v);
        plage.ctx.journal.push(`${plage.feuille.nom}!${plage.adresse}.format.columnWidth`);
      },
    };
  }
  merge(): void {
    this.feuille.fusions.push(this.adresse);
  }
  unmerge(): void {
    const b = etendre(this.adresse);
    this.feuille.fusions = this.feuille.fusions.filter((f) => {
      const x = etendre(f);
      return x.c2 < b.c1 || x.c1 > b.c2 || x.l2 < b.l1 || x.l1 > b.l2;
    });
  }
  clear(): void {
    this.ctx.journal.push(`${this.feuille.nom}!${this.adresse}.clear`);
    for (const [a] of this.cellules()) this.feuille.cellules.delete(a);
  }
}

class NomsMock extends Chargeable {
  readonly noms = new Map<string, string>();
  constructor(ctx: ContexteMock, private readonly feuille: FeuilleMock) {
    super(ctx);
  }
  add(nom: string, plage: PlageMock): void {
    if (this.noms.has(nom)) throw new Error(`InvalidArgument : le nom ${nom} existe déjà`);
    this.noms.set(nom, plage.adresse);
  }
  getItem(nom: string) {
    return { delete: () => this.noms.delete(nom) };
  }
  get items() {
    return this.lire('items', [...this.noms.keys()].map((name) => ({ name })));
  }
  void(): FeuilleMock {
    return this.feuille;
  }
}

/** Graphique créé par le complément (nom, type, plage des données, position). */
export interface GraphiqueMock {
  name: string;
  type: string;
  donnees: string;
  position?: string;
  title: { text: string };
  legend: { position: string; visible: boolean };
  axes: { valueAxis: { numberFormat: string } };
  setPosition(debut: string, fin?: string): void;
  delete(): void;
}

class GraphiquesMock extends Chargeable {
  readonly liste: GraphiqueMock[] = [];
  constructor(ctx: ContexteMock, private readonly feuille: FeuilleMock) {
    super(ctx);
  }
  add(type: string, source: PlageMock, seriesBy?: string): GraphiqueMock {
    const liste = this.liste;
    const ctx = this.ctx;
    const nomFeuille = this.feuille.nom;
    const g: GraphiqueMock = {
      name: '', type, donnees: source.adresse, title: { text: '' }, legend: { position: '', visible: false }, axes: { valueAxis: { numberFormat: '' } },
      setPosition(debut: string, fin?: string) {
        this.position = `${debut}:${fin ?? debut}`;
      },
      delete() {
        liste.splice(liste.indexOf(g), 1);
        ctx.journal.push(`${nomFeuille}!graphique ${g.name}.delete`);
      },
    };
    ctx.journal.push(`${nomFeuille}!charts.add ${type} ${source.adresse} ${seriesBy ?? ''}`.trim());
    liste.push(g);
    return g;
  }
  get items(): GraphiqueMock[] {
    return this.lire('items', [...this.liste]);
  }
}

export class FeuilleMock extends Chargeable {
  readonly cellules = new Map<string, CelluleMock>();
  fusions: string[] = [];
  readonly largeurs = new Map<string, number>();
  visibility = 'Visible';
  readonly names: NomsMock;
  readonly charts: GraphiquesMock;
  supprimee = false;
  constructor(ctx: ContexteMock, private readonly _nom: string, readonly isNullObject = false) {
    super(ctx);
    this.names = new NomsMock(ctx, this);
    this.charts = new GraphiquesMock(ctx, this);
  }
  get name(): string {
    return this.lire('name', this._nom);
  }
  get nom(): string {
    return this._nom;
  }
  cellule(a: string): CelluleMock {
    let c = this.cellules.get(a);
    if (!c) {
      c = { formule: '', format: 'General', style: {} };
      this.cellules.set(a, c);
    }
    return c;
  }
  matrice(plage: string, f: (c: CelluleMock) => Brut): Brut[][] {
    const b = etendre(plage);
    return Array.from({ length: b.l2 - b.l1 + 1 }, (_, l) => Array.from({ length: b.c2 - b.c1 + 1 }, (_, c) => {
      const x = this.cellules.get(`${lettreColonne(b.c1 + c)}${b.l1 + l}`);
      return x ? f(x) : '';
    }));
  }
  getRange(a: string): PlageMock {
    if (this.isNullObject) throw new Error('ItemNotFound');
    return new PlageMock(this.ctx, this, a);
  }
  getUsedRange(): PlageMock {
    return this.getRange(this.utilisee() ?? 'A1');
  }
  getUsedRangeOrNullObject(): PlageMock {
    const u = this.utilisee();
    const p = this.getRange(u ?? 'A1');
    p.isNullObject = !u;
    return p;
  }
  private utilisee(): string | null {
    const a = [...this.cellules.entries()].filter(([, c]) => c.formule !== '').map(([x]) => x);
    if (!a.length) return null;
    const cs = a.map(colonneDe);
    const ls = a.map(ligneDe);
    return `${lettreColonne(Math.min(...cs))}${Math.min(...ls)}:${lettreColonne(Math.max(...cs))}${Math.max(...ls)}`;
  }
  delete(): void {
    this.ctx.journal.push(`${this._nom}.delete`);
    this.supprimee = true;
    this.ctx.classeur.feuilles = this.ctx.classeur.feuilles.filter((f) => f !== this);
  }
  activate(): void {
    this.ctx.classeur.active = this;
  }
  /** Valeur écrite en A1 : formule ou constante. */
  v(a: string): Brut | undefined {
    return this.cellules.get(a)?.formule;
  }
}

export class ClasseurMock {
  feuilles: FeuilleMock[] = [];
  active: FeuilleMock | null = null;
}

export class ContexteMock {
  readonly classeur = new ClasseurMock();
  readonly journal: string[] = [];
  readonly aCharger = new Set<{ _synchroniser(): void }>();
  syncs = 0;
  readonly workbook = {
    worksheets: this.creerFeuilles(),
  };
  private creerFeuilles() {
    const ctx = this;
    const items = new (class extends Chargeable {
      get items() {
        return this.lire('items', ctx.classeur.feuilles);
      }
      // `load('items/name')` charge aussi le nom de chaque feuille.
      _synchroniser(): void {
        super._synchroniser();
        if (this.charge.has('items')) for (const f of ctx.classeur.feuilles) f.load('name')._synchroniser();
      }
    })(this);
    return Object.assign(items, {
      getItemOrNullObject: (nom: string) => ctx.classeur.feuilles.find((f) => f.nom.toLowerCase() === nom.toLowerCase()) ?? new FeuilleMock(ctx, nom, true),
      getItem: (nom: string) => {
        const f = ctx.classeur.feuilles.find((x) => x.nom.toLowerCase() === nom.toLowerCase());
        if (!f) throw new Error(`ItemNotFound : ${nom}`);
        return f;
      },
      add: (nom: string) => {
        if (ctx.classeur.feuilles.some((f) => f.nom.toLowerCase() === nom.toLowerCase())) throw new Error(`ItemAlreadyExists : ${nom}`);
        const f = new FeuilleMock(ctx, nom);
        ctx.classeur.feuilles.push(f);
        ctx.journal.push(`add ${nom}`);
        return f;
      },
      getActiveWorksheet: () => ctx.classeur.active ?? ctx.classeur.feuilles[0],
    });
  }
  async sync(): Promise<void> {
    this.syncs++;
    for (const o of this.aCharger) o._synchroniser();
    this.aCharger.clear();
  }
  feuille(nom: string): FeuilleMock {
    const f = this.classeur.feuilles.find((x) => x.nom === nom);
    if (!f) throw new Error(`feuille ${nom} absente`);
    return f;
  }
}

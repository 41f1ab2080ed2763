// Graphique du plan de financement en SVG (colonnes empilées ou lignes), libellés en français et
// montants en euros au format français. Pur (texte) : la CLI le convertit en PNG (./images).

export interface DonneesGraphique {
  type: 'colonnes_empilees' | 'ligne';
  titre: string;
  categories: string[];
  series: { nom: string; valeurs: number[] }[];
}

const COULEURS = ['#1f5fa8', '#e08a00', '#2e7d32', '#7b1fa2', '#c62828'];
const POLICE = 'DejaVu Sans';
const INSECABLE = '\u00a0';

/** Montant arrondi à l'euro, au format français : « 120 000 € », « −3 460 € ». */
export function eurosArrondis(x: number): string {
  const r = Math.round(x);
  const groupes = String(Math.abs(r)).replace(/\B(?=(\d{3})+(?!\d))/g, INSECABLE);
  return `${r < 0 ? '−' : ''}${groupes}${INSECABLE}€`;
}

const echapper = (t: string) => t.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** Pas « rond » de l'axe : 1, 2, 2,5 ou 5 × 10^k. */
function pasRond(etendue: number, graduations = 5): number {
  if (etendue <= 0) return 1;
  const brut = etendue / graduations;
  const p = 10 ** Math.floor(Math.log10(brut));
  return [1, 2, 2.5, 5, 10].map((k) => k * p).find((x) => x >= brut) ?? 10 * p;
}

/** Étendue des valeurs : cumuls positifs et négatifs par catégorie (colonnes empilées) ou valeurs (lignes). */
function etendue(d: DonneesGraphique): { bas: number; haut: number } {
  let bas = 0;
  let haut = 0;
  d.categories.forEach((_, k) => {
    if (d.type === 'colonnes_empilees') {
      haut = Math.max(haut, d.series.reduce((a, s) => a + Math.max(0, s.valeurs[k] ?? 0), 0));
      bas = Math.min(bas, d.series.reduce((a, s) => a + Math.min(0, s.valeurs[k] ?? 0), 0));
    } else {
      for (const s of d.series) {
        haut = Math.max(haut, s.valeurs[k] ?? 0);
        bas = Math.min(bas, s.valeurs[k] ?? 0);
      }
    }
  });
  return { bas, haut };
}

/** Géométrie du graphique : marges, échelle des valeurs, position des catégories. */
interface Geometrie {
  largeur: number;
  hauteur: number;
  marge: { gauche: number; droite: number; haut: number; bas: number };
  ly: number;
  pas: number;
  yMin: number;
  yMax: number;
  bande: number;
  y: (v: number) => number;
  xCentre: (k: number) => number;
}

function geometrie(d: DonneesGraphique, largeur: number, hauteur: number): Geometrie {
  const { bas, haut } = etendue(d);
  const pas = pasRond(haut - bas);
  const yMin = Math.floor(bas / pas) * pas;
  const yMax = Math.max(yMin + pas, Math.ceil(haut / pas) * pas);
  const marge = { gauche: 96, droite: 16, haut: 44, bas: 64 };
  const ly = hauteur - marge.haut - marge.bas;
  const bande = (largeur - marge.gauche - marge.droite) / Math.max(1, d.categories.length);
  return {
    largeur, hauteur, marge, ly, pas, yMin, yMax, bande,
    y: (v) => marge.haut + ((yMax - v) / (yMax - yMin)) * ly,
    xCentre: (k) => marge.gauche + bande * (k + 0.5),
  };
}

/** Titre, axe des valeurs (graduations en euros, quadrillage) et libellés des catégories. */
function axes(d: DonneesGraphique, g: Geometrie): string[] {
  const o = [`<text x="${g.largeur / 2}" y="26" font-size="16" font-weight="bold" text-anchor="middle" fill="#222">${echapper(d.titre)}</text>`];
  for (let v = g.yMin; v <= g.yMax + g.pas / 1e6; v += g.pas) {
    const yy = g.y(v).toFixed(1);
    o.push(`<line x1="${g.marge.gauche}" y1="${yy}" x2="${g.largeur - g.marge.droite}" y2="${yy}" stroke="${Math.abs(v) < g.pas / 1e6 ? '#555' : '#dddddd'}" stroke-width="1"/>`);
    o.push(`<text x="${g.marge.gauche - 8}" y="${(g.y(v) + 4).toFixed(1)}" font-size="11" text-anchor="end" fill="#333">${echapper(eurosArrondis(v))}</text>`);
  }
  o.push(`<line x1="${g.marge.gauche}" y1="${g.marge.haut}" x2="${g.marge.gauche}" y2="${g.marge.haut + g.ly}" stroke="#555" stroke-width="1"/>`);
  d.categories.forEach((cat, k) => {
    o.push(`<text x="${g.xCentre(k).toFixed(1)}" y="${g.marge.haut + g.ly + 18}" font-size="12" text-anchor="middle" fill="#333">${echapper(cat)}</text>`);
  });
  return o;
}

/** Colonnes empilées, avec le total de chaque catégorie au-dessus. */
function colonnes(d: DonneesGraphique, g: Geometrie): string[] {
  const o: string[] = [];
  const l = g.bande * 0.56;
  d.categories.forEach((_, k) => {
    let pos = 0;
    let neg = 0;
    d.series.forEach((s, i) => {
      const v = s.valeurs[k] ?? 0;
      if (v === 0) return;
      const de = v > 0 ? pos : neg;
      const a = de + v;
      if (v > 0) pos = a;
      else neg = a;
      const y1 = Math.min(g.y(de), g.y(a));
      o.push(`<rect x="${(g.xCentre(k) - l / 2).toFixed(1)}" y="${y1.toFixed(1)}" width="${l.toFixed(1)}" height="${Math.abs(g.y(de) - g.y(a)).toFixed(1)}" fill="${COULEURS[i % COULEURS.length]}"/>`);
    });
    const total = d.series.reduce((a, s) => a + (s.valeurs[k] ?? 0), 0);
    if (total !== 0) o.push(`<text x="${g.xCentre(k).toFixed(1)}" y="${(g.y(pos) - 5).toFixed(1)}" font-size="11" text-anchor="middle" fill="#222">${echapper(eurosArrondis(total))}</text>`);
  });
  return o;
}

function courbes(d: DonneesGraphique, g: Geometrie): string[] {
  return d.series.flatMap((s, i) => {
    const couleur = COULEURS[(i + 2) % COULEURS.length];
    const points = s.valeurs.map((v, k) => `${g.xCentre(k).toFixed(1)},${g.y(v).toFixed(1)}`).join(' ');
    return [
      `<polyline points="${points}" fill="none" stroke="${couleur}" stroke-width="2.5"/>`,
      ...s.valeurs.map((v, k) => `<circle cx="${g.xCentre(k).toFixed(1)}" cy="${g.y(v).toFixed(1)}" r="3.5" fill="${couleur}"/>`),
    ];
  });
}

function legende(d: DonneesGraphique, g: Geometrie): string[] {
  const o: string[] = [];
  const yLeg = g.hauteur - 18;
  let xLeg = g.marge.gauche;
  d.series.forEach((s, i) => {
    const couleur = COULEURS[(d.type === 'ligne' ? i + 2 : i) % COULEURS.length];
    o.push(d.type === 'ligne'
      ? `<line x1="${xLeg}" y1="${yLeg - 4}" x2="${xLeg + 18}" y2="${yLeg - 4}" stroke="${couleur}" stroke-width="3"/>`
      : `<rect x="${xLeg}" y="${yLeg - 11}" width="14" height="14" fill="${couleur}"/>`);
    o.push(`<text x="${xLeg + 22}" y="${yLeg}" font-size="12" fill="#222">${echapper(s.nom)}</text>`);
    xLeg += 22 + s.nom.length * 7.2 + 24;
  });
  return o;
}

export function svgGraphique(d: DonneesGraphique, largeur = 640, hauteur = 360): string {
  const g = geometrie(d, largeur, hauteur);
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${largeur}" height="${hauteur}" viewBox="0 0 ${largeur} ${hauteur}" font-family="${POLICE}">`,
    `<rect width="${largeur}" height="${hauteur}" fill="#ffffff"/>`,
    ...axes(d, g),
    ...(d.type === 'colonnes_empilees' ? colonnes(d, g) : courbes(d, g)),
    ...legende(d, g),
    '</svg>',
  ].join('\n');
}

// Adresses de cellules A1 : lettres de colonne ↔ numéro, ligne d'une adresse. Pur (volet, CLI, tests).

/** 1 → « A », 27 → « AA ». */
export function lettreColonne(n: number): string {
  let s = '';
  for (let x = n; x > 0; x = Math.floor((x - 1) / 26)) s = String.fromCharCode(65 + ((x - 1) % 26)) + s;
  return s;
}

/** Numéro de colonne d'une adresse (« $AB$12 », « AB12 ») ou de ses seules lettres (« AB ») : 28. */
export function colonneDe(a: string): number {
  const l = /^\$?([A-Z]+)/.exec(a)?.[1] ?? 'A';
  return [...l].reduce((n, c) => n * 26 + c.charCodeAt(0) - 64, 0);
}

/** Numéro de ligne d'une adresse (« B12 » → 12). */
export function ligneDe(a: string): number {
  return Number(/(\d+)$/.exec(a)?.[1] ?? 0);
}

export const adresse = (col: number, ligne: number) => `${lettreColonne(col)}${ligne}`;
export const absolue = (col: number, ligne: number) => `$${lettreColonne(col)}$${ligne}`;

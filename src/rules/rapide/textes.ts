// Lecture d'une valeur permise dans un texte (casse, espaces et alias indifférents), gardée par texte
// reçu : une feuille passe mille fois les mêmes « ZIP », « CAI »… à SIP.ELIGIBLE ou SIP.AIDE_CDS.

/** Au-delà, la mémoire d'un lecteur est vidée (textes quelconques : borne la mémoire). */
const TEXTES_GARDES_MAX = 256;

/** Un lecteur : la valeur permise (celle de la liste) d'un texte, ou undefined. */
export function lecteurDeValeurs<T extends string>(valeurs: readonly T[], alias: Readonly<Record<string, T>> = {}): (texte: string) => T | undefined {
  const lus = new Map<string, T | null>();
  const lire = (texte: string): T | null => {
    const t = texte.trim().toUpperCase();
    return valeurs.find((v) => v === t) ?? (Object.prototype.hasOwnProperty.call(alias, t) ? alias[t] : null);
  };
  return (texte) => {
    let v = lus.get(texte);
    if (v === undefined) {
      if (lus.size >= TEXTES_GARDES_MAX) lus.clear();
      v = lire(texte);
      lus.set(texte, v);
    }
    return v ?? undefined;
  };
}

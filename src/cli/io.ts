// Entrées/sorties de la commande `sip`, injectables pour les tests.
export interface Io {
  out(texte: string): void;
  err(texte: string): void;
  /** Répertoire courant (chemins relatifs des fichiers). */
  cwd: string;
  /** Date du jour AAAA-MM-JJ (les tests la fixent). */
  aujourdhui?: string;
}

export const IO_PROCESSUS: Io = {
  out: (t) => process.stdout.write(`${t}\n`),
  err: (t) => process.stderr.write(`${t}\n`),
  cwd: process.cwd(),
};

export type Commande = (args: string[], io: Io) => Promise<number>;

/** Lit `--nom valeur` ou `--nom=valeur` ; retire l'option de la liste. */
export function extraireOption(args: string[], nom: string): string | undefined {
  for (let i = 0; i < args.length; i++) {
    if (args[i] === nom) {
      const v = args[i + 1];
      args.splice(i, 2);
      return v;
    }
    if (args[i].startsWith(`${nom}=`)) {
      const v = args[i].slice(nom.length + 1);
      args.splice(i, 1);
      return v;
    }
  }
  return undefined;
}

/** Lit un drapeau `--nom` ; retire le drapeau de la liste. */
export function extraireDrapeau(args: string[], nom: string): boolean {
  const i = args.indexOf(nom);
  if (i < 0) return false;
  args.splice(i, 1);
  return true;
}

// Les clés de confiance du volet : les clés publiques (.pub) que l'utilisateur a importées une fois, une
// par organisme dont il reçoit des classeurs. Gardées dans les réglages de l'utilisateur, PAS dans le
// classeur : un classeur ne doit pas pouvoir apporter la clé qui le déclarerait « de confiance ».
// Stockage : localStorage du complément (propre à l'utilisateur et au complément ; Office n'offre pas
// de réglages itinérants aux compléments Excel — roamingSettings est propre à Outlook, et les réglages
// du document voyagent avec le classeur). Le stockage est injectable (tests, OfficeRuntime.storage).
import { lireClePublique, texteClePublique, type ClePublique } from './cles';

export interface Stockage {
  getItem(cle: string): string | null;
  setItem(cle: string, valeur: string): void;
}

export const CLE_STOCKAGE = 'sip.clesDeConfiance';

/** Stockage en mémoire (moteur sans localStorage) : les clés valent pour la session. */
export function stockageMemoire(): Stockage {
  const m = new Map<string, string>();
  return { getItem: (k) => m.get(k) ?? null, setItem: (k, v) => void m.set(k, v) };
}

export function stockageParDefaut(): Stockage {
  try {
    const ls = (globalThis as { localStorage?: Stockage }).localStorage;
    if (ls) return ls;
  } catch {
    // Accès refusé (navigateur en mode strict) : mémoire.
  }
  return stockageMemoire();
}

export class MagasinCles {
  constructor(private readonly stockage: Stockage = stockageParDefaut()) {}

  private textes(): string[] {
    try {
      const t = JSON.parse(this.stockage.getItem(CLE_STOCKAGE) ?? '[]');
      return Array.isArray(t) ? t.filter((x): x is string => typeof x === 'string') : [];
    } catch {
      return [];
    }
  }

  /** Les clés gardées (une clé devenue illisible est ignorée). */
  lister(): ClePublique[] {
    const r: ClePublique[] = [];
    for (const t of this.textes()) {
      try {
        r.push(lireClePublique(t, 'clé enregistrée'));
      } catch {
        // ignorée
      }
    }
    return r;
  }

  /** Importe le texte d'un fichier .pub ; ErreurCle en français s'il n'en est pas un. Remplace une clé de même empreinte. */
  importer(texte: string, fichier: string): ClePublique {
    const c = lireClePublique(texte, fichier);
    const gardees = this.lister().filter((k) => k.empreinte !== c.empreinte);
    this.stockage.setItem(CLE_STOCKAGE, JSON.stringify([...gardees, c].map(texteClePublique)));
    return c;
  }

  retirer(empreinte: string): void {
    this.stockage.setItem(CLE_STOCKAGE, JSON.stringify(this.lister().filter((k) => k.empreinte !== empreinte).map(texteClePublique)));
  }
}

// Formule d'une cellule, décrite indépendamment de la feuille : le grand livre et le plan disent
// comment chaque montant se calcule (`SIP.CAI(etp ; 1 ; date)`), la feuille le traduit en formule
// Excel vivante qui pointe vers ses propres cellules. La valeur exacte est toujours calculée ici.
import { Decimal } from './decimal';

export type Terme =
  | { n: string } // nombre exact (texte décimal)
  | { date: string } // date AAAA-MM-JJ
  | { b: boolean }
  | { t: string } // texte
  | { entree: string } // donnée d'entrée (« medecin.0.quotite », « etp », « aci.fixes »…)
  | { serie: string; mois: number } // valeur d'une série mensuelle (« honoraires.1 », « tarif ») au mois m de l'horizon
  | { calcul: string } // calcul intermédiaire du grand livre (« aci.2027.avance »)
  | { sip: string; args: Terme[] } // fonction du complément SIP.xxx
  | { op: '+' | '-' | '*' | '/'; a: Terme; b: Terme }
  | { arrondi: Terme }; // ROUND(x ; 2)

export interface Montant {
  valeur: Decimal;
  /** Formule équivalente ; absente, la cellule reçoit la valeur (cas que la feuille ne sait pas écrire en formule). */
  formule?: Terme;
}

export const nombre = (x: Decimal | number | string): Terme => ({ n: new Decimal(x).toString() });
export const dateT = (iso: string): Terme => ({ date: iso });
export const entree = (cle: string): Terme => ({ entree: cle });
export const serie = (id: string, mois: number): Terme => ({ serie: id, mois });
export const calcul = (id: string): Terme => ({ calcul: id });
export const sip = (fonction: string, ...args: Terme[]): Terme => ({ sip: fonction, args });
export const fois = (a: Terme, b: Terme): Terme => ({ op: '*', a, b });
export const plus = (a: Terme, b: Terme): Terme => ({ op: '+', a, b });

/** Dates (AAAA-MM-JJ) présentes dans une formule. */
export function datesDe(t: Terme, out: Set<string> = new Set()): Set<string> {
  if ('date' in t) out.add(t.date);
  else if ('sip' in t) t.args.forEach((a) => datesDe(a, out));
  else if ('op' in t) {
    datesDe(t.a, out);
    datesDe(t.b, out);
  } else if ('arrondi' in t) datesDe(t.arrondi, out);
  return out;
}

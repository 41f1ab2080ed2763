// L'état partagé pendant la rédaction du grand livre : calendrier de l'horizon, versements inscrits,
// calculs intermédiaires, paramètres lus, hypothèses et avertissements. Chaque module d'aide
// (cds, postes400, aci, sip) reçoit une Redaction et y inscrit ses versements.
import { AIDES } from '../aides';
import { LecteurBareme } from '../bareme/lecture';
import type { Bareme } from '../bareme/types';
import { Calendrier } from '../calendrier';
import type { Decimal } from '../decimal';
import { fusionnerParametres, type ParametreUtilise, type Resultat } from '../explication';
import { calcul as termeCalcul, type Terme } from '../formule';
import type { Scenario } from '../scenario/types';
import { estParametreNonPublie } from '../bareme/lecture';
import type { Calcul, Hypothese, NonChiffre, PeriodeContrat, Versement } from './types';

/** Ce qu'une règle inscrit ; le livre en déduit le financeur, le mois, l'année et le montant. */
export type NouveauVersement = Omit<Versement, 'financeur' | 'mois' | 'annee' | 'montant'> & {
  /** Résultats dont le montant dépend (aide SIP d'un versement, montant ACI de l'année) : leurs paramètres sont repris. */
  aussi?: Resultat[];
};

/** L'explication d'un versement reprend les paramètres, interprétations et avertissements des calculs dont il dépend. */
function reprendre(r: Resultat, amont: readonly Resultat[]): void {
  const e = r.explication;
  for (const a of amont) {
    e.parametres = fusionnerParametres(a.explication.parametres, e.parametres);
    e.interpretations = [...a.explication.interpretations.filter((i) => !e.interpretations.some((x) => x.texte === i.texte)), ...e.interpretations];
    e.avertissements = [...new Set([...a.explication.avertissements, ...e.avertissements])];
  }
}

const cleParametre = (p: ParametreUtilise) => `${p.id}@${p.du}`;

export class Redaction {
  readonly cal: Calendrier;
  readonly versements: Versement[] = [];
  readonly apresHorizon: Versement[] = [];
  readonly calculs: Calcul[] = [];
  readonly nonChiffres: NonChiffre[] = [];
  readonly contrats: PeriodeContrat[] = [];
  readonly avertissements = new Set<string>();
  readonly hypotheses: Hypothese[] = [];
  private readonly parametres = new Map<string, ParametreUtilise>();

  constructor(
    readonly s: Scenario,
    readonly bareme: Bareme,
    /** Faux pour les variantes de sensibilité : la feuille n'écrit que le scénario tel quel en formules. */
    readonly avecFormules: boolean,
  ) {
    this.cal = new Calendrier(s.simulation.debut, s.simulation.horizonAnnees * 12);
  }

  /** Retient les paramètres et avertissements d'un résultat de règle. */
  noter(r: Resultat): void {
    r.explication.avertissements.forEach((a) => this.avertissements.add(a));
    for (const p of r.explication.parametres) this.parametres.set(cleParametre(p), p);
  }

  /** Lit un délai ou un mois du calendrier (nombre entier) au barème, en notant son statut. */
  lireEntier(id: string, date: string): number {
    return this.lireValeur(id, date).toNumber();
  }

  /** Lit une valeur du barème (tarif…) en notant le paramètre. */
  lireValeur(id: string, date: string): Decimal {
    const l = new LecteurBareme(this.bareme, date);
    const v = l.valeur(id);
    for (const p of l.utilises) this.parametres.set(cleParametre(p), p);
    l.avertissements.forEach((a) => this.avertissements.add(a));
    return v;
  }

  /** Inscrit un versement : dans l'horizon, après lui (noté à part), ou avant le début (ignoré). */
  verser({ aussi, ...v }: NouveauVersement): void {
    reprendre(v.resultat, aussi ?? []);
    this.noter(v.resultat);
    const mois = this.cal.indexMois(v.date);
    if (mois < 0) return;
    const complet: Versement = {
      ...v,
      formule: this.avecFormules ? v.formule : undefined,
      financeur: AIDES[v.aide].financeur,
      mois,
      annee: Math.floor(mois / 12),
      montant: v.resultat.valeur as Decimal,
    };
    if (!complet.formule) delete complet.formule;
    (mois < this.cal.nbMois ? this.versements : this.apresHorizon).push(complet);
  }

  /**
   * Un versement dont le montant peut ne pas être publié : la règle est appelée ; un montant non publié
   * (paramètre sans valeur au barème) devient une ligne « montant non publié », hors des totaux.
   */
  verserSiPublie(v: Omit<NouveauVersement, 'resultat'>, regle: () => Resultat): void {
    let resultat: Resultat;
    try {
      resultat = regle();
    } catch (e) {
      if (!estParametreNonPublie(e)) throw e;
      const mois = this.cal.indexMois(v.date);
      if (mois >= 0 && mois < this.cal.nbMois) {
        this.nonChiffres.push({ id: v.id, aide: v.aide, objet: v.objet, du: v.du, au: v.au, date: v.date, mois, annee: Math.floor(mois / 12), parametre: e.parametreNonPublie, message: e.message, ...(this.avecFormules && v.formule ? { formule: v.formule } : {}) });
      }
      return;
    }
    this.verser({ ...v, resultat });
  }

  /** Un calcul intermédiaire (une cellule de la feuille) ; rend le terme qui y renvoie. */
  calcul(id: string, libelle: string, valeur: Decimal, formule: Terme): Terme {
    this.calculs.push({ id, libelle, valeur, formule });
    return termeCalcul(id);
  }

  hypothese(texte: string, statut: Hypothese['statut'] = 'a_confirmer'): void {
    if (!this.hypotheses.some((h) => h.texte === texte)) this.hypotheses.push({ texte, statut });
  }

  /** Paramètres lus, triés par identifiant puis par date. */
  parametresLus(): ParametreUtilise[] {
    return [...this.parametres.values()].sort((a, b) => a.id.localeCompare(b.id) || a.du.localeCompare(b.du));
  }
}

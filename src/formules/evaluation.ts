// Évaluation d'une formule seule (CLI `sip calc`) : l'évaluateur léger si la formule n'utilise que
// des appels SIP.*, des littéraux et des opérateurs ; sinon HyperFormula, chargé à ce moment-là
// seulement (son chargement coûte plusieurs fois le démarrage de Node).
import { analyser } from './analyse';
import { contexteMoteur, OptionsMoteur } from './contexte';
import { evaluerLeger } from './evaluateur-leger';
import { depuisFormeFichier } from './forme-fichier';
import { syntaxe } from './langue';
import { ErreurSyntaxe } from './lexique';
import type { ResultatFormule } from './moteur';

export type { ResultatFormule } from './moteur';

export interface Evaluation {
  resultat: ResultatFormule;
  /** Chemin suivi : évaluateur léger ou moteur complet. */
  moteur: 'leger' | 'hyperformula';
}

export function evaluer(formule: string, o: OptionsMoteur = {}): Evaluation {
  const s = syntaxe(o.locale);
  try {
    const { arbre } = analyser(depuisFormeFichier(formule), s);
    const v = evaluerLeger(arbre, s, contexteMoteur(o));
    if (v !== undefined) return { resultat: v, moteur: 'leger' };
  } catch (e) {
    if (!(e instanceof ErreurSyntaxe)) throw e;
    // Faute de syntaxe bloquante (imbrication, longueur) : inutile de charger le moteur complet.
    if (e.bloquante) return { resultat: { erreur: s.codes.NAME, message: e.message }, moteur: 'leger' };
  }
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const moteur = require('./moteur') as typeof import('./moteur');
  return { resultat: moteur.evaluerFormuleComplete(formule, o), moteur: 'hyperformula' };
}

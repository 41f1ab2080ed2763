// Préparation d'une formule pour HyperFormula : forme fichier (_xldudf_SIP_X) → forme affichée,
// analyse (analyse.ts), réécriture dans la syntaxe qu'HyperFormula lit (reecriture.ts).
import { analyser, verifierProfondeurMoteur } from './analyse';
import { depuisFormeFichier } from './forme-fichier';
import { NIVEAUX_IMBRICATION_MAX, Syntaxe } from './langue';
import { ErreurSyntaxe } from './lexique';
import { reecrire } from './reecriture';

/** Formule qu'HyperFormula ne sait pas lire : sa cellule rend alors notre message. */
const ILLISIBLE = '=(';

export interface FormulePreparee {
  /** Formule à donner à HyperFormula (avec « = »). */
  formule: string;
  /** Notre message si la syntaxe est fautive (la cellule le rend si HyperFormula échoue aussi). */
  erreur?: string;
}

/** Imbrication des parenthèses et accolades d'un texte de formule, hors textes entre guillemets. */
function imbricationBrute(formule: string): number {
  let [niveau, max, dansTexte] = [0, 0, false];
  for (const c of formule) {
    if (c === '"') dansTexte = !dansTexte;
    else if (dansTexte) continue;
    else if (c === '(' || c === '{') max = Math.max(max, ++niveau);
    else if (c === ')' || c === '}') niveau--;
  }
  return max;
}

export function preparer(formule: string, s: Syntaxe): FormulePreparee {
  const affichee = depuisFormeFichier(formule);
  try {
    const { arbre } = analyser(affichee, s);
    verifierProfondeurMoteur(arbre);
    return { formule: `=${reecrire(arbre, s)}` };
  } catch (e) {
    if (!(e instanceof ErreurSyntaxe)) throw e;
    // Imbrication, profondeur ou longueur hors limites : jamais confiée à HyperFormula (sa pile n'y suffirait pas).
    // Sinon, HyperFormula essaie la formule telle quelle : s'il la lit, sa valeur prime.
    const risquee = e.bloquante || imbricationBrute(affichee) > NIVEAUX_IMBRICATION_MAX;
    return { formule: risquee ? ILLISIBLE : affichee.trim(), erreur: e.message };
  }
}

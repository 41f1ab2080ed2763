// Chiffres et dates du barème que le formulaire affiche dans ses aides (date du remplacement des
// contrats, durée du contrat « 400 postes », seuils d'activité, points de l'indicateur SI…) : lus dans
// le barème daté ou calculés par les fonctions du catalogue, jamais écrits en dur dans le volet.
// Une valeur absente à la date saisie donne null (l'aide se dit alors sans chiffre).
import { trouverFonction } from '../../catalogue/fonctions';
import { evaluer, type ValeurBrute } from '../../catalogue/appel';
import { parametreDe, trouverValeur } from '../../rules/bareme/lecture';
import type { Bareme } from '../../rules/bareme/types';
import { aujourdhuiIso } from '../../rules/dates';
import { estErreurRegle } from '../../rules/erreurs';

/** Premier jour où un paramètre existe au barème (publié ou non), ou null. */
export function debutParametre(bareme: Bareme, id: string): string | null {
  return parametreDe(bareme, id)?.valeurs[0]?.du ?? null;
}

/** Valeur numérique d'un paramètre à une date, ou null (absent, non publié). */
export function valeurBareme(bareme: Bareme, id: string, date: string): number | null {
  try {
    const v = trouverValeur(bareme, id, date).valeur.valeur;
    return v === null ? null : Number(v);
  } catch {
    return null;
  }
}

/** Résultat d'une fonction SIP.* du catalogue ; en cas d'entrée refusée ou de barème muet, le message du moteur. */
export function appelCatalogue(bareme: Bareme, nom: string, args: ValeurBrute[]): { valeur: number } | { erreur: string } {
  const f = trouverFonction(nom);
  if (!f) return { erreur: `fonction SIP.${nom} absente du catalogue` };
  try {
    const v = evaluer(f, args, { bareme, aujourdhui: aujourdhuiIso() });
    return { valeur: typeof v === 'boolean' ? Number(v) : v };
  } catch (e) {
    if (estErreurRegle(e)) return { erreur: e.message };
    throw e;
  }
}

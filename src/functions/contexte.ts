// Contexte des fonctions Excel : le barème utilisé et la date du jour (locale) au moment du calcul.
// Le volet et les fonctions sont deux bundles dans le même runtime partagé : le barème choisi est
// donc rangé sur l'objet global, pour que `definirBareme` appelé depuis le volet (barème modifié
// par l'ARS, par exemple) soit vu par les fonctions. Le volet relance ensuite le calcul du
// classeur (Excel : application.calculate(Excel.CalculationType.full)).
import { BAREME_PAR_DEFAUT } from '../rules/bareme/donnees';
import { Bareme } from '../rules/bareme/types';
import { aujourdhuiIso } from '../rules/dates';
import { Contexte } from '../catalogue/types';

const CLE = '__SIP_BAREME_FONCTIONS__';
type Global = typeof globalThis & { [CLE]?: Bareme };

export function definirBareme(b: Bareme | null): void {
  if (b === null) delete (globalThis as Global)[CLE];
  else (globalThis as Global)[CLE] = b;
}

export function baremeCourant(): Bareme {
  return (globalThis as Global)[CLE] ?? BAREME_PAR_DEFAUT;
}

/** Contexte d'un appel : la date omise vaut aujourd'hui, date locale de l'utilisateur. */
export function contexteAppel(maintenant: Date = new Date()): Contexte {
  return { bareme: baremeCourant(), aujourdhui: aujourdhuiIso(maintenant) };
}

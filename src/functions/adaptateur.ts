// Adaptateur Excel ↔ moteur : convertit les valeurs reçues d'Excel, appelle le catalogue et
// traduit une erreur du moteur (#VALEUR!, #NOMBRE!, #N/A) en CustomFunctions.Error. Aucun calcul ici.
import { evaluer, ValeurBrute } from '../catalogue/appel';
import { Contexte, FonctionCatalogue } from '../catalogue/types';
import { CodeErreur, estErreurRegle } from '../rules/erreurs';

/** Ce que l'adaptateur utilise de l'espace de noms global CustomFunctions (remplaçable en test). */
export interface ApiFonctions {
  Error: new (code: CustomFunctions.ErrorCode, message?: string) => CustomFunctions.Error;
  ErrorCode: {
    invalidValue: CustomFunctions.ErrorCode;
    invalidNumber: CustomFunctions.ErrorCode;
    notAvailable: CustomFunctions.ErrorCode;
  };
}

export type ResultatExcel = number | boolean | CustomFunctions.Error;

function codeExcel(api: ApiFonctions, code: CodeErreur): CustomFunctions.ErrorCode {
  switch (code) {
    case '#VALEUR!':
      return api.ErrorCode.invalidValue;
    case '#NOMBRE!':
      // Excel n'affiche pas de message personnalisé avec #NOMBRE! ; il reste porté par l'objet.
      return api.ErrorCode.invalidNumber;
    case '#N/A':
      return api.ErrorCode.notAvailable;
  }
}

/** Valeur reçue d'Excel → valeur brute du catalogue (une matrice 1×1 est lue comme sa cellule). */
function versBrut(v: unknown): ValeurBrute {
  if (Array.isArray(v) && v.length === 1 && Array.isArray(v[0]) && v[0].length === 1) return versBrut(v[0][0]);
  if (v === null || v === undefined || typeof v === 'number' || typeof v === 'string' || typeof v === 'boolean') return v;
  return String(v);
}

/** Fonction à associer à l'id du catalogue : ne lève jamais d'exception, ne renvoie jamais NaN. */
export function adapter(f: FonctionCatalogue, api: ApiFonctions, contexte: () => Contexte): (...args: unknown[]) => ResultatExcel {
  return (...args: unknown[]) => {
    // Excel passe null pour un argument facultatif omis, et ajoute toujours en dernier un objet
    // « invocation » non déclaré : seuls les arguments du catalogue sont lus.
    try {
      const bruts = args.slice(0, f.arguments.length).map(versBrut);
      const valeur = evaluer(f, bruts, contexte());
      if (typeof valeur === 'number' && !Number.isFinite(valeur)) {
        return new api.Error(api.ErrorCode.invalidNumber, `SIP.${f.nom} : résultat non fini`);
      }
      return valeur;
    } catch (e) {
      if (estErreurRegle(e)) return new api.Error(codeExcel(api, e.code), e.message);
      return new api.Error(api.ErrorCode.invalidValue, `SIP.${f.nom} : erreur interne (${e instanceof Error ? e.message : String(e)})`);
    }
  };
}

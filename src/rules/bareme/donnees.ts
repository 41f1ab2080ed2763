// Barème par défaut : assemblé depuis les fichiers de données de ce dossier (sip.json, cds.json,
// postes400.json, aci.json, tarifs.json, changements.json). Aucun chiffre ici.
import { FAMILLES, FICHIER_CHANGEMENTS } from './fichiers';
import { Bareme } from './types';

export const BAREME_PAR_DEFAUT: Bareme = {
  version: FICHIER_CHANGEMENTS.version,
  parametres: FAMILLES.flatMap((f) => f.parametres),
  changements: FICHIER_CHANGEMENTS.changements,
};

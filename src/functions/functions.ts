// Point d'entrée du runtime des fonctions personnalisées (bundle `functions`), chargé par Excel
// dans le runtime partagé avec le volet : enregistre chaque fonction du catalogue sous son id.
import { CATALOGUE } from '../catalogue/fonctions';
import { adapter } from './adaptateur';
import { contexteAppel } from './contexte';
import { demarrerBaremeClasseur } from './bareme-classeur';

export function enregistrerFonctions(api: typeof CustomFunctions): string[] {
  for (const f of CATALOGUE) api.associate(f.id, adapter(f, api, () => contexteAppel()));
  return CATALOGUE.map((f) => f.id);
}

if (typeof CustomFunctions !== 'undefined') enregistrerFonctions(CustomFunctions);

// Runtime partagé : charger le complément à l'ouverture du classeur pour que les fonctions
// calculent même volet fermé (SharedRuntime 1.1 ; le manifeste déclare lifetime="long").
if (typeof Office !== 'undefined' && typeof Office.onReady === 'function') {
  void Office.onReady(() => {
    if (Office.context?.requirements?.isSetSupported('SharedRuntime', '1.1')) {
      Office.addin.setStartupBehavior(Office.StartupBehavior.load).catch(() => undefined);
    }
    // Le barème de la feuille « Barème » du classeur, lu maintenant et à chacun de ses changements.
    if (typeof Excel !== 'undefined') void demarrerBaremeClasseur();
  });
}

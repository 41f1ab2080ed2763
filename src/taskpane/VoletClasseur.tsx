// Le volet branché sur le barème du classeur : la feuille « Barème » lue par le runtime partagé
// (src/functions/bareme-classeur.ts) sert à l'aperçu, à l'éligibilité, au programme et à l'écriture
// des simulations. Ses saisies refusées sont montrées ici avec le message des fonctions (#VALEUR!),
// et aucune simulation n'est écrite tant qu'il y en a ; les valeurs modifiées localement sont listées.
import * as React from 'react';
import { MessageBar, MessageBarBody, MessageBarTitle } from '@fluentui/react-components';
import type { Bareme } from '../rules/bareme/types';
import type { EtatBaremeClasseur } from '../functions/bareme-volet';
import type { ServicesClasseur } from './services';

/** Où lire l'état du barème du classeur (injectable pour les tests). */
export interface SourceBareme {
  abonner(ecouteur: () => void): () => void;
  lire(): EtatBaremeClasseur;
  demarrer(): unknown;
}

interface Props {
  source: SourceBareme;
  /** Services d'écriture pour un barème donné (Office : servicesOffice). */
  servicesPour(bareme: Bareme): ServicesClasseur;
  /** Le contenu du volet, rendu avec le barème du classeur et ses services. */
  contenu(bareme: Bareme, services: ServicesClasseur): React.ReactNode;
}

const MAX_LIGNES = 10;

/** Refuse l'écriture d'une simulation tant que la feuille « Barème » a des saisies refusées. */
export function servicesGardes(services: ServicesClasseur, erreurs: readonly string[]): ServicesClasseur {
  if (erreurs.length === 0) return services;
  const refus = () =>
    Promise.reject(new Error(`La feuille « Barème » du classeur a ${erreurs.length === 1 ? 'une saisie refusée' : `${erreurs.length} saisies refusées`} : ${erreurs[0]}${erreurs.length > 1 ? ' (…)' : ''}. Corrigez-la avant de créer la simulation : elle emporterait ce barème.`));
  return { ...services, creerSimulation: refus };
}

function Liste({ lignes }: { lignes: readonly string[] }) {
  return (
    <ul>
      {lignes.slice(0, MAX_LIGNES).map((l, i) => <li key={i}>{l}</li>)}
      {lignes.length > MAX_LIGNES && <li>… et {lignes.length - MAX_LIGNES} autre(s)</li>}
    </ul>
  );
}

export function EtatBareme({ etat }: { etat: EtatBaremeClasseur }) {
  if (etat.erreurs.length > 0) {
    return (
      <MessageBar intent="error" layout="multiline">
        <MessageBarBody>
          <MessageBarTitle>Barème du classeur : saisie refusée</MessageBarTitle>
          Les fonctions SIP.* qui lisent ces paramètres rendent #VALEUR! jusqu’à correction de la feuille « Barème » :
          <Liste lignes={etat.erreurs} />
        </MessageBarBody>
      </MessageBar>
    );
  }
  if (etat.modifies.length > 0) {
    return (
      <MessageBar intent="info" layout="multiline">
        <MessageBarBody>
          <MessageBarTitle>Barème modifié localement</MessageBarTitle>
          Les calculs utilisent la feuille « Barème » du classeur, qui diffère du barème publié :
          <Liste lignes={etat.modifies.map((m) => `${m.id} (${m.libelle}) : ${m.details.join(' ; ')}`)} />
        </MessageBarBody>
      </MessageBar>
    );
  }
  return null;
}

/**
 * Des services d'identité stable dont chaque appel passe par ceux du barème courant : le volet ne
 * relit pas la feuille active (ni ne perd son message) chaque fois que la feuille « Barème » change.
 */
function servicesStables(courant: () => ServicesClasseur): ServicesClasseur {
  const initial = courant() as unknown as Record<string, unknown>;
  const stable: Record<string, unknown> = {};
  for (const [cle, v] of Object.entries(initial)) {
    stable[cle] = typeof v === 'function' ? (...args: unknown[]) => (courant() as unknown as Record<string, (...a: unknown[]) => unknown>)[cle](...args) : v;
  }
  return stable as unknown as ServicesClasseur;
}

export function VoletClasseur({ source, servicesPour, contenu }: Props) {
  const etat = React.useSyncExternalStore(source.abonner, source.lire);
  React.useEffect(() => {
    void source.demarrer();
  }, [source]);
  const actuels = React.useRef<ServicesClasseur>(null as unknown as ServicesClasseur);
  actuels.current = React.useMemo(() => servicesGardes(servicesPour(etat.bareme), etat.erreurs), [servicesPour, etat.bareme, etat.erreurs]);
  const services = React.useMemo(() => servicesStables(() => actuels.current), []);
  return (
    <>
      <EtatBareme etat={etat} />
      {contenu(etat.bareme, services)}
    </>
  );
}

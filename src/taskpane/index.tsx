// Point d'entrée du volet : monté dans #racine une fois Office prêt, en français, thème clair Fluent.
// Hors d'Excel (page ouverte dans un simple navigateur : Office.onReady rend `host: null`), ou si
// Office.js n'a pas pu être chargé, la page le dit en français au lieu d'échouer.
import * as React from 'react';
import { createRoot } from 'react-dom/client';
import { FluentProvider, MessageBar, MessageBarBody, MessageBarTitle, webLightTheme } from '@fluentui/react-components';
import { abonnerBaremeClasseur, baremeDuClasseur, demarrerBaremeClasseur } from '../functions/bareme-volet';
import { App } from './App';
import { servicesOffice } from './office-classeur';
import { servicesProgrammeOffice } from './programme/ecrire-programme.office';
import { VoletAvecOnglets } from './programme/Onglets';
import { VueProgramme } from './programme/VueProgramme';
import { VoletClasseur, type SourceBareme } from './VoletClasseur';

/** Le barème du classeur, lu par le runtime partagé (feuille « Barème ») ; le défaut sans elle. */
const BAREME_DU_CLASSEUR: SourceBareme = { abonner: abonnerBaremeClasseur, lire: baremeDuClasseur, demarrer: demarrerBaremeClasseur };

function monter(contenu: React.ReactNode): void {
  document.documentElement.lang = 'fr';
  const racine = document.getElementById('racine');
  if (!racine) throw new Error('Élément #racine absent de taskpane.html');
  createRoot(racine).render(
    <FluentProvider theme={webLightTheme} lang="fr" dir="ltr">
      {contenu}
    </FluentProvider>,
  );
}

/** Page ouverte hors d'Excel : rien à écrire ; on dit où le volet s'utilise et comment l'y charger. */
function HorsExcel({ officeAbsent }: { officeAbsent: boolean }) {
  return (
    <MessageBar intent="warning" layout="multiline">
      <MessageBarBody>
        <MessageBarTitle>Ce volet fonctionne dans Excel</MessageBarTitle>
        {officeAbsent
          ? 'Office.js n’a pas pu être chargé (connexion à appsforoffice.microsoft.com ?). '
          : 'Cette page est le volet du complément Simulateur SIP : ouverte dans un simple navigateur, elle ne peut rien calculer ni écrire. '}
        Chargez le complément dans Excel (Excel sur le web, pour Windows ou pour Mac) en suivant la section
        « Installer le complément dans Excel » du README, puis ouvrez le volet par le bouton « Simulateur SIP »
        de l’onglet Accueil.
      </MessageBarBody>
    </MessageBar>
  );
}

if (typeof Office === 'undefined') {
  monter(<HorsExcel officeAbsent />);
} else {
  Office.onReady((info) => {
    monter(
      info.host === Office.HostType.Excel ? (
        <VoletClasseur
          source={BAREME_DU_CLASSEUR}
          servicesPour={servicesOffice}
          contenu={(bareme, services) => (
            <VoletAvecOnglets
              simulation={<App services={services} bareme={bareme} />}
              programme={<VueProgramme services={servicesProgrammeOffice()} bareme={bareme} />}
            />
          )}
        />
      ) : (
        <HorsExcel officeAbsent={false} />
      ),
    );
  });
}

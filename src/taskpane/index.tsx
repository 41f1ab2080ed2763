// Point d'entrée du volet : monté dans #racine une fois Office prêt, en français, thème clair Fluent.
import * as React from 'react';
import { createRoot } from 'react-dom/client';
import { FluentProvider, MessageBar, MessageBarBody, MessageBarTitle, webLightTheme } from '@fluentui/react-components';
import { BAREME_PAR_DEFAUT } from '../rules/bareme/donnees';
import { App } from './App';
import { servicesOffice } from './office-classeur';
import { servicesProgrammeOffice } from './programme/ecrire-programme.office';
import { VoletAvecOnglets } from './programme/Onglets';
import { VueProgramme } from './programme/VueProgramme';

Office.onReady((info) => {
  document.documentElement.lang = 'fr';
  const racine = document.getElementById('racine');
  if (!racine) throw new Error('Élément #racine absent de taskpane.html');
  createRoot(racine).render(
    <FluentProvider theme={webLightTheme} lang="fr" dir="ltr">
      {info.host === Office.HostType.Excel ? (
        <VoletAvecOnglets
          simulation={<App services={servicesOffice(BAREME_PAR_DEFAUT)} bareme={BAREME_PAR_DEFAUT} />}
          programme={<VueProgramme services={servicesProgrammeOffice()} bareme={BAREME_PAR_DEFAUT} />}
        />
      ) : (
        // Page ouverte hors d'Excel (navigateur seul) : rien à écrire, on le dit.
        <MessageBar intent="warning">
          <MessageBarBody>
            <MessageBarTitle>Excel requis</MessageBarTitle>
            Ce volet s’ouvre dans Excel (onglet Accueil → Simulateur SIP) ; voir le README pour installer le complément.
          </MessageBarBody>
        </MessageBar>
      )}
    </FluentProvider>,
  );
});

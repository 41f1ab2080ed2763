/** @jest-environment jsdom */
// Le volet suit le barème du classeur (feuille « Barème » lue par le runtime partagé) : l'aperçu et
// l'écriture l'utilisent, une saisie refusée est montrée et bloque l'écriture, une valeur modifiée
// localement est listée.
import * as React from 'react';
import { act, render, screen } from '@testing-library/react';
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { BAREME_PAR_DEFAUT } from '../../src/rules/bareme/donnees';
import type { Bareme } from '../../src/rules/bareme/types';
import { Decimal } from '../../src/rules/decimal';
import { plafondSip } from '../../src/rules/regles/sip';
import type { EtatBaremeClasseur } from '../../src/functions/bareme-volet';
import { VoletClasseur, type SourceBareme } from '../../src/taskpane/VoletClasseur';
import type { ServicesClasseur } from '../../src/taskpane/services';

beforeAll(() => {
  (globalThis as any).ResizeObserver = class { observe() {} unobserve() {} disconnect() {} };
});

/** Le barème par défaut dont la base du plafond SIP vaut 20 000 € (au lieu de 15 000 €) depuis l'origine. */
function baremeBase20000(): Bareme {
  const b = JSON.parse(JSON.stringify(BAREME_PAR_DEFAUT)) as Bareme;
  const p = b.parametres.find((x) => x.id === 'sip.plafond.base')!;
  p.valeurs = p.valeurs.map((v) => ({ ...v, valeur: '20000' }));
  return { ...b, version: `${b.version}+local-test` };
}

function fausseSource(initial: EtatBaremeClasseur) {
  let etat = initial;
  const ecouteurs = new Set<() => void>();
  const source: SourceBareme & { changer(e: EtatBaremeClasseur): void; demarre: number } = {
    demarre: 0,
    abonner: (f) => (ecouteurs.add(f), () => ecouteurs.delete(f)),
    lire: () => etat,
    demarrer: () => source.demarre++,
    changer: (e) => {
      etat = e;
      for (const f of ecouteurs) f();
    },
  };
  return source;
}

const services: ServicesClasseur = {
  nomFeuille: () => 'Simulation',
  feuilleExiste: async () => false,
  creerSimulation: async () => ({ feuille: 'Simulation', cellules: 1 }),
  lireScenario: async () => null,
};

/** Le contenu affiche le plafond SIP pour 12 professionnels calculé avec le barème reçu. */
/** Chaque fois que le contenu reçoit de nouveaux services (le volet relirait alors la feuille active). */
let servicesRecus = 0;

function Contenu({ bareme, s }: { bareme: Bareme; s: ServicesClasseur }) {
  const [ecriture, setEcriture] = React.useState('');
  React.useEffect(() => {
    servicesRecus++;
    s.creerSimulation({} as never, { remplacer: false }).then(() => setEcriture('écrite'), (e: Error) => setEcriture(e.message));
  }, [s]);
  const plafond = plafondSip(bareme, { nbProfessionnels: new Decimal(12), date: '2026-06-01' }).valeur.toFixed(0);
  return <p>plafond {plafond} ; {ecriture}</p>;
}

function monter(source: SourceBareme) {
  const servicesPour = () => services;
  return render(
    <FluentProvider theme={webLightTheme}>
      <VoletClasseur source={source} servicesPour={servicesPour} contenu={(bareme, s) => <Contenu bareme={bareme} s={s} />} />
    </FluentProvider>,
  );
}

test('barème par défaut, puis modifié dans la feuille : le contenu recalcule et la modification est listée', async () => {
  const source = fausseSource({ bareme: BAREME_PAR_DEFAUT, origine: 'defaut', lu: true, erreurs: [], modifies: [] });
  monter(source);
  // 15 000 + 12 × 1 000 = 27 000 € (source 001, plafond de l'aide SIP).
  expect(await screen.findByText('plafond 27000 ; écrite')).toBeTruthy();
  expect(source.demarre).toBe(1);
  act(() => source.changer({
    bareme: baremeBase20000(), origine: 'feuille', lu: true, erreurs: [],
    modifies: [{ id: 'sip.plafond.base', libelle: 'SIP : plafond de base', lignes: [5], details: ['valeur du 01/01/2016 : 15000 → 20000'] }],
  }));
  // 20 000 + 12 × 1 000 = 32 000 €.
  expect(await screen.findByText('plafond 32000 ; écrite')).toBeTruthy();
  expect(screen.getByText('Barème modifié localement')).toBeTruthy();
  // Les services gardent leur identité : le volet ne relit pas la feuille active à chaque saisie du barème.
  expect(servicesRecus).toBe(1);
  expect(screen.getByText(/sip\.plafond\.base \(SIP : plafond de base\) : valeur du 01\/01\/2016 : 15000 → 20000/)).toBeTruthy();
});

test('saisie refusée dans la feuille « Barème » : le message des fonctions est montré et la simulation n’est pas écrite', async () => {
  const message = 'Barème, ligne 14 : sip.plafond.base : « abc » n’est pas un nombre (ex. 15000 ou 15 000,50)';
  const source = fausseSource({ bareme: BAREME_PAR_DEFAUT, origine: 'feuille', lu: true, erreurs: [message], modifies: [] });
  monter(source);
  expect(screen.getByText('Barème du classeur : saisie refusée')).toBeTruthy();
  expect(screen.getByText(message)).toBeTruthy();
  expect(await screen.findByText(/La feuille « Barème » du classeur a une saisie refusée : Barème, ligne 14 : sip\.plafond\.base .* Corrigez-la avant de créer la simulation/)).toBeTruthy();
});

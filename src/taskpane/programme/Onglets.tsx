// Les deux vues du volet : « Simulation d'un centre » et « Programme SIP de l'année » (ticket 9).
// Chaque vue garde sa saisie quand on change d'onglet (masquée, pas démontée) ; la vue programme
// n'est montée qu'à sa première ouverture.
import * as React from 'react';
import { Tab, TabList, makeStyles, tokens } from '@fluentui/react-components';

export type Onglet = 'simulation' | 'programme';

const useStyles = makeStyles({
  // Volet étroit : les deux onglets passent l'un sous l'autre plutôt que de déborder.
  onglets: { flexWrap: 'wrap', paddingLeft: tokens.spacingHorizontalS, paddingRight: tokens.spacingHorizontalS, borderBottom: `1px solid ${tokens.colorNeutralStroke2}` },
});

interface Props {
  simulation: React.ReactNode;
  programme: React.ReactNode;
  initial?: Onglet;
}

export function VoletAvecOnglets({ simulation, programme, initial = 'simulation' }: Props) {
  const s = useStyles();
  const [onglet, setOnglet] = React.useState<Onglet>(initial);
  const [programmeOuvert, setProgrammeOuvert] = React.useState(initial === 'programme');
  const choisir = (o: Onglet) => {
    setOnglet(o);
    if (o === 'programme') setProgrammeOuvert(true);
  };
  return (
    <>
      <TabList className={s.onglets} size="small" selectedValue={onglet} onTabSelect={(_, d) => choisir(d.value as Onglet)} aria-label="Vue du volet">
        <Tab value="simulation" id="onglet-simulation">Simulation d’un centre</Tab>
        <Tab value="programme" id="onglet-programme">Programme SIP de l’année</Tab>
      </TabList>
      <div role="tabpanel" aria-labelledby="onglet-simulation" hidden={onglet !== 'simulation'}>{simulation}</div>
      {programmeOuvert && <div role="tabpanel" aria-labelledby="onglet-programme" hidden={onglet !== 'programme'}>{programme}</div>}
    </>
  );
}

// Le volet « Simulation » : formulaire du centre, validation en direct, éligibilité par aide,
// aperçu des montants, puis écriture de la feuille de simulation dans le classeur.
import * as React from 'react';
import {
  Button, Dialog, DialogActions, DialogBody, DialogContent, DialogSurface, DialogTitle, Divider, MessageBar, MessageBarBody,
  MessageBarTitle, Spinner, Title3, makeStyles, tokens,
} from '@fluentui/react-components';
import type { Bareme } from '../rules/bareme/types';
import { aujourdhuiIso } from '../rules/dates';
import { apercuMontants } from './apercu';
import { VerificationSimulation } from './composants/VerificationSimulation';
import { PanneauApercu, PanneauEligibilite } from './composants/Panneaux';
import { SectionAci, SectionSip } from './composants/SectionAci';
import { SectionCentre } from './composants/SectionCentre';
import { SectionContrats } from './composants/SectionContrats';
import { SectionMedecins } from './composants/SectionMedecins';
import { eligibiliteCentre } from './eligibilite-centre';
import { depuisScenario, estCentreDeSante, etatInitial, versScenario, type EtatFormulaire, type MedecinSaisi } from './formulaire';
import type { DifferencesBareme, ServicesClasseur } from './services';
import { validerFormulaire } from './validation';

const useStyles = makeStyles({
  volet: { padding: tokens.spacingHorizontalM, maxWidth: '560px', margin: '0 auto' },
  actions: { display: 'flex', gap: tokens.spacingHorizontalS, flexWrap: 'wrap', alignItems: 'center', marginBottom: tokens.spacingVerticalM },
  message: { marginBottom: tokens.spacingVerticalM },
});

type Message = { intent: 'success' | 'error' | 'info' | 'warning'; titre: string; texte: string; details?: string[] };

interface Props {
  services: ServicesClasseur;
  bareme: Bareme;
  /** Date du jour (AAAA-MM-JJ), injectable pour les tests. */
  aujourdhui?: string;
}

function erreurEnTexte(e: unknown): string {
  if (e instanceof Error) return e.message;
  return String(e);
}

export function App({ services, bareme, aujourdhui = aujourdhuiIso() }: Props) {
  const s = useStyles();
  const [etat, setEtat] = React.useState<EtatFormulaire>(() => etatInitial(aujourdhui));
  const [touches, setTouches] = React.useState<ReadonlySet<string>>(new Set());
  const [tentative, setTentative] = React.useState(false);
  const [occupe, setOccupe] = React.useState<string | null>(null);
  const [message, setMessage] = React.useState<Message | null>(null);
  const [confirmation, setConfirmation] = React.useState<string | null>(null);
  const [diff, setDiff] = React.useState<DifferencesBareme | null>(null);
  /** Onglet relu à l'ouverture : on le met à jour en place, même si le nom du centre change. */
  const [feuilleRelue, setFeuilleRelue] = React.useState<string | null>(null);

  // Réouverture du volet sur une feuille de simulation : on relit son scénario.
  React.useEffect(() => {
    let actif = true;
    services.lireScenario().then(
      (r) => {
        if (!actif || !r) return;
        setEtat(depuisScenario(r.scenario));
        setFeuilleRelue(r.feuille);
        setMessage({ intent: 'info', titre: 'Scénario relu', texte: `Le formulaire reprend la simulation de la feuille « ${r.feuille} ».` });
      },
      () => undefined,
    );
    return () => {
      actif = false;
    };
  }, [services]);

  const erreurs = React.useMemo(() => validerFormulaire(etat), [etat]);
  const nbErreurs = Object.keys(erreurs).length;
  const scenario = React.useMemo(() => versScenario(etat), [etat]);
  const eligibilite = React.useMemo(() => eligibiliteCentre(scenario, bareme), [scenario, bareme]);
  const apercu = React.useMemo(() => (nbErreurs === 0 ? apercuMontants(scenario, bareme) : null), [scenario, bareme, nbErreurs]);

  const messageDe = (chemin: string) => (tentative || touches.has(chemin) ? erreurs[chemin] : undefined);
  const toucher = (chemin: string) => setTouches((t) => (t.has(chemin) ? t : new Set(t).add(chemin)));
  const changer = (patch: Partial<EtatFormulaire>, chemin: string) => {
    setEtat((e) => ({ ...e, ...patch }));
    toucher(chemin);
  };
  const changerMedecins = (medecins: MedecinSaisi[], chemin: string) => changer({ medecins }, chemin);

  const nomCible = feuilleRelue ?? services.nomFeuille(scenario);

  async function ecrire(remplacer: boolean) {
    setOccupe('Écriture de la feuille de simulation…');
    setMessage(null);
    try {
      const r = await services.creerSimulation(scenario, { remplacer, nomFeuille: nomCible });
      setMessage({
        intent: 'success',
        titre: remplacer ? 'Simulation mise à jour' : 'Simulation créée',
        texte: `Feuille « ${r.feuille} » écrite${r.cellules ? ` (${r.cellules} cellules)` : ''} : les montants sont des formules SIP.* que vous pouvez ajuster.`,
      });
    } catch (e) {
      setMessage({ intent: 'error', titre: 'Échec de l’écriture', texte: erreurEnTexte(e) });
    } finally {
      setOccupe(null);
    }
  }

  async function creer() {
    setTentative(true);
    if (nbErreurs > 0) {
      setMessage({ intent: 'error', titre: 'Formulaire incomplet', texte: `Corrigez ${nbErreurs === 1 ? 'le champ signalé' : `les ${nbErreurs} champs signalés`} avant de créer la simulation.` });
      return;
    }
    try {
      if (await services.feuilleExiste(nomCible)) {
        setConfirmation(nomCible); // jamais de remplacement sans accord
        return;
      }
    } catch (e) {
      setMessage({ intent: 'error', titre: 'Classeur inaccessible', texte: erreurEnTexte(e) });
      return;
    }
    await ecrire(false);
  }

  async function preparerBareme() {
    if (!services.differencesBareme) return;
    setOccupe('Comparaison des barèmes…');
    setMessage(null);
    try {
      const d = await services.differencesBareme();
      if (d) setDiff(d);
      else setMessage({ intent: 'info', titre: 'Barème à jour', texte: 'La feuille utilise déjà le barème courant.' });
    } catch (e) {
      setMessage({ intent: 'error', titre: 'Comparaison impossible', texte: erreurEnTexte(e) });
    } finally {
      setOccupe(null);
    }
  }

  async function appliquerBareme(d: DifferencesBareme) {
    setDiff(null);
    setOccupe('Mise à jour du barème…');
    try {
      const r = await d.appliquer();
      setMessage({ intent: 'success', titre: 'Barème mis à jour', texte: `Feuille « ${r.feuille} » recalculée avec le barème courant.` });
    } catch (e) {
      setMessage({ intent: 'error', titre: 'Échec de la mise à jour', texte: erreurEnTexte(e) });
    } finally {
      setOccupe(null);
    }
  }

  return (
    <main className={s.volet} lang="fr">
      <Title3 as="h1">Simulation d’un centre</Title3>
      <SectionCentre etat={etat} bareme={bareme} message={messageDe} changer={changer} />
      {estCentreDeSante(etat.type) && (
        <>
          <SectionContrats etat={etat} bareme={bareme} message={messageDe} changer={changer} />
          <SectionMedecins etat={etat} bareme={bareme} message={messageDe} changerMedecins={changerMedecins} />
        </>
      )}
      <SectionSip etat={etat} bareme={bareme} message={messageDe} changer={changer} />
      <SectionAci etat={etat} bareme={bareme} message={messageDe} changer={changer} />
      <Divider />
      <PanneauEligibilite lignes={eligibilite} />
      <PanneauApercu apercu={apercu}
        raison={nbErreurs > 0 ? `Complétez ou corrigez ${nbErreurs === 1 ? 'le champ signalé' : `les ${nbErreurs} champs signalés`} pour voir les montants.` : undefined} />
      <Divider />
      <div className={s.actions}>
        <Button appearance="primary" disabled={occupe !== null} onClick={creer}>Créer la simulation</Button>
        {services.differencesBareme && <Button disabled={occupe !== null} onClick={preparerBareme}>Mettre à jour le barème</Button>}
      </div>
      {occupe && <Spinner size="tiny" label={occupe} labelPosition="after" />}
      {message && (
        <MessageBar intent={message.intent} className={s.message} layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>{message.titre}</MessageBarTitle>
            <div>{message.texte}</div>
            {message.details && message.details.length > 0 && (
              <ul>{message.details.slice(0, 20).map((d, i) => <li key={i}>{d}</li>)}</ul>
            )}
          </MessageBarBody>
        </MessageBar>
      )}

      <VerificationSimulation services={services} />

      <Dialog open={confirmation !== null} onOpenChange={(_, d) => { if (!d.open) setConfirmation(null); }}>
        <DialogSurface>
          <DialogBody>
            <DialogTitle>Remplacer la feuille existante ?</DialogTitle>
            <DialogContent>
              La feuille « {confirmation} » existe déjà. La mettre à jour réécrit la zone générée ; les cellules que vous avez
              ajoutées hors de cette zone sont conservées.
            </DialogContent>
            <DialogActions>
              <Button appearance="secondary" onClick={() => setConfirmation(null)}>Annuler</Button>
              <Button appearance="primary" onClick={() => { setConfirmation(null); void ecrire(true); }}>Remplacer</Button>
            </DialogActions>
          </DialogBody>
        </DialogSurface>
      </Dialog>

      <Dialog open={diff !== null} onOpenChange={(_, d) => { if (!d.open) setDiff(null); }}>
        <DialogSurface>
          <DialogBody>
            <DialogTitle>Mettre à jour le barème ?</DialogTitle>
            <DialogContent>
              Paramètres qui changent :
              <ul>{diff?.lignes.map((l, i) => <li key={i}>{l}</li>)}</ul>
            </DialogContent>
            <DialogActions>
              <Button appearance="secondary" onClick={() => setDiff(null)}>Annuler</Button>
              <Button appearance="primary" onClick={() => diff && void appliquerBareme(diff)}>Appliquer</Button>
            </DialogActions>
          </DialogBody>
        </DialogSurface>
      </Dialog>
    </main>
  );
}

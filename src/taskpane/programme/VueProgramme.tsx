// La vue « Programme SIP de l'année » du volet (ticket 9) : les candidatures (tableau de la feuille
// active ou petite liste saisie ici), les paramètres de l'appel (enveloppe, financement partiel, sites,
// année), le classement calculé en direct par le moteur, puis l'écriture de la feuille « Programme SIP ».
import * as React from 'react';
import {
  Button, Checkbox, Dialog, DialogActions, DialogBody, DialogContent, DialogSurface, DialogTitle, Divider, Field, Input, MessageBar,
  MessageBarBody, MessageBarTitle, Radio, RadioGroup, Spinner, Subtitle2, Text, Title3, makeStyles, tokens,
} from '@fluentui/react-components';
import type { Bareme } from '../../rules/bareme/types';
import { aujourdhuiIso } from '../../rules/dates';
import { CandidatureBrute, Champ, ErreurCandidatures, ErreurChamp, texteErreurChamp } from '../../rules/programme/lecture';
import { decrireFeuilleProgramme, NOM_FEUILLE_PROGRAMME } from '../../workbook/programme/feuille-programme';
import { Champ as ChampTexte, useStyles } from '../composants/champs';
import { ResultatsProgramme } from './ResultatsProgramme';
import { SaisieCandidatures } from './SaisieCandidatures';
import {
  appelInitial, brutesDeLaSaisie, calculer, grouperMontant, LIBELLES_APPEL, lieuSaisie, lireAppel, nouvelleCandidature,
  type AppelSaisi, type CandidatureSaisie, type ChampAppel,
} from './saisie';
import type { ServicesProgramme } from './services-programme';
import { candidaturesDuTableau, LIBELLES_CHAMPS } from './tableau-candidatures';

const styles = makeStyles({
  volet: { padding: tokens.spacingHorizontalM, maxWidth: '560px', margin: '0 auto' },
  actions: { display: 'flex', gap: tokens.spacingHorizontalS, flexWrap: 'wrap', alignItems: 'center', marginBottom: tokens.spacingVerticalM },
  message: { marginBottom: tokens.spacingVerticalM },
});

type Message = { intent: 'success' | 'error' | 'info' | 'warning'; titre: string; texte: string; details?: string[] };
type Source = 'feuille' | 'saisie';

interface Props {
  services: ServicesProgramme;
  bareme: Bareme;
  /** Date du jour (AAAA-MM-JJ), injectable pour les tests : année de l'appel proposée. */
  aujourdhui?: string;
}

const texteErreur = (e: unknown) => (e instanceof Error ? e.message : String(e));
const pluriel = (n: number, mot: string) => `${n} ${mot}${n > 1 ? 's' : ''}`;

export function VueProgramme({ services, bareme, aujourdhui = aujourdhuiIso() }: Props) {
  const s = useStyles();
  const st = styles();
  const [appel, setAppel] = React.useState<AppelSaisi>(() => appelInitial(aujourdhui));
  const [touches, setTouches] = React.useState<ReadonlySet<ChampAppel>>(new Set());
  const [source, setSource] = React.useState<Source>('feuille');
  const [tableau, setTableau] = React.useState<{ feuille: string; brutes: CandidatureBrute[] } | null>(null);
  const [erreursTableau, setErreursTableau] = React.useState<ErreurChamp[] | null>(null);
  const [lignes, setLignes] = React.useState<CandidatureSaisie[]>(() => [nouvelleCandidature(1)]);
  const [occupe, setOccupe] = React.useState<string | null>(null);
  const [message, setMessage] = React.useState<Message | null>(null);
  const [confirmation, setConfirmation] = React.useState(false);

  const brutes = React.useMemo(() => (source === 'feuille' ? tableau?.brutes ?? [] : brutesDeLaSaisie(lignes)), [source, tableau, lignes]);
  const calcul = React.useMemo(() => calculer(bareme, brutes, appel), [bareme, brutes, appel]);
  const erreursAppel = React.useMemo(() => lireAppel(appel).erreurs, [appel]);
  const erreursCandidatures = source === 'feuille' && erreursTableau ? erreursTableau : calcul.statut === 'candidatures' ? calcul.erreurs : [];

  const messageAppel = (c: ChampAppel) => (touches.has(c) ? erreursAppel[c] : undefined);
  const changerAppel = (patch: Partial<AppelSaisi>, c?: ChampAppel) => {
    setAppel((a) => ({ ...a, ...patch }));
    if (c) setTouches((t) => (t.has(c) ? t : new Set(t).add(c)));
  };
  /** Message du moteur sous le champ d'une candidature saisie dans le volet. */
  const messageCandidature = (i: number, champ: Champ) => {
    const e = erreursCandidatures.find((x) => x.lieu === lieuSaisie(i) && x.champ === LIBELLES_CHAMPS[champ]);
    return e ? `${e.attendu} attendu (reçu : ${e.recu})` : undefined;
  };

  async function action(libelle: string, titreEchec: string, faire: () => Promise<void>) {
    setOccupe(libelle);
    setMessage(null);
    try {
      await faire();
    } catch (e) {
      setMessage({ intent: 'error', titre: titreEchec, texte: texteErreur(e) });
    } finally {
      setOccupe(null);
    }
  }

  const lireTableau = () =>
    action('Lecture du tableau de la feuille active…', 'Lecture impossible', async () => {
      const t = await services.lireTableauActif();
      try {
        const b = candidaturesDuTableau(t);
        setTableau({ feuille: t.feuille, brutes: b });
        setErreursTableau(null);
        setMessage({ intent: 'info', titre: 'Tableau lu', texte: `${pluriel(b.length, 'candidature')} sur la feuille « ${t.feuille} ».` });
      } catch (e) {
        if (!(e instanceof ErreurCandidatures)) throw e;
        setTableau(null);
        setErreursTableau(e.erreurs);
      }
    });

  const creerModele = () =>
    action('Création du modèle de tableau…', 'Échec de la création du modèle', async () => {
      const r = await services.creerModele();
      setMessage({
        intent: 'success',
        titre: 'Modèle créé',
        texte: `Tableau de candidatures vide écrit sur la nouvelle feuille « ${r.feuille} » : une ligne par MSP, puis « Lire le tableau de la feuille active ».`,
      });
    });

  const ecrire = (remplacer: boolean) =>
    action('Écriture de la feuille Programme SIP…', 'Échec de l’écriture', async () => {
      if (calcul.statut !== 'ok') return;
      const r = await services.ecrireProgramme(decrireFeuilleProgramme(calcul.programme), { remplacer });
      setMessage({
        intent: 'success',
        titre: remplacer ? 'Feuille remplacée' : 'Feuille écrite',
        texte: `Feuille « ${r.feuille} » écrite (${r.cellules} cellules) : aides en formules SIP.AIDE et SIP.VERSEMENT, totaux en formules.`,
      });
    });

  async function demanderEcriture() {
    setTouches(new Set<ChampAppel>(['annee', 'enveloppe', 'maxSites']));
    if (calcul.statut !== 'ok') {
      const texte =
        calcul.statut === 'vide' ? 'Aucune candidature : lisez le tableau de la feuille active ou saisissez-en une.'
          : calcul.statut === 'appel' ? 'Corrigez les paramètres de l’appel signalés.'
            : calcul.statut === 'candidatures' ? 'Corrigez les candidatures signalées.'
              : calcul.message;
      setMessage({ intent: 'error', titre: 'Programme incomplet', texte });
      return;
    }
    try {
      if (await services.feuilleExiste(NOM_FEUILLE_PROGRAMME)) {
        setConfirmation(true); // jamais de remplacement sans accord
        return;
      }
    } catch (e) {
      setMessage({ intent: 'error', titre: 'Classeur inaccessible', texte: texteErreur(e) });
      return;
    }
    await ecrire(false);
  }

  const raison =
    calcul.statut === 'vide' ? (source === 'feuille' ? 'Lisez le tableau de candidatures de la feuille active (ou créez-en le modèle), ou saisissez les candidatures dans le volet.' : 'Saisissez au moins une candidature.')
      : calcul.statut === 'appel' ? 'Complétez les paramètres de l’appel (enveloppe annuelle…) pour voir le classement.'
        : calcul.statut === 'candidatures' ? 'Corrigez les candidatures signalées pour voir le classement.'
          : null;

  return (
    <main className={st.volet} lang="fr">
      <Title3 as="h1">Programme SIP de l’année</Title3>

      <section className={s.section} aria-label="Paramètres de l’appel">
        <Subtitle2 as="h2" className={s.titre}>Paramètres de l’appel</Subtitle2>
        <div className={s.ligne}>
          <Field className={s.champ} label={LIBELLES_APPEL.enveloppe} hint="en euros, ex. 250 000"
            validationMessage={messageAppel('enveloppe')} validationState={messageAppel('enveloppe') ? 'error' : 'none'}>
            <Input className={s.saisie} type="text" inputMode="decimal" contentAfter="€" value={appel.enveloppe}
              onChange={(_, d) => changerAppel({ enveloppe: d.value }, 'enveloppe')}
              onBlur={() => changerAppel({ enveloppe: grouperMontant(appel.enveloppe) })} />
          </Field>
          <ChampTexte libelle={LIBELLES_APPEL.annee} valeur={appel.annee} numerique message={messageAppel('annee')} onChange={(v) => changerAppel({ annee: v }, 'annee')} />
        </div>
        <ChampTexte libelle={LIBELLES_APPEL.maxSites} valeur={appel.maxSites} numerique message={messageAppel('maxSites')}
          aide="vide : sans limite (001 : « une dizaine » de MSP par an)" onChange={(v) => changerAppel({ maxSites: v }, 'maxSites')} />
        <Checkbox label="Financement partiel autorisé (le premier candidat qui ne tient pas reçoit le reste de l’enveloppe)"
          checked={appel.financementPartiel} onChange={(_, d) => changerAppel({ financementPartiel: d.checked === true })} />
      </section>

      <section className={s.section} aria-label="Candidatures">
        <Subtitle2 as="h2" className={s.titre}>Candidatures</Subtitle2>
        <RadioGroup value={source} onChange={(_, d) => setSource(d.value as Source)} aria-label="Origine des candidatures">
          <Radio value="feuille" label="Tableau de la feuille active" />
          <Radio value="saisie" label="Saisie dans le volet" />
        </RadioGroup>
        {source === 'feuille' ? (
          <>
            <div className={st.actions}>
              <Button disabled={occupe !== null} onClick={lireTableau}>Lire le tableau de la feuille active</Button>
              <Button disabled={occupe !== null} onClick={creerModele}>Créer un modèle de tableau de candidatures</Button>
            </div>
            <Text className={s.note}>
              {tableau
                ? `${pluriel(tableau.brutes.length, 'candidature')} lue${tableau.brutes.length > 1 ? 's' : ''} sur la feuille « ${tableau.feuille} » ; modifiez le tableau puis relisez-le.`
                : `En-têtes attendus : ${Object.values(LIBELLES_CHAMPS).join(', ')} (les deux derniers facultatifs).`}
            </Text>
          </>
        ) : (
          <SaisieCandidatures lignes={lignes} message={messageCandidature} onChange={setLignes} />
        )}
        {erreursCandidatures.length > 0 && (
          <MessageBar intent="error" layout="multiline" className={st.message}>
            <MessageBarBody>
              <MessageBarTitle>Candidatures à corriger ({erreursCandidatures.length})</MessageBarTitle>
              <ul>{erreursCandidatures.slice(0, 30).map((e, i) => <li key={i}>{texteErreurChamp(e)}</li>)}</ul>
              {erreursCandidatures.length > 30 && <div>… et {erreursCandidatures.length - 30} autre(s).</div>}
            </MessageBarBody>
          </MessageBar>
        )}
      </section>

      <Divider />
      {calcul.statut === 'ok' ? (
        <ResultatsProgramme programme={calcul.programme} />
      ) : (
        <section className={s.section} aria-label="Classement des candidatures">
          <Subtitle2 as="h2" className={s.titre}>Classement et décisions</Subtitle2>
          <Text className={s.note}>{calcul.statut === 'erreur' ? calcul.message : raison}</Text>
        </section>
      )}
      <Divider />

      <div className={st.actions}>
        <Button appearance="primary" disabled={occupe !== null} onClick={demanderEcriture}>Écrire la feuille Programme SIP</Button>
      </div>
      {occupe && <Spinner size="tiny" label={occupe} labelPosition="after" />}
      {message && (
        <MessageBar intent={message.intent} className={st.message} layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>{message.titre}</MessageBarTitle>
            <div>{message.texte}</div>
          </MessageBarBody>
        </MessageBar>
      )}

      <Dialog open={confirmation} onOpenChange={(_, d) => { if (!d.open) setConfirmation(false); }}>
        <DialogSurface>
          <DialogBody>
            <DialogTitle>Remplacer la feuille « {NOM_FEUILLE_PROGRAMME} » ?</DialogTitle>
            <DialogContent>
              La feuille « {NOM_FEUILLE_PROGRAMME} » existe déjà. La remplacer supprime tout son contenu, y compris les cellules
              que vous y avez ajoutées, et écrit le programme calculé ici.
            </DialogContent>
            <DialogActions>
              <Button appearance="secondary" onClick={() => setConfirmation(false)}>Annuler</Button>
              <Button appearance="primary" onClick={() => { setConfirmation(false); void ecrire(true); }}>Remplacer</Button>
            </DialogActions>
          </DialogBody>
        </DialogSurface>
      </Dialog>
    </main>
  );
}

// « Vérifier la simulation » : le bouton, le rapport rangé (données d'entrée modifiées — attendu —,
// altérations, barème, hors de la simulation), l'état de la signature, et les clés de confiance
// (clés publiques .pub des organismes, importées une fois, gardées dans les réglages de l'utilisateur).
// Monté par App : <VerificationSimulation services={services} />.
import * as React from 'react';
import { Button, MessageBar, MessageBarBody, MessageBarTitle, Spinner, Subtitle2, Text, makeStyles, tokens } from '@fluentui/react-components';
import type { CleConfianceVolet, RapportVerification, SectionRapport, ServicesClasseur, SignatureVolet } from '../services';
import { useStyles } from './champs';

const styles = makeStyles({
  bloc: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, marginBottom: tokens.spacingVerticalM },
  liste: { margin: 0, paddingLeft: tokens.spacingHorizontalL },
  cle: { display: 'flex', alignItems: 'center', justifyContent: 'space-between', gap: tokens.spacingHorizontalS },
  empreinte: { fontFamily: tokens.fontFamilyMonospace },
  cache: { display: 'none' },
});

const MAX_LIGNES = 20;

/** Texte d'un fichier choisi (File.text, ou FileReader pour les moteurs qui ne l'ont pas). */
function lireTexte(f: File): Promise<string> {
  if (typeof f.text === 'function') return f.text();
  return new Promise((resoudre, rejeter) => {
    const r = new FileReader();
    r.onload = () => resoudre(String(r.result));
    r.onerror = () => rejeter(new Error(`${f.name} : lecture impossible`));
    r.readAsText(f);
  });
}

function Lignes({ lignes }: { lignes: string[] }) {
  const st = styles();
  return (
    <ul className={st.liste}>
      {lignes.slice(0, MAX_LIGNES).map((l, i) => <li key={i}>{l}</li>)}
      {lignes.length > MAX_LIGNES && <li>… et {lignes.length - MAX_LIGNES} autre(s)</li>}
    </ul>
  );
}

const INTENT_SECTION: Record<SectionRapport['nature'], 'info' | 'warning' | 'error'> = { attendu: 'info', info: 'info', alerte: 'error' };

function intentSignature(s: SignatureVolet): 'success' | 'warning' | 'error' | 'info' {
  if (s.acceptee) return 'success';
  if (s.statut === 'absente' || s.statut === 'intacte') return 'warning';
  return s.statut === 'non_verifiable' ? 'info' : 'error';
}

function Rapport({ r }: { r: RapportVerification }) {
  const st = styles();
  return (
    <div className={st.bloc} aria-label="Rapport de vérification">
      <MessageBar intent={r.ok ? 'success' : 'warning'} layout="multiline">
        <MessageBarBody>
          <MessageBarTitle>{r.ok ? 'Simulation vérifiée' : 'Écarts trouvés'}</MessageBarTitle>
          {r.resume}
        </MessageBarBody>
      </MessageBar>
      {(r.sections ?? []).map((x) => (
        <MessageBar key={x.titre} intent={INTENT_SECTION[x.nature]} layout="multiline" data-section={x.nature}>
          <MessageBarBody>
            <MessageBarTitle>{x.titre}</MessageBarTitle>
            <Lignes lignes={x.lignes} />
          </MessageBarBody>
        </MessageBar>
      ))}
      {r.signature && (
        <MessageBar intent={intentSignature(r.signature)} layout="multiline" data-signature={r.signature.statut}>
          <MessageBarBody>
            <MessageBarTitle>{r.signature.titre}</MessageBarTitle>
            {r.signature.texte}
            {r.signature.details.length > 0 && <Lignes lignes={r.signature.details} />}
          </MessageBarBody>
        </MessageBar>
      )}
    </div>
  );
}

function ClesConfiance({ services }: { services: NonNullable<ServicesClasseur['clesConfiance']> }) {
  const s = useStyles();
  const st = styles();
  const [cles, setCles] = React.useState<CleConfianceVolet[]>(() => services.lister());
  const [message, setMessage] = React.useState<{ intent: 'success' | 'error'; texte: string } | null>(null);
  const fichier = React.useRef<HTMLInputElement>(null);

  async function importer(f: File | undefined) {
    if (!f) return;
    try {
      const c = services.importer(await lireTexte(f), f.name);
      setCles(services.lister());
      setMessage({ intent: 'success', texte: `Clé de ${c.organisme} importée (empreinte ${c.empreinteCourte}) : confirmez-la de vive voix avec l’organisme.` });
    } catch (e) {
      setMessage({ intent: 'error', texte: e instanceof Error ? e.message : String(e) });
    } finally {
      if (fichier.current) fichier.current.value = '';
    }
  }

  return (
    <section className={s.section} aria-label="Clés de confiance">
      <Subtitle2 as="h2" className={s.titre}>Clés de confiance</Subtitle2>
      <Text className={s.note}>Les clés publiques (.pub) des organismes dont vous recevez des classeurs signés. Gardées dans vos réglages, jamais dans un classeur.</Text>
      {cles.length === 0 ? <Text className={s.note}>Aucune clé importée.</Text> : (
        <ul className={st.liste}>
          {cles.map((c) => (
            <li key={c.empreinte} className={st.cle}>
              <span>{c.organisme} — <span className={st.empreinte}>{c.empreinteCourte}</span></span>
              <Button size="small" onClick={() => { services.retirer(c.empreinte); setCles(services.lister()); setMessage(null); }}>Retirer</Button>
            </li>
          ))}
        </ul>
      )}
      <input ref={fichier} className={st.cache} type="file" accept=".pub,application/json" aria-label="Fichier de clé publique" onChange={(e) => void importer(e.target.files?.[0])} />
      <div><Button onClick={() => fichier.current?.click()}>Importer une clé publique (.pub)</Button></div>
      {message && (
        <MessageBar intent={message.intent} layout="multiline"><MessageBarBody>{message.texte}</MessageBarBody></MessageBar>
      )}
    </section>
  );
}

export function VerificationSimulation({ services }: { services: ServicesClasseur }) {
  const st = styles();
  const [occupe, setOccupe] = React.useState(false);
  const [rapport, setRapport] = React.useState<RapportVerification | null>(null);
  const [erreur, setErreur] = React.useState<string | null>(null);
  if (!services.verifier) return null;
  const verifier = services.verifier;

  async function lancer() {
    setOccupe(true);
    setErreur(null);
    setRapport(null);
    try {
      setRapport(await verifier());
    } catch (e) {
      setErreur(e instanceof Error ? e.message : String(e));
    } finally {
      setOccupe(false);
    }
  }

  return (
    <div className={st.bloc}>
      <div><Button disabled={occupe} onClick={lancer}>Vérifier la simulation</Button></div>
      {occupe && <Spinner size="tiny" label="Vérification de la simulation…" labelPosition="after" />}
      {erreur && (
        <MessageBar intent="error" layout="multiline"><MessageBarBody><MessageBarTitle>Vérification impossible</MessageBarTitle>{erreur}</MessageBarBody></MessageBar>
      )}
      {rapport && <Rapport r={rapport} />}
      {services.clesConfiance && <ClesConfiance services={services.clesConfiance} />}
    </div>
  );
}

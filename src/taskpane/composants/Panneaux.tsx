// Panneaux de lecture : éligibilité de chaque aide (avec le motif) et aperçu des montants.
import * as React from 'react';
import { Badge, Subtitle2, Text, Tooltip, makeStyles, tokens } from '@fluentui/react-components';
import { LIBELLES_STATUT } from '../../rules/bareme/types';
import { formatEuros } from '../../rules/format';
import { LIBELLES_FINANCEUR } from '../../rules/aides';
import { isoVersFrancais } from '../../rules/dates';
import type { ApercuMontants, LigneNonPubliee } from '../apercu';
import type { LigneEligibilite, StatutEligibilite } from '../eligibilite-centre';
import { useStyles } from './champs';

const styles = makeStyles({
  liste: { listStyleType: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  element: { display: 'flex', flexDirection: 'column', gap: '2px' },
  entete: { display: 'flex', gap: tokens.spacingHorizontalS, alignItems: 'center', justifyContent: 'space-between' },
  montant: { fontVariantNumeric: 'tabular-nums', whiteSpace: 'nowrap' },
  erreur: { color: tokens.colorPaletteRedForeground1 },
  badge: { flexShrink: 0, whiteSpace: 'nowrap' },
});

const BADGE: Record<StatutEligibilite, { texte: string; couleur: 'success' | 'danger' | 'informative' }> = {
  eligible: { texte: 'Éligible', couleur: 'success' },
  non_eligible: { texte: 'Non éligible', couleur: 'danger' },
  non_demande: { texte: 'Non demandée', couleur: 'informative' },
};

const majuscule = (t: string) => t.charAt(0).toUpperCase() + t.slice(1);

export function PanneauEligibilite({ lignes }: { lignes: LigneEligibilite[] }) {
  const s = useStyles();
  const st = styles();
  return (
    <section className={s.section} aria-label="Éligibilité">
      <Subtitle2 as="h2" className={s.titre}>Éligibilité des aides</Subtitle2>
      {lignes.length === 0 ? (
        <Text className={s.note}>Saisissez la date de création et le début de la simulation.</Text>
      ) : (
        <ul className={st.liste}>
          {lignes.map((l) => (
            <li key={l.aide} className={st.element} data-aide={l.aide} data-statut={l.statut}>
              <div className={st.entete}>
                <Text weight="semibold">{l.libelle}</Text>
                <Badge className={st.badge} appearance="tint" color={BADGE[l.statut].couleur}>{BADGE[l.statut].texte}</Badge>
              </div>
              <Text className={s.note}>{majuscule(l.motif)}</Text>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

function ligneAnnees(annees: number[]): string {
  return annees.map((x, k) => `année ${k + 1} : ${formatEuros(x)}`).join(' · ');
}

const parFinanceur = (f: 'ARS' | 'CPAM') => (f === 'ARS' ? 'l’ARS' : 'la CPAM');

/** Versements prévus dont le montant n'est pas publié : « montant non publié », jamais un montant, hors des totaux. */
function NonPublies({ lignes }: { lignes: LigneNonPubliee[] }) {
  const s = useStyles();
  const st = styles();
  if (!lignes.length) return null;
  return (
    <>
      <Text weight="semibold">Versements prévus dont le montant n’est pas publié (hors des totaux)</Text>
      <ul className={st.liste} aria-label="Montants non publiés">
        {lignes.map((l) => (
          <li key={l.id} className={st.element} data-aide={l.aide} data-non-publie={l.id} title={l.message}>
            <div className={st.entete}>
              <Text>{l.libelle}</Text>
              <Badge className={st.badge} appearance="tint" color="warning">montant non publié</Badge>
            </div>
            <Text className={s.note}>
              versement prévu le {isoVersFrancais(l.date)} (année {l.annee + 1}) par {parFinanceur(l.financeur)} · valeur à saisir dans la feuille « Barème » dès sa publication : {l.parametre}
            </Text>
          </li>
        ))}
      </ul>
    </>
  );
}

/** Lignes par aide, puis les totaux par financeur (montants chiffrés seulement). */
function Montants({ apercu }: { apercu: ApercuMontants }) {
  const s = useStyles();
  const st = styles();
  return (
    <ul className={st.liste}>
      {apercu.lignes.map((l) => (
        <li key={l.cle} className={st.element} data-aide={l.aide} data-cle={l.cle}>
          <div className={st.entete}>
            <Text>{l.libelle}</Text>
            <Text weight="semibold" className={st.montant}>{formatEuros(l.total)}</Text>
          </div>
          <Text className={s.note}>
            {ligneAnnees(l.annees)} · versé par {parFinanceur(l.financeur)}
            {l.statut !== 'confirme' && (
              <> · <Badge size="small" appearance="outline" color={l.statut === 'hypothese' ? 'danger' : 'warning'}>{LIBELLES_STATUT[l.statut]}</Badge></>
            )}
          </Text>
        </li>
      ))}
      {(['CPAM', 'ARS', 'AIDES'] as const).map((f) => (
        <li key={f} className={st.element} data-total={f}>
          <div className={st.entete}>
            <Text weight="semibold">{f === 'AIDES' ? 'Total des aides' : `Total ${LIBELLES_FINANCEUR[f]}`}</Text>
            <Text weight="semibold" className={st.montant}>{formatEuros(apercu.totaux[f].total)}</Text>
          </div>
          <Text className={s.note}>{ligneAnnees(apercu.totaux[f].annees)}</Text>
        </li>
      ))}
    </ul>
  );
}

/**
 * Aperçu : une vue du grand livre des versements — par aide, puis les totaux par financeur, par année et
 * sur l'horizon ; les versements prévus au montant non publié à part, hors des totaux.
 */
export function PanneauApercu({ apercu, raison }: { apercu: ApercuMontants | null; raison?: string }) {
  const s = useStyles();
  const st = styles();
  const corps = () => {
    if (raison || !apercu) return <Text className={s.note}>{raison}</Text>;
    if (apercu.erreur) return <Text className={st.erreur}>{apercu.erreur}</Text>;
    return (
      <>
        {apercu.lignes.length ? <Montants apercu={apercu} />
          : <Text className={s.note}>{apercu.nonPublies.length ? 'Aucun versement chiffré' : 'Aucun versement d’aide'} dans l’horizon de la simulation.</Text>}
        <NonPublies lignes={apercu.nonPublies} />
      </>
    );
  };
  return (
    <section className={s.section} aria-label="Aperçu des montants">
      <Subtitle2 as="h2" className={s.titre}>Aperçu des versements</Subtitle2>
      {corps()}
      {!raison && apercu?.avertissements.map((a) => <Text key={a} className={s.note}>⚠ {a}</Text>)}
    </section>
  );
}

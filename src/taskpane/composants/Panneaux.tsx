// Panneaux de lecture : éligibilité de chaque aide (avec le motif) et aperçu des montants.
import * as React from 'react';
import { Badge, Subtitle2, Text, Tooltip, makeStyles, tokens } from '@fluentui/react-components';
import { LIBELLES_STATUT } from '../../rules/bareme/types';
import { formatEuros } from '../../rules/format';
import type { LigneApercu } from '../apercu';
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

export function PanneauApercu({ lignes, raison }: { lignes: LigneApercu[]; raison?: string }) {
  const s = useStyles();
  const st = styles();
  const avertissements = [...new Set(lignes.flatMap((l) => l.avertissements))];
  return (
    <section className={s.section} aria-label="Aperçu des montants">
      <Subtitle2 as="h2" className={s.titre}>Aperçu des montants</Subtitle2>
      {raison ? (
        <Text className={s.note}>{raison}</Text>
      ) : lignes.length === 0 ? (
        <Text className={s.note}>Aucune aide éligible à chiffrer.</Text>
      ) : (
        <ul className={st.liste}>
          {lignes.map((l, i) => (
            <li key={i} className={st.element} data-aide={l.aide}>
              <div className={st.entete}>
                <Tooltip content={l.formule} relationship="description">
                  <Text>{l.libelle}</Text>
                </Tooltip>
                {l.montant === null ? (
                  <Text className={st.erreur}>erreur</Text>
                ) : (
                  <Text weight="semibold" className={st.montant}>{formatEuros(l.montant)}</Text>
                )}
              </div>
              <Text className={s.note}>
                {l.periode} · versé par {l.financeur === 'ARS' ? 'l’ARS' : 'la CPAM'}
                {l.statut !== 'confirme' && (
                  <> · <Badge size="small" appearance="outline" color={l.statut === 'hypothese' ? 'danger' : 'warning'}>{LIBELLES_STATUT[l.statut]}</Badge></>
                )}
              </Text>
              {l.erreur && <Text className={st.erreur}>{l.erreur}</Text>}
            </li>
          ))}
        </ul>
      )}
      {avertissements.map((a) => <Text key={a} className={s.note}>⚠ {a}</Text>)}
    </section>
  );
}

// Champs du formulaire : un libellé, une saisie, le message de validation du champ (Fluent Field).
import * as React from 'react';
import { Field, Input, makeStyles, tokens } from '@fluentui/react-components';

/** Ce que chaque section reçoit pour afficher les erreurs : message d'un chemin s'il doit être montré. */
export type MessageDe = (chemin: string) => string | undefined;

export const useStyles = makeStyles({
  section: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, marginBottom: tokens.spacingVerticalL },
  // Deux champs courts côte à côte quand le volet est assez large (≥ 2 × 140 px), sinon l'un sous l'autre.
  ligne: {
    display: 'grid',
    gridTemplateColumns: 'repeat(auto-fit, minmax(140px, 1fr))',
    columnGap: tokens.spacingHorizontalS,
    rowGap: tokens.spacingVerticalS,
    alignItems: 'start',
  },
  champ: { minWidth: 0 },
  saisie: { width: '100%', minWidth: 0 },
  titre: { marginTop: tokens.spacingVerticalM, marginBottom: tokens.spacingVerticalXS },
  carte: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, padding: tokens.spacingHorizontalM },
  note: { color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase200 },
});

interface ChampProps {
  libelle: string;
  valeur: string;
  message?: string;
  aide?: string;
  /** Date : saisie en JJ/MM/AAAA (texte, quel que soit le navigateur). */
  date?: boolean;
  /** Clavier numérique sur mobile ; la saisie reste du texte pour accepter « 1,5 ». */
  numerique?: boolean;
  suffixe?: string;
  onChange(valeur: string): void;
}

export function Champ({ libelle, valeur, message, aide, date, numerique, suffixe, onChange }: ChampProps) {
  const s = useStyles();
  return (
    <Field className={s.champ} label={libelle} hint={aide} validationMessage={message} validationState={message ? 'error' : 'none'}>
      <Input
        className={s.saisie}
        type="text"
        value={valeur}
        placeholder={date ? 'JJ/MM/AAAA' : undefined}
        inputMode={numerique ? 'decimal' : date ? 'numeric' : undefined}
        contentAfter={suffixe}
        onChange={(_, d) => onChange(d.value)}
      />
    </Field>
  );
}

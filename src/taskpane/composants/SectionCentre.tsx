// Identité du centre, type, zone, dates, CPTS/ESP, début et horizon de la simulation.
import * as React from 'react';
import { Checkbox, Field, Select, Subtitle2 } from '@fluentui/react-components';
import { LIBELLES_ZONE, ZONES, type Zone } from '../../rules/regles/zonage';
import { LIBELLES_TYPE_CENTRE, type TypeCentre } from '../../rules/scenario/types';
import type { EtatFormulaire } from '../formulaire';
import { Champ, type MessageDe, useStyles } from './champs';

interface Props {
  etat: EtatFormulaire;
  message: MessageDe;
  changer(patch: Partial<EtatFormulaire>, chemin: string): void;
}

const TYPES = Object.keys(LIBELLES_TYPE_CENTRE) as TypeCentre[];
const majuscule = (t: string) => t.charAt(0).toUpperCase() + t.slice(1);

export function SectionCentre({ etat, message, changer }: Props) {
  const s = useStyles();
  return (
    <section className={s.section} aria-label="Centre">
      <Subtitle2 as="h2" className={s.titre}>Centre</Subtitle2>
      <Champ libelle="Nom du centre" valeur={etat.nom} message={message('nom')} onChange={(v) => changer({ nom: v }, 'nom')} />
      <div className={s.ligne}>
        <Champ libelle="FINESS (facultatif)" valeur={etat.finess} message={message('finess')} aide="9 chiffres" numerique
          onChange={(v) => changer({ finess: v }, 'finess')} />
        <Champ libelle="Commune" valeur={etat.commune} onChange={(v) => changer({ commune: v }, 'commune')} />
      </div>
      <Field label="Type de structure" className={s.champ}>
        <Select className={s.saisie} value={etat.type} onChange={(_, d) => changer({ type: d.value as TypeCentre }, 'type')}>
          {TYPES.map((t) => <option key={t} value={t}>{LIBELLES_TYPE_CENTRE[t]}</option>)}
        </Select>
      </Field>
      <Field label="Zone" hint="Zonage médecin de l’ARS" className={s.champ}>
        <Select className={s.saisie} value={etat.zone} onChange={(_, d) => changer({ zone: d.value as Zone }, 'zone')}>
          {ZONES.map((z) => <option key={z} value={z}>{majuscule(LIBELLES_ZONE[z])}</option>)}
        </Select>
      </Field>
      <div className={s.ligne}>
        <Champ libelle="Date de création" date valeur={etat.dateCreation} message={message('dateCreation')}
          onChange={(v) => changer({ dateCreation: v }, 'dateCreation')} />
        <Checkbox label="Membre d’une CPTS ou d’une ESP" checked={etat.membreCptsEsp}
          onChange={(_, d) => changer({ membreCptsEsp: d.checked === true }, 'membreCptsEsp')} />
      </div>
      <div className={s.ligne}>
        <Champ libelle="Début de la simulation" date valeur={etat.debut} message={message('debut')}
          onChange={(v) => changer({ debut: v }, 'debut')} />
        <Champ libelle="Horizon (années)" valeur={etat.horizonAnnees} message={message('horizonAnnees')} numerique
          onChange={(v) => changer({ horizonAnnees: v }, 'horizonAnnees')} />
      </div>
    </section>
  );
}

// Identité du centre, type, territoire (zonage médecin, QPV, île), dates, CPTS/ESP, début et horizon
// de la simulation.
import * as React from 'react';
import { Checkbox, Field, Select, Subtitle2, Text } from '@fluentui/react-components';
import type { Bareme } from '../../rules/bareme/types';
import { aujourdhuiIso } from '../../rules/dates';
import { formatNombre } from '../../rules/format';
import { LIBELLES_ZONE, type ZoneMedecin } from '../../rules/regles/zonage';
import { LIBELLES_TYPE_CENTRE, type TypeCentre } from '../../rules/scenario/types';
import type { EtatFormulaire } from '../formulaire';
import { lireDateFr } from '../nombres';
import { Champ, type MessageDe, useStyles } from './champs';
import { valeurBareme } from './reperes-bareme';

interface Props {
  etat: EtatFormulaire;
  bareme: Bareme;
  message: MessageDe;
  changer(patch: Partial<EtatFormulaire>, chemin: string): void;
}

const TYPES = Object.keys(LIBELLES_TYPE_CENTRE) as TypeCentre[];
/** Zonage médecin de l'ARS ; un QPV n'est pas une zone mais un repère qui s'y ajoute (case à cocher). */
const ZONES_MEDECIN: readonly ZoneMedecin[] = ['ZIP', 'ZAC', 'HZ'];
const majuscule = (t: string) => t.charAt(0).toUpperCase() + t.slice(1);

/** Aide du champ « demande pour devenir polyvalent » : le délai du COSCO lu au barème. */
function aideDemande(etat: EtatFormulaire, bareme: Bareme): string {
  const date = lireDateFr(etat.dateDemandePolyvalent) ?? lireDateFr(etat.debut) ?? aujourdhuiIso();
  const delai = valeurBareme(bareme, 'cosco.delai_devenir_polyvalent_annees', date);
  const cosco = delai === null ? 'COSCO possible dans un délai fixé après la demande' : `COSCO possible dans les ${formatNombre(delai)} ans qui suivent, en ZIP`;
  return `Facultatif ; vide : début de la simulation. ${cosco}`;
}

export function SectionCentre({ etat, bareme, message, changer }: Props) {
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
      {etat.type === 'cds_devenant_polyvalent' && (
        <Champ libelle="Date de la demande pour devenir polyvalent" date aide={aideDemande(etat, bareme)} valeur={etat.dateDemandePolyvalent}
          message={message('dateDemandePolyvalent')} onChange={(v) => changer({ dateDemandePolyvalent: v }, 'dateDemandePolyvalent')} />
      )}
      <Field label="Zone" hint="Zonage médecin de l’ARS (ZIP, ZAC ou hors zone)" className={s.champ}>
        <Select className={s.saisie} value={etat.zone} onChange={(_, d) => changer({ zone: d.value as ZoneMedecin }, 'zone')}>
          {ZONES_MEDECIN.map((z) => <option key={z} value={z}>{majuscule(LIBELLES_ZONE[z])}</option>)}
        </Select>
      </Field>
      <div className={s.ligne}>
        <Checkbox label="Quartier prioritaire de la politique de la ville (QPV)" checked={etat.qpv}
          onChange={(_, d) => changer({ qpv: d.checked === true }, 'qpv')} />
        <Checkbox label="Centre situé sur une île" checked={etat.ile}
          onChange={(_, d) => changer({ ile: d.checked === true }, 'ile')} />
      </div>
      <Text className={s.note}>Le QPV et l’île s’ajoutent au zonage médecin : un QPV peut se trouver en ZIP, en ZAC ou hors zone.</Text>
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

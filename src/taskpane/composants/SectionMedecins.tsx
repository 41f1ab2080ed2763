// Médecins salariés du centre : quotité, coût, honoraires, activité, poste « 400 postes » (renouvellement,
// congés maternité/paternité), jours mis à disposition d'un centre en ZIP (CST). Les durées et seuils
// cités dans les aides sont lus au barème ou calculés par le catalogue (SIP.SEUIL400).
import * as React from 'react';
import { Button, Card, Checkbox, Subtitle2, Switch, Text } from '@fluentui/react-components';
import type { Bareme } from '../../rules/bareme/types';
import { aujourdhuiIso } from '../../rules/dates';
import { formatNombre } from '../../rules/format';
import { texteSource } from '../../rules/sources';
import { nouveauConge, nouveauMedecin, type CongeSaisi, type EtatFormulaire, type MedecinSaisi } from '../formulaire';
import { lireDateFr, lireNombreFr } from '../nombres';
import { Champ, type MessageDe, useStyles } from './champs';
import { appelCatalogue, valeurBareme } from './reperes-bareme';

interface Props {
  etat: EtatFormulaire;
  bareme: Bareme;
  message: MessageDe;
  changerMedecins(medecins: MedecinSaisi[], chemin: string): void;
}

/** Début du contrat « 400 postes » du médecin (ou de la simulation) : la date où lire le barème. */
const dateContrat = (etat: EtatFormulaire, m: MedecinSaisi) => lireDateFr(m.debutContrat) ?? lireDateFr(etat.debut) ?? aujourdhuiIso();

const duree = (mois: number) => (mois % 12 === 0 ? `${formatNombre(mois / 12)} ${mois === 12 ? 'an' : 'ans'}` : `${formatNombre(mois)} mois`);

/** « Contrat 400 postes renouvelé au terme des 2 ans » : la durée du contrat vient du barème. */
function libelleRenouvellement(bareme: Bareme, date: string): string {
  const mois = valeurBareme(bareme, 'postes400.duree_mois', date);
  return mois === null ? 'Contrat 400 postes renouvelé à son terme' : `Contrat 400 postes renouvelé au terme des ${duree(mois)}`;
}

const NOTE_RENOUVELLEMENT = `« Renouvelable tacitement » (${texteSource({ document: 'politique_cds_bretagne', section: '§2.2' })}) : cochez si le contrat est renouvelé, la garantie court alors une seconde période.`;

/** Aide du champ « consultations » : elles font les honoraires non saisis et, sur un poste 400 postes, la condition d'activité. */
function aideConsultations(bareme: Bareme, date: string, m: MedecinSaisi): string {
  const honoraires = 'Facultatif ; sans honoraires saisis, elles font les honoraires (× tarif de la consultation G)';
  if (!m.poste400) return `${honoraires}.`;
  const quotite = lireNombreFr(m.quotite) ?? 1;
  const initial = valeurBareme(bareme, 'postes400.mois_seuil_initial', date);
  const avant = appelCatalogue(bareme, 'SEUIL400', [1, quotite, date]);
  const apres = initial === null ? null : appelCatalogue(bareme, 'SEUIL400', [initial + 1, quotite, date]);
  const seuils = 'valeur' in avant && apres && 'valeur' in apres
    ? ` : au moins ${formatNombre(avant.valeur)} par mois jusqu’au mois ${formatNombre(initial!)} du contrat, puis ${formatNombre(apres.valeur)} (SIP.SEUIL400, quotité comprise)`
    : ' (SIP.SEUIL400)';
  return `${honoraires}. Elles sont aussi la condition d’activité du 400 postes${seuils} ; en dessous, pas de garantie ce mois-là. Vide : seuil réputé atteint.`;
}

interface PropsPoste400 {
  etat: EtatFormulaire;
  bareme: Bareme;
  message: MessageDe;
  medecin: MedecinSaisi;
  /** Position du médecin (0…). */
  rang: number;
  maj(patch: Partial<MedecinSaisi>, champ: string): void;
  majConge(j: number, patch: Partial<CongeSaisi>, champ: string): void;
}

/** Poste « 400 postes » : début du contrat, renouvellement, congés maternité / paternité. */
function Poste400({ etat, bareme, message, medecin: m, rang: i, maj, majConge }: PropsPoste400) {
  const s = useStyles();
  const p = `medecins.${i}`;
  return (
    <>
      <Champ libelle="Début du contrat 400 postes" date aide="Vide : début de la simulation" valeur={m.debutContrat}
        message={message(`${p}.debutContrat`)} onChange={(v) => maj({ debutContrat: v }, 'debutContrat')} />
      <Checkbox label={libelleRenouvellement(bareme, dateContrat(etat, m))} checked={m.renouvellement400}
        onChange={(_, d) => maj({ renouvellement400: d.checked === true }, 'renouvellement400')} />
      <Text className={s.note}>{NOTE_RENOUVELLEMENT}</Text>
      {m.conges.map((c, j) => {
        const q = `${p}.conges.${j}`;
        return (
          <Card key={j} appearance="subtle" className={s.carte} role="group" aria-label={`Congé ${j + 1} du médecin ${i + 1}`}>
            <Text weight="semibold">Congé maternité / paternité {j + 1}</Text>
            <div className={s.ligne}>
              <Champ libelle="Début du congé" date valeur={c.debut} message={message(`${q}.debut`)} onChange={(v) => majConge(j, { debut: v }, 'debut')} />
              <Champ libelle="Fin du congé" date valeur={c.fin} message={message(`${q}.fin`)} onChange={(v) => majConge(j, { fin: v }, 'fin')} />
            </div>
            <Champ libelle="Salaire chargé sur la période" suffixe="€" numerique valeur={c.salaireCharge} message={message(`${q}.salaireCharge`)}
              onChange={(v) => majConge(j, { salaireCharge: v }, 'salaireCharge')} />
            <Champ libelle="Indemnités journalières perçues" suffixe="€" numerique valeur={c.indemnitesJournalieres}
              message={message(`${q}.indemnitesJournalieres`)} onChange={(v) => majConge(j, { indemnitesJournalieres: v }, 'indemnitesJournalieres')} />
            <Checkbox label="Salaire maintenu (contrat ou convention collective)" checked={c.salaireMaintenu}
              onChange={(_, d) => majConge(j, { salaireMaintenu: d.checked === true }, 'salaireMaintenu')} />
            <Button appearance="subtle" size="small"
              onClick={() => maj({ conges: m.conges.filter((_, l) => l !== j) }, 'conges')}>Retirer ce congé</Button>
          </Card>
        );
      })}
      <Button size="small" onClick={() => maj({ conges: [...m.conges, nouveauConge(etat.debut)] }, 'conges')}>
        Ajouter un congé maternité / paternité
      </Button>
    </>
  );
}

export function SectionMedecins({ etat, bareme, message, changerMedecins }: Props) {
  const s = useStyles();
  const medecins = etat.medecins;
  const maj = (i: number, patch: Partial<MedecinSaisi>, champ: string) =>
    changerMedecins(medecins.map((m, k) => (k === i ? { ...m, ...patch } : m)), `medecins.${i}.${champ}`);
  const majConge = (i: number, j: number, patch: Partial<CongeSaisi>, champ: string) =>
    changerMedecins(
      medecins.map((m, k) => (k === i ? { ...m, conges: m.conges.map((c, l) => (l === j ? { ...c, ...patch } : c)) } : m)),
      `medecins.${i}.conges.${j}.${champ}`,
    );

  return (
    <section className={s.section} aria-label="Médecins">
      <Subtitle2 as="h2" className={s.titre}>Médecins salariés</Subtitle2>
      {message('medecins') && <Text role="alert" style={{ color: 'var(--colorPaletteRedForeground1)' }}>{message('medecins')}</Text>}
      {medecins.map((m, i) => {
        const p = `medecins.${i}`;
        return (
          <Card key={m.cle} className={s.carte} role="group" aria-label={`Médecin ${i + 1}`}>
            <div className={s.ligne}>
              <Champ libelle="Nom ou libellé" valeur={m.libelle} message={message(`${p}.libelle`)} onChange={(v) => maj(i, { libelle: v }, 'libelle')} />
              <Champ libelle="Quotité" aide="1 = temps plein ; 0,6 = 60 %" valeur={m.quotite} message={message(`${p}.quotite`)} numerique
                onChange={(v) => maj(i, { quotite: v }, 'quotite')} />
            </div>
            <Champ libelle="Coût salarial mensuel chargé" suffixe="€" valeur={m.coutSalarialMensuel} message={message(`${p}.coutSalarialMensuel`)}
              numerique onChange={(v) => maj(i, { coutSalarialMensuel: v }, 'coutSalarialMensuel')} />
            <Champ libelle="Honoraires mensuels attendus" aide="Vide : consultations par mois (ou seuil 400 postes) × tarif de la consultation G" suffixe="€" valeur={m.honorairesMensuels} message={message(`${p}.honorairesMensuels`)}
              numerique onChange={(v) => maj(i, { honorairesMensuels: v }, 'honorairesMensuels')} />
            <Switch label="Poste « 400 postes » (garantie de salaire ARS)" checked={m.poste400}
              onChange={(_, d) => maj(i, { poste400: d.checked }, 'poste400')} />
            {m.poste400 && <Poste400 etat={etat} bareme={bareme} message={message} medecin={m} rang={i}
              maj={(patch, champ) => maj(i, patch, champ)} majConge={(j, patch, champ) => majConge(i, j, patch, champ)} />}
            <Champ libelle="Jours par an dans un centre en ZIP" aide="CST : centre hors ZIP" numerique valeur={m.joursCstParAn}
              message={message(`${p}.joursCstParAn`)} onChange={(v) => maj(i, { joursCstParAn: v }, 'joursCstParAn')} />
            <Champ libelle="Honoraires annuels de la mise à disposition" suffixe="€" numerique valeur={m.honorairesCstAnnuels}
              message={message(`${p}.honorairesCstAnnuels`)} onChange={(v) => maj(i, { honorairesCstAnnuels: v }, 'honorairesCstAnnuels')} />
            <Champ libelle="Consultations par mois attendues" aide={aideConsultations(bareme, dateContrat(etat, m), m)} numerique
              valeur={m.consultationsParMois} message={message(`${p}.consultationsParMois`)}
              onChange={(v) => maj(i, { consultationsParMois: v }, 'consultationsParMois')} />
            <Button appearance="subtle" onClick={() => changerMedecins(medecins.filter((_, k) => k !== i), 'medecins')}>
              Retirer {m.libelle || `le médecin ${i + 1}`}
            </Button>
          </Card>
        );
      })}
      <Button onClick={() => changerMedecins([...medecins, nouveauMedecin(medecins.length + 1)], 'medecins')}>Ajouter un médecin</Button>
    </section>
  );
}

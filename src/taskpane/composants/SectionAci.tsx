// Aide SIP (MSP, ou centre de santé : formation et licences) et adhésion ACI / accord national avec
// les indicateurs atteints, leur nature (socle prérequis, socle, optionnel) et le nombre de
// professionnels dont dépendent les points de l'indicateur « SI niveau standard » (SIP.ACI_SI).
import * as React from 'react';
import { Checkbox, Field, Radio, RadioGroup, Subtitle2, Switch, Text } from '@fluentui/react-components';
import type { Bareme } from '../../rules/bareme/types';
import { aujourdhuiIso, isoVersFrancais } from '../../rules/dates';
import { formatNombre } from '../../rules/format';
import { texteSource } from '../../rules/sources';
import { indicateursParDefaut, estCentreDeSante, type Adhesion, type EtatFormulaire, type IndicateurSaisi } from '../formulaire';
import { lireDateFr, lireNombreFr } from '../nombres';
import { Champ, type MessageDe, useStyles } from './champs';
import { IndicateurAci } from './IndicateurAci';
import { appelCatalogue, debutParametre, valeurBareme } from './reperes-bareme';

interface Props {
  etat: EtatFormulaire;
  bareme: Bareme;
  message: MessageDe;
  changer(patch: Partial<EtatFormulaire>, chemin: string): void;
}

/** Date où lire le barème de l'ACI : signature du contrat saisie, sinon début de la simulation, sinon aujourd'hui. */
const dateAci = (etat: EtatFormulaire) => lireDateFr(etat.aciDateSignature) ?? lireDateFr(etat.debut) ?? aujourdhuiIso();

/** Patientèle de référence des points variables (barème daté). */
function patienteleReference(etat: EtatFormulaire, bareme: Bareme): string {
  const v = valeurBareme(bareme, 'aci.patientele_reference', dateAci(etat)) ?? valeurBareme(bareme, 'aci.patientele_reference', aujourdhuiIso());
  return v === null ? 'la patientèle de référence' : `${formatNombre(v)} patients`;
}

/** Points de l'indicateur SI niveau standard pour le nombre de professionnels saisi (SIP.ACI_SI), ou null sans nombre valide. */
function pointsSi(etat: EtatFormulaire, bareme: Bareme): string | null {
  const n = lireNombreFr(etat.aciNbProfessionnels);
  if (n === null || !Number.isInteger(n) || n < 1) return null;
  const r = appelCatalogue(bareme, 'ACI_SI', [n, dateAci(etat)]);
  return 'valeur' in r ? `${formatNombre(r.valeur)} points fixes pour ${formatNombre(n)} professionnel${n > 1 ? 's' : ''} (SIP.ACI_SI)` : r.erreur;
}

/** Accord national : depuis la date du barème, rémunération en euros non publiée. */
function noteAccordNational(bareme: Bareme): string {
  const debut = debutParametre(bareme, 'cds.accord_national_2025.remuneration_forfaitaire_annuelle');
  const source = texteSource({ document: 'accord_national_cds_2025', section: '' });
  return debut
    ? `À partir du ${isoVersFrancais(debut)}, la rémunération de l’accord national (${source}) est en euros, et non plus en points ; son montant n’est pas publié : ces années apparaissent « montant non publié » dans l’aperçu, hors des totaux. Les points ci-dessous valent pour les années antérieures.`
    : `Points de l’accord national de 2015 (${texteSource({ document: 'accord_national_cds_2015', section: '' })}).`;
}

export function SectionSip({ etat, message, changer }: Props) {
  const s = useStyles();
  const cds = estCentreDeSante(etat.type);
  return (
    <section className={s.section} aria-label="Aide SIP">
      <Subtitle2 as="h2" className={s.titre}>{cds ? 'Aide SIP (formation et licences)' : 'Aide SIP (maison de santé)'}</Subtitle2>
      {cds && (
        <>
          <Switch label="Demander l’aide SIP" checked={etat.sipDemandee} onChange={(_, d) => changer({ sipDemandee: d.checked }, 'sipDemandee')} />
          <Text className={s.note}>Un centre de santé peut être aidé pour la formation et tout ou partie des licences ({texteSource({ document: 'politique_cds_bretagne', section: '§3.2' })}).</Text>
        </>
      )}
      {(!cds || etat.sipDemandee) && (
        <>
          <Champ libelle="Nombre de professionnels" numerique valeur={etat.sipNbProfessionnels} message={message('sipNbProfessionnels')}
            onChange={(v) => changer({ sipNbProfessionnels: v }, 'sipNbProfessionnels')} />
          <Champ libelle="Montant des devis validés" suffixe="€" numerique valeur={etat.sipMontantDevis} message={message('sipMontantDevis')}
            onChange={(v) => changer({ sipMontantDevis: v }, 'sipMontantDevis')} />
          <div className={s.ligne}>
            <Champ libelle="Signature de la convention" date aide="Facultatif (80 %)" valeur={etat.sipDateConvention} message={message('sipDateConvention')}
              onChange={(v) => changer({ sipDateConvention: v }, 'sipDateConvention')} />
            <Champ libelle="PV d’installation" date aide="Facultatif (solde de 20 %)" valeur={etat.sipDateCloture} message={message('sipDateCloture')}
              onChange={(v) => changer({ sipDateCloture: v }, 'sipDateCloture')} />
          </div>
        </>
      )}
    </section>
  );
}

export function SectionAci({ etat, bareme, message, changer }: Props) {
  const s = useStyles();
  const cds = estCentreDeSante(etat.type);
  const choisir = (adhesion: Adhesion) => {
    const prefixe = adhesion === 'aci' ? 'aci.' : 'an.';
    // Indicateurs de l'accord choisi (liste datée de src/rules/regles/aci-indicateurs.ts), sauf s'ils sont déjà là.
    const indicateurs = adhesion === 'aucune'
      ? etat.indicateurs
      : etat.indicateurs.length && etat.indicateurs[0].id.startsWith(prefixe)
        ? etat.indicateurs
        : indicateursParDefaut(adhesion, lireDateFr(etat.debut) ?? aujourdhuiIso());
    changer({ adhesion, indicateurs }, 'adhesion');
  };
  const majIndicateur = (k: number, patch: Partial<IndicateurSaisi>, champ: string) =>
    changer({ indicateurs: etat.indicateurs.map((x, l) => (l === k ? { ...x, ...patch } : x)) }, `indicateurs.${k}.${champ}`);
  const si = pointsSi(etat, bareme);

  return (
    <section className={s.section} aria-label="ACI">
      <Subtitle2 as="h2" className={s.titre}>Rémunération conventionnelle</Subtitle2>
      <Field label="Adhésion" validationMessage={message('adhesion')} validationState={message('adhesion') ? 'error' : 'none'}
        hint={cds ? `Un centre de santé ne peut pas cumuler l’ACI et l’accord national (${texteSource({ document: 'politique_cds_bretagne', section: '§1.4' })})` : undefined}>
        <RadioGroup value={etat.adhesion} onChange={(_, d) => choisir(d.value as Adhesion)}>
          <Radio value="aci" label="ACI (accord conventionnel interprofessionnel)" />
          <Radio value="accord_national" label="Accord national des centres de santé (2015)" disabled={!cds} />
          <Radio value="aucune" label="Aucune" />
        </RadioGroup>
      </Field>
      {etat.adhesion === 'accord_national' && <Text className={s.note} role="note">{noteAccordNational(bareme)}</Text>}
      {etat.adhesion !== 'aucune' && (
        <>
          <Champ libelle="Patientèle médecin traitant" aide="Patients des médecins associés" numerique valeur={etat.patientele}
            message={message('patientele')} onChange={(v) => changer({ patientele: v }, 'patientele')} />
          <Champ libelle="Signature du contrat" date aide="Facultatif ; vide : début de la simulation" valeur={etat.aciDateSignature}
            message={message('aciDateSignature')} onChange={(v) => changer({ aciDateSignature: v }, 'aciDateSignature')} />
          {etat.adhesion === 'aci' && (
            <Champ libelle="Nombre de professionnels de la structure" numerique valeur={etat.aciNbProfessionnels} message={message('aciNbProfessionnels')}
              aide="Facultatif ; les points de l’indicateur « Système d’information niveau standard » en dépendent (vide : points saisis)"
              onChange={(v) => changer({ aciNbProfessionnels: v }, 'aciNbProfessionnels')} />
          )}
          <Text className={s.note}>
            Cochez les indicateurs atteints ; leurs points (fixes / variables pour {patienteleReference(etat, bareme)}) sont modifiables, ceux qui ne sont pas publiés sont à saisir.
            Socle prérequis : sans eux, aucune rémunération ; socle : base de l’avance ; optionnel : s’ajoute s’il est atteint.
          </Text>
          {etat.indicateurs.map((ind, k) => (
            <IndicateurAci key={ind.id} indicateur={ind} message={message} chemin={`indicateurs.${k}`}
              pointsSi={etat.adhesion === 'aci' ? si : null} maj={(patch, champ) => majIndicateur(k, patch, champ)} />
          ))}
        </>
      )}
    </section>
  );
}

// Aide SIP (MSP) et adhésion ACI / accord national avec les indicateurs atteints.
import * as React from 'react';
import { Checkbox, Field, Input, Radio, RadioGroup, Subtitle2, Text } from '@fluentui/react-components';
import { indicateursParDefaut, estCentreDeSante, type Adhesion, type EtatFormulaire, type IndicateurSaisi } from '../formulaire';
import { aujourdhuiIso } from '../../rules/dates';
import { lireDateFr } from '../nombres';
import { BAREME_PAR_DEFAUT } from '../../rules/bareme/donnees';
import { trouverValeur } from '../../rules/bareme/lecture';
import { formatNombre } from '../../rules/format';

/** Patientèle de référence des points variables (barème daté), au début de la simulation saisi ou aujourd'hui. */
function patienteleReference(debutSaisi: string): string {
  const lire = (date: string) => formatNombre(Number(trouverValeur(BAREME_PAR_DEFAUT, 'aci.patientele_reference', date).valeur.valeur));
  try {
    return lire(lireDateFr(debutSaisi) ?? aujourdhuiIso());
  } catch {
    return lire(aujourdhuiIso()); // date saisie antérieure au barème : le message d'erreur du champ date le dit
  }
}
import { Champ, type MessageDe, useStyles } from './champs';

interface Props {
  etat: EtatFormulaire;
  message: MessageDe;
  changer(patch: Partial<EtatFormulaire>, chemin: string): void;
}

export function SectionSip({ etat, message, changer }: Props) {
  const s = useStyles();
  return (
    <section className={s.section} aria-label="Aide SIP">
      <Subtitle2 as="h2" className={s.titre}>Aide SIP (maison de santé)</Subtitle2>
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
    </section>
  );
}

export function SectionAci({ etat, message, changer }: Props) {
  const s = useStyles();
  const cds = estCentreDeSante(etat.type);
  const choisir = (adhesion: Adhesion) => {
    const prefixe = adhesion === 'aci' ? 'aci.' : 'an.';
    // Indicateurs de l'accord choisi (points par défaut de src/rules/aci-indicateurs.ts), sauf s'ils sont déjà là.
    const indicateurs = adhesion === 'aucune'
      ? etat.indicateurs
      : etat.indicateurs.length && etat.indicateurs[0].id.startsWith(prefixe)
        ? etat.indicateurs
        : indicateursParDefaut(adhesion, lireDateFr(etat.debut) ?? aujourdhuiIso());
    changer({ adhesion, indicateurs }, 'adhesion');
  };
  const majIndicateur = (k: number, patch: Partial<IndicateurSaisi>, champ: string) =>
    changer({ indicateurs: etat.indicateurs.map((x, l) => (l === k ? { ...x, ...patch } : x)) }, `indicateurs.${k}.${champ}`);

  return (
    <section className={s.section} aria-label="ACI">
      <Subtitle2 as="h2" className={s.titre}>Rémunération conventionnelle</Subtitle2>
      <Field label="Adhésion" validationMessage={message('adhesion')} validationState={message('adhesion') ? 'error' : 'none'}
        hint={cds ? 'Un centre de santé ne peut pas cumuler l’ACI et l’accord national (004 §1.4)' : undefined}>
        <RadioGroup value={etat.adhesion} onChange={(_, d) => choisir(d.value as Adhesion)}>
          <Radio value="aci" label="ACI (accord conventionnel interprofessionnel)" />
          <Radio value="accord_national" label="Accord national des centres de santé (2015)" disabled={!cds} />
          <Radio value="aucune" label="Aucune" />
        </RadioGroup>
      </Field>
      {etat.adhesion !== 'aucune' && (
        <>
          <Champ libelle="Patientèle médecin traitant" aide="Patients des médecins associés" numerique valeur={etat.patientele}
            message={message('patientele')} onChange={(v) => changer({ patientele: v }, 'patientele')} />
          <Champ libelle="Signature du contrat" date aide="Facultatif ; vide : début de la simulation" valeur={etat.aciDateSignature}
            message={message('aciDateSignature')} onChange={(v) => changer({ aciDateSignature: v }, 'aciDateSignature')} />
          <Text className={s.note}>Cochez les indicateurs atteints ; leurs points (fixes / variables pour {patienteleReference(etat.debut)} patients) sont modifiables, ceux qui ne sont pas publiés sont à saisir.</Text>
          {etat.indicateurs.map((ind, k) => {
            const mf = message(`indicateurs.${k}.pointsFixes`);
            const mv = message(`indicateurs.${k}.pointsVariables`);
            return (
              <div key={ind.id} role="group" aria-label={ind.libelle}>
                <Checkbox checked={ind.atteint} onChange={(_, d) => majIndicateur(k, { atteint: d.checked === true }, 'atteint')}
                  label={`${ind.libelle}${ind.prerequis ? ' (prérequis)' : ''}`} />
                {ind.atteint && (
                  <div className={s.ligne} style={{ paddingLeft: 28 }}>
                    <Field className={s.champ} validationMessage={mf} validationState={mf ? 'error' : 'none'}>
                      <Input className={s.saisie} aria-label={`Points fixes — ${ind.libelle}`} size="small" contentAfter="pts fixes" value={ind.pointsFixes}
                        onChange={(_, d) => majIndicateur(k, { pointsFixes: d.value }, 'pointsFixes')} />
                    </Field>
                    <Field className={s.champ} validationMessage={mv} validationState={mv ? 'error' : 'none'}>
                      <Input className={s.saisie} aria-label={`Points variables — ${ind.libelle}`} size="small" contentAfter="pts var." value={ind.pointsVariables}
                        onChange={(_, d) => majIndicateur(k, { pointsVariables: d.value }, 'pointsVariables')} />
                    </Field>
                  </div>
                )}
              </div>
            );
          })}
        </>
      )}
    </section>
  );
}

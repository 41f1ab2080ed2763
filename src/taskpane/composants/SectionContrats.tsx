// Contrats démographiques déjà signés (centres de santé) : date de signature du CAI, du COSCO et du
// CST. La date de signature décide du régime : signé à partir de la date du barème (`…signature_ouverte`
// à 0), le contrat est remplacé par l'aide automatique des centres de santé.
import * as React from 'react';
import { Subtitle2, Text } from '@fluentui/react-components';
import type { Bareme } from '../../rules/bareme/types';
import { isoVersFrancais } from '../../rules/dates';
import { signatureCai, signatureCosco } from '../../rules/scenario/signatures';
import { versScenario, type EtatFormulaire } from '../formulaire';
import { lireDateFr } from '../nombres';
import { Champ, type MessageDe, useStyles } from './champs';
import { dateFermeture } from '../../rules/regles/zonage';

interface Props {
  etat: EtatFormulaire;
  bareme: Bareme;
  message: MessageDe;
  changer(patch: Partial<EtatFormulaire>, chemin: string): void;
}

type Contrat = 'cai' | 'cosco' | 'cst';

/** Date retenue par le moteur quand le champ est vide (src/rules/scenario/signatures.ts), ou null si les dates saisies ne le permettent pas. */
function signaturesParDefaut(etat: EtatFormulaire): Record<Contrat, string> | null {
  const demande = etat.type === 'cds_devenant_polyvalent' && etat.dateDemandePolyvalent.trim() !== '';
  if (!lireDateFr(etat.debut) || !lireDateFr(etat.dateCreation) || (demande && !lireDateFr(etat.dateDemandePolyvalent))) return null;
  const s = versScenario({ ...etat, signatureCai: '', signatureCosco: '', signatureCst: '' });
  return { cai: signatureCai(s), cosco: signatureCosco(s), cst: s.simulation.debut };
}

/** Note de la section : la date du remplacement des contrats vient du barème (paramètre `cai.signature_ouverte`). */
export function noteContrats(bareme: Bareme): string {
  const remplacement = dateFermeture(bareme, 'CAI');
  return `Vide : première date possible dans la simulation${remplacement ? ` ; signé à partir du ${isoVersFrancais(remplacement)}, le contrat est remplacé par l’aide automatique` : ''}.`;
}

const CHAMPS: { contrat: Contrat; cle: 'signatureCai' | 'signatureCosco' | 'signatureCst'; libelle: string }[] = [
  { contrat: 'cai', cle: 'signatureCai', libelle: 'Signature du CAI' },
  { contrat: 'cosco', cle: 'signatureCosco', libelle: 'Signature du COSCO' },
  { contrat: 'cst', cle: 'signatureCst', libelle: 'Signature du CST' },
];

export function SectionContrats({ etat, bareme, message, changer }: Props) {
  const s = useStyles();
  const defauts = signaturesParDefaut(etat);
  return (
    <section className={s.section} aria-label="Contrats démographiques">
      <Subtitle2 as="h2" className={s.titre}>Contrats démographiques déjà signés</Subtitle2>
      <Text className={s.note}>{noteContrats(bareme)}</Text>
      <div className={s.ligne}>
        {CHAMPS.map(({ contrat, cle, libelle }) => (
          <Champ key={cle} libelle={libelle} date valeur={etat[cle]} message={message(cle)}
            aide={`Facultatif${defauts ? ` ; vide : ${isoVersFrancais(defauts[contrat])}` : ''}`}
            onChange={(v) => changer({ [cle]: v } as Partial<EtatFormulaire>, cle)} />
        ))}
      </div>
    </section>
  );
}

// Petite liste de candidatures saisie dans le volet (quand il n'y a pas de tableau dans le classeur) :
// une carte par MSP, les messages du moteur affichés sous le champ fautif.
import { Button, Checkbox, Field, Input, Select, makeStyles, tokens } from '@fluentui/react-components';
import { ZONES } from '../../rules/regles/zonage';
import type { Champ } from '../../rules/programme/lecture';
import { LIBELLES_ACI, STATUTS_ACI } from '../../rules/programme/types';
import { useStyles } from '../composants/champs';
import { nouvelleCandidature, type CandidatureSaisie } from './saisie';
import { LIBELLES_CHAMPS } from './tableau-candidatures';

const styles = makeStyles({
  carte: {
    display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS, padding: tokens.spacingHorizontalS,
    border: `1px solid ${tokens.colorNeutralStroke2}`, borderRadius: tokens.borderRadiusMedium, margin: 0,
  },
  legende: { fontWeight: tokens.fontWeightSemibold },
});

interface Props {
  lignes: CandidatureSaisie[];
  /** Message du moteur pour la candidature n° i (0 = première) et le champ, s'il y en a un. */
  message(i: number, champ: Champ): string | undefined;
  onChange(lignes: CandidatureSaisie[]): void;
}

export function SaisieCandidatures({ lignes, message, onChange }: Props) {
  const s = useStyles();
  const st = styles();
  const modifier = (i: number, patch: Partial<CandidatureSaisie>) => onChange(lignes.map((l, k) => (k === i ? { ...l, ...patch } : l)));
  const prochainId = lignes.reduce((m, l) => Math.max(m, l.id), 0) + 1;

  const texte = (i: number, champ: 'nom' | 'nbProfessionnels' | 'montantDevis' | 'maturite' | 'dateCandidature', opts: { suffixe?: string; numerique?: boolean; aide?: string; placeholder?: string } = {}) => {
    const m = message(i, champ);
    return (
      <Field className={s.champ} label={LIBELLES_CHAMPS[champ]} hint={opts.aide} validationMessage={m} validationState={m ? 'error' : 'none'}>
        <Input className={s.saisie} type="text" value={lignes[i][champ]} inputMode={opts.numerique ? 'decimal' : undefined} placeholder={opts.placeholder}
          contentAfter={opts.suffixe} onChange={(_, d) => modifier(i, { [champ]: d.value })} />
      </Field>
    );
  };
  const choix = (i: number, champ: 'aci' | 'zone', options: [string, string][]) => {
    const m = message(i, champ);
    return (
      <Field className={s.champ} label={LIBELLES_CHAMPS[champ]} validationMessage={m} validationState={m ? 'error' : 'none'}>
        <Select value={lignes[i][champ]} onChange={(_, d) => modifier(i, { [champ]: d.value })}>
          <option value="">— choisir —</option>
          {options.map(([v, l]) => <option key={v} value={v}>{l}</option>)}
        </Select>
      </Field>
    );
  };

  return (
    <div className={s.section}>
      {lignes.map((l, i) => (
        <fieldset key={l.id} className={st.carte} role="group" aria-label={`Candidature ${i + 1}`}>
          <legend className={st.legende}>Candidature {i + 1}</legend>
          {texte(i, 'nom')}
          <div className={s.ligne}>
            {texte(i, 'nbProfessionnels', { numerique: true })}
            {texte(i, 'montantDevis', { numerique: true, suffixe: '€' })}
          </div>
          <div className={s.ligne}>
            {choix(i, 'aci', STATUTS_ACI.map((a) => [a, LIBELLES_ACI[a]]))}
            {choix(i, 'zone', ZONES.map((z) => [z, z]))}
          </div>
          <Checkbox label={LIBELLES_CHAMPS.projetSanteValide} checked={l.projetSanteValide} onChange={(_, d) => modifier(i, { projetSanteValide: d.checked === true })} />
          <Checkbox label={`${LIBELLES_CHAMPS.logicielLabellise} (ANS)`} checked={l.logicielLabellise} onChange={(_, d) => modifier(i, { logicielLabellise: d.checked === true })} />
          <div className={s.ligne}>
            {texte(i, 'maturite', { numerique: true, aide: 'facultatif ; le plus élevé d’abord' })}
            {texte(i, 'dateCandidature', { placeholder: 'JJ/MM/AAAA', aide: 'facultative' })}
          </div>
          <div>
            <Button size="small" appearance="subtle" onClick={() => onChange(lignes.filter((_, k) => k !== i))}>Retirer la candidature {i + 1}</Button>
          </div>
        </fieldset>
      ))}
      <div>
        <Button onClick={() => onChange([...lignes, nouvelleCandidature(prochainId)])}>Ajouter une candidature</Button>
      </div>
    </div>
  );
}

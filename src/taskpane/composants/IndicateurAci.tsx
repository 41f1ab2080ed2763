// Un indicateur de l'ACI ou de l'accord national : case « atteint » avec sa nature (socle prérequis,
// socle, optionnel — liste datée de src/rules/regles/aci-indicateurs.ts), puis ses points modifiables.
// Les points fixes du « SI niveau standard » suivent le nombre de professionnels quand il est saisi :
// ils sont alors affichés (résultat de SIP.ACI_SI), non saisis.
import * as React from 'react';
import { Checkbox, Field, Input, Text } from '@fluentui/react-components';
import { LIBELLES_NATURE } from '../../rules/regles/aci-indicateurs';
import type { IndicateurSaisi } from '../formulaire';
import { estIndicateurSi } from '../validation';
import { type MessageDe, useStyles } from './champs';

interface Props {
  indicateur: IndicateurSaisi;
  message: MessageDe;
  /** « indicateurs.3 » : préfixe des chemins de validation. */
  chemin: string;
  /** Points de l'indicateur SI calculés pour le nombre de professionnels saisi (texte), ou null. */
  pointsSi: string | null;
  maj(patch: Partial<IndicateurSaisi>, champ: string): void;
}

/** « Fonction de coordination (socle prérequis) » ; un libellé qui dit déjà sa nature la garde telle quelle. */
function libelleAvecNature(ind: IndicateurSaisi): string {
  const nature = `(${LIBELLES_NATURE[ind.nature]})`;
  return ind.libelle.endsWith(nature) ? ind.libelle : `${ind.libelle} ${nature}`;
}

export function IndicateurAci({ indicateur: ind, message, chemin, pointsSi, maj }: Props) {
  const s = useStyles();
  const mf = message(`${chemin}.pointsFixes`);
  const mv = message(`${chemin}.pointsVariables`);
  const siCalcule = estIndicateurSi(ind) && pointsSi !== null;
  return (
    <div role="group" aria-label={ind.libelle} data-indicateur={ind.id} data-nature={ind.nature}>
      <Checkbox checked={ind.atteint} onChange={(_, d) => maj({ atteint: d.checked === true }, 'atteint')}
        label={libelleAvecNature(ind)} />
      {siCalcule && <Text as="p" className={s.note} style={{ paddingLeft: 28, margin: 0 }} data-points-si="">{pointsSi}</Text>}
      {ind.atteint && (
        <div className={s.ligne} style={{ paddingLeft: 28 }}>
          {!siCalcule && (
            <Field className={s.champ} validationMessage={mf} validationState={mf ? 'error' : 'none'}>
              <Input className={s.saisie} aria-label={`Points fixes — ${ind.libelle}`} size="small" contentAfter="pts fixes" value={ind.pointsFixes}
                onChange={(_, d) => maj({ pointsFixes: d.value }, 'pointsFixes')} />
            </Field>
          )}
          <Field className={s.champ} validationMessage={mv} validationState={mv ? 'error' : 'none'}>
            <Input className={s.saisie} aria-label={`Points variables — ${ind.libelle}`} size="small" contentAfter="pts var." value={ind.pointsVariables}
              onChange={(_, d) => maj({ pointsVariables: d.value }, 'pointsVariables')} />
          </Field>
        </div>
      )}
    </div>
  );
}

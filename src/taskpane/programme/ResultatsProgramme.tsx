// Le classement en direct : rang, MSP, éligibilité (ou condition non remplie), aide, 80 % / 20 %,
// décision (financée / liste d'attente), puis les totaux de l'année et par mois.
import * as React from 'react';
import {
  MessageBar, MessageBarBody, MessageBarTitle, Subtitle2, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow, Text,
  makeStyles, tokens,
} from '@fluentui/react-components';
import type { Resultat } from '../../rules/explication';
import { formatEuros } from '../../rules/format';
import type { Programme } from '../../rules/programme/types';
import { decisionCourte, eligibiliteCourte, libelleMois } from '../../workbook/programme/feuille-programme';
import { useStyles } from '../composants/champs';

const styles = makeStyles({
  defilement: { overflowX: 'auto', marginBottom: tokens.spacingVerticalS },
  // Volet étroit (320 à 450 px) : largeurs au contenu, montants sur une ligne, 80 % et 20 % empilés.
  tableau: { tableLayout: 'auto', fontSize: tokens.fontSizeBase200 },
  rang: { width: '2.5em', textAlign: 'right' },
  montant: { fontVariantNumeric: 'tabular-nums', whiteSpace: 'nowrap', textAlign: 'right' },
  aide: { display: 'block', fontWeight: tokens.fontWeightSemibold },
  versement: { display: 'block', color: tokens.colorNeutralForeground3 },
  totaux: { margin: 0, display: 'grid', gridTemplateColumns: 'auto auto', columnGap: tokens.spacingHorizontalM, rowGap: '2px' },
  terme: { color: tokens.colorNeutralForeground2 },
  valeur: { margin: 0, fontVariantNumeric: 'tabular-nums', textAlign: 'right', whiteSpace: 'nowrap' },
});

const pluriel = (n: number, mot: string) => `${n} ${mot}${n > 1 ? 's' : ''}`;

export function ResultatsProgramme({ programme: p }: { programme: Programme }) {
  const s = useStyles();
  const st = styles();
  const t = p.totaux;
  const euros = (v: Resultat | null) => (v ? formatEuros(v.valeur) : '—');
  const lignesTotaux: [string, string, string][] = [
    ['candidatures', 'Candidatures', String(t.nbCandidatures)],
    ['eligibles', 'Éligibles', String(t.nbEligibles)],
    ['financees', 'Financées', String(t.nbFinancees)],
    ['partielles', 'Financées partiellement', String(t.nbPartielles)],
    ['attente', 'Liste d’attente', String(t.nbAttente)],
    ['non_eligibles', 'Non éligibles', String(t.nbNonEligibles)],
    ['enveloppe', 'Enveloppe annuelle', formatEuros(p.appel.enveloppe)],
    ['demande', 'Demande éligible', formatEuros(t.demandeEligible)],
    ['attribue', 'Montant attribué', formatEuros(t.attribue)],
    ['reste', 'Reste de l’enveloppe', formatEuros(t.resteEnveloppe)],
    ...t.parMois.map((m): [string, string, string] => [`mois-${m.mois}`, `Versé en ${libelleMois(m.mois)}`, formatEuros(m.total)]),
    ...t.parAnnee.map((a): [string, string, string] => [`annee-${a.annee}`, `Total ${a.annee}`, formatEuros(a.total)]),
  ];
  return (
    <>
      <section className={s.section} aria-label="Classement des candidatures">
        <Subtitle2 as="h2" className={s.titre}>Classement et décisions</Subtitle2>
        <Text className={s.note}>
          {pluriel(t.nbFinancees + t.nbPartielles, 'financée')}, {t.nbAttente} en liste d’attente, {pluriel(t.nbNonEligibles, 'non éligible')} ;
          80 % en {libelleMois(p.appel.moisConvention)}, solde de 20 % en {libelleMois(p.appel.moisSolde)}.
        </Text>
        <div className={st.defilement}>
          <Table size="extra-small" className={st.tableau} aria-label="Candidatures classées">
            <TableHeader>
              <TableRow>
                <TableHeaderCell className={st.rang}>Rang</TableHeaderCell>
                <TableHeaderCell>MSP</TableHeaderCell>
                <TableHeaderCell className={st.montant}>Aide (80 % / 20 %)</TableHeaderCell>
                <TableHeaderCell>Décision</TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {p.lignes.map((l) => (
                <TableRow key={l.index} data-msp={l.candidature.nom} data-decision={l.decision}>
                  <TableCell className={st.rang}>{l.rang ?? '—'}</TableCell>
                  <TableCell>{l.candidature.nom}</TableCell>
                  <TableCell className={st.montant}>
                    <span className={st.aide} data-montant="aide">{formatEuros(l.aide.valeur)}</span>
                    {l.versementConvention && (
                      <>
                        <span className={st.versement} data-versement="80">{euros(l.versementConvention)}</span>
                        <span className={st.versement} data-versement="20">{euros(l.versementSolde)}</span>
                      </>
                    )}
                  </TableCell>
                  <TableCell data-eligibilite title={l.eligible ? l.justification : l.motifs.map((m) => m.texte).join(' ; ')}>
                    {l.eligible ? decisionCourte(l) : eligibiliteCourte(l)}
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </div>
        <details>
          <summary>Décisions détaillées et règle de classement</summary>
          <ol>
            {p.lignes.map((l) => <li key={l.index}>{l.candidature.nom} : {l.justification}</li>)}
          </ol>
          <ul>{p.regleClassement.map((r) => <li key={r}>{r}</li>)}</ul>
        </details>
      </section>
      <section className={s.section} aria-label="Totaux du programme">
        <Subtitle2 as="h2" className={s.titre}>Totaux</Subtitle2>
        <dl className={st.totaux}>
          {lignesTotaux.map(([cle, libelle, valeur]) => (
            <React.Fragment key={cle}>
              <dt className={st.terme}>{libelle}</dt>
              <dd className={st.valeur} data-total={cle}>{valeur}</dd>
            </React.Fragment>
          ))}
        </dl>
      </section>
      {p.avertissements.length > 0 && (
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>À savoir</MessageBarTitle>
            <ul>{p.avertissements.map((a) => <li key={a}>{a}</li>)}</ul>
          </MessageBarBody>
        </MessageBar>
      )}
    </>
  );
}

// Médecins salariés du centre : quotité, coût, honoraires, poste « 400 postes » et congés
// maternité/paternité, jours mis à disposition d'un centre en ZIP (CST).
import * as React from 'react';
import { Button, Card, Checkbox, Subtitle2, Switch, Text } from '@fluentui/react-components';
import { nouveauConge, nouveauMedecin, type CongeSaisi, type EtatFormulaire, type MedecinSaisi } from '../formulaire';
import { Champ, type MessageDe, useStyles } from './champs';

interface Props {
  etat: EtatFormulaire;
  message: MessageDe;
  changerMedecins(medecins: MedecinSaisi[], chemin: string): void;
}

export function SectionMedecins({ etat, message, changerMedecins }: Props) {
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
            {m.poste400 && (
              <>
                <Champ libelle="Début du contrat 400 postes" date aide="Vide : début de la simulation" valeur={m.debutContrat}
                  message={message(`${p}.debutContrat`)} onChange={(v) => maj(i, { debutContrat: v }, 'debutContrat')} />
                {m.conges.map((c, j) => {
                  const q = `${p}.conges.${j}`;
                  return (
                    <Card key={j} appearance="subtle" className={s.carte} role="group" aria-label={`Congé ${j + 1} du médecin ${i + 1}`}>
                      <Text weight="semibold">Congé maternité / paternité {j + 1}</Text>
                      <div className={s.ligne}>
                        <Champ libelle="Début du congé" date valeur={c.debut} message={message(`${q}.debut`)} onChange={(v) => majConge(i, j, { debut: v }, 'debut')} />
                        <Champ libelle="Fin du congé" date valeur={c.fin} message={message(`${q}.fin`)} onChange={(v) => majConge(i, j, { fin: v }, 'fin')} />
                      </div>
                      <Champ libelle="Salaire chargé sur la période" suffixe="€" numerique valeur={c.salaireCharge} message={message(`${q}.salaireCharge`)}
                          onChange={(v) => majConge(i, j, { salaireCharge: v }, 'salaireCharge')} />
                        <Champ libelle="Indemnités journalières perçues" suffixe="€" numerique valeur={c.indemnitesJournalieres}
                          message={message(`${q}.indemnitesJournalieres`)} onChange={(v) => majConge(i, j, { indemnitesJournalieres: v }, 'indemnitesJournalieres')} />
                      <Checkbox label="Salaire maintenu (contrat ou convention collective)" checked={c.salaireMaintenu}
                        onChange={(_, d) => majConge(i, j, { salaireMaintenu: d.checked === true }, 'salaireMaintenu')} />
                      <Button appearance="subtle" size="small"
                        onClick={() => maj(i, { conges: m.conges.filter((_, l) => l !== j) }, 'conges')}>Retirer ce congé</Button>
                    </Card>
                  );
                })}
                <Button size="small" onClick={() => maj(i, { conges: [...m.conges, nouveauConge(etat.debut)] }, 'conges')}>
                  Ajouter un congé maternité / paternité
                </Button>
              </>
            )}
            <Champ libelle="Jours par an dans un centre en ZIP" aide="CST : centre hors ZIP" numerique valeur={m.joursCstParAn}
                message={message(`${p}.joursCstParAn`)} onChange={(v) => maj(i, { joursCstParAn: v }, 'joursCstParAn')} />
              <Champ libelle="Honoraires annuels de la mise à disposition" suffixe="€" numerique valeur={m.honorairesCstAnnuels}
                message={message(`${p}.honorairesCstAnnuels`)} onChange={(v) => maj(i, { honorairesCstAnnuels: v }, 'honorairesCstAnnuels')} />
            <Champ libelle="Consultations par mois (plan de financement)" aide="Facultatif ; vide : seuils « 400 postes » ou honoraires saisis" numerique
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

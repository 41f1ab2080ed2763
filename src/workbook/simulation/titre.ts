// Bloc 1 : titre, identité du centre, mode d'emploi et synthèse des totaux (renvois vers le tableau
// des versements par année : aucun total n'y est recalculé).
import { FINANCEURS, LIBELLES_FINANCEUR } from '../../rules/aides';
import { isoVersFrancais } from '../../rules/dates';
import { LIBELLES_ZONE } from '../../rules/regles/zonage';
import { LIBELLES_TYPE_CENTRE } from '../../rules/scenario/types';
import { jeton, repere, type ContexteSimulation } from './contexte';

export function blocTitre(ctx: ContexteSimulation): void {
  const { f, s, bareme } = ctx;
  f.texte(1, 1, `Simulation des financements — ${s.centre.nom}`, 'titre');
  const identite = [LIBELLES_TYPE_CENTRE[s.centre.type], LIBELLES_ZONE[s.centre.zone], s.centre.commune].filter(Boolean).join(' — ');
  const generation = [
    `barème ${bareme.version}`,
    ctx.dateGeneration ? `générée le ${isoVersFrancais(ctx.dateGeneration)}` : '',
    ctx.versionComplement ? `complément ${ctx.versionComplement}` : '',
  ].filter(Boolean).join(' — ');
  f.texte(1, 2, `${identite} — ${generation}`, 'sous_titre');
  f.texte(1, 3,
    'Les montants sont des formules SIP.* vivantes : modifiez les cellules jaunes des données d’entrée. Les dates, la zone, le type de centre et la liste des médecins fixent le calendrier des versements : pour les changer, recréez la simulation depuis le volet.',
    'note');
  f.ligne = 5;
  f.texte(1, f.ligne++, `Synthèse sur ${s.simulation.horizonAnnees} an${s.simulation.horizonAnnees > 1 ? 's' : ''} (du ${isoVersFrancais(ctx.livre.debut)})`, 'sous_titre');
  for (const fi of [...FINANCEURS, 'AIDES'] as const) {
    f.texte(1, f.ligne, fi === 'AIDES' ? 'Total des aides' : `Total ${LIBELLES_FINANCEUR[fi]}`, fi === 'AIDES' ? 'total' : 'libelle');
    f.formule(2, f.ligne++, jeton(repere.totalAnnuel(fi, 'total')), 'euros', 'total');
  }
  f.sauter();
}

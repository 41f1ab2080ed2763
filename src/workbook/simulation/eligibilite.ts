// Bloc 3 : l'éligibilité de chaque aide, avec la condition remplie ou le motif du refus (règles de
// src/rules/scenario/eligibilite.ts, les mêmes que le volet et la CLI).
import { AIDES, libelleAci } from '../../rules/aides';
import type { ContexteSimulation } from './contexte';

export function blocEligibilite(ctx: ContexteSimulation): void {
  const { f, s } = ctx;
  f.texte(1, f.ligne++, 'Éligibilité des aides', 'sous_titre');
  f.entetes(f.ligne++, ['Aide', 'Financeur', 'Éligible', 'Condition ou motif du refus']);
  for (const e of ctx.livre.eligibilite) {
    f.texte(1, f.ligne, e.aide === 'ACI' ? libelleAci(s.aci?.adhesion) : AIDES[e.aide].libelle, 'libelle');
    f.texte(2, f.ligne, e.financeur, 'libelle');
    f.texte(3, f.ligne, e.eligible ? 'Oui' : 'Non', e.eligible ? 'calcul' : 'alerte');
    f.texte(4, f.ligne, e.motif, e.eligible ? 'note' : 'alerte');
    f.ligne++;
  }
  f.sauter();
}

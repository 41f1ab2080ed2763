// Bloc 7 : les calculs intermédiaires des contrats (montant ACI de chaque année, avance et solde ;
// aide SIP), une cellule chacun, avec la date de lecture du barème dans sa propre cellule : chaque
// formule SIP.* reste un appel simple (références et nombres). Les lignes de l'échéancier y renvoient.
import { isoVersSerie } from '../../rules/dates';
import { datesDe } from '../../rules/formule';
import { rendreTerme, repere, type ContexteSimulation } from './contexte';

export function blocCalculs(ctx: ContexteSimulation): void {
  const { f, livre } = ctx;
  if (!livre.calculs.length) return;
  f.texte(1, f.ligne++, 'Calculs des contrats', 'sous_titre');
  f.entetes(f.ligne++, ['Calcul', 'Montant', 'Date de lecture du barème']);
  for (const c of livre.calculs) {
    const l = f.ligne++;
    f.texte(1, l, `${c.id.startsWith('aci.') ? 'ACI ' : ''}${c.libelle}`, 'libelle');
    const [date] = [...datesDe(c.formule)];
    const dates = new Map<string, string>();
    if (date) dates.set(date, f.pose(3, l, { valeur: isoVersSerie(date), format: 'date', style: 'calcul' }));
    const a = f.formuleOuValeur(2, l, rendreTerme(ctx, c.formule, dates), c.valeur.toNumber(), 'euros');
    f.reperer(repere.calcul(c.id), a);
  }
  f.sauter();
}

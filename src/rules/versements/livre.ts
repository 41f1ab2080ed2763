// Le grand livre d'un scénario : (scénario, barème) → chaque versement, daté, avec sa règle. Seul lieu
// où se décident le montant et la date d'un versement (issue 12).
import { AIDES, type IdAide } from '../aides';
import type { Bareme } from '../bareme/types';
import { Decimal } from '../decimal';
import { ErreurRegle } from '../erreurs';
import { eligibiliteScenario } from '../scenario/eligibilite';
import type { Scenario } from '../scenario/types';
import { validerScenario } from '../scenario/validation';
import { versementsAci } from './aci';
import { versementsAideCds, versementsCai, versementsCosco, versementsCst } from './cds';
import { versements400 } from './postes400';
import { Redaction } from './redaction';
import { toutesLesSeries } from './series';
import { versementsSip } from './sip';
import type { GrandLivre, OptionsLivre, Versement } from './types';

const UN = new Decimal(1);
const ORDRE_AIDES = Object.keys(AIDES) as IdAide[];

function ordre(a: Versement, b: Versement): number {
  return a.date.localeCompare(b.date) || ORDRE_AIDES.indexOf(a.aide) - ORDRE_AIDES.indexOf(b.aide) || (a.medecin ?? -1) - (b.medecin ?? -1) || a.id.localeCompare(b.id, 'fr', { numeric: true });
}

/** Scénario contrôlé au même endroit que partout (src/rules/scenario/validation.ts). */
function scenarioValide(s: Scenario): Scenario {
  const v = validerScenario(s);
  if (!v.ok) throw new ErreurRegle('#VALEUR!', `scénario invalide : ${v.erreurs.join(' ; ')}`);
  return v.scenario;
}

export function grandLivre(scenario: Scenario, bareme: Bareme, o: OptionsLivre = {}): GrandLivre {
  const s = scenarioValide(scenario);
  const f = { activite: o.facteurActivite ?? UN, cout: o.facteurCout ?? UN };
  const r = new Redaction(s, bareme, f.activite.equals(1) && f.cout.equals(1));
  const eligibilite = eligibiliteScenario(s, bareme);
  const elig = new Map(eligibilite.map((e) => [e.aide, e]));
  const { parMedecin, series } = toutesLesSeries(r, f);

  if (elig.get('CAI')?.eligible) versementsCai(r);
  const cosco = elig.get('COSCO');
  if (cosco?.eligible) versementsCosco(r, cosco);
  const cst = elig.get('CST');
  if (cst?.eligible) versementsCst(r, cst);
  const aideCds = elig.get('AIDE_CDS');
  if (aideCds?.eligible) versementsAideCds(r, aideCds);
  const p400 = elig.get('400POSTES');
  if (p400?.eligible) versements400(r, parMedecin, p400.medecins, f);
  if (elig.get('ACI')?.eligible && s.aci) versementsAci(r);
  if (elig.get('SIP')?.eligible) versementsSip(r);

  return {
    debut: s.simulation.debut,
    fin: r.cal.bornes[r.cal.nbMois],
    horizonAnnees: s.simulation.horizonAnnees,
    nbMois: r.cal.nbMois,
    bornes: r.cal.bornes,
    versements: r.versements.sort(ordre),
    apresHorizon: r.apresHorizon.sort(ordre),
    nonChiffres: r.nonChiffres,
    contrats: r.contrats,
    calculs: r.calculs,
    series,
    partTravaillee: parMedecin.map((x) => x.travail),
    eligibilite,
    exclusions: eligibilite.filter((e) => !e.eligible).map((e) => ({ aide: e.aide, motif: e.motif })),
    hypotheses: r.hypotheses,
    avertissements: [...r.avertissements],
    parametres: r.parametresLus(),
  };
}

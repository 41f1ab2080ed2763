// Contrôle d'un scénario lu en JSON (CLI `sip simulate`, relecture de la provenance) : chaque erreur
// nomme le champ fautif (positions comptées à partir de 1) et ce qui est attendu, ex. « médecin n° 2,
// quotite : nombre dans ]0 ; 1] attendu (reçu : 1,5) ». Schéma documenté dans docs/scenario.schema.json.
import { isoVersFrancais, verifierIso } from '../dates';
import { formatNombre } from '../format';
import { caractereInterdit, DATE_MAX, DATE_MIN, LIMITES_SCENARIO, texteMontrable } from './bornes';
import { ZONES } from '../regles/zonage';
import { Scenario, VERSION_SCENARIO, LIBELLES_TYPE_CENTRE, TypeCentre } from './types';

const TYPES = Object.keys(LIBELLES_TYPE_CENTRE) as TypeCentre[];
const ADHESIONS = ['aci', 'accord_national', 'aucune'] as const;
const NATURES = ['socle_prerequis', 'socle', 'optionnel'] as const;
export const HORIZON_MAX = 10;

// Bornes (nombre de médecins, dates, caractères interdits) : module léger partagé avec la CLI.
export { LIMITES_SCENARIO, DATE_MIN, DATE_MAX, caractereInterdit, texteMontrable } from './bornes';

function recu(v: unknown): string {
  if (v === undefined) return 'rien';
  if (v === null) return 'null';
  if (typeof v === 'string') return `« ${texteMontrable(v)} »`;
  if (typeof v === 'number') return String(v).replace('.', ',');
  if (Array.isArray(v)) return 'un tableau';
  if (typeof v === 'object') return 'un objet';
  return String(v);
}

/** « centre.nom », mais « médecin n° 2, quotite » après une position. */
const joindre = (chemin: string, cle: string) => (!chemin ? cle : /n° \d+$/.test(chemin) ? `${chemin}, ${cle}` : `${chemin}.${cle}`);

class Controle {
  readonly erreurs: string[] = [];
  erreur(chemin: string, attendu: string, v: unknown): void {
    this.erreurs.push(`${chemin} : ${attendu} attendu (reçu : ${recu(v)})`);
  }
  objet(o: unknown, chemin: string): Record<string, unknown> | null {
    if (o === null || typeof o !== 'object' || Array.isArray(o)) {
      this.erreur(chemin, 'objet', o);
      return null;
    }
    return o as Record<string, unknown>;
  }
  texte(o: Record<string, unknown>, cle: string, chemin: string, optionnel = false, max: number = LIMITES_SCENARIO.longueurNom): void {
    const v = o[cle];
    if (v === undefined && optionnel) return;
    if (typeof v !== 'string' || (!optionnel && v.trim() === '')) return this.erreur(joindre(chemin, cle), optionnel ? 'texte' : 'texte non vide', v);
    const interdit = caractereInterdit(v);
    if (interdit) this.erreurs.push(`${joindre(chemin, cle)} : texte sans caractère de contrôle attendu (reçu : ${interdit})`);
    else if (v.length > max) this.erreur(joindre(chemin, cle), `texte de ${max} caractères au plus`, v);
  }
  booleen(o: Record<string, unknown>, cle: string, chemin: string): void {
    if (typeof o[cle] !== 'boolean') this.erreur(joindre(chemin, cle), 'true ou false', o[cle]);
  }
  date(o: Record<string, unknown>, cle: string, chemin: string, optionnel = false): void {
    const v = o[cle];
    if (v === undefined && optionnel) return;
    try {
      if (typeof v !== 'string') throw new Error();
      verifierIso(v);
    } catch {
      return this.erreur(joindre(chemin, cle), 'date AAAA-MM-JJ', v);
    }
    if (v < DATE_MIN || v > DATE_MAX) this.erreur(joindre(chemin, cle), `date entre le ${isoVersFrancais(DATE_MIN)} et le ${isoVersFrancais(DATE_MAX)}`, v);
  }
  nombre(o: Record<string, unknown>, cle: string, chemin: string, c: { min?: number; minExclu?: boolean; max?: number; entier?: boolean }): void {
    const v = o[cle];
    const ok =
      typeof v === 'number' && Number.isFinite(v) &&
      (c.min === undefined || (c.minExclu ? v > c.min : v >= c.min)) &&
      (c.max === undefined || v <= c.max) &&
      (!c.entier || Number.isInteger(v));
    if (ok) return;
    const nature = c.entier ? 'entier' : 'nombre';
    const f = (n: number) => String(n).replace('.', ',');
    const plage =
      c.min !== undefined && c.max !== undefined ? `${nature} dans ${c.minExclu ? ']' : '['}${f(c.min)} ; ${f(c.max)}]`
        : c.min !== undefined ? `${nature} ${c.minExclu ? '>' : '≥'} ${f(c.min)}` : nature;
    this.erreur(joindre(chemin, cle), plage, v);
  }
  parmi(o: Record<string, unknown>, cle: string, chemin: string, valeurs: readonly string[]): void {
    if (!valeurs.includes(o[cle] as string)) this.erreur(joindre(chemin, cle), `l’une des valeurs ${valeurs.join(', ')}`, o[cle]);
  }
  /** Un tableau d'au plus `max` éléments (`quoi` : « médecins ») ; au-delà, ses éléments ne sont pas contrôlés. */
  tableau(o: Record<string, unknown>, cle: string, chemin: string, max?: { n: number; quoi: string }): unknown[] | null {
    const v = o[cle];
    if (!Array.isArray(v)) {
      this.erreur(joindre(chemin, cle), 'tableau', v);
      return null;
    }
    if (max && v.length > max.n) {
      this.erreurs.push(`${joindre(chemin, cle)} : au plus ${max.n} ${max.quoi} attendu (reçu : ${formatNombre(v.length)})`);
      return null;
    }
    return v;
  }
  inconnues(o: Record<string, unknown>, chemin: string, permises: string[]): void {
    for (const k of Object.keys(o)) if (!permises.includes(k)) this.erreurs.push(`${joindre(chemin, texteMontrable(k, 40))} : champ inconnu (champs permis : ${permises.join(', ')})`);
  }
}

export type ResultatValidation = { ok: true; scenario: Scenario } | { ok: false; erreurs: string[] };

export function validerScenario(x: unknown): ResultatValidation {
  const c = new Controle();
  const racine = c.objet(x, '(racine)');
  if (!racine) return { ok: false, erreurs: c.erreurs };
  c.inconnues(racine, '', ['$schema', 'version', 'centre', 'simulation', 'medecins', 'contrats', 'sip', 'aci']);
  if (racine.version !== VERSION_SCENARIO) c.erreur('version', `${VERSION_SCENARIO}`, racine.version);

  const centre = c.objet(racine.centre, 'centre');
  if (centre) {
    c.inconnues(centre, 'centre', ['nom', 'finess', 'commune', 'type', 'zone', 'qpv', 'ile', 'dateCreation', 'dateDemandePolyvalent', 'membreCptsEsp']);
    c.texte(centre, 'nom', 'centre');
    c.texte(centre, 'finess', 'centre', true);
    if (typeof centre.finess === 'string' && centre.finess !== '' && !/^\d[\dAB]\d{7}$/.test(centre.finess)) c.erreur('centre.finess', 'numéro FINESS à 9 caractères', centre.finess);
    c.texte(centre, 'commune', 'centre', true);
    c.parmi(centre, 'type', 'centre', TYPES);
    c.parmi(centre, 'zone', 'centre', ZONES);
    c.date(centre, 'dateCreation', 'centre');
    c.booleen(centre, 'membreCptsEsp', 'centre');
    for (const cle of ['qpv', 'ile']) if (centre[cle] !== undefined) c.booleen(centre, cle, 'centre');
    c.date(centre, 'dateDemandePolyvalent', 'centre', true);
  }
  const sim = c.objet(racine.simulation, 'simulation');
  if (sim) {
    c.inconnues(sim, 'simulation', ['debut', 'horizonAnnees']);
    c.date(sim, 'debut', 'simulation');
    c.nombre(sim, 'horizonAnnees', 'simulation', { min: 1, max: HORIZON_MAX, entier: true });
  }
  const medecins = c.tableau(racine, 'medecins', '', { n: LIMITES_SCENARIO.medecins, quoi: 'médecins' });
  medecins?.forEach((m, i) => {
    const p = `médecin n° ${i + 1}`;
    const o = c.objet(m, p);
    if (!o) return;
    c.inconnues(o, p, ['libelle', 'quotite', 'coutSalarialMensuel', 'honorairesMensuels', 'poste400', 'renouvellement400', 'debutContrat', 'conges', 'joursCstParAn', 'honorairesCstAnnuels', 'consultationsParMois']);
    c.texte(o, 'libelle', p);
    c.nombre(o, 'quotite', p, { min: 0, minExclu: true, max: 1 });
    c.nombre(o, 'coutSalarialMensuel', p, { min: 0 });
    if (o.honorairesMensuels !== undefined && o.honorairesMensuels !== null) c.nombre(o, 'honorairesMensuels', p, { min: 0 });
    c.booleen(o, 'poste400', p);
    if (o.renouvellement400 !== undefined) c.booleen(o, 'renouvellement400', p);
    c.date(o, 'debutContrat', p, true);
    c.nombre(o, 'joursCstParAn', p, { min: 0, max: 366 });
    c.nombre(o, 'honorairesCstAnnuels', p, { min: 0 });
    if (o.consultationsParMois !== undefined) c.nombre(o, 'consultationsParMois', p, { min: 0 });
    const conges = c.tableau(o, 'conges', p, { n: LIMITES_SCENARIO.congesParMedecin, quoi: 'congés par médecin' });
    conges?.forEach((cg, k) => {
      const q = `congé n° ${k + 1} du ${p}`;
      const co = c.objet(cg, q);
      if (!co) return;
      c.inconnues(co, q, ['debut', 'fin', 'salaireCharge', 'indemnitesJournalieres', 'salaireMaintenu']);
      c.date(co, 'debut', q);
      c.date(co, 'fin', q);
      if (typeof co.debut === 'string' && typeof co.fin === 'string' && co.fin < co.debut) c.erreur(joindre(q, 'fin'), `date postérieure ou égale au début (${co.debut})`, co.fin);
      c.nombre(co, 'salaireCharge', q, { min: 0 });
      c.nombre(co, 'indemnitesJournalieres', q, { min: 0 });
      c.booleen(co, 'salaireMaintenu', q);
    });
  });
  if (racine.contrats !== undefined) {
    const o = c.objet(racine.contrats, 'contrats');
    if (o) {
      c.inconnues(o, 'contrats', ['cai', 'cosco', 'cst']);
      for (const cle of ['cai', 'cosco', 'cst']) c.date(o, cle, 'contrats', true);
    }
  }
  if (racine.sip !== undefined) {
    const o = c.objet(racine.sip, 'sip');
    if (o) {
      c.inconnues(o, 'sip', ['nbProfessionnels', 'montantDevis', 'dateConvention', 'dateCloture']);
      c.date(o, 'dateConvention', 'sip', true);
      c.date(o, 'dateCloture', 'sip', true);
      c.nombre(o, 'nbProfessionnels', 'sip', { min: 1, entier: true });
      c.nombre(o, 'montantDevis', 'sip', { min: 0 });
    }
  }
  if (racine.aci !== undefined) {
    const o = c.objet(racine.aci, 'aci');
    if (o) {
      c.inconnues(o, 'aci', ['adhesion', 'patientele', 'indicateurs', 'dateSignature', 'nbProfessionnels']);
      c.date(o, 'dateSignature', 'aci', true);
      c.parmi(o, 'adhesion', 'aci', ADHESIONS);
      c.nombre(o, 'patientele', 'aci', { min: 0 });
      if (o.nbProfessionnels !== undefined) c.nombre(o, 'nbProfessionnels', 'aci', { min: 1, entier: true });
      const inds = c.tableau(o, 'indicateurs', 'aci', { n: LIMITES_SCENARIO.indicateursAci, quoi: 'indicateurs' });
      inds?.forEach((ind, k) => {
        const q = `indicateur ACI n° ${k + 1}`;
        const io = c.objet(ind, q);
        if (!io) return;
        c.inconnues(io, q, ['id', 'libelle', 'prerequis', 'nature', 'pointsFixes', 'pointsVariables', 'atteint']);
        c.texte(io, 'id', q, false, LIMITES_SCENARIO.longueurTexte);
        c.texte(io, 'libelle', q, false, LIMITES_SCENARIO.longueurTexte);
        c.booleen(io, 'prerequis', q);
        if (io.nature !== undefined) c.parmi(io, 'nature', q, NATURES);
        c.nombre(io, 'pointsFixes', q, { min: 0 });
        c.nombre(io, 'pointsVariables', q, { min: 0 });
        c.booleen(io, 'atteint', q);
      });
    }
  }
  // Cohérences entre champs
  if (centre && sim && typeof centre.dateCreation === 'string' && typeof sim.debut === 'string' && c.erreurs.length === 0 && sim.debut < (centre.dateCreation as string)) {
    c.erreur('simulation.debut', `date postérieure ou égale à la création du centre (${centre.dateCreation})`, sim.debut);
  }
  if (c.erreurs.length) return { ok: false, erreurs: c.erreurs };
  const { $schema: _s, ...scenario } = racine;
  void _s;
  return { ok: true, scenario: scenario as unknown as Scenario };
}

// Éligibilité d'un dispositif selon le territoire, la structure et la date du régime (politique
// régionale des centres de santé de l'ARS Bretagne §2.1, §2.2, §3.2 ; appel à candidatures SIP 2023).
// Le territoire est le zonage médecin (ZIP, ZAC, hors zone), auquel s'ajoutent deux repères : un
// quartier prioritaire de la ville (QPV) et les îles. Une date, quand elle est donnée, vérifie que le
// dispositif est ouvert à cette date (paramètre « …ouverte » du barème : contrats remplacés en 2026).
import { parametreDe, trouverValeur } from '../bareme/lecture';
import type { Bareme, Source } from '../bareme/types';
import { isoVersFrancais } from '../dates';
import { ErreurRegle } from '../erreurs';
import type { Resultat } from '../explication';
import { regle, resultat } from '../regle';
import { lecteurDeValeurs } from '../rapide/textes';
import { texteSource } from '../sources';

/** Zonage médecin. `QPV` est l'ancienne forme d'un scénario ou d'une formule : lue comme « hors zone, en QPV ». */
export const ZONES = ['ZIP', 'ZAC', 'QPV', 'HZ'] as const;
export type Zone = (typeof ZONES)[number];
export type ZoneMedecin = Exclude<Zone, 'QPV'>;
export const LIBELLES_ZONE: Record<Zone, string> = {
  ZIP: 'zone d’intervention prioritaire (ZIP)',
  ZAC: 'zone d’action complémentaire (ZAC)',
  HZ: 'hors zone',
  QPV: 'quartier prioritaire de la politique de la ville (QPV)',
};

export interface Territoire {
  zone: ZoneMedecin;
  qpv: boolean;
  ile: boolean;
}

/** Le territoire d'une zone saisie et des repères QPV et île. */
export function territoire(zone: Zone, qpv = false, ile = false): Territoire {
  return zone === 'QPV' ? { zone: 'HZ', qpv: true, ile } : { zone, qpv, ile };
}

export function texteTerritoire(t: Territoire): string {
  return [LIBELLES_ZONE[t.zone], t.qpv ? 'en QPV' : '', t.ile ? 'sur une île' : ''].filter(Boolean).join(', ');
}

export const STRUCTURES = ['MSP', 'CDS'] as const;
export type Structure = (typeof STRUCTURES)[number];
const LIBELLES_STRUCTURE: Record<Structure, string> = { MSP: 'maison de santé (MSP)', CDS: 'centre de santé' };

export const DISPOSITIFS = ['CAI', 'COSCO', 'CST', '400POSTES', 'SIP', 'AIDE_CDS'] as const;
export type Dispositif = (typeof DISPOSITIFS)[number];
export const LIBELLES_DISPOSITIF: Record<Dispositif, string> = {
  CAI: 'contrat d’aide à l’installation (CAI)',
  COSCO: 'contrat de stabilisation et de coordination (COSCO)',
  CST: 'contrat de solidarité territoriale (CST)',
  '400POSTES': 'garantie de salaire « 400 postes »',
  SIP: 'aide au système d’information partagé (SIP)',
  AIDE_CDS: 'aide démographique automatique des centres de santé',
};

interface RegleTerritoire {
  zones: readonly ZoneMedecin[];
  /** Un QPV (quel que soit le zonage médecin) suffit. */
  qpv: boolean;
  /** Une île suffit. */
  ile: boolean;
  condition: string;
  source: Source;
}

interface RegleDispositif {
  /** Public habituel (structure omise). */
  public: Structure;
  structures: Partial<Record<Structure, RegleTerritoire>>;
  /** Paramètre dont une valeur non nulle à la date dit que le dispositif est ouvert (signature possible). */
  ouverture: string;
}

const CDS = (section: string) => ({ document: 'politique_cds_bretagne', section });
const ZIP_SEULE = { zones: ['ZIP'] as const, qpv: false, ile: false, condition: 'centre situé en ZIP' };

const REGLES: Record<Dispositif, RegleDispositif> = {
  CAI: { public: 'CDS', ouverture: 'cai.signature_ouverte', structures: { CDS: { ...ZIP_SEULE, source: CDS('§2.1 CAI, « Territoires : ZIP »') } } },
  COSCO: { public: 'CDS', ouverture: 'cosco.signature_ouverte', structures: { CDS: { ...ZIP_SEULE, source: CDS('§2.1 COSCO, « Territoires : ZIP »') } } },
  CST: {
    public: 'CDS', ouverture: 'cst.signature_ouverte',
    structures: { CDS: { zones: ['ZAC', 'HZ'], qpv: false, ile: false, condition: 'centre situé hors ZIP', source: CDS('§2.1 CST, « Territoires : HORS ZIP »') } },
  },
  '400POSTES': {
    public: 'CDS', ouverture: 'postes400.duree_mois',
    structures: { CDS: { zones: ['ZIP', 'ZAC'], qpv: true, ile: false, condition: 'poste en ZIP, en ZAC ou en QPV (avec constat de carence)', source: CDS('§2.2, « Territoires : ZIP, ZAC, QPPV »') } },
  },
  SIP: {
    public: 'MSP', ouverture: 'sip.plafond.base',
    structures: {
      // Appel SIP 2023 : aucune condition de zone pour une MSP ; la fragilité de la zone n'est qu'un critère de priorité.
      MSP: { zones: ['ZIP', 'ZAC', 'HZ'], qpv: true, ile: true, condition: 'aucune condition de zone (critère de priorité seulement)', source: { document: 'aap_sip_2023', section: 'Conditions d’éligibilité' } },
      CDS: { zones: ['ZIP', 'ZAC'], qpv: true, ile: true, condition: 'centre en ZIP, en QPV, sur une île ou en ZAC', source: CDS('§3.2 Système d’information partagé, « Territoires : ZIP, QPPV et sur les îles en priorité et ZAC »') },
    },
  },
  AIDE_CDS: {
    public: 'CDS', ouverture: 'cds.aide_automatique.ouverte',
    structures: { CDS: { zones: ['ZIP', 'ZAC'], qpv: false, ile: false, condition: 'centre en ZIP ou en ZAC', source: { document: 'ars_hdf_centres_sante', section: '« A compter du 1er janvier 2026 »' } } },
  },
};

const ALIAS_ZONE: Record<string, Zone> = { 'HORS ZONE': 'HZ', HORSZONE: 'HZ', QPPV: 'QPV' };
const ALIAS_DISPOSITIF: Record<string, Dispositif> = { '400 POSTES': '400POSTES', POSTES400: '400POSTES', '400': '400POSTES', 'AIDE CDS': 'AIDE_CDS' };

/** La zone d'un texte (casse et alias indifférents), ou undefined : sans erreur, pour le chemin rapide. */
export const zoneLue = lecteurDeValeurs(ZONES, ALIAS_ZONE);
export const dispositifLu = lecteurDeValeurs(DISPOSITIFS, ALIAS_DISPOSITIF);
export const structureLue = lecteurDeValeurs(STRUCTURES);

export function lireZone(texte: string, nom = 'zone'): Zone {
  const z = zoneLue(texte);
  if (!z) throw new ErreurRegle('#VALEUR!', `${nom} : « ${texte} » inconnue ; valeurs permises : ${ZONES.join(', ')}`, nom);
  return z;
}

export function lireDispositif(texte: string, nom = 'dispositif'): Dispositif {
  const d = dispositifLu(texte);
  if (!d) throw new ErreurRegle('#VALEUR!', `${nom} : « ${texte} » inconnu ; valeurs permises : ${DISPOSITIFS.join(', ')}`, nom);
  return d;
}

export function lireStructure(texte: string, nom = 'structure'): Structure {
  const s = structureLue(texte);
  if (!s) throw new ErreurRegle('#VALEUR!', `${nom} : « ${texte} » inconnue ; valeurs permises : ${STRUCTURES.join(', ')}`, nom);
  return s;
}

/** Le dispositif est-il ouvert (signature possible) à cette date ? Motif du refus, ou null. */
export function motifFermeture(bareme: Bareme, dispositif: Dispositif, date: string): string | null {
  const id = REGLES[dispositif].ouverture;
  let valeur: string | null;
  try {
    valeur = trouverValeur(bareme, id, date).valeur.valeur;
  } catch {
    return `${LIBELLES_DISPOSITIF[dispositif]} : pas en vigueur au ${isoVersFrancais(date)}`;
  }
  if (valeur !== null && Number(valeur) !== 0) return null;
  const { valeur: v } = trouverValeur(bareme, id, date);
  return `${LIBELLES_DISPOSITIF[dispositif]} : plus de signature possible au ${isoVersFrancais(date)}${v.note ? ` (${v.note})` : ''} — ${texteSource(v.source)}`;
}

/**
 * Premier jour où plus aucune signature n'est possible (valeur 0 du paramètre d'ouverture au barème,
 * ex. cai.signature_ouverte au 01/01/2026), ou null si le barème n'en connaît pas.
 */
export function dateFermeture(bareme: Bareme, dispositif: Dispositif): string | null {
  return parametreDe(bareme, REGLES[dispositif].ouverture)?.valeurs.find((v) => v.valeur !== null && Number(v.valeur) === 0)?.du ?? null;
}

/** Le paramètre du barème dont une valeur non nulle dit que le dispositif est ouvert. */
export function parametreOuverture(dispositif: Dispositif): string {
  return REGLES[dispositif].ouverture;
}

/** Structure à laquelle le dispositif s'adresse d'habitude (structure omise). */
export function publicDe(dispositif: Dispositif): Structure {
  return REGLES[dispositif].public;
}

function couvre(r: RegleTerritoire, t: Territoire): boolean {
  return r.zones.includes(t.zone) || (r.qpv && t.qpv) || (r.ile && t.ile);
}

/** Le dispositif est-il permis pour ce territoire et cette structure (sans le motif : chemin rapide) ? */
export function permisTerritoire(dispositif: Dispositif, t: Territoire, structure: Structure): boolean {
  const r = REGLES[dispositif].structures[structure];
  return r !== undefined && couvre(r, t);
}

/** Motif du refus d'un dispositif pour ce territoire et cette structure, ou null s'il y est permis. */
export function motifRefusTerritoire(dispositif: Dispositif, t: Territoire, structure: Structure = REGLES[dispositif].public): string | null {
  const r = REGLES[dispositif].structures[structure];
  if (!r) return `${LIBELLES_DISPOSITIF[dispositif]} : non ouvert à une ${LIBELLES_STRUCTURE[structure]}`;
  if (couvre(r, t)) return null;
  return `${LIBELLES_DISPOSITIF[dispositif]} non accessible en ${texteTerritoire(t)} : ${r.condition} (${texteSource(r.source)})`;
}

/** SIP.ELIGIBLE : territoire et structure ; avec une date, le dispositif doit aussi y être ouvert. */
export function eligibleTerritoire(bareme: Bareme, e: { dispositif: Dispositif; territoire: Territoire; structure: Structure | null; date: string | null }): Resultat<boolean> {
  const structure = e.structure ?? REGLES[e.dispositif].public;
  const refus = motifRefusTerritoire(e.dispositif, e.territoire, structure) ?? (e.date ? motifFermeture(bareme, e.dispositif, e.date) : null);
  const r = REGLES[e.dispositif].structures[structure];
  const source = r?.source ?? REGLES[e.dispositif].structures[REGLES[e.dispositif].public]!.source;
  return resultat(refus === null, regle(`eligibilite.${e.dispositif}`, `Éligibilité : ${LIBELLES_DISPOSITIF[e.dispositif]} (${LIBELLES_STRUCTURE[structure]})`, source), null,
    { dispositif: e.dispositif, zone: e.territoire.zone, structure, qpv: e.territoire.qpv, date: e.date },
    () => (refus === null ? `${texteTerritoire(e.territoire)} : éligible (${r?.condition})` : `non éligible : ${refus}`));
}

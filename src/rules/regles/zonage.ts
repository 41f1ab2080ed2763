// Éligibilité de chaque aide selon la zone (REGLES.md §5 ; 004 §2.1 et §2.2 ; 001 pour le SIP).
import { Source } from '../bareme/types';
import { ErreurRegle } from '../erreurs';
import { Resultat } from '../explication';
import { regle, resultat } from '../regle';

export const ZONES = ['ZIP', 'ZAC', 'QPV', 'HZ'] as const;
export type Zone = (typeof ZONES)[number];
export const LIBELLES_ZONE: Record<Zone, string> = {
  ZIP: 'zone d’intervention prioritaire (ZIP)',
  ZAC: 'zone d’action complémentaire (ZAC)',
  QPV: 'quartier prioritaire de la politique de la ville (QPV)',
  HZ: 'hors zone',
};

export const DISPOSITIFS = ['CAI', 'COSCO', 'CST', '400POSTES', 'SIP'] as const;
export type Dispositif = (typeof DISPOSITIFS)[number];
export const LIBELLES_DISPOSITIF: Record<Dispositif, string> = {
  CAI: 'contrat d’aide à l’installation (CAI)',
  COSCO: 'contrat de stabilisation et de coordination (COSCO)',
  CST: 'contrat de solidarité territoriale (CST)',
  '400POSTES': 'garantie de salaire « 400 postes »',
  SIP: 'aide au système d’information partagé (SIP)',
};

interface RegleZone {
  zones: readonly Zone[];
  condition: string;
  source: Source;
}

const REGLES_ZONE: Record<Dispositif, RegleZone> = {
  CAI: { zones: ['ZIP'], condition: 'centre situé en ZIP', source: { document: '004', section: '§2.1 CAI, « Territoires : ZIP »' } },
  COSCO: { zones: ['ZIP'], condition: 'centre situé en ZIP', source: { document: '004', section: '§2.1 COSCO, « Territoires : ZIP »' } },
  CST: { zones: ['ZAC', 'QPV', 'HZ'], condition: 'centre situé hors ZIP', source: { document: '004', section: '§2.1 CST, « Territoires : HORS ZIP »' } },
  '400POSTES': { zones: ['ZIP', 'ZAC', 'QPV'], condition: 'poste situé en ZIP, ZAC ou QPV (avec constat de carence)', source: { document: '004', section: '§2.2, « Territoires : ZIP, ZAC, QPPV »' } },
  // 001 : aucune condition de zone ; la fragilité de la zone n'est qu'un critère de priorité.
  SIP: { zones: ZONES, condition: 'aucune condition de zone (critère de priorité seulement)', source: { document: '001', section: 'Conditions d’éligibilité' } },
};

const ALIAS_ZONE: Record<string, Zone> = { 'HORS ZONE': 'HZ', HORSZONE: 'HZ', QPPV: 'QPV' };
const ALIAS_DISPOSITIF: Record<string, Dispositif> = { '400 POSTES': '400POSTES', POSTES400: '400POSTES', '400': '400POSTES' };

export function lireZone(texte: string, nom = 'zone'): Zone {
  const t = texte.trim().toUpperCase();
  const z = (ZONES as readonly string[]).includes(t) ? (t as Zone) : ALIAS_ZONE[t];
  if (!z) throw new ErreurRegle('#VALEUR!', `${nom} : « ${texte} » inconnue ; valeurs permises : ${ZONES.join(', ')}`, nom);
  return z;
}

export function lireDispositif(texte: string, nom = 'dispositif'): Dispositif {
  const t = texte.trim().toUpperCase();
  const d = (DISPOSITIFS as readonly string[]).includes(t) ? (t as Dispositif) : ALIAS_DISPOSITIF[t];
  if (!d) throw new ErreurRegle('#VALEUR!', `${nom} : « ${texte} » inconnu ; valeurs permises : ${DISPOSITIFS.join(', ')}`, nom);
  return d;
}

export function eligibleZone(dispositif: Dispositif, zone: Zone): Resultat<boolean> {
  const r = REGLES_ZONE[dispositif];
  const ok = r.zones.includes(zone);
  return resultat(ok, regle(`eligibilite.${dispositif}`, `Éligibilité du ${LIBELLES_DISPOSITIF[dispositif]} : ${r.condition}`, r.source), null,
    { dispositif, zone },
    () => ok ? `${LIBELLES_ZONE[zone]} : éligible (${r.condition})` : `${LIBELLES_ZONE[zone]} : non éligible, condition : ${r.condition}`);
}

/** Message de refus d'une aide dans une zone, ou null si l'aide y est permise. */
export function motifRefusZone(dispositif: Dispositif, zone: Zone): string | null {
  const r = REGLES_ZONE[dispositif];
  return r.zones.includes(zone) ? null : `${LIBELLES_DISPOSITIF[dispositif]} non accessible en ${LIBELLES_ZONE[zone]} : ${r.condition} (${r.source.document} ${r.source.section})`;
}

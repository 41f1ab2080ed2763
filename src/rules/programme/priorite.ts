// Rang de priorité des candidatures éligibles (appel SIP 2023 : « en premier lieu, les maisons de santé
// adhérant déjà à l'ACI et, dans un second temps, le niveau de maturité de l'équipe » ; appel SIP 2017 :
// « le niveau de fragilité de la zone »), puis un départage explicite et déterministe.
import { isoVersFrancais } from '../dates';
import { Zone } from '../regles/zonage';
import { formatNombre } from '../format';
import { texteSource } from '../sources';
import { Candidature, LIBELLES_ACI } from './types';

/** Appel SIP 2023 : les adhérentes d'abord. 'non' n'est jamais classé (non éligible). */
const ORDRE_ACI: Record<Candidature['aci'], number> = { adherent: 0, engagement: 1, non: 2 };

/** Appel SIP 2017 : fragilité de la zone, de la plus fragile à la moins fragile (ordre retenu, à confirmer). */
export const ORDRE_ZONES: readonly Zone[] = ['ZIP', 'QPV', 'ZAC', 'HZ'];
const RANG_ZONE: Record<Zone, number> = { ZIP: 0, QPV: 1, ZAC: 2, HZ: 3 };

const COLLATION = new Intl.Collator('fr', { sensitivity: 'base', numeric: true });

export const REGLE_CLASSEMENT: readonly string[] = [
  `1. MSP déjà adhérentes à l’ACI, puis MSP qui s’engagent à y adhérer dans l’année (${texteSource({ document: 'aap_sip_2023', section: 'conditions d’éligibilité' })})`,
  `2. maturité de la coordination, du score le plus élevé au plus faible ; sans score en dernier (${texteSource({ document: 'aap_sip_2023', section: 'conditions d’éligibilité' })})`,
  `3. fragilité de la zone : ${ORDRE_ZONES.join(' > ')} (${texteSource({ document: 'aap_sip_2017', section: 'conditions d’éligibilité' })} ; ordre à confirmer)`,
  '4. à égalité : date de candidature la plus ancienne d’abord (sans date en dernier)',
  '5. puis nom de la MSP (ordre alphabétique français), puis ordre du fichier',
];

interface Cle {
  index: number;
  aci: number;
  /** −maturité (tri croissant = maturité décroissante) ; +∞ si absente. */
  maturite: number;
  zone: number;
  date: string;
  nom: string;
}

function cle(c: Candidature, index: number): Cle {
  return {
    index,
    aci: ORDRE_ACI[c.aci],
    maturite: c.maturite === null || c.maturite === undefined ? Number.POSITIVE_INFINITY : -c.maturite,
    zone: RANG_ZONE[c.zone],
    // « ~ » se classe après tout chiffre : une candidature sans date passe après les datées.
    date: c.dateCandidature ?? '~',
    nom: c.nom,
  };
}

function comparer(a: Cle, b: Cle): number {
  return (
    a.aci - b.aci ||
    (a.maturite === b.maturite ? 0 : a.maturite < b.maturite ? -1 : 1) ||
    a.zone - b.zone ||
    (a.date === b.date ? 0 : a.date < b.date ? -1 : 1) ||
    COLLATION.compare(a.nom, b.nom) ||
    a.index - b.index
  );
}

/** Indices des candidatures données, dans l'ordre de priorité. */
export function ordonner(candidatures: readonly Candidature[], indices: readonly number[]): number[] {
  return indices.map((i) => cle(candidatures[i], i)).sort(comparer).map((k) => k.index);
}

/** Les critères de priorité d'une candidature, lisibles. */
export function criteres(c: Candidature): string {
  const morceaux = [`ACI : ${LIBELLES_ACI[c.aci]}`];
  morceaux.push(c.maturite === null || c.maturite === undefined ? 'maturité : non renseignée' : `maturité : ${formatNombre(c.maturite)}`);
  morceaux.push(`zone : ${c.zone}`);
  morceaux.push(c.dateCandidature ? `candidature du ${isoVersFrancais(c.dateCandidature)}` : 'date de candidature : non renseignée');
  return morceaux.join(' ; ');
}

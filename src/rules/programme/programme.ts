// Le programme SIP de l'année : éligibilité, rang, aide (moteur SIP), décision au regard de
// l'enveloppe, échéancier 80 % / 20 % et totaux par mois et par année. Pur : ni Office ni fichier.
import { LecteurBareme } from '../bareme/lecture';
import { Bareme, Source } from '../bareme/types';
import { verifierIso } from '../dates';
import { Decimal, ZERO } from '../decimal';
import { ErreurRegle } from '../erreurs';
import { Interpretation, ParametreUtilise, Resultat } from '../explication';
import { formatEuros } from '../format';
import { texteSource } from '../sources';
import { aideSip, versementSip } from '../regles/sip';
import { motifsIneligibilite } from './eligibilite';
import { criteres, ordonner, ORDRE_ZONES, REGLE_CLASSEMENT } from './priorite';
import { AppelResolu, Candidature, LigneProgramme, ParametresAppel, Programme, TotalAnnee, TotalMois } from './types';

const SOURCE_OUTIL: Source = { document: 'interpretation_simulateur', section: 'Programme SIP de l’année : règle de gestion retenue par l’outil, à valider par l’ARS' };
const SOURCE_PRIORITE_001: Source = { document: 'aap_sip_2023', section: 'Conditions d’éligibilité : « en premier lieu, sur les maisons de santé adhérant déjà à l’ACI et, dans un second temps, sur le niveau de maturité de l’équipe »' };
const SOURCE_ZONE_000: Source = { document: 'aap_sip_2017', section: 'Conditions d’éligibilité : « dans un second temps, sur le niveau de fragilité de la zone considérée »' };
const MOIS = /^(\d{4})-(0[1-9]|1[0-2])$/;

function verifierMois(texte: string, nom: string): string {
  if (!MOIS.test(texte)) throw new ErreurRegle('#VALEUR!', `${nom} : mois attendu au format AAAA-MM (reçu : « ${texte} »)`, nom);
  return texte;
}

const moisTexte = (annee: number, mois: number) => `${String(annee).padStart(4, '0')}-${String(mois).padStart(2, '0')}`;

function entierDans(nom: string, v: Decimal, min: number, max: number): number {
  if (!v.isFinite() || !v.isInteger() || v.lessThan(min) || v.greaterThan(max)) {
    throw new ErreurRegle('#NOMBRE!', `${nom} : entier dans [${min} ; ${max}] attendu au barème (reçu : ${v.toString()})`, nom);
  }
  return v.toNumber();
}

/** Contrôle les paramètres de l'appel et fixe le calendrier (barème, sauf mois saisis). */
export function resoudreAppel(bareme: Bareme, p: ParametresAppel): { appel: AppelResolu; lecteur: LecteurBareme } {
  if (!Number.isInteger(p.annee) || p.annee < 2000 || p.annee > 2100) {
    throw new ErreurRegle('#NOMBRE!', `annee : entier dans [2000 ; 2100] attendu (reçu : ${String(p.annee)})`, 'annee');
  }
  let enveloppe: Decimal;
  try {
    enveloppe = new Decimal(typeof p.enveloppe === 'string' ? p.enveloppe.replace(/[\s\u00a0\u202f€]/g, '').replace(',', '.') : p.enveloppe);
  } catch {
    throw new ErreurRegle('#VALEUR!', `enveloppe : montant en euros ≥ 0 attendu (reçu : « ${String(p.enveloppe)} »)`, 'enveloppe');
  }
  if (!enveloppe.isFinite() || enveloppe.isNegative() || enveloppe.decimalPlaces() > 2) {
    throw new ErreurRegle('#NOMBRE!', `enveloppe : montant en euros ≥ 0, au centime près, attendu (reçu : ${String(p.enveloppe)})`, 'enveloppe');
  }
  const maxSites = p.maxSites ?? null;
  if (maxSites !== null && (!Number.isInteger(maxSites) || maxSites < 1)) {
    throw new ErreurRegle('#NOMBRE!', `maxSites : entier ≥ 1 attendu, ou aucun (reçu : ${String(maxSites)})`, 'maxSites');
  }
  const dateBareme = verifierIso(p.dateBareme ?? `${p.annee}-01-01`, 'dateBareme');
  const lecteur = new LecteurBareme(bareme, dateBareme);
  let moisConvention: string;
  if (p.moisConvention) moisConvention = verifierMois(p.moisConvention, 'moisConvention');
  else moisConvention = moisTexte(p.annee, entierDans('sip.calendrier.mois_convention', lecteur.valeur('sip.calendrier.mois_convention'), 1, 12));
  let moisSolde: string;
  if (p.moisSolde) moisSolde = verifierMois(p.moisSolde, 'moisSolde');
  else {
    const mois = entierDans('sip.calendrier.mois_solde', lecteur.valeur('sip.calendrier.mois_solde'), 1, 12);
    const decalage = entierDans('sip.calendrier.annees_avant_solde', lecteur.valeur('sip.calendrier.annees_avant_solde'), 0, 5);
    moisSolde = moisTexte(p.annee + decalage, mois);
  }
  if (moisSolde < moisConvention) {
    throw new ErreurRegle('#VALEUR!', `moisSolde : le solde (${moisSolde}) ne peut précéder la convention (${moisConvention})`, 'moisSolde');
  }
  return {
    lecteur,
    appel: {
      annee: p.annee,
      enveloppe,
      financementPartiel: p.financementPartiel === true,
      maxSites,
      dateBareme,
      moisConvention,
      moisSolde,
      origineCalendrier: { convention: p.moisConvention ? 'saisi' : 'bareme', solde: p.moisSolde ? 'saisi' : 'bareme' },
    },
  };
}

/** Cache des aides : l'aide ne dépend que du devis et du nombre de professionnels (même date). */
type CacheAide = Map<string, Resultat>;

function aide(bareme: Bareme, cache: CacheAide, c: Candidature, date: string): Resultat {
  const k = `${c.montantDevis}|${c.nbProfessionnels}`;
  let r = cache.get(k);
  if (!r) {
    r = aideSip(bareme, { montantDevis: new Decimal(c.montantDevis), nbProfessionnels: new Decimal(c.nbProfessionnels), date });
    cache.set(k, r);
  }
  return r;
}

function interpretations(appel: AppelResolu): Interpretation[] {
  const i: Interpretation[] = [
    {
      texte: 'Priorité : MSP déjà adhérentes à l’ACI, puis MSP engagées à y adhérer dans l’année ; puis maturité de la coordination (score le plus élevé d’abord).',
      statut: 'confirme',
      source: SOURCE_PRIORITE_001,
    },
    { texte: 'Une candidature sans score de maturité passe après celles qui en ont un, à statut ACI égal.', statut: 'a_confirmer', source: SOURCE_OUTIL },
    {
      texte: `À maturité égale : fragilité de la zone, ${ORDRE_ZONES.join(' > ')} (critère de l’appel 2017 ; ordre des zones retenu par l’outil).`,
      statut: 'a_confirmer',
      source: SOURCE_ZONE_000,
    },
    {
      texte: 'Départage : date de candidature la plus ancienne d’abord (sans date en dernier), puis nom de la MSP (ordre alphabétique français), puis ordre du fichier.',
      statut: 'a_confirmer',
      source: SOURCE_OUTIL,
    },
    {
      texte: appel.financementPartiel
        ? 'Enveloppe parcourue dans l’ordre de priorité : une candidature est financée si son aide entière tient dans le reste ; financement partiel autorisé : la première qui ne tient pas reçoit le reste de l’enveloppe (80 % / 20 % calculés sur ce reste), l’enveloppe est alors épuisée.'
        : 'Enveloppe parcourue dans l’ordre de priorité : une candidature est financée si son aide entière tient dans le reste ; sinon elle passe en liste d’attente et la suivante qui tient est financée (pas de financement partiel).',
      statut: 'a_confirmer',
      source: SOURCE_OUTIL,
    },
  ];
  if (appel.maxSites !== null) {
    i.push({
      texte: `Au plus ${appel.maxSites} site(s) financé(s) ; au-delà, liste d’attente (appel à candidatures SIP 2023 : « limité à une dizaine »).`,
      statut: 'confirme',
      source: { document: 'aap_sip_2023', section: 'Conditions d’éligibilité : « Le nombre de MSP pouvant être accompagnées étant limité à une dizaine »' },
    });
  }
  return i;
}

class Parametres {
  private readonly vus = new Set<string>();
  readonly liste: ParametreUtilise[] = [];
  readonly avertissements: string[] = [];
  ajouter(r: Resultat | null): void {
    if (!r) return;
    for (const p of r.explication.parametres) {
      const k = `${p.id}@${p.du}`;
      if (!this.vus.has(k)) {
        this.vus.add(k);
        this.liste.push(p);
      }
    }
    for (const a of r.explication.avertissements) if (!this.avertissements.includes(a)) this.avertissements.push(a);
  }
}

/** Classe les candidatures et répartit l'enveloppe. */
export function calculerProgramme(bareme: Bareme, candidatures: readonly Candidature[], parametres: ParametresAppel): Programme {
  const { appel, lecteur } = resoudreAppel(bareme, parametres);
  const date = appel.dateBareme;
  const cache: CacheAide = new Map();
  const params = new Parametres();
  params.liste.push(...lecteur.utilises);
  params.avertissements.push(...lecteur.avertissements);

  const lignes: LigneProgramme[] = candidatures.map((c, index) => {
    const motifs = motifsIneligibilite(c);
    const a = aide(bareme, cache, c, date);
    params.ajouter(a);
    return {
      index,
      candidature: c,
      eligible: motifs.length === 0,
      motifs,
      aide: a,
      rang: null,
      criteres: criteres(c),
      decision: 'non_eligible',
      rangAttente: null,
      montantAttribue: ZERO,
      versementConvention: null,
      versementSolde: null,
      resteAvant: null,
      resteApres: null,
      justification: `non éligible : ${motifs.map((m) => m.texte).join(' ; ')}`,
    };
  });

  const ordre = ordonner(candidatures, lignes.filter((l) => l.eligible).map((l) => l.index));
  let reste = appel.enveloppe;
  let nbSites = 0;
  let nbAttente = 0;
  const parMois = new Map<string, TotalMois>();
  const ajouterMois = (mois: string, convention: Decimal, solde: Decimal) => {
    const t = parMois.get(mois) ?? { mois, convention: ZERO, solde: ZERO, total: ZERO };
    t.convention = t.convention.plus(convention);
    t.solde = t.solde.plus(solde);
    t.total = t.convention.plus(t.solde);
    parMois.set(mois, t);
  };

  ordre.forEach((index, position) => {
    const l = lignes[index];
    l.rang = position + 1;
    l.resteAvant = reste;
    const montant = l.aide.valeur;
    const m = formatEuros(montant);
    const r = formatEuros(reste);
    if (appel.maxSites !== null && nbSites >= appel.maxSites) {
      l.decision = 'attente';
      l.justification = `nombre maximal de sites atteint (${appel.maxSites}) : liste d’attente`;
    } else if (montant.lessThanOrEqualTo(reste)) {
      l.decision = 'financee';
      l.montantAttribue = montant;
      reste = reste.minus(montant);
      l.justification = `aide ${m} ≤ reste de l’enveloppe ${r} : financée ; reste ${formatEuros(reste)}`;
    } else if (appel.financementPartiel && reste.greaterThan(0)) {
      l.decision = 'partielle';
      l.montantAttribue = reste;
      l.justification = `aide ${m} > reste de l’enveloppe ${r} : financement partiel autorisé, ${r} attribués ; enveloppe épuisée`;
      reste = ZERO;
    } else {
      l.decision = 'attente';
      l.justification = reste.isZero()
        ? `aide ${m} > reste de l’enveloppe ${r} (enveloppe épuisée) : liste d’attente`
        : appel.financementPartiel
          ? `aide ${m} > reste de l’enveloppe ${r} : liste d’attente`
          : `aide ${m} > reste de l’enveloppe ${r} : liste d’attente (pas de financement partiel) ; on passe à la candidature suivante`;
    }
    l.resteApres = reste;
    if (l.decision === 'attente') {
      l.rangAttente = ++nbAttente;
      return;
    }
    nbSites++;
    l.versementConvention = versementSip(bareme, { montantAide: l.montantAttribue, numero: new Decimal(1), date });
    l.versementSolde = versementSip(bareme, { montantAide: l.montantAttribue, numero: new Decimal(2), date });
    params.ajouter(l.versementConvention);
    params.ajouter(l.versementSolde);
    ajouterMois(appel.moisConvention, l.versementConvention.valeur, ZERO);
    ajouterMois(appel.moisSolde, ZERO, l.versementSolde.valeur);
  });

  const classees = ordre.map((i) => lignes[i]);
  const nonEligibles = lignes.filter((l) => !l.eligible);
  const mois = [...parMois.values()].sort((a, b) => (a.mois < b.mois ? -1 : 1));
  const parAnnee: TotalAnnee[] = [];
  for (const t of mois) {
    const annee = Number(t.mois.slice(0, 4));
    const dernier = parAnnee[parAnnee.length - 1];
    if (dernier && dernier.annee === annee) dernier.total = dernier.total.plus(t.total);
    else parAnnee.push({ annee, total: t.total });
  }
  const attribue = classees.reduce((s, l) => s.plus(l.montantAttribue), ZERO);
  const avertissements = [...params.avertissements];
  const hypotheses = params.liste.filter((p) => p.statut === 'hypothese');
  if (hypotheses.length) {
    avertissements.push(
      `Hypothèse : les aides reposent sur des chiffres non publiés (${hypotheses.map((p) => `${p.id} = ${p.valeur ?? 'aucun'}`).join(' ; ')} ; ${texteSource(hypotheses[0].source)}) — à remplacer par les valeurs de l’ARS ; chaque aide, décision et total en dépend.`,
    );
  }
  return {
    appel,
    lignes: [...classees, ...nonEligibles],
    totaux: {
      nbCandidatures: lignes.length,
      nbEligibles: classees.length,
      nbFinancees: classees.filter((l) => l.decision === 'financee').length,
      nbPartielles: classees.filter((l) => l.decision === 'partielle').length,
      nbAttente: nbAttente,
      nbNonEligibles: nonEligibles.length,
      demandeEligible: classees.reduce((s, l) => s.plus(l.aide.valeur), ZERO),
      attribue,
      resteEnveloppe: reste,
      parMois: mois,
      parAnnee,
    },
    regleClassement: [...REGLE_CLASSEMENT],
    parametres: params.liste,
    interpretations: interpretations(appel),
    avertissements,
  };
}

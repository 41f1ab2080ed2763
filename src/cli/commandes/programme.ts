// `sip programme candidatures.json|.xlsx --enveloppe 250000 [--partiel] [--max-sites 10] [-o programme.xlsx] [--json]`
// Classe les candidatures SIP de l'année, répartit l'enveloppe et donne l'échéancier 80 % / 20 %.
// Jusqu'à 100 000 candidatures : le classeur est écrit en flux (exceljs en continu, écriture sûre),
// la sortie --json aussi.
import * as path from 'path';
import { BAREME_PAR_DEFAUT } from '../../rules/bareme/donnees';
import { LIBELLES_STATUT } from '../../rules/bareme/types';
import { aujourdhuiIso, isoVersFrancais } from '../../rules/dates';
import { Decimal } from '../../rules/decimal';
import { ErreurRegle } from '../../rules/erreurs';
import { formatEuros, formatNombre } from '../../rules/format';
import { calculerProgramme } from '../../rules/programme/programme';
import { ErreurCandidatures, lireFichierJson, MAX_CANDIDATURES } from '../../rules/programme/lecture';
import { Candidature, LigneProgramme, ParametresAppel, Programme } from '../../rules/programme/types';
import { DATE_MAX, DATE_MIN, texteMontrable } from '../../rules/scenario/bornes';
import { decisionCourte, feuilleProgrammeEnFlux, libelleMois } from '../../workbook/programme/feuille-programme';
import { lireJsonBorne, lireXlsxBorne, LIMITES_ENTREES } from '../entrees';
import { ErreurCli, ErreurUsage } from '../erreurs';
import { ecrireFichierEnFlux, verifierCible } from '../fichiers';
import { Io } from '../io';
import { ecrireJsonEnFlux, lignesDesElements } from '../json';
import { DeclarationOption, dateSaisie, lireCheminXlsx, lireDateOption, lireEntierOption, lireMontantOption, lireOptions } from '../options';

export const OPTIONS_PROGRAMME: readonly DeclarationOption[] = [
  { nom: '--enveloppe', exemple: '250000' },
  { nom: '--annee', exemple: '2023' },
  { nom: '--partiel' },
  { nom: '--max-sites', exemple: '10' },
  { nom: '--date', exemple: '01/01/2023' },
  { nom: '-o', alias: ['--sortie'], exemple: 'programme.xlsx' },
  { nom: '--force' },
  { nom: '--json' },
];

const USAGE = [
  'Usage : sip programme candidatures.json|candidatures.xlsx --enveloppe 250000 [--annee 2023] [--partiel] [--max-sites 10]',
  '                     [--date JJ/MM/AAAA] [-o programme.xlsx [--force]] [--json]',
  '  --enveloppe   enveloppe annuelle en euros (ou « appel.enveloppe » du fichier JSON)',
  '  --annee       année de l’appel (ou « appel.annee » ; par défaut l’année en cours)',
  '  --partiel     autorise le financement partiel du premier candidat qui ne tient pas dans le reste',
  '  --max-sites   nombre maximal de sites financés (001 : « une dizaine »)',
  '  --date        date de lecture du barème, JJ/MM/AAAA ou AAAA-MM-JJ (par défaut le 1er janvier de l’année de l’appel)',
  '  -o, --sortie  écrit la feuille « Programme SIP » dans un classeur .xlsx (--force pour remplacer un fichier existant)',
  '  --json        sortie JSON (pour les machines)',
  `  Au plus ${LIMITES_ENTREES.jsonCandidatures / 1024 / 1024} Mo de JSON ou ${LIMITES_ENTREES.xlsxOctets / 1024 / 1024} Mo de classeur, et ${formatNombre(MAX_CANDIDATURES)} candidatures.`,
];

/** Une valeur reçue du fichier, montrable (abrégée, sans caractère de contrôle). */
const recu = (v: unknown) => texteMontrable(JSON.stringify(v) ?? String(v), 60);

const ANNEE_MIN = Number(DATE_MIN.slice(0, 4));
const ANNEE_MAX = Number(DATE_MAX.slice(0, 4));

interface OptionsAppel {
  enveloppe?: string;
  annee?: string;
  partiel: boolean;
  maxSites?: string;
  /** --date, déjà convertie en AAAA-MM-JJ. */
  date?: string;
}

/** Année de l'appel : --annee, sinon « appel.annee » du fichier, sinon l'année en cours. */
function anneeAppel(fichier: Record<string, unknown>, o: OptionsAppel, io: Io): number {
  if (o.annee !== undefined) return lireEntierOption(o.annee, '--annee', ANNEE_MIN, ANNEE_MAX);
  const a = fichier.annee;
  if (a === undefined) return Number((io.aujourdhui ?? aujourdhuiIso()).slice(0, 4));
  if (typeof a !== 'number' || !Number.isInteger(a) || a < ANNEE_MIN || a > ANNEE_MAX) throw new ErreurCli(`appel.annee : entier entre ${ANNEE_MIN} et ${ANNEE_MAX} attendu (reçu : ${recu(a)})`, 1);
  return a;
}

/** Paramètres de l'appel : ceux du fichier, remplacés par ceux de la ligne de commande. */
function parametres(fichier: Record<string, unknown>, o: OptionsAppel, io: Io): ParametresAppel {
  const annee = anneeAppel(fichier, o, io);
  let enveloppe: string;
  if (o.enveloppe !== undefined) enveloppe = lireMontantOption(o.enveloppe, '--enveloppe');
  else if (typeof fichier.enveloppe === 'number' || typeof fichier.enveloppe === 'string') enveloppe = lireMontantOption(String(fichier.enveloppe), 'appel.enveloppe');
  else throw new ErreurUsage('--enveloppe : enveloppe annuelle en euros attendue (ex. --enveloppe 250000), ou « appel.enveloppe » dans le fichier JSON');
  const partielFichier = fichier.financementPartiel;
  if (partielFichier !== undefined && typeof partielFichier !== 'boolean') throw new ErreurCli(`appel.financementPartiel : true ou false attendu (reçu : ${recu(partielFichier)})`, 1);
  let maxSites: number | null = null;
  if (o.maxSites !== undefined) maxSites = lireEntierOption(o.maxSites, '--max-sites', 1, 100_000);
  else if (fichier.maxSites !== undefined && fichier.maxSites !== null) {
    if (typeof fichier.maxSites !== 'number' || !Number.isInteger(fichier.maxSites) || fichier.maxSites < 1) throw new ErreurCli(`appel.maxSites : entier ≥ 1 attendu (reçu : ${recu(fichier.maxSites)})`, 1);
    maxSites = fichier.maxSites;
  }
  const texte = (cle: string) => {
    const v = fichier[cle];
    if (v === undefined || v === null) return undefined;
    if (typeof v !== 'string') throw new ErreurCli(`appel.${cle} : texte attendu (reçu : ${recu(v)})`, 1);
    return v;
  };
  let dateBareme = o.date;
  const dateFichier = texte('dateBareme');
  if (dateBareme === undefined && dateFichier !== undefined) {
    const iso = dateSaisie(dateFichier);
    if (!iso || iso < DATE_MIN || iso > DATE_MAX) throw new ErreurCli(`appel.dateBareme : date JJ/MM/AAAA ou AAAA-MM-JJ entre le ${isoVersFrancais(DATE_MIN)} et le ${isoVersFrancais(DATE_MAX)} attendue (reçu : « ${dateFichier} »)`, 1);
    dateBareme = iso;
  }
  const moisConvention = texte('moisConvention');
  const moisSolde = texte('moisSolde');
  return {
    annee,
    enveloppe,
    financementPartiel: o.partiel || partielFichier === true,
    maxSites,
    ...(dateBareme ? { dateBareme } : {}),
    ...(moisConvention ? { moisConvention } : {}),
    ...(moisSolde ? { moisSolde } : {}),
  };
}

/** Candidatures d'un fichier JSON : en cas d'erreur, relues avec la ligne de chaque candidature. */
function candidaturesJson(donnees: unknown, texte: string): { appel: Record<string, unknown>; candidatures: Candidature[] } {
  try {
    return lireFichierJson(donnees);
  } catch (e) {
    if (!(e instanceof ErreurCandidatures)) throw e;
    return lireFichierJson(donnees, { lignes: lignesDesElements(texte) });
  }
}

async function lireEntree(chemin: string, affiche: string): Promise<{ appel: Record<string, unknown>; candidatures: Candidature[] }> {
  const ext = path.extname(chemin).toLowerCase();
  if (ext !== '.json' && ext !== '.xlsx') throw new ErreurUsage(`${affiche} : fichier de candidatures .json ou .xlsx attendu`);
  if (ext === '.xlsx') {
    const { contenu } = await lireXlsxBorne(chemin, affiche, 'un classeur de candidatures');
    const { lireCandidaturesXlsx } = await import('../../workbook/programme/lire-xlsx');
    return { appel: {}, candidatures: await lireCandidaturesXlsx(contenu) };
  }
  const { donnees, texte } = await lireJsonBorne(chemin, affiche, LIMITES_ENTREES.jsonCandidatures, 'un fichier de candidatures');
  return candidaturesJson(donnees, texte);
}

// — Sortie texte —

function tableau(entetes: string[], lignes: string[][], aDroite: boolean[]): string[] {
  const largeurs = entetes.map((e, i) => Math.max(e.length, ...lignes.map((l) => l[i].length)));
  const mettre = (l: string[]) => l.map((c, i) => (aDroite[i] ? c.padStart(largeurs[i]) : c.padEnd(largeurs[i]))).join('  ').trimEnd();
  return [mettre(entetes), largeurs.map((l) => '─'.repeat(l)).join('  '), ...lignes.map(mettre)];
}

/** Motifs abrégés pour le tableau ; le texte complet (avec la source) suit dans « Décisions ». */
const MOTIFS_TABLEAU: Record<string, string> = { projet_sante: 'projet de santé', aci: 'ACI', logiciel: 'logiciel', devis_nul: 'devis nul' };

export function texteProgramme(p: Programme): string[] {
  const a = p.appel;
  const t = p.totaux;
  const o: string[] = [];
  o.push(`Programme SIP ${a.annee} — enveloppe ${formatEuros(a.enveloppe)} ; financement partiel : ${a.financementPartiel ? 'autorisé' : 'non'} ; sites : ${a.maxSites === null ? 'sans limite' : `au plus ${a.maxSites}`}`);
  o.push(`Versements : 80 % en ${libelleMois(a.moisConvention)} (convention), solde de 20 % en ${libelleMois(a.moisSolde)} (PV d’installation) ; barème lu au ${isoVersFrancais(a.dateBareme)}`);
  o.push('');
  const lignes = p.lignes.map((l: LigneProgramme) => [
    l.rang === null ? '—' : String(l.rang),
    l.candidature.nom,
    l.eligible ? 'oui' : `non : ${l.motifs.map((m) => MOTIFS_TABLEAU[m.code]).join(', ')}`,
    formatEuros(l.aide.valeur),
    l.versementConvention ? formatEuros(l.versementConvention.valeur) : '',
    l.versementSolde ? formatEuros(l.versementSolde.valeur) : '',
    decisionCourte(l),
  ]);
  o.push(
    ...tableau(
      ['Rang', 'MSP', 'Éligible', 'Aide', `80 % ${libelleMois(a.moisConvention)}`, `20 % ${libelleMois(a.moisSolde)}`, 'Décision'],
      lignes,
      [true, false, false, true, true, true, false],
    ),
  );
  o.push('');
  o.push('Totaux');
  o.push(`  Candidatures : ${t.nbCandidatures} ; éligibles : ${t.nbEligibles} ; financées : ${t.nbFinancees} ; financées partiellement : ${t.nbPartielles} ; liste d’attente : ${t.nbAttente} ; non éligibles : ${t.nbNonEligibles}`);
  o.push(`  Demande éligible : ${formatEuros(t.demandeEligible)} ; attribué : ${formatEuros(t.attribue)} ; reste de l’enveloppe : ${formatEuros(t.resteEnveloppe)}`);
  o.push('Versements par mois');
  if (t.parMois.length === 0) o.push('  aucun (aucune candidature financée)');
  for (const m of t.parMois) {
    const detail = [m.convention.isZero() ? '' : `80 % : ${formatEuros(m.convention)}`, m.solde.isZero() ? '' : `solde 20 % : ${formatEuros(m.solde)}`].filter(Boolean).join(' ; ');
    o.push(`  ${libelleMois(m.mois).padEnd(15)} ${formatEuros(m.total).padStart(16)}  (${detail})`);
  }
  o.push('Versements par année');
  for (const an of t.parAnnee) o.push(`  ${String(an.annee).padEnd(15)} ${formatEuros(an.total).padStart(16)}`);
  o.push('');
  o.push('Décisions');
  for (const l of p.lignes) o.push(`  ${l.rang === null ? '—' : `${l.rang}.`} ${l.candidature.nom} : ${l.justification}`);
  o.push('');
  o.push('Règle de classement');
  for (const r of p.regleClassement) o.push(`  ${r}`);
  o.push('Interprétations retenues');
  for (const i of p.interpretations) o.push(`  [${LIBELLES_STATUT[i.statut]}] ${i.texte} (${i.source.document})`);
  o.push(`Paramètres du barème (lus au ${isoVersFrancais(a.dateBareme)})`);
  for (const par of p.parametres) o.push(`  [${LIBELLES_STATUT[par.statut]}] ${par.id} = ${par.valeur ?? 'aucun'} ${par.unite} — source : ${par.source.document}, ${par.source.section}`);
  for (const av of p.avertissements) o.push(`⚠ ${av}`);
  return o;
}

// — Sortie JSON : montants en nombres (exacts au centime) —

const n = (d: Decimal) => d.toNumber();

export function programmeVersJson(p: Programme): unknown {
  return {
    appel: { ...p.appel, enveloppe: n(p.appel.enveloppe) },
    lignes: p.lignes.map((l) => ({
      rang: l.rang,
      nom: l.candidature.nom,
      candidature: l.candidature,
      eligible: l.eligible,
      motifs: l.motifs,
      aide: n(l.aide.valeur),
      decision: l.decision,
      rangAttente: l.rangAttente,
      montantAttribue: n(l.montantAttribue),
      versementConvention: l.versementConvention ? { montant: n(l.versementConvention.valeur), mois: p.appel.moisConvention } : null,
      versementSolde: l.versementSolde ? { montant: n(l.versementSolde.valeur), mois: p.appel.moisSolde } : null,
      resteAvant: l.resteAvant === null ? null : n(l.resteAvant),
      resteApres: l.resteApres === null ? null : n(l.resteApres),
      criteres: l.criteres,
      justification: l.justification,
      calculAide: l.aide.explication.calcul,
    })),
    totaux: {
      ...p.totaux,
      demandeEligible: n(p.totaux.demandeEligible),
      attribue: n(p.totaux.attribue),
      resteEnveloppe: n(p.totaux.resteEnveloppe),
      parMois: p.totaux.parMois.map((m) => ({ mois: m.mois, convention: n(m.convention), solde: n(m.solde), total: n(m.total) })),
      parAnnee: p.totaux.parAnnee.map((a) => ({ annee: a.annee, total: n(a.total) })),
    },
    regleClassement: p.regleClassement,
    interpretations: p.interpretations,
    parametres: p.parametres,
    avertissements: p.avertissements,
  };
}

function lireOptionsProgramme(args: string[], io: Io) {
  const o = lireOptions('programme', args, OPTIONS_PROGRAMME);
  if (o.aide) return null;
  o.unSeul('fichier de candidatures');
  const sortie = o.valeur('-o');
  const date = o.valeur('--date');
  return {
    entree: o.positionnels[0],
    sortie: sortie === undefined ? undefined : lireCheminXlsx(sortie, '-o'),
    cheminSortie: sortie === undefined ? undefined : path.resolve(io.cwd, sortie),
    json: o.drapeau('--json'),
    force: o.drapeau('--force'),
    appel: {
      enveloppe: o.valeur('--enveloppe'),
      annee: o.valeur('--annee'),
      maxSites: o.valeur('--max-sites'),
      partiel: o.drapeau('--partiel'),
      ...(date !== undefined ? { date: lireDateOption(date, '--date') } : {}),
    } as OptionsAppel,
  };
}

async function executer(args: string[], io: Io): Promise<number> {
  const o = lireOptionsProgramme(args, io);
  if (!o) {
    USAGE.forEach((l) => io.out(l));
    return 0;
  }
  // La cible est contrôlée avant le calcul (lien symbolique, dossier, fichier existant sans --force).
  if (o.cheminSortie) await verifierCible(o.cheminSortie, { force: o.force, affiche: o.sortie });
  const { appel, candidatures } = await lireEntree(path.resolve(io.cwd, o.entree), o.entree);
  const p = calculerProgramme(BAREME_PAR_DEFAUT, candidatures, parametres(appel, o.appel, io));

  // Tout est calculé avant d'écrire : aucune sortie partielle.
  if (o.cheminSortie) {
    const { ecrireClasseurProgramme } = await import('../../workbook/programme/ecrire-xlsx');
    const feuille = feuilleProgrammeEnFlux(p);
    await ecrireFichierEnFlux(o.cheminSortie, { force: o.force, affiche: o.sortie }, (flux) => ecrireClasseurProgramme(feuille, flux));
  }
  if (o.json) ecrireJsonEnFlux((t) => io.out(t), programmeVersJson(p));
  else {
    texteProgramme(p).forEach((l) => io.out(l));
    if (o.sortie) io.out(`\nFeuille « Programme SIP » écrite dans ${o.sortie}.`);
  }
  return 0;
}

export async function programme(args: string[], io: Io): Promise<number> {
  try {
    return await executer(args, io);
  } catch (e) {
    if (e instanceof ErreurCli) {
      io.err(`sip programme : ${e.message}`);
      if (e.usage) io.err(USAGE[0]);
      return e.code;
    }
    if (e instanceof ErreurCandidatures) {
      io.err(`sip programme : ${e.message}`);
      return 1;
    }
    if (e instanceof ErreurRegle) {
      io.err(`sip programme : ${e.code} ${e.message}`);
      return 1;
    }
    throw e;
  }
}

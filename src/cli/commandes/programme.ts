// `sip programme candidatures.json|.xlsx --enveloppe 250000 [--partiel] [--max-sites 10] [-o programme.xlsx] [--json]`
// Classe les candidatures SIP de l'année, répartit l'enveloppe et donne l'échéancier 80 % / 20 %.
import { promises as fs } from 'fs';
import * as path from 'path';
import { BAREME_PAR_DEFAUT } from '../../rules/bareme/donnees';
import { LIBELLES_STATUT } from '../../rules/bareme/types';
import { aujourdhuiIso, isoVersFrancais, verifierIso } from '../../rules/dates';
import { Decimal } from '../../rules/decimal';
import { ErreurRegle } from '../../rules/erreurs';
import { formatEuros } from '../../rules/format';
import { calculerProgramme } from '../../rules/programme/programme';
import { ErreurCandidatures, lireFichierJson } from '../../rules/programme/lecture';
import { Candidature, LigneProgramme, ParametresAppel, Programme } from '../../rules/programme/types';
import { decisionCourte, decrireFeuilleProgramme, libelleMois } from '../../workbook/programme/feuille-programme';
import { extraireDrapeau, extraireOption, Io } from '../io';

const USAGE = [
  'Usage : sip programme candidatures.json|candidatures.xlsx --enveloppe 250000 [--annee 2023] [--partiel] [--max-sites 10]',
  '                     [--date AAAA-MM-JJ] [-o programme.xlsx [--force]] [--json]',
  '  --enveloppe   enveloppe annuelle en euros (ou « appel.enveloppe » du fichier JSON)',
  '  --annee       année de l’appel (ou « appel.annee » ; par défaut l’année en cours)',
  '  --partiel     autorise le financement partiel du premier candidat qui ne tient pas dans le reste',
  '  --max-sites   nombre maximal de sites financés (001 : « une dizaine »)',
  '  --date        date de lecture du barème (par défaut le 1er janvier de l’année de l’appel)',
  '  -o            écrit la feuille « Programme SIP » dans un classeur .xlsx (--force pour remplacer un fichier existant)',
  '  --json        sortie JSON (pour les machines)',
];

class ErreurUsage extends Error {}

function montantOption(texte: string, nom: string): string {
  const t = texte.replace(/[\s\u00a0\u202f€]/g, '').replace(',', '.');
  if (!/^\d+(\.\d{1,2})?$/.test(t)) throw new ErreurUsage(`${nom} : montant en euros ≥ 0, au centime près, attendu (reçu : « ${texte} »)`);
  return t;
}

function entierOption(texte: string, nom: string, min: number): number {
  if (!/^\d+$/.test(texte.trim()) || Number(texte) < min) throw new ErreurUsage(`${nom} : entier ≥ ${min} attendu (reçu : « ${texte} »)`);
  return Number(texte);
}

/** Paramètres de l'appel : ceux du fichier, remplacés par ceux de la ligne de commande. */
function parametres(fichier: Record<string, unknown>, o: { enveloppe?: string; annee?: string; partiel: boolean; maxSites?: string; date?: string }, io: Io): ParametresAppel {
  const anneeFichier = fichier.annee;
  let annee: number;
  if (o.annee !== undefined) annee = entierOption(o.annee, '--annee', 2000);
  else if (anneeFichier !== undefined) {
    if (typeof anneeFichier !== 'number' || !Number.isInteger(anneeFichier)) throw new ErreurUsage(`appel.annee : entier attendu (reçu : ${JSON.stringify(anneeFichier)})`);
    annee = anneeFichier;
  } else annee = Number((io.aujourdhui ?? aujourdhuiIso()).slice(0, 4));
  let enveloppe: string;
  if (o.enveloppe !== undefined) enveloppe = montantOption(o.enveloppe, '--enveloppe');
  else if (typeof fichier.enveloppe === 'number' || typeof fichier.enveloppe === 'string') enveloppe = montantOption(String(fichier.enveloppe), 'appel.enveloppe');
  else throw new ErreurUsage('--enveloppe : enveloppe annuelle en euros attendue (ex. --enveloppe 250000), ou « appel.enveloppe » dans le fichier JSON');
  const partielFichier = fichier.financementPartiel;
  if (partielFichier !== undefined && typeof partielFichier !== 'boolean') throw new ErreurUsage(`appel.financementPartiel : true ou false attendu (reçu : ${JSON.stringify(partielFichier)})`);
  let maxSites: number | null = null;
  if (o.maxSites !== undefined) maxSites = entierOption(o.maxSites, '--max-sites', 1);
  else if (fichier.maxSites !== undefined && fichier.maxSites !== null) {
    if (typeof fichier.maxSites !== 'number' || !Number.isInteger(fichier.maxSites) || fichier.maxSites < 1) throw new ErreurUsage(`appel.maxSites : entier ≥ 1 attendu (reçu : ${JSON.stringify(fichier.maxSites)})`);
    maxSites = fichier.maxSites;
  }
  const texte = (cle: string) => {
    const v = fichier[cle];
    if (v === undefined || v === null) return undefined;
    if (typeof v !== 'string') throw new ErreurUsage(`appel.${cle} : texte attendu (reçu : ${JSON.stringify(v)})`);
    return v;
  };
  const dateBareme = o.date ?? texte('dateBareme');
  if (dateBareme !== undefined) verifierIso(dateBareme, o.date ? '--date' : 'appel.dateBareme');
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

async function lireEntree(chemin: string): Promise<{ appel: Record<string, unknown>; candidatures: Candidature[] }> {
  const ext = path.extname(chemin).toLowerCase();
  if (ext !== '.json' && ext !== '.xlsx') throw new ErreurUsage(`${chemin} : fichier .json ou .xlsx attendu`);
  let contenu: Buffer;
  try {
    contenu = await fs.readFile(chemin);
  } catch (e) {
    throw new ErreurUsage(`${chemin} : fichier illisible (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`);
  }
  if (ext === '.xlsx') {
    const { lireCandidaturesXlsx } = await import('../../workbook/programme/lire-xlsx');
    return { appel: {}, candidatures: await lireCandidaturesXlsx(contenu) };
  }
  let donnees: unknown;
  try {
    donnees = JSON.parse(contenu.toString('utf8'));
  } catch (e) {
    throw new ErreurUsage(`${chemin} : JSON invalide (${(e as Error).message})`);
  }
  return lireFichierJson(donnees);
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

export async function programme(args: string[], io: Io): Promise<number> {
  const a = [...args];
  if (a.includes('--help') || a.includes('-h')) {
    USAGE.forEach((l) => io.out(l));
    return 0;
  }
  try {
    const options = {
      enveloppe: extraireOption(a, '--enveloppe'),
      annee: extraireOption(a, '--annee'),
      maxSites: extraireOption(a, '--max-sites'),
      date: extraireOption(a, '--date'),
      partiel: extraireDrapeau(a, '--partiel'),
    };
    const sortie = extraireOption(a, '-o') ?? extraireOption(a, '--sortie');
    const json = extraireDrapeau(a, '--json');
    const force = extraireDrapeau(a, '--force');
    const inconnue = a.find((x) => x.startsWith('-'));
    if (inconnue) throw new ErreurUsage(`option inconnue « ${inconnue} »`);
    if (a.length !== 1) throw new ErreurUsage(a.length === 0 ? 'fichier de candidatures attendu' : `un seul fichier de candidatures attendu (reçu : ${a.join(', ')})`);
    for (const [nom, v] of Object.entries({ '--enveloppe': options.enveloppe, '--annee': options.annee, '--max-sites': options.maxSites, '--date': options.date, '-o': sortie })) {
      if (v !== undefined && (v === '' || v.startsWith('--'))) throw new ErreurUsage(`${nom} : valeur attendue`);
    }
    const entree = path.resolve(io.cwd, a[0]);
    const cheminSortie = sortie ? path.resolve(io.cwd, sortie) : undefined;
    if (cheminSortie && path.extname(cheminSortie).toLowerCase() !== '.xlsx') throw new ErreurUsage(`-o : fichier .xlsx attendu (reçu : ${sortie})`);
    if (cheminSortie && !force) {
      const existe = await fs.stat(cheminSortie).then(() => true, () => false);
      if (existe) throw new ErreurUsage(`-o : ${sortie} existe déjà ; ajoutez --force pour le remplacer`);
    }

    const { appel, candidatures } = await lireEntree(entree);
    const p = calculerProgramme(BAREME_PAR_DEFAUT, candidatures, parametres(appel, options, io));

    // Tout est calculé avant d'écrire : aucune sortie partielle.
    if (cheminSortie) {
      const { classeurProgramme } = await import('../../workbook/programme/ecrire-xlsx');
      await fs.writeFile(cheminSortie, await classeurProgramme(decrireFeuilleProgramme(p)));
    }
    if (json) io.out(JSON.stringify(programmeVersJson(p), null, 2));
    else {
      texteProgramme(p).forEach((l) => io.out(l));
      if (cheminSortie) io.out(`\nFeuille « Programme SIP » écrite dans ${sortie}.`);
    }
    return 0;
  } catch (e) {
    if (e instanceof ErreurUsage) {
      io.err(`sip programme : ${e.message}`);
      io.err(USAGE[0]);
      return 2;
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

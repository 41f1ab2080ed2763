// `sip simulate scenario.json -o simulation.xlsx` : écrit headless (exceljs) la même feuille que le
// volet, avec les formules SIP.* et leurs valeurs en cache, et la provenance masquée. Un scénario
// invalide donne des erreurs précises (chemin du champ, attendu) et aucun fichier : écriture dans un
// fichier temporaire renommé à la fin.
import * as path from 'path';
import { BAREME_PAR_DEFAUT } from '../../rules/bareme/donnees';
import { formatEuros } from '../../rules/format';
import { genererSimulation } from '../../workbook/exceljs/simulation';
import { FINANCEURS, LIBELLES_FINANCEUR } from '../../rules/aides';
import { grandLivre } from '../../rules/versements/livre';
import type { GrandLivre } from '../../rules/versements/types';
import { livreJson } from '../../rules/versements/json';
import { totaux } from '../../rules/versements/vues';
import { validerScenario } from '../../rules/scenario/validation';
import { lireJsonBorne, LIMITES_ENTREES } from '../entrees';
import { baremePourSimulation } from '../bareme';
import { commande, ErreurUsage } from '../erreurs';
import { ecrireFichier, verifierCible } from '../fichiers';
import { Io } from '../io';
import { lireNomFeuille } from '../nom-feuille';
import { DeclarationOption, lireCheminXlsx, lireOptions } from '../options';
import { lireFichierClePrivee } from '../signature/cles-fichiers';
import { signerClasseur } from '../signature/signer';
import { empreinteCourte } from '../../workbook/signature/cles';

export const OPTIONS_SIMULATE: readonly DeclarationOption[] = [
  { nom: '-o', alias: ['--sortie'], cachees: ['--output'], exemple: 'simulation.xlsx' },
  { nom: '--feuille', exemple: 'Simulation' },
  { nom: '--force' },
  { nom: '--json' },
  { nom: '--bareme', exemple: 'bareme.json' },
  { nom: '--signer', exemple: 'organisme.cle' },
];

const USAGE = 'Usage : sip simulate scenario.json -o simulation.xlsx [--feuille Simulation] [--force] [--bareme bareme.json|classeur.xlsx] [--signer organisme.cle]\n        sip simulate scenario.json --json   (totaux et versements en JSON, sans écrire de fichier)';

/** Résumé : chaque total une fois, lu dans le grand livre (par année de simulation, puis sur l'horizon). */
function resume(io: Io, livre: GrandLivre): void {
  const t = totaux(livre);
  for (const cle of [...FINANCEURS, 'AIDES'] as const) {
    const libelle = cle === 'AIDES' ? 'Total des aides' : `Total ${LIBELLES_FINANCEUR[cle]}`;
    const annees = t[cle].annees.map((x, k) => `année ${k + 1} : ${formatEuros(x)}`).join(' ; ');
    io.out(`  ${libelle} : ${formatEuros(t[cle].total)} (${annees})`);
  }
}

/** Options et arguments (options.ts) : messages français, -o en .xlsx, --feuille selon les règles d'Excel. */
function lireArguments(args: string[]) {
  const o = lireOptions('simulate', args, OPTIONS_SIMULATE);
  const sortie = o.valeur('-o');
  const feuille = o.valeur('--feuille');
  const enJson = o.drapeau('--json');
  if (o.aide) return null;
  const entree = o.unSeul('scénario', ' JSON');
  if (!sortie && !enJson) throw new ErreurUsage('-o simulation.xlsx (classeur) ou --json (totaux) attendu');
  if (sortie && enJson) throw new ErreurUsage('-o et --json ne vont pas ensemble : l’un écrit un classeur, l’autre les totaux en JSON');
  if (enJson && o.valeur('--signer')) throw new ErreurUsage('--signer signe le classeur écrit par -o : il ne va pas avec --json');
  return {
    entree,
    sortie: sortie === undefined ? undefined : lireCheminXlsx(sortie, '-o'),
    feuille: feuille === undefined ? undefined : lireNomFeuille(feuille, '--feuille'),
    forcer: o.drapeau('--force'),
    enJson,
    bareme: o.valeur('--bareme'),
    signer: o.valeur('--signer'),
  };
}


async function executer(args: string[], io: Io): Promise<number> {
  const arg = lireArguments(args);
  if (!arg) {
    io.out(USAGE);
    return 0;
  }
  const { sortie, feuille, forcer, enJson } = arg;
  const a = [arg.entree];
  const entree = path.resolve(io.cwd, a[0]);
  const cible = path.resolve(io.cwd, sortie ?? '');
  if (sortie) await verifierCible(cible, { force: forcer, affiche: sortie });
  // --signer : la clé privée est contrôlée avant tout calcul (fichier, type, droits).
  const cle = arg.signer ? await lireFichierClePrivee(path.resolve(io.cwd, arg.signer), arg.signer) : null;
  const { donnees: json } = await lireJsonBorne(entree, a[0], LIMITES_ENTREES.jsonScenario, 'un scénario');
  const v = validerScenario(json);
  if (!v.ok) {
    io.err(`sip simulate : scénario invalide (${v.erreurs.length} erreur${v.erreurs.length > 1 ? 's' : ''}) dans ${a[0]} ; aucun fichier écrit.`);
    for (const e of v.erreurs) io.err(`  ${e}`);
    io.err('Schéma : docs/scenario.schema.json');
    return 1;
  }
  // --bareme : un fichier de données ou la feuille « Barème » d'un classeur ; refusé s'il a une saisie fautive.
  const bareme = arg.bareme ? await baremePourSimulation(arg.bareme, io, enJson) : BAREME_PAR_DEFAUT;
  if (enJson) {
    io.out(JSON.stringify(livreJson(grandLivre(v.scenario, bareme)), null, 2));
    return 0;
  }
  const maintenant = io.aujourdhui ? `${io.aujourdhui}T00:00:00.000Z` : new Date().toISOString();
  const g = await genererSimulation(v.scenario, bareme, { dateGeneration: maintenant, ...(feuille ? { nomFeuille: feuille } : {}) });
  const fichier = cle ? (await signerClasseur(g.fichier, cle, { maintenant, affiche: sortie ?? '', fichierCle: arg.signer ?? '' })).fichier : g.fichier;
  await ecrireFichier(cible, fichier, { force: forcer, affiche: sortie });
  io.out(`Simulation écrite : ${sortie} (feuille « ${g.description.nom} », ${g.description.cellules.filter((c) => c.formule).length} formules, barème ${g.provenance.bareme.version})`);
  resume(io, g.livre);
  io.out(`Empreinte SHA-256 : ${g.provenance.empreinte}`);
  if (cle) io.out(`Signé par ${cle.organisme} (clé ${empreinteCourte(cle.empreinte)}) : vérifiable avec « sip verify ${sortie} --confiance ${(arg.signer ?? '').replace(/\.cle$/i, '')}.pub »`);
  return 0;
}

export const simulate = commande('simulate', USAGE, executer);

// `sip verify simulation.xlsx [--json]` : relit un classeur de simulation (sip simulate, volet, ou
// enregistré par Excel), recalcule chaque formule avec le moteur et le barème EMBARQUÉ, et rend compte
// par cellule : conforme, valeur en cache différente, formule modifiée à la main ; plus le barème
// embarqué comparé au barème courant et l'empreinte de la provenance. Code 0 seulement si tout concorde.
import * as path from 'path';
import { BAREME_PAR_DEFAUT } from '../../rules/bareme/donnees';
import { lireClasseur, recalculerAvecMoteur } from '../../workbook/exceljs/lire';
import { estFeuilleProvenance, NOM_FEUILLE_PROVENANCE, Provenance } from '../../workbook/provenance';
import { NOM_FEUILLE_PROGRAMME } from '../../workbook/programme/feuille-programme';
import { RapportVerification, verifierClasseur } from '../../workbook/verification';
import { lireXlsxBorne } from '../entrees';
import { ErreurCli, ErreurUsage } from '../erreurs';
import { Io } from '../io';
import { DeclarationOption, lireOptions } from '../options';

const USAGE = 'Usage : sip verify simulation.xlsx [--json]';

function ecrireTexte(io: Io, r: RapportVerification, p: Provenance): void {
  io.out(`Feuille « ${r.feuille} » : ${r.ok ? 'CONFORME' : 'ÉCARTS TROUVÉS'}`);
  io.out(`  Générée le ${p.dateGeneration} par le complément ${p.versionComplement} ; centre : ${p.scenario?.centre?.nom ?? '?'}`);
  io.out(`  ${r.resume.verifiees} formules vérifiées : ${r.resume.conformes} conformes, ${r.resume.valeursDifferentes} valeur(s) en cache différente(s), ${r.resume.formulesModifiees} formule(s) modifiée(s)` +
    (r.resume.entreesModifiees ? `, ${r.resume.entreesModifiees} donnée(s) d’entrée modifiée(s) depuis la génération` : '') +
    (r.resume.nonRecalculees ? `, ${r.resume.nonRecalculees} non recalculée(s)` : ''));
  io.out(`  Empreinte de la provenance : ${r.empreinte.conforme ? 'conforme' : `NE CORRESPOND PAS (enregistrée ${r.empreinte.enregistree.slice(0, 12)}…, recalculée ${r.empreinte.recalculee.slice(0, 12)}…) : scénario, barème embarqué ou formules modifiés après la génération`}`);
  if (r.bareme.identique) io.out(`  Barème embarqué ${r.bareme.versionEmbarquee} : identique au barème courant`);
  else {
    io.out(`  Barème embarqué ${r.bareme.versionEmbarquee} DIFFÉRENT du barème courant ${r.bareme.versionCourante} (${r.bareme.differences.length} paramètre(s)) :`);
    for (const d of r.bareme.differences) io.out(`    - ${d.id} (${d.libelle}) ${d.nature} : ${d.detail}`);
    if (r.bareme.cellulesAffectees.length) io.out(`    cellules dont la valeur changerait avec le barème courant : ${r.bareme.cellulesAffectees.join(', ')}`);
  }
  for (const c of r.cellules) {
    if (c.constats[0] === 'conforme') continue;
    io.out(`  ${c.adresse.padEnd(6)} ${c.constats.join(' + ')} : ${c.message}`);
  }
}

export const OPTIONS_VERIFY: readonly DeclarationOption[] = [{ nom: '--json' }];

/**
 * Un classeur sans feuille de provenance n'est pas une simulation : on le dit (et ce qu'il est, pour un
 * classeur de programme SIP) sans l'ouvrir en entier.
 */
function pasUneSimulation(nom: string, feuilles: string[]): string | null {
  if (feuilles.some(estFeuilleProvenance)) return null;
  if (feuilles.includes(NOM_FEUILLE_PROGRAMME)) {
    return `${nom} est un classeur de programme SIP (feuille « ${NOM_FEUILLE_PROGRAMME} », écrite par « sip programme -o ») : il classe les candidatures d’un appel et ne contient pas de simulation. sip verify vérifie les classeurs de simulation (écrits par « sip simulate » ou par le volet) ; pour refaire un programme, relancez « sip programme » sur le fichier de candidatures.`;
  }
  const liste = feuilles.length ? feuilles.slice(0, 10).map((f) => `« ${f} »`).join(', ') + (feuilles.length > 10 ? '…' : '') : 'aucune';
  return `${nom} ne contient aucune simulation du simulateur SIP (pas de feuille de provenance « ${NOM_FEUILLE_PROVENANCE} » ; feuilles : ${liste}). sip verify vérifie les classeurs écrits par « sip simulate » ou par le volet.`;
}

export async function verify(args: string[], io: Io): Promise<number> {
  try {
    return await executer(args, io);
  } catch (e) {
    if (!(e instanceof ErreurCli)) throw e;
    io.err(`sip verify : ${e.message}`);
    if (e.usage) io.err(USAGE);
    return e.code;
  }
}

async function executer(args: string[], io: Io): Promise<number> {
  const o = lireOptions('verify', args, OPTIONS_VERIFY);
  if (o.aide) {
    io.out(USAGE);
    return 0;
  }
  const a = o.positionnels;
  if (a.length !== 1) throw new ErreurUsage(a.length === 0 ? 'classeur .xlsx attendu' : `un seul classeur attendu (reçu : ${a.join(', ')})`);
  const json = o.drapeau('--json');
  // Tailles contrôlées avant d'ouvrir (fichier, zip, décompression) ; noms des feuilles lus sans tout ouvrir.
  const { contenu, feuilles } = await lireXlsxBorne(path.resolve(io.cwd, a[0]), a[0], 'un classeur de simulation');
  const autre = pasUneSimulation(a[0], feuilles);
  if (autre) {
    if (json) io.out(JSON.stringify({ fichier: a[0], ok: false, erreurs: [autre], simulations: [] }, null, 2));
    else io.err(`sip verify : ${autre}`);
    return 2;
  }
  let lu;
  try {
    lu = await lireClasseur(contenu);
  } catch {
    throw new ErreurCli(`${a[0]} n’est pas un classeur .xlsx lisible (contenu endommagé)`);
  }
  const rapports = lu.simulations.map((s) => verifierClasseur(s.cellules, s.provenance, BAREME_PAR_DEFAUT, { recalculer: recalculerAvecMoteur }));
  const ok = lu.erreurs.length === 0 && rapports.length > 0 && rapports.every((r) => r.ok);
  if (json) io.out(JSON.stringify({ fichier: a[0], ok, erreurs: lu.erreurs, simulations: rapports }, null, 2));
  else {
    for (const e of lu.erreurs) io.err(`sip verify : ${e}`);
    rapports.forEach((r, i) => ecrireTexte(io, r, lu.simulations[i].provenance));
    io.out(ok ? 'Résultat : tout concorde.' : 'Résultat : écarts trouvés (voir ci-dessus).');
  }
  return ok ? 0 : 1;
}

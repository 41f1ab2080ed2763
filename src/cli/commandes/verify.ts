// `sip verify simulation.xlsx [--json]` : relit un classeur de simulation (sip simulate, volet, ou
// enregistré par Excel), recalcule chaque formule avec le moteur et le barème EMBARQUÉ, et rend compte
// par cellule : conforme, valeur en cache différente, formule modifiée à la main ; plus le barème
// embarqué comparé au barème courant et l'empreinte de la provenance. Code 0 seulement si tout concorde.
import { promises as fs } from 'fs';
import * as path from 'path';
import { BAREME_PAR_DEFAUT } from '../../rules/bareme/donnees';
import { lireClasseur, recalculerAvecMoteur } from '../../workbook/exceljs/lire';
import { Provenance } from '../../workbook/provenance';
import { RapportVerification, verifierClasseur } from '../../workbook/verification';
import { extraireDrapeau, Io } from '../io';

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

export async function verify(args: string[], io: Io): Promise<number> {
  const a = [...args];
  const json = extraireDrapeau(a, '--json');
  if (a.length !== 1) {
    io.err(USAGE);
    return 2;
  }
  let fichier: Buffer;
  try {
    fichier = await fs.readFile(path.resolve(io.cwd, a[0]));
  } catch (e) {
    io.err(`sip verify : impossible de lire ${a[0]} (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`);
    return 2;
  }
  let lu;
  try {
    lu = await lireClasseur(fichier);
  } catch (e) {
    io.err(`sip verify : ${a[0]} n’est pas un classeur .xlsx lisible (${(e as Error).message})`);
    return 2;
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

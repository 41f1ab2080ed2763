// `sip simulate scenario.json -o simulation.xlsx` : écrit headless (exceljs) la même feuille que le
// volet, avec les formules SIP.* et leurs valeurs en cache, et la provenance masquée. Un scénario
// invalide donne des erreurs précises (chemin du champ, attendu) et aucun fichier : écriture dans un
// fichier temporaire renommé à la fin.
import { promises as fs } from 'fs';
import * as path from 'path';
import { BAREME_PAR_DEFAUT } from '../../rules/bareme/donnees';
import { formatEuros } from '../../rules/format';
import { genererSimulation } from '../../workbook/exceljs/simulation';
import { colonneDe, ligneDe } from '../../workbook/layout';
import { validerScenario } from '../../rules/scenario/validation';
import { extraireDrapeau, extraireOption, Io } from '../io';

const USAGE = 'Usage : sip simulate scenario.json -o simulation.xlsx [--feuille Simulation] [--force]';

export async function simulate(args: string[], io: Io): Promise<number> {
  const a = [...args];
  const sortie = extraireOption(a, '-o') ?? extraireOption(a, '--output');
  const feuille = extraireOption(a, '--feuille');
  const forcer = extraireDrapeau(a, '--force');
  if (a.length !== 1 || !sortie) {
    io.err(USAGE);
    return 2;
  }
  const entree = path.resolve(io.cwd, a[0]);
  const cible = path.resolve(io.cwd, sortie);
  let texte: string;
  try {
    texte = await fs.readFile(entree, 'utf8');
  } catch (e) {
    io.err(`sip simulate : impossible de lire ${a[0]} (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`);
    return 2;
  }
  let json: unknown;
  try {
    json = JSON.parse(texte);
  } catch (e) {
    io.err(`sip simulate : ${a[0]} n’est pas un JSON valide : ${(e as Error).message}`);
    return 1;
  }
  const v = validerScenario(json);
  if (!v.ok) {
    io.err(`sip simulate : scénario invalide (${v.erreurs.length} erreur${v.erreurs.length > 1 ? 's' : ''}) dans ${a[0]} ; aucun fichier écrit.`);
    for (const e of v.erreurs) io.err(`  ${e}`);
    io.err('Schéma : docs/scenario.schema.json');
    return 1;
  }
  if (!forcer && (await fs.stat(cible).then(() => true, () => false))) {
    io.err(`sip simulate : ${sortie} existe déjà ; ajoutez --force pour le remplacer.`);
    return 2;
  }
  const maintenant = io.aujourdhui ? `${io.aujourdhui}T00:00:00.000Z` : new Date().toISOString();
  const g = await genererSimulation(v.scenario, BAREME_PAR_DEFAUT, { dateGeneration: maintenant, ...(feuille ? { nomFeuille: feuille } : {}) });
  const temporaire = path.join(path.dirname(cible), `.${path.basename(cible)}.${process.pid}.tmp`);
  try {
    await fs.writeFile(temporaire, g.fichier);
    await fs.rename(temporaire, cible);
  } catch (e) {
    await fs.rm(temporaire, { force: true });
    io.err(`sip simulate : écriture de ${sortie} impossible (${(e as Error).message})`);
    return 2;
  }
  // Résumé : les totaux du tableau des versements.
  const libelles = new Map(g.description.cellules.filter((c) => colonneDe(c.adresse) === 1).map((c) => [ligneDe(c.adresse), String(c.valeur ?? '')]));
  const colTotal = 2 + Math.max(1, Math.floor(v.scenario.simulation.horizonAnnees));
  io.out(`Simulation écrite : ${sortie} (feuille « ${g.description.nom} », ${g.description.cellules.filter((c) => c.formule).length} formules, barème ${g.provenance.bareme.version})`);
  for (const [l, lib] of libelles) {
    if (!/^Total (Assurance maladie|ARS|des aides)/.test(lib)) continue;
    const val = g.valeurs.get(`${String.fromCharCode(64 + colTotal)}${l}`);
    io.out(`  ${lib} : ${typeof val === 'number' ? formatEuros(val) : JSON.stringify(val)}`);
  }
  io.out(`Empreinte SHA-256 : ${g.provenance.empreinte}`);
  return 0;
}

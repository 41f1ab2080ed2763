// Vérification d'un classeur de simulation (CLI `sip verify`, volet « Vérifier la simulation ») : la
// feuille est reconstruite depuis le scénario et le barème de la provenance (decrireSimulation), puis
// chaque cellule de la zone générée est comparée (cellules.ts) ; les formules sont recalculées avec le
// barème du classeur ; l'empreinte est recalculée ; les feuilles ajoutées et les formules qui, hors de
// la zone, la citent sont nommées ; le barème du classeur est comparé au barème courant.
// Pur : ni exceljs ni Office. Le recalcul est injectable (HyperFormula dans la CLI).
import type { BaremeLu } from '../../rules/bareme/depuis-lignes';
import type { Bareme } from '../../rules/bareme/types';
import { colonneDe, ligneDe } from '../adresses';
import { NOM_FEUILLE_BAREME } from '../bareme/colonnes';
import { baremeDepuisCellules } from '../bareme/lecture-feuille';
import type { DescriptionFeuille } from '../description';
import { empreinteProvenance, estFeuilleProvenance, type Provenance } from '../provenance';
import { decrireSimulation } from '../simulation';
import { comparerBaremes } from './bareme';
import { cellulePreparee, examinerCellule } from './cellules';
import { sansFeuillePropre } from './formules';
import { dansPlage, plageDe, referencesVersLaZone } from './hors-zone';
import { recalculerSansTableur } from './sans-tableur';
import type { CelluleLue, ConstatCellule, FeuilleLue, RapportVerification, Recalculateur } from './types';
import { memeValeur } from './valeurs';

export interface OptionsVerification {
  recalculer?: Recalculateur;
  /** Les autres feuilles du classeur (provenances comprises ou non) : feuilles ajoutées, formules qui citent la zone. */
  autresFeuilles?: readonly FeuilleLue[];
  /** Feuilles attendues en plus de la simulation et des provenances (autres simulations, feuille du barème). */
  estFeuilleAttendue?: (nom: string) => boolean;
  /**
   * Barème du classeur déjà lu ; à défaut, il est lu dans la feuille « Barème » des autres feuilles
   * (src/workbook/bareme/lecture-feuille), et sans feuille « Barème », c'est le barème embarqué.
   */
  baremeClasseur?: BaremeLu;
}

/** La feuille « Barème » parmi les feuilles lues (nom comparé sans la casse). */
export function feuilleBaremeDe(feuilles: readonly FeuilleLue[]): FeuilleLue | undefined {
  const nom = NOM_FEUILLE_BAREME.toLocaleLowerCase('fr');
  return feuilles.find((f) => f.nom.toLocaleLowerCase('fr') === nom);
}

/** Le barème avec lequel le classeur calcule : sa feuille « Barème » relue, écarts au barème embarqué listés. */
function baremeDuClasseur(p: Provenance, o: OptionsVerification): { lu: BaremeLu | null; feuille: string | null } {
  if (o.baremeClasseur) return { lu: o.baremeClasseur, feuille: NOM_FEUILLE_BAREME };
  const f = feuilleBaremeDe(o.autresFeuilles ?? []);
  return f ? { lu: baremeDepuisCellules(f.cellules.map(cellulePreparee), p.bareme, f.nom), feuille: f.nom } : { lu: null, feuille: null };
}

/** La feuille que la provenance décrit, reconstruite : ce que le classeur doit contenir. */
export function feuilleAttendue(p: Provenance): DescriptionFeuille {
  return decrireSimulation(p.scenario, p.bareme, { nomFeuille: p.feuille, dateGeneration: p.dateGeneration.slice(0, 10), versionComplement: p.versionComplement });
}

const parPosition = (x: { adresse: string }, y: { adresse: string }) => ligneDe(x.adresse) - ligneDe(y.adresse) || colonneDe(x.adresse) - colonneDe(y.adresse);

function examinerZone(attendue: DescriptionFeuille, lues: Map<string, CelluleLue>, ctx: Parameters<typeof examinerCellule>[3]): ConstatCellule[] {
  const plage = plageDe(attendue.plage);
  const attendues = new Map(attendue.cellules.map((c) => [c.adresse, c]));
  const adresses = new Set([...attendues.keys(), ...[...lues.keys()].filter((a) => dansPlage(plage, a))]);
  const r: ConstatCellule[] = [];
  for (const a of adresses) {
    const c = examinerCellule(a, attendues.get(a), lues.get(a), ctx);
    if (c) r.push(c);
  }
  return r.sort(parPosition);
}

function resumer(cellules: ConstatCellule[], attendue: DescriptionFeuille, empreinteOk: boolean, references: number): RapportVerification['resume'] {
  // Formules attendues, et formules ajoutées dans la zone (pas une constante ou une entrée remplacée par une formule).
  const formules = cellules.filter((c) => c.formuleAttendue !== undefined || (c.formuleLue !== undefined && c.valeurAttendue === undefined));
  const avec = (k: string) => cellules.filter((c) => (c.constats as string[]).includes(k)).length;
  const constantes = attendue.cellules.filter((c) => !c.formule && c.style !== 'entree' && c.valeur !== null && c.valeur !== undefined && c.valeur !== '').length;
  const alterations = cellules.filter((c) => c.constats.some((k) => k !== 'conforme' && k !== 'entree_modifiee')).length;
  return {
    verifiees: formules.length,
    conformes: formules.filter((c) => c.constats[0] === 'conforme').length,
    valeursDifferentes: avec('valeur_differente'),
    formulesModifiees: avec('formule_modifiee'),
    entreesModifiees: avec('entree_modifiee'),
    nonRecalculees: formules.filter((c) => c.formuleLue !== undefined && c.valeurRecalculee === undefined).length,
    constantesVerifiees: constantes,
    constantesModifiees: avec('constante_modifiee'),
    contenusAjoutes: avec('contenu_ajoute'),
    formatsVerifies: attendue.cellules.length,
    formatsModifies: avec('format_modifie'),
    alterations: alterations + (empreinteOk ? 0 : 1) + references,
  };
}

export function verifierClasseur(lues: readonly CelluleLue[], provenance: Provenance, baremeCourant: Bareme, o: OptionsVerification = {}): RapportVerification {
  const attendue = feuilleAttendue(provenance);
  const empreinte = empreinteProvenance(provenance, attendue);
  const preparees = lues.map(cellulePreparee);
  const parAdresse = new Map(preparees.map((c) => [c.adresse, c]));
  const local = baremeDuClasseur(provenance, o);
  const bareme = local.lu?.bareme ?? provenance.bareme;
  // Toutes les formules de la mise en page portent leur date ; « aujourd'hui » ne sert qu'aux formules ajoutées.
  const aujourdhui = provenance.scenario?.simulation?.debut ?? provenance.dateGeneration.slice(0, 10);
  // Le recalcul place la feuille sous un autre nom : ses références à elle-même perdent le nom de la feuille.
  const aRecalculer = preparees.map((c) => (c.formule?.includes('!') ? { ...c, formule: sansFeuillePropre(c.formule, provenance.feuille) } : c));
  const recalcul = (o.recalculer ?? recalculerSansTableur)(aRecalculer, bareme, aujourdhui);
  const cellules = examinerZone(attendue, parAdresse, { feuille: provenance.feuille, recalcul });

  const plage = plageDe(attendue.plage);
  const autres = (o.autresFeuilles ?? []).filter((f) => !estFeuilleProvenance(f.nom) && f.nom !== provenance.feuille);
  const noms = new Set(attendue.cellules.flatMap((c) => (c.nom ? [c.nom.toUpperCase()] : [])));
  const references = referencesVersLaZone({ feuille: provenance.feuille, plage, noms }, preparees.filter((c) => !dansPlage(plage, c.adresse)), autres);
  // Une feuille vide (la « Feuil1 » d'un classeur neuf) ne dit rien : seules les feuilles qui ont un contenu sont nommées.
  const feuillesAjoutees = autres.filter((f) => f.nom !== local.feuille && !o.estFeuilleAttendue?.(f.nom) && f.cellules.length > 0).map((f) => (f.masquee ? `${f.nom} (masquée)` : f.nom));

  const differences = comparerBaremes(provenance.bareme, baremeCourant);
  let cellulesAffectees: string[] = [];
  if (differences.length) {
    const avecCourant = (o.recalculer ?? recalculerSansTableur)(aRecalculer, baremeCourant, aujourdhui);
    cellulesAffectees = [...recalcul.entries()].filter(([a, v]) => v !== undefined && !memeValeur(v, avecCourant.get(a))).map(([a]) => a);
  }
  const resume = resumer(cellules, attendue, empreinte.conforme, references.length);
  return {
    ok: resume.alterations === 0 && resume.entreesModifiees === 0 && differences.length === 0 && !local.lu?.modifies.length && !local.lu?.erreurs.length,
    feuille: provenance.feuille,
    plage: attendue.plage,
    empreinte,
    bareme: { versionEmbarquee: provenance.bareme.version, versionCourante: baremeCourant.version, identique: differences.length === 0, differences, cellulesAffectees },
    baremeLocal: { feuille: local.feuille, modifies: local.lu?.modifies ?? [], erreurs: local.lu?.erreurs ?? [] },
    cellules,
    feuillesAjoutees,
    references,
    resume,
  };
}

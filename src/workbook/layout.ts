// LA mise en page de la feuille de simulation (une seule description, écrite par le volet avec
// Office.js et par `sip simulate` avec exceljs) : titre et identité, données d'entrée (cellules
// nommées), éligibilité de chaque aide avec le motif d'un refus, bases de calcul et versements par
// année en formules SIP.* vivantes qui pointent vers les entrées, tableau mensuel « 400 postes »
// (24 premiers mois), échéancier (qui paie, quoi, quand), totaux, notes (source et statut de chaque
// paramètre du barème). Formules en forme invariante (noms anglais, virgules).
// Pur : ni Office, ni exceljs, ni hyperformula.
import { absolue, adresse, colonneDe, lettreColonne, ligneDe } from './adresses';
import { appeler, ValeurBrute } from '../catalogue/appel';
import { trouverFonction } from '../catalogue/fonctions';
import { Bareme, LIBELLES_STATUT, Statut } from '../rules/bareme/types';
import { ajouterMois, isoVersFrancais, isoVersSerie } from '../rules/dates';
import { Decimal } from '../rules/decimal';
import { LIBELLES_ZONE } from '../rules/regles/zonage';
import { formatNombre } from '../rules/format';
import { ParametreUtilise } from '../rules/explication';
import { BLOCS_SUPPLEMENTAIRES, BlocSupplementaire, LigneVersement, ReferencesSimulation } from './blocs';
import { Cellule, DescriptionFeuille, StyleCellule } from './description';
import { Aide, eligibiliteScenario, EligibiliteAide, LIBELLES_AIDE, SOURCE_FINANCEUR } from '../rules/scenario/eligibilite';
import { LIBELLES_TYPE_CENTRE, Medecin, Scenario } from '../rules/scenario/types';

export const NOM_FEUILLE_PAR_DEFAUT = 'Simulation';

/** Nom court des dispositifs dans l'échéancier. */
const COURT: Record<Aide, string> = { CAI: 'CAI', COSCO: 'COSCO', CST: 'CST', '400POSTES': '400 postes', ACI: 'ACI', SIP: 'SIP' };

export interface OptionsSimulation {
  /** Nom de l'onglet (défaut « Simulation »). */
  nomFeuille?: string;
  /** Date de génération AAAA-MM-JJ affichée sous le titre (n'entre dans aucune formule). */
  dateGeneration?: string;
  /** Blocs ajoutés après l'échéancier (plan de financement…) ; défaut : BLOCS_SUPPLEMENTAIRES. */
  blocs?: readonly BlocSupplementaire[];
}

// — Adresses —

export { colonneDe, lettreColonne, ligneDe };
const adr = adresse;
const abs = absolue;

/** Colonnes du tableau des médecins (données d'entrée). */
const COL_MED = { libelle: 1, quotite: 2, cout: 3, honoraires: 4, poste400: 5, debutContrat: 6, joursCst: 7, honorairesCst: 8 } as const;
/** Colonnes du tableau des congés. */
const COL_CONGE = { medecin: 1, debut: 2, fin: 3, salaire: 4, ij: 5, maintenu: 6, mois: 7, salaireMois: 8, ijMois: 9 } as const;
/** Colonnes du tableau mensuel 400 postes. */
const COL_400 = { mois: 1, date: 2, seuil: 3, plafond: 4, cout: 5, honoraires: 6, conge: 7, garantie: 8, maternite: 9, versement: 10 } as const;
/** Colonnes de l'échéancier. */
const COL_ECH = { financeur: 1, dispositif: 2, objet: 3, quand: 4, montant: 5 } as const;

class Feuille {
  readonly cellules = new Map<string, Cellule>();
  readonly fusions: string[] = [];
  ligne = 1;
  colMax = 1;

  pose(col: number, ligne: number, c: Omit<Cellule, 'adresse'>): string {
    const a = adr(col, ligne);
    this.cellules.set(a, { adresse: a, ...c });
    this.colMax = Math.max(this.colMax, col);
    return a;
  }
  texte(col: number, ligne: number, valeur: string, style?: StyleCellule): string {
    return this.pose(col, ligne, { valeur, format: 'texte', ...(style ? { style } : {}) });
  }
  fusion(c1: number, l1: number, c2: number, l2: number): void {
    if (c2 > c1 || l2 > l1) this.fusions.push(`${adr(c1, l1)}:${adr(c2, l2)}`);
  }
  sauter(n = 1): void {
    this.ligne += n;
  }
}

const serie = (iso: string) => isoVersSerie(iso);
const sansMoinsUnJour = (iso: string) => {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() - 1);
  return d.toISOString().slice(0, 10);
};

/** Mois du contrat (1…) touchés par un congé : tout mois entamé par le congé compte comme mois de congé. */
export function moisDeConge(debutContrat: string, conge: { debut: string; fin: string }, maxMois = 600): number[] {
  const r: number[] = [];
  for (let m = 1; m <= maxMois; m++) {
    const debut = ajouterMois(debutContrat, m - 1);
    if (debut > conge.fin) break;
    const suivant = ajouterMois(debutContrat, m);
    if (conge.debut < suivant) r.push(m);
  }
  return r;
}

// — Notes : paramètres du barème utilisés par chaque aide, avec source et statut —

interface NoteAide {
  numero: number;
  titre: string;
  lignes: { texte: string; statut: Statut | 'info' }[];
}

function parametresDe(appels: [string, ValeurBrute[]][], bareme: Bareme): { parametres: ParametreUtilise[]; avertissements: string[]; interpretations: { texte: string; statut: Statut }[] } {
  const vus = new Set<string>();
  const parametres: ParametreUtilise[] = [];
  const avertissements: string[] = [];
  const interpretations: { texte: string; statut: Statut }[] = [];
  for (const [nom, args] of appels) {
    const f = trouverFonction(nom);
    if (!f) continue;
    try {
      const r = appeler(f, args, { bareme, aujourdhui: '2000-01-01' });
      for (const p of r.explication.parametres) {
        const cle = `${p.id}@${p.du}`;
        if (!vus.has(cle)) {
          vus.add(cle);
          parametres.push(p);
        }
      }
      for (const a of r.explication.avertissements) if (!avertissements.includes(a)) avertissements.push(a);
      for (const i of r.explication.interpretations) if (!interpretations.some((x) => x.texte === i.texte)) interpretations.push(i);
    } catch {
      // Entrée invalide pour l'exemple de calcul : la cellule montrera l'erreur ; la note reste sans paramètre.
    }
  }
  return { parametres, avertissements, interpretations };
}

function texteParametre(p: ParametreUtilise): string {
  const valeur = p.valeur === null ? 'aucune' : formatNombre(new Decimal(p.valeur), 6);
  const periode = `en vigueur du ${isoVersFrancais(p.du)}${p.au ? ` au ${isoVersFrancais(p.au)}` : ''}`;
  return `${p.libelle} = ${valeur}${p.valeur === null ? '' : ` ${p.unite}`} (${periode} ; source : ${p.source.document}, ${p.source.section})${p.note ? ` — ${p.note}` : ''}`;
}

export function prefixeStatut(statut: Statut): string {
  return statut === 'confirme' ? `[${LIBELLES_STATUT.confirme}]` : `⚠ ${LIBELLES_STATUT[statut].toUpperCase()} :`;
}

// — La description —

interface Entrees {
  debut: string;
  horizon: string;
  etp: string | null;
  medecins: { ligne: number; quotite: string; cout: string; honoraires: string; debutContrat: string; honorairesCst: string }[];
  conges: { medecin: number; ligne: number; conge: Medecin['conges'][number] }[];
  sip: { nb: string; devis: string } | null;
  aci: { fixes: string; variables: string; patientele: string; prerequis: string } | null;
}

export function decrireSimulation(scenario: Scenario, bareme: Bareme, options: OptionsSimulation = {}): DescriptionFeuille {
  const f = new Feuille();
  const s = scenario;
  const horizon = Math.max(1, Math.floor(s.simulation.horizonAnnees));
  const datesAnnees = Array.from({ length: horizon }, (_, k) => ajouterMois(s.simulation.debut, 12 * k));
  const finSimulation = ajouterMois(s.simulation.debut, 12 * horizon);
  const elig = eligibiliteScenario(s, bareme);
  const eligDe = (a: Aide) => elig.find((e) => e.aide === a) as EligibiliteAide;

  // 1. Titre et identité
  f.texte(1, 1, `Simulation des financements — ${s.centre.nom}`, 'titre');
  f.texte(1, 2,
    `${LIBELLES_TYPE_CENTRE[s.centre.type]} — ${LIBELLES_ZONE[s.centre.zone]}${s.centre.commune ? ` — ${s.centre.commune}` : ''}` +
      ` — barème ${bareme.version}${options.dateGeneration ? ` — générée le ${isoVersFrancais(options.dateGeneration)}` : ''}`,
    'sous_titre');
  f.texte(1, 3, 'Les montants sont des formules SIP.* vivantes : modifiez les cellules jaunes des données d’entrée. Financeurs : CAI, COSCO, CST, ACI = Assurance maladie (CPAM) ; 400 postes, SIP = ARS.', 'note');
  f.ligne = 5;

  // 2. Données d'entrée
  f.texte(1, f.ligne++, 'Données d’entrée', 'sous_titre');
  const entree = (libelle: string, c: Omit<Cellule, 'adresse'>): string => {
    f.texte(1, f.ligne, libelle, 'libelle');
    const a = f.pose(2, f.ligne, { style: 'entree', ...c });
    f.ligne++;
    return a;
  };
  entree('Nom du centre', { valeur: s.centre.nom, format: 'texte', nom: 'sim_nom' });
  entree('FINESS', { valeur: s.centre.finess ?? '', format: 'texte', nom: 'sim_finess' });
  entree('Commune', { valeur: s.centre.commune ?? '', format: 'texte', nom: 'sim_commune' });
  entree('Type de centre', { valeur: LIBELLES_TYPE_CENTRE[s.centre.type], format: 'texte', nom: 'sim_type' });
  entree('Zone (ZIP, ZAC, QPV, HZ)', { valeur: s.centre.zone, format: 'texte', nom: 'sim_zone' });
  entree('Date de création du centre', { valeur: serie(s.centre.dateCreation), format: 'date', nom: 'sim_creation' });
  entree('Membre d’une CPTS ou d’une ESP reconnue', { valeur: s.centre.membreCptsEsp, format: 'booleen', nom: 'sim_cpts_esp' });
  const debut = entree('Début de la simulation', { valeur: serie(s.simulation.debut), format: 'date', nom: 'sim_debut' });
  const horizonA = entree('Horizon (années)', { valeur: horizon, format: 'entier', nom: 'sim_horizon' });
  const E: Entrees = { debut, horizon: horizonA, etp: null, medecins: [], conges: [], sip: null, aci: null };
  const debutAbs = toAbs(debut);
  f.sauter();

  if (s.medecins.length) {
    const entetes = ['Médecin', 'Quotité (ETP)', 'Coût salarial mensuel chargé', 'Honoraires mensuels attendus', 'Poste « 400 postes »', 'Début du contrat', 'Jours CST par an en ZIP', 'Honoraires CST annuels'];
    entetes.forEach((t, i) => f.texte(i + 1, f.ligne, t, 'entete'));
    f.ligne++;
    const premiere = f.ligne;
    s.medecins.forEach((m, i) => {
      const l = f.ligne++;
      const n = `sim_med${i + 1}_`;
      f.pose(COL_MED.libelle, l, { valeur: m.libelle, format: 'texte', style: 'entree', nom: `${n}libelle` });
      f.pose(COL_MED.quotite, l, { valeur: m.quotite, format: 'nombre', style: 'entree', nom: `${n}quotite` });
      f.pose(COL_MED.cout, l, { valeur: m.coutSalarialMensuel, format: 'euros', style: 'entree', nom: `${n}cout` });
      f.pose(COL_MED.honoraires, l, { valeur: m.honorairesMensuels, format: 'euros', style: 'entree', nom: `${n}honoraires` });
      f.pose(COL_MED.poste400, l, { valeur: m.poste400, format: 'booleen', style: 'entree', nom: `${n}poste400` });
      f.pose(COL_MED.debutContrat, l, { valeur: serie(m.debutContrat ?? s.simulation.debut), format: 'date', style: 'entree', nom: `${n}debut` });
      f.pose(COL_MED.joursCst, l, { valeur: m.joursCstParAn, format: 'entier', style: 'entree', nom: `${n}jours_cst` });
      f.pose(COL_MED.honorairesCst, l, { valeur: m.honorairesCstAnnuels, format: 'euros', style: 'entree', nom: `${n}honoraires_cst` });
      E.medecins.push({
        ligne: l,
        quotite: abs(COL_MED.quotite, l),
        cout: abs(COL_MED.cout, l),
        honoraires: abs(COL_MED.honoraires, l),
        debutContrat: abs(COL_MED.debutContrat, l),
        honorairesCst: abs(COL_MED.honorairesCst, l),
      });
    });
    f.texte(1, f.ligne, 'Total ETP de médecins salariés', 'total');
    E.etp = abs(2, f.ligne);
    f.pose(2, f.ligne, { formule: `=SUM(${adr(2, premiere)}:${adr(2, f.ligne - 1)})`, format: 'nombre', style: 'total', nom: 'sim_etp' });
    f.ligne += 2;

    const conges = s.medecins.flatMap((m, i) => m.conges.map((c) => ({ i, m, c })));
    if (conges.length) {
      const t = ['Congé maternité / paternité', 'Début', 'Fin', 'Salaire chargé sur la période', 'IJ perçues sur la période', 'Salaire maintenu', 'Mois comptés', 'Salaire chargé par mois', 'IJ par mois'];
      t.forEach((x, k) => f.texte(k + 1, f.ligne, x, 'entete'));
      f.ligne++;
      conges.forEach(({ i, m, c }, k) => {
        const l = f.ligne++;
        const n = `sim_conge${k + 1}_`;
        const nbMois = moisDeConge(m.debutContrat ?? s.simulation.debut, c).length || 1;
        f.pose(COL_CONGE.medecin, l, { valeur: m.libelle, format: 'texte', style: 'libelle' });
        f.pose(COL_CONGE.debut, l, { valeur: serie(c.debut), format: 'date', style: 'entree', nom: `${n}debut` });
        f.pose(COL_CONGE.fin, l, { valeur: serie(c.fin), format: 'date', style: 'entree', nom: `${n}fin` });
        f.pose(COL_CONGE.salaire, l, { valeur: c.salaireCharge, format: 'euros', style: 'entree', nom: `${n}salaire` });
        f.pose(COL_CONGE.ij, l, { valeur: c.indemnitesJournalieres, format: 'euros', style: 'entree', nom: `${n}ij` });
        f.pose(COL_CONGE.maintenu, l, { valeur: c.salaireMaintenu, format: 'booleen', style: 'entree', nom: `${n}maintenu` });
        f.pose(COL_CONGE.mois, l, { valeur: nbMois, format: 'entier', style: 'calcul' });
        f.pose(COL_CONGE.salaireMois, l, { formule: `=${adr(COL_CONGE.salaire, l)}/${adr(COL_CONGE.mois, l)}`, format: 'euros', style: 'calcul' });
        f.pose(COL_CONGE.ijMois, l, { formule: `=${adr(COL_CONGE.ij, l)}/${adr(COL_CONGE.mois, l)}`, format: 'euros', style: 'calcul' });
        E.conges.push({ medecin: i, ligne: l, conge: c });
      });
      f.texte(1, f.ligne++, 'Chaque mois du contrat entamé par le congé est compté en congé : la garantie du mois est remplacée par la prise en charge du congé (salaire chargé − IJ, réparti par mois).', 'note');
      f.sauter();
    }
  }

  if (s.sip) {
    f.texte(1, f.ligne++, 'Aide SIP (MSP)', 'entete');
    const nb = entree('Nombre de professionnels du projet', { valeur: s.sip.nbProfessionnels, format: 'entier', nom: 'sim_sip_professionnels' });
    const devis = entree('Montant des devis validés', { valeur: s.sip.montantDevis, format: 'euros', nom: 'sim_sip_devis' });
    E.sip = { nb, devis };
    f.sauter();
  }

  if (s.aci && s.aci.adhesion !== 'aucune') {
    const a = s.aci;
    f.texte(1, f.ligne++, a.adhesion === 'aci' ? 'ACI — accord conventionnel interprofessionnel' : 'Accord national des centres de santé', 'entete');
    entree('Adhésion (exclusive : ACI ou accord national)', { valeur: a.adhesion === 'aci' ? 'ACI' : 'Accord national', format: 'texte', nom: 'sim_aci_adhesion' });
    const patientele = entree('Patientèle médecin traitant des médecins associés', { valeur: a.patientele, format: 'entier', nom: 'sim_aci_patientele' });
    const t = ['Indicateur', 'Prérequis', 'Points fixes', 'Points variables', 'Atteint', 'Fixes retenus', 'Variables retenus', 'Prérequis manquant'];
    t.forEach((x, k) => f.texte(k + 1, f.ligne, x, 'entete'));
    f.ligne++;
    const premiere = f.ligne;
    for (const ind of a.indicateurs) {
      const l = f.ligne++;
      f.pose(1, l, { valeur: ind.libelle, format: 'texte', style: 'libelle' });
      f.pose(2, l, { valeur: ind.prerequis, format: 'booleen', style: 'entree' });
      f.pose(3, l, { valeur: ind.pointsFixes, format: 'entier', style: 'entree' });
      f.pose(4, l, { valeur: ind.pointsVariables, format: 'entier', style: 'entree' });
      f.pose(5, l, { valeur: ind.atteint, format: 'booleen', style: 'entree' });
      f.pose(6, l, { formule: `=IF(${adr(5, l)},${adr(3, l)},0)`, format: 'entier', style: 'calcul' });
      f.pose(7, l, { formule: `=IF(${adr(5, l)},${adr(4, l)},0)`, format: 'entier', style: 'calcul' });
      f.pose(8, l, { formule: `=IF(AND(${adr(2, l)},NOT(${adr(5, l)})),1,0)`, format: 'entier', style: 'calcul' });
    }
    const derniere = f.ligne - 1;
    const somme = (col: number) => (a.indicateurs.length ? { formule: `=SUM(${adr(col, premiere)}:${adr(col, derniere)})` } : { valeur: 0 });
    f.texte(1, f.ligne, 'Points fixes atteints', 'total');
    const fixes = f.pose(2, f.ligne++, { ...somme(6), format: 'entier', style: 'total', nom: 'sim_aci_fixes' });
    f.texte(1, f.ligne, 'Points variables atteints (pour la patientèle de référence)', 'total');
    const variables = f.pose(2, f.ligne++, { ...somme(7), format: 'entier', style: 'total', nom: 'sim_aci_variables' });
    f.texte(1, f.ligne, 'Tous les prérequis remplis', 'total');
    const prerequis = f.pose(2, f.ligne++, a.indicateurs.length
      ? { formule: `=SUM(${adr(8, premiere)}:${adr(8, derniere)})=0`, format: 'booleen', style: 'total', nom: 'sim_aci_prerequis' }
      : { valeur: true, format: 'booleen', style: 'total', nom: 'sim_aci_prerequis' });
    E.aci = { fixes: toAbs(fixes), variables: toAbs(variables), patientele: toAbs(patientele), prerequis: toAbs(prerequis) };
    f.sauter();
  }

  // 3. Éligibilité
  f.texte(1, f.ligne++, 'Éligibilité des aides', 'sous_titre');
  ['Aide', 'Financeur', 'Éligible', 'Condition ou motif du refus'].forEach((t, k) => f.texte(k + 1, f.ligne, t, 'entete'));
  f.ligne++;
  for (const e of elig) {
    f.texte(1, f.ligne, LIBELLES_AIDE[e.aide], 'libelle');
    f.texte(2, f.ligne, e.financeur, 'libelle');
    f.texte(3, f.ligne, e.eligible ? 'Oui' : 'Non', e.eligible ? 'calcul' : 'alerte');
    f.texte(4, f.ligne, e.motif, e.eligible ? 'note' : 'alerte');
    f.ligne++;
  }
  f.sauter();

  // Notes (numérotées dans l'ordre des aides ; écrites en fin de feuille)
  const notes = construireNotes(s, bareme, elig, datesAnnees);
  const renvoi = (a: Aide) => `(${notes.find((n) => n.aide === a)?.numero ?? ''})`;

  // 4. Bases de calcul et versements par année
  const colAn = (k: number) => 2 + k; // k = 0…horizon-1
  const colTotal = colAn(horizon);
  const colNote = colTotal + 1;
  const ligneAnnees = (titre: string) => {
    f.texte(1, f.ligne, titre, 'entete');
    for (let k = 0; k < horizon; k++) f.texte(colAn(k), f.ligne, `Année ${k + 1}`, 'entete');
    f.texte(colTotal, f.ligne, 'Total', 'entete');
    f.texte(colNote, f.ligne, 'Note', 'entete');
    f.ligne++;
  };
  f.texte(1, f.ligne++, 'Montants par aide et par année', 'sous_titre');
  ligneAnnees('Bases de calcul');
  const ligneDates = f.ligne++;
  f.texte(1, ligneDates, 'Début de l’année', 'libelle');
  const dateAn = (k: number) => `${lettreColonne(colAn(k))}$${ligneDates}`;
  for (let k = 0; k < horizon; k++) {
    f.pose(colAn(k), ligneDates, { formule: k === 0 ? `=${debutAbs}` : `=EDATE(${debutAbs},${12 * k})`, format: 'date', style: 'calcul' });
  }
  const bases: Partial<Record<'cai' | 'aci' | 'sipPlafond' | 'sipAide', number>> = {};
  if (eligDe('CAI').eligible && E.etp) {
    const l = (bases.cai = f.ligne++);
    f.texte(1, l, 'CAI — montant total du contrat (versé en deux fois)', 'libelle');
    f.pose(2, l, { formule: `=SIP.CAI(${E.etp},,${debutAbs})`, format: 'euros', style: 'calcul' });
    f.texte(colNote, l, renvoi('CAI'), 'note');
  }
  if (eligDe('ACI').eligible && E.aci) {
    const l = (bases.aci = f.ligne++);
    f.texte(1, l, 'ACI — rémunération annuelle (droit de l’année)', 'libelle');
    for (let k = 0; k < horizon; k++) {
      f.pose(colAn(k), l, { formule: `=SIP.ACI(${E.aci.fixes},${E.aci.variables},${E.aci.patientele},${E.aci.prerequis},${dateAn(k)})`, format: 'euros', style: 'calcul' });
    }
    f.texte(colNote, l, renvoi('ACI'), 'note');
  }
  if (eligDe('SIP').eligible && E.sip) {
    const lp = (bases.sipPlafond = f.ligne++);
    f.texte(1, lp, 'SIP — plafond de l’aide', 'libelle');
    f.pose(2, lp, { formule: `=SIP.PLAFOND(${toAbs(E.sip.nb)},${debutAbs})`, format: 'euros', style: 'calcul' });
    f.texte(colNote, lp, renvoi('SIP'), 'note');
    const la = (bases.sipAide = f.ligne++);
    f.texte(1, la, 'SIP — aide accordée = min(devis ; plafond)', 'libelle');
    f.pose(2, la, { formule: `=SIP.AIDE(${toAbs(E.sip.devis)},${toAbs(E.sip.nb)},${debutAbs})`, format: 'euros', style: 'calcul' });
    f.texte(colNote, la, renvoi('SIP'), 'note');
  }
  f.sauter();

  // Tableaux mensuels 400 postes : placés après l'échéancier, mais leurs lignes sont connues d'avance.
  const e400 = eligDe('400POSTES');
  const medecins400 = e400.eligible ? s.medecins.map((m, i) => ({ m, i })).filter(({ m }) => m.poste400) : [];

  ligneAnnees('Versements par année (date de versement)');
  const versements: LigneVersement[] = [];
  const refusee = (aide: Aide, libelle: string) => {
    const l = f.ligne++;
    f.texte(1, l, libelle, 'libelle');
    f.texte(2, l, `Non éligible : ${eligDe(aide).motif}`, 'alerte');
    f.fusion(2, l, colTotal, l);
    f.texte(colNote, l, renvoi(aide), 'note');
    return l;
  };
  const ligneVersement = (aide: Aide, libelle: string, formules: (string | null)[], quand: (k: number) => string, objet: string) => {
    const l = f.ligne++;
    f.texte(1, l, libelle, 'libelle');
    formules.forEach((fo, k) => {
      if (fo) f.pose(colAn(k), l, { formule: fo, format: 'euros', style: 'calcul' });
    });
    f.pose(colTotal, l, { formule: `=SUM(${adr(colAn(0), l)}:${adr(colAn(horizon - 1), l)})`, format: 'euros', style: 'total' });
    f.texte(colNote, l, renvoi(aide), 'note');
    versements.push({ aide, financeur: eligDe(aide).financeur, libelle, objet, ligne: l, annees: formules.map((x, k) => (x ? k : -1)).filter((k) => k >= 0), quand });
    return l;
  };
  const parAn = (g: (k: number) => string | null) => Array.from({ length: horizon }, (_, k) => g(k));

  // — CPAM —
  f.texte(1, f.ligne++, 'Assurance maladie (CPAM)', 'entete');
  const premiereCpam = f.ligne;
  if (bases.cai && E.etp) {
    const etp = E.etp;
    ligneVersement('CAI', 'CAI — 1er versement', parAn((k) => (k === 0 ? `=SIP.CAI(${etp},1,${debutAbs})` : null)),
      () => `à la signature du contrat (${isoVersFrancais(s.simulation.debut)})`, '1er versement du CAI');
    if (horizon >= 2) {
      ligneVersement('CAI', 'CAI — 2e versement', parAn((k) => (k === 1 ? `=SIP.CAI(${etp},2,${debutAbs})` : null)),
        () => `un an après la signature (${isoVersFrancais(datesAnnees[1])}), répartition à confirmer`, '2e versement du CAI');
    } else {
      const l = f.ligne++;
      f.texte(1, l, 'CAI — 2e versement', 'libelle');
      f.texte(2, l, `hors de l’horizon de la simulation (versé un an après la signature, le ${isoVersFrancais(ajouterMois(s.simulation.debut, 12))})`, 'note');
      f.fusion(2, l, colTotal, l);
    }
  } else refusee('CAI', 'CAI');
  if (eligDe('COSCO').eligible && E.etp) {
    const etp = E.etp;
    const aPartir = eligDe('COSCO').aPartirDu ?? s.simulation.debut;
    ligneVersement('COSCO', 'COSCO — ETP de médecins salariés',
      parAn((k) => (datesAnnees[k] >= aPartir ? `=SIP.COSCO(${etp},1,${dateAn(k)})` : null)),
      (k) => `annuel, au titre de l’année du ${isoVersFrancais(datesAnnees[k])} au ${isoVersFrancais(sansMoinsUnJour(ajouterMois(datesAnnees[k], 12)))}`,
      'COSCO de l’année');
  } else refusee('COSCO', 'COSCO');
  const eCst = eligDe('CST');
  if (eCst.eligible) {
    s.medecins.forEach((m, i) => {
      if (eCst.medecins?.[i] !== null) return;
      const em = E.medecins[i];
      ligneVersement('CST', `CST — ${m.libelle}`, parAn((k) => `=SIP.CST(${em.honorairesCst},${em.quotite},${dateAn(k)})`),
        (k) => `annuel, au titre de l’année du ${isoVersFrancais(datesAnnees[k])}`, `CST de ${m.libelle}`);
    });
  } else refusee('CST', 'CST');
  let ligneAvance = 0;
  if (bases.aci) {
    const b = bases.aci;
    ligneAvance = ligneVersement('ACI', 'ACI — avance de l’année (année n)',
      parAn((k) => `=SIP.ACI_AVANCE(${adr(colAn(k), b)},${dateAn(k)})`),
      (k) => `année ${k + 1} : dans les 3 mois de la signature pour un nouvel adhérent, sinon au 30 avril ${datesAnnees[k].slice(0, 4)}`, 'avance ACI');
    const la = ligneAvance;
    ligneVersement('ACI', 'ACI — solde de l’année précédente (n+1)',
      parAn((k) => (k === 0 ? null : `=${adr(colAn(k - 1), b)}-${adr(colAn(k - 1), la)}`)),
      (k) => `au 30 avril ${Number(datesAnnees[k - 1].slice(0, 4)) + 1}, solde de l’année ${k}`, 'solde ACI');
  } else refusee('ACI', 'ACI / accord national');
  const derniereCpam = f.ligne - 1;
  const sousTotal = (libelle: string, l1: number, l2: number) => {
    const l = f.ligne++;
    f.texte(1, l, libelle, 'total');
    for (let k = 0; k <= horizon; k++) {
      const c = colAn(k);
      f.pose(c, l, { formule: `=SUM(${adr(c, l1)}:${adr(c, l2)})`, format: 'euros', style: 'total' });
    }
    return l;
  };
  const totalCpam = sousTotal('Total Assurance maladie (CPAM)', premiereCpam, derniereCpam);

  // — ARS —
  f.texte(1, f.ligne++, 'Agence régionale de santé (ARS)', 'entete');
  const premiereArs = f.ligne;
  // Les tableaux mensuels commencent après l'échéancier : on calcule leurs lignes après coup.
  const lignes400: { i: number; ligne: number; moisParAnnee: number[][] }[] = [];
  if (medecins400.length) {
    for (const { m, i } of medecins400) {
      const debutContrat = m.debutContrat ?? s.simulation.debut;
      const moisParAnnee = Array.from({ length: horizon }, (_, k) => {
        const r: number[] = [];
        for (let mo = 1; mo <= dureeGarantie400(bareme, s); mo++) {
          const d = ajouterMois(debutContrat, mo - 1);
          if (d >= datesAnnees[k] && d < (k + 1 < horizon ? datesAnnees[k + 1] : finSimulation)) r.push(mo);
        }
        return r;
      });
      const l = f.ligne++;
      lignes400.push({ i, ligne: l, moisParAnnee });
    }
  } else refusee('400POSTES', '400 postes');
  const ligneSip: number[] = [];
  if (bases.sipAide) {
    const b = abs(2, bases.sipAide);
    ligneSip.push(ligneVersement('SIP', 'SIP — 1er versement à la convention', parAn((k) => (k === 0 ? `=SIP.VERSEMENT(${b},1,${debutAbs})` : null)),
      () => `à la signature de la convention (${isoVersFrancais(s.sip?.dateConvention ?? s.simulation.debut)})`, 'aide SIP, 1er versement'));
    ligneSip.push(ligneVersement('SIP', 'SIP — solde au PV d’installation', parAn((k) => (k === 0 ? `=SIP.VERSEMENT(${b},2,${debutAbs})` : null)),
      () => (s.sip?.dateCloture ? `au procès-verbal d’installation (prévu le ${isoVersFrancais(s.sip.dateCloture)})` : 'au procès-verbal d’installation (dans l’année de l’appel à candidatures)'), 'aide SIP, solde'));
  } else refusee('SIP', 'SIP');
  const derniereArs = f.ligne - 1;
  const totalArs = sousTotal('Total ARS', premiereArs, derniereArs);
  const lTotal = f.ligne++;
  f.texte(1, lTotal, 'Total des aides (CPAM + ARS)', 'total');
  for (let k = 0; k <= horizon; k++) {
    const c = colAn(k);
    f.pose(c, lTotal, { formule: `=${adr(c, totalCpam)}+${adr(c, totalArs)}`, format: 'euros', style: 'total' });
  }
  f.sauter();

  // 5. Échéancier : une ligne par versement (financeur, dispositif, objet, date, montant)
  f.texte(1, f.ligne++, 'Échéancier des versements', 'sous_titre');
  ['Financeur', 'Dispositif', 'Objet', 'Quand', 'Montant'].forEach((t, k) => f.texte(k + 1, f.ligne, t, 'entete'));
  f.ligne++;
  const premiereEch = f.ligne;
  const ligneEcheance = (financeur: string, dispositif: string, objet: string, quand: string, formule: string) => {
    const l = f.ligne++;
    f.texte(COL_ECH.financeur, l, financeur, 'libelle');
    f.texte(COL_ECH.dispositif, l, dispositif, 'libelle');
    f.texte(COL_ECH.objet, l, objet, 'libelle');
    f.texte(COL_ECH.quand, l, quand, 'libelle');
    f.pose(COL_ECH.montant, l, { formule, format: 'euros', style: 'calcul' });
  };
  // Ordre chronologique par année, puis par financeur (lignes du tableau des versements).
  const echeances: { k: number; ordre: number; ecrire: () => void }[] = [];
  for (const v of versements) {
    for (const k of v.annees) {
      echeances.push({ k, ordre: v.ligne, ecrire: () => ligneEcheance(v.financeur, COURT[v.aide], v.objet, v.quand(k), `=${adr(colAn(k), v.ligne)}`) });
    }
  }
  // 400 postes : lignes du tableau des versements remplies une fois les tableaux mensuels placés.
  for (const l4 of lignes400) {
    l4.moisParAnnee.forEach((mois, k) => {
      if (!mois.length) return;
      echeances.push({ k, ordre: l4.ligne, ecrire: () => ligneEcheance('ARS', COURT['400POSTES'], `garantie mensuelle de ${s.medecins[l4.i].libelle}, mois ${mois[0]} à ${mois[mois.length - 1]} du contrat`, 'chaque mois, à terme échu', `=${adr(colAn(k), l4.ligne)}`) });
    });
  }
  echeances.sort((a, b) => a.k - b.k || a.ordre - b.ordre).forEach((e) => e.ecrire());
  const derniereEch = f.ligne - 1;
  f.texte(COL_ECH.quand, f.ligne, 'Total de l’échéancier (égal au total des aides)', 'total');
  f.pose(COL_ECH.montant, f.ligne, derniereEch >= premiereEch
    ? { formule: `=SUM(${adr(COL_ECH.montant, premiereEch)}:${adr(COL_ECH.montant, derniereEch)})`, format: 'euros', style: 'total' }
    : { valeur: 0, format: 'euros', style: 'total' });
  f.ligne += 2;

  // 6. Tableaux mensuels 400 postes (24 premiers mois du contrat)
  for (const l4 of lignes400) {
    const m = s.medecins[l4.i];
    const em = E.medecins[l4.i];
    const debutContrat = m.debutContrat ?? s.simulation.debut;
    const duree = dureeGarantie400(bareme, s);
    f.texte(1, f.ligne++, `Garantie « 400 postes » — ${m.libelle} (quotité ${String(m.quotite).replace('.', ',')}), ${duree} premiers mois du contrat`, 'sous_titre');
    ['Mois du contrat', 'Date', 'Seuil de consultations / mois', 'Coût garanti maximal', 'Coût salarial', 'Honoraires', 'Congé', 'Garantie du mois', 'Congé maternité / paternité', 'Versement ARS'].forEach((t, k) => f.texte(k + 1, f.ligne, t, 'entete'));
    f.ligne++;
    const premiere = f.ligne;
    const congesMed = E.conges.filter((c) => c.medecin === l4.i).map((c) => ({ ...c, mois: moisDeConge(debutContrat, c.conge) }));
    for (let mo = 1; mo <= duree; mo++) {
      const l = f.ligne++;
      const A = (c: number) => adr(c, l);
      f.pose(COL_400.mois, l, { valeur: mo, format: 'entier', style: 'libelle' });
      f.pose(COL_400.date, l, { formule: `=EDATE(${em.debutContrat},${A(COL_400.mois)}-1)`, format: 'date', style: 'calcul' });
      f.pose(COL_400.seuil, l, { formule: `=SIP.SEUIL400(${A(COL_400.mois)},${em.quotite},${A(COL_400.date)})`, format: 'consultations', style: 'calcul' });
      f.pose(COL_400.plafond, l, { formule: `=SIP.PLAFOND400(${em.quotite},${A(COL_400.date)})`, format: 'euros', style: 'calcul' });
      f.pose(COL_400.cout, l, { formule: `=${em.cout}`, format: 'euros', style: 'calcul' });
      f.pose(COL_400.honoraires, l, { formule: `=${em.honoraires}`, format: 'euros', style: 'calcul' });
      const conge = congesMed.find((c) => c.mois.includes(mo));
      if (conge) {
        const lc = conge.ligne;
        f.texte(COL_400.conge, l, 'congé', 'alerte');
        f.pose(COL_400.garantie, l, { valeur: 0, format: 'euros', style: 'calcul' });
        f.pose(COL_400.maternite, l, {
          formule: `=SIP.MATERNITE400(${abs(COL_CONGE.salaireMois, lc)},${abs(COL_CONGE.ijMois, lc)},${abs(COL_CONGE.maintenu, lc)})`,
          format: 'euros',
          style: 'calcul',
        });
      } else {
        f.pose(COL_400.garantie, l, { formule: `=SIP.GARANTIE400(${A(COL_400.cout)},${A(COL_400.honoraires)},${em.quotite},${A(COL_400.date)})`, format: 'euros', style: 'calcul' });
      }
      f.pose(COL_400.versement, l, { formule: `=SUM(${A(COL_400.garantie)}:${A(COL_400.maternite)})`, format: 'euros', style: 'calcul' });
    }
    const derniere = f.ligne - 1;
    f.texte(1, f.ligne, `Total sur ${duree} mois ${renvoi('400POSTES')}`, 'total');
    for (const c of [COL_400.garantie, COL_400.maternite, COL_400.versement]) {
      f.pose(c, f.ligne, { formule: `=SUM(${adr(c, premiere)}:${adr(c, derniere)})`, format: 'euros', style: 'total' });
    }
    f.ligne += 2;
    // Ligne du tableau des versements : somme des mois de chaque année de simulation.
    const lv = l4.ligne;
    f.texte(1, lv, `400 postes — ${m.libelle}`, 'libelle');
    l4.moisParAnnee.forEach((mois, k) => {
      if (!mois.length) return;
      f.pose(colAn(k), lv, { formule: `=SUM(${adr(COL_400.versement, premiere + mois[0] - 1)}:${adr(COL_400.versement, premiere + mois[mois.length - 1] - 1)})`, format: 'euros', style: 'calcul' });
    });
    f.pose(colTotal, lv, { formule: `=SUM(${adr(colAn(0), lv)}:${adr(colAn(horizon - 1), lv)})`, format: 'euros', style: 'total' });
    f.texte(colNote, lv, renvoi('400POSTES'), 'note');
    versements.push({ aide: '400POSTES', financeur: 'ARS', libelle: `400 postes — ${m.libelle}`, objet: `garantie mensuelle de ${m.libelle}`, ligne: lv, annees: l4.moisParAnnee.map((x, k) => (x.length ? k : -1)).filter((k) => k >= 0), quand: () => 'chaque mois, à terme échu' });
  }

  // 7. Blocs supplémentaires (plan de financement, issue 8) : après les tableaux, avant les notes.
  const refs: ReferencesSimulation = {
    scenario: s,
    bareme,
    debut: debutAbs,
    etpTotal: E.etp,
    horizon,
    datesAnnees,
    colonnesAnnees: Array.from({ length: horizon }, (_, k) => lettreColonne(colAn(k))),
    ligneDatesAnnees: ligneDates,
    medecins: E.medecins.map((m) => ({ quotite: m.quotite, cout: m.cout, honoraires: m.honoraires, debutContrat: m.debutContrat })),
    versements,
    lignesTotaux: { CPAM: totalCpam, ARS: totalArs, total: lTotal },
  };
  const graphiques: DescriptionFeuille['graphiques'] = [];
  for (const bloc of options.blocs ?? BLOCS_SUPPLEMENTAIRES) {
    const r = bloc(refs, f.ligne);
    for (const c of r.cellules) {
      f.cellules.set(c.adresse, c);
      f.colMax = Math.max(f.colMax, colonneDe(c.adresse));
    }
    f.fusions.push(...(r.fusions ?? []));
    graphiques.push(...r.graphiques);
    f.ligne += r.lignes + 1;
  }

  // 8. Notes et sources
  f.texte(1, f.ligne++, 'Notes : source et statut de chaque paramètre du barème', 'sous_titre');
  f.texte(1, f.ligne++, `Barème ${bareme.version}. Statuts : confirmé (document source), à confirmer (source secondaire ou interprétation), hypothèse (aucun chiffre public : valeur de travail à remplacer).`, 'note');
  for (const n of notes) {
    f.texte(1, f.ligne++, `(${n.numero}) ${n.titre}`, 'entete');
    for (const li of n.lignes) f.texte(1, f.ligne++, li.texte, li.statut === 'info' || li.statut === 'confirme' ? 'note' : 'alerte');
  }

  const colMax = Math.max(f.colMax, colNote);
  const largeurs: number[] = [46, ...Array.from({ length: colMax - 1 }, () => 16)];
  largeurs[COL_ECH.objet - 1] = Math.max(largeurs[COL_ECH.objet - 1], 24);
  largeurs[COL_ECH.quand - 1] = Math.max(largeurs[COL_ECH.quand - 1], 30);
  const cellules = [...f.cellules.values()].sort((a, b) => ligneDe(a.adresse) - ligneDe(b.adresse) || colonneDe(a.adresse) - colonneDe(b.adresse));
  return {
    nom: options.nomFeuille ?? NOM_FEUILLE_PAR_DEFAUT,
    plage: `A1:${adr(colMax, f.ligne - 1)}`,
    colonnes: largeurs.map((largeur, k) => ({ lettre: lettreColonne(k + 1), largeur })),
    cellules,
    fusions: f.fusions,
    graphiques,
  };
}

function toAbs(a: string): string {
  return a.replace(/^\$?([A-Z]+)\$?(\d+)$/, '$$$1$$$2');
}

/** Durée de la garantie 400 postes (barème : 24 mois) lue au début de la simulation. */
function dureeGarantie400(bareme: Bareme, s: Scenario): number {
  // Pas de durée dans le barème à cette date : aucun mois garanti (jamais de durée devinée).
  const f = trouverFonction('PARAMETRE');
  try {
    return f ? Number(appeler(f, ['postes400.duree_mois', isoVersSerie(s.simulation.debut)], { bareme, aujourdhui: s.simulation.debut }).valeur.toString()) : 0;
  } catch {
    return 0;
  }
}

function construireNotes(s: Scenario, bareme: Bareme, elig: EligibiliteAide[], datesAnnees: string[]): (NoteAide & { aide: Aide })[] {
  const num = (v: number, defaut: number) => (Number.isFinite(v) && v > 0 ? v : defaut);
  const etp = num(s.medecins.reduce((t, m) => t + m.quotite, 0), 1);
  const series = datesAnnees.map(serie);
  const atteints = (s.aci?.indicateurs ?? []).filter((i) => i.atteint);
  const aciFixes = atteints.reduce((t, i) => t + i.pointsFixes, 0);
  const aciVariables = atteints.reduce((t, i) => t + i.pointsVariables, 0);
  const aciAnnuel = (d: number): number => {
    const f = trouverFonction('ACI');
    try {
      return f ? Number(appeler(f, [aciFixes, aciVariables, s.aci?.patientele ?? 0, true, d], { bareme, aujourdhui: s.simulation.debut }).valeur.toString()) : 1;
    } catch {
      return 1;
    }
  };
  const appelsPar: Record<Aide, [string, ValeurBrute[]][]> = {
    CAI: [['CAI', [etp, 1, series[0]]]],
    COSCO: series.map((d) => ['COSCO', [etp, 1, d]] as [string, ValeurBrute[]]),
    CST: s.medecins.flatMap((m) => series.map((d) => ['CST', [num(m.honorairesCstAnnuels, 1), num(m.quotite, 1), d]] as [string, ValeurBrute[]])),
    '400POSTES': [
      ...s.medecins.filter((m) => m.poste400).flatMap((m) => [
        ['GARANTIE400', [m.coutSalarialMensuel, m.honorairesMensuels, num(m.quotite, 1), serie(m.debutContrat ?? s.simulation.debut)]],
        ['SEUIL400', [1, num(m.quotite, 1), serie(m.debutContrat ?? s.simulation.debut)]],
        ['SEUIL400', [12, num(m.quotite, 1), serie(m.debutContrat ?? s.simulation.debut)]],
      ] as [string, ValeurBrute[]][]),
      ['MATERNITE400', [1, 0, true]],
    ],
    ACI: series.flatMap((d) => [['ACI', [aciFixes, aciVariables, num(s.aci?.patientele ?? 0, 1), true, d]], ['ACI_AVANCE', [aciAnnuel(d), d]]] as [string, ValeurBrute[]][]),
    SIP: s.sip ? [['AIDE', [s.sip.montantDevis, num(s.sip.nbProfessionnels, 1), series[0]]], ['VERSEMENT', [1, 1, series[0]]]] : [['AIDE', [1, 1, series[0]]], ['VERSEMENT', [1, 1, series[0]]]],
  };
  const complements: Partial<Record<Aide, { texte: string; statut: Statut | 'info' }[]>> = {
    CAI: [{ texte: 'Échéancier : 1er versement à la signature, 2e versement un an après (par analogie avec le CAIM libéral).', statut: 'a_confirmer' }],
    COSCO: [
      { texte: 'Versé pour chaque année à partir de la 2e année d’un centre nouveau ; contrat de 3 ans tacitement renouvelable.', statut: 'info' },
      { texte: 'Présentation : seules les années de simulation commençant après le 1er anniversaire du centre sont comptées (pas de prorata de l’année où le centre atteint un an).', statut: 'hypothese' },
    ],
    '400POSTES': [{ texte: 'Garantie mensuelle = max(0 ; min(coût salarial ; plafond × quotité) − honoraires) ; pendant un congé maternité/paternité, salaire chargé − IJ si le salaire est maintenu.', statut: 'info' }],
    ACI: s.aci?.adhesion === 'accord_national'
      ? [{ texte: 'Accord national des centres de santé : les valeurs de points ne sont pas publiées ; la valeur du point ACI est appliquée aux points saisis.', statut: 'hypothese' }]
      : [],
  };
  const r: (NoteAide & { aide: Aide })[] = [];
  let numero = 1;
  for (const e of elig) {
    const lignes: NoteAide['lignes'] = [{ texte: `Financeur : ${SOURCE_FINANCEUR[e.aide]}.`, statut: 'info' }];
    if (!e.eligible) lignes.push({ texte: `Non éligible : ${e.motif}`, statut: 'info' });
    else {
      const { parametres, avertissements, interpretations } = parametresDe(appelsPar[e.aide], bareme);
      for (const p of parametres) lignes.push({ texte: `${prefixeStatut(p.statut)} ${texteParametre(p)}`, statut: p.statut });
      for (const i of interpretations) lignes.push({ texte: `${prefixeStatut(i.statut)} Interprétation : ${i.texte}`, statut: i.statut });
      for (const a of avertissements) lignes.push({ texte: `⚠ ${a}`, statut: 'a_confirmer' });
      for (const c of complements[e.aide] ?? []) lignes.push({ ...c, texte: c.statut === 'info' ? c.texte : `${prefixeStatut(c.statut)} ${c.texte}` });
    }
    r.push({ aide: e.aide, numero: numero++, titre: LIBELLES_AIDE[e.aide], lignes });
  }
  return r;
}

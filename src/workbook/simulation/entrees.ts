// Bloc 2 : les données d'entrée (cellules jaunes nommées) : centre, médecins, congés, demande SIP,
// indicateurs ACI. Chaque cellule que citent les formules est notée dans `ctx.entrees`.
import { isoVersSerie } from '../../rules/dates';
import { LIBELLES_NATURE } from '../../rules/regles/aci-indicateurs';
import { LIBELLES_TYPE_CENTRE, type IndicateurAci } from '../../rules/scenario/types';
import { natureIndicateur } from '../../rules/versements/aci';
import { adresse } from '../adresses';
import type { Cellule } from '../description';
import type { ContexteSimulation } from './contexte';

const serie = (iso: string) => isoVersSerie(iso);

/** Une ligne « libellé | valeur » ; rend la référence absolue de la valeur. */
function entree(ctx: ContexteSimulation, libelle: string, c: Omit<Cellule, 'adresse'>): string {
  const { f } = ctx;
  f.texte(1, f.ligne, libelle, 'libelle');
  const a = f.pose(2, f.ligne, { style: 'entree', ...c });
  f.ligne++;
  return a;
}

function centre(ctx: ContexteSimulation): void {
  const { f, s } = ctx;
  f.texte(1, f.ligne++, 'Données d’entrée', 'sous_titre');
  entree(ctx, 'Nom du centre', { valeur: s.centre.nom, format: 'texte', nom: 'sim_nom' });
  entree(ctx, 'FINESS', { valeur: s.centre.finess ?? '', format: 'texte', nom: 'sim_finess' });
  entree(ctx, 'Commune', { valeur: s.centre.commune ?? '', format: 'texte', nom: 'sim_commune' });
  entree(ctx, 'Type de centre', { valeur: LIBELLES_TYPE_CENTRE[s.centre.type], format: 'texte', nom: 'sim_type' });
  entree(ctx, 'Zonage médecin (ZIP, ZAC, HZ)', { valeur: s.centre.zone, format: 'texte', nom: 'sim_zone' });
  entree(ctx, 'Quartier prioritaire de la politique de la ville (QPV)', { valeur: s.centre.qpv === true || s.centre.zone === 'QPV', format: 'booleen', nom: 'sim_qpv' });
  entree(ctx, 'Centre situé sur une île', { valeur: s.centre.ile === true, format: 'booleen', nom: 'sim_ile' });
  if (s.centre.type === 'cds_devenant_polyvalent') {
    entree(ctx, 'Demande de devenir polyvalent', { valeur: s.centre.dateDemandePolyvalent ? serie(s.centre.dateDemandePolyvalent) : null, format: 'date', nom: 'sim_demande_polyvalent' });
  }
  entree(ctx, 'Date de création du centre', { valeur: serie(s.centre.dateCreation), format: 'date', nom: 'sim_creation' });
  entree(ctx, 'Membre d’une CPTS ou d’une ESP reconnue', { valeur: s.centre.membreCptsEsp, format: 'booleen', nom: 'sim_cpts_esp' });
  entree(ctx, 'Début de la simulation', { valeur: serie(s.simulation.debut), format: 'date', nom: 'sim_debut' });
  entree(ctx, 'Horizon (années)', { valeur: s.simulation.horizonAnnees, format: 'entier', nom: 'sim_horizon' });
  f.sauter();
}

const TITRES_MEDECINS = ['Médecin', 'Quotité (ETP)', 'Coût salarial mensuel chargé', 'Honoraires mensuels attendus (vide : consultations × tarif G)',
  'Poste « 400 postes »', 'Début du contrat', 'Jours CST par an en ZIP', 'Honoraires CST annuels', 'Consultations par mois (vide : seuil 400 postes)'];

function medecins(ctx: ContexteSimulation): void {
  const { f, s, entrees } = ctx;
  if (!s.medecins.length) return;
  f.entetes(f.ligne++, TITRES_MEDECINS);
  const premiere = f.ligne;
  s.medecins.forEach((m, i) => {
    const l = f.ligne++;
    const n = `sim_med${i + 1}_`;
    const poser = (col: number, cle: string, c: Omit<Cellule, 'adresse'>) => {
      const a = f.pose(col, l, { style: 'entree', ...c, nom: `${n}${cle}` });
      entrees.set(`medecin.${i}.${cle}`, a);
    };
    poser(1, 'libelle', { valeur: m.libelle, format: 'texte' });
    poser(2, 'quotite', { valeur: m.quotite, format: 'nombre' });
    poser(3, 'cout', { valeur: m.coutSalarialMensuel, format: 'euros' });
    poser(4, 'honoraires', { valeur: m.honorairesMensuels ?? null, format: 'euros' });
    poser(5, 'poste400', { valeur: m.poste400, format: 'booleen' });
    poser(6, 'debut', { valeur: serie(m.debutContrat ?? s.simulation.debut), format: 'date' });
    poser(7, 'jours_cst', { valeur: m.joursCstParAn, format: 'entier' });
    poser(8, 'honorairesCst', { valeur: m.honorairesCstAnnuels, format: 'euros' });
    poser(9, 'consultations', { valeur: m.consultationsParMois ?? null, format: 'consultations' });
  });
  const total = f.ligne++;
  f.texte(1, total, 'Total ETP de médecins salariés', 'total');
  entrees.set('etp', f.formule(2, total, `SUM(${adresse(2, premiere)}:${adresse(2, total - 1)})`, 'nombre', 'total', 'sim_etp'));
  f.sauter();
}

function conges(ctx: ContexteSimulation): void {
  const { f, s, entrees } = ctx;
  const liste = s.medecins.flatMap((m, i) => m.conges.map((c, j) => ({ i, j, m, c })));
  if (!liste.length) return;
  f.entetes(f.ligne++, ['Congé maternité / paternité de', 'Début', 'Fin', 'Salaire chargé sur la période', 'IJ perçues sur la période', 'Salaire maintenu']);
  liste.forEach(({ i, j, m, c }, k) => {
    const l = f.ligne++;
    const n = `sim_conge${k + 1}_`;
    f.texte(1, l, m.libelle, 'libelle');
    entrees.set(`conge.${i}.${j}.debut`, f.pose(2, l, { valeur: serie(c.debut), format: 'date', style: 'entree', nom: `${n}debut` }));
    f.pose(3, l, { valeur: serie(c.fin), format: 'date', style: 'entree', nom: `${n}fin` });
    entrees.set(`conge.${i}.${j}.salaire`, f.pose(4, l, { valeur: c.salaireCharge, format: 'euros', style: 'entree', nom: `${n}salaire` }));
    entrees.set(`conge.${i}.${j}.ij`, f.pose(5, l, { valeur: c.indemnitesJournalieres, format: 'euros', style: 'entree', nom: `${n}ij` }));
    entrees.set(`conge.${i}.${j}.maintenu`, f.pose(6, l, { valeur: c.salaireMaintenu, format: 'booleen', style: 'entree', nom: `${n}maintenu` }));
  });
  f.sauter();
}

const LIBELLE_CONTRAT = { CAI: 'CAI', COSCO: 'COSCO', CST: 'CST' } as const;

/** Dates de signature (et de renouvellement tacite) des contrats démographiques : la date de chaque formule. */
function contrats(ctx: ContexteSimulation): void {
  const { f, livre, entrees } = ctx;
  if (!livre.contrats.length) return;
  f.entetes(f.ligne++, ['Contrat démographique', 'Signé ou renouvelé le', 'Jusqu’au']);
  for (const p of livre.contrats) {
    const l = f.ligne++;
    f.texte(1, l, `${LIBELLE_CONTRAT[p.aide]}${p.renouvellement ? ' (renouvellement tacite)' : ''}`, 'libelle');
    entrees.set(`contrat.${p.id}`, f.pose(2, l, { valeur: serie(p.signature), format: 'date', style: 'calcul' }));
    f.pose(3, l, { valeur: serie(p.fin), format: 'date', style: 'calcul' });
  }
  f.texte(1, f.ligne++, 'La date de signature décide du régime : contrats signés jusqu’au 31/12/2025, aide automatique ensuite. Pour la changer, modifiez le scénario dans le volet et recréez la simulation.', 'note');
  f.sauter();
}

function sip(ctx: ContexteSimulation): void {
  const { f, s, entrees } = ctx;
  if (!s.sip) return;
  f.texte(1, f.ligne++, 'Aide SIP (système d’information partagé)', 'entete');
  entrees.set('sip.nb', entree(ctx, 'Nombre de professionnels du projet', { valeur: s.sip.nbProfessionnels, format: 'entier', nom: 'sim_sip_professionnels' }));
  entrees.set('sip.devis', entree(ctx, 'Montant des devis validés', { valeur: s.sip.montantDevis, format: 'euros', nom: 'sim_sip_devis' }));
  f.sauter();
}

const TITRES_ACI = ['Indicateur', 'Nature', 'Prérequis', 'Socle (avance)', 'Points fixes', 'Points variables', 'Atteint', 'Fixes retenus', 'Variables retenus',
  'Prérequis manquant', 'Fixes socle', 'Variables socle'];

/** Une ligne d'indicateur : saisie (jaune), puis points retenus, prérequis manquant, points du socle. */
function indicateur(ctx: ContexteSimulation, ind: IndicateurAci, si: { nb: string; date: string } | null): void {
  const { f } = ctx;
  const l = f.ligne++;
  const A = (col: number) => adresse(col, l);
  const nature = natureIndicateur(ind);
  f.texte(1, l, ind.libelle, 'libelle');
  f.texte(2, l, LIBELLES_NATURE[nature], 'libelle');
  f.pose(3, l, { valeur: ind.prerequis, format: 'booleen', style: 'entree' });
  f.pose(4, l, { valeur: nature !== 'optionnel', format: 'booleen', style: 'entree' });
  // L'indicateur SI niveau standard suit le nombre de professionnels quand il est saisi.
  if (si && /(^|\.)si_standard$/.test(ind.id)) f.formule(5, l, `SIP.ACI_SI(${si.nb},${si.date})`, 'entier');
  else f.pose(5, l, { valeur: ind.pointsFixes, format: 'entier', style: 'entree' });
  f.pose(6, l, { valeur: ind.pointsVariables, format: 'entier', style: 'entree' });
  f.pose(7, l, { valeur: ind.atteint, format: 'booleen', style: 'entree' });
  f.formule(8, l, `IF(${A(7)},${A(5)},0)`, 'entier');
  f.formule(9, l, `IF(${A(7)},${A(6)},0)`, 'entier');
  f.formule(10, l, `IF(AND(${A(3)},NOT(${A(7)})),1,0)`, 'entier');
  f.formule(11, l, `IF(${A(4)},${A(5)},0)`, 'entier');
  f.formule(12, l, `IF(${A(4)},${A(6)},0)`, 'entier');
}

/** Indicateurs ACI : points retenus si atteints, prérequis manquants, socle de l'avance ; totaux nommés. */
function aci(ctx: ContexteSimulation): void {
  const { f, s, entrees } = ctx;
  const a = s.aci;
  if (!a || a.adhesion === 'aucune') return;
  f.texte(1, f.ligne++, a.adhesion === 'aci' ? 'ACI — accord conventionnel interprofessionnel' : 'Accord national des centres de santé', 'entete');
  entree(ctx, 'Adhésion (exclusive : ACI ou accord national)', { valeur: a.adhesion === 'aci' ? 'ACI' : 'Accord national', format: 'texte', nom: 'sim_aci_adhesion' });
  const signature = entree(ctx, 'Signature du contrat', { valeur: serie(a.dateSignature ?? s.simulation.debut), format: 'date', nom: 'sim_aci_signature' });
  entrees.set('aci.patientele', entree(ctx, 'Patientèle médecin traitant des médecins associés', { valeur: a.patientele, format: 'entier', nom: 'sim_aci_patientele' }));
  const nb = a.nbProfessionnels !== undefined ? entree(ctx, 'Nombre de professionnels (indicateur SI niveau standard)', { valeur: a.nbProfessionnels, format: 'entier', nom: 'sim_aci_professionnels' }) : null;
  f.entetes(f.ligne++, TITRES_ACI);
  const premiere = f.ligne;
  for (const ind of a.indicateurs) indicateur(ctx, ind, nb ? { nb, date: signature } : null);
  const derniere = f.ligne - 1;
  const somme = (col: number) => (a.indicateurs.length ? `SUM(${adresse(col, premiere)}:${adresse(col, derniere)})` : '0');
  const total = (libelle: string, cle: string, formule: string, format: 'entier' | 'booleen', nom: string) => {
    f.texte(1, f.ligne, libelle, 'total');
    entrees.set(cle, f.formule(2, f.ligne++, formule, format, 'total', nom));
  };
  total('Points fixes atteints', 'aci.fixes', somme(8), 'entier', 'sim_aci_fixes');
  total('Points variables atteints (pour la patientèle de référence)', 'aci.variables', somme(9), 'entier', 'sim_aci_variables');
  total('Tous les prérequis remplis', 'aci.prerequis', `${somme(10)}=0`, 'booleen', 'sim_aci_prerequis');
  total('Points fixes des indicateurs socles (base de l’avance)', 'aci.fixes_socle', somme(11), 'entier', 'sim_aci_fixes_socle');
  total('Points variables des indicateurs socles', 'aci.variables_socle', somme(12), 'entier', 'sim_aci_variables_socle');
  f.sauter();
}

export function blocEntrees(ctx: ContexteSimulation): void {
  centre(ctx);
  medecins(ctx);
  conges(ctx);
  contrats(ctx);
  sip(ctx);
  aci(ctx);
}

// Aperçu des montants clés, calculés par les fonctions du catalogue (les mêmes que les formules
// SIP.* de la feuille), pour que l'utilisateur voie les chiffres avant d'écrire la feuille.
import { appeler, trouverFonction, type Contexte, type ValeurBrute } from '../catalogue';
import { LecteurBareme } from '../rules/bareme/lecture';
import type { Bareme, Statut } from '../rules/bareme/types';
import { Decimal } from '../rules/decimal';
import { isoVersFrancais, isoVersSerie } from '../rules/dates';
import { estErreurRegle } from '../rules/erreurs';
import { statutGlobal } from '../rules/explication';
import type { Scenario } from '../rules/scenario/types';
import { eligibiliteCentre, type Aide, type Financeur } from './eligibilite-centre';

export interface LigneApercu {
  aide: Aide;
  libelle: string;
  financeur: Financeur;
  /** Montant en euros (arrondi au centime par la règle) ; null si le calcul a échoué. */
  montant: number | null;
  /** Période du montant : « total », « par an », « par mois »… */
  periode: string;
  /** La formule équivalente de la feuille, pour l'info-bulle (forme affichée par Excel). */
  formule: string;
  statut: Statut;
  avertissements: string[];
  erreur?: string;
}

function calculer(nom: string, args: ValeurBrute[], ctx: Contexte) {
  const f = trouverFonction(nom);
  if (!f) throw new Error(`Fonction SIP.${nom} absente du catalogue`);
  return appeler(f, args, ctx);
}

const fr = (v: ValeurBrute) => (typeof v === 'boolean' ? (v ? 'VRAI' : 'FAUX') : v === null || v === undefined ? '' : String(v).replace('.', ','));

/** Aperçu des montants des aides éligibles. */
export function apercuMontants(s: Scenario, bareme: Bareme, aujourdhui: string): LigneApercu[] {
  const ctx: Contexte = { bareme, aujourdhui };
  const eligibles = new Map(eligibiliteCentre(s, bareme).map((l) => [l.aide, l]));
  const ok = (a: Aide) => eligibles.get(a)?.statut === 'eligible';
  const lignes: LigneApercu[] = [];
  const date = isoVersSerie(s.simulation.debut);

  const ajouter = (aide: Aide, libelle: string, financeur: Financeur, periode: string, nom: string, args: ValeurBrute[], dateCalcul: number | null = date) => {
    const tous = dateCalcul === null ? args : [...args, dateCalcul];
    const formule = `=SIP.${nom}(${tous.map(fr).join(' ; ')})`;
    try {
      const r = calculer(nom, tous, ctx);
      lignes.push({
        aide, libelle, financeur, periode, formule,
        montant: typeof r.valeur === 'boolean' ? null : r.valeur.toNumber(),
        statut: statutGlobal(r.explication),
        avertissements: r.explication.avertissements,
      });
    } catch (e) {
      lignes.push({ aide, libelle, financeur, periode, formule, montant: null, statut: 'confirme', avertissements: [], erreur: estErreurRegle(e) ? e.message : String(e) });
    }
  };

  // Somme exacte des quotités (0,1 + 0,2 = 0,3, pas 0,30000000000000004).
  const etp = s.medecins.reduce((t, m) => t.plus(m.quotite), new Decimal(0)).toNumber();
  if (ok('CAI')) {
    ajouter('CAI', `CAI pour ${fr(etp)} ETP`, 'CPAM', 'total sur 5 ans', 'CAI', [etp, null]);
    ajouter('CAI', 'CAI, 1er versement', 'CPAM', 'à la signature', 'CAI', [etp, 1]);
    ajouter('CAI', 'CAI, 2nd versement', 'CPAM', 'second versement', 'CAI', [etp, 2]);
  }
  if (ok('COSCO')) {
    // Le COSCO commence à la 2e année du centre (004 §2.1), ou au début de la simulation si elle est déjà là.
    const deux = eligibles.get('COSCO')?.aPartirDu;
    const debut = deux && deux > s.simulation.debut ? deux : undefined;
    ajouter('COSCO', `COSCO pour ${fr(etp)} ETP${debut ? ` (dès le ${isoVersFrancais(debut)})` : ''}`, 'CPAM', 'par an', 'COSCO', [etp, 1],
      debut ? isoVersSerie(debut) : date);
  }
  if (ok('CST')) {
    // 004 §2.1 : seuls les médecins qui exercent le minimum de jours en ZIP ouvrent droit au CST.
    const minimum = new LecteurBareme(bareme, s.simulation.debut).valeur('cst.jours_minimum_zip').toNumber();
    for (const m of s.medecins.filter((x) => x.joursCstParAn >= minimum)) {
      ajouter('CST', `CST — ${m.libelle}`, 'CPAM', 'par an', 'CST', [m.honorairesCstAnnuels, m.quotite]);
    }
  }
  if (ok('400POSTES')) {
    for (const m of s.medecins.filter((x) => x.poste400)) {
      ajouter('400POSTES', `Garantie 400 postes — ${m.libelle}`, 'ARS', 'par mois', 'GARANTIE400', [m.coutSalarialMensuel, m.honorairesMensuels, m.quotite]);
      m.conges.forEach((c, j) => {
        ajouter('400POSTES', `Congé ${j + 1} — ${m.libelle} (${isoVersFrancais(c.debut)})`, 'ARS', 'sur la période', 'MATERNITE400',
          [c.salaireCharge, c.indemnitesJournalieres, c.salaireMaintenu], null);
      });
    }
  }
  if (ok('SIP') && s.sip) {
    ajouter('SIP', `Aide SIP (${s.sip.nbProfessionnels} professionnels)`, 'ARS', 'total', 'AIDE', [s.sip.montantDevis, s.sip.nbProfessionnels]);
  }
  const a = s.aci;
  if (a && ok('ACI')) {
    const atteints = a.indicateurs.filter((i) => i.atteint);
    const fixes = atteints.reduce((t, i) => t + i.pointsFixes, 0);
    const variables = atteints.reduce((t, i) => t + i.pointsVariables, 0);
    const prerequis = a.indicateurs.every((i) => !i.prerequis || i.atteint);
    ajouter('ACI', a.adhesion === 'aci' ? 'Rémunération ACI' : 'Accord national (valeur du point de l’ACI)', 'CPAM', 'par an', 'ACI',
      [fixes, variables, a.patientele, prerequis]);
    if (a.adhesion === 'accord_national') {
      // REGLES.md §4 : les valeurs de l'accord national ne sont pas publiées ; le point de l'ACI est une hypothèse.
      const l = lignes[lignes.length - 1];
      l.statut = 'hypothese';
      l.avertissements = [...l.avertissements, 'Hypothèse : la valeur du point de l’accord national n’est pas publiée ; celle de l’ACI est appliquée.'];
    }
  }
  return lignes;
}

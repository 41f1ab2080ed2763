// La feuille de simulation (description partagée par le volet et la CLI) : des blocs qui sont des vues
// du grand livre. Les montants sont calculés une fois, dans l'échéancier ; le tableau annuel et le plan
// les additionnent ; la garantie « 400 postes » et les calculs des contrats y renvoient.
import { BAREME_PAR_DEFAUT } from '../../src/rules/bareme/donnees';
import type { Scenario } from '../../src/rules/scenario/types';
import type { Cellule } from '../../src/workbook/description';
import { decrireSimulation } from '../../src/workbook/simulation';
import { avecHorizon, centreMiAnnee, exempleJson } from '../rules/scenarios';
import { ligneDuLibelle } from './aides';

const B = BAREME_PAR_DEFAUT;
const decrire = (s: Scenario) => decrireSimulation(s, B, { dateGeneration: '2026-11-23', versionComplement: '0.1.0' });
const d = decrire(exempleJson('centre-de-sante'));
const cellule = (a: string, cs: Cellule[] = d.cellules) => cs.find((c) => c.adresse === a);
const ligne = (debut: string, cs: Cellule[] = d.cellules) => ligneDuLibelle(cs, debut);
/** Ligne d'un libellé dans la partie de la feuille qui suit le libellé `apres`. */
const ligneApres = (apres: string, debut: string, cs: Cellule[] = d.cellules) =>
  ligne(debut, cs.filter((c) => Number(c.adresse.replace(/^[A-Z]+/, '')) > ligne(apres, cs)));
const formules = (cs: Cellule[], motif: RegExp) => cs.filter((c) => c.formule && motif.test(c.formule)).map((c) => c.formule);

describe('feuille du centre de santé d’exemple', () => {
  test('titre : identité, barème, date de génération et version du complément', () => {
    expect(cellule('A2')?.valeur).toMatch(/— barème .+ — générée le 23\/11\/2026 — complément 0\.1\.0$/);
  });

  test('entrées nommées, formats français ; honoraires et consultations par médecin', () => {
    const l = ligne('Médecin 3');
    expect(cellule(`B${l}`)).toMatchObject({ valeur: 0.6, format: 'nombre', style: 'entree', nom: 'sim_med3_quotite' });
    expect(cellule(`D${l}`)).toMatchObject({ valeur: 3500, format: 'euros', nom: 'sim_med3_honoraires' });
    expect(cellule(`I${l}`)).toMatchObject({ valeur: null, nom: 'sim_med3_consultations' });
    expect(cellule(`B${ligne('Total ETP')}`)).toMatchObject({ formule: `=SUM(B${l - 2}:B${l})`, nom: 'sim_etp' });
  });

  test('échéancier : une ligne par versement, montant en formule SIP.* qui renvoie aux entrées et à la date de sa ligne', () => {
    const cai = ligne('CAI — 2e versement');
    const etp = `$B$${ligne('Total ETP')}`;
    // La date d'un contrat est sa date de signature, dans le tableau des contrats (01/10/2025).
    const contrat = ligne('CAI');
    expect(cellule(`B${contrat}`)).toMatchObject({ valeur: 45931, format: 'date' });
    expect(cellule(`I${cai}`)?.formule).toBe(`=SIP.CAI(${etp},2,$B$${contrat})`);
    expect(cellule(`J${cai}`)?.valeur).toBe('CAI');
    expect([cellule(`C${cai}`)?.valeur, cellule(`D${cai}`)?.valeur]).toEqual([1, 10]);
    const conge = ligne('Congé 400 postes — Médecin 3 (400 postes, 60 %), congé du');
    const entreeConge = ligne('Congé maternité / paternité de') + 1;
    expect(cellule(`I${conge}`)?.formule).toBe(`=SIP.MATERNITE400($D$${entreeConge},$E$${entreeConge},$F$${entreeConge},$B$${entreeConge})`);
    // La garantie d'un mois renvoie au coût et aux honoraires du même mois dans le plan (une seule série).
    const g1 = ligne('400 postes — Médecin 3 (400 postes, 60 %), mois 1 du contrat');
    const cout = ligne('Coût salarial — Médecin 3');
    const honoraires = ligne('Honoraires — Médecin 3');
    expect(cellule(`I${g1}`)?.formule).toBe(`=SIP.GARANTIE400($B$${cout},$B$${honoraires},$B$${ligne('Médecin 3')},$G$${g1})`);
    // ACI : l'avance renvoie à son calcul.
    const avance = ligne('ACI — avance de l’année 2026');
    expect(cellule(`I${avance}`)?.formule).toBe(`=$B$${ligne('ACI 2026 : avance')}`);
  });

  test('versements par année : SUMIFS sur l’échéancier, totaux nommés, motif d’un refus', () => {
    const l = ligneApres('Versements par année', 'CAI');
    const ech = ligne('Objet') + 1;
    const fin = ligne('Versements prévus dont le montant n’est pas publié') - 1;
    expect(cellule(`B${l}`)?.formule).toBe(`=SUMIFS($I$${ech}:$I$${fin},$J$${ech}:$J$${fin},"CAI",$C$${ech}:$C$${fin},1)`);
    const nommee = (nom: string) => d.cellules.find((c) => c.nom === nom)!;
    expect(nommee('TOTAL_CPAM').adresse).toBe(`E${ligne('Total Assurance Maladie (CPAM)', d.cellules.filter((c) => Number(c.adresse.slice(1)) > l))}`);
    expect(nommee('TOTAL_AIDES').adresse).toBe(`E${ligne('Total des aides (CPAM + ARS)')}`);
    expect(nommee('TOTAL_AIDES').formule).toBe(`=E${ligne('Total Assurance Maladie (CPAM)', d.cellules.filter((c) => Number(c.adresse.slice(1)) > l))}+E${ligne('Total Agence régionale de santé (ARS)', d.cellules.filter((c) => Number(c.adresse.slice(1)) > l))}`);
    const cst = ligneApres('Versements par année', 'CST');
    expect(cellule(`B${cst}`)?.valeur).toMatch(/^Non éligible : .*hors ZIP/);
    expect(d.fusions).toContain(`B${cst}:E${cst}`);
    // La synthèse en tête renvoie aux totaux, sans les recalculer.
    expect(cellule(`B${ligne('Total des aides')}`)?.formule).toBe(`=$E$${ligne('Total des aides (CPAM + ARS)')}`);
  });

  test('garantie « 400 postes » : seuil et plafond du mois, la garantie et le congé renvoient à l’échéancier', () => {
    const entete = ligne('Mois du contrat');
    const q = `$B$${ligne('Médecin 3')}`;
    expect(cellule(`D${entete + 1}`)?.formule).toBe(`=SIP.SEUIL400(A${entete + 1},${q},B${entete + 1})`);
    expect(cellule(`E${entete + 1}`)?.formule).toBe(`=SIP.PLAFOND400(${q},B${entete + 1})`);
    expect(cellule(`H${entete + 1}`)?.formule).toBe(`=$I$${ligne('400 postes — Médecin 3 (400 postes, 60 %), mois 1 du contrat')}`);
    // Congé du 01/07/2026 au 31/10/2026 : mois 7 à 10 sans garantie ; la prise en charge au mois 10.
    for (const m of [7, 8, 9, 10]) expect(cellule(`H${entete + m}`)?.valeur).toBe('congé');
    expect(cellule(`I${entete + 10}`)?.formule).toBe(`=$I$${ligne('Congé 400 postes — Médecin 3 (400 postes, 60 %), congé du')}`);
    expect(cellule(`A${entete + 24}`)?.valeur).toBe(24);
  });

  test('plan : par tranches de 12 périodes l’une sous l’autre ; un mois additionne l’échéancier, une année renvoie au tableau annuel ; totaux nommés', () => {
    // 3 ans : 24 mois puis l'année 3 → tranches « janv. 2026 à déc. 2026 », « janv. 2027 à déc. 2027 », « Année 3 ».
    const l = ligneApres('janv. 2026 à déc. 2026', 'Contrat d’aide à l’installation (CAI) (CPAM)');
    expect(cellule(`B${l}`)?.formule).toMatch(/^=SUMIFS\(\$I\$\d+:\$I\$\d+,\$J\$\d+:\$J\$\d+,"CAI",\$D\$\d+:\$D\$\d+,1\)$/);
    expect(cellule(`M${l}`)?.formule).toMatch(/,12\)$/);
    expect(cellule(`N${l}`)).toBeUndefined();
    const l2 = ligneApres('janv. 2027 à déc. 2027', 'Contrat d’aide à l’installation (CAI) (CPAM)');
    expect(cellule(`B${l2}`)?.formule).toMatch(/,13\)$/);
    const l3 = ligneApres('Année 3', 'Accord conventionnel interprofessionnel (ACI) (CPAM)');
    expect(cellule(`B${l3}`)?.formule).toBe(`=$D$${ligneApres('Versements par année', 'Accord conventionnel interprofessionnel (ACI)')}`); // année 3 → tableau annuel
    // Le total de l'horizon, en fin de dernière tranche, additionne les trois tranches.
    const aci = (x: string) => ligneApres(x, 'Accord conventionnel interprofessionnel (ACI) (CPAM)');
    expect(cellule(`C${l3}`)?.formule).toBe(`=SUM(B${aci('janv. 2026 à déc. 2026')}:M${aci('janv. 2026 à déc. 2026')},B${aci('janv. 2027 à déc. 2027')}:M${aci('janv. 2027 à déc. 2027')},B${l3})`);
    const ars = ligneApres('Année 3', 'Total Agence régionale de santé (ARS)');
    expect(cellule(`C${ars}`)).toMatchObject({ nom: 'PLAN_TOTAL_ARS' });
    // Trésorerie : la tranche suivante part de la fin de la précédente.
    const t1 = ligneApres('janv. 2026 à déc. 2026', 'Trésorerie cumulée');
    const t2 = ligneApres('janv. 2027 à déc. 2027', 'Trésorerie cumulée');
    expect(cellule(`B${t2}`)?.formule).toBe(`=M${t1}+B${ligneApres('janv. 2027 à déc. 2027', 'Résultat net de la période')}`);
  });

  test('calculs des contrats : chaque formule SIP.* est un appel simple, sa date dans sa propre cellule', () => {
    const l = ligne('ACI 2026 : rémunération annuelle');
    expect(cellule(`B${l}`)?.formule).toMatch(/^=SIP\.ACI\(\$B\$\d+,\$B\$\d+,\$B\$\d+,\$B\$\d+,\$C\$\d+\)$/);
    expect(cellule(`C${l}`)).toMatchObject({ valeur: 46023, format: 'date' });
  });

  test('notes : qui paie, paramètres avec source et statut, hypothèses du calendrier', () => {
    const textes = d.cellules.map((c) => String(c.valeur ?? '').replace(/\u00a0/g, ' '));
    expect(textes.some((t) => t.startsWith('[confirmé] CAI : montant par ETP du 1er ETP = 30 000 €/ETP (en vigueur du 20/10/2018'))).toBe(true);
    expect(d.cellules.find((c) => String(c.valeur).startsWith('⚠ À CONFIRMER : CAI : part du 1er versement'))?.style).toBe('alerte');
    expect(textes.some((t) => t.startsWith('Financeur : ARS'))).toBe(true);
    expect(textes.some((t) => t.includes('versée au dernier jour du congé'))).toBe(true);
  });

  test('formules en forme invariante : virgules, noms anglais, aucune constante VRAI/FAUX ni repère non résolu', () => {
    for (const c of d.cellules.filter((x) => x.formule)) expect(c.formule).not.toMatch(/;|SOMME|MOIS\.DECALER|\bTRUE\b(?!\()|\bFALSE\b(?!\()|⟦/);
  });
});

describe('autres centres', () => {
  test('MSP : aide SIP en calcul, versements 80/20 qui y renvoient', () => {
    const m = decrire(exempleJson('msp-sip'));
    const aide = ligne('Aide SIP = min', m.cellules);
    expect(formules(m.cellules, /^=SIP\.VERSEMENT\(/)).toEqual([
      `=SIP.VERSEMENT($B$${aide},1,$G$${ligne('SIP — versement à la signature', m.cellules)})`,
      `=SIP.VERSEMENT($B$${aide},2,$G$${ligne('SIP — solde', m.cellules)})`,
    ]);
    expect(cellule(`B${aide}`, m.cellules)?.formule).toMatch(/^=SIP\.AIDE\(\$B\$\d+,\$B\$\d+,\$C\$\d+\)$/);
  });

  test('horizon d’un an : les versements suivants sont cités après l’échéancier, hors des totaux', () => {
    const un = decrire(avecHorizon(exempleJson('centre-de-sante'), 1));
    const textes = un.cellules.map((c) => String(c.valeur ?? '').replace(/\u00a0/g, ' '));
    expect(textes).toContain('ACI — solde de l’année 2026 : 12 950,00 € le 30/04/2027');
    expect(un.cellules.some((c) => c.formule?.startsWith('=$B$') && c.formule === `=$B$${ligne('ACI 2026 : solde', un.cellules)}`)).toBe(false);
  });

  test('médecin sans honoraires saisis : le plan montre consultations (seuil 400 postes) × tarif G, la garantie les utilise', () => {
    const g = decrire(centreMiAnnee());
    const consultations = ligne('Consultations — Dr P', g.cellules);
    const tarif = ligne('Tarif de la consultation G', g.cellules);
    expect(cellule(`B${consultations}`, g.cellules)?.formule).toMatch(/^=SIP\.SEUIL400\(1,\$B\$\d+,B\$\d+\)$/);
    expect(cellule(`B${tarif}`, g.cellules)?.formule).toMatch(/^=SIP\.PARAMETRE\("tarif\.consultation_g",B\$\d+\)$/);
    expect(cellule(`B${ligne('Honoraires — Dr P', g.cellules)}`, g.cellules)?.formule).toBe(`=$B$${consultations}*$B$${tarif}`);
    // Mois partiellement en congé : montants proratisés aux jours, écrits en valeur.
    const sept = ligne('400 postes — Dr P, mois 3 du contrat', g.cellules);
    expect(cellule(`I${sept}`, g.cellules)).toMatchObject({ valeur: 1250 });
  });
});

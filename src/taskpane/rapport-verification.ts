// Le rapport de vérification d'une simulation, dit dans le volet : résumé d'une ligne, détail par
// cellule, sections (données d'entrée modifiées — attendu —, altérations, barème, hors de la
// simulation) et signature au regard des clés de confiance. Pur (ni Office, ni React).
import { isoVersFrancais } from '../rules/dates';
import { empreinteCourte, type ClePublique } from '../workbook/signature/cles';
import type { SimulationVerifiee } from '../workbook/signature/controle';
import type { EtatSignature } from '../workbook/signature/verification';
import { VERSION_COMPLEMENT } from '../workbook/version';
import type { CleConfianceVolet, RapportVerification, SectionRapport, SignatureVolet } from './services';

const pluriel = (n: number, mot: string) => `${n} ${mot}${n > 1 ? 's' : ''}`;
const date = (iso?: string) => (iso && /^\d{4}-\d{2}-\d{2}/.test(iso) ? isoVersFrancais(iso.slice(0, 10)) : '');

export const cleVolet = (c: ClePublique): CleConfianceVolet => ({ organisme: c.organisme, empreinte: c.empreinte, empreinteCourte: empreinteCourte(c.empreinte) });

const IMPORTER = 'Importez sa clé publique (fichier .pub reçu de l’organisme) dans « Clés de confiance » pour le prouver.';

export function signatureVolet(e: EtatSignature): SignatureVolet {
  const cle = e.cle ? `clé ${empreinteCourte(e.cle)}` : '';
  const le = date(e.signeLe) ? `Signée le ${date(e.signeLe)}. ` : '';
  const base = { statut: e.statut, details: e.differences, acceptee: e.statut === 'intacte' && !!e.organismeConfiance };
  switch (e.statut) {
    case 'absente':
      return { ...base, titre: 'Simulation non signée', texte: 'L’empreinte de la provenance détecte une modification accidentelle, pas une falsification (n’importe qui peut la recalculer). Pour prouver l’origine du classeur, l’organisme émetteur le signe avec sa clé (sip signer) ; importez alors sa clé publique ci-dessous.' };
    case 'intacte':
      return e.organismeConfiance
        ? { ...base, titre: `Signée par ${e.organismeConfiance} (${cle}), intacte`, texte: `${le}Clé de confiance importée : le classeur montre exactement ce que ${e.organismeConfiance} a signé.` }
        : { ...base, titre: `Signée par ${e.organisme} selon le classeur (${cle}), non prouvé`, texte: `${le}Le contenu signé est intact, mais aucune de vos clés de confiance ne correspond. ${IMPORTER}` };
    case 'modifiee':
      return { ...base, titre: `Modifiée depuis la signature de ${e.organismeConfiance ?? e.organisme}`, texte: `${le}${pluriel(e.differences.length, 'changement')} depuis la signature (signé → maintenant) :` };
    case 'cle_inconnue':
      return { ...base, titre: 'Signature non acceptée', texte: `Le classeur se dit signé par ${e.organisme} (${cle}), mais cette clé n’est pas l’une de vos clés de confiance. ${IMPORTER}` };
    case 'invalide':
      return { ...base, titre: 'Signature invalide', texte: `${e.message.replace(/^signature INVALIDE : /, '')}.` };
    default:
      return { ...base, titre: 'Signature non vérifiable dans ce volet', texte: e.message };
  }
}

const seulementCache = (c: { constats: string[] }) => c.constats.every((k) => k === 'valeur_differente');

function sections(s: SimulationVerifiee): SectionRapport[] {
  const r = s.rapport;
  const ecarts = r.cellules.filter((c) => c.constats[0] !== 'conforme');
  const l = r.baremeLocal;
  const liste: SectionRapport[] = [
    { nature: 'attendu', titre: 'Données d’entrée modifiées', lignes: ecarts.filter((c) => c.constats.includes('entree_modifiee')).map((c) => `${c.adresse} : ${c.message}`) },
    { nature: 'attendu', titre: `Barème modifié localement (feuille « ${l.feuille ?? 'Barème'} »)`, lignes: l.modifies.map((m) => `${m.libelle} : ${m.details.join(' ; ')}`) },
    { nature: 'alerte', titre: 'Saisies refusées dans le barème', lignes: l.erreurs },
    { nature: 'alerte', titre: 'Altérations (ni une donnée d’entrée, ni le barème)', lignes: ecarts.filter((c) => !seulementCache(c) && c.constats.some((k) => k !== 'entree_modifiee')).map((c) => `${c.adresse} : ${c.message}`) },
    { nature: 'alerte', titre: 'Valeurs affichées différentes du recalcul', lignes: ecarts.filter(seulementCache).map((c) => `${c.adresse} : ${c.message}`) },
    { nature: 'alerte', titre: 'Formules d’autres feuilles qui citent la simulation (non vérifiées)', lignes: r.references.map((x) => `${x.feuille}!${x.adresse} : ${x.formule} (${x.cible})`) },
    { nature: 'info', titre: 'Barème du classeur différent du barème courant', lignes: r.bareme.differences.map((d) => `${d.libelle} : ${d.detail}`) },
    { nature: 'info', titre: 'Autres feuilles du classeur (ni vérifiées, ni signées)', lignes: r.feuillesAjoutees },
  ];
  return liste.filter((x) => x.lignes.length);
}

function resume(s: SimulationVerifiee): string {
  const r = s.rapport;
  const x = r.resume;
  const parties = [
    `${x.conformes} sur ${pluriel(x.verifiees, 'formule')} conformes`,
    x.formulesModifiees ? `${pluriel(x.formulesModifiees, 'formule')} modifiée(s) à la main` : '',
    x.valeursDifferentes ? `${pluriel(x.valeursDifferentes, 'valeur')} différente(s) du recalcul` : '',
    x.constantesModifiees + x.contenusAjoutes ? `${x.constantesModifiees + x.contenusAjoutes} constante(s) ou libellé(s) modifié(s)` : '',
    x.formatsModifies ? `${x.formatsModifies} format(s) de nombre modifié(s)` : '',
    x.entreesModifiees ? `${pluriel(x.entreesModifiees, 'donnée')} d’entrée modifiée(s)` : '',
    r.baremeLocal.modifies.length ? `barème modifié localement (${pluriel(r.baremeLocal.modifies.length, 'paramètre')})` : '',
    r.references.length ? `${pluriel(r.references.length, 'formule')} d’autres feuilles cite(nt) la simulation` : '',
    r.empreinte.conforme ? '' : 'empreinte de contenu différente (scénario, barème, date, version ou formules modifiés)',
    r.bareme.identique ? '' : `barème de la feuille (${r.bareme.versionEmbarquee}) différent du barème courant (${r.bareme.versionCourante})`,
    s.provenance.versionComplement === VERSION_COMPLEMENT ? '' : `classeur produit par le complément ${s.provenance.versionComplement}, vérifié avec la mise en page de la version ${VERSION_COMPLEMENT}`,
  ].filter(Boolean);
  return `Feuille « ${r.feuille} » : ${parties.join(' ; ')}.`;
}

export function rapportVolet(s: SimulationVerifiee): RapportVerification {
  const r = s.rapport;
  const signature = signatureVolet(s.signature);
  const refusee = ['invalide', 'modifiee', 'cle_inconnue'].includes(signature.statut);
  return {
    ok: r.ok && !refusee,
    resume: resume(s),
    details: [
      ...r.cellules.filter((c) => c.constats[0] !== 'conforme').map((c) => `${c.adresse} : ${c.message}`),
      ...r.bareme.differences.map((d) => `${d.libelle} : ${d.detail}`),
      ...r.baremeLocal.modifies.map((m) => `Barème modifié localement — ${m.libelle} : ${m.details.join(' ; ')}`),
      ...r.references.map((x) => `${x.feuille}!${x.adresse} : ${x.formule} cite la simulation (${x.cible})`),
    ],
    sections: sections(s),
    signature,
  };
}

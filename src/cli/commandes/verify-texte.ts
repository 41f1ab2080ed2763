// Le rapport de `sip verify` en texte : par simulation, ce qui a été vérifié, les données d'entrée
// modifiées (attendu) séparées des altérations, ce qui est hors de la simulation, la signature ; puis
// le résultat et ce que l'empreinte prouve (ou non) quand le classeur n'est pas signé.
import { isoVersFrancais } from '../../rules/dates';
import { formatDateHeure } from '../../rules/format';
import type { Provenance } from '../../workbook/provenance';
import { empreinteCourte } from '../../workbook/signature/cles';
import type { SimulationVerifiee } from '../../workbook/signature/controle';
import type { ConstatCellule } from '../../workbook/verification';
import { VERSION_COMPLEMENT } from '../../workbook/version';
import { Io } from '../io';
import type { Enregistrement } from '../signature/xlsx';

const MAX_LIGNES = 40;

function liste(io: Io, titre: string, lignes: string[]): void {
  if (!lignes.length) return;
  io.out(`  ${titre}`);
  for (const l of lignes.slice(0, MAX_LIGNES)) io.out(`    ${l}`);
  if (lignes.length > MAX_LIGNES) io.out(`    … et ${lignes.length - MAX_LIGNES} autre(s) (--json pour tout voir)`);
}

const dateFr = (iso: string) => (/^\d{4}-\d{2}-\d{2}/.test(iso) ? isoVersFrancais(iso.slice(0, 10)) : iso);

/** « LibreOffice 7.4.7.2 », « Microsoft Excel (Jeanne Le Goff) le 02/12/2026 » ; null si le fichier est tel que généré. */
export function reenregistrement(e: Enregistrement, p: Provenance): string | null {
  const lo = /LibreOffice\/?([\d.]*)/i.exec(e.application ?? '');
  if (lo) return `LibreOffice${lo[1] ? ` ${lo[1]}` : ''}`;
  const modifie = e.modifieLe ? Date.parse(e.modifieLe) : NaN;
  const genere = Date.parse(p.dateGeneration);
  if (!Number.isFinite(modifie) || !Number.isFinite(genere) || Math.abs(modifie - genere) < 120_000) return null;
  const par = e.modifiePar && e.modifiePar !== 'Unknown' ? ` (${e.modifiePar})` : '';
  return `${(e.application ?? 'un tableur').split('$')[0]}${par} le ${dateFr(e.modifieLe as string)}`;
}

const ligneCellule = (c: ConstatCellule) => `${c.adresse.padEnd(6)} ${c.constats.join(' + ')} : ${c.message}`;

function resumeFormules(s: SimulationVerifiee): string {
  const r = s.rapport.resume;
  return `  ${r.verifiees} formules vérifiées : ${r.conformes} conformes, ${r.valeursDifferentes} valeur(s) en cache différente(s), ${r.formulesModifiees} formule(s) modifiée(s)` +
    (r.entreesModifiees ? `, ${r.entreesModifiees} donnée(s) d’entrée modifiée(s) depuis la génération` : '') +
    (r.nonRecalculees ? `, ${r.nonRecalculees} non recalculée(s)` : '');
}

function bareme(io: Io, s: SimulationVerifiee): void {
  const r = s.rapport;
  if (r.bareme.identique) io.out(`  Barème embarqué ${r.bareme.versionEmbarquee} : identique au barème courant`);
  else {
    io.out(`  Barème embarqué ${r.bareme.versionEmbarquee} DIFFÉRENT du barème courant ${r.bareme.versionCourante} (${r.bareme.differences.length} paramètre(s)) :`);
    for (const d of r.bareme.differences) io.out(`    - ${d.id} (${d.libelle}) ${d.nature} : ${d.detail}`);
    if (r.bareme.cellulesAffectees.length) io.out(`    cellules dont la valeur changerait avec le barème courant : ${r.bareme.cellulesAffectees.join(', ')}`);
  }
  const l = r.baremeLocal;
  if (!l.feuille) return;
  if (!l.modifies.length && !l.erreurs.length) io.out(`  Barème du classeur (feuille « ${l.feuille} ») : identique au barème embarqué`);
  liste(io, `Barème modifié localement dans la feuille « ${l.feuille} » (données d’entrée, recalculées avec lui) :`, l.modifies.map((m) => `${m.id} (${m.libelle}) : ${m.details.join(' ; ')}`));
  liste(io, `Saisies refusées dans la feuille « ${l.feuille} » :`, l.erreurs);
}

export function ecrireVerification(io: Io, s: SimulationVerifiee, e: Enregistrement): void {
  const { rapport: r, provenance: p } = s;
  io.out(`Feuille « ${r.feuille} » : ${r.ok ? 'CONFORME' : 'ÉCARTS TROUVÉS'}`);
  io.out(`  Générée le ${formatDateHeure(p.dateGeneration)} par le complément ${p.versionComplement} ; centre : ${p.scenario?.centre?.nom ?? '?'}`);
  if (p.versionComplement !== VERSION_COMPLEMENT) {
    io.out(`  Attention : classeur produit par le complément ${p.versionComplement}, vérifié par le complément ${VERSION_COMPLEMENT} : la feuille est reconstruite avec la mise en page de ${VERSION_COMPLEMENT} ; des écarts de mise en page peuvent venir de là (la signature, elle, ne dépend pas de la version)`);
  }
  const re = reenregistrement(e, p);
  if (re) io.out(`  Ré-enregistrée par ${re} : formules, booléens et formats comparés par leur sens, non par leur texte`);
  io.out(resumeFormules(s));
  io.out(`  Zone générée ${r.plage} : ${r.resume.constantesVerifiees} constantes et libellés vérifiés (${r.resume.constantesModifiees} modifié(s), ${r.resume.contenusAjoutes} contenu(s) ajouté(s)) ; formats de nombre : ${r.resume.formatsModifies} modifié(s)`);
  io.out(`  Empreinte de la provenance : ${r.empreinte.conforme ? 'conforme' : `NE CORRESPOND PAS (enregistrée ${r.empreinte.enregistree.slice(0, 12)}…, recalculée ${r.empreinte.recalculee.slice(0, 12)}…) : scénario, barème embarqué, date, version ou formules modifiés après la génération`}`);
  bareme(io, s);
  const ecarts = r.cellules.filter((c) => c.constats[0] !== 'conforme');
  liste(io, 'Données d’entrée modifiées (ce que l’utilisateur est censé changer) :', ecarts.filter((c) => c.constats.includes('entree_modifiee')).map(ligneCellule));
  const seulementCache = (c: ConstatCellule) => c.constats.every((k) => k === 'valeur_differente');
  liste(io, 'Altérations (ni une donnée d’entrée, ni le barème) :', ecarts.filter((c) => !seulementCache(c) && c.constats.some((k) => k !== 'entree_modifiee')).map(ligneCellule));
  liste(io, 'Valeurs en cache différentes du recalcul (classeur enregistré sans recalcul, ou valeurs retouchées) :', ecarts.filter(seulementCache).map(ligneCellule));
  liste(io, 'Hors de la simulation (ni vérifié, ni signé) :', [
    ...r.feuillesAjoutees.map((f) => `feuille ajoutée « ${f} »`),
    ...r.references.map((x) => `${x.feuille}!${x.adresse} : ${x.formule} cite la simulation (${x.cible}) ; elle en redit les chiffres sans être vérifiée`),
  ]);
  io.out(`  Signature : ${s.signature.message}${re && s.signature.statut === 'intacte' ? ` (ré-enregistré par ${re})` : ''}`);
  liste(io, 'Modifié depuis la signature (signé → maintenant) :', s.signature.differences);
}

/** Ce que prouve un classeur sans signature, et comment en signer un. */
export const SANS_SIGNATURE = [
  'Sans signature, l’empreinte SHA-256 de la provenance détecte une modification accidentelle, pas une falsification : n’importe qui peut modifier le classeur et la recalculer.',
  'Pour prouver l’origine d’un classeur : l’organisme émetteur crée sa clé une fois (sip cle creer --organisme "ARS Bretagne" -o ars), envoie ars.pub à ses correspondants,',
  'signe chaque classeur (sip signer classeur.xlsx --cle ars.cle, ou sip simulate … --signer ars.cle) ; le destinataire vérifie avec sip verify classeur.xlsx --confiance ars.pub.',
];

const signatureAcceptee = (s: SimulationVerifiee, confiance: boolean) =>
  confiance ? s.signature.statut === 'intacte' && !!s.signature.organismeConfiance : !['invalide', 'modifiee', 'cle_inconnue', 'non_verifiable'].includes(s.signature.statut);

export function resultatGlobal(simulations: SimulationVerifiee[], erreurs: string[], confiance: boolean): { ok: boolean; lignes: string[] } {
  const ok = erreurs.length === 0 && simulations.length > 0 && simulations.every((s) => s.rapport.ok && signatureAcceptee(s, confiance));
  if (!ok) {
    const refusees = simulations.filter((s) => !signatureAcceptee(s, confiance));
    const pourquoi = refusees.map((s) => `« ${s.provenance.feuille} » : ${s.signature.statut === 'absente' ? 'non signée, origine non prouvée' : s.signature.message}`);
    return { ok, lignes: [confiance && refusees.length ? `Résultat : NON ACCEPTÉ (${pourquoi.join(' ; ')}).` : 'Résultat : écarts trouvés (voir ci-dessus).'] };
  }
  if (confiance) {
    const qui = simulations.map((s) => `signé par ${s.signature.organismeConfiance} (clé ${empreinteCourte(s.signature.cle ?? '')}), intact`);
    return { ok, lignes: [`Résultat : ${[...new Set(qui)].join(' ; ')}.`] };
  }
  const signees = simulations.filter((s) => s.signature.statut !== 'absente');
  const note = signees.length
    ? [`Signature de ${[...new Set(signees.map((s) => s.signature.organisme))].join(', ')} déclarée par le classeur : pour la prouver, vérifiez avec --confiance et la clé publique reçue de l’organisme.`]
    : SANS_SIGNATURE;
  return { ok, lignes: [...note, 'Résultat : tout concorde.'] };
}

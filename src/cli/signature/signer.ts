// Signer un classeur de simulation (sip signer, sip simulate --signer) : le classeur est d'abord
// vérifié (on ne signe pas un classeur altéré ni des données d'entrée qui ne disent plus le scénario),
// puis le contenu de chaque simulation (src/workbook/signature/contenu.ts) est signé avec la clé privée
// de l'organisme et la signature posée dans sa feuille de provenance, sans toucher au reste du fichier.
// Enfin le classeur signé est relu et sa signature vérifiée : rien n'est rendu qui ne se vérifie pas.
import type { ClePrivee } from '../../workbook/signature/cles';
import { FORMAT_CONTENU, type ContenuSigne } from '../../workbook/signature/contenu';
import type { SignatureClasseur } from '../../workbook/provenance';
import type { SimulationVerifiee } from '../../workbook/signature/controle';
import { versBase64 } from '../../workbook/signature/base64';
import { ErreurCli } from '../erreurs';
import { lireClasseur } from '../../workbook/exceljs/lire';
import { annexesSignees } from '../../workbook/signature/controle';
import { contenuDuClasseur } from '../../workbook/signature/contenu';
import { verifierSignature } from '../../workbook/signature/verification';
import { analyserXlsx, VERIFICATEUR_NODE } from './analyse';
import { signerTexte } from './cles-fichiers';
import { poserSignature } from './xlsx';

export interface SignatureFaite {
  feuille: string;
  /** Organisme de la signature remplacée, s'il y en avait une. */
  remplace?: string;
}

/** Pourquoi une simulation ne peut pas être signée (altérations, données d'entrée modifiées, barème illisible). */
function refus(s: SimulationVerifiee): string[] {
  const r = s.rapport;
  const lignes = [
    ...(r.empreinte.conforme ? [] : ['empreinte de la provenance non conforme (scénario, barème, date ou formules retouchés)']),
    // Les retouches d'abord ; les valeurs en cache qui en découlent ensuite.
    ...r.cellules.filter((c) => c.constats.some((k) => k !== 'conforme')).sort((a, b) => Number(a.constats.join() === 'valeur_differente') - Number(b.constats.join() === 'valeur_differente')).map((c) => `${c.adresse} : ${c.message}`),
    ...r.references.map((x) => `${x.feuille}!${x.adresse} ${x.formule} cite la simulation (${x.cible})`),
    ...r.baremeLocal.erreurs.map((e) => `barème du classeur : ${e}`),
  ];
  return lignes;
}

function signature(s: SimulationVerifiee, cle: ClePrivee, maintenant: string, fichierCle: string): SignatureClasseur {
  const contenu: ContenuSigne = { format: FORMAT_CONTENU, version: 1, signataire: { organisme: cle.organisme, cle: cle.empreinte }, signeLe: maintenant, ...s.contenu };
  const texte = JSON.stringify(contenu);
  return { organisme: cle.organisme, cle: cle.empreinte, clePublique: versBase64(cle.cle), signature: signerTexte(cle, texte, fichierCle), contenu: texte };
}

/**
 * Relecture du classeur signé : chaque signature posée doit se vérifier, avec la clé qui vient de
 * signer, sur le contenu relu (la feuille n'a pas changé : pas de nouveau recalcul).
 */
async function relire(fichier: Buffer, signees: readonly SimulationVerifiee[], cle: ClePrivee): Promise<void> {
  const lu = await lireClasseur(fichier);
  const ratees: string[] = [];
  for (const [i, s] of lu.simulations.entries()) {
    const contenu = contenuDuClasseur(s.provenance, s.cellules, signees[i]?.rapport.plage ?? '', annexesSignees(lu.autres));
    const e = await verifierSignature(s.provenance.signature, contenu, [cle], VERIFICATEUR_NODE);
    if (e.statut !== 'intacte') ratees.push(`${s.provenance.feuille} : ${e.message}`);
  }
  if (ratees.length || lu.simulations.length !== signees.length) throw new Error(`signature non vérifiée à la relecture : ${ratees.join(' ; ')}`);
}

export async function signerClasseur(fichier: Buffer, cle: ClePrivee, o: { maintenant: string; affiche: string; fichierCle: string }): Promise<{ fichier: Buffer; faites: SignatureFaite[] }> {
  const { lu, simulations } = await analyserXlsx(fichier, o.affiche);
  if (lu.erreurs.length) throw new ErreurCli(`${o.affiche} : ${lu.erreurs.join(' ; ')} ; rien n’a été signé`, 1);
  if (!simulations.length) throw new ErreurCli(`${o.affiche} ne contient aucune simulation à signer`, 1);
  for (const s of simulations) {
    const r = refus(s);
    if (r.length) {
      const liste = r.slice(0, 10).map((x) => `\n  ${x}`).join('') + (r.length > 10 ? `\n  … et ${r.length - 10} autre(s)` : '');
      throw new ErreurCli(`${o.affiche} : la feuille « ${s.provenance.feuille} » ne correspond plus à sa simulation ; rien n’a été signé (recréez la simulation depuis le volet ou avec « sip simulate », puis signez) :${liste}`, 1);
    }
  }
  let resultat = fichier;
  simulations.forEach((s, i) => {
    resultat = poserSignature(resultat, lu.simulations[i].feuilleProvenance, signature(s, cle, o.maintenant, o.fichierCle));
  });
  await relire(resultat, simulations, cle);
  return { fichier: resultat, faites: simulations.map((s) => ({ feuille: s.provenance.feuille, ...(s.provenance.signature ? { remplace: s.provenance.signature.organisme } : {}) })) };
}

// Écriture de la feuille « Programme SIP » avec l'écrivain exceljs commun (Node seulement : CLI et
// tests). Les formules SIP.* sont écrites sous la forme qu'Excel enregistre (`_xldudf_SIP_AIDE(D15,C15,$B$9)`)
// avec leur valeur en cache : un lecteur sans le complément, ou LibreOffice, affiche les bons chiffres.
// La CLI écrit en flux (ecrireClasseurProgramme) : ligne par ligne, 100 000 candidatures tiennent en
// moins de 1 Go de mémoire.
import { Writable } from 'stream';
import type { DescriptionEnFlux } from '../description';
import { ecrireClasseurEnFlux } from '../exceljs/flux';

/** Ajout d'une feuille décrite à un classeur en mémoire : l'écrivain commun (exceljs/ecrire.ts). */
export { ajouterFeuille } from '../exceljs/ecrire';

/** Le classeur du programme SIP, en mémoire (xlsx) : le même flux, recueilli dans un tampon. */
export async function classeurProgramme(d: DescriptionEnFlux): Promise<Buffer> {
  const morceaux: Buffer[] = [];
  const flux = new Writable({
    write(m: Buffer, _e, fini) {
      morceaux.push(m);
      fini();
    },
  });
  await ecrireClasseurProgramme(d, flux);
  return Buffer.concat(morceaux);
}

/**
 * Écrit le classeur du programme SIP dans `flux`, ligne par ligne. Les cellules d'un flux
 * (feuilleProgrammeEnFlux) ne sont produites qu'au moment d'être écrites.
 */
export async function ecrireClasseurProgramme(d: DescriptionEnFlux, flux: Writable): Promise<void> {
  await ecrireClasseurEnFlux([d], flux, { createur: 'sip programme' });
}

// Le tableau de candidatures de examples/candidatures-sip.json tel qu'Office.js le rend (`range.values`) :
// en-têtes du modèle, booléens, dates en numéros de série, cellules vides en ''.
import * as fs from 'fs';
import * as path from 'path';
import { isoVersSerie } from '../../../src/rules/dates';
import { CHAMPS } from '../../../src/rules/programme/lecture';
import { LIBELLES_CHAMPS, type TableauLu } from '../../../src/taskpane/programme/tableau-candidatures';

export const EXEMPLE = JSON.parse(fs.readFileSync(path.join(__dirname, '../../../examples/candidatures-sip.json'), 'utf8')) as {
  appel: { annee: number; enveloppe: number };
  candidatures: Record<string, unknown>[];
};

export function valeursExemple(candidatures = EXEMPLE.candidatures): unknown[][] {
  return [
    CHAMPS.map((c) => LIBELLES_CHAMPS[c]),
    ...candidatures.map((c) => CHAMPS.map((k) => {
      const v = c[k];
      if (v === undefined || v === null) return '';
      return k === 'dateCandidature' ? isoVersSerie(v as string) : v;
    })),
  ];
}

export const tableauExemple = (candidatures = EXEMPLE.candidatures): TableauLu => ({ feuille: 'Candidatures', adresse: "'Candidatures'!A1:I15", valeurs: valeursExemple(candidatures) });

/** Texte d'un élément, espaces insécables (formatEuros) ramenées à des espaces. */
export const texte = (e: Element | null) => (e?.textContent ?? '').replace(/[\u00a0\u202f]/g, ' ');

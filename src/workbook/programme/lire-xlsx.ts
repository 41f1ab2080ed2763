// Lecture d'un classeur de candidatures SIP (exceljs, Node seulement) : feuille « Candidatures »
// (ou la première), une ligne d'en-têtes reconnus par leur libellé français, une candidature par ligne.
import ExcelJS from 'exceljs';
import { CandidatureBrute, Champ, CHAMPS, ErreurCandidatures, lireCandidatures, MAX_CANDIDATURES, verifierNombre } from '../../rules/programme/lecture';
import { Candidature } from '../../rules/programme/types';
import { ENTETES, normaliserEntete as normaliser } from './entetes';

export { ENTETES };

const INDEX_ENTETES = new Map<string, Champ>(CHAMPS.flatMap((c) => ENTETES[c].map((e) => [normaliser(e), c] as [string, Champ])));

/** Valeur simple d'une cellule exceljs (formule → résultat, texte riche → texte). */
export function valeurSimple(v: ExcelJS.CellValue): unknown {
  if (v === null || v === undefined) return null;
  if (typeof v !== 'object' || v instanceof Date) return v;
  if ('result' in v) return valeurSimple((v as ExcelJS.CellFormulaValue).result as ExcelJS.CellValue);
  if ('richText' in v) return (v as ExcelJS.CellRichTextValue).richText.map((r) => r.text).join('');
  if ('text' in v) return (v as ExcelJS.CellHyperlinkValue).text;
  if ('error' in v) return (v as ExcelJS.CellErrorValue).error;
  return null;
}

function erreur(lieu: string, champ: string, attendu: string, recu: string): ErreurCandidatures {
  return new ErreurCandidatures([{ lieu, champ, attendu, recu }]);
}

export async function lireCandidaturesXlsx(contenu: Buffer | ArrayBuffer): Promise<Candidature[]> {
  const classeur = new ExcelJS.Workbook();
  try {
    await classeur.xlsx.load(contenu as ArrayBuffer);
  } catch {
    throw erreur('fichier', '(classeur)', 'un classeur Excel .xlsx lisible', 'fichier illisible (zip corrompu ou autre format ?)');
  }
  const ws = classeur.worksheets.find((w) => normaliser(w.name) === 'candidatures') ?? classeur.worksheets[0];
  if (!ws) throw erreur('fichier', '(feuille)', 'une feuille « Candidatures »', 'aucune feuille');
  const feuille = `de la feuille « ${ws.name} »`;

  // La ligne d'en-têtes : la première (parmi les 30 premières) qui nomme la colonne de la MSP.
  let ligneEntetes = 0;
  const colonnes = new Map<Champ, number>();
  const nomsChamps: Partial<Record<Champ, string>> = {};
  for (let r = 1; r <= Math.min(ws.rowCount, 30) && !ligneEntetes; r++) {
    const row = ws.getRow(r);
    const trouves = new Map<Champ, number>();
    const noms: Partial<Record<Champ, string>> = {};
    row.eachCell((cell, col) => {
      const v = valeurSimple(cell.value);
      if (typeof v !== 'string') return;
      const champ = INDEX_ENTETES.get(normaliser(v));
      if (champ && !trouves.has(champ)) {
        trouves.set(champ, col);
        noms[champ] = `${v.trim()}`;
      }
    });
    if (trouves.has('nom') && trouves.size >= 3) {
      ligneEntetes = r;
      trouves.forEach((col, champ) => colonnes.set(champ, col));
      Object.assign(nomsChamps, noms);
    }
  }
  if (!ligneEntetes) {
    throw erreur(`feuille « ${ws.name} »`, '(en-têtes)', `une ligne d’en-têtes (MSP, ${['Professionnels', 'Devis validés', 'Projet de santé validé', 'ACI', 'Logiciel labellisé', 'Zone'].join(', ')} ; Maturité et Date de candidature facultatives)`, 'aucune ligne d’en-têtes reconnue dans les 30 premières lignes');
  }
  const manquants = CHAMPS.filter((c) => c !== 'maturite' && c !== 'dateCandidature' && !colonnes.has(c));
  if (manquants.length) {
    throw new ErreurCandidatures(
      manquants.map((c) => ({ lieu: `ligne ${ligneEntetes} ${feuille}`, champ: ENTETES[c][0], attendu: `une colonne « ${ENTETES[c][0]} »`, recu: 'colonne absente' })),
    );
  }
  for (const c of CHAMPS) nomsChamps[c] = nomsChamps[c] ? `${nomsChamps[c]} (colonne ${ws.getColumn(colonnes.get(c) ?? 1).letter})` : ENTETES[c][0];

  const brutes: CandidatureBrute[] = [];
  for (let r = ligneEntetes + 1; r <= ws.rowCount; r++) {
    const row = ws.getRow(r);
    const valeurs: Partial<Record<Champ, unknown>> = {};
    let vide = true;
    for (const [champ, col] of colonnes) {
      const v = valeurSimple(row.getCell(col).value);
      if (v !== null && !(typeof v === 'string' && v.trim() === '')) vide = false;
      valeurs[champ] = v;
    }
    if (!vide) brutes.push({ lieu: `ligne ${r} ${feuille}`, valeurs, nomsChamps });
    if (brutes.length > MAX_CANDIDATURES) verifierNombre(ws.rowCount - ligneEntetes);
  }
  return lireCandidatures(brutes);
}

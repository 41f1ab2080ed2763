// Services Office.js de la vue « Programme SIP » : lecture du tableau de la feuille active, modèle de
// tableau sur une nouvelle feuille, écriture de la feuille « Programme SIP » depuis la description
// partagée avec la CLI (decrireFeuilleProgramme). Chaque action : un Excel.run, deux sync.
import type { DescriptionFeuille } from '../../workbook/description';
import { ErreurFeuilleExistante, fileEcritureDescription, nomLibre } from '../../workbook/office/ecrire.office';
import type { ServicesProgramme } from './services-programme';
import { decrireModeleCandidatures, NOM_FEUILLE_MODELE, type TableauLu } from './tableau-candidatures';

/** Écrit la description sur une nouvelle feuille ; remplace une feuille homonyme seulement si `remplacer`. 2 sync. */
export async function ecrireFeuilleDecrite(
  context: Excel.RequestContext,
  description: DescriptionFeuille,
  options: { remplacer: boolean },
): Promise<{ feuille: string; mode: 'creation' | 'remplacement' }> {
  const feuilles = context.workbook.worksheets;
  feuilles.load('items/name');
  await context.sync(); // 1 : noms des feuilles
  const noms = feuilles.items.map((f) => f.name);
  const existante = feuilles.items.find((f) => f.name.toLowerCase() === description.nom.toLowerCase());
  let feuille: Excel.Worksheet;
  if (existante) {
    if (!options.remplacer) throw new ErreurFeuilleExistante(description.nom);
    // Nouvelle feuille sous un nom provisoire, puis suppression de l'ancienne et renommage : Excel
    // refuse de supprimer la dernière feuille visible, et les noms définis de l'ancienne partent avec elle.
    feuille = feuilles.add(nomLibre(`${description.nom.slice(0, 20)} (nouvelle)`, noms));
    existante.delete();
    feuille.name = description.nom;
  } else {
    feuille = feuilles.add(description.nom);
  }
  fileEcritureDescription(feuille, description);
  feuille.activate();
  await context.sync(); // 2 : tout est écrit d'un coup
  return { feuille: description.nom, mode: existante ? 'remplacement' : 'creation' };
}

/** Le modèle vide sur une feuille nouvelle : « Candidatures », ou « Candidatures (2) »… si le nom est pris. 2 sync. */
export async function creerModeleCandidatures(context: Excel.RequestContext): Promise<{ feuille: string }> {
  const feuilles = context.workbook.worksheets;
  feuilles.load('items/name');
  await context.sync();
  const nom = nomLibre(NOM_FEUILLE_MODELE, feuilles.items.map((f) => f.name));
  const feuille = feuilles.add(nom);
  fileEcritureDescription(feuille, decrireModeleCandidatures(nom));
  feuille.activate();
  await context.sync();
  return { feuille: nom };
}

/** Valeurs de la plage utilisée de la feuille active. 1 sync. */
export async function lireTableauActif(context: Excel.RequestContext): Promise<TableauLu> {
  const feuille = context.workbook.worksheets.getActiveWorksheet();
  feuille.load('name');
  const utilisee = feuille.getUsedRangeOrNullObject(true);
  utilisee.load(['values', 'address']);
  await context.sync();
  if (utilisee.isNullObject) return { feuille: feuille.name, adresse: 'A1', valeurs: [] };
  return { feuille: feuille.name, adresse: utilisee.address, valeurs: utilisee.values as unknown[][] };
}

export function servicesProgrammeOffice(): ServicesProgramme {
  return {
    lireTableauActif: () => Excel.run((context) => lireTableauActif(context)),
    creerModele: () => Excel.run((context) => creerModeleCandidatures(context)),
    feuilleExiste: (nom) =>
      Excel.run(async (context) => {
        const f = context.workbook.worksheets.getItemOrNullObject(nom);
        await context.sync();
        return !f.isNullObject;
      }),
    ecrireProgramme: async (description, options) => {
      const r = await Excel.run((context) => ecrireFeuilleDecrite(context, description, options));
      return { feuille: r.feuille, cellules: description.cellules.length };
    },
  };
}

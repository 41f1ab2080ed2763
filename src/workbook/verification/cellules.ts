// Chaque cellule de la zone générée comparée à la feuille reconstruite depuis la provenance :
// formules (par leur sens) et leurs valeurs en cache (recalculées), constantes et libellés, formats de
// nombre, contenu ajouté. Les données d'entrée (cellules jaunes) sont rapportées à part : c'est ce que
// l'utilisateur est censé changer.
import { isoVersFrancais, serieVersIso } from '../../rules/dates';
import { depuisFormeFichier } from '../../formules/forme-fichier';
import type { Cellule } from '../description';
import { formatCanonique, formatConforme, formatsAttendus } from './formats';
import { booleenDeFormule, normaliserFormule } from './formules';
import type { CelluleLue, ConstatCellule, ValeurLue } from './types';
import { estErreur, estVide, memeConstante, memeValeur, texteValeur } from './valeurs';

export interface ContexteCellules {
  feuille: string;
  recalcul: Map<string, ValeurLue | undefined>;
}

/** Une cellule lue telle qu'elle compte : `=TRUE()` de LibreOffice est la constante VRAI. */
export function cellulePreparee(c: CelluleLue): CelluleLue {
  const adresse = c.adresse.replace(/\$/g, '').toUpperCase();
  if (c.formule) {
    const b = booleenDeFormule(c.formule);
    if (b !== null) return { adresse, valeur: b, ...(c.format !== undefined ? { format: c.format } : {}) };
  }
  return c.adresse === adresse ? c : { ...c, adresse };
}

const aContenu = (l: CelluleLue | undefined): l is CelluleLue => !!l && (!!l.formule || !estVide(l.valeur));
export const estEntree = (e: Cellule | undefined) => !!e && !e.formule && e.style === 'entree';

/** Valeur lisible selon le format de la cellule : une date en JJ/MM/AAAA. */
function texteSelon(v: ValeurLue | undefined, e: Cellule | undefined): string {
  if (e?.format === 'date' && typeof v === 'number') {
    try {
      return isoVersFrancais(serieVersIso(v));
    } catch {
      return texteValeur(v);
    }
  }
  return texteValeur(v);
}

const contenuLu = (l: CelluleLue | undefined, e?: Cellule) =>
  !aContenu(l) ? 'une cellule vide' : l.formule ? `la formule ${formuleAffichee(l.formule)}` : texteSelon(l.valeur, e);

export const formuleAffichee = (f: string) => depuisFormeFichier(f.startsWith('=') ? f : `=${f}`);

function constatFormule(a: string, e: Cellule, l: CelluleLue | undefined, ctx: ContexteCellules): ConstatCellule {
  const attendue = e.formule as string;
  const c: ConstatCellule = { adresse: a, constats: [], formuleAttendue: attendue, message: '' };
  if (l) c.valeurEnCache = l.valeur;
  const messages: string[] = [];
  if (!l?.formule) {
    c.constats.push('formule_modifiee');
    messages.push(`formule ${attendue} remplacée par ${l && !estVide(l.valeur) ? `la valeur ${texteValeur(l.valeur)}` : 'une cellule vide'}`);
  } else {
    c.formuleLue = formuleAffichee(l.formule);
    if (normaliserFormule(l.formule, ctx.feuille) !== normaliserFormule(attendue, ctx.feuille)) {
      c.constats.push('formule_modifiee');
      messages.push(`formule modifiée à la main : ${c.formuleLue} au lieu de ${attendue}`);
    }
    messages.push(...constatValeur(c, l, ctx));
  }
  c.message = messages.join(' ; ');
  return c;
}

/** Valeur en cache d'une formule comparée à son recalcul (barème du classeur). */
function constatValeur(c: ConstatCellule, l: CelluleLue, ctx: ContexteCellules): string[] {
  const v = ctx.recalcul.get(l.adresse);
  if (v === undefined) return [];
  c.valeurRecalculee = v;
  // Deux erreurs (#N/A recalculé #NOM? par un tableur sans le complément) n'affichent aucun montant.
  if (memeValeur(l.valeur, v) || (estErreur(l.valeur) && estErreur(v))) return [];
  c.constats.push('valeur_differente');
  const sansComplement = estErreur(l.valeur) && /^#(NAME\?|NOM\?)$/i.test(l.valeur.erreur) ? ' (#NOM? : classeur recalculé par un tableur sans le complément SIP)' : '';
  return [`valeur en cache ${texteValeur(l.valeur)}, recalculée avec le barème du classeur : ${texteValeur(v)}${sansComplement}`];
}

function constatConstante(a: string, e: Cellule, l: CelluleLue | undefined): ConstatCellule | null {
  const attendu = (e.valeur ?? null) as ValeurLue;
  if (aContenu(l) && !l.formule && memeConstante(l.valeur, attendu)) return null;
  const nature = typeof attendu === 'string' ? 'texte' : e.format === 'date' ? 'date' : 'constante';
  return {
    adresse: a,
    constats: ['constante_modifiee'],
    valeurAttendue: attendu,
    ...(l ? { valeurEnCache: l.valeur } : {}),
    ...(l?.formule ? { formuleLue: formuleAffichee(l.formule) } : {}),
    message: `${nature} ${texteSelon(attendu, e)} remplacé${nature === 'texte' ? '' : 'e'} par ${contenuLu(l, e)}`,
  };
}

function constatEntree(a: string, e: Cellule, l: CelluleLue | undefined): ConstatCellule | null {
  const attendu = (e.valeur ?? null) as ValeurLue;
  if (!l?.formule && memeValeur(l?.valeur ?? null, attendu)) return null;
  return {
    adresse: a,
    constats: ['entree_modifiee'],
    valeurAttendue: attendu,
    valeurEnCache: l?.valeur ?? null,
    message: `donnée d’entrée${e.nom ? ` ${e.nom}` : ''} modifiée dans la feuille : ${l?.formule ? `formule ${l.formule}` : texteSelon(l?.valeur ?? null, e)} au lieu de ${texteSelon(attendu, e)} (scénario de la provenance)`,
  };
}

function constatAjout(a: string, l: CelluleLue, ctx: ContexteCellules): ConstatCellule {
  if (!l.formule) return { adresse: a, constats: ['contenu_ajoute'], valeurEnCache: l.valeur, message: `contenu ajouté dans la zone générée : ${texteValeur(l.valeur)}` };
  const c: ConstatCellule = { adresse: a, constats: ['formule_modifiee'], formuleLue: formuleAffichee(l.formule), valeurEnCache: l.valeur, message: '' };
  c.message = [`formule ajoutée dans la zone générée : ${c.formuleLue}`, ...constatValeur(c, l, ctx)].join(' ; ');
  return c;
}

/** Format de nombre : une cellule qui affiche autre chose que sa valeur (montant masqué, autre texte). */
function constatFormat(c: ConstatCellule | null, a: string, e: Cellule, l: CelluleLue | undefined): ConstatCellule | null {
  if (!aContenu(l) || l.format === undefined) return c;
  const attendus = formatsAttendus(e.format);
  if (formatConforme(l.format, attendus, typeof l.valeur === 'string')) return c;
  const r: ConstatCellule = c ?? { adresse: a, constats: [], message: '' };
  r.constats.push('format_modifie');
  r.formatAttendu = attendus[0];
  r.formatLu = formatCanonique(l.format);
  const m = `format de nombre modifié : ${r.formatLu} au lieu de ${attendus[0]} (la cellule n’affiche plus sa valeur telle quelle)`;
  r.message = r.message ? `${r.message} ; ${m}` : m;
  return r;
}

/**
 * Constat d'une adresse de la zone générée ; null si elle est conforme et n'est pas une formule
 * (les formules conformes sont rapportées « conforme », comme avant).
 */
export function examinerCellule(a: string, e: Cellule | undefined, l: CelluleLue | undefined, ctx: ContexteCellules): ConstatCellule | null {
  let c: ConstatCellule | null;
  if (e?.formule) c = constatFormule(a, e, l, ctx);
  else if (estEntree(e)) c = constatEntree(a, e as Cellule, l);
  else if (e && !estVide(e.valeur ?? null)) c = constatConstante(a, e, l);
  else c = aContenu(l) ? constatAjout(a, l, ctx) : null;
  if (e) c = constatFormat(c, a, e, l);
  if (c && !c.constats.length) {
    c.constats.push('conforme');
    c.message = 'conforme';
  }
  return c;
}

// Le barème d'un fichier de données (`sip calc --bareme fichier.json`) : un fichier de famille au
// format de src/rules/bareme/*.json ({ famille, libelle, parametres }) ou un barème complet
// ({ version, parametres, changements }). Chaque paramètre du fichier remplace celui du barème par
// défaut (tout son historique) ; les autres gardent leur valeur par défaut. Un paramètre fautif
// (validerBareme, unité changée, valeur négative) est rendu invalide : #VALEUR! avec la raison.
import { BIBLIOGRAPHIE, SourceBibliographique } from '../sources';
import { assembler, BaremeLu, memeValeurDatee, ParametreSaisi } from './bareme-lu';
import { parametreDe } from './lecture';
import { Bareme, Parametre } from './types';
import { validerBareme } from './validation';

/** Fichier qui n'a pas la forme d'un barème : rien n'en est lu. */
export class ErreurBaremeIllisible extends Error {}

const estObjet = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null && !Array.isArray(x);

/** Les sources du fichier absentes de la bibliographie (texte libre) y sont ajoutées pour la validation. */
function bibliographieAvec(p: Parametre): readonly SourceBibliographique[] {
  const libres = p.valeurs
    .map((v) => (estObjet(v) && estObjet(v.source) && typeof v.source.document === 'string' ? v.source.document : ''))
    .filter((d) => d && !BIBLIOGRAPHIE.some((s) => s.id === d || s.alias?.includes(d)));
  return libres.length
    ? [...BIBLIOGRAPHIE, ...libres.map((id) => ({ id, nature: 'source_secondaire' as const, titre: id, titreCourt: id, editeur: '', date: null, adresse: null }))]
    : BIBLIOGRAPHIE;
}

/** Contrôles d'un paramètre du fichier, en plus de validerBareme : unité, valeurs négatives. */
function refusSupplementaires(p: Parametre, publie: Parametre): string[] {
  const r: string[] = [];
  if (p.unite !== publie.unite) r.push(`unité « ${p.unite} » différente de celle du paramètre (${publie.unite})`);
  for (const v of p.valeurs) {
    if (typeof v.valeur === 'string' && v.valeur.trim().startsWith('-') && !publie.unite.startsWith('€')) r.push(`valeur du ${v.du} négative (${v.valeur}) ; une valeur du barème est positive ou nulle`);
  }
  return r;
}

/** Un paramètre du fichier, complété (libellé, unité) par le paramètre publié, puis contrôlé. */
function saisi(brut: Record<string, unknown>, publie: Parametre, fichier: string): ParametreSaisi {
  const p = {
    ...publie,
    ...(typeof brut.libelle === 'string' && brut.libelle.trim() ? { libelle: brut.libelle } : {}),
    ...(typeof brut.unite === 'string' && brut.unite.trim() ? { unite: brut.unite } : {}),
    id: publie.id,
    valeurs: Array.isArray(brut.valeurs) ? (brut.valeurs as Parametre['valeurs']) : [],
  };
  const messages = [
    ...validerBareme({ version: '', parametres: [p], changements: [] }, bibliographieAvec(p)).map((e) => e.message),
    ...refusSupplementaires(p, publie),
  ].map((m) => `${fichier} : ${m}`);
  // Valeurs identiques à celles du barème publié : partagées (les lectures les reconnaissent).
  const valeurs = messages.length ? p.valeurs : p.valeurs.map((v) => publie.valeurs.find((d) => memeValeurDatee(d, v)) ?? v);
  return { parametre: { ...p, libelle: publie.libelle, valeurs }, lignes: [], refus: messages };
}

/** Le barème d'un fichier de données (déjà analysé depuis JSON). `fichier` nomme le fichier dans les messages. */
export function baremeDepuisDonnees(donnees: unknown, defaut: Bareme, o: { fichier: string }): BaremeLu {
  if (!estObjet(donnees) || !Array.isArray(donnees.parametres)) {
    throw new ErreurBaremeIllisible(`${o.fichier} : ni un fichier de famille du barème ni un barème complet (tableau « parametres » attendu, comme dans src/rules/bareme/sip.json)`);
  }
  const saisis = new Map<string, ParametreSaisi>();
  const horsParametre: string[] = [];
  donnees.parametres.forEach((brut: unknown, k: number) => {
    const id = estObjet(brut) && typeof brut.id === 'string' ? brut.id.trim() : '';
    const publie = id ? parametreDe(defaut, id) : undefined;
    if (!estObjet(brut) || !publie) {
      horsParametre.push(`${o.fichier} : paramètre n° ${k + 1} : ${id ? `identifiant « ${id} » inconnu du barème` : 'identifiant (« id ») manquant'} ; il n’est pas pris en compte`);
    } else if (saisis.has(publie.id)) {
      // Deux historiques pour un paramètre : lequel croire ? Aucun (le paramètre est invalide).
      saisis.get(publie.id)?.refus.push(`${o.fichier} : paramètre n° ${k + 1} : « ${id} » donné deux fois ; gardez un seul historique par paramètre`);
    } else saisis.set(publie.id, saisi(brut, publie, o.fichier));
  });
  return assembler(defaut, saisis, horsParametre);
}

// `sip explain` : une formule (comme `calc --explain`), une fonction du catalogue, ou le barème.
import { attendu } from '../../catalogue/appel';
import { trouverFonction } from '../../catalogue/fonctions';
import { ESPACE_DE_NOMS } from '../../catalogue/types';
import { BAREME_PAR_DEFAUT } from '../../rules/bareme/donnees';
import { LIBELLES_STATUT } from '../../rules/bareme/types';
import { isoVersFrancais } from '../../rules/dates';
import { extraireDrapeau, Io } from '../io';
import { calc } from './calc';

function expliquerBareme(io: Io): number {
  io.out(`Barème ${BAREME_PAR_DEFAUT.version}`);
  for (const p of BAREME_PAR_DEFAUT.parametres) {
    for (const v of p.valeurs) {
      io.out(`${p.id} = ${v.valeur ?? 'aucun'} ${p.unite} du ${isoVersFrancais(v.du)}${v.au ? ` au ${isoVersFrancais(v.au)}` : ''} [${LIBELLES_STATUT[v.statut]}] — ${p.libelle} — ${v.source.document}, ${v.source.section}`);
    }
  }
  io.out('Changements connus non chiffrés :');
  for (const c of BAREME_PAR_DEFAUT.changements) io.out(`  ${isoVersFrancais(c.date)} : ${c.libelle}`);
  return 0;
}

export async function explain(args: string[], io: Io): Promise<number> {
  const a = [...args];
  if (extraireDrapeau(a, '--bareme')) return expliquerBareme(io);
  const cible = a.find((x) => !x.startsWith('--'));
  if (!cible) {
    io.err('Usage : sip explain "<formule>" | sip explain <FONCTION> | sip explain --bareme');
    return 2;
  }
  if (!cible.includes('(')) {
    const f = trouverFonction(cible);
    if (!f) {
      io.err(`Fonction inconnue : ${cible}`);
      return 1;
    }
    io.out(`${ESPACE_DE_NOMS}.${f.nom} — ${f.description.fr}`);
    for (const arg of f.arguments) io.out(`  ${arg.optionnel ? `[${arg.nom}]` : arg.nom} : ${arg.description.fr} (${attendu(arg)})`);
    io.out(`  Résultat : ${f.resultat.description.fr} (${f.resultat.unite})`);
    return 0;
  }
  return calc(a, io, true);
}

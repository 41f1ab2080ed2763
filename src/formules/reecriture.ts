// Réécriture d'une formule analysée dans la syntaxe qu'HyperFormula sait lire, sans en changer le sens :
// VRAI/FAUX (TRUE/FALSE) constants → VRAI()/FAUX() ; exposant 1E5 → 1e5 (HyperFormula ne lit que
// « e ») ; texte contenant un guillemet ("" d'Excel) ou une barre oblique inverse, qu'HyperFormula
// lit autrement → concaténation avec CAR(34) / CAR(92) ; 1%% → (1%)% ; noms de fonctions en majuscules.
import { Noeud } from './analyse';
import { Syntaxe } from './langue';

function texte(valeur: string, s: Syntaxe): string {
  if (!/["\\]/.test(valeur)) return `"${valeur}"`;
  const morceaux = valeur.split(/(["\\])/).filter((m) => m !== '');
  const parties = morceaux.map((m) => (m === '"' ? `${s.car}(34)` : m === '\\' ? `${s.car}(92)` : `"${m}"`));
  return `(${parties.join('&')})`;
}

export function reecrire(n: Noeud, s: Syntaxe): string {
  switch (n.type) {
    case 'nombre':
      return n.texte.replace('E', 'e');
    case 'texte':
      return texte(n.valeur, s);
    case 'booleen':
      return `${n.valeur ? s.vrai : s.faux}()`;
    case 'erreur':
    case 'reference':
      return n.texte;
    case 'nom':
      return n.nom;
    case 'vide':
      return '';
    case 'unaire':
      return `${n.op}${reecrire(n.operande, s)}`;
    case 'pourcent':
      // HyperFormula ne lit pas « 1%% » (Excel : 0,0001) : « (1%)% ».
      return n.operande.type === 'pourcent' ? `(${reecrire(n.operande, s)})%` : `${reecrire(n.operande, s)}%`;
    case 'binaire':
      return `${reecrire(n.gauche, s)}${n.op}${reecrire(n.droite, s)}`;
    case 'parentheses':
      return `(${reecrire(n.expression, s)})`;
    case 'appel':
      return `${n.nom}(${n.args.map((a) => reecrire(a, s)).join(s.argument)})`;
    case 'tableau':
      return `{${n.lignes.map((l) => l.map((c) => reecrire(c, s)).join(s.colonneTableau)).join(s.ligneTableau)}}`;
  }
}

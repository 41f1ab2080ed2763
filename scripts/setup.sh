#!/usr/bin/env bash
# Outils système des tests (Debian) : Chromium (tests du volet), LibreOffice Calc (tests « vrai
# client » des classeurs), police DejaVu Sans (graphiques). Lancé par `npm test` (script pretest),
# avant toute compilation :
# - tout est là : ne fait rien, n'affiche rien ;
# - il manque quelque chose et l'on est administrateur (root) : installe les paquets Debian sans
#   question ni bavardage (journal d'apt dans un fichier, montré seulement en cas d'échec), en ne
#   mettant à jour les listes d'apt que si un paquet y est inconnu (machine neuve) ou si
#   l'installation échoue (listes périmées) ;
# - sinon : s'arrête aussitôt (code 1) avec la seule commande à lancer.
set -uo pipefail

role() {
  case "$1" in
    chromium) echo 'Chromium, tests du volet' ;;
    libreoffice-calc) echo 'LibreOffice Calc, tests des classeurs' ;;
    fonts-dejavu-core) echo 'police DejaVu Sans, graphiques' ;;
  esac
}
POLICE=/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf

manquants() {
  local m=()
  command -v chromium >/dev/null 2>&1 || m+=(chromium)
  command -v soffice >/dev/null 2>&1 || m+=(libreoffice-calc)
  [ -e "$POLICE" ] || m+=(fonts-dejavu-core)
  echo "${m[*]}"
}

read -r -a paquets <<<"$(manquants)"
[ ${#paquets[@]} -eq 0 ] && exit 0

liste=''
for p in "${paquets[@]}"; do liste+="${liste:+, }$p ($(role "$p"))"; done

if ! command -v apt-get >/dev/null 2>&1; then
  echo "npm test : outils système absents : $liste." >&2
  echo "Ce système n'a pas apt-get (Debian) : installez-les avec son gestionnaire de paquets, puis relancez npm test." >&2
  exit 1
fi

if [ "$(id -u)" != 0 ]; then
  echo "npm test : outils système absents : $liste." >&2
  echo "Installez-les une fois, en administrateur, puis relancez npm test :" >&2
  echo "  sudo bash scripts/setup.sh" >&2
  exit 1
fi

echo "Installation des outils système des tests (une seule fois) : ${paquets[*]}…"
# Aucune question (debconf, fichiers de configuration), aucune barre de progression ; on attend
# qu'un autre apt (mises à jour automatiques) libère son verrou plutôt que d'échouer.
export DEBIAN_FRONTEND=noninteractive
journal="$(mktemp "${TMPDIR:-/tmp}/sip-setup.XXXXXX.log")"
APT=(-y -q -o Dpkg::Use-Pty=0 -o DPkg::Lock::Timeout=300 -o Dpkg::Options::=--force-confdef -o Dpkg::Options::=--force-confold)
mettre_a_jour() { apt-get "${APT[@]}" update >>"$journal" 2>&1; }
installer() { apt-get "${APT[@]}" install --no-install-recommends "${paquets[@]}" >>"$journal" 2>&1; }

# Listes d'apt absentes (machine neuve) ou qui ignorent un paquet : les mettre à jour d'abord.
inconnu=0
for p in "${paquets[@]}"; do apt-cache show --no-all-versions "$p" >/dev/null 2>&1 || inconnu=1; done
[ $inconnu = 0 ] || mettre_a_jour
if ! installer; then
  # Listes périmées (paquet retiré du miroir) : une mise à jour, un second essai.
  mettre_a_jour && installer
fi

read -r -a restants <<<"$(manquants)"
if [ ${#restants[@]} -gt 0 ]; then
  echo "Échec de l'installation de ${restants[*]} (apt-get) ; fin du journal ($journal) :" >&2
  tail -n 20 "$journal" >&2
  exit 1
fi
rm -f "$journal"
echo "Outils système des tests installés."

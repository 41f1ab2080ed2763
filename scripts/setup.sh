#!/usr/bin/env bash
# Outils système des tests (Debian) : Chromium pour les tests du volet, LibreOffice Calc pour les
# tests « vrai client » des classeurs, polices pour les graphiques. Sans effet s'ils sont déjà là.
set -euo pipefail
manquants=()
command -v chromium >/dev/null 2>&1 || manquants+=(chromium)
command -v soffice >/dev/null 2>&1 || manquants+=(libreoffice-calc)
[ -e /usr/share/fonts/truetype/dejavu/DejaVuSans.ttf ] || manquants+=(fonts-dejavu-core)
if [ ${#manquants[@]} -gt 0 ]; then
  if [ "$(id -u)" -ne 0 ]; then
    echo "setup : installez ${manquants[*]} (apt-get install -y ${manquants[*]})" >&2
    exit 1
  fi
  echo "setup : installation de ${manquants[*]}"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${manquants[@]}" >/dev/null
fi

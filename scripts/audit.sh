#!/usr/bin/env bash
# `npm run audit:prod` : audit de sécurité des dépendances de PRODUCTION (npm audit --omit=dev).
# Échoue (code 1) s'il reste une vulnérabilité de gravité haute ou critique ; code 2 si le service
# d'audit du registre est injoignable (l'audit n'a pas eu lieu : ce n'est pas un succès).
# Hors de `npm test` : il faut le réseau.
set -uo pipefail
cd "$(dirname "$0")/.."

sortie=$(mktemp)
trap 'rm -f "$sortie"' EXIT
npm audit --omit=dev --json >"$sortie" 2>/dev/null
code=$?

node - "$sortie" "$code" <<'EOF'
const fs = require('fs');
const [fichier, code] = process.argv.slice(2);
let r;
try {
  r = JSON.parse(fs.readFileSync(fichier, 'utf8'));
} catch {
  console.error(`npm audit n'a rien renvoyé de lisible (code ${code}).`);
  process.exit(2);
}
if (!r.metadata) {
  // Erreur du service : par exemple un miroir du registre qui refuse POST /-/npm/v1/security/advisories/bulk (405).
  console.error(`Audit impossible : le service d'audit du registre a répondu « ${r.message || r.error?.summary || 'erreur inconnue'} ».`);
  console.error('Aucun résultat : relancez `npm run audit:prod` avec un accès au registre public npmjs.org.');
  process.exit(2);
}
const v = r.metadata.vulnerabilities;
console.log(`Dépendances de production : ${r.metadata.dependencies?.prod ?? r.metadata.dependencies?.total ?? '?'} paquets audités.`);
console.log(`Vulnérabilités : critiques ${v.critical}, hautes ${v.high}, modérées ${v.moderate}, faibles ${v.low}, info ${v.info}.`);
for (const [nom, d] of Object.entries(r.vulnerabilities || {})) {
  const avis = (d.via || []).filter((x) => typeof x === 'object').map((x) => `${x.title} (${x.url}, versions ${x.range})`);
  const par = (d.via || []).filter((x) => typeof x === 'string');
  const correctif = d.fixAvailable === true ? 'correctif : npm audit fix' : d.fixAvailable ? `correctif : ${d.fixAvailable.name}@${d.fixAvailable.version}` : 'pas de correctif direct';
  console.log(`- ${nom} [${d.severity}] ${d.range} — ${avis.length ? avis.join(' ; ') : `via ${par.join(', ')}`} — ${correctif}`);
}
if (v.critical + v.high > 0) {
  console.error('ÉCHEC : vulnérabilités hautes ou critiques dans les dépendances de production.');
  process.exit(1);
}
console.log('Aucune vulnérabilité haute ou critique dans les dépendances de production.');
EOF

#!/usr/bin/env node
// Vérification HORS LIGNE du manifeste XML (le validateur de Microsoft a besoin d'Internet) :
// structure attendue par le schéma (éléments requis et leur ordre, runtime partagé, fonctions
// personnalisées), chaque resid défini dans Resources avec le bon type, chaque adresse du
// complément servie par la construction (https://localhost:3000/X → dist/X), taille des icônes
// PNG, métadonnées des fonctions lisibles.
// Usage : node scripts/validate-manifest.js [manifest.xml] [dist]   (code de sortie 1 si erreur)
'use strict';
const fs = require('fs');
const path = require('path');
const { XMLParser, XMLValidator } = require('fast-xml-parser');

const NS_OFFICEAPP = 'http://schemas.microsoft.com/office/appforoffice/1.1';
const NS_OVERRIDES = 'http://schemas.microsoft.com/office/taskpaneappversionoverrides';
const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const VERSION = /^\d{1,5}(\.\d{1,5}){0,3}$/;
const LOCALE = /^[a-z]{2,3}-[A-Z]{2}$/;

/** Ordre des éléments d'un OfficeApp de type TaskPaneApp (schéma offappmanifest 1.1) ; `?` = facultatif. */
const ORDRE_RACINE = [
  'Id', 'AlternateId?', 'Version', 'ProviderName', 'DefaultLocale', 'DisplayName', 'Description',
  'IconUrl', 'HighResolutionIconUrl', 'SupportUrl', 'AppDomains', 'Hosts', 'Requirements',
  'DefaultSettings', 'Permissions', 'AllowSnapshot?', 'VersionOverrides',
];
const PERMISSIONS = ['Restricted', 'ReadDocument', 'ReadAllDocument', 'WriteDocument', 'ReadWriteDocument'];
/** Limites de longueur des ressources texte (schéma officeappbasictypes). */
const LONGUEUR_MAX = { ShortStrings: 125, LongStrings: 250, Urls: 2048, Images: 2048 };

const TOUJOURS_LISTE = new Set([
  'Set', 'Host', 'Runtime', 'ExtensionPoint', 'OfficeTab', 'CustomTab', 'Group', 'Control', 'Image', 'Url', 'String',
  'Override', 'AppDomain', 'Item',
]);

function analyser(xml) {
  const options = {
    ignoreAttributes: false,
    attributeNamePrefix: '@',
    removeNSPrefix: true,
    parseTagValue: false,
    parseAttributeValue: false,
    trimValues: true,
  };
  const arbre = new XMLParser({ ...options, isArray: (nom) => TOUJOURS_LISTE.has(nom) }).parse(xml);
  const ordonne = new XMLParser({ ...options, preserveOrder: true }).parse(xml);
  // Sans retrait des préfixes : pour lire les déclarations d'espaces de noms (xmlns).
  const brut = new XMLParser({ ...options, removeNSPrefix: false }).parse(xml);
  return { arbre, ordonne, brut };
}

const liste = (v) => (v === undefined ? [] : Array.isArray(v) ? v : [v]);
const texte = (v) => (v === undefined || v === null ? '' : typeof v === 'object' ? String(v['#text'] ?? '') : String(v));

/** Noms des éléments enfants de la racine, dans l'ordre du fichier. */
function enfantsRacine(ordonne) {
  const racine = ordonne.find((n) => Object.keys(n).some((k) => k === 'OfficeApp'));
  if (!racine) return [];
  return racine.OfficeApp.map((n) => Object.keys(n).find((k) => k !== ':@' && k !== '#comment')).filter(Boolean);
}

/** Toutes les valeurs d'attribut `attribut` sous un nœud, avec le nom de l'élément qui les porte. */
function parcourir(noeud, visite, nom = '', parent = null) {
  if (Array.isArray(noeud)) {
    for (const n of noeud) parcourir(n, visite, nom, parent);
    return;
  }
  if (noeud === null || typeof noeud !== 'object') return;
  visite(nom, noeud, parent);
  for (const [cle, valeur] of Object.entries(noeud)) {
    if (!cle.startsWith('@') && cle !== '#text') parcourir(valeur, visite, cle, { nom, noeud });
  }
}

/** Largeur et hauteur d'un PNG, lues dans l'en-tête IHDR ; null si ce n'est pas un PNG. */
function taillePng(octets) {
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  if (!octets || octets.length < 24 || !octets.subarray(0, 8).equals(signature) || octets.toString('ascii', 12, 16) !== 'IHDR') return null;
  return { largeur: octets.readUInt32BE(16), hauteur: octets.readUInt32BE(20) };
}

/**
 * Vérifie un manifeste. `fichiers` dit ce que la construction produit :
 * `lire(cheminRelatif)` renvoie le contenu (Buffer) ou null s'il n'existe pas.
 * Renvoie la liste des erreurs, en français (vide = manifeste valide).
 */
function validerManifeste(xml, fichiers) {
  const erreurs = [];
  const err = (m) => erreurs.push(m);

  const syntaxe = XMLValidator.validate(xml);
  if (syntaxe !== true) {
    return [`XML mal formé, ligne ${syntaxe.err.line} : ${syntaxe.err.msg}`];
  }
  const { arbre, ordonne, brut } = analyser(xml);
  const app = arbre.OfficeApp;
  const appBrut = (brut && brut.OfficeApp) || {};
  if (!app || typeof app !== 'object') return ['Élément racine <OfficeApp> absent'];

  // — Racine —
  if (appBrut['@xmlns'] !== NS_OFFICEAPP) err(`<OfficeApp> : espace de noms ${NS_OFFICEAPP} attendu`);
  if (app['@type'] !== 'TaskPaneApp') err('<OfficeApp> : xsi:type="TaskPaneApp" attendu (complément de volet)');

  const presents = enfantsRacine(ordonne);
  const requis = ORDRE_RACINE.filter((n) => !n.endsWith('?'));
  for (const n of requis) if (!presents.includes(n)) err(`Élément requis absent : <${n}>`);
  const connus = ORDRE_RACINE.map((n) => n.replace('?', ''));
  for (const n of presents) if (!connus.includes(n)) err(`Élément inattendu dans <OfficeApp> : <${n}>`);
  const rangs = presents.filter((n) => connus.includes(n)).map((n) => connus.indexOf(n));
  for (let i = 1; i < rangs.length; i++) {
    if (rangs[i] < rangs[i - 1]) {
      err(`Ordre des éléments : <${connus[rangs[i]]}> doit précéder <${connus[rangs[i - 1]]}> (ordre du schéma : ${connus.join(', ')})`);
      break;
    }
  }

  if (app.Id !== undefined && !GUID.test(texte(app.Id))) err(`<Id> : GUID attendu (reçu : « ${texte(app.Id)} »)`);
  if (app.Version !== undefined && !VERSION.test(texte(app.Version))) err(`<Version> : n.n.n.n attendu (reçu : « ${texte(app.Version)} »)`);
  if (app.ProviderName !== undefined && !texte(app.ProviderName)) err('<ProviderName> vide');
  const localeDefaut = texte(app.DefaultLocale);
  if (app.DefaultLocale !== undefined && !LOCALE.test(localeDefaut)) err(`<DefaultLocale> : langue-PAYS attendu (ex. fr-FR), reçu « ${localeDefaut} »`);
  for (const [nom, max] of [['DisplayName', 125], ['Description', 250]]) {
    const el = app[nom];
    if (el === undefined) continue;
    const v = el['@DefaultValue'];
    if (!v) err(`<${nom}> : attribut DefaultValue requis`);
    else if (v.length > max) err(`<${nom}> : ${max} caractères au plus (${v.length})`);
    for (const o of liste(el.Override)) if (o['@Value'] && o['@Value'].length > max) err(`<${nom}> (${o['@Locale']}) : ${max} caractères au plus`);
  }
  for (const nom of ['IconUrl', 'HighResolutionIconUrl', 'SupportUrl']) {
    if (app[nom] !== undefined && !app[nom]['@DefaultValue']) err(`<${nom}> : attribut DefaultValue requis`);
  }
  if (app.AppDomains !== undefined) {
    for (const d of liste(app.AppDomains.AppDomain)) if (!/^https:\/\//.test(texte(d))) err(`<AppDomain> : adresse https attendue (reçu : « ${texte(d)} »)`);
  }
  const hotes = liste(app.Hosts && app.Hosts.Host).map((h) => h['@Name']);
  if (app.Hosts !== undefined && !hotes.includes('Workbook')) err('<Hosts> : <Host Name="Workbook"/> (Excel) attendu');

  // Ensembles requis : fonctions personnalisées et runtime partagé.
  const ensembles = liste(app.Requirements && app.Requirements.Sets && app.Requirements.Sets.Set);
  const versionMin = app.Requirements && app.Requirements.Sets ? app.Requirements.Sets['@DefaultMinVersion'] : undefined;
  for (const nom of ['CustomFunctionsRuntime', 'SharedRuntime']) {
    const s = ensembles.find((e) => e['@Name'] === nom);
    if (!s) {
      if (app.Requirements !== undefined) err(`<Requirements> : <Set Name="${nom}" MinVersion="1.1"/> attendu`);
      continue;
    }
    const v = parseFloat(s['@MinVersion'] || versionMin || '0');
    if (!(v >= 1.1)) err(`<Requirements> : ${nom} en version 1.1 au moins (reçu : ${s['@MinVersion'] || versionMin || 'aucune'})`);
  }

  const sourceDefaut = app.DefaultSettings && app.DefaultSettings.SourceLocation ? app.DefaultSettings.SourceLocation['@DefaultValue'] : undefined;
  if (app.DefaultSettings !== undefined && !sourceDefaut) err('<DefaultSettings> : <SourceLocation DefaultValue="…"/> requis');
  if (app.Permissions !== undefined) {
    const p = texte(app.Permissions);
    if (!PERMISSIONS.includes(p)) err(`<Permissions> : l’une des valeurs ${PERMISSIONS.join(', ')} attendue (reçu : « ${p} »)`);
    else if (p !== 'ReadWriteDocument') err(`<Permissions> : ReadWriteDocument attendu (le volet écrit la feuille de simulation), reçu « ${p} »`);
  }

  // — VersionOverrides —
  const vo = app.VersionOverrides;
  const adresses = []; // { url, ou, taille? }
  const ajouterAdresse = (url, ou, taille) => url !== undefined && adresses.push({ url, ou, taille });
  ajouterAdresse(app.IconUrl && app.IconUrl['@DefaultValue'], '<IconUrl>', 32);
  ajouterAdresse(app.HighResolutionIconUrl && app.HighResolutionIconUrl['@DefaultValue'], '<HighResolutionIconUrl>', 64);
  ajouterAdresse(app.SupportUrl && app.SupportUrl['@DefaultValue'], '<SupportUrl>');
  ajouterAdresse(sourceDefaut, '<DefaultSettings><SourceLocation>');

  if (vo && typeof vo === 'object') {
    if ((appBrut.VersionOverrides || {})['@xmlns'] !== NS_OVERRIDES) err(`<VersionOverrides> : espace de noms ${NS_OVERRIDES} attendu`);
    if (vo['@type'] !== 'VersionOverridesV1_0') err('<VersionOverrides> : xsi:type="VersionOverridesV1_0" attendu');
    validerVersionOverrides(vo, err, adresses, localeDefaut);
  }

  // — Adresses : https, et servies par la construction si elles sont sur l'origine du complément —
  const origine = sourceDefaut && /^https:\/\/[^/]+/.exec(sourceDefaut);
  for (const { url, ou, taille } of adresses) {
    if (!/^https:\/\//.test(url)) {
      err(`${ou} : adresse https attendue (reçu : « ${url} »)`);
      continue;
    }
    if (!origine || !url.startsWith(origine[0] + '/')) continue; // autre site : non vérifiable hors ligne
    const relatif = decodeURIComponent(url.slice(origine[0].length + 1).replace(/[?#].*$/, ''));
    const contenu = fichiers.lire(relatif);
    if (contenu === null) {
      err(`${ou} : ${url} ne correspond à aucun fichier produit par la construction (${relatif} absent)`);
      continue;
    }
    if (taille !== undefined) {
      const dim = taillePng(contenu);
      if (!dim) err(`${ou} : ${relatif} n’est pas une image PNG`);
      else if (dim.largeur !== taille || dim.hauteur !== taille) {
        err(`${ou} : icône ${relatif} de ${dim.largeur}×${dim.hauteur} px, ${taille}×${taille} px attendus`);
      }
    }
  }
  return [...new Set(erreurs)];
}

function validerVersionOverrides(vo, err, adresses, localeDefaut) {
  // Ressources, par type.
  const res = vo.Resources || {};
  const ressources = {};
  for (const [groupe, element] of [['Images', 'Image'], ['Urls', 'Url'], ['ShortStrings', 'String'], ['LongStrings', 'String']]) {
    const m = new Map();
    for (const r of liste(res[groupe] && res[groupe][element])) {
      const id = r['@id'];
      if (!id) {
        err(`<bt:${groupe}> : ressource sans attribut id`);
        continue;
      }
      if ([...Object.values(ressources), m].some((g) => g.has(id))) err(`Ressource « ${id} » définie deux fois`);
      if (!r['@DefaultValue']) err(`Ressource « ${id} » : DefaultValue requis`);
      const max = LONGUEUR_MAX[groupe];
      if ((r['@DefaultValue'] || '').length > max) err(`Ressource « ${id} » : ${max} caractères au plus`);
      for (const o of liste(r.Override)) {
        if (!LOCALE.test(o['@Locale'] || '')) err(`Ressource « ${id} » : Override sans Locale langue-PAYS valide`);
        if (o['@Locale'] === localeDefaut) err(`Ressource « ${id} » : Override pour la langue par défaut ${localeDefaut} inutile`);
        if ((o['@Value'] || '').length > max) err(`Ressource « ${id} » (${o['@Locale']}) : ${max} caractères au plus`);
      }
      m.set(id, r);
    }
    ressources[groupe] = m;
  }

  // Chaque resid doit exister, dans le groupe attendu pour l'élément qui le porte.
  const groupesAttendus = (nom, parent) => {
    if (nom === 'Image') return ['Images'];
    if (['SourceLocation', 'FunctionFile', 'LearnMoreUrl', 'Runtime'].includes(nom)) return ['Urls'];
    if (nom === 'Description') return ['LongStrings'];
    if (['Label', 'Title', 'Namespace'].includes(nom)) return ['ShortStrings'];
    return ['Images', 'Urls', 'ShortStrings', 'LongStrings'];
  };
  const references = [];
  parcourir(vo.Hosts, (nom, noeud, parent) => {
    if (noeud['@resid'] === undefined) return;
    const id = noeud['@resid'];
    references.push(id);
    const groupes = groupesAttendus(nom, parent);
    if (!groupes.some((g) => ressources[g].has(id))) {
      const ailleurs = Object.keys(ressources).find((g) => ressources[g].has(id));
      err(
        ailleurs
          ? `resid « ${id} » (<${nom}>) défini dans <bt:${ailleurs}>, attendu dans <bt:${groupes.join('> ou <bt:')}>`
          : `resid « ${id} » (<${nom}>) absent de <Resources>`,
      );
    }
    if (nom === 'Image' && noeud['@size'] && ressources.Images.has(id)) {
      const r = ressources.Images.get(id);
      const taille = Number(noeud['@size']);
      ajouterAdresses(r, `Image « ${id} » (taille ${taille})`, taille);
    }
  });
  function ajouterAdresses(r, ou, taille) {
    adresses.push({ url: r['@DefaultValue'], ou, taille });
    for (const o of liste(r.Override)) adresses.push({ url: o['@Value'], ou: `${ou} (${o['@Locale']})`, taille });
  }
  for (const [id, r] of ressources.Urls) ajouterAdresses(r, `Url « ${id} »`);
  for (const [id, r] of ressources.Images) if (!references.includes(id)) ajouterAdresses(r, `Image « ${id} »`);

  // Hôte Excel : runtime partagé, fonctions personnalisées, bouton du ruban.
  const hote = liste(vo.Hosts && vo.Hosts.Host).find((h) => h['@type'] === 'Workbook');
  if (!hote) {
    err('<VersionOverrides><Hosts> : <Host xsi:type="Workbook"> attendu');
    return;
  }
  const runtimes = liste(hote.Runtimes && hote.Runtimes.Runtime);
  if (runtimes.length === 0) err('<Runtimes> : un <Runtime resid="…" lifetime="long"/> est requis (runtime partagé)');
  const runtime = runtimes[0];
  if (runtime && runtime['@lifetime'] !== 'long') err('<Runtime> : lifetime="long" attendu (fonctions actives volet fermé)');

  const pointsTous = liste(hote.AllFormFactors && hote.AllFormFactors.ExtensionPoint);
  const cf = pointsTous.find((e) => e['@type'] === 'CustomFunctions');
  if (!cf) err('<AllFormFactors> : <ExtensionPoint xsi:type="CustomFunctions"> attendu');
  else {
    for (const partie of ['Script', 'Page', 'Metadata']) {
      if (!(cf[partie] && cf[partie].SourceLocation && cf[partie].SourceLocation['@resid'])) err(`Fonctions personnalisées : <${partie}><SourceLocation resid="…"/> requis`);
    }
    if (!(cf.Namespace && cf.Namespace['@resid'])) err('Fonctions personnalisées : <Namespace resid="…"/> requis');
    else {
      const ns = ressources.ShortStrings.get(cf.Namespace['@resid']);
      if (ns && !/^[A-Za-z][A-Za-z0-9.]{0,31}$/.test(ns['@DefaultValue'] || '')) err(`Espace de noms « ${ns['@DefaultValue']} » : lettres et chiffres, 32 caractères au plus`);
    }
    const page = cf.Page && cf.Page.SourceLocation && cf.Page.SourceLocation['@resid'];
    if (runtime && page && page !== runtime['@resid']) err(`Runtime partagé : la page des fonctions (${page}) doit être celle du runtime (${runtime['@resid']})`);
  }

  const bureau = hote.DesktopFormFactor;
  if (!bureau) err('<DesktopFormFactor> attendu (bouton du ruban)');
  else {
    const ff = bureau.FunctionFile && bureau.FunctionFile['@resid'];
    if (!ff) err('<DesktopFormFactor> : <FunctionFile resid="…"/> requis');
    else if (runtime && ff !== runtime['@resid']) err(`Runtime partagé : FunctionFile (${ff}) doit être la page du runtime (${runtime['@resid']})`);
    const boutons = [];
    parcourir(bureau, (nom, noeud) => {
      if (nom === 'Control' && noeud['@type'] === 'Button') boutons.push(noeud);
    });
    const volet = boutons.find((b) => b.Action && b.Action['@type'] === 'ShowTaskpane');
    if (!volet) err('Ruban : un bouton <Action xsi:type="ShowTaskpane"> qui ouvre le volet est attendu');
    else {
      const src = volet.Action.SourceLocation && volet.Action.SourceLocation['@resid'];
      if (runtime && src !== runtime['@resid']) err(`Runtime partagé : le volet (${src}) doit s’ouvrir sur la page du runtime (${runtime['@resid']})`);
    }
  }
}

/** Lecteur de fichiers d'un dossier de construction. */
function lecteurDossier(dossier) {
  return {
    lire(relatif) {
      const chemin = path.resolve(dossier, relatif);
      if (!chemin.startsWith(path.resolve(dossier) + path.sep)) return null;
      try {
        return fs.statSync(chemin).isFile() ? fs.readFileSync(chemin) : null;
      } catch {
        return null;
      }
    },
  };
}

/** Vérifie aussi que les métadonnées référencées sont du JSON avec une liste de fonctions. */
function validerMetadonnees(xml, fichiers) {
  const erreurs = [];
  const { arbre } = analyser(xml);
  const urls = liste(arbre.OfficeApp?.VersionOverrides?.Resources?.Urls?.Url);
  const source = arbre.OfficeApp?.DefaultSettings?.SourceLocation?.['@DefaultValue'] || '';
  const origine = (/^https:\/\/[^/]+/.exec(source) || [''])[0];
  const hote = liste(arbre.OfficeApp?.VersionOverrides?.Hosts?.Host).find((h) => h['@type'] === 'Workbook');
  const cf = liste(hote?.AllFormFactors?.ExtensionPoint).find((e) => e['@type'] === 'CustomFunctions');
  const resid = cf?.Metadata?.SourceLocation?.['@resid'];
  const r = urls.find((u) => u['@id'] === resid);
  if (!r || !origine) return erreurs;
  for (const url of [r['@DefaultValue'], ...liste(r.Override).map((o) => o['@Value'])]) {
    if (!url || !url.startsWith(origine + '/')) continue;
    const contenu = fichiers.lire(url.slice(origine.length + 1));
    if (contenu === null) continue; // déjà signalé
    try {
      const json = JSON.parse(contenu.toString('utf8'));
      if (!Array.isArray(json.functions) || json.functions.length === 0) erreurs.push(`Métadonnées ${url} : liste « functions » vide ou absente`);
    } catch (e) {
      erreurs.push(`Métadonnées ${url} : JSON illisible (${e.message})`);
    }
  }
  return erreurs;
}

function verifier(cheminManifeste, dossierConstruction) {
  const xml = fs.readFileSync(cheminManifeste, 'utf8');
  const fichiers = lecteurDossier(dossierConstruction);
  return [...validerManifeste(xml, fichiers), ...validerMetadonnees(xml, fichiers)];
}

module.exports = { validerManifeste, validerMetadonnees, verifier, lecteurDossier, taillePng };

if (require.main === module) {
  const racine = path.resolve(__dirname, '..');
  const manifeste = path.resolve(process.argv[2] || path.join(racine, 'manifest.xml'));
  const dist = path.resolve(process.argv[3] || path.join(racine, 'dist'));
  if (!fs.existsSync(manifeste)) {
    console.error(`validate : manifeste introuvable : ${manifeste}`);
    process.exit(1);
  }
  if (!fs.existsSync(path.join(dist, 'taskpane.html'))) {
    console.error(`validate : construction introuvable dans ${dist} ; lancez d’abord « npm run build ».`);
    process.exit(1);
  }
  const erreurs = verifier(manifeste, dist);
  if (erreurs.length > 0) {
    console.error(`Manifeste ${path.relative(process.cwd(), manifeste)} : ${erreurs.length} erreur(s)`);
    for (const e of erreurs) console.error(`  ✗ ${e}`);
    process.exit(1);
  }
  console.log(`Manifeste ${path.relative(process.cwd(), manifeste)} valide (vérification hors ligne, fichiers de ${path.relative(process.cwd(), dist) || '.'}).`);
}

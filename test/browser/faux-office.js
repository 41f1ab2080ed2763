// LE faux hôte Office des tests, unique : Office, Excel (run, RequestContext, classeur), et
// CustomFunctions (associate, Error, ErrorCode). Servi à la place d'Office.js dans Chromium
// (volet-navigateur.ts, avec faux-classeur.js et faux-vues.js devant lui), installé sur `window`
// sous jsdom (tests du volet), créé directement sous Node (écrivain Office, graphiques, bundle des
// fonctions personnalisées exécuté dans un contexte isolé).
//
// Il consigne tout ce que le complément fait au classeur (journal : nombre d'Excel.run et de sync,
// opérations ; état : feuilles, cellules { formule, valeur, format }, styles, fusions, noms,
// graphiques, réglages) et impose les règles d'Office.js qui font les vrais bogues : lecture
// seulement après load + sync, noms de feuille et de noms définis valides, matrices aux dimensions
// de la plage, pas de suppression de la dernière feuille visible, fonctions associées par id.
(function (racine) {
  'use strict';
  var enNode = typeof module === 'object' && module.exports;
  var C = enNode ? require('./faux-classeur') : racine.__FauxClasseur;
  var V = enNode ? require('./faux-vues') : racine.__FauxVues;

  /** CustomFunctions.ErrorCode (valeurs de custom-functions-runtime). */
  var CODES = {
    invalidValue: '#VALUE!', notAvailable: '#N/A', divisionByZero: '#DIV/0!', invalidNumber: '#NUM!',
    nullReference: '#NULL!', invalidName: '#NAME?', invalidReference: '#REF!',
  };
  /** CustomFunctions.Error : garde le code et le message. */
  function ErreurExcel(code, message) {
    this.code = code;
    this.message = message;
  }

  /** Énumérations d'Office.js (Excel.ChartType.columnStacked = 'ColumnStacked'…) : la clé, capitalisée. */
  function enumerations(connues) {
    return new Proxy(connues, {
      get: function (t, nom) {
        if (nom in t || typeof nom === 'symbol' || nom === 'then') return t[nom];
        return new Proxy({}, { get: function (_, cle) { return typeof cle === 'string' ? cle.charAt(0).toUpperCase() + cle.slice(1) : undefined; } });
      },
    });
  }

  function versionAuMoins(offerte, demandee) {
    var a = String(offerte).split('.').map(Number), b = String(demandee || '1.1').split('.').map(Number);
    return a[0] > b[0] || (a[0] === b[0] && (a[1] || 0) >= (b[1] || 0));
  }

  function office(options, demarrage) {
    var exigences = options.exigences || { SharedRuntime: '1.1', ExcelApi: '1.12', CustomFunctionsRuntime: '1.3' };
    var info = { host: options.hote === undefined ? 'Excel' : options.hote, platform: options.plateforme || 'OfficeOnline' };
    return {
      HostType: { Excel: 'Excel', Word: 'Word', PowerPoint: 'PowerPoint', Outlook: 'Outlook', OneNote: 'OneNote', Project: 'Project', Access: 'Access' },
      PlatformType: { PC: 'PC', OfficeOnline: 'OfficeOnline', Mac: 'Mac', iOS: 'iOS', Android: 'Android', Universal: 'Universal' },
      StartupBehavior: { load: 'Load', none: 'None' },
      context: {
        displayLanguage: options.langue || 'fr-FR',
        contentLanguage: options.langue || 'fr-FR',
        requirements: { isSetSupported: function (nom, version) { return nom in exigences && versionAuMoins(exigences[nom], version); } },
      },
      addin: { setStartupBehavior: function (b) { demarrage.push(b); return Promise.resolve(); } },
      actions: { associate: function () {} },
      onReady: function (rappel) {
        return Promise.resolve().then(function () {
          if (rappel) rappel(info);
          return info;
        });
      },
    };
  }

  /** Copie sérialisable d'une feuille du modèle (lisible depuis la page par page.evaluate). */
  function copie(f) {
    return JSON.parse(JSON.stringify({
      nom: f.nom, visibilite: f.visibilite, active: f.classeur.active === f, cellules: f.cellules, noms: f.noms, fusions: f.fusions,
      mises: f.mises, nbStyles: f.mises.length, reglages: f.reglages,
      graphiques: f.graphiques.map(function (g) {
        return { nom: g.nom, type: g.type, donnees: g.donnees, seriesBy: g.seriesBy, position: g.position, titre: g.proprietes['title.text'], proprietes: g.proprietes };
      }),
    }));
  }

  /** Lecture d'une feuille pour les tests sous Node : l'état, plus contenu, style et mise en forme. */
  function inspection(f) {
    var r = copie(f);
    r.contenu = function (a) {
      var x = f.cellules[C.locale(a)];
      return x ? (x.formule !== null ? x.formule : x.valeur) : undefined;
    };
    r.style = function (a) {
      var b = C.bornes(a), s = {};
      f.mises.forEach(function (m) { if (C.contient(C.bornes(m.plage), b.l1, b.c1)) s[m.propriete] = m.valeur; });
      return s;
    };
    r.mise = function (plage, propriete) {
      var m = f.mises.filter(function (x) { return x.plage === C.locale(plage) && x.propriete === propriete; }).pop();
      return m ? m.valeur : undefined;
    };
    return r;
  }

  function creerFauxOffice(options) {
    options = options || {};
    var classeur = new C.ModeleClasseur();
    classeur.active = classeur.ajouter('Feuil1', true); // classeur neuf : une feuille vide, active
    var fonctions = new Map();
    var demarrage = [];
    var trouver = function (nom) {
      var f = classeur.trouver(nom);
      if (!f) throw new Error('faux Excel : feuille « ' + nom + ' » absente');
      return f;
    };
    var Excel = enumerations({
      run: function (a, b) {
        var lot = typeof a === 'function' ? a : b;
        classeur.journal.runs++;
        var ctx = new V.Contexte(classeur);
        return Promise.resolve().then(function () { return lot(ctx); });
      },
      RequestContext: function () { return new V.Contexte(classeur); },
    });
    return {
      Office: office(options, demarrage),
      Excel: Excel,
      CustomFunctions: {
        associate: function (id, f) {
          if (typeof id === 'object') Object.keys(id).forEach(function (k) { fonctions.set(k, id[k]); });
          else fonctions.set(id, f);
        },
        Error: ErreurExcel,
        ErrorCode: CODES,
      },
      journal: classeur.journal,
      /** Fonctions personnalisées associées (id → fonction) ; comportements de démarrage demandés. */
      fonctions: fonctions,
      demarrage: demarrage,
      contexte: function () { return new V.Contexte(classeur); },
      etat: function () { return classeur.feuilles.map(copie); },
      feuille: function (nom) { return inspection(trouver(nom)); },
      nomsClasseur: function () { return JSON.parse(JSON.stringify(classeur.noms)); },
      active: function () { return classeur.active ? classeur.active.nom : null; },
      // Gestes de l'utilisateur (non notés dans le journal du complément) et recalcul d'Excel.
      ajouterFeuille: function (nom) { classeur.ajouter(nom, true); },
      ecrireUtilisateur: function (nomFeuille, adresse, contenu) {
        var b = C.bornes(adresse), x = trouver(nomFeuille).cellule(b.l1, b.c1);
        if (typeof contenu === 'string' && contenu.charAt(0) === '=') { x.formule = contenu; x.valeur = ''; } else { x.formule = null; x.valeur = contenu; }
      },
      poserResultat: function (nomFeuille, adresse, valeur) {
        var b = C.bornes(adresse);
        trouver(nomFeuille).cellule(b.l1, b.c1).valeur = valeur;
      },
    };
  }

  /** Installe un faux hôte neuf sur `cible` (window) : Office, Excel, CustomFunctions, __fauxExcel. */
  function installer(cible, options) {
    var faux = creerFauxOffice(options);
    cible.Office = faux.Office;
    cible.Excel = faux.Excel;
    cible.CustomFunctions = faux.CustomFunctions;
    cible.__fauxExcel = faux;
    return faux;
  }

  if (enNode) module.exports = { creerFauxOffice: creerFauxOffice, installer: installer, ErreurExcel: ErreurExcel, CODES: CODES };
  else installer(racine);
})(typeof window !== 'undefined' ? window : globalThis);

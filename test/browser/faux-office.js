// Faux hôte Office pour le test navigateur du volet : servi à la place d'Office.js (CDN) par
// playwright (page.route). Il imite la partie de l'API Excel qu'utilisent le volet et l'écrivain
// (src/workbook/office/ecrire.office.ts) et consigne tout : feuilles, cellules (formule, valeur,
// format), noms, visibilité, nombre d'Excel.run et de sync. Lu par le test via window.__fauxExcel.
(function () {
  'use strict';
  var journal = { runs: 0, syncs: 0, operations: [] };
  var feuilles = [];
  var active = null;

  function colonneDe(lettres) {
    var n = 0;
    for (var i = 0; i < lettres.length; i++) n = n * 26 + (lettres.charCodeAt(i) - 64);
    return n;
  }
  function lettreDe(n) {
    var s = '';
    while (n > 0) {
      var r = (n - 1) % 26;
      s = String.fromCharCode(65 + r) + s;
      n = Math.floor((n - 1) / 26);
    }
    return s;
  }
  /** « B5 », « A1:H40 », « C:C » → bornes (lignes 1..1048576 pour une colonne entière). */
  function bornes(adresse) {
    var parties = adresse.replace(/\$/g, '').split('!').pop().split(':');
    function coin(p, fin) {
      var m = /^([A-Z]+)?(\d+)?$/.exec(p.toUpperCase());
      return { c: m[1] ? colonneDe(m[1]) : fin ? 16384 : 1, l: m[2] ? Number(m[2]) : fin ? 1048576 : 1 };
    }
    var a = coin(parties[0], false);
    var b = coin(parties[1] || parties[0], true);
    if (!parties[1] && /\d/.test(parties[0])) b = { c: a.c, l: a.l };
    return { c1: a.c, l1: a.l, c2: b.c, l2: b.l };
  }

  /** Objet qui accepte toute lecture, écriture ou appel (format, police, remplissage…). */
  function absorbant(chemin, consigner) {
    var cible = function () {};
    return new Proxy(cible, {
      get: function (_, p) {
        if (p === 'then' || typeof p === 'symbol') return undefined;
        return absorbant(chemin + '.' + String(p), consigner);
      },
      set: function (_, p, v) {
        consigner(chemin + '.' + String(p), v);
        return true;
      },
      apply: function () {
        return absorbant(chemin + '()', consigner);
      },
    });
  }

  function Feuille(nom) {
    this.name = nom;
    this.visibility = 'Visible';
    this.isNullObject = false;
    this.cellules = {};
    this.fusions = [];
    this.styles = [];
    var self = this;
    var noms = [];
    this.names = {
      add: function (nom, plage) {
        noms.push({ name: nom, adresse: plage.adresseLocale });
        return { name: nom };
      },
      getItem: function (nom) {
        return { delete: function () { noms = noms.filter(function (n) { return n.name !== nom; }); } };
      },
      load: function () { return self.names; },
      get items() { return noms.slice(); },
    };
    // Graphiques natifs (plan de financement) : notés, supprimables.
    var graphiques = [];
    this.graphiques = graphiques;
    this.charts = {
      add: function (type, source, seriesBy) {
        var g = {
          name: '', type: type, donnees: source.adresseLocale, seriesBy: seriesBy,
          title: { text: '' }, legend: { position: '', visible: false }, axes: { valueAxis: { numberFormat: '' } },
          setPosition: function (debut, fin) { g.position = debut + ':' + (fin || debut); },
          delete: function () { graphiques.splice(graphiques.indexOf(g), 1); },
        };
        graphiques.push(g);
        return g;
      },
      load: function () { return self.charts; },
      get items() { return graphiques.slice(); },
    };
  }
  Feuille.prototype.load = function () { return this; };
  Feuille.prototype.getRange = function (adresse) { return new Plage(this, adresse); };
  Feuille.prototype.activate = function () { active = this; };
  Feuille.prototype.delete = function () {
    var self = this;
    feuilles = feuilles.filter(function (f) { return f !== self; });
    if (active === self) active = feuilles[0] || null;
  };
  Feuille.prototype.plageUtilisee = function () {
    var adresses = Object.keys(this.cellules);
    if (!adresses.length) return null;
    var c1 = Infinity, l1 = Infinity, c2 = 0, l2 = 0;
    adresses.forEach(function (a) {
      var b = bornes(a);
      c1 = Math.min(c1, b.c1); l1 = Math.min(l1, b.l1); c2 = Math.max(c2, b.c1); l2 = Math.max(l2, b.l1);
    });
    return lettreDe(c1) + l1 + ':' + lettreDe(c2) + l2;
  };
  Feuille.prototype.getUsedRange = function () {
    return new Plage(this, this.plageUtilisee() || 'A1');
  };
  Feuille.prototype.getUsedRangeOrNullObject = function () {
    var p = this.plageUtilisee();
    return p ? new Plage(this, p) : { isNullObject: true, load: function () { return this; } };
  };

  function Plage(feuille, adresse) {
    this.feuille = feuille;
    this.adresseLocale = adresse.replace(/\$/g, '');
    this.b = bornes(adresse);
    this.isNullObject = false;
    var self = this;
    this.format = absorbant('format', function (chemin, v) {
      feuille.styles.push({ plage: self.adresseLocale, propriete: chemin, valeur: v });
    });
  }
  Plage.prototype.load = function () { return this; };
  Plage.prototype.cellule = function (l, c) {
    var a = lettreDe(c) + l;
    return this.feuille.cellules[a] || (this.feuille.cellules[a] = { formule: null, valeur: '', format: 'General' });
  };
  Plage.prototype.chaque = function (matrice, faire) {
    var b = this.b;
    for (var l = b.l1; l <= b.l2; l++) {
      for (var c = b.c1; c <= b.c2; c++) {
        var v = Array.isArray(matrice) ? matrice[l - b.l1][c - b.c1] : matrice;
        faire(l, c, v);
      }
    }
  };
  Plage.prototype.matrice = function (lire) {
    var b = this.b, r = [];
    for (var l = b.l1; l <= b.l2; l++) {
      var ligne = [];
      for (var c = b.c1; c <= b.c2; c++) {
        var x = this.feuille.cellules[lettreDe(c) + l];
        ligne.push(x ? lire(x) : '');
      }
      r.push(ligne);
    }
    return r;
  };
  Object.defineProperty(Plage.prototype, 'formulas', {
    set: function (m) {
      var self = this;
      this.chaque(m, function (l, c, v) {
        var x = self.cellule(l, c);
        if (typeof v === 'string' && v.charAt(0) === '=') { x.formule = v; x.valeur = ''; } else { x.formule = null; x.valeur = v; }
      });
    },
    get: function () { return this.matrice(function (x) { return x.formule || x.valeur; }); },
  });
  Object.defineProperty(Plage.prototype, 'values', {
    set: function (m) {
      var self = this;
      this.chaque(m, function (l, c, v) { var x = self.cellule(l, c); x.formule = null; x.valeur = v; });
    },
    get: function () { return this.matrice(function (x) { return x.valeur; }); },
  });
  Object.defineProperty(Plage.prototype, 'numberFormat', {
    set: function (m) {
      var self = this;
      this.chaque(m, function (l, c, v) { self.cellule(l, c).format = v; });
    },
    get: function () { return this.matrice(function (x) { return x.format; }); },
  });
  Object.defineProperty(Plage.prototype, 'address', {
    get: function () { return "'" + this.feuille.name + "'!" + this.adresseLocale; },
  });
  Plage.prototype.merge = function () { this.feuille.fusions.push(this.adresseLocale); };
  Plage.prototype.unmerge = function () {};
  Plage.prototype.clear = function () {
    var b = this.b, cellules = this.feuille.cellules;
    Object.keys(cellules).forEach(function (a) {
      var x = bornes(a);
      if (x.c1 >= b.c1 && x.c1 <= b.c2 && x.l1 >= b.l1 && x.l1 <= b.l2) delete cellules[a];
    });
  };

  function trouver(nom) {
    var n = String(nom).toLowerCase();
    return feuilles.filter(function (f) { return f.name.toLowerCase() === n; })[0] || null;
  }
  var nul = function () { return { isNullObject: true, load: function () { return this; } }; };

  var worksheets = {
    getItemOrNullObject: function (nom) { return trouver(nom) || nul(); },
    getItem: function (nom) {
      var f = trouver(nom);
      if (!f) throw new Error('ItemNotFound : feuille « ' + nom + ' » introuvable');
      return f;
    },
    add: function (nom) {
      if (trouver(nom)) throw new Error('ItemAlreadyExists : « ' + nom + ' »');
      var f = new Feuille(nom);
      feuilles.push(f);
      journal.operations.push('ajout ' + nom);
      return f;
    },
    getActiveWorksheet: function () { return active; },
    load: function () { return worksheets; },
    get items() { return feuilles.slice(); },
  };
  // Classeur neuf : une feuille vide, active.
  active = new Feuille('Feuil1');
  feuilles.push(active);

  window.Excel = {
    run: function (lot) {
      journal.runs++;
      var contexte = { workbook: { worksheets: worksheets }, sync: function () { journal.syncs++; return Promise.resolve(); } };
      return Promise.resolve().then(function () { return lot(contexte); });
    },
  };
  window.CustomFunctions = {
    associate: function () {},
    Error: function (code, message) { this.code = code; this.message = message; },
    ErrorCode: { invalidValue: '#VALUE!', notAvailable: '#N/A', invalidNumber: '#NUM!' },
  };
  window.Office = {
    HostType: { Excel: 'Excel' },
    context: { displayLanguage: 'fr-FR', contentLanguage: 'fr-FR' },
    actions: { associate: function () {} },
    onReady: function (rappel) {
      var info = { host: 'Excel', platform: 'OfficeOnline' };
      return new Promise(function (ok) {
        setTimeout(function () { if (rappel) rappel(info); ok(info); }, 0);
      });
    },
  };
  window.__fauxExcel = {
    journal: journal,
    /** Instantané sérialisable : feuilles → cellules { formule, valeur, format }, noms, visibilité, graphiques. */
    etat: function () {
      return feuilles.map(function (f) {
        return {
          nom: f.name, visibilite: f.visibility, cellules: f.cellules, noms: f.names.items, fusions: f.fusions, nbStyles: f.styles.length,
          graphiques: f.graphiques.map(function (g) { return { nom: g.name, type: g.type, donnees: g.donnees, position: g.position, titre: g.title.text }; }),
        };
      });
    },
    /** Pose une cellule « de l'utilisateur » (pour vérifier qu'une mise à jour la garde). */
    ecrireUtilisateur: function (nomFeuille, adresse, valeur) {
      trouver(nomFeuille).getRange(adresse).values = [[valeur]];
    },
  };
})();

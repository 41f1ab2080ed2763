// Les objets d'Office.js du faux Excel (voir faux-office.js) : RequestContext, feuilles, plages,
// noms, graphiques. Chacun est une vue sur le modèle de faux-classeur.js, propre à son contexte :
// écritures appliquées au modèle (et notées dans le journal), lectures après load + sync.
(function (racine) {
  'use strict';
  var C = typeof module === 'object' && module.exports ? require('./faux-classeur') : racine.__FauxClasseur;
  var GRANDE_PLAGE = 100000; // au-delà (colonnes entières…), une écriture est notée comme un réglage

  /** Vue dont les membres inconnus (réglages non modélisés) sont acceptés et notés par `noter`. */
  function generique(vue, noter) {
    return new Proxy(vue, {
      get: function (t, p, r) {
        if (typeof p === 'symbol' || p in t || p === 'then' || p === 'toJSON' || p.charAt(0) === '_') return Reflect.get(t, p, r);
        return C.absorbant(String(p), noter);
      },
      set: function (t, p, v, r) {
        if (p in t) return Reflect.set(t, p, v, r);
        noter(String(p), v);
        return true;
      },
    });
  }
  function heriter(Classe) {
    Classe.prototype = Object.create(C.Chargeable.prototype);
    Classe.prototype.constructor = Classe;
  }
  function lecture(Classe, proprietes) {
    proprietes.forEach(function (p) {
      Object.defineProperty(Classe.prototype, p, { get: function () { return this._lire(p); }, set: function (v) { this._ecrire(p, v); }, configurable: true });
    });
  }
  function tout(demandes, toutes) {
    var n = C.premierNiveau(demandes);
    return n['*'] ? toutes : Object.keys(n);
  }
  function adresseQualifiee(nom, adresse) {
    return (/^[A-Za-z_][A-Za-z0-9_.]*$/.test(nom) ? nom : "'" + nom.replace(/'/g, "''") + "'") + '!' + adresse;
  }

  // ——— Plage ———
  function VuePlage(ctx, feuille, adresse, nul) {
    C.Chargeable.call(this, ctx);
    Object.defineProperty(this, '_feuille', { value: feuille });
    Object.defineProperty(this, '_nul', { value: Boolean(nul) });
    this.adresseLocale = C.locale(adresse);
    Object.defineProperty(this, '_b', { value: C.bornes(adresse) });
    var self = this;
    return generique(this, function (p, v) { self._noterMise(p, v); });
  }
  heriter(VuePlage);
  lecture(VuePlage, ['values', 'formulas', 'numberFormat', 'address', 'rowCount', 'columnCount', 'text']);
  VuePlage.prototype._noterMise = function (propriete, valeur) {
    this._feuille.mises.push({ plage: this.adresseLocale, propriete: propriete, valeur: valeur });
    this._feuille.noter(this.adresseLocale + '.' + propriete);
  };
  VuePlage.prototype._matrice = function (lire) {
    var b = this._b, r = [], l2 = b.l2, c2 = b.c2;
    if ((b.l2 - b.l1 + 1) * (b.c2 - b.c1 + 1) > GRANDE_PLAGE) {
      // Colonnes ou lignes entières : bornées à la plage utilisée (Excel rendrait un million de lignes).
      var u = this._feuille.utilisee(false), bu = u ? C.bornes(u) : { l2: b.l1, c2: b.c1 };
      l2 = Math.max(b.l1, Math.min(b.l2, bu.l2));
      c2 = Math.max(b.c1, Math.min(b.c2, bu.c2));
    }
    for (var l = b.l1; l <= l2; l++) {
      var ligne = [];
      for (var c = b.c1; c <= c2; c++) {
        var x = this._feuille.cellules[C.lettreDe(c) + l];
        ligne.push(lire(x || { formule: null, valeur: '', format: 'General' }));
      }
      r.push(ligne);
    }
    return r;
  };
  VuePlage.prototype._instantane = function (demandes) {
    var self = this, r = {};
    var lecteurs = {
      values: function () { return self._matrice(function (x) { return x.valeur; }); },
      text: function () { return self._matrice(function (x) { return String(x.valeur); }); },
      formulas: function () { return self._matrice(function (x) { return x.formule !== null ? x.formule : x.valeur; }); },
      numberFormat: function () { return self._matrice(function (x) { return x.format; }); },
      address: function () { return adresseQualifiee(self._feuille.nom, self.adresseLocale); },
      rowCount: function () { return self._b.l2 - self._b.l1 + 1; },
      columnCount: function () { return self._b.c2 - self._b.c1 + 1; },
    };
    tout(demandes, Object.keys(lecteurs)).forEach(function (p) {
      if (lecteurs[p]) r[p] = lecteurs[p]();
    });
    return r;
  };
  /** Écrit une matrice (dimensions exactes) ou une valeur seule (toutes les cellules). */
  VuePlage.prototype._ecrire = function (propriete, m) {
    if (['values', 'formulas', 'numberFormat'].indexOf(propriete) < 0) throw new Error('InvalidOperation : « ' + propriete + ' » est en lecture seule');
    if (this._nul) throw new Error('InvalidObjectPath : plage nulle');
    var b = this._b, nl = b.l2 - b.l1 + 1, nc = b.c2 - b.c1 + 1;
    if (Array.isArray(m) && (m.length !== nl || m.some(function (l) { return !Array.isArray(l) || l.length !== nc; }))) {
      throw new Error('InvalidArgument : ' + propriete + ' de ' + this.adresseLocale + ' : matrice ' + nl + ' × ' + nc + ' attendue');
    }
    if (!Array.isArray(m) && nl * nc > GRANDE_PLAGE) return this._noterMise(propriete, m);
    for (var l = 0; l < nl; l++) {
      for (var c = 0; c < nc; c++) ecrireCellule(this._feuille.cellule(b.l1 + l, b.c1 + c), propriete, Array.isArray(m) ? m[l][c] : m);
    }
    this._feuille.noter(this.adresseLocale + '.' + propriete);
  };
  function ecrireCellule(x, propriete, v) {
    if (propriete === 'numberFormat') x.format = v;
    else if (propriete === 'formulas' && typeof v === 'string' && v.charAt(0) === '=') { x.formule = v; x.valeur = ''; }
    else { x.formule = null; x.valeur = v === null || v === undefined ? '' : v; }
  }
  Object.defineProperty(VuePlage.prototype, 'isNullObject', { get: function () { return this._estNul(); } });
  Object.defineProperty(VuePlage.prototype, 'worksheet', { get: function () { return new VueFeuille(this._ctx, this._feuille); } });
  VuePlage.prototype.merge = function (ligneParLigne) {
    this._feuille.fusions.push(this.adresseLocale);
    this._feuille.noter(this.adresseLocale + '.merge' + (ligneParLigne ? '(lignes)' : ''));
  };
  VuePlage.prototype.unmerge = function () {
    var b = this._b;
    this._feuille.fusions = this._feuille.fusions.filter(function (f) { return !C.secantes(C.bornes(f), b); });
    this._feuille.noter(this.adresseLocale + '.unmerge');
  };
  /** clear('All' | 'Contents' | 'Formats') : contenus et formats de la plage, mises en forme comprises. */
  VuePlage.prototype.clear = function (quoi) {
    var b = this._b, f = this._feuille, tout = !quoi || quoi === 'All';
    Object.keys(f.cellules).forEach(function (a) {
      var x = C.bornes(a);
      if (!C.contient(b, x.l1, x.c1)) return;
      if (tout) delete f.cellules[a];
      else if (quoi === 'Contents') { f.cellules[a].formule = null; f.cellules[a].valeur = ''; }
      else if (quoi === 'Formats') f.cellules[a].format = 'General';
    });
    if (tout || quoi === 'Formats') f.mises = f.mises.filter(function (m) { return !C.dansPlage(C.bornes(m.plage), b); });
    f.noter(this.adresseLocale + '.clear');
  };
  VuePlage.prototype.getCell = function (l, c) {
    return new VuePlage(this._ctx, this._feuille, C.lettreDe(this._b.c1 + c) + (this._b.l1 + l));
  };
  VuePlage.prototype.getOffsetRange = function (dl, dc) {
    var b = this._b;
    return new VuePlage(this._ctx, this._feuille, C.lettreDe(b.c1 + dc) + (b.l1 + dl) + ':' + C.lettreDe(b.c2 + dc) + (b.l2 + dl));
  };
  VuePlage.prototype.getResizedRange = function (dl, dc) {
    var b = this._b;
    return new VuePlage(this._ctx, this._feuille, C.lettreDe(b.c1) + b.l1 + ':' + C.lettreDe(b.c2 + dc) + (b.l2 + dl));
  };
  VuePlage.prototype.getEntireColumn = function () {
    return new VuePlage(this._ctx, this._feuille, C.lettreDe(this._b.c1) + ':' + C.lettreDe(this._b.c2));
  };
  VuePlage.prototype.getEntireRow = function () {
    return new VuePlage(this._ctx, this._feuille, this._b.l1 + ':' + this._b.l2);
  };
  VuePlage.prototype.select = function () {};

  // ——— Feuille ———
  function VueFeuille(ctx, modele, nomDemande) {
    C.Chargeable.call(this, ctx);
    Object.defineProperty(this, '_modele', { value: modele });
    Object.defineProperty(this, '_nul', { value: !modele });
    Object.defineProperty(this, '_nomDemande', { value: nomDemande });
    var self = this;
    return generique(this, function (p, v) {
      self._exister();
      modele.reglages.push({ propriete: p, valeur: v });
      modele.noter(p);
    });
  }
  heriter(VueFeuille);
  VueFeuille.prototype._exister = function () {
    if (!this._modele) throw new Error('ItemNotFound : la feuille « ' + this._nomDemande + ' » n’existe pas');
    return this._modele;
  };
  VueFeuille.prototype._instantane = function (demandes) {
    var m = this._modele, r = {};
    if (!m) return r;
    var valeurs = { name: m.nom, visibility: m.visibilite, position: m.classeur.feuilles.indexOf(m), id: '{' + m.nom + '}' };
    tout(demandes, Object.keys(valeurs)).forEach(function (p) { if (p in valeurs) r[p] = valeurs[p]; });
    return r;
  };
  lecture(VueFeuille, ['name', 'visibility', 'position', 'id']);
  VueFeuille.prototype._ecrire = function (p, v) {
    var m = this._exister();
    if (p === 'name') {
      C.verifierNomFeuille(v);
      var autre = m.classeur.trouver(v);
      if (autre && autre !== m) throw new Error('ItemAlreadyExists : la feuille « ' + v + ' » existe déjà');
      m.classeur.journal.operations.push('renommage ' + m.nom + ' → ' + v);
      m.nom = v;
    } else if (p === 'visibility') {
      m.visibilite = v;
      m.noter('visibility = ' + v);
    } else throw new Error('InvalidOperation : « ' + p + ' » est en lecture seule');
  };
  Object.defineProperty(VueFeuille.prototype, 'isNullObject', { get: function () { return this._estNul(); } });
  VueFeuille.prototype.getRange = function (adresse) {
    return new VuePlage(this._ctx, this._exister(), adresse === undefined ? 'A1:' + C.lettreDe(16384) + '1048576' : adresse);
  };
  VueFeuille.prototype.getRangeByIndexes = function (l, c, nl, nc) {
    return this.getRange(C.lettreDe(c + 1) + (l + 1) + ':' + C.lettreDe(c + nc) + (l + nl));
  };
  VueFeuille.prototype.getUsedRange = function (valeursSeules) {
    var m = this._exister();
    return new VuePlage(this._ctx, m, m.utilisee(Boolean(valeursSeules)) || 'A1');
  };
  VueFeuille.prototype.getUsedRangeOrNullObject = function (valeursSeules) {
    var m = this._exister(), u = m.utilisee(Boolean(valeursSeules));
    return new VuePlage(this._ctx, m, u || 'A1', !u);
  };
  VueFeuille.prototype.activate = function () {
    var m = this._exister();
    m.classeur.active = m;
    m.noter('activate');
  };
  VueFeuille.prototype.delete = function () {
    var m = this._exister();
    m.classeur.supprimer(m);
  };
  // Comme dans Office.js, `names` et `charts` sont le même objet à chaque lecture (chargé une fois).
  function cachee(Classe, nom, creer) {
    Object.defineProperty(Classe.prototype, nom, {
      get: function () {
        var cle = '_' + nom;
        if (!Object.prototype.hasOwnProperty.call(this, cle)) Object.defineProperty(this, cle, { value: creer(this) });
        return this[cle];
      },
    });
  }
  cachee(VueFeuille, 'names', function (v) { return new VueNoms(v._ctx, v._exister()); });
  cachee(VueFeuille, 'charts', function (v) { return new VueGraphiques(v._ctx, v._exister()); });

  // ——— Collections ———
  /** Collection chargeable : `items` (instantané au sync), sous-propriétés « items/x » chargées. */
  function collection(Classe, elements, vueDe) {
    heriter(Classe);
    Classe.prototype._instantane = function (demandes) {
      var n = C.premierNiveau(demandes), ctx = this._ctx;
      var sous = n.items || n['*'];
      if (!sous) return {};
      return {
        items: elements(this).map(function (m) {
          var v = vueDe(ctx, m);
          v.load(sous.map(function (s) { return s === '*' ? undefined : s; }).filter(Boolean).concat(sous.indexOf('*') >= 0 ? ['*'] : []));
          v._synchroniser();
          return v;
        }),
      };
    };
    Object.defineProperty(Classe.prototype, 'items', { get: function () { return this._lire('items'); } });
  }

  function VueFeuilles(ctx, classeur) {
    C.Chargeable.call(this, ctx);
    Object.defineProperty(this, '_classeur', { value: classeur });
  }
  collection(VueFeuilles, function (v) { return v._classeur.feuilles; }, function (ctx, m) { return new VueFeuille(ctx, m); });
  VueFeuilles.prototype.getItem = function (nom) {
    var m = this._classeur.trouver(nom);
    if (!m) throw new Error('ItemNotFound : la feuille « ' + nom + ' » n’existe pas');
    return new VueFeuille(this._ctx, m);
  };
  VueFeuilles.prototype.getItemOrNullObject = function (nom) {
    return new VueFeuille(this._ctx, this._classeur.trouver(nom), nom);
  };
  VueFeuilles.prototype.add = function (nom) {
    return new VueFeuille(this._ctx, this._classeur.ajouter(nom));
  };
  VueFeuilles.prototype.getActiveWorksheet = function () {
    return new VueFeuille(this._ctx, this._classeur.active || this._classeur.feuilles[0]);
  };
  VueFeuilles.prototype.getFirst = function () {
    return new VueFeuille(this._ctx, this._classeur.feuilles[0]);
  };

  /** Noms définis d'une feuille, ou du classeur (`conteneur` = le modèle de l'un ou de l'autre). */
  function VueNoms(ctx, conteneur) {
    C.Chargeable.call(this, ctx);
    Object.defineProperty(this, '_conteneur', { value: conteneur });
  }
  collection(VueNoms, function (v) { return v._conteneur.noms; }, function (ctx, n) { return new VueNom(ctx, n, null); });
  VueNoms.prototype._noter = function (op) {
    var c = this._conteneur;
    if (c.noter) c.noter(op);
    else c.journal.operations.push('classeur!' + op);
  };
  VueNoms.prototype.add = function (nom, reference) {
    if (!/^[\p{L}_\\][\p{L}\p{N}_.]*$/u.test(nom) || /^[A-Za-z]{1,3}\d+$/.test(nom)) throw new Error('InvalidArgument : nom défini refusé par Excel « ' + nom + ' »');
    var n = String(nom).toLowerCase();
    if (this._conteneur.noms.some(function (x) { return x.name.toLowerCase() === n; })) throw new Error('ItemAlreadyExists : le nom « ' + nom + ' » existe déjà');
    // Nom de feuille : l'adresse locale ; nom du classeur : l'adresse qualifiée par la feuille.
    var plage = reference && reference.adresseLocale ? reference : null;
    var adresse = !plage ? String(reference).replace(/^=/, '') : this._conteneur.noter ? plage.adresseLocale : adresseQualifiee(plage._feuille.nom, plage.adresseLocale);
    var x = { name: nom, adresse: adresse };
    this._conteneur.noms.push(x);
    this._noter('names.add ' + nom + ' ' + adresse);
    return new VueNom(this._ctx, x, this);
  };
  VueNoms.prototype.getItem = function (nom) {
    var n = String(nom).toLowerCase();
    var x = this._conteneur.noms.filter(function (y) { return y.name.toLowerCase() === n; })[0];
    if (!x) throw new Error('ItemNotFound : le nom « ' + nom + ' » n’existe pas');
    return new VueNom(this._ctx, x, this);
  };
  VueNoms.prototype.getItemOrNullObject = function (nom) {
    try {
      return this.getItem(nom);
    } catch (e) {
      var v = new VueNom(this._ctx, null, this);
      return v;
    }
  };
  function VueNom(ctx, modele, noms) {
    C.Chargeable.call(this, ctx);
    Object.defineProperty(this, '_modele', { value: modele });
    Object.defineProperty(this, '_nul', { value: !modele });
    Object.defineProperty(this, '_noms', { value: noms });
  }
  heriter(VueNom);
  VueNom.prototype._instantane = function (demandes) {
    var m = this._modele;
    return m ? { name: m.name, formula: '=' + m.adresse, value: m.adresse } : {};
  };
  lecture(VueNom, ['name', 'formula', 'value']);
  VueNom.prototype._ecrire = function () {
    throw new Error('InvalidOperation : propriété de nom en lecture seule dans ce faux Excel');
  };
  Object.defineProperty(VueNom.prototype, 'isNullObject', { get: function () { return this._estNul(); } });
  VueNom.prototype.delete = function () {
    var m = this._modele, c = this._noms._conteneur;
    c.noms = c.noms.filter(function (x) { return x !== m; });
    this._noms._noter('names.delete ' + m.name);
  };

  // ——— Graphiques ———
  function VueGraphiques(ctx, feuille) {
    C.Chargeable.call(this, ctx);
    Object.defineProperty(this, '_feuille', { value: feuille });
  }
  collection(VueGraphiques, function (v) { return v._feuille.graphiques; }, function (ctx, g) { return new VueGraphique(ctx, g); });
  VueGraphiques.prototype.add = function (type, source, seriesBy) {
    var f = this._feuille;
    var g = { feuille: f, nom: '', type: type, donnees: source && source.adresseLocale ? source.adresseLocale : String(source), seriesBy: seriesBy, position: null, proprietes: {} };
    f.graphiques.push(g);
    f.noter('charts.add ' + type + ' ' + g.donnees + (seriesBy ? ' ' + seriesBy : ''));
    return new VueGraphique(this._ctx, g);
  };
  VueGraphiques.prototype.getItem = function (nom) {
    var g = this._feuille.graphiques.filter(function (x) { return x.nom === nom; })[0];
    if (!g) throw new Error('ItemNotFound : le graphique « ' + nom + ' » n’existe pas');
    return new VueGraphique(this._ctx, g);
  };
  function VueGraphique(ctx, modele) {
    C.Chargeable.call(this, ctx);
    Object.defineProperty(this, '_modele', { value: modele });
    return generique(this, function (p, v) { modele.proprietes[p] = v; });
  }
  heriter(VueGraphique);
  VueGraphique.prototype._instantane = function () {
    return { name: this._modele.nom, chartType: this._modele.type };
  };
  lecture(VueGraphique, ['name', 'chartType']);
  VueGraphique.prototype._ecrire = function (p, v) {
    if (p !== 'name') throw new Error('InvalidOperation : « ' + p + ' » non modifiable dans ce faux Excel');
    this._modele.nom = v;
  };
  VueGraphique.prototype.setPosition = function (debut, fin) {
    var a = debut && debut.adresseLocale ? debut.adresseLocale : String(debut);
    var b = fin === undefined ? a : fin && fin.adresseLocale ? fin.adresseLocale : String(fin);
    this._modele.position = a + ':' + b;
  };
  VueGraphique.prototype.delete = function () {
    var g = this._modele;
    g.feuille.graphiques = g.feuille.graphiques.filter(function (x) { return x !== g; });
    g.feuille.noter('graphique ' + g.nom + '.delete');
  };

  // ——— Contexte ———
  /** Excel.RequestContext : `workbook`, `sync()` (compté dans le journal du classeur). */
  function Contexte(classeur) {
    var ctx = this;
    Object.defineProperty(this, '_objets', { value: [] });
    this.workbook = generique(
      { worksheets: new VueFeuilles(ctx, classeur), names: new VueNoms(ctx, classeur) },
      function (p) { classeur.journal.operations.push('classeur!' + p); },
    );
    this.trackedObjects = { add: function () {}, remove: function () {} };
    this.sync = function () {
      classeur.journal.syncs++;
      ctx._objets.slice().forEach(function (o) { o._synchroniser(); });
      return Promise.resolve();
    };
  }

  var api = { Contexte: Contexte, VuePlage: VuePlage, VueFeuille: VueFeuille };
  if (typeof module === 'object' && module.exports) module.exports = api;
  else racine.__FauxVues = api;
})(typeof window !== 'undefined' ? window : globalThis);

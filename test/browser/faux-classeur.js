// Le classeur du faux Excel des tests (voir faux-office.js) : un modèle (feuilles, cellules,
// formats, styles, fusions, noms, graphiques, réglages de page) et des vues à la manière
// d'Office.js, propres à chaque RequestContext : les propriétés lues ne le sont qu'après `load` puis
// `context.sync()` (instantané pris au sync), sinon PropertyNotLoaded, comme dans Excel.
// Générique : les réglages non modélisés (format.*, pageLayout.*, freezePanes.*…) sont acceptés et
// notés tels quels (propriété, valeur) pour que les tests les vérifient.
// JavaScript sans transpilation : chargé par Node (require) et servi tel quel au navigateur.
(function (racine) {
  'use strict';

  // ——— Adresses ———
  function colonneDe(lettres) {
    var n = 0;
    for (var i = 0; i < lettres.length; i++) n = n * 26 + (lettres.charCodeAt(i) - 64);
    return n;
  }
  function lettreDe(n) {
    var s = '';
    for (; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
    return s;
  }
  var MAX_LIGNES = 1048576;
  var MAX_COLONNES = 16384;
  /** « B5 », « $A$1:H40 », « C:C », « 3:5 », « 'Feuille'!A1 » → bornes incluses. */
  function bornes(adresse) {
    var locale = String(adresse).split('!').pop().replace(/\$/g, '').toUpperCase();
    var parties = locale.split(':');
    function coin(p, fin) {
      var m = /^([A-Z]*)(\d*)$/.exec(p);
      if (!m || (!m[1] && !m[2])) throw new Error('InvalidArgument : adresse illisible « ' + adresse + ' »');
      return { c: m[1] ? colonneDe(m[1]) : fin ? MAX_COLONNES : 1, l: m[2] ? Number(m[2]) : fin ? MAX_LIGNES : 1 };
    }
    var a = coin(parties[0], false);
    var b = coin(parties[1] || parties[0], true);
    if (!parties[1] && /\d/.test(parties[0]) && /[A-Z]/.test(parties[0])) b = { c: a.c, l: a.l };
    return { c1: a.c, l1: a.l, c2: b.c, l2: b.l };
  }
  function locale(adresse) {
    return String(adresse).split('!').pop().replace(/\$/g, '').toUpperCase();
  }
  function contient(b, l, c) {
    return l >= b.l1 && l <= b.l2 && c >= b.c1 && c <= b.c2;
  }
  function dansPlage(interieure, exterieure) {
    return interieure.l1 >= exterieure.l1 && interieure.l2 <= exterieure.l2 && interieure.c1 >= exterieure.c1 && interieure.c2 <= exterieure.c2;
  }
  function secantes(a, b) {
    return !(a.c2 < b.c1 || a.c1 > b.c2 || a.l2 < b.l1 || a.l1 > b.l2);
  }

  // ——— Modèle ———
  function ModeleFeuille(classeur, nom) {
    this.classeur = classeur;
    this.nom = nom;
    this.visibilite = 'Visible';
    this.cellules = {}; // adresse → { formule, valeur, format }
    this.fusions = [];
    this.mises = []; // réglages d'une plage : { plage, propriete, valeur }
    this.reglages = []; // réglages de la feuille (pageLayout, freezePanes…) : { propriete, valeur }
    this.noms = []; // { name, adresse }
    this.graphiques = [];
  }
  ModeleFeuille.prototype.cellule = function (l, c) {
    var a = lettreDe(c) + l;
    return this.cellules[a] || (this.cellules[a] = { formule: null, valeur: '', format: 'General' });
  };
  ModeleFeuille.prototype.utilisee = function (valeursSeules) {
    var c1 = Infinity, l1 = Infinity, c2 = 0, l2 = 0, self = this;
    Object.keys(this.cellules).forEach(function (a) {
      var x = self.cellules[a];
      var pleine = x.formule !== null || x.valeur !== '';
      if (!pleine && (valeursSeules || x.format === 'General')) return;
      var b = bornes(a);
      c1 = Math.min(c1, b.c1); l1 = Math.min(l1, b.l1); c2 = Math.max(c2, b.c1); l2 = Math.max(l2, b.l1);
    });
    return c2 ? lettreDe(c1) + l1 + ':' + lettreDe(c2) + l2 : null;
  };
  ModeleFeuille.prototype.noter = function (operation) {
    this.classeur.journal.operations.push(this.nom + '!' + operation);
  };

  function ModeleClasseur() {
    this.journal = { runs: 0, syncs: 0, operations: [] };
    this.feuilles = [];
    this.noms = []; // noms définis au niveau du classeur
    this.active = null;
  }
  ModeleClasseur.prototype.trouver = function (nom) {
    var n = String(nom).toLowerCase();
    return this.feuilles.filter(function (f) { return f.nom.toLowerCase() === n; })[0] || null;
  };
  /** Ajoute une feuille (nom libre « FeuilN » si absent) ; `silencieux` : geste de l'utilisateur, non noté. */
  ModeleClasseur.prototype.ajouter = function (nom, silencieux) {
    if (nom === undefined) for (var k = 1; !nom || this.trouver(nom); k++) nom = 'Feuil' + k;
    verifierNomFeuille(nom);
    if (this.trouver(nom)) throw new Error('ItemAlreadyExists : la feuille « ' + nom + ' » existe déjà');
    var f = new ModeleFeuille(this, nom);
    this.feuilles.push(f);
    if (!silencieux) this.journal.operations.push('ajout ' + nom);
    return f;
  };
  ModeleClasseur.prototype.supprimer = function (f) {
    var visibles = this.feuilles.filter(function (x) { return x !== f && x.visibilite === 'Visible'; });
    if (!visibles.length) throw new Error('InvalidOperation : impossible de supprimer la dernière feuille visible « ' + f.nom + ' »');
    this.feuilles = this.feuilles.filter(function (x) { return x !== f; });
    if (this.active === f) this.active = visibles[0];
    this.journal.operations.push('suppression ' + f.nom);
  };
  /** Règles d'Excel pour un nom de feuille. */
  function verifierNomFeuille(nom) {
    if (typeof nom !== 'string' || !nom.length || nom.length > 31 || /[\[\]:*?\/\\]/.test(nom) || /^'|'$/.test(nom)) {
      throw new Error('InvalidArgument : nom de feuille refusé par Excel « ' + nom + ' » (1 à 31 caractères, sans [ ] : * ? / \\)');
    }
  }

  // ——— Vues (Office.js) : chargement et synchronisation ———
  /** Objet chargeable d'un contexte : `load`, puis lecture possible après `sync`. */
  function Chargeable(ctx) {
    Object.defineProperty(this, '_ctx', { value: ctx });
    Object.defineProperty(this, '_demandes', { value: [] });
    Object.defineProperty(this, '_charge', { value: null, writable: true });
    Object.defineProperty(this, '_synchronise', { value: false, writable: true });
    ctx._objets.push(this);
  }
  Chargeable.prototype.load = function (proprietes) {
    var liste = proprietes === undefined ? ['*']
      : Array.isArray(proprietes) ? proprietes
      : typeof proprietes === 'string' ? proprietes.split(',')
      : proprietes.select ? String(proprietes.select).split(',')
      : Object.keys(proprietes).filter(function (k) { return proprietes[k]; });
    for (var i = 0; i < liste.length; i++) this._demandes.push(String(liste[i]).trim());
    return this;
  };
  /** Au sync : instantané des propriétés demandées (fourni par la vue : `_instantane(demandes)`). */
  Chargeable.prototype._synchroniser = function () {
    this._synchronise = true;
    if (this._demandes.length) {
      this._charge = Object.assign(this._charge || {}, this._instantane(this._demandes.splice(0)));
    }
  };
  Chargeable.prototype._lire = function (propriete) {
    if (!this._charge || !(propriete in this._charge)) {
      throw new Error('PropertyNotLoaded : « ' + propriete + ' » lu avant load() puis context.sync()');
    }
    return this._charge[propriete];
  };
  Chargeable.prototype._estNul = function () {
    if (!this._synchronise) throw new Error('PropertyNotLoaded : « isNullObject » lu avant context.sync()');
    return Boolean(this._nul);
  };
  /** Propriétés demandées « a/b » : celles de premier niveau, et pour chacune les sous-propriétés. */
  function premierNiveau(demandes) {
    var r = {};
    demandes.forEach(function (d) {
      var p = d.split('/');
      (r[p[0]] = r[p[0]] || []).push(p.slice(1).join('/') || '*');
    });
    return r;
  }

  /**
   * Réglage non modélisé (format.*, pageLayout.*…) : accepte toute lecture, écriture ou appel et
   * note chaque écriture ou appel (chemin, valeur) par `noter`.
   */
  function absorbant(chemin, noter) {
    return new Proxy(function () {}, {
      get: function (_, p) {
        if (p === 'then' || typeof p === 'symbol') return undefined;
        return absorbant(chemin ? chemin + '.' + String(p) : String(p), noter);
      },
      set: function (_, p, v) {
        noter(chemin ? chemin + '.' + String(p) : String(p), v && v.adresseLocale ? v.adresseLocale : v);
        return true;
      },
      apply: function (_, __, args) {
        noter(chemin + '()', args.map(function (a) { return a && a.adresseLocale ? a.adresseLocale : a; }));
        return absorbant(chemin + '()', noter);
      },
    });
  }

  var api = {
    colonneDe: colonneDe, lettreDe: lettreDe, bornes: bornes, locale: locale, contient: contient, dansPlage: dansPlage, secantes: secantes,
    ModeleClasseur: ModeleClasseur, ModeleFeuille: ModeleFeuille, Chargeable: Chargeable, premierNiveau: premierNiveau, absorbant: absorbant,
    verifierNomFeuille: verifierNomFeuille,
  };
  if (typeof module === 'object' && module.exports) module.exports = api;
  else racine.__FauxClasseur = api;
})(typeof window !== 'undefined' ? window : globalThis);

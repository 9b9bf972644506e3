/*
 * Site search, fetched only when someone starts a search.
 *
 * Material's script (9.8) downloads the search index (search/search_index.json,
 * well over 100 KB compressed) and starts its search worker as soon as any page
 * loads, whether or not anyone searches. This file runs just before Material's
 * and holds both back until a search starts: the search box gets focus, the
 * search button is pressed, or the address asks for a search (?q=, or ?h= from
 * a search result). Then both go ahead, and Material's search works as it
 * always does. Without JavaScript nothing here runs (nor does the search).
 *
 * overrides/base.html loads it before Material's bundle on every page that has
 * the search; tests/weight.py and tests/browser/test_weight.py check that no
 * page fetches the index before a search.
 */
(function () {
  "use strict";
  var INDEX = /\/search\/search_index\.json(\?|$)/;
  var WORKER = /\/workers\/search\.[0-9a-f]+\.min\.js(\?|$)/;
  var started = false;
  var waiting = [];

  function start() {
    if (started) return;
    started = true;
    var run = waiting;
    waiting = [];
    for (var i = 0; i < run.length; i++) run[i]();
  }

  function later(task) {
    if (started) task();
    else waiting.push(task);
  }

  // The index: Material asks for it with XMLHttpRequest. Its send waits for a search.
  var open = XMLHttpRequest.prototype.open;
  var send = XMLHttpRequest.prototype.send;
  XMLHttpRequest.prototype.open = function (method, url) {
    this.cpSearchIndex = INDEX.test(String(url));
    this.cpSearchUrl = String(url);
    return open.apply(this, arguments);
  };
  XMLHttpRequest.prototype.send = function () {
    var request = this, args = arguments;
    if (!request.cpSearchIndex) return send.apply(request, args);
    if (scope) return later(function () { inLanguage(request); });
    if (started) return send.apply(request, args);
    later(function () { send.apply(request, args); });
  };

  // A site in two languages has one index with both (mkdocs-static-i18n): a search finds the pages in the
  // language of the page it starts from. The index is fetched here, cut to this language, and handed to
  // Material as if its own request had loaded it. <html data-cp-search-root="cy/" data-cp-language-roots>
  // (overrides/base.html) say where this language's pages are, and where the other languages' are.
  var root = document.documentElement.getAttribute("data-cp-search-root");
  var scope = root === null ? null : {
    root: root,
    others: (document.documentElement.getAttribute("data-cp-language-roots") || "").split(" ").filter(Boolean)
  };
  function inScope(doc) {
    var location = String(doc.location || "");
    if (scope.root) return location.indexOf(scope.root) === 0;
    return !scope.others.some(function (other) { return location.indexOf(other) === 0; });
  }
  function inLanguage(request) {
    fetch(request.cpSearchUrl, { credentials: "same-origin" })
      .then(function (response) {
        if (!response.ok) throw new Error(response.statusText);
        return response.json();
      })
      .then(function (index) {
        index.docs = (index.docs || []).filter(inScope);
        var blob = new Blob([JSON.stringify(index)], { type: "application/json" });
        Object.defineProperty(request, "status", { value: 200 });
        Object.defineProperty(request, "response", { value: blob });
        request.dispatchEvent(new Event("load"));
      })
      .catch(function () { request.dispatchEvent(new Event("error")); });
  }

  // The worker: a stand-in that keeps Material's messages and listeners until a search.
  var RealWorker = window.Worker;
  function SearchWorker(url, options) {
    if (started || !WORKER.test(String(url))) return new RealWorker(url, options);
    var self = this, listeners = [], messages = [], real = null;
    this.addEventListener = function (type, listener, opts) {
      if (real) real.addEventListener(type, listener, opts);
      else listeners.push([type, listener, opts]);
    };
    this.removeEventListener = function (type, listener, opts) {
      if (real) return real.removeEventListener(type, listener, opts);
      listeners = listeners.filter(function (l) { return l[0] !== type || l[1] !== listener; });
    };
    this.postMessage = function (message) {
      if (real) real.postMessage(message);
      else messages.push(message);
    };
    this.terminate = function () {
      if (real) real.terminate();
      listeners = messages = [];
    };
    later(function () {
      real = new RealWorker(url, options);
      ["onmessage", "onerror", "onmessageerror"].forEach(function (name) {
        if (self[name]) real[name] = self[name];
      });
      listeners.forEach(function (l) { real.addEventListener(l[0], l[1], l[2]); });
      messages.forEach(function (m) { real.postMessage(m); });
    });
  }
  if (RealWorker) window.Worker = SearchWorker;

  // What starts a search.
  var params = new URLSearchParams(location.search);
  if (params.has("q") || params.has("h")) start();
  document.addEventListener("focusin", function (event) {
    if (event.target.closest && event.target.closest("[data-md-component=search]")) start();
  }, true);
  document.addEventListener("change", function (event) {
    if (event.target.id === "__search" && event.target.checked) start();
  }, true);
})();

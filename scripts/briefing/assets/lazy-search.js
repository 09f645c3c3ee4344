/* The search index on demand. Material's bundle requests search/search_index.json as soon as
   it runs, though most visits never search; at 10,000 facts the index is four fifths of a
   first visit. Material 9 offers no hook to supply the index later (the `__search` global of
   Material 5 to 7 is gone), so this script, which runs before the bundle (the plugin lists it
   in extra.polyfills, as Material's offline plugin lists its shim), holds back the send() of
   that one request until the reader starts to search: focuses the search field (as the "/",
   "s" and "f" shortcuts and the phone's search button also do) or opens the search dialog;
   at once for a link that searches (?q=) or highlights what a result matched (?h=, which
   needs the index). Every other request passes untouched, and once sent, Material gets the
   index exactly as before. Its worker (12 KB) still loads with the page: delaying it would
   take a stand-in Worker. From disk (file://) Material loads search/search_index.js as a
   script instead, which is no download: nothing is held there.
   Material's search is a dialog without a name (axe: aria-dialog-name), which a screen reader
   announces as just "dialog": it is given its field's label, in the site's language. */
(function () {
  "use strict";
  document.addEventListener("DOMContentLoaded", function () {
    var dialog = document.querySelector('[data-md-component="search"][role="dialog"]');
    var field = dialog && dialog.querySelector("input[aria-label]");
    if (field && !dialog.hasAttribute("aria-label")) {
      dialog.setAttribute("aria-label", field.getAttribute("aria-label"));
    }
  });
  if (window.location.protocol === "file:") return;
  var index = new URL("../search/search_index.json", document.currentScript.src).href;
  var proto = XMLHttpRequest.prototype;
  var open = proto.open;
  var send = proto.send;
  var forIndex = new WeakSet();
  var held = [];
  var started = false;

  function start() {
    if (started) return;
    started = true;
    held.splice(0).forEach(function (request) { send.call(request); });
  }

  function isIndex(url) {
    try {
      return new URL(url, window.location.href).href === index;
    } catch (error) {
      return false; // not a URL: open() says so itself
    }
  }

  proto.open = function (method, url) {
    if (isIndex(url)) forIndex.add(this);
    else forIndex.delete(this);
    return open.apply(this, arguments);
  };
  proto.send = function () {
    if (!started && forIndex.has(this)) held.push(this);
    else return send.apply(this, arguments);
  };

  var params = new URLSearchParams(window.location.search);
  if (params.has("q") || params.get("h")) start(); // as Material reads them
  document.addEventListener("focusin", function (event) {
    if (event.target.closest && event.target.closest('form[name="search"]')) start();
  });
  document.addEventListener("change", function (event) {
    if (event.target.getAttribute("data-md-toggle") === "search") start();
  });
})();

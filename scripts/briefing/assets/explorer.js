/* Facts explorer: narrows the facts tables by topic, source, period and kind, on the page.
   Without JavaScript the form stays hidden and every fact shows. Filters live in the query
   string (?kind=forecast&topic=nev) so a filtered view can be bookmarked and shared; the
   fragment stays a fact's permalink: when it names a row, the filters are cleared so the
   row shows, whatever the query string said. */
(function () {
  "use strict";
  var form = document.querySelector("form.fact-filters");
  if (!form) return;
  var selects = Array.prototype.slice.call(form.querySelectorAll("select"));
  var tables = Array.prototype.slice.call(document.querySelectorAll("table.facts-table"));
  var rows = Array.prototype.slice.call(document.querySelectorAll("table.facts-table tbody tr"));
  var count = form.querySelector(".fact-count");

  function apply() {
    var shown = 0;
    rows.forEach(function (row) {
      var match = selects.every(function (select) {
        return !select.value || row.getAttribute("data-" + select.name) === select.value;
      });
      row.hidden = !match;
      if (match) shown += 1;
    });
    tables.forEach(function (table) {
      var empty = !table.querySelector("tbody tr:not([hidden])");
      table.hidden = empty;
      var heading = table.previousElementSibling;
      if (heading && heading.tagName === "H2") heading.hidden = empty;
    });
    count.textContent = shown + " of " + rows.length + " facts";
  }

  /* The page's URL with the filters set (none when ``keep`` is false); parameters that are
     not filters, such as the search's ?h=, are left as they are. */
  function address(keep) {
    var params = new URLSearchParams(location.search);
    selects.forEach(function (select) {
      if (keep && select.value) params.set(select.name, select.value);
      else params.delete(select.name);
    });
    var query = params.toString();
    return location.pathname + (query ? "?" + query : "");
  }

  function remember(url) {
    try {
      history.replaceState(null, "", url);
    } catch (err) {
      /* some browsers refuse to change the URL of a page opened from disk: filter anyway */
    }
  }

  function targetRow() {
    var id = decodeURIComponent(location.hash.slice(1));
    var row = id ? document.getElementById(id) : null;
    return row && rows.indexOf(row) >= 0 ? row : null;
  }

  function reveal() {
    var row = targetRow();
    if (!row) return;
    selects.forEach(function (select) { select.value = ""; });
    apply();
    remember(address(false) + location.hash);
    row.scrollIntoView({ block: "center" });
  }

  function restore() {
    var params = new URLSearchParams(location.search);
    selects.forEach(function (select) {
      var wanted = params.get(select.name) || "";
      var known = Array.prototype.some.call(select.options, function (option) {
        return option.value === wanted;
      });
      select.value = known ? wanted : "";
    });
  }

  form.addEventListener("change", function () {
    apply();
    remember(address(true));
  });
  form.addEventListener("reset", function (event) {
    event.preventDefault();
    selects.forEach(function (select) { select.value = ""; });
    apply();
    remember(address(false));
  });
  form.addEventListener("submit", function (event) { event.preventDefault(); });
  window.addEventListener("hashchange", reveal);

  form.hidden = false;
  if (targetRow()) {
    reveal();
  } else {
    restore();
    apply();
  }
})();

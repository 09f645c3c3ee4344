/* Charts: the page ships each chart as a static SVG drawn at build time. On the first hover
   or focus of a chart, this loads vega-embed (served by this site, never a CDN) and swaps in
   the same chart, interactive, with tooltips. Pages without charts never load either file. */
(function () {
  "use strict";
  var bundle = new URL("vega.js", document.currentScript.src).href;
  var loading = null;

  function loadBundle() {
    if (!loading) {
      loading = new Promise(function (resolve, reject) {
        var script = document.createElement("script");
        script.src = bundle;
        script.onload = resolve;
        script.onerror = reject;
        document.head.appendChild(script);
      });
    }
    return loading;
  }

  function dark() {
    return document.body.getAttribute("data-md-color-scheme") === "slate";
  }

  function enhance(figure) {
    if (figure.hasAttribute("data-interactive")) return;
    figure.setAttribute("data-interactive", "loading");
    var spec = JSON.parse(figure.querySelector("script.chart-spec").textContent);
    var target = figure.querySelector(".chart-svg");
    loadBundle()
      .then(function () {
        return window.vegaEmbed(target, spec, {
          renderer: "svg",
          ast: true, // Vega interprets expressions: no eval, so no CSP 'unsafe-eval'
          actions: false,
          // Their CSS is in briefing.css: no <style> injected, so no CSP 'unsafe-inline'.
          defaultStyle: false,
          tooltip: { theme: dark() ? "dark" : "light", disableDefaultStyle: true },
        });
      })
      .then(function () {
        figure.setAttribute("data-interactive", "ready");
      })
      .catch(function () {
        figure.setAttribute("data-interactive", "failed"); // the static chart stays
      });
  }

  document.querySelectorAll("figure.chart[data-chart]").forEach(function (figure) {
    var start = function () { enhance(figure); };
    figure.addEventListener("pointerenter", start, { once: true });
    figure.addEventListener("focusin", start, { once: true });
  });
})();

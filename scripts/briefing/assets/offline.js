/* Opened from disk (file://), a link to "exports/" shows a folder listing, not the page:
   the site uses directory URLs for hosting. Point such links at the folder's index.html. */
(function () {
  "use strict";
  if (window.location.protocol !== "file:") return;
  document.querySelectorAll("a[href]").forEach(function (link) {
    var href = link.getAttribute("href");
    if (/^[a-z][a-z0-9+.-]*:/i.test(href) || href.charAt(0) === "#") return;
    var match = href.match(/^([^?#]*\/)([?#].*)?$/);
    if (match) link.setAttribute("href", match[1] + "index.html" + (match[2] || ""));
    else if (href === "." || href === "..") link.setAttribute("href", href + "/index.html");
  });
})();

/* Fact cards: CSS shows them on hover and focus; this keeps each card inside the window
   and lets Escape dismiss it (WCAG 1.4.13). Without JavaScript the cards still work. */
(function () {
  "use strict";
  function place(fact) {
    var card = fact.querySelector(".fact-card");
    if (!card) return;
    card.style.left = "";
    var box = card.getBoundingClientRect();
    var room = document.documentElement.clientWidth - 8;
    if (box.right > room) {
      card.style.left = Math.min(0, room - box.right) + "px";
    }
  }
  document.querySelectorAll(".md-typeset .fact").forEach(function (fact) {
    var open = function () {
      fact.classList.remove("card-dismissed");
      window.requestAnimationFrame(function () { place(fact); });
    };
    fact.addEventListener("mouseenter", open);
    fact.addEventListener("focusin", open);
  });
  document.addEventListener("keydown", function (event) {
    if (event.key !== "Escape") return;
    document.querySelectorAll(".md-typeset .fact:hover, .md-typeset .fact:focus-within")
      .forEach(function (fact) { fact.classList.add("card-dismissed"); });
  });
})();

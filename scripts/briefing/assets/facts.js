/* Fact cards: CSS shows them on hover and keyboard focus; this opens a number's card by click,
   tap, Enter or Space on the number (a button), keeps each card inside the window, and lets
   Escape dismiss it, focus going back to the number (WCAG 1.4.13). Without JavaScript the
   cards still open on hover and focus. */
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
  function setOpen(fact, open) {
    fact.classList.toggle("card-open", open);
    fact.classList.toggle("card-dismissed", !open);
    var button = fact.querySelector(".fact-value");
    if (button) button.setAttribute("aria-expanded", open ? "true" : "false");
    if (open) window.requestAnimationFrame(function () { place(fact); });
  }
  var returning = false;
  var facts = document.querySelectorAll(".md-typeset .fact");
  facts.forEach(function (fact) {
    var shown = function () {
      if (returning) return;  // focus given back by Escape: the card stays closed
      fact.classList.remove("card-dismissed");
      window.requestAnimationFrame(function () { place(fact); });
    };
    fact.addEventListener("mouseenter", shown);
    fact.addEventListener("focusin", shown);
    var button = fact.querySelector(".fact-value");
    if (button) {
      button.addEventListener("click", function () {
        setOpen(fact, !fact.classList.contains("card-open"));
      });
    }
  });
  document.addEventListener("click", function (event) {  // a tap elsewhere closes open cards
    document.querySelectorAll(".md-typeset .fact.card-open").forEach(function (fact) {
      if (!fact.contains(event.target)) setOpen(fact, false);
    });
  });
  document.addEventListener("keydown", function (event) {
    if (event.key !== "Escape") return;
    document.querySelectorAll(
      ".md-typeset .fact:hover, .md-typeset .fact:focus-within, .md-typeset .fact.card-open"
    ).forEach(function (fact) {
      var card = fact.querySelector(".fact-card");
      var inside = card && card.contains(document.activeElement);
      setOpen(fact, false);
      var trigger = fact.querySelector(".fact-value") || fact.querySelector("sup.cite a");
      if (inside && trigger) {  // focus leaves the card it was in for what opened it
        returning = true;
        trigger.focus();
        returning = false;
      }
    });
  });
  /* A chapter's notes are collapsed: following a citation to its note opens them, on a
     click or on arriving by the address; printing the page opens them all. */
  function revealNote(id) {
    var note = id && document.getElementById(id);
    var box = note && note.closest("details.notes-box");
    if (box && !box.open) box.open = true;
    return note;
  }
  document.addEventListener("click", function (event) {
    var link = event.target.closest && event.target.closest('a[href^="#note-"]');
    if (!link) return;
    var note = revealNote(link.getAttribute("href").slice(1));
    if (note) window.requestAnimationFrame(function () { note.scrollIntoView(); });
  });
  window.addEventListener("hashchange", function () { revealNote(location.hash.slice(1)); });
  revealNote(location.hash.slice(1));
  window.addEventListener("beforeprint", function () {
    document.querySelectorAll("details.notes-box").forEach(function (box) { box.open = true; });
  });
})();

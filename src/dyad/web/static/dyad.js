// dyad web view: marks the event an article link points at (#t<n>) in the article's text, and folds the
// filter form on a phone until it is wanted (unless a filter is set, which it then shows).
// The charts are SVG drawn by the server; the network page loads network.js.
(function () {
  "use strict";
  function markEvent() {
    var m = /^#t(\d+)$/.exec(window.location.hash);
    var old = document.querySelectorAll(".hl-trigger.current");
    for (var i = 0; i < old.length; i++) old[i].classList.remove("current");
    if (!m) return;
    var pieces = document.querySelectorAll('.hl-trigger[data-ev~="' + m[1] + '"]');
    for (var j = 0; j < pieces.length; j++) pieces[j].classList.add("current");
  }
  function foldFilters() {
    var box = document.querySelector("details.filter-box");
    if (box && window.matchMedia("(max-width: 640px)").matches && !/\(\d+ set\)/.test(box.querySelector("summary").textContent))
      box.open = false;
  }
  foldFilters();
  markEvent();
  window.addEventListener("hashchange", markEvent);
})();

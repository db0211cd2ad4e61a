// dyad web view: marks the event an article link points at (#t<n>) in the article's text.
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
  markEvent();
  window.addEventListener("hashchange", markEvent);
})();

// fogofwar: a click on a claim scrolls to its words in the article and marks them; a click on
// highlighted words scrolls back to their claim. Links work without this script (anchors);
// the script only marks every stretch of the claim's words. It reads ids and data attributes
// and never writes HTML.
(function () {
  "use strict";
  function mark(claim) {
    document.querySelectorAll(".article a.ev.active").forEach(function (el) {
      el.classList.remove("active");
    });
    document.querySelectorAll(".article a.ev").forEach(function (el) {
      if ((el.getAttribute("data-claims") || "").split(" ").indexOf(claim) >= 0) {
        el.classList.add("active");
      }
    });
  }
  function flash(row) {
    document.querySelectorAll("tr.claim.flash").forEach(function (el) {
      el.classList.remove("flash");
    });
    row.classList.add("flash");
  }
  document.addEventListener("click", function (event) {
    var target = event.target;
    if (!(target instanceof Element)) return;
    var toWords = target.closest("a.to-evidence");
    if (toWords) {
      mark(toWords.getAttribute("data-claim") || "");
      return; // the anchor itself scrolls (and goes into the history: Back returns)
    }
    var words = target.closest(".article a.ev");
    if (words) {
      var claim = (words.getAttribute("data-claims") || "").split(" ")[0];
      var row = document.getElementById(claim);
      if (row) flash(row);
    }
  });
  window.addEventListener("DOMContentLoaded", function () {
    var id = window.location.hash.slice(1);
    var el = id ? document.getElementById(id) : null;
    if (el && /^ev-[0-9]+-[0-9]+$/.test(id)) {
      var link = document.querySelector('a.to-evidence[href="#' + id + '"]');
      if (link) mark(link.getAttribute("data-claim") || "");
    }
  });
})();

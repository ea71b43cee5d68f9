// Loaded (deferred) by every page, with the theme's script but without
// Bootstrap's, whose only uses here were tooltips and the back-to-top button.
(function () {
  "use strict";

  // The theme's back-to-top button (Bootstrap's script showed it): shown
  // while the reader scrolls back up, once past the header.
  function backToTop() {
    var button = document.getElementById("pst-back-to-top");
    if (!button) return;
    button.addEventListener("click", function () {
      window.scrollTo(0, 0);
    });
    var last = window.scrollY;
    var header = 0;
    window.addEventListener("scroll", function () {
      if (!header) {
        var element = document.querySelector(".bd-header");
        header = element ? element.offsetHeight : 64;
      }
      var y = window.scrollY;
      button.style.display = y < last && y > header ? "block" : "none";
      last = y;
    }, { passive: true });
  }

  // Each page has two buttons per sidebar: one in the theme's top bar, which
  // the book theme hides, and one in the article's header, the only one a
  // reader sees (and the only one on phones). The themes' scripts listen to
  // the first only, so the visible button did nothing: it now passes its
  // click on (a dialog on phones, a collapsed sidebar on wide screens).
  function sidebarButtons() {
    [".primary-toggle", ".secondary-toggle"].forEach(function (selector) {
      var buttons = document.querySelectorAll(selector);
      for (var i = 1; i < buttons.length; i++) {
        buttons[i].addEventListener("click", function (event) {
          event.preventDefault();
          event.stopPropagation();
          buttons[0].click();
        });
      }
    });
  }

  function ready() {
    backToTop();
    sidebarButtons();
  }
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", ready);
  } else {
    ready();
  }
})();

// Loaded (deferred) by every page, with the theme's script but without
// Bootstrap's, whose only uses here were tooltips and the back-to-top button.
(function () {
  "use strict";

  // Wide tables scroll sideways inside their wrapper (on phones, or when a
  // table has many columns). A region that scrolls must be reachable from the
  // keyboard (WCAG 2.1.1; axe-core rule scrollable-region-focusable), so such
  // a wrapper becomes a focusable region named after the table's caption.
  // A ResizeObserver reports the wrappers once the browser has laid them out
  // (and again when their width changes): every wrapper is measured first,
  // then the attributes are changed, so the page is never laid out twice.
  function updateTables(wrappers) {
    var wide = wrappers.map(function (wrapper) {
      return wrapper.scrollWidth > wrapper.clientWidth + 1;
    });
    wrappers.forEach(function (wrapper, i) {
      if (wide[i] && !wrapper.hasAttribute("tabindex")) {
        var caption = wrapper.querySelector("caption");
        var name = caption ? caption.textContent.trim() : "Table";
        wrapper.setAttribute("tabindex", "0");
        wrapper.setAttribute("role", "region");
        wrapper.setAttribute("aria-label", name + " (scrolls sideways)");
      } else if (!wide[i] && wrapper.hasAttribute("tabindex")) {
        wrapper.removeAttribute("tabindex");
        wrapper.removeAttribute("role");
        wrapper.removeAttribute("aria-label");
      }
    });
  }

  function watchTables() {
    var wrappers = document.querySelectorAll("div.table-wrapper");
    if (!wrappers.length) return;
    if (!("ResizeObserver" in window)) {
      updateTables(Array.prototype.slice.call(wrappers));
      return;
    }
    var observer = new ResizeObserver(function (entries) {
      updateTables(entries.map(function (entry) { return entry.target; }));
    });
    wrappers.forEach(function (wrapper) { observer.observe(wrapper); });
  }

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
    watchTables();
    backToTop();
    sidebarButtons();
  }
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", ready);
  } else {
    ready();
  }
})();

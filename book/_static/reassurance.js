// Wide tables scroll sideways inside their wrapper (on phones, or when a
// table has many columns). A region that scrolls must be reachable from the
// keyboard (WCAG 2.1.1; axe-core rule scrollable-region-focusable), so such a
// wrapper becomes a focusable region named after the table's caption.
(function () {
  "use strict";
  function update() {
    document.querySelectorAll("div.table-wrapper").forEach(function (wrapper) {
      if (wrapper.scrollWidth > wrapper.clientWidth + 1) {
        var caption = wrapper.querySelector("caption");
        var name = caption ? caption.textContent.trim() : "Table";
        wrapper.setAttribute("tabindex", "0");
        wrapper.setAttribute("role", "region");
        wrapper.setAttribute("aria-label", name + " (scrolls sideways)");
      } else if (wrapper.hasAttribute("tabindex")) {
        wrapper.removeAttribute("tabindex");
        wrapper.removeAttribute("role");
        wrapper.removeAttribute("aria-label");
      }
    });
  }
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", update);
  } else {
    update();
  }
  window.addEventListener("resize", update);
})();

/*
 * Text boxes marked class="autogrow" (an entry's commentary, an article's lead and
 * intro) grow with their text, so the whole text shows without a scroll bar inside.
 * Browsers that know CSS `field-sizing: content` do it themselves (admin_ext.css);
 * this is for the others.
 */
(function () {
  "use strict";

  if (window.CSS && CSS.supports("field-sizing", "content")) {
    return;
  }

  function fit(textarea) {
    textarea.style.height = "auto";
    textarea.style.height = textarea.scrollHeight + 2 + "px";
  }

  function fitAll(root) {
    root.querySelectorAll("textarea.autogrow").forEach(fit);
  }

  document.addEventListener("input", function (event) {
    if (event.target.matches && event.target.matches("textarea.autogrow")) {
      fit(event.target);
    }
  });
  document.addEventListener("formset:added", function (event) {
    fitAll(event.target);
  });
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", function () {
      fitAll(document);
    });
  } else {
    fitAll(document);
  }
})();

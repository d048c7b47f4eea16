/*
 * A live character count under every textarea marked data-character-count
 * (the entry commentary), rows added with "Add another" included.
 * Counts characters as readers see them (code points), so Japanese text counts right.
 * Words come from the admin's JavaScript catalog (admin:jsi18n, loaded before this).
 */
(function () {
  "use strict";

  function describe(textarea) {
    var count = Array.from(textarea.value).length;
    return interpolate(
      ngettext("%(count)s character", "%(count)s characters", count),
      { count: count },
      true
    );
  }

  function attach(textarea) {
    // The inline's hidden template row is cloned for new rows; count only real rows.
    if (textarea.closest(".empty-form") || textarea.dataset.characterCounter) {
      return;
    }
    var counter = document.createElement("span");
    counter.className = "character-count";
    counter.id = textarea.id + "-count";
    textarea.dataset.characterCounter = counter.id;
    var described = textarea.getAttribute("aria-describedby");
    textarea.setAttribute("aria-describedby", (described ? described + " " : "") + counter.id);
    counter.textContent = describe(textarea);
    textarea.insertAdjacentElement("afterend", counter);
  }

  function attachAll(root) {
    root.querySelectorAll("textarea[data-character-count]").forEach(attach);
  }

  document.addEventListener("input", function (event) {
    var textarea = event.target;
    if (textarea.matches && textarea.matches("textarea[data-character-count]")) {
      var counter = document.getElementById(textarea.dataset.characterCounter || "");
      if (counter) {
        counter.textContent = describe(textarea);
      }
    }
  });

  document.addEventListener("formset:added", function (event) {
    attachAll(event.target);
  });

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", function () {
      attachAll(document);
    });
  } else {
    attachAll(document);
  }
})();

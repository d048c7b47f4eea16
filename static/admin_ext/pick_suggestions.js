/*
 * "Pin" beside each of the ranking's suggestions on the article page: one click saves
 * the article, as "Save and continue editing" does, with that suggestion added at the
 * end of the related picks (ArticleAdmin reads the hidden `_pin_related` box).
 * Without this script the buttons stay hidden and picks are added as rows.
 */
(function () {
  "use strict";

  function start() {
    var chosen = document.querySelector(".pick-suggestion-chosen");
    if (!chosen) {
      return;
    }
    var form = chosen.form;
    document.querySelectorAll(".pick-suggestion-pin").forEach(function (button) {
      button.hidden = false;
      button.addEventListener("click", function () {
        chosen.value = button.dataset.pin;
        var save = form.querySelector('input[name="_continue"]');
        if (form.requestSubmit) {
          form.requestSubmit(save || undefined);
        } else {
          form.submit();
        }
      });
    });
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();

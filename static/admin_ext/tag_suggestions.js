/*
 * Existing moods and audiences offered as buttons under their comma-separated box.
 * Typing narrows the buttons to names containing what is typed; a click completes
 * the name being typed (or adds it) and leaves the box ready for the next one.
 */
(function () {
  "use strict";

  function unquote(name) {
    return name.trim().replace(/^"|"$/g, "").trim();
  }

  function quoted(name) {
    return name.indexOf(",") === -1 ? name : '"' + name.replace(/"/g, "") + '"';
  }

  function setUp(box) {
    var input = document.getElementById(box.dataset.for);
    if (!input) {
      return;
    }
    var buttons = Array.from(box.querySelectorAll("button.tag-suggestion"));
    var known = new Set(
      buttons.map(function (button) {
        return button.dataset.tag.toLowerCase();
      })
    );

    function refresh() {
      var parts = input.value.split(",");
      var chosen = new Set(
        parts.map(function (part) {
          return unquote(part).toLowerCase();
        })
      );
      // The last part is a name being typed, unless it is already a whole known name.
      var typing = unquote(parts[parts.length - 1]).toLowerCase();
      if (known.has(typing)) {
        typing = "";
      }
      buttons.forEach(function (button) {
        var name = button.dataset.tag.toLowerCase();
        var hide = chosen.has(name) || (typing && name.indexOf(typing) === -1);
        button.parentElement.hidden = Boolean(hide);
      });
    }

    box.addEventListener("click", function (event) {
      var button = event.target.closest("button.tag-suggestion");
      if (!button) {
        return;
      }
      var parts = input.value.split(",");
      var last = unquote(parts[parts.length - 1]).toLowerCase();
      if (!known.has(last)) {
        parts.pop(); // the name being typed, replaced by the one chosen
      }
      parts.push(quoted(button.dataset.tag));
      var names = parts
        .map(function (part) {
          return part.trim();
        })
        .filter(Boolean);
      input.value = names.join(", ") + ", ";
      input.dispatchEvent(new Event("input", { bubbles: true }));
      input.focus();
    });

    input.addEventListener("input", refresh);
    box.hidden = false;
    refresh();
  }

  function start() {
    document.querySelectorAll(".tag-suggestions[data-for]").forEach(setUp);
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();

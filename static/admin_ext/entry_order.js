/*
 * Reordering an article's entry rows and its related picks: drag a row by its handle
 * (mouse, pen or touch), or use its "Move up" / "Move down" buttons from the keyboard.
 *
 * The rows' order on the page is the list's order. Each filled row's hidden order box
 * (an entry's `order`, a pick's `position`) is set to its place (1..n) after every move
 * and again just before the form is sent; ArticleAdmin renumbers the entries' positions
 * from those boxes in one transaction, and saves the picks' as they are.
 * Without this script the boxes stay visible and the editor types numbers.
 * Words come from the admin's JavaScript catalog (admin:jsi18n, loaded before this).
 */
(function () {
  "use strict";

  // Each ordered list: its inline group, its order box and the choice that names a row.
  var LISTS = [
    { group: "#entries-group", order: "order", choice: "song" },
    { group: "#pick_links-group", order: "position", choice: "to_article" },
  ];

  // One live region for the page, whichever list moved: screen readers hear each move once.
  function pageAnnouncer(group) {
    var announcer = document.querySelector(".entry-order-announcer");
    if (!announcer) {
      announcer = document.createElement("p");
      announcer.className = "entry-order-announcer";
      announcer.setAttribute("aria-live", "polite");
      group.appendChild(announcer);
    }
    return announcer;
  }

  function EntryList(group, fields) {
    this.group = group;
    this.fields = fields;
    this.tbody = group.querySelector("tbody");
    this.announcer = pageAnnouncer(group);
    this.dragged = null;
  }

  EntryList.prototype.orderInput = function (row) {
    return row.querySelector('input[name$="-' + this.fields.order + '"]');
  };

  EntryList.prototype.choice = function (row) {
    return row.querySelector('select[name$="-' + this.fields.choice + '"]');
  };

  EntryList.prototype.isFilled = function (row) {
    var id = row.querySelector('input[name$="-id"]');
    var choice = this.choice(row);
    return Boolean((id && id.value) || (choice && choice.value));
  };

  function isDeleted(row) {
    var box = row.querySelector('input[name$="-DELETE"]');
    return Boolean(box && box.checked);
  }

  EntryList.prototype.rowName = function (row) {
    var choice = this.choice(row);
    var option = choice && choice.options[choice.selectedIndex];
    return option && option.value ? option.textContent.trim() : gettext("This entry");
  };

  function controlButton(className, symbol, label, title) {
    var button = document.createElement("button");
    button.type = "button";
    button.className = className;
    button.textContent = symbol;
    button.setAttribute("aria-label", label);
    button.title = title;
    return button;
  }

  EntryList.prototype.rows = function () {
    return Array.prototype.filter.call(this.tbody.children, function (row) {
      return row.classList.contains("form-row") && !row.classList.contains("empty-form");
    });
  };

  // A row's error line (tr.row-form-errors) sits just above it and moves with it.
  EntryList.prototype.topOf = function (row) {
    var previous = row.previousElementSibling;
    return previous && previous.classList.contains("row-form-errors") ? previous : row;
  };

  EntryList.prototype.placeBefore = function (row, reference) {
    var errors = this.topOf(row) !== row ? this.topOf(row) : null;
    this.tbody.insertBefore(row, reference);
    if (errors) {
      this.tbody.insertBefore(errors, row);
    }
  };

  EntryList.prototype.moveBefore = function (row, target) {
    this.placeBefore(row, this.topOf(target));
  };

  EntryList.prototype.moveAfter = function (row, target) {
    var next = target.nextElementSibling;
    this.placeBefore(row, next);
  };

  EntryList.prototype.renumber = function () {
    var place = 0;
    var list = this;
    this.rows().forEach(function (row) {
      var input = list.orderInput(row);
      var label = row.querySelector(".entry-place");
      var counted = list.isFilled(row) && !isDeleted(row);
      if (counted) {
        place += 1;
      }
      if (input) {
        // An empty row keeps the box's own value, so that it stays unchanged and unsaved.
        input.value = counted ? String(place) : input.defaultValue;
      }
      if (label) {
        label.textContent = counted ? String(place) : "–";
      }
    });
  };

  EntryList.prototype.announce = function (row) {
    var input = this.orderInput(row);
    var place = input && this.isFilled(row) && input.value;
    var words = place ? gettext("%(song)s is now number %(place)s.") : gettext("%(song)s moved.");
    this.announcer.textContent = interpolate(words, { song: this.rowName(row), place: place }, true);
  };

  EntryList.prototype.step = function (row, direction) {
    var rows = this.rows();
    var index = rows.indexOf(row);
    var neighbour = rows[index + direction];
    if (!neighbour) {
      return;
    }
    if (direction < 0) {
      this.moveBefore(row, neighbour);
    } else {
      this.moveAfter(row, neighbour);
    }
    this.renumber();
    this.announce(row);
  };

  EntryList.prototype.decorate = function (row) {
    var cell = row.querySelector("td.field-" + this.fields.order);
    var input = this.orderInput(row);
    if (!cell || !input || row.querySelector(".entry-order-controls")) {
      return;
    }
    input.hidden = true;
    var controls = document.createElement("span");
    controls.className = "entry-order-controls";
    var place = document.createElement("span");
    place.className = "entry-place";
    place.setAttribute("aria-hidden", "true");
    // Built element by element: translated words never pass through innerHTML.
    controls.append(
      controlButton(
        "entry-drag-handle",
        "\u2807",
        gettext("Drag to move (or use Move up and Move down)"),
        gettext("Drag to move")
      ),
      place,
      controlButton("entry-move-up", "\u25B2", gettext("Move up"), gettext("Move up")),
      controlButton("entry-move-down", "\u25BC", gettext("Move down"), gettext("Move down"))
    );
    cell.appendChild(controls);

    var list = this;
    controls.querySelector(".entry-move-up").addEventListener("click", function (event) {
      list.step(row, -1);
      event.currentTarget.focus(); // moving a row in the DOM drops the focus
    });
    controls.querySelector(".entry-move-down").addEventListener("click", function (event) {
      list.step(row, 1);
      event.currentTarget.focus();
    });
    var handle = controls.querySelector(".entry-drag-handle");
    handle.addEventListener("pointerdown", function (event) {
      if (event.button !== 0) {
        return;
      }
      event.preventDefault();
      list.startDrag(row);
    });
  };

  // While a row is dragged the pointer may be anywhere on the page: follow it there.
  EntryList.prototype.startDrag = function (row) {
    var list = this;
    list.dragged = row;
    row.classList.add("entry-dragging");
    var move = function (event) {
      event.preventDefault();
      list.autoScroll(event.clientY);
      list.dragOver(event.clientX, event.clientY);
    };
    var drop = function () {
      document.removeEventListener("pointermove", move);
      document.removeEventListener("pointerup", drop);
      document.removeEventListener("pointercancel", drop);
      list.dragged = null;
      row.classList.remove("entry-dragging");
      list.renumber();
      list.announce(row);
    };
    document.addEventListener("pointermove", move);
    document.addEventListener("pointerup", drop);
    document.addEventListener("pointercancel", drop);
  };

  // Near the top or bottom edge, scroll, so a row can go where the screen does not reach.
  EntryList.prototype.autoScroll = function (y) {
    var edge = 48;
    if (y < edge) {
      window.scrollBy(0, -24);
    } else if (y > window.innerHeight - edge) {
      window.scrollBy(0, 24);
    }
  };

  EntryList.prototype.dragOver = function (x, y) {
    var element = document.elementFromPoint(x, y);
    var over = element && element.closest("tr");
    if (!over || over.parentNode !== this.tbody || over === this.dragged) {
      return;
    }
    if (over.classList.contains("row-form-errors")) {
      over = over.nextElementSibling;
    }
    if (!over || !over.classList.contains("form-row") || over.classList.contains("empty-form")) {
      return;
    }
    var box = over.getBoundingClientRect();
    if (y < box.top + box.height / 2) {
      this.moveBefore(this.dragged, over);
    } else {
      this.moveAfter(this.dragged, over);
    }
  };

  // After a form error the page comes back in form order; put the rows back in the
  // order the editor had given them.
  EntryList.prototype.restoreGivenOrder = function () {
    var rows = this.rows();
    var list = this;
    var keyed = rows.map(function (row, index) {
      var value = parseInt((list.orderInput(row) || {}).value, 10);
      return { row: row, index: index, order: isNaN(value) ? Infinity : value };
    });
    keyed.sort(function (a, b) {
      return a.order - b.order || a.index - b.index;
    });
    var reference = this.tbody.querySelector("tr.empty-form");
    keyed.forEach(function (item) {
      list.placeBefore(item.row, reference ? list.topOf(reference) : null);
    });
  };

  EntryList.prototype.start = function () {
    var list = this;
    this.group.classList.add("entry-order-enabled");
    this.restoreGivenOrder();
    this.rows().forEach(function (row) {
      list.decorate(row);
    });
    this.renumber();

    this.tbody.addEventListener("change", function () {
      list.renumber();
    });
    // The song box is a select2 widget, which announces changes through jQuery only.
    if (window.django && window.django.jQuery) {
      window.django.jQuery(this.tbody).on("change", "select", function () {
        list.renumber();
      });
    }
    document.addEventListener("formset:added", function (event) {
      if (list.tbody.contains(event.target)) {
        list.decorate(event.target);
        list.renumber();
      }
    });
    document.addEventListener("formset:removed", function () {
      list.renumber();
    });
    var form = this.group.closest("form");
    if (form) {
      form.addEventListener("submit", function () {
        list.renumber();
      });
    }
  };

  function start() {
    LISTS.forEach(function (fields) {
      var group = document.querySelector(fields.group);
      if (group && group.querySelector("tbody")) {
        new EntryList(group, fields).start();
      }
    });
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();

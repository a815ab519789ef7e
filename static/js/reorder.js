/* SDG Partnerships: up and down buttons for the rows of each formset inside [data-reorder]
   (templates/learning/questions/includes/reorder_script.html loads it with the buttons' labels). */
(function () {
  "use strict";
  var script = document.currentScript;
  var labels = { up: script.dataset.moveUp, down: script.dataset.moveDown };

  function rowsOf(formset) {
    return Array.from(formset.querySelectorAll("[data-formset-row]")).filter(function (row) {
      return !row.hidden;
    });
  }

  function formsets() {
    return document.querySelectorAll("[data-reorder] [data-formset]");
  }

  function renumber(container) {
    rowsOf(container).forEach(function (row, index) {
      var input = row.querySelector('input[name$="-order"]');
      if (input && input.value !== String(index + 1)) {
        input.value = String(index + 1);
        input.dispatchEvent(new Event("input", { bubbles: true }));
      }
    });
  }

  function addButtons(container) {
    rowsOf(container).forEach(function (row) {
      var actions = row.querySelector(".formset-row-actions");
      if (!actions || actions.querySelector("[data-move]")) return;
      ["down", "up"].forEach(function (direction) {
        var button = document.createElement("button");
        button.type = "button";
        button.className = "btn btn-sm btn-outline-secondary";
        button.dataset.move = direction;
        button.setAttribute("aria-label", labels[direction]);
        button.title = labels[direction];
        button.textContent = direction === "up" ? "↑" : "↓";
        actions.prepend(button);
      });
    });
  }

  document.addEventListener("click", function (event) {
    var button = event.target.closest("[data-move]");
    if (button) {
      var formset = button.closest("[data-formset]");
      var row = button.closest("[data-formset-row]");
      var rows = rowsOf(formset);
      var other = rows[rows.indexOf(row) + (button.dataset.move === "up" ? -1 : 1)];
      if (other) {
        if (button.dataset.move === "up") other.before(row);
        else other.after(row);
        renumber(formset);
        button.focus();
      }
      return;
    }
    if (event.target.closest("[data-formset-add], [data-formset-remove]")) {
      window.setTimeout(function () {
        formsets().forEach(function (formset) {
          addButtons(formset);
          renumber(formset);
        });
      }, 0);
    }
  });

  formsets().forEach(addButtons);
})();

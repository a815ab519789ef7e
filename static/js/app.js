/* SDG Partnerships: small behaviours on server-rendered pages. No dependencies; loaded with
   `defer`. Every page works without it. See docs/frontend.md.
   1. Formsets: "Add" clones the empty form, "Remove" ticks DELETE and hides the row.
   2. Drafts: a <form data-draft-key> keeps what was typed in localStorage until it is saved,
      under the signed-in person's opaque id (<body data-draft-owner>). Logging out, or another
      person's page loading in this browser, removes every other person's drafts.
   3. Submit buttons show "Saving…" and are disabled, so a form is not posted twice.
   4. htmx: the CSRF token on every request; new content gets the behaviours above; a refused
      input (400) shows its message; a form sent without a connection says it was not saved. */
(function () {
  "use strict";

  document.documentElement.classList.add("js");

  function fire(element, type) {
    element.dispatchEvent(new Event(type, { bubbles: true }));
  }

  /* ---- 1. Formsets ------------------------------------------------------------------ */

  function managementInput(prefix, name) {
    return document.querySelector('input[name="' + CSS.escape(prefix + "-" + name) + '"]');
  }

  function rowsOf(prefix) {
    return document.getElementById(prefix + "-rows");
  }

  function updateAddButtons(prefix) {
    const total = managementInput(prefix, "TOTAL_FORMS");
    const max = managementInput(prefix, "MAX_NUM_FORMS");
    const full = total && max && parseInt(total.value, 10) >= parseInt(max.value, 10);
    document
      .querySelectorAll('[data-formset-add="' + CSS.escape(prefix) + '"]')
      .forEach(function (button) {
        button.disabled = Boolean(full);
      });
  }

  function renumber(row, prefix, from, to) {
    const old = prefix + "-" + from + "-";
    const now = prefix + "-" + to + "-";
    row.querySelectorAll("*").forEach(function (element) {
      ["name", "id", "for", "aria-describedby", "aria-labelledby"].forEach(function (name) {
        const value = element.getAttribute(name);
        if (value && value.indexOf(old) !== -1) {
          element.setAttribute(name, value.split(old).join(now));
        }
      });
    });
  }

  function addRow(prefix) {
    const total = managementInput(prefix, "TOTAL_FORMS");
    const template = document.getElementById(prefix + "-empty");
    const rows = rowsOf(prefix);
    if (!total || !template || !rows) return null;
    const index = parseInt(total.value, 10);
    const max = managementInput(prefix, "MAX_NUM_FORMS");
    if (max && index >= parseInt(max.value, 10)) return null;
    const holder = document.createElement("template");
    holder.innerHTML = template.innerHTML.replace(/__prefix__/g, String(index));
    const row = holder.content.querySelector("[data-formset-row]");
    row.dataset.formsetNew = String(index);
    rows.appendChild(row);
    total.value = String(index + 1);
    updateAddButtons(prefix);
    return row;
  }

  function removeRow(row) {
    const formset = row.closest("[data-formset]");
    const prefix = formset.dataset.formset;
    const form = row.closest("form");
    if (row.dataset.formsetNew !== undefined) {
      // Never saved: take it out and close the gap so the row numbers stay 0..TOTAL-1.
      const total = managementInput(prefix, "TOTAL_FORMS");
      const removed = parseInt(row.dataset.formsetNew, 10);
      row.remove();
      rowsOf(prefix)
        .querySelectorAll("[data-formset-new]")
        .forEach(function (later) {
          const index = parseInt(later.dataset.formsetNew, 10);
          if (index > removed) {
            renumber(later, prefix, index, index - 1);
            later.dataset.formsetNew = String(index - 1);
          }
        });
      total.value = String(parseInt(total.value, 10) - 1);
      updateAddButtons(prefix);
      if (form) saveDraft(form);
    } else {
      const checkbox = row.querySelector('input[name$="-DELETE"]');
      if (checkbox) {
        checkbox.checked = true;
        fire(checkbox, "change");
      }
      row.hidden = true;
    }
    const next = formset.querySelector('[data-formset-add="' + CSS.escape(prefix) + '"]');
    if (next) next.focus();
  }

  document.addEventListener("click", function (event) {
    const add = event.target.closest("[data-formset-add]");
    if (add) {
      const row = addRow(add.dataset.formsetAdd);
      if (row) {
        const field = row.querySelector("input:not([type=hidden]), select, textarea");
        if (field) field.focus();
        const form = row.closest("form");
        if (form) saveDraft(form);
      }
      return;
    }
    const remove = event.target.closest("[data-formset-remove]");
    if (remove) {
      const row = remove.closest("[data-formset-row]");
      if (row) removeRow(row);
    }
  });

  function initFormsets(root) {
    root.querySelectorAll("[data-formset]").forEach(function (formset) {
      const prefix = formset.dataset.formset;
      formset.querySelectorAll("[data-formset-row]").forEach(function (row) {
        const checkbox = row.querySelector('input[name$="-DELETE"]');
        row.hidden = Boolean(checkbox && checkbox.checked);
      });
      updateAddButtons(prefix);
    });
  }

  /* ---- 2. Drafts ---------------------------------------------------------------------- */

  const DRAFT = "sdgp-draft:";
  const OWNER = document.body.dataset.draftOwner || "";
  const SUBMITTED = "sdgp-draft-submitted";
  const LOGGED_OUT = "sdgp-logged-out-at";
  const DRAFT_DAYS = 30;
  const SUBMIT_WINDOW_MS = 10 * 60 * 1000;

  function storage(kind) {
    try {
      const store = window[kind];
      store.getItem("x");
      return store;
    } catch {
      return null;
    }
  }

  const local = storage("localStorage");
  const session = storage("sessionStorage");

  function draftName(key) {
    return DRAFT + OWNER + ":" + key;
  }

  // Every stored draft except those of `keep` ("" keeps none), older unkeyed ones included.
  function forgetDraftsExcept(keep) {
    if (!local) return;
    const mine = DRAFT + keep + ":";
    for (let index = local.length - 1; index >= 0; index -= 1) {
      const name = local.key(index);
      if (name && name.indexOf(DRAFT) === 0 && (!keep || name.indexOf(mine) !== 0)) {
        local.removeItem(name);
      }
    }
  }

  function isKept(element) {
    if (!element.name || element.disabled || element.name === "csrfmiddlewaretoken") return false;
    if (element.closest("[data-draft-skip]")) return false;
    const tag = element.tagName;
    if (tag !== "INPUT" && tag !== "SELECT" && tag !== "TEXTAREA") return false;
    const type = (element.getAttribute("type") || "").toLowerCase();
    return ["password", "file", "hidden", "submit", "button", "reset", "image"].indexOf(type) === -1;
  }

  function readForm(form) {
    const values = {};
    Array.from(form.elements)
      .filter(isKept)
      .forEach(function (element) {
        const list = values[element.name] || (values[element.name] = []);
        if (element.type === "checkbox" || element.type === "radio") {
          if (element.checked) list.push(element.value);
        } else if (element.tagName === "SELECT" && element.multiple) {
          Array.from(element.selectedOptions).forEach(function (option) {
            list.push(option.value);
          });
        } else {
          list.push(element.value);
        }
      });
    return values;
  }

  function sameValues(a, b) {
    const keys = Object.keys(a).concat(Object.keys(b));
    return keys.every(function (key) {
      return JSON.stringify(a[key] || []) === JSON.stringify(b[key] || []);
    });
  }

  function loadDraft(key) {
    if (!local || !OWNER) return null;
    try {
      const draft = JSON.parse(local.getItem(draftName(key)));
      if (!draft || !draft.values) return null;
      if (Date.now() - draft.savedAt > DRAFT_DAYS * 24 * 3600 * 1000) {
        forgetDraft(key);
        return null;
      }
      return draft;
    } catch {
      return null;
    }
  }

  function forgetDraft(key) {
    if (local && OWNER) local.removeItem(draftName(key));
  }

  function saveDraft(form) {
    const key = form.dataset.draftKey;
    if (!key || !local || !OWNER) return;
    try {
      local.setItem(
        draftName(key),
        JSON.stringify({ savedAt: Date.now(), values: readForm(form) }),
      );
    } catch {
      /* storage full or refused: the form still works */
    }
  }

  function addMissingRows(form, values) {
    form.querySelectorAll("[data-formset-add]").forEach(function (button) {
      const prefix = button.dataset.formsetAdd;
      const pattern = new RegExp("^" + prefix.replace(/[.*+?^${}()|[\]\\]/g, "\\$&") + "-(\\d+)-");
      let highest = -1;
      Object.keys(values).forEach(function (name) {
        const match = pattern.exec(name);
        if (match) highest = Math.max(highest, parseInt(match[1], 10));
      });
      const total = managementInput(prefix, "TOTAL_FORMS");
      while (total && parseInt(total.value, 10) <= highest) {
        if (!addRow(prefix)) break;
      }
    });
  }

  function fillForm(form, values) {
    addMissingRows(form, values);
    const seen = {};
    Array.from(form.elements)
      .filter(isKept)
      .forEach(function (element) {
        if (!(element.name in values)) return;
        const list = values[element.name];
        let changed = false;
        if (element.type === "checkbox" || element.type === "radio") {
          const checked = list.indexOf(element.value) !== -1;
          changed = element.checked !== checked;
          element.checked = checked;
        } else if (element.tagName === "SELECT" && element.multiple) {
          Array.from(element.options).forEach(function (option) {
            const selected = list.indexOf(option.value) !== -1;
            changed = changed || option.selected !== selected;
            option.selected = selected;
          });
        } else {
          const index = seen[element.name] || 0;
          seen[element.name] = index + 1;
          if (index < list.length && element.value !== list[index]) {
            element.value = list[index];
            changed = true;
          }
        }
        if (changed) {
          fire(element, "input");
          fire(element, "change");
        }
      });
    initFormsets(form);
  }

  function offerDraft(form) {
    const key = form.dataset.draftKey;
    const draft = loadDraft(key);
    if (!draft || sameValues(draft.values, readForm(form))) return;
    const template = document.getElementById("draft-bar-template");
    if (!template || form.previousElementSibling?.matches("[data-draft-bar]")) return;
    // The offered values stay in this closure: typing meanwhile is kept as the newer draft.
    const bar = template.content.firstElementChild.cloneNode(true);
    bar.querySelector("[data-draft-restore]").addEventListener("click", function () {
      bar.remove();
      fillForm(form, draft.values);
      saveDraft(form);
      const first = Array.from(form.elements).find(isKept);
      if (first) first.focus();
    });
    bar.querySelector("[data-draft-discard]").addEventListener("click", function () {
      bar.remove();
      forgetDraft(key);
    });
    form.parentNode.insertBefore(bar, form);
  }

  // A form that was posted and answered with a redirect has been saved (Django's views
  // redirect after a successful POST and render the form again when it is invalid).
  function settleSubmittedDraft() {
    if (!session) return;
    const raw = session.getItem(SUBMITTED);
    if (!raw) return;
    session.removeItem(SUBMITTED);
    try {
      const submitted = JSON.parse(raw);
      const navigation = performance.getEntriesByType("navigation")[0];
      const redirected = navigation && navigation.redirectCount > 0;
      if (redirected && Date.now() - submitted.at < SUBMIT_WINDOW_MS) forgetDraft(submitted.key);
    } catch {
      /* ignore a malformed marker */
    }
  }

  function initDrafts(root) {
    root.querySelectorAll("[data-draft-saved]").forEach(function (element) {
      forgetDraft(element.dataset.draftSaved);
    });
    root.querySelectorAll("form[data-draft-key]").forEach(offerDraft);
  }

  function onEdit(event) {
    const element = event.target;
    const form = element.form;
    if (form && form.dataset.draftKey && isKept(element)) saveDraft(form);
  }

  document.addEventListener("input", onEdit);
  document.addEventListener("change", onEdit);

  /* ---- 3. "Saving…" on submit --------------------------------------------------------- */

  function submitButtons(form) {
    return Array.from(form.elements).filter(function (element) {
      return (
        (element.tagName === "BUTTON" && element.type === "submit") ||
        (element.tagName === "INPUT" && (element.type === "submit" || element.type === "image"))
      );
    });
  }

  function startSaving(form, submitter) {
    form.dataset.submitting = "true";
    form.classList.add("is-saving");
    const label = document.body.dataset.savingLabel;
    // Disabled only after this event: a disabled submitter would drop its name=value.
    window.setTimeout(function () {
      submitButtons(form).forEach(function (button) {
        button.disabled = true;
      });
      if (submitter && label) {
        submitter.dataset.savingOriginal =
          submitter.tagName === "INPUT" ? submitter.value : submitter.innerHTML;
        if (submitter.tagName === "INPUT") submitter.value = label;
        else submitter.textContent = label;
      }
    }, 0);
  }

  function stopSaving(form) {
    delete form.dataset.submitting;
    form.classList.remove("is-saving");
    submitButtons(form).forEach(function (button) {
      button.disabled = false;
      if (button.dataset.savingOriginal !== undefined) {
        if (button.tagName === "INPUT") button.value = button.dataset.savingOriginal;
        else button.innerHTML = button.dataset.savingOriginal;
        delete button.dataset.savingOriginal;
      }
    });
  }

  document.addEventListener("submit", function (event) {
    const form = event.target;
    if (form.hasAttribute("data-logout")) {
      // The next person on this browser must not be offered what this one typed.
      forgetDraftsExcept("");
      if (session) {
        session.removeItem(SUBMITTED);
        session.removeItem("htmx-history-cache");
      }
      if (local) local.setItem(LOGGED_OUT, String(Date.now()));
    }
    if (form.dataset.submitting === "true") {
      event.preventDefault();
      return;
    }
    if (event.defaultPrevented) return; // htmx and other scripts handle their own requests
    if (form.dataset.draftKey) {
      saveDraft(form);
      if (session) {
        session.setItem(SUBMITTED, JSON.stringify({ key: form.dataset.draftKey, at: Date.now() }));
      }
    }
    const method = (form.getAttribute("method") || "get").toLowerCase();
    if (method !== "post" || form.hasAttribute("data-no-saving") || form.target) return;
    startSaving(form, event.submitter);
  });

  // Back/forward cache: the page comes back as it was left, "Saving…" included.
  window.addEventListener("pageshow", function (event) {
    if (!event.persisted) return;
    // A page kept from before a log-out still shows what was typed: load it afresh instead.
    const loggedOut = local && parseInt(local.getItem(LOGGED_OUT) || "0", 10);
    if (OWNER && loggedOut > performance.timeOrigin) {
      window.location.reload();
      return;
    }
    document.querySelectorAll("form[data-submitting]").forEach(stopSaving);
    initDrafts(document);
  });

  /* ---- 4. htmx ------------------------------------------------------------------------ */

  function csrfToken() {
    const input = document.querySelector('input[name="csrfmiddlewaretoken"]');
    if (input) return input.value;
    const match = document.cookie.match(/(?:^|;\s*)csrftoken=([^;]+)/);
    return match ? decodeURIComponent(match[1]) : "";
  }

  document.addEventListener("htmx:configRequest", function (event) {
    if (!event.detail.headers["X-CSRFToken"]) event.detail.headers["X-CSRFToken"] = csrfToken();
  });

  document.addEventListener("htmx:beforeRequest", function (event) {
    const form = event.detail.elt;
    if (form.tagName === "FORM") {
      form.classList.add("is-saving");
      submitButtons(form).forEach(function (button) {
        button.disabled = true;
      });
    }
  });

  document.addEventListener("htmx:afterRequest", function (event) {
    const form = event.detail.elt;
    if (form.tagName === "FORM" && form.isConnected) stopSaving(form);
  });

  // A refused input (400) comes back with its message: show it where the answer goes.
  document.addEventListener("htmx:beforeSwap", function (event) {
    if (event.detail.xhr.status === 400) event.detail.shouldSwap = true;
  });

  // No connection: the form keeps what was typed (and its draft); say so where it has room.
  document.addEventListener("htmx:sendError", function (event) {
    const form = event.detail.elt.closest("form");
    const status = form && form.querySelector("[data-save-status]");
    if (status && form.dataset.sendError) {
      status.textContent = form.dataset.sendError;
      status.className = "small text-danger";
      status.setAttribute("role", "alert");
    }
  });

  document.addEventListener("htmx:load", function (event) {
    initFormsets(event.detail.elt);
    initDrafts(event.detail.elt);
  });

  /* ---- The menu --------------------------------------------------------------------- */

  document.addEventListener("keydown", function (event) {
    if (event.key !== "Escape") return;
    document.querySelectorAll("[data-site-menu][open]").forEach(function (menu) {
      menu.open = false;
      menu.querySelector("summary").focus();
    });
  });

  document.addEventListener("click", function (event) {
    document.querySelectorAll("[data-site-menu][open]").forEach(function (menu) {
      if (!menu.contains(event.target)) menu.open = false;
    });
  });

  /* ---- Start -------------------------------------------------------------------------- */

  if (OWNER) forgetDraftsExcept(OWNER);
  settleSubmittedDraft();
  initFormsets(document);
  initDrafts(document);
})();

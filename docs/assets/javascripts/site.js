/* Small progressive enhancements; every page works without them.
 *

 * Checklists (Markdown task lists) that a councillor can tick through.
 * - Each checkbox is named by its item's text (Python-Markdown puts the text
 *   outside the label, which leaves the box unnamed for screen readers).
 * - Ticks are kept in this browser only (localStorage), per page.
 */
(function () {
  "use strict";
  var boxes = document.querySelectorAll(".task-list-item input[type=checkbox]");
  if (!boxes.length) return;
  var key = "cp-checklist:" + location.pathname;
  var saved = {};
  try { saved = JSON.parse(localStorage.getItem(key) || "{}"); } catch (e) { saved = {}; }
  for (var i = 0; i < boxes.length; i++) {
    var box = boxes[i];
    var item = box.closest(".task-list-item");
    var text = item ? item.textContent.replace(/\s+/g, " ").trim() : "";
    if (text) box.setAttribute("aria-label", text);
    box.removeAttribute("disabled");
    if (saved[i] !== undefined) box.checked = saved[i];
    box.dataset.cpIndex = i;
    box.addEventListener("change", function (event) {
      saved[event.target.dataset.cpIndex] = event.target.checked;
      try { localStorage.setItem(key, JSON.stringify(saved)); } catch (e) { /* private mode */ }
    });
  }
})();

/*
 * Wide tables scroll sideways on a phone. A scrolling region must be
 * reachable by keyboard (WCAG 2.1.1), so give each one a name and a tab stop.
 */
(function () {
  "use strict";
  function label() {
    var wraps = document.querySelectorAll(".md-typeset__scrollwrap");
    for (var i = 0; i < wraps.length; i++) {
      var wrap = wraps[i];
      if (wrap.hasAttribute("tabindex")) continue;
      var caption = wrap.querySelector("caption");
      wrap.setAttribute("tabindex", "0");
      wrap.setAttribute("role", "region");
      wrap.setAttribute("aria-label", caption ? caption.textContent.trim() : "Table (scrolls sideways)");
    }
  }
  if (window.document$ && window.document$.subscribe) {
    window.document$.subscribe(label);
  } else {
    document.addEventListener("DOMContentLoaded", label);
  }
})();

/*
 * The action plan: filter by priority and status, sort by any column.
 * Without JavaScript the plan is still complete: one table per objective.
 */
(function () {
  "use strict";
  var plan = document.querySelector("[data-cp-action-plan]");
  if (!plan) return;
  var rows = plan.querySelectorAll("tbody tr[data-priority]");

  function select(name, label, options) {
    var wrap = document.createElement("label");
    wrap.textContent = label;
    var box = document.createElement("select");
    box.name = name;
    options.forEach(function (pair) {
      var option = document.createElement("option");
      option.value = pair[0];
      option.textContent = pair[1];
      box.appendChild(option);
    });
    wrap.appendChild(box);
    return wrap;
  }

  var controls = document.createElement("div");
  controls.className = "cp-plan-controls";
  controls.appendChild(select("priority", "Priority", [["", "All"], ["high", "High"], ["medium", "Medium"], ["low", "Low"]]));
  controls.appendChild(select("status", "Status", [["", "All"], ["not-started", "Not started"], ["on-track", "On track"], ["at-risk", "At risk"], ["done", "Done"]]));
  var count = document.createElement("p");
  count.setAttribute("role", "status");
  controls.appendChild(count);
  plan.insertBefore(controls, plan.querySelector("h2"));

  function filter() {
    var priority = controls.querySelector("[name=priority]").value;
    var status = controls.querySelector("[name=status]").value;
    var shown = 0;
    for (var i = 0; i < rows.length; i++) {
      var ok = (!priority || rows[i].dataset.priority === priority) && (!status || rows[i].dataset.status === status);
      rows[i].hidden = !ok;
      if (ok) shown++;
    }
    count.textContent = "Showing " + shown + " of " + rows.length + " actions.";
  }
  controls.addEventListener("change", filter);
  filter();

  var tables = plan.querySelectorAll("table");
  for (var t = 0; t < tables.length; t++) {
    (function (table) {
      var headers = table.querySelectorAll("thead th");
      headers.forEach(function (th, column) {
        var button = document.createElement("button");
        button.type = "button";
        button.className = "cp-sort";
        button.textContent = th.textContent;
        th.textContent = "";
        th.appendChild(button);
        button.addEventListener("click", function () {
          var ascending = th.getAttribute("aria-sort") !== "ascending";
          headers.forEach(function (other) { other.removeAttribute("aria-sort"); });
          th.setAttribute("aria-sort", ascending ? "ascending" : "descending");
          var body = table.querySelector("tbody");
          var sorted = Array.prototype.slice.call(body.rows).sort(function (a, b) {
            var x = a.cells[column].dataset.sort || a.cells[column].textContent.trim();
            var y = b.cells[column].dataset.sort || b.cells[column].textContent.trim();
            return (x < y ? -1 : x > y ? 1 : 0) * (ascending ? 1 : -1);
          });
          sorted.forEach(function (row) { body.appendChild(row); });
        });
      });
    })(tables[t]);
  }
})();

/*
 * "What you can get": a quick filter over the entitlements on the page, so a
 * young person can type "money for uni" or "driving", on the page itself (the
 * site search is a link away, on the search page); without JavaScript the
 * stage pages still narrow the list.
 */
(function () {
  "use strict";
  var list = document.querySelector(".cp-entitlements");
  if (!list) return;
  var cards = list.querySelectorAll(".cp-entitlement");
  if (cards.length < 4) return;
  var wrap = document.createElement("div");
  wrap.className = "cp-filter";
  var label = document.createElement("label");
  label.setAttribute("for", "cp-filter-input");
  label.textContent = "Find what you need";
  var hint = document.createElement("p");
  hint.id = "cp-filter-hint";
  hint.textContent = "Type a word, like money, uni, rent or driving.";
  var input = document.createElement("input");
  input.type = "search";
  input.id = "cp-filter-input";
  input.setAttribute("aria-describedby", "cp-filter-hint");
  input.autocomplete = "off";
  var status = document.createElement("p");
  status.setAttribute("role", "status");
  wrap.appendChild(label);
  wrap.appendChild(hint);
  wrap.appendChild(input);
  wrap.appendChild(status);
  list.parentNode.insertBefore(wrap, list);

  input.addEventListener("input", function () {
    var words = input.value.toLowerCase().split(/\s+/).filter(Boolean);
    var shown = 0;
    for (var i = 0; i < cards.length; i++) {
      var text = cards[i].textContent.toLowerCase();
      var match = words.every(function (w) { return text.indexOf(w) !== -1; });
      cards[i].hidden = !match;
      if (match) shown++;
    }
    var headings = list.querySelectorAll(".cp-entitlements__area");
    for (var h = 0; h < headings.length; h++) {
      var next = headings[h].nextElementSibling, any = false;
      while (next && !next.classList.contains("cp-entitlements__area")) {
        if (next.classList.contains("cp-entitlement") && !next.hidden) any = true;
        next = next.nextElementSibling;
      }
      headings[h].hidden = !any;
    }
    status.textContent = words.length ? shown + (shown === 1 ? " thing matches." : " things match.") : "";
  });
})();

/*
 * Printing: answers and suggested responses hidden behind "details" on
 * screen are printed open, then closed again.
 */
(function () {
  "use strict";
  var opened = [];
  window.addEventListener("beforeprint", function () {
    opened = Array.prototype.filter.call(document.querySelectorAll("details:not([open])"), function (d) {
      d.open = true;
      return true;
    });
  });
  window.addEventListener("afterprint", function () {
    opened.forEach(function (d) { d.open = false; });
    opened = [];
  });
})();

/*
 * Material's drawer and search are opened by two checkboxes. Firefox brings a
 * checkbox back ticked when a page is reloaded or revisited, which would show
 * the page with its menu or search open. Material stopped that with
 * autocomplete="off", which HTML does not allow on a checkbox
 * (overrides/base.html), so close them here when the page is shown.
 */
(function () {
  "use strict";
  window.addEventListener("pageshow", function () {
    // A search address (search/?q=…, the young people's search link) opens the search on purpose.
    var asked = new URLSearchParams(location.search).has("q");
    ["__drawer", "__search"].forEach(function (id) {
      if (asked && id === "__search") return;
      var toggle = document.getElementById(id);
      if (toggle && toggle.checked) toggle.click();
    });
  });
})();

/*
 * The search form's submit button (overrides/partials/search.html) opens the
 * best result, as Enter does in Material's search box; with no results yet it
 * only keeps the page where it is.
 */
(function () {
  "use strict";
  var form = document.querySelector(".md-search__form");
  if (!form) return;
  form.addEventListener("submit", function (event) {
    event.preventDefault();
    // As Material does for Enter: the first link of each result, by its score.
    var best = null, top = -Infinity;
    var links = document.querySelectorAll("[data-md-component=search-result] :first-child > [href]");
    for (var i = 0; i < links.length; i++) {
      var scored = links[i].firstElementChild;
      var score = scored ? parseFloat(scored.getAttribute("data-md-score")) : NaN;
      if (!isNaN(score) && score > top) { top = score; best = links[i]; }
    }
    if (best) best.click();
  });
})();

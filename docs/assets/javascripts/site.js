/* Small progressive enhancements; every page works without them. */

/* What they say, in the page's language: the page gives it (words.yml, script; overrides/main.html). */
function cpWords() {
  try { return JSON.parse(document.getElementById("cp-words").textContent) || {}; } catch (e) { return {}; }
}

/*
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
  var said = cpWords();
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
  controls.appendChild(select("priority", said.priority, [["", said.all]].concat(said.priorities || [])));
  controls.appendChild(select("status", said.status, [["", said.all]].concat(said.statuses || [])));
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
    count.textContent = String(said.showing || "").replace("{shown}", shown).replace("{total}", rows.length);
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
 * young person can type "money for uni", "driving" or "mum", on the page
 * itself (the site search is a link away, on the search page). Each card keeps
 * its everyday words (keywords) in the page, unseen, so they match too. When
 * nothing matches, the page offers Childline, an advocate and who can help
 * (written into the page, hidden until needed): never a dead end. Stands
 * alone (no theme JavaScript needed). Without JavaScript every card is listed.
 */
(function () {
  "use strict";
  var said = cpWords();
  var SMALL = { a: 1, an: 1, the: 1, to: 1, for: 1, of: 1, and: 1, or: 1, my: 1, me: 1, i: 1, im: 1, "i'm": 1,
    is: 1, it: 1, in: 1, on: 1, at: 1, with: 1, can: 1, get: 1, what: 1, how: 1, do: 1, about: 1, some: 1 };
  /* Everyday words that mean the same thing on these pages. */
  var ALSO = {
    mum: ["family time"], mam: ["family time"], mom: ["family time"], dad: ["family time"],
    parents: ["family time"], brother: ["sibling", "brothers and sisters"], sister: ["sibling", "brothers and sisters"],
    cash: ["money"], pay: ["money"], grant: ["money"], benefits: ["money"], skint: ["money"],
    uni: ["university"], college: ["learning", "school"], job: ["work"], flat: ["home"], house: ["home"],
    bully: ["bullied", "talk to"], bullied: ["bully", "talk to"], bullying: ["bully", "talk to"],
    sad: ["talk to"], scared: ["talk to"], worried: ["talk to"], unhappy: ["complain", "talk to"]
  };
  function stem(word) {
    if (word.length > 5 && /ies$|ied$/.test(word)) return word.slice(0, -3) + "y";
    if (word.length > 5 && /ing$/.test(word)) return word.slice(0, -3);
    if (word.length > 4 && /ed$/.test(word)) return word.slice(0, -2);
    if (word.length > 3 && /s$/.test(word) && !/ss$/.test(word)) return word.slice(0, -1);
    return word;
  }
  function found(text, word) {
    var ways = [word, stem(word)].concat(ALSO[word] || []);
    for (var i = 0; i < ways.length; i++) if (text.indexOf(ways[i]) !== -1) return true;
    return false;
  }
  function start() {
    var list = document.querySelector(".cp-entitlements");
    if (!list) return;
    var cards = list.querySelectorAll(".cp-entitlement");
    if (cards.length < 4) {  // too few to need a filter
      var unused = document.querySelector("[data-cp-filter]");
      if (unused) unused.hidden = true;
      return;
    }
    var texts = [];
    for (var c = 0; c < cards.length; c++) texts.push(cards[c].textContent.toLowerCase());
    var groups = list.querySelectorAll(".cp-ent-group");
    var none = document.querySelector("[data-cp-none]");
    var wrap = document.querySelector("[data-cp-filter]");
    if (!wrap) return;
    var input = wrap.querySelector("input");
    var status = wrap.querySelector("[data-cp-filter-status]");

    input.addEventListener("input", function () {
      var words = input.value.toLowerCase().replace(/[^a-z0-9£' ]+/g, " ").split(/\s+/).filter(function (w) {
        return w && !SMALL[w];
      });
      var shown = 0;
      for (var i = 0; i < cards.length; i++) {
        var text = texts[i];
        var match = words.every(function (w) { return found(text, w); });
        cards[i].hidden = !match;
        if (match) shown++;
      }
      for (var g = 0; g < groups.length; g++) {
        groups[g].hidden = !groups[g].querySelector(".cp-entitlement:not([hidden])");
      }
      var filtering = input.value.trim() !== "";
      if (none) none.hidden = !filtering || shown > 0;
      status.textContent = !filtering ? "" : shown
        ? String(said[shown === 1 ? "matches_one" : "matches_many"] || "").replace("{n}", shown)
        : said.nothing_matches || "";
    });
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
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

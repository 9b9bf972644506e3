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

/*
 * Exit this page, after the GOV.UK Design System component.
 * - The button (and a link in the skip-link position) go to a neutral site.
 * - Pressing Shift three times within 5 seconds does the same, with visible
 *   and announced progress. The hint about Shift shows only where a keyboard
 *   is likely: not on touch screens (phones have no Shift key).
 * - While leaving, an overlay hides the page and the title changes.
 * - The sticky bar sits exactly under the site's sticky header, so no page
 *   text shows through a gap between them.
 * - What it says is in the page's language: the page gives it (words.yml,
 *   script; <script type="application/json" id="cp-words">).
 * Without JavaScript the button is an ordinary link, so it still works.
 * Standalone: no framework, no Material bundle; starts on DOMContentLoaded.
 */
(function () {
  "use strict";

  var said = {};
  try { said = JSON.parse(document.getElementById("cp-words").textContent) || {}; } catch (e) { /* none: say nothing */ }
  function say(key, n) { return String(said[key] || "").replace("{n}", n); }

  function init() {
    var links = document.querySelectorAll("[data-cp-exit]");
    if (!links.length) return;
    var url = links[0].getAttribute("href");
    var overlay = document.querySelector("[data-cp-exit-overlay]");
    var container = document.querySelector("[data-cp-exit-container]");
    var hint = document.querySelector("[data-cp-exit-hint]");
    var presses = 0;
    var timer = null;

    /* The Shift hint: only where there is likely a keyboard. */
    var touchOnly = window.matchMedia && window.matchMedia("(hover: none) and (pointer: coarse)").matches;
    var root = document.documentElement;
    if (!touchOnly) {
      if (hint) hint.hidden = false;
      root.classList.add("cp-keyboard");  /* shows words about keys (.cp-keyboard-only) */
    }
    document.addEventListener("pointerdown", function (event) {
      if (event.pointerType !== "touch") return;
      if (hint) hint.hidden = true;
      root.classList.remove("cp-keyboard");
    }, { passive: true });

    /* No gap under a sticky header: stick right below it, whatever its height. */
    function fit() {
      var header = document.querySelector(".md-header");
      if (!container || !header) return;
      var position = window.getComputedStyle(header).position;
      var stuck = position === "sticky" || position === "fixed";
      container.style.top = (stuck ? header.getBoundingClientRect().height : 0) + "px";
    }
    fit();
    window.addEventListener("resize", fit);

    var status = document.createElement("div");
    status.className = "cp-visually-hidden";
    status.setAttribute("role", "status");
    status.setAttribute("aria-live", "polite");
    var dots = document.createElement("div");
    dots.className = "cp-exit__dots";
    dots.setAttribute("aria-hidden", "true");
    for (var i = 0; i < 3; i++) dots.appendChild(document.createElement("span"));
    if (container) {
      container.appendChild(dots);
      container.appendChild(status);
    }

    function show(count) {
      var spans = dots.querySelectorAll("span");
      for (var j = 0; j < spans.length; j++) {
        spans[j].className = j < count ? "cp-exit__dot--on" : "";
      }
      dots.className = "cp-exit__dots" + (count ? " cp-exit__dots--active" : "");
    }

    function reset() {
      presses = 0;
      show(0);
      clearTimeout(timer);
      timer = null;
    }

    function leave(event) {
      if (event) event.preventDefault();
      if (overlay) overlay.hidden = false;
      document.body.classList.add("cp-exit--leaving");
      document.title = say("exiting_title");
      window.location.href = url;
    }

    for (var k = 0; k < links.length; k++) links[k].addEventListener("click", leave);

    document.addEventListener("keydown", function (event) {
      if (event.key !== "Shift") reset();
    });

    document.addEventListener("keyup", function (event) {
      if (event.key !== "Shift") return;
      presses += 1;
      show(presses);
      if (presses >= 3) {
        status.textContent = say("exit_activated");
        reset();
        leave();
        return;
      }
      var left = 3 - presses;
      status.textContent = say(left === 1 ? "exit_left_one" : "exit_left_many", left);
      if (!timer) {
        timer = setTimeout(function () {
          reset();
          status.textContent = say("exit_expired");
        }, 5000);
      }
    });

    /* Coming back with the browser's back button: show the page again. */
    window.addEventListener("pageshow", function () {
      if (overlay) overlay.hidden = true;
      document.body.classList.remove("cp-exit--leaving");
    });
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();

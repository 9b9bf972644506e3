/*
 * Exit this page, after the GOV.UK Design System component.
 * - The button (and a link in the skip-link position) go to a neutral site.
 * - Pressing Shift three times within 5 seconds does the same, with visible
 *   and announced progress.
 * - While leaving, an overlay hides the page.
 * Without JavaScript the button is an ordinary link, so it still works.
 */
(function () {
  "use strict";
  var links = document.querySelectorAll("[data-cp-exit]");
  if (!links.length) return;
  var url = links[0].getAttribute("href");
  var overlay = document.querySelector("[data-cp-exit-overlay]");
  var container = document.querySelector("[data-cp-exit-container]");
  var presses = 0;
  var timer = null;

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
    document.title = "Exiting page";
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
      status.textContent = "Exit this page activated";
      reset();
      leave();
      return;
    }
    var left = 3 - presses;
    status.textContent = "Shift, press " + left + " more time" + (left === 1 ? "" : "s") + " to exit.";
    if (!timer) {
      timer = setTimeout(function () {
        reset();
        status.textContent = "Exit this page expired.";
      }, 5000);
    }
  });

  /* Coming back with the browser's back button: show the page again. */
  window.addEventListener("pageshow", function () {
    if (overlay) overlay.hidden = true;
    document.body.classList.remove("cp-exit--leaving");
  });
})();

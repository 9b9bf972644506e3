/* A stand-in for ResizeObserver on the few browsers without it (Safari before 13.1).
   Material's bundle would otherwise fetch a polyfill from unpkg.com: this keeps every
   request on this site. Observers hear an element's size when it is first observed
   and whenever the window is resized, which is what Material's layout needs. */
(function () {
  "use strict";
  if ("ResizeObserver" in window) return;

  function entry(target) {
    var rect = target.getBoundingClientRect();
    var box = [{ inlineSize: rect.width, blockSize: rect.height }];
    return { target: target, contentRect: rect, borderBoxSize: box, contentBoxSize: box };
  }

  function ResizeObserver(callback) {
    var self = this;
    this.callback = callback;
    this.targets = [];
    this.onResize = function () { self.notify(self.targets); };
  }
  ResizeObserver.prototype.notify = function (targets) {
    if (targets.length) this.callback(targets.map(entry), this);
  };
  ResizeObserver.prototype.observe = function (target) {
    var self = this;
    if (this.targets.indexOf(target) >= 0) return;
    this.targets.push(target);
    if (this.targets.length === 1) window.addEventListener("resize", this.onResize);
    setTimeout(function () { self.notify([target]); }, 0);
  };
  ResizeObserver.prototype.unobserve = function (target) {
    this.targets = this.targets.filter(function (t) { return t !== target; });
    if (!this.targets.length) window.removeEventListener("resize", this.onResize);
  };
  ResizeObserver.prototype.disconnect = function () {
    this.targets = [];
    window.removeEventListener("resize", this.onResize);
  };
  window.ResizeObserver = ResizeObserver;
})();

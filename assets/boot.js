// Runs before the game: shows a plain message instead of a blank page when
// the browser has no WebAssembly, or when the game fails to load or stops.
(function () {
  var shown = false;
  function show(id, detail) {
    if (shown) return;
    shown = true;
    var el = document.getElementById(id);
    var app = document.getElementById("app");
    if (app) app.hidden = true;
    if (!el) return;
    if (detail) {
      var pre = document.getElementById("crash-detail");
      // A panic has already written its own, clearer detail.
      if (pre && !pre.textContent) pre.textContent = String(detail);
    }
    el.hidden = false;
    el.focus();
  }
  if (typeof WebAssembly !== "object") {
    document.addEventListener("DOMContentLoaded", function () { show("no-wasm"); });
    return;
  }
  // Offline: the service worker keeps every file of this version (not from
  // a file on disk, where browsers allow none).
  if ("serviceWorker" in navigator && location.protocol !== "file:") {
    navigator.serviceWorker.register("./sw.js").catch(function () {});
  }
  window.addEventListener("error", function (e) { show("crash", e.message); });
  window.addEventListener("unhandledrejection", function (e) { show("crash", e.reason); });
})();

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
  // Quick exit from these messages, as from the game: to the neutral page
  // named on the button, replacing this one so that Back does not return.
  // By the button, or by Escape while a message shows (the game's own
  // Escape may have stopped with it). Written for old browsers too: the
  // message about WebAssembly is for them.
  function leave(button) {
    location.replace(button.getAttribute("data-quick-exit"));
  }
  document.addEventListener("click", function (e) {
    for (var n = e.target; n && n.getAttribute; n = n.parentNode) {
      if (n.getAttribute("data-quick-exit")) return leave(n);
    }
  });
  document.addEventListener("keydown", function (e) {
    if (e.key !== "Escape" && e.key !== "Esc" && e.keyCode !== 27) return;
    var button = document.querySelector(".fallback:not([hidden]) [data-quick-exit]");
    if (!button) return;
    // Only this page's leaving: the game's own Escape (still listening if
    // the game stopped after it started) would start a second one, which
    // cuts the first short.
    e.stopPropagation();
    leave(button);
  });
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

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
    var button = document.querySelector(".fallback:not([hidden]) [data-quick-exit], [data-first] #first [data-quick-exit]");
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
  first();
  // Offline: the service worker keeps every file of this version (not from
  // a file on disk, where browsers allow none). It fetches them all as it
  // installs, so it waits for the game to have started and drawn its first
  // screen (in tasks of its own, after it has started): until then, every
  // byte of the network and every moment of the device are the first
  // screen's.
  if ("serviceWorker" in navigator && location.protocol !== "file:") {
    window.addEventListener("TrunkApplicationStarted", function () {
      drawn(function () {
        navigator.serviceWorker.register("./sw.js").catch(function () {});
      });
    }, { once: true });
  }
  window.addEventListener("error", function (e) { show("crash", e.message); });
  window.addEventListener("unhandledrejection", function (e) { show("crash", e.reason); });

  // The title screen in the page (scripts/first-screen.mjs), shown while
  // the game is on its way: for a first visit only, in the default
  // language at the title's own address. Anyone else (a language or a
  // setting kept, a game begun, another door's address) waits for the
  // game's own first screen, as the copy would not be theirs.
  function first() {
    if (location.hash.length > 1 || !fresh()) return;
    root().setAttribute("data-first", "");
    // Pressed before the game has started: a word that it is coming, and
    // then the same button of the game's own title is pressed for the
    // player. A link goes where it goes: the game opens at its address.
    var pressed = null;
    var focused = null;
    document.addEventListener("click", function (e) {
      var screen = document.getElementById("first");
      if (!screen || !screen.contains(e.target)) return;
      for (var n = e.target; n && n !== screen; n = n.parentNode) {
        if (n.getAttribute("data-quick-exit")) return;
        // (A link's address is the last word: no button after it.)
        if (n.tagName === "BUTTON" || n.tagName === "A") {
          pressed = n.tagName === "BUTTON" ? place(screen, n) : null;
          break;
        }
      }
      var line = screen.querySelector(".first-waiting");
      if (line) line.textContent = line.getAttribute("data-words");
    });
    document.addEventListener("focusin", function (e) {
      var screen = document.getElementById("first");
      if (screen && screen.contains(e.target)) focused = place(screen, e.target);
    });
    // The game takes the copy out as it draws its own title, before the
    // page is painted again. Once its own screen is there (and has put the
    // focus on its heading), the player's focus and press move over.
    document.addEventListener("DOMContentLoaded", function () {
      var app = document.getElementById("app");
      if (!app || !document.getElementById("first") || !window.MutationObserver) return;
      var watch = new MutationObserver(function () {
        if (document.getElementById("first")) return;
        root().removeAttribute("data-first");
        if (!app.querySelector("h1")) return;
        watch.disconnect();
        var now = app.querySelectorAll("button, a, h1");
        var same = function (at) {
          return at !== null && now[at.i] && now[at.i].textContent === at.text ? now[at.i] : null;
        };
        var target = same(focused);
        var press = same(pressed);
        if (target && !press) {
          target.focus();
          // The game puts the focus on its heading as its screen appears,
          // which on a slow device can come a moment after the screen:
          // then it goes back where the player was. Only the title's own
          // heading, and only until the player acts: a dialog they open
          // puts the focus on its heading, which is where it belongs.
          var heading = app.querySelector("h1");
          var back = function (e) {
            if (e.target === heading) target.focus();
          };
          var done = function () {
            document.removeEventListener("focusin", back);
            document.removeEventListener("keydown", done, true);
            document.removeEventListener("pointerdown", done, true);
          };
          document.addEventListener("focusin", back);
          document.addEventListener("keydown", done, true);
          document.addEventListener("pointerdown", done, true);
          setTimeout(done, 1000);
        }
        if (press) press.click();
      });
      watch.observe(app, { childList: true });
    });
  }
  // Calls `then` once the game's own screen is in its element (which the
  // rest of the game replaces with one of its own as it takes over).
  function drawn(then) {
    var watch = new MutationObserver(check);
    function check() {
      var app = document.getElementById("app");
      if (!app || !app.firstElementChild || document.getElementById("first")) return;
      watch.disconnect();
      then();
    }
    watch.observe(document.body, { childList: true, subtree: true });
    check();
  }
  function primary(tag) {
    return String(tag).split(/[-_]/)[0].toLowerCase();
  }
  function root() {
    return document.documentElement;
  }
  // Where `n` is among the copy's buttons, links and heading, and what it
  // says: the game's title has the same, in the same order. (The game may
  // open elsewhere, at a link's address: then nothing there says the same.)
  function place(screen, n) {
    var all = screen.querySelectorAll("button, a, h1");
    for (var i = 0; i < all.length; i++) if (all[i] === n) return { i: i, text: n.textContent };
    return null;
  }
  // Nothing of the game's kept on this device, and a device that asks for
  // no other language of the game's before English.
  function fresh() {
    try {
      for (var i = 0; i < localStorage.length; i++) {
        if (String(localStorage.key(i)).indexOf("once-sent.") === 0) return false;
      }
    } catch (e) {
      // Storage the browser blocks: the game can keep nothing either.
    }
    // The game's other languages are the ones with words of their own
    // named in the page (<meta name="once-sent-pack" content="cy/core …">).
    var others = {};
    var named = document.querySelectorAll('meta[name="once-sent-pack"]');
    for (var k = 0; k < named.length; k++) {
      var pack = String(named[k].getAttribute("content")).split(" ")[0].split("/");
      if (pack[1] === "core") others[primary(pack[0])] = true;
    }
    var langs = (navigator.languages || []).concat([navigator.language || ""]);
    for (var j = 0; j < langs.length; j++) {
      if (primary(langs[j]) === primary(root().lang)) return true;
      if (others[primary(langs[j])]) return false;
    }
    return true;
  }
})();

// The core of the end-to-end tests in Firefox ESR and WebKit (Safari's
// engine, as on every iPad), beside the full set in Chromium (tests/e2e):
// a playthrough to an ending by pointer and by keyboard, the map drawing,
// Explore's address, Assembly's two windows, Welsh, Help and Quick exit,
// Settings, offline after one visit, a cache cleared under a live service
// worker, the wasm fetched once, and a new version waiting for the old tabs.
// ENGINES=firefox (or webkit) runs one engine alone.
import { after, afterEach, before, describe, test as nodeTest } from "node:test";
import assert from "node:assert/strict";
import { cp, mkdir, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { serveFolder } from "../../scripts/serve-folder.mjs";
import { ENGINES, PHONE, PROJECTOR, launch } from "./drive.mjs";

// A test that hangs (a browser that stops answering its driver) fails in
// the end, rather than holding the test command for ever.
const test = (name, fn) => nodeTest(name, { timeout: 180_000 }, fn);

const DIST = resolve(import.meta.dirname, "../../dist");
const ARTIFACTS = resolve(import.meta.dirname, "../e2e/artifacts");
const QUICK_EXIT = "https://www.bbc.co.uk/weather";
const HELP = "Where help is";

/** Plays on from wherever the game is to an ending, by pointer; at the picture, `choice`. */
async function playByPointer(tab, choice, onScreen = async () => {}) {
  for (let step = 0; step < 60; step++) {
    const heading = await tab.heading();
    await onScreen(heading);
    const on = await tab.js(() => ({
      help: [...document.querySelectorAll("#app h2")].some((h) => h.textContent === "Where help is"),
      unlock: !!document.querySelector("button.unlock"),
      chat: !!document.querySelector("button.open-chat"),
      next: [...document.querySelectorAll("#app button")].some((b) => b.textContent.trim() === "Next"),
      photo: !!document.querySelector(".photo-card"),
    }));
    if (on.help) return heading;
    if (on.unlock) await tab.click("button.unlock");
    else if (on.chat) await tab.click("button.open-chat");
    else if (on.next) await tab.clickText("Next");
    else if (on.photo) await tab.clickText(choice, ".choice");
    else await tab.click(".choice");
    await tab.waitFor((h) => document.querySelector("#app h1")?.textContent !== h, heading, { timeout: 15_000 });
  }
  throw new Error("never reached an ending");
}

/** The same by keyboard alone: Tab to the control, Enter. */
async function playByKeyboard(tab, choice) {
  for (let step = 0; step < 60; step++) {
    const heading = await tab.heading();
    const on = await tab.js(() => ({
      help: [...document.querySelectorAll("#app h2")].some((h) => h.textContent === "Where help is"),
      focused: document.activeElement?.tagName,
      unlock: !!document.querySelector("button.unlock"),
      chat: document.querySelector("button.open-chat")?.textContent.trim(),
      next: [...document.querySelectorAll("#app button")].some((b) => b.textContent.trim() === "Next"),
      photo: !!document.querySelector(".photo-card"),
      first: document.querySelector(".choice")?.textContent.trim(),
    }));
    if (on.help) return heading;
    assert.equal(on.focused, "H1", `focus starts on the heading of "${heading}"`);
    if (on.unlock) await tab.tabTo("Unlock");
    else if (on.chat) await tab.tabTo(on.chat);
    else if (on.next) await tab.tabTo("Next");
    else if (on.photo) await tab.tabTo(choice);
    else await tab.tabTo(on.first);
    await tab.waitFor((h) => document.querySelector("#app h1")?.textContent !== h, heading, { timeout: 15_000 });
  }
  throw new Error("never reached an ending by keyboard");
}

/** Start, then the character called `name`. */
async function startAs(tab, name) {
  await tab.clickText("Start");
  await tab.waitHeading("Who are you?");
  await tab.click(`.card .face-${name.toLowerCase()}`);
  await tab.waitFor(() => !!document.querySelector("button.unlock"));
}

for (const engine of ENGINES) {
  describe(engine, () => {
    let browser;
    let server;
    const requests = [];
    before(async () => {
      await mkdir(ARTIFACTS, { recursive: true });
      server = await serveFolder(DIST, { requests });
      browser = await launch(engine);
      console.log(`${engine} ${browser.version}`);
    });
    after(async () => {
      await browser?.close();
      await server?.close();
    });
    // A test that fails before it closes what it opened must not hold its
    // session (WebKitWebDriver has room for one): every test after it
    // would fail for that alone.
    const live = new Set();
    const fresh = async (viewport) => {
      const opened = await browser.context(viewport);
      const close = opened.close;
      opened.close = async () => {
        live.delete(opened);
        await close();
      };
      live.add(opened);
      return opened;
    };
    afterEach(async () => {
      for (const opened of [...live]) await opened.close().catch(() => {});
    });

    /**
     * A fresh context with one tab at the game's address (+ `hash`), once
     * the game's own first screen is there (not the title the page shows
     * until the game starts, whose controls the game takes out).
     */
    async function open(hash = "", viewport = PHONE) {
      const context = await fresh(viewport);
      await context.tab.goto(server.url + hash);
      await context.tab.started();
      return context;
    }

    test("a first visit fetches the wasm once (and the offline copies once)", async () => {
      requests.length = 0;
      const { tab, close } = await open();
      await tab.waitHeading("Once Sent");
      // The title the page showed first is gone, one copy of the game's in its place.
      assert.deepEqual(
        await tab.js(() => [document.querySelectorAll("#app h1").length, document.querySelectorAll("#app .content-note").length, document.documentElement.hasAttribute("data-first")]),
        [1, 1, false],
      );
      // The service worker keeps its copy while the page plays.
      await tab.waitFor(async () => !!(await navigator.serviceWorker.ready), { timeout: 15_000 });
      await new Promise((r) => setTimeout(r, 2000));
      // The first part of the game by the page, and each part's offline
      // copy (the rest of the game's too) by the worker.
      const wasm = requests.filter((p) => p.endsWith(".wasm"));
      const first = wasm.filter((p) => !p.includes("once-sent-whole-"));
      const rest = wasm.filter((p) => p.includes("once-sent-whole-"));
      assert.ok(first.length >= 1 && first.length <= 2, `the first part was fetched ${first.length} times: ${wasm.join(" ")}`);
      assert.ok(rest.length <= 1, `the rest of the game was fetched ${rest.length} times: ${wasm.join(" ")}`);
      assert.deepEqual(await tab.errors(), []);
      await close();
    });

    test("with the game's file not coming, the title in the page shows, and Escape leaves", async () => {
      // A host that never sends the wasm: the page's own title is all there is.
      const stuck = await serveFolder(DIST);
      stuck.setTrouble(/_bg\.wasm$/, "hang");
      const { tab, close } = await fresh();
      try {
        await tab.goto(stuck.url);
        // (Seen: laid out, and not hidden while the page is still read.)
        await tab.waitFor(() => {
          const h1 = document.querySelector("#first h1");
          return h1?.offsetParent != null && getComputedStyle(h1).visibility === "visible";
        }, { timeout: 15_000 });
        const shown = await tab.js(() => {
          const seen = (el) => el?.offsetParent != null && getComputedStyle(el).visibility === "visible";
          return {
            headings: document.querySelectorAll("#app h1").length,
            note: document.querySelector("#first .content-note")?.textContent ?? "",
            exit: seen(document.querySelector("#first .top-bar .exit")),
          };
        });
        assert.equal(shown.headings, 1);
        assert.match(shown.note, /0800 1111/);
        assert.equal(shown.exit, true, "Quick exit on screen");
        await tab.screenshot(join(ARTIFACTS, `${engine}-phone-first-held.png`));
        await tab.press("Escape");
        assert.ok(!(await tab.leave(stuck.url)).startsWith(stuck.url), "Escape left the page");
      } finally {
        await close();
        await stuck.close();
      }
    });

    test("a playthrough by pointer to an ending, the map drawing on the way", async () => {
      const { tab, close } = await open("", PROJECTOR);
      await startAs(tab, "Sam");
      let drew = false;
      const ending = await playByPointer(tab, "Send it to Noah", async (heading) => {
        if (heading !== "What happened next") return;
        // Pixels on the map's canvas: people drawn, not an empty box.
        drew = await tab.waitFor(() => {
          const c = document.querySelector(".spread-map canvas");
          if (!c || !c.width) return false;
          const d = c.getContext("2d").getImageData(0, 0, c.width, c.height).data;
          const colours = new Set();
          for (let i = 0; i < d.length; i += 4 * 97) colours.add(`${d[i]},${d[i + 1]},${d[i + 2]}`);
          return colours.size >= 3;
        }, { timeout: 20_000 });
        await tab.screenshot(join(ARTIFACTS, `${engine}-projector-map.png`));
      });
      assert.ok(drew, "the map drew");
      assert.equal(ending, "Your ending: you passed it on");
      assert.match(await tab.js(() => document.body.textContent), /0800 1111/);
      await tab.screenshot(join(ARTIFACTS, `${engine}-projector-ending.png`));
      assert.deepEqual(await tab.errors(), []);
      await close();
    });

    test("a playthrough by keyboard alone to an ending", async () => {
      const { tab, close } = await open();
      await tab.waitHeading("Once Sent");
      await tab.tabTo("Start");
      await tab.waitHeading("Who are you?");
      await tab.tabTo("Priya");
      await tab.waitFor(() => !!document.querySelector("button.unlock"));
      const ending = await playByKeyboard(tab, "Tell an adult I trust");
      assert.equal(ending, "Your ending: you spoke up");
      await tab.screenshot(join(ARTIFACTS, `${engine}-phone-ending.png`));
      assert.deepEqual(await tab.errors(), []);
      await close();
    });

    test("Explore reads its address, names a bad value, and writes the address back", async () => {
      const { tab, close } = await open("#explore?forward=30&contacts=abc&scale=class");
      await tab.waitHeading("Explore: how a picture spreads");
      assert.equal(await tab.js(() => document.querySelector("#forward").value), "30");
      const alerts = await tab.js(() => [...document.querySelectorAll("#app [role=alert]")].map((a) => a.textContent));
      assert.equal(alerts.length, 1, alerts.join(" | "));
      assert.match(alerts[0], /“contacts=abc”/);
      await tab.waitFor(() => /^#explore\?forward=30&contacts=2&.*scale=class/.test(location.hash));
      await tab.screenshot(join(ARTIFACTS, `${engine}-phone-explore.png`));
      assert.deepEqual(await tab.errors(), []);
      await close();
    });

    test("Assembly's two windows keep in step", async () => {
      const context = await fresh(PROJECTOR);
      const presenter = context.tab;
      await presenter.goto(`${server.url}#assembly`);
      await presenter.waitHeading("Assembly: presenter view");
      const audience = await context.open(PROJECTOR);
      await audience.goto(`${server.url}#assembly?view=audience`);
      const at = (tab) => tab.js(() => document.querySelector(".stage")?.dataset.at);
      await audience.waitFor(() => document.querySelector(".stage")?.dataset.at === "intro");
      for (const want of ["pick", "vote pick"]) {
        await presenter.clickText("Next");
        await presenter.waitFor((w) => document.querySelector(".stage")?.dataset.at === w, want);
        await audience.waitFor((w) => document.querySelector(".stage")?.dataset.at === w, want, { timeout: 5000 });
      }
      assert.equal(await at(audience), "vote pick");
      assert.match(await audience.js(() => document.querySelector(".vote-options").textContent), /Sam.*Priya.*Alex/);
      await audience.screenshot(join(ARTIFACTS, `${engine}-projector-audience-vote.png`));
      assert.deepEqual([...(await presenter.errors()), ...(await audience.errors())], []);
      await context.close();
    });

    test("Welsh, from the title, and back", async () => {
      const { tab, close } = await open();
      await tab.clickText("Cymraeg");
      await tab.waitFor(() => document.documentElement.lang === "cy");
      await tab.waitFor(() => [...document.querySelectorAll("button")].some((b) => b.textContent.trim() === "Dechrau"));
      await tab.screenshot(join(ARTIFACTS, `${engine}-phone-cy-title.png`));
      await tab.clickText("English");
      await tab.waitFor(() => document.documentElement.lang === "en-GB");
      assert.deepEqual(await tab.errors(), []);
      await close();
    });

    test("Help from a scene; Quick exit leaves, and Back does not return", async () => {
      const context = await fresh();
      const { tab, close } = context;
      await tab.goto("about:blank");
      await tab.goto(server.url);
      await tab.started();
      await startAs(tab, "Alex");
      await tab.clickText("Help");
      await tab.waitHeading("Help");
      assert.match(await tab.js(() => document.body.textContent), /0800 1111.*CEOP/s);
      await tab.clickText("Back to the game");
      await tab.waitFor(() => !!document.querySelector("button.unlock"));
      await tab.clickText("Quick exit");
      // The everyday page is not on this machine's network: what matters is
      // that the game is gone, and not one Back away.
      const left = await tab.leave(server.url);
      assert.ok(!left.startsWith(server.url), `still on the game: ${left}`);
      await tab.back();
      assert.ok(!(await tab.url()).startsWith(server.url), "Back returned to the game");
      await close();
    });

    test("closing Settings leaves the bar with Help and Quick exit on screen", async () => {
      const { tab, close } = await open();
      await tab.click('.top-bar button[aria-label="Settings"]');
      await tab.waitHeading("Settings");
      await tab.clickText("Done");
      await tab.waitHeading("Once Sent");
      const top = await tab.js(() => {
        const r = [...document.querySelectorAll("button")].find((b) => b.textContent.trim() === "Quick exit").getBoundingClientRect();
        return { y: r.top, bottom: r.bottom, height: innerHeight, scroll: scrollY };
      });
      assert.ok(top.y >= 0 && top.bottom <= top.height, JSON.stringify(top));
      assert.deepEqual(await tab.errors(), []);
      await close();
    });

    test("offline after one visit; a cleared cache goes to the network, or says it is offline", async () => {
      const { tab, close } = await open();
      await tab.waitHeading("Once Sent");
      await tab.waitFor(() => navigator.serviceWorker.controller !== null, { timeout: 20_000 });
      // Offline: the kept files play.
      server.setDown(true);
      try {
        await tab.reload();
        await tab.waitHeading("Once Sent");
        await startAs(tab, "Sam");
        await tab.click("button.unlock");
        await tab.waitHeading("The class group chat, Christmas Day");
      } finally {
        server.setDown(false);
      }
      // The cache cleared under the live worker: the network answers.
      const clear = () => tab.js(async () => { for (const k of await caches.keys()) await caches.delete(k); return true; });
      await clear();
      await tab.reload();
      await tab.waitFor(() => !!document.querySelector("#app h1"), { timeout: 20_000 });
      // And cleared with no network: a page that says so, never an empty one.
      await clear();
      server.setDown(true);
      try {
        await tab.reload();
        await tab.waitFor(() => /offline/.test(document.body?.textContent ?? ""), { timeout: 15_000 });
        assert.match(await tab.js(() => document.body.textContent), /0800 1111/);
        assert.equal(await tab.js(() => document.querySelector("a[data-quick-exit]")?.getAttribute("href")), QUICK_EXIT);
        await tab.screenshot(join(ARTIFACTS, `${engine}-phone-offline-cleared.png`));
      } finally {
        server.setDown(false);
      }
      await close();
    });

    test("a new version waits until the old one's tabs are closed", async () => {
      // A copy of the build that can be changed as a deploy would change it.
      const copy = join(tmpdir(), `once-sent-${engine}-${process.pid}`);
      await rm(copy, { recursive: true, force: true });
      await cp(DIST, copy, { recursive: true });
      const site = await serveFolder(copy);
      const context = await fresh();
      try {
        const first = context.tab;
        await first.goto(site.url);
        await first.waitFor(() => navigator.serviceWorker.controller !== null, { timeout: 20_000 });
        const versions = (tab) => tab.js(async () => (await caches.keys()).filter((k) => k.startsWith("once-sent-")).sort());
        const old = await versions(first);
        assert.equal(old.length, 1, old.join(" "));
        // A new build is deployed while the game is open.
        const NEW = "once-sent-0000000000000000";
        const sw = await readFile(join(copy, "sw.js"), "utf8");
        const changed = sw.replace(/(const CACHE\s*=\s*)"once-sent-[0-9a-f]+"/, `$1"${NEW}"`);
        assert.notEqual(changed, sw, "the service worker names its cache as the build writes it");
        await writeFile(join(copy, "sw.js"), changed);
        // A second tab finds it, and it waits: the open game is not changed.
        const second = await context.open();
        await second.goto(site.url);
        await second.waitFor(() => navigator.serviceWorker.getRegistration().then((r) => !!(r?.waiting || r?.installing)), { timeout: 20_000 });
        assert.ok((await versions(second)).includes(old[0]), "the old version still answers the open tabs");
        assert.equal(await first.heading(), "Once Sent", "the first tab plays on");
        // Once every tab of the old version is closed, the next visit has
        // the new one (a third tab is kept open on nothing, for the engine's
        // session to live on).
        const third = await context.open();
        await third.goto("about:blank");
        await first.close();
        await second.close();
        await third.goto(site.url);
        await third.waitFor(async (v) => (await caches.keys()).includes(v), NEW, { timeout: 20_000 });
        await third.waitFor(async (v) => !(await caches.keys()).includes(v), old[0], { timeout: 20_000 });
      } finally {
        await context.close();
        await site.close();
        await rm(copy, { recursive: true, force: true });
      }
    });
  });
}

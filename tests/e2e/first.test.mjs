// The title screen is in the page itself (scripts/first-screen.mjs): a
// first visit reads it, and can leave by Quick exit, while the WebAssembly
// is still on its way; then the game takes it over, with one copy of each
// thing at every moment, and nothing moves.
import { test } from "node:test";
import assert from "node:assert/strict";
import { ARTIFACTS, DIST, PHONE, PROJECTOR, QUICK_EXIT, openPage, tabTo, violations, withBrowser } from "./harness.mjs";
import { serveFolder } from "../../scripts/serve-folder.mjs";
import { word } from "./words.mjs";

const env = withBrowser();

/**
 * Holds the game's WebAssembly until `release()` is called: for the whole
 * browser context (a page's own route can miss a request once the page
 * has a DevTools session of its own, as for a slow device).
 */
async function holdWasm(page) {
  let release;
  let asked;
  const held = new Promise((r) => (release = r));
  const whenAsked = new Promise((r) => (asked = r));
  await page.context().route("**/*_bg.wasm", async (route) => {
    asked();
    await held;
    await route.continue();
  });
  return { release: () => release(), asked: whenAsked };
}

/**
 * A first visit with the game's WebAssembly held, at the title in the page:
 * `before(page)` runs once the hold is in place, before the page loads.
 */
async function heldTitle({ viewport, before } = {}) {
  const opened = await openPage(env.browser, null, viewport ? { viewport } : {});
  const wasm = await holdWasm(opened.page);
  await before?.(opened.page);
  await opened.page.goto(env.server.url);
  await opened.page.locator("#first h1").waitFor();
  return { ...opened, wasm };
}

/** A processor `rate` times slower, as on a slow phone. */
async function slower(page, rate) {
  await (await page.context().newCDPSession(page)).send("Emulation.setCPUThrottlingRate", { rate });
}

/** What a screen reader and the eye get of the title: one of each. */
async function counts(page) {
  return page.evaluate(() => ({
    headings: document.querySelectorAll("#app h1").length,
    notes: document.querySelectorAll("#app .content-note").length,
    exits: document.querySelectorAll("#app .top-bar .exit").length,
    copy: document.querySelectorAll("#first").length,
  }));
}

/** Where the things that must not move are on screen. */
const places = (page) =>
  page.evaluate(() =>
    ["#app h1", "#app .content-note", "#app .top-bar .exit", "#app .doors button.primary", "#app .guides"].map((s) => {
      const r = document.querySelector(s).getBoundingClientRect();
      return `${s} ${Math.round(r.x)},${Math.round(r.y)} ${Math.round(r.width)}x${Math.round(r.height)}`;
    }),
  );

/** The markup of what shows in the game's element, without what only the copy has. */
const markup = (page) =>
  page.evaluate(() => {
    const app = document.getElementById("app").cloneNode(true);
    const first = app.querySelector("#first");
    if (first) {
      first.querySelector(".first-waiting").remove();
      first.querySelector(".first-end").remove();
      first.querySelector("[data-quick-exit]").removeAttribute("data-quick-exit");
      first.replaceWith(...first.childNodes);
    }
    return app.innerHTML;
  });

for (const [size, viewport] of [["phone", PHONE], ["projector", PROJECTOR]]) {
  test(`with the WebAssembly held, the title is on screen at ${size} size, and the game takes it over with one copy`, async () => {
    const { context, page, problems, wasm } = await heldTitle({ viewport });
    const heading = page.getByRole("heading", { level: 1, name: word("en-GB", "ui.title") });
    await heading.waitFor();
    // The game's file is asked for (after the title is on screen), and held.
    await wasm.asked;
    assert.equal(await page.locator("#first").isVisible(), true);
    await page.getByRole("heading", { name: word("en-GB", "ui.content_note.heading") }).waitFor();
    assert.match(await page.locator("#app .content-note").textContent(), /0800 1111/);
    assert.equal(await page.getByRole("button", { name: word("en-GB", "ui.quick_exit.label") }).isVisible(), true);
    assert.deepEqual(await counts(page), { headings: 1, notes: 1, exits: 1, copy: 1 });
    assert.deepEqual(await violations(page), [], "the copy passes the WCAG checks");
    await page.screenshot({ path: `${ARTIFACTS}/first-held-${size}.png` });
    const before = await places(page);
    const copy = await markup(page);

    wasm.release();
    await page.locator("#first").waitFor({ state: "detached" });
    await heading.waitFor();
    assert.deepEqual(await counts(page), { headings: 1, notes: 1, exits: 1, copy: 0 });
    assert.equal(await page.evaluate(() => document.documentElement.hasAttribute("data-first")), false);
    assert.equal(await markup(page), copy, "the game draws what the copy showed");
    assert.deepEqual(await places(page), before, "nothing moved when the game took over");
    assert.deepEqual(problems, []);
    await context.close();
  });
}

test("with the WebAssembly held, Quick exit and Escape leave from the title in the page", async () => {
  for (const how of ["button", "Escape"]) {
    const { context, page } = await heldTitle({
      before: (page) =>
        page.route("https://www.bbc.co.uk/**", (route) =>
          route.fulfill({ status: 200, contentType: "text/html", body: "<title>Weather</title><p>Sunny</p>" }),
        ),
    });
    const entries = await page.evaluate(() => history.length);
    if (how === "button") await page.getByRole("button", { name: word("en-GB", "ui.quick_exit.label") }).click();
    else await page.keyboard.press("Escape");
    await page.waitForURL(QUICK_EXIT);
    // Replaced, not pushed: Back does not return to the game.
    assert.equal(await page.evaluate(() => history.length), entries, how);
    await context.close();
  }
});

test("pressed before the game has started: a word that it is coming, then the game does it", async () => {
  const { context, page, problems, wasm } = await heldTitle();
  // Start pressed: the game opens the story, as its own Start would.
  const waiting = page.getByRole("status");
  await page.getByRole("button", { name: word("en-GB", "ui.start"), exact: true }).click();
  await waiting.filter({ hasText: word("en-GB", "ui.first.waiting") }).waitFor();
  assert.equal(await waiting.isVisible(), true);
  await page.screenshot({ path: `${ARTIFACTS}/first-waiting-phone.png` });
  wasm.release();
  await page.getByRole("heading", { name: "Who are you?" }).waitFor();
  assert.equal(await page.locator("#first").count(), 0);
  assert.deepEqual(problems, []);
  await context.close();
});

test("the keyboard's place moves over to the game's own title, on a slow device too", async () => {
  // A slow phone: the game's first screen takes longer than a frame, and
  // its heading takes the focus a moment after the screen is there.
  const { context, page, wasm } = await heldTitle({
    before: (page) => slower(page, 6),
  });
  const explore = word("en-GB", "ui.explore.open");
  await tabTo(page, explore);
  assert.equal(await page.evaluate(() => document.activeElement.closest("#first") !== null), true);
  wasm.release();
  await page.locator("#first").waitFor({ state: "detached" });
  await page
    .waitForFunction((name) => document.activeElement?.textContent === name, explore, { timeout: 5000 })
    .catch(async () => assert.fail(`focus is on ${await page.evaluate(() => document.activeElement?.outerHTML)}`));
  // And on from there, in the game's own title.
  await page.keyboard.press("Enter");
  await page.waitForURL(/#explore$/);
  await context.close();
});

test("a dialog opened by keyboard as the game takes over keeps the focus, on a slow device too", async () => {
  // On a slow phone the game's title puts the focus on its heading a
  // moment after its screen is there, and boot.js puts it back where the
  // player was. A player quick on the keys has already moved on: Settings,
  // whose dialog puts the focus on its own heading, which must stay there.
  const { context, page, problems, wasm } = await heldTitle({
    before: (page) => slower(page, 6),
  });
  const settings = word("en-GB", "ui.settings.open");
  await tabTo(page, settings);
  assert.equal(await page.evaluate(() => document.activeElement.closest("#first") !== null), true);
  wasm.release();
  await page.locator("#first").waitFor({ state: "detached" });
  await page.waitForFunction((name) => document.activeElement?.getAttribute("aria-label") === name, settings);
  await page.keyboard.press("Enter");
  await page.getByRole("dialog", { name: settings }).waitFor();
  // Past the second in which boot.js would put the focus back.
  await page.waitForTimeout(1500);
  assert.equal(await page.evaluate(() => document.activeElement?.id), "settings-heading");
  assert.deepEqual(problems, []);
  await context.close();
});

test("a visitor with something kept, or at another door, waits for the game's own first screen", async () => {
  for (const [what, setUp, path] of [
    ["a setting kept", () => localStorage.setItem("once-sent.v1.settings", "once-sent settings 1\ncontrast high"), ""],
    ["a Welsh device", null, ""],
    ["Explore's address", null, "#explore"],
  ]) {
    const { context, page } = await openPage(env.browser, null, what === "a Welsh device" ? { locale: "cy" } : {});
    const wasm = await holdWasm(page);
    if (setUp) await page.addInitScript(setUp);
    await page.goto(env.server.url + path);
    await page.waitForLoadState("domcontentloaded");
    assert.equal(await page.locator("#first").isVisible(), false, what);
    assert.equal(await page.locator("#app h1").isVisible(), false, what);
    wasm.release();
    await page.locator("#app h1").first().waitFor();
    assert.equal(await page.locator("#first").count(), 0, what);
    await context.close();
  }
});

test("a link pressed before the game has started opens its door, and no button pressed before it is pressed after", async () => {
  const { context, page, problems, wasm } = await heldTitle();
  await page.getByRole("button", { name: word("en-GB", "ui.start"), exact: true }).click();
  await page.getByRole("link", { name: word("en-GB", "guide.teachers_open") }).click();
  await page.waitForURL(/#teachers$/);
  wasm.release();
  await page.locator("#first").waitFor({ state: "detached" });
  await page.getByRole("button", { name: word("en-GB", "guide.back") }).first().waitFor();
  // A frame for a press that must not come.
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
  assert.match(page.url(), /#teachers$/);
  assert.equal(await page.getByRole("heading", { name: "Who are you?" }).count(), 0);
  assert.deepEqual(problems, []);
  await context.close();
});

test("the game's file waits for the first paint however late the browser reports it, so that the title in the page is what is painted first", async () => {
  // A device busy as the page loads may paint nothing for seconds: a
  // browser whose report of its first paint comes 600 ms late stands in.
  const LATE_MS = 600;
  const { context, page, problems } = await openPage(env.browser, null);
  await page.addInitScript((late) => {
    const Real = PerformanceObserver;
    window.PerformanceObserver = class extends Real {
      constructor(heard) {
        super((list, observer) => setTimeout(() => heard(list, observer), late));
      }
    };
  }, LATE_MS);
  await page.goto(env.server.url);
  await page.locator("#first").waitFor({ state: "detached" });
  const [paint, asked] = await page.evaluate(() => [
    performance.getEntriesByName("first-contentful-paint")[0]?.startTime,
    performance.getEntriesByType("resource").find((r) => r.name.endsWith("_bg.wasm"))?.startTime,
  ]);
  assert.ok(paint > 0 && asked > 0, `a paint (${paint}) and the game's file (${asked})`);
  assert.ok(asked >= paint + LATE_MS, `the game's file was asked for at ${asked} ms, before the first paint (at ${paint} ms) was reported`);
  assert.deepEqual(problems, []);
  await context.close();
});

test("the page is painted, with its title, before the game's file is asked for", async () => {
  // Also on a slow phone (a processor four times slower, as a page audit
  // takes it), where the page is read in pieces and painted between them:
  // every paint of the title's largest part so far comes before the wasm
  // is asked for, not only the first paint of its top bar.
  for (const rate of [1, 1, 4]) {
    const { context, page } = await openPage(env.browser, null);
    // The title's paints are those before the game took it over (an
    // entry can arrive after its element has left the page, so it is
    // known by its time, not by its element).
    await page.addInitScript(() => {
      window.largest = [];
      new PerformanceObserver((list) => {
        for (const e of list.getEntries()) window.largest.push(e.startTime);
      }).observe({ type: "largest-contentful-paint", buffered: true });
      new MutationObserver((_, watch) => {
        if (document.getElementById("app") && !document.getElementById("first") && document.readyState !== "loading") {
          window.tookOver = performance.now();
          watch.disconnect();
        }
      }).observe(document, { childList: true, subtree: true });
    });
    if (rate > 1) await slower(page, rate);
    await page.goto(env.server.url);
    await page.locator("#first").waitFor({ state: "detached" });
    // (A frame more, for the last entries to arrive.)
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => setTimeout(r))));
    const [paint, asked, largest, tookOver] = await page.evaluate(() => [
      performance.getEntriesByName("first-contentful-paint")[0]?.startTime,
      performance.getEntriesByType("resource").find((r) => r.name.endsWith("_bg.wasm"))?.startTime,
      window.largest,
      window.tookOver,
    ]);
    assert.ok(paint > 0 && asked > 0, `a paint (${paint}) and the game's file (${asked})`);
    assert.ok(asked >= paint, `the game's file was asked for at ${asked} ms, before the first paint at ${paint} ms`);
    const title = largest.filter((at) => at < tookOver);
    assert.ok(title.length > 0, `the title's largest paint was seen: ${largest} (the game took over at ${tookOver} ms)`);
    for (const at of title) assert.ok(at <= asked, `at ${rate}x: the title's largest part painted at ${at} ms, after the game's file was asked for at ${asked} ms`);
    await context.close();
  }
});

test("a page that arrives in pieces shows its bar at once and the title only once it is whole, so that nothing on it moves", async () => {
  // Over a slow network (or on a slow device, which reads a page in pieces
  // and paints between them) the title, centred on the screen, would grow
  // from its middle as it arrived, and move.
  env.server.setSplit("/", 'class="content-note"', 700);
  try {
    const { context, page, problems } = await openPage(env.browser, null);
    const wasm = await holdWasm(page);
    await page.addInitScript(() => {
      window.shifts = [];
      new PerformanceObserver((list) => {
        for (const e of list.getEntries()) window.shifts.push(e.sources.map((s) => s.node?.nodeName ?? "?").join(" "));
      }).observe({ type: "layout-shift", buffered: true });
    });
    await page.goto(env.server.url, { waitUntil: "commit" });
    const exit = page.getByRole("button", { name: word("en-GB", "ui.quick_exit.label") });
    await exit.waitFor();
    // Painted with the first piece alone: Quick exit is there to press.
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
    assert.equal(await page.locator("#first .content-note").count(), 0, "the second piece has not come yet");
    assert.equal(await exit.isVisible(), true);
    assert.equal(await page.locator("#first h1").isVisible(), false, "the title waits for the rest of itself");
    await page.locator("#first h1").waitFor({ state: "visible" });
    await page.screenshot({ path: `${ARTIFACTS}/first-in-pieces.png` });
    wasm.release();
    await page.locator("#first").waitFor({ state: "detached" });
    await page.locator("#app h1").waitFor();
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => setTimeout(r))));
    assert.deepEqual(await page.evaluate(() => window.shifts), [], "nothing moved");
    assert.deepEqual(problems, []);
    await context.close();
  } finally {
    env.server.setSplit(null);
  }
});

test("the game takes the title over in tasks of its own after it has started, so that no one task keeps the page busy for long", async () => {
  const { context, page, problems } = await openPage(env.browser, null);
  await page.addInitScript(() => {
    window.seen = [];
    const copy = () => (document.getElementById("first") ? "copy" : "game");
    addEventListener("TrunkApplicationStarted", () => {
      // Started: the copy is still there, in this task and in the next.
      window.seen.push(copy());
      setTimeout(() => window.seen.push(copy()));
    });
  });
  await page.goto(env.server.url);
  await page.locator("#first").waitFor({ state: "detached" });
  await page.locator("#app h1").waitFor();
  assert.deepEqual(await page.evaluate(() => window.seen), ["copy", "copy"]);
  assert.deepEqual(problems, []);
  await context.close();
});

test("the offline copy is fetched only once the game has drawn its own first screen, on a slow device too", async () => {
  // The service worker fetches every file of the game as it installs.
  const asked = [];
  const server = await serveFolder(DIST, { requests: { push: (path) => asked.push([path, Date.now()]) } });
  try {
    for (const at of ["", "#explore"]) {
      const { context, page, problems } = await openPage(env.browser, null);
      await slower(page, 4);
      await page.addInitScript(() => {
        new MutationObserver((_, watch) => {
          const app = document.getElementById("app");
          if (app?.firstElementChild && !document.getElementById("first")) {
            window.drawn = Date.now();
            watch.disconnect();
          }
        }).observe(document, { childList: true, subtree: true });
      });
      asked.length = 0;
      await page.goto(server.url + at);
      const registered = () => asked.find(([path]) => path === "/sw.js");
      for (let i = 0; i < 100 && !registered(); i++) await page.waitForTimeout(100);
      assert.ok(registered(), `the service worker was registered at ${at || "the title"}: ${asked.map(([p]) => p).join(" ")}`);
      const drawn = await page.evaluate(() => window.drawn);
      assert.ok(drawn > 0, "the game drew its own screen");
      assert.ok(registered()[1] >= drawn, `the service worker was asked for ${drawn - registered()[1]} ms before the game drew its own screen`);
      assert.deepEqual(problems, []);
      await context.close();
    }
  } finally {
    await server.close();
  }
});

// No blank pages: without JavaScript, without WebAssembly, or when the game
// cannot load or stops, the player reads what happened and what to do.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import { resolve } from "node:path";
import { ARTIFACTS, PHONE, PROJECTOR, QUICK_EXIT, openPage, withBrowser } from "./harness.mjs";
import { startAs } from "./story.mjs";

const env = withBrowser();

/** Breaks the game file, so that the game cannot start and the crash panel shows. */
const breakGame = (page) =>
  page.route("**/*.wasm", (route) =>
    route.fulfill({ status: 200, contentType: "application/wasm", body: Buffer.from("not wasm") }),
  );

/** Answers the neutral page locally: the tests never leave this machine. */
const fakeNeutralPage = (page) =>
  page.route("https://www.bbc.co.uk/**", (route) =>
    route.fulfill({ status: 200, contentType: "text/html", body: "<title>Weather</title><p>Sunny</p>" }),
  );

/** The game's own quick exit address, from the English catalogue. */
async function gameExit() {
  const toml = await readFile(resolve(import.meta.dirname, "../../assets/i18n/en-GB/ui.toml"), "utf8");
  const section = toml.slice(toml.indexOf("[ui.quick_exit]"));
  return section.match(/^url = "([^"]+)"/m)[1];
}

test("without JavaScript the page says the game needs it", async () => {
  const { context, page } = await openPage(env.browser, env.server.url, { javaScriptEnabled: false });
  assert.match(await page.textContent("body"), /needs JavaScript/);
  assert.match(await page.textContent("body"), /0800 1111/);
  // Not the title screen in the page: its buttons need the game.
  assert.equal(await page.locator("#first").isVisible(), false);
  await context.close();
});

test("without WebAssembly the page says the browser is too old", async () => {
  const { context, page } = await openPage(env.browser, null);
  await page.addInitScript(() => {
    delete globalThis.WebAssembly;
  });
  await page.goto(env.server.url);
  const message = page.getByRole("heading", { name: "Once Sent" });
  await message.waitFor();
  assert.match(await page.locator("#no-wasm").textContent(), /lacks WebAssembly/);
  assert.equal(await page.locator("#no-wasm").isVisible(), true);
  assert.equal(await page.locator("#crash").isVisible(), false);
  assert.equal(await page.locator("#first").isVisible(), false, "the title in the page, whose buttons need the game");
  await context.close();
});

test("a game file that will not load shows the crash message, not a blank page", async () => {
  const { context, page } = await openPage(env.browser, null);
  await page.route("**/*.wasm", (route) =>
    route.fulfill({ status: 200, contentType: "application/wasm", body: Buffer.from("not wasm") }),
  );
  await page.goto(env.server.url);
  const alert = page.getByRole("alert");
  await alert.waitFor();
  assert.match(await alert.textContent(), /Something went wrong/);
  assert.match(await alert.textContent(), /Aeth rhywbeth o'i le/, "in Welsh too");
  assert.match(await alert.textContent(), /Reload the page/);
  await context.close();
});

test("a panic inside the game shows the crash message with its detail", async () => {
  const { context, page } = await openPage(env.browser, null);
  // A page without the game's root element: starting the game panics.
  await page.route(env.server.url, async (route) => {
    const response = await route.fetch();
    // (With the title screen the page shows until the game starts.)
    const html = (await response.text()).replace(/<main id="?app"?>[\s\S]*<\/main>/, "");
    assert.doesNotMatch(html, /id="?app"?/, "the root element is gone");
    await route.fulfill({ response, body: html });
  });
  await page.goto(env.server.url);
  const alert = page.getByRole("alert");
  await alert.waitFor();
  assert.match(await alert.textContent(), /Something went wrong/);
  assert.match(await page.locator("#crash-detail").textContent(), /index\.html has <main id="app">/);
  await context.close();
});

test("storage that throws leaves the game playable, without saving", async () => {
  const { context, page } = await openPage(env.browser, null);
  await page.addInitScript(() => {
    Storage.prototype.setItem = () => {
      throw new DOMException("blocked", "QuotaExceededError");
    };
  });
  await page.goto(env.server.url);
  await startAs(page, "Sam");
  await page.getByRole("button", { name: "Unlock" }).click();
  await page.locator(".choice").first().click();
  await page.getByRole("heading", { name: "Your chat with Ellie, Christmas afternoon" }).waitFor();
  assert.equal(await page.getByRole("alert").count(), 0);
  await context.close();
});

test("issue 15: every message for when the game cannot run has Quick exit, to the game's own neutral page", async () => {
  const url = await gameExit();
  assert.equal(url, QUICK_EXIT, "the tests' own address agrees with the game's");
  const { context, page } = await openPage(env.browser, env.server.url);
  await page.getByRole("button", { name: "Start", exact: true }).waitFor();
  for (const message of ["#crash", "#no-wasm"]) {
    assert.equal(await page.locator(`${message} button.quick-exit`).getAttribute("data-quick-exit"), url, message);
  }
  await context.close();
  // Without JavaScript, a link.
  const plain = await openPage(env.browser, null, { javaScriptEnabled: false });
  await fakeNeutralPage(plain.page);
  await plain.page.goto(env.server.url);
  const link = plain.page.getByRole("link", { name: /Quick exit/ });
  assert.equal(await link.getAttribute("href"), url);
  await link.click();
  await plain.page.waitForURL(QUICK_EXIT);
  await plain.context.close();
});

for (const how of ["the button", "the Escape key"]) {
  test(`issue 15: the crash panel's Quick exit by ${how} leaves for the neutral page, and Back does not return to it`, async () => {
    const { context, page, problems } = await openPage(env.browser, null);
    await breakGame(page);
    await fakeNeutralPage(page);
    await page.goto("about:blank");
    await page.goto(env.server.url);
    const alert = page.getByRole("alert");
    await alert.waitFor();
    // The game's space is really hidden behind the panel.
    assert.equal(await page.locator("#app").isVisible(), false, "#app is hidden");
    const exit = alert.getByRole("button", { name: /Quick exit/ });
    assert.match(await exit.textContent(), /Gadael yn gyflym/, "in Welsh too");
    if (how === "the button") await exit.click();
    else await page.keyboard.press("Escape");
    await page.waitForURL(QUICK_EXIT);
    assert.match(await page.textContent("body"), /Sunny/);
    await page.goBack();
    assert.ok(!page.url().startsWith(env.server.url), `Back returned to the crash: ${page.url()}`);
    // What the broken game file itself says, and nothing else.
    assert.deepEqual(problems.filter((p) => !/WebAssembly|wasm/i.test(p)), []);
    await context.close();
  });
}

test("issue 15: when the game stops, the crash panel hides it, and its Quick exit looks like the game's", async () => {
  for (const [size, viewport] of [["phone", PHONE], ["projector", PROJECTOR]]) {
    const { context, page } = await openPage(env.browser, null, { viewport });
    await fakeNeutralPage(page);
    await page.goto(env.server.url);
    await page.getByRole("button", { name: "Start", exact: true }).waitFor();
    const barExit = page.locator(".top-bar .exit");
    // The game's own red, read from the style sheet on a screen with the bar.
    await page.goto(`${env.server.url}#privacy`);
    // The game's own bar, not the one of the title in the page before it.
    await page.locator("#first").waitFor({ state: "detached" });
    // The page's own heading: the rest of the game has taken over (the bar
    // of the screen before it, while the rest came, is gone).
    await page.locator("#app h1").waitFor();
    await barExit.waitFor();
    const red = await barExit.evaluate((b) => getComputedStyle(b).backgroundColor);
    // The game stops: the panel shows, the game does not.
    await page.evaluate(() => {
      setTimeout(() => {
        throw new Error("a test's deliberate stop");
      });
    });
    const alert = page.getByRole("alert");
    await alert.waitFor();
    assert.equal(await page.locator("#app").isVisible(), false, "#app is hidden");
    const exit = alert.getByRole("button", { name: /Quick exit/ });
    assert.equal(await exit.evaluate((b) => getComputedStyle(b).backgroundColor), red, "the same red as the game's");
    const box = await exit.boundingBox();
    assert.ok(box.height >= 24 && box.y < viewport.height, "on screen, and big enough to press");
    await page.screenshot({ path: `${ARTIFACTS}/${size}-crash-panel.png` });
    let leavings = 0;
    page.on("request", (r) => {
      if (r.isNavigationRequest() && r.url().startsWith("https://www.bbc.co.uk/")) leavings += 1;
    });
    await page.keyboard.press("Escape");
    await page.waitForURL(QUICK_EXIT);
    assert.match(await page.textContent("body"), /Sunny/);
    // The panel's Escape and the game's (still listening) must not both
    // leave: the second cuts the first short.
    assert.equal(leavings, 1, "one leaving, not two");
    await context.close();
  }
});

// No blank pages: without JavaScript, without WebAssembly, or when the game
// cannot load or stops, the player reads what happened and what to do.
import { test } from "node:test";
import assert from "node:assert/strict";
import { openPage, withBrowser } from "./harness.mjs";
import { startAs } from "./story.mjs";

const env = withBrowser();

test("without JavaScript the page says the game needs it", async () => {
  const { context, page } = await openPage(env.browser, env.server.url, { javaScriptEnabled: false });
  assert.match(await page.textContent("body"), /needs JavaScript/);
  assert.match(await page.textContent("body"), /0800 1111/);
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
    const html = (await response.text()).replace(/<main id="?app"?><\/main>/, "");
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

// Offline: once loaded, the game keeps every file of its version and plays
// to an ending with no network at all; it can be installed (a manifest
// with icons at 192 and 512); and the page carries a strict
// Content-Security-Policy that nothing in the game breaks.
import { test } from "node:test";
import assert from "node:assert/strict";
import { resolve } from "node:path";
import { stat } from "node:fs/promises";
import { PHONE, PROJECTOR, openPage, withBrowser } from "./harness.mjs";
import { playToEnding, startAs } from "./story.mjs";
import { word } from "./words.mjs";

const env = withBrowser();

test("load once, go offline, reload, and play to an ending", async () => {
  const { context, page, problems } = await openPage(env.browser, env.server.url, { viewport: PHONE });
  await page.getByRole("heading", { level: 1, name: "Once Sent" }).waitFor();
  await page.evaluate(() => navigator.serviceWorker.ready);
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
  await context.setOffline(true);
  await page.reload();
  await page.getByRole("heading", { level: 1, name: "Once Sent" }).waitFor();
  await startAs(page, "Sam");
  await playToEnding(page, "Just delete it");
  assert.match(await page.textContent("main"), /0800 1111/);
  // Explore and the guides work offline too.
  await page.goto(`${env.server.url}#explore?scale=school`);
  await page.getByRole("heading", { level: 1, name: "Explore: how a picture spreads" }).waitFor();
  await page.goto(`${env.server.url}#teachers`);
  await page.getByRole("heading", { level: 1, name: "For teachers" }).waitFor();
  // Welsh, never fetched before, comes from the kept files.
  await page.getByRole("button", { name: "Settings" }).click();
  await page.getByRole("radio", { name: "Cymraeg" }).check();
  await page.getByRole("dialog", { name: word("cy", "ui.settings.heading") }).waitFor();
  assert.deepEqual(problems, []);
  await context.close();
});

test("the game can be installed, and says what it may load", async () => {
  const { context, page, problems } = await openPage(env.browser, env.server.url, { viewport: PHONE });
  await page.getByRole("heading", { level: 1, name: "Once Sent" }).waitFor();
  const manifest = await page.evaluate(async () => (await fetch(document.querySelector("link[rel=manifest]").href)).json());
  assert.equal(manifest.name, "Once Sent");
  assert.equal(manifest.display, "standalone");
  const sizes = manifest.icons.map((i) => i.sizes);
  assert.ok(sizes.includes("192x192") && sizes.includes("512x512"), sizes.join(" "));
  for (const icon of manifest.icons) {
    const ok = await page.evaluate(async (src) => (await fetch(src)).ok, icon.src);
    assert.ok(ok, icon.src);
  }
  const csp = await page.locator("meta[http-equiv=Content-Security-Policy]").getAttribute("content");
  assert.match(csp, /default-src 'none'/);
  assert.match(csp, /script-src 'self' 'wasm-unsafe-eval' 'sha256-[A-Za-z0-9+/=]+'/);
  assert.doesNotMatch(csp, /'unsafe-inline'|'unsafe-eval'/);
  // The service worker's list is the build's own files.
  const sw = await page.evaluate(async () => (await fetch("sw.js")).text());
  const wasm = await page.evaluate(() => [...document.querySelectorAll("link[rel=preload]")].map((l) => l.getAttribute("href")));
  for (const file of wasm) assert.ok(sw.includes(file.replace(/^\.\//, "./")), `${file} is precached`);
  assert.deepEqual(problems, []);
  await context.close();
});

/** The single-file edition, written beside the build. */
const SINGLE = resolve(import.meta.dirname, "../../target/single/once-sent.html");

test("the single-file edition opens from disk and plays to an ending", async () => {
  const size = (await stat(SINGLE)).size;
  console.log(`single-file edition: ${(size / 1000).toFixed(0)} KB`);
  const { context, page, problems } = await openPage(env.browser, `file://${SINGLE}`, { viewport: PROJECTOR });
  await page.getByRole("heading", { level: 1, name: "Once Sent" }).waitFor();
  assert.equal(await page.locator("link[href], script[src]").count(), 0, "nothing loaded from beside it");
  await startAs(page, "Priya");
  await playToEnding(page, "Tell an adult I trust");
  assert.match(await page.textContent("main"), /0800 1111/);
  // Welsh is inside the file too.
  await page.getByRole("button", { name: word("en-GB", "ui.settings.open") }).click();
  await page.getByRole("radio", { name: "Cymraeg" }).check();
  await page.getByRole("dialog", { name: word("cy", "ui.settings.heading") }).waitFor();
  assert.equal(await page.evaluate(() => document.documentElement.lang), "cy");
  assert.deepEqual(problems, []);
  await context.close();
});

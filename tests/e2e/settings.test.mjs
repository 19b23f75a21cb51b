// Settings, from the bar above every screen: text size, movement, contrast
// and spacing, set by keyboard alone, applied at once, kept on this device,
// and honoured by every screen (reflow at 200% text, a still map and still
// typing dots under less movement).
import { test } from "node:test";
import assert from "node:assert/strict";
import { ARTIFACTS, PHONE, PROJECTOR, gameTitle, openPage, tabTo, violations, withBrowser } from "./harness.mjs";
import { playToEnding, startAs } from "./story.mjs";
import { showing } from "./map.mjs";

const env = withBrowser();
const KEY = "once-sent.v1.settings";
const keep = (page, text) => page.addInitScript(([k, t]) => localStorage.setItem(k, t), [KEY, text]);
const html = (page, name) => page.evaluate((n) => document.documentElement.getAttribute(n), name);
const rootPx = (page) => page.evaluate(() => parseFloat(getComputedStyle(document.documentElement).fontSize));

test("every setting by keyboard alone: applied at once, kept after a reload, cleared by Forget everything", async () => {
  const { context, page, problems } = await openPage(env.browser, env.server.url, { viewport: PHONE });
  await page.getByRole("heading", { level: 1, name: "Once Sent" }).waitFor();
  const normal = await rootPx(page);
  await tabTo(page, "Settings");
  await page.keyboard.press("Enter");
  const dialog = page.getByRole("dialog", { name: "Settings" });
  await dialog.waitFor();
  // Focus starts at the dialog's heading, so Tab goes on from the top.
  assert.equal(await page.evaluate(() => document.activeElement.id), "settings-heading");
  assert.deepEqual(await violations(page), []);

  // Radio groups move with the arrow keys, as everywhere on the web.
  await tabTo(page, "100%");
  for (let i = 0; i < 4; i++) await page.keyboard.press("ArrowDown");
  assert.equal(await html(page, "data-text"), "200");
  assert.equal(await rootPx(page), normal * 2, "the text doubles");
  await tabTo(page, "As this device is set");
  await page.keyboard.press("ArrowDown");
  assert.equal(await html(page, "data-motion"), "reduce");
  await tabTo(page, "High contrast");
  await page.keyboard.press("Space");
  assert.equal(await html(page, "data-contrast"), "high");
  await tabTo(page, "Wider spacing");
  await page.keyboard.press("Space");
  assert.equal(await html(page, "data-spacing"), "wide");
  const spacing = await page.evaluate(() => getComputedStyle(document.querySelector(".settings p")).letterSpacing);
  assert.notEqual(spacing, "normal");
  assert.deepEqual(await violations(page), [], "the settings screen, all set");
  await page.screenshot({ path: `${ARTIFACTS}/phone-settings-all-set.png`, fullPage: true });
  await tabTo(page, "Done");
  await page.keyboard.press("Enter");
  await page.getByRole("heading", { level: 1, name: "Once Sent" }).waitFor();
  assert.deepEqual(await violations(page), [], "the title in high contrast, wide spacing, 200% text");

  await page.reload();
  await page.getByRole("heading", { level: 1, name: "Once Sent" }).waitFor();
  assert.equal(await html(page, "data-text"), "200", "kept after a reload");
  assert.equal(await html(page, "data-motion"), "reduce");
  assert.equal(await html(page, "data-contrast"), "high");
  assert.equal(await html(page, "data-spacing"), "wide");

  await page.goto(`${env.server.url}#privacy`);
  await page.getByRole("button", { name: "Forget everything" }).click();
  await page.waitForFunction((k) => localStorage.getItem(k) === null, KEY);
  await page.reload();
  await page.getByRole("heading", { level: 1 }).first().waitFor();
  assert.equal(await html(page, "data-text"), null, "forgotten");
  assert.deepEqual(problems, []);
  await context.close();
});

test("at 200% text every screen of a playthrough reflows at 320 px and passes axe", async () => {
  const { context, page, problems } = await openPage(env.browser, null, { viewport: { width: 320, height: 568 } });
  await keep(page, "once-sent settings 1\ntext 200");
  await page.goto(env.server.url);
  await page.getByRole("heading", { level: 1, name: "Once Sent" }).waitFor();
  const found = [];
  const check = async (p) => {
    const heading = await p.locator("#app h1").first().textContent();
    const width = await p.evaluate(() => document.documentElement.scrollWidth);
    if (width > 320) found.push(`${heading}: ${width}px wide`);
    for (const v of await violations(p)) found.push(`${heading}: ${v}`);
  };
  await check(page);
  await startAs(page, "Sam");
  await playToEnding(page, "Tell an adult I trust", check);
  assert.deepEqual(found, []);
  assert.deepEqual(problems, []);
  await context.close();
});

test("screenshots at 200% text, at phone and projector sizes", async () => {
  for (const [size, viewport] of [["phone", PHONE], ["projector", PROJECTOR]]) {
    const { context, page } = await openPage(env.browser, null, { viewport });
    await keep(page, "once-sent settings 1\ntext 200");
    await page.goto(env.server.url);
    await page.getByRole("heading", { level: 1, name: "Once Sent" }).waitFor();
    await page.screenshot({ path: `${ARTIFACTS}/${size}-200-title.png` });
    await startAs(page, "Priya");
    await playToEnding(page, "Report the post", async (p) => {
      if (await p.locator(".photo-card").count()) await p.screenshot({ path: `${ARTIFACTS}/${size}-200-the-post.png` });
    });
    await page.screenshot({ path: `${ARTIFACTS}/${size}-200-ending.png` });
    await context.close();
  }
});

test("less movement from Settings: the map waits and the typing dots stand still; full movement overrides the device", async () => {
  // Less movement, chosen in Settings on a device that does not ask for it.
  let { context, page, problems } = await openPage(env.browser, null, { viewport: PHONE });
  await keep(page, "once-sent settings 1\nmotion reduce");
  await page.goto(env.server.url);
  await startAs(page, "Alex");
  const dots = page.locator(".dots span").first();
  const seen = [];
  await playToEnding(page, "Just delete it", async (p) => {
    if (await dots.count()) seen.push(await dots.evaluate((d) => getComputedStyle(d).animationName));
    if (await p.locator(".spread-map").count() && !seen.includes("map")) {
      seen.push("map");
      await showing(p, "The moment it was posted");
      await p.waitForTimeout(1500);
      assert.equal(await p.locator(".map-time").textContent(), "The moment it was posted", "it played by itself");
      assert.equal(await p.getByRole("button", { name: "Play" }).getAttribute("aria-pressed"), "false");
    }
  });
  assert.ok(seen.includes("map"), "the story showed the map");
  assert.ok(seen.length > 1 && seen.filter((s) => s !== "map").every((s) => s === "none"), `dots: ${seen}`);
  assert.deepEqual(problems, []);
  await context.close();

  // Full movement, chosen in Settings on a device that asks for less.
  ({ context, page, problems } = await openPage(env.browser, null, { viewport: PHONE, reducedMotion: "reduce" }));
  await page.goto(env.server.url);
  await gameTitle(page);
  assert.equal(await html(page, "data-motion"), "reduce", "the device's own setting is followed");
  await page.getByRole("button", { name: "Settings" }).click();
  await page.getByRole("radio", { name: "Full movement" }).check();
  assert.equal(await html(page, "data-motion"), null);
  await page.getByRole("button", { name: "Done" }).click();
  await startAs(page, "Alex");
  let played = false;
  await playToEnding(page, "Just delete it", async (p) => {
    if (!played && await p.locator(".spread-map").count()) {
      played = true;
      await p.waitForFunction(() => document.querySelector(".map-time")?.textContent !== "The moment it was posted");
    }
  });
  assert.ok(played);
  assert.deepEqual(problems, []);
  await context.close();
});

test("settings that cannot be read are put aside: the game starts with the defaults", async () => {
  for (const spoiled of ["garbage", "once-sent settings 1\ntext 9999\nlang xx", "x".repeat(5000)]) {
    const { context, page, problems } = await openPage(env.browser, null, { viewport: PHONE });
    await keep(page, spoiled);
    await page.goto(env.server.url);
    await page.getByRole("heading", { level: 1, name: "Once Sent" }).waitFor();
    assert.equal(await html(page, "data-text"), null, spoiled.slice(0, 30));
    assert.equal(await html(page, "lang"), "en-GB");
    assert.deepEqual(problems, []);
    await context.close();
  }
});

// Issue 16: closing Settings (long, so its Done button is far down) left the
// title scrolled with the bar, Help and Quick exit off screen.
test("closing Settings leaves the bar with Help and Quick exit on screen", async () => {
  const { context, page, problems } = await openPage(env.browser, env.server.url, { viewport: PHONE });
  await page.getByRole("heading", { level: 1, name: "Once Sent" }).waitFor();
  await page.getByRole("button", { name: "Settings" }).click();
  const done = page.getByRole("button", { name: "Done" });
  await done.scrollIntoViewIfNeeded();
  assert.ok(await page.evaluate(() => scrollY > 0), "Settings is longer than a phone's screen");
  await done.click();
  await page.getByRole("heading", { level: 1, name: "Once Sent" }).waitFor();
  const exit = await page.getByRole("button", { name: "Quick exit" }).boundingBox();
  assert.ok(exit.y >= 0 && exit.y + exit.height <= PHONE.height, `Quick exit at ${exit.y}`);
  assert.equal(await page.evaluate(() => scrollY), 0);
  assert.deepEqual(problems, []);
  await context.close();
});

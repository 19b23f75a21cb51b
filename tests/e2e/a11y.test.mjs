// Every screen passes axe-core's WCAG 2.x A and AA rules, at phone and
// projector sizes, on a whole playthrough.
import { test } from "node:test";
import assert from "node:assert/strict";
import { PHONE, PROJECTOR, openPage, violations, withBrowser } from "./harness.mjs";
import { playToEnding } from "./story.mjs";
import { toTheEnd } from "./map.mjs";

const env = withBrowser();

for (const [size, viewport] of [["phone", PHONE], ["projector", PROJECTOR]]) {
  test(`every screen of a playthrough has no WCAG A or AA violations at ${size} size`, async () => {
    const { context, page } = await openPage(env.browser, env.server.url, { viewport });
    await page.getByRole("heading", { level: 1, name: "Once Sent" }).waitFor();
    const found = [];
    const check = async (p) => {
      const heading = await p.locator("#app h1").first().textContent();
      for (const v of await violations(p)) found.push(`${heading}: ${v}`);
    };
    await check(page);
    await page.getByRole("button", { name: "Help", exact: true }).click();
    await page.getByRole("dialog", { name: "Help" }).waitFor();
    await check(page);
    await page.getByRole("button", { name: "Back to the game" }).click();
    await page.getByRole("button", { name: "Start", exact: true }).click();
    await page.getByRole("heading", { name: "Who are you?" }).waitFor();
    await check(page);
    await page.getByRole("button", { name: /^Priya/ }).click();
    // Two paths between them: keeping a copy, and passing it on (with the police).
    await playToEnding(page, size === "phone" ? "Screenshot it before it's deleted" : "Share it with the bus stop crew", check);
    assert.deepEqual(found, []);
    await context.close();
  });
}

test("the save notice has no WCAG A or AA violations", async () => {
  const { context, page } = await openPage(env.browser, null);
  await page.addInitScript(() => localStorage.setItem("once-sent.v1.save", "garbage"));
  await page.goto(env.server.url);
  await page.getByRole("status").waitFor();
  assert.deepEqual(await violations(page), []);
  await context.close();
});

test("every screen reflows at 320 px wide with no sideways scrolling", async () => {
  const { context, page } = await openPage(env.browser, env.server.url, { viewport: { width: 320, height: 568 } });
  const wide = [];
  const check = async (p) => {
    const width = await p.evaluate(() => document.documentElement.scrollWidth);
    if (width > 320) wide.push(`${await p.locator("#app h1").first().textContent()}: ${width}px`);
  };
  await page.getByRole("heading", { level: 1, name: "Once Sent" }).waitFor();
  await check(page);
  await page.getByRole("button", { name: "Start", exact: true }).click();
  await page.getByRole("heading", { name: "Who are you?" }).waitFor();
  await check(page);
  await page.getByRole("button", { name: /^Alex/ }).click();
  await playToEnding(page, "Share it with the bus stop crew", check);
  assert.deepEqual(wide, []);
  await context.close();
});

test("Explore has no WCAG A or AA violations and reflows at 320 px, with a bad address and a kept run", async () => {
  for (const viewport of [PHONE, PROJECTOR, { width: 320, height: 568 }]) {
    const url = `${env.server.url}#explore?forward=abc&scale=class`;
    const { context, page } = await openPage(env.browser, url, { viewport });
    await page.getByRole("heading", { level: 1, name: "Explore: how a picture spreads" }).waitFor();
    await page.getByRole("button", { name: "Try this" }).first().click();
    await toTheEnd(page);
    await page.getByRole("button", { name: "Keep this run to compare" }).click();
    for (const summary of await page.locator("#app details summary").all()) await summary.click();
    await page.getByRole("combobox", { name: "How many people" }).selectOption({ label: "A school (1,260)" });
    await page.getByRole("button", { name: "Your school" }).click();
    await page.getByRole("img", { name: /map of the young people/ }).waitFor();
    assert.deepEqual(await violations(page), [], `at ${viewport.width}x${viewport.height}`);
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    assert.ok(width <= viewport.width, `${width}px wide at ${viewport.width}`);
    await context.close();
  }
});

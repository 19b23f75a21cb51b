// Every screen passes axe-core's WCAG 2.x A and AA rules, at phone and
// projector sizes.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { PHONE, PROJECTOR, openPage, withBrowser } from "./harness.mjs";

const AXE = await readFile(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");
const TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"];

const env = withBrowser();

async function violations(page) {
  await page.addScriptTag({ content: AXE });
  const result = await page.evaluate((tags) => globalThis.axe.run(document, { runOnly: { type: "tag", values: tags } }), TAGS);
  return result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
}

for (const [size, viewport] of [["phone", PHONE], ["projector", PROJECTOR]]) {
  test(`every screen has no WCAG A or AA violations at ${size} size`, async () => {
    const { context, page } = await openPage(env.browser, env.server.url, { viewport });
    const screens = [
      ["title", async () => page.getByRole("heading", { level: 1, name: "Once Sent" }).waitFor()],
      ["chat", async () => {
        await page.getByRole("button", { name: "Start" }).click();
        await page.getByRole("heading", { name: "The class group chat" }).waitFor();
      }],
      ["outcome", async () => {
        await page.getByRole("button", { name: "Forward it" }).click();
        await page.getByRole("heading", { name: "What happened next" }).waitFor();
      }],
      ["ending", async () => {
        await page.getByRole("button", { name: "Next" }).click();
        await page.getByRole("heading", { name: "Where help is" }).waitFor();
      }],
    ];
    for (const [name, reach] of screens) {
      await reach();
      assert.deepEqual(await violations(page), [], `${name} at ${size}`);
    }
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

// The packs of words (issue 17): the title waits for none, the rest come
// in the background, and a pack the server hangs on or fails never leaves
// a blank page: a notice within seconds, Quick exit all along, and Try
// again once the server answers.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { ARTIFACTS, DIST, PHONE, PROJECTOR, launch, openPage, violations } from "./harness.mjs";
import { serveFolder } from "../../scripts/serve-folder.mjs";
import { word } from "./words.mjs";

const en = (key) => word("en-GB", key);
const env = { server: null, browser: null, requests: [] };
before(async () => {
  env.server = await serveFolder(DIST, { requests: env.requests });
  env.browser = await launch();
});
after(async () => {
  await env.browser?.close();
  await env.server?.close();
});

// The game's words give up on a pack after 6 s; a notice must follow soon.
const NOTICE_WITHIN_MS = 9000;
const packsAsked = () => env.requests.filter((p) => p.startsWith("/i18n-"));

test("a first visit in English shows the title before any pack, then fetches the title's doors' packs in the background, each once", async () => {
  env.requests.length = 0;
  const { context, page, problems } = await openPage(env.browser, null, { viewport: PHONE, serviceWorkers: "block" });
  await page.goto(env.server.url);
  await page.getByRole("button", { name: en("ui.start"), exact: true }).waitFor();
  assert.deepEqual(packsAsked(), [], "the title waits for no pack");
  const styles = () => env.requests.filter((p) => p.startsWith("/doors-"));
  assert.deepEqual(styles(), [], "nor for Explore's and Assembly's styles");
  await page.waitForFunction(() => performance.getEntriesByType("resource").filter((r) => r.name.includes("/i18n-")).length >= 5);
  const asked = packsAsked();
  for (const pack of ["play", "story-once-sent", "guides", "explore", "assembly"]) {
    assert.equal(asked.filter((p) => p.startsWith(`/i18n-en-GB-${pack}-`)).length, 1, `${pack} once: ${asked}`);
  }
  assert.ok(!asked.some((p) => p.startsWith("/i18n-cy-")), "no Welsh for an English player");
  await page.waitForFunction(() => document.querySelector("link[data-door-styles]")?.sheet);
  assert.equal(styles().length, 1, `the doors' styles once, in the background: ${styles()}`);
  // Then Start plays at once, with the story's words already here.
  await page.getByRole("button", { name: en("ui.start"), exact: true }).click();
  await page.getByRole("heading", { name: en("ui.pick.heading") }).waitFor();
  assert.equal(packsAsked().length, asked.length, "nothing fetched twice");
  assert.deepEqual(problems, []);
  await context.close();
});

for (const how of ["hang", "fail"]) {
  test(`Start with the story's pack made to ${how} on the server: the title stays, a notice says so, Try again plays once it answers`, async () => {
    env.server.setTrouble(/^\/i18n-en-GB-story-/, how);
    const { context, page, problems } = await openPage(env.browser, null, { viewport: PHONE, serviceWorkers: "block" });
    try {
      await page.goto(env.server.url);
      await page.getByRole("button", { name: en("ui.start"), exact: true }).click();
      const started = Date.now();
      const failed = page.getByRole("status").filter({ hasText: en("ui.pack.failed") });
      await failed.waitFor({ timeout: NOTICE_WITHIN_MS });
      assert.ok(Date.now() - started < NOTICE_WITHIN_MS, `the notice after ${Date.now() - started} ms`);
      // Where the pupil was: the title, with Quick exit.
      await page.getByRole("heading", { name: en("ui.title"), level: 1 }).waitFor();
      await page.getByRole("button", { name: en("ui.quick_exit.label") }).waitFor();
      assert.deepEqual(await violations(page), []);
      await page.screenshot({ path: `${ARTIFACTS}/pack-${how}-title-notice.png` });
      env.server.setTrouble(null);
      await failed.getByRole("button", { name: en("ui.pack.retry") }).click();
      await page.getByRole("heading", { name: en("ui.pick.heading") }).waitFor();
      assert.deepEqual(problems.filter((p) => !/503|Failed to load resource/.test(p)), []);
    } finally {
      env.server.setTrouble(null);
      await context.close();
    }
  });
}

for (const [size, viewport] of [["phone", PHONE], ["projector", PROJECTOR]]) {
  test(`a guide opened by its address with its pack hung on the server, at ${size} size: the bar at once, then what went wrong with Try again, never a blank page`, async () => {
    env.server.setTrouble(/^\/i18n-en-GB-guides-/, "hang");
    const { context, page, problems } = await openPage(env.browser, null, { viewport, serviceWorkers: "block" });
    try {
      await page.goto(`${env.server.url}#teachers`);
      // While it is coming: the bar and a line saying so.
      await page.getByRole("button", { name: en("ui.quick_exit.label") }).waitFor({ timeout: 2000 });
      await page.getByText(en("ui.pack.loading")).waitFor({ timeout: 2000 });
      const started = Date.now();
      await page.getByRole("alert").getByText(en("ui.pack.failed")).waitFor({ timeout: NOTICE_WITHIN_MS });
      assert.ok(Date.now() - started < NOTICE_WITHIN_MS);
      await page.getByRole("button", { name: en("ui.pack.back") }).waitFor();
      assert.deepEqual(await violations(page), []);
      await page.screenshot({ path: `${ARTIFACTS}/pack-hung-guide-${size}.png` });
      env.server.setTrouble(null);
      await page.getByRole("button", { name: en("ui.pack.retry") }).click();
      await page.getByRole("heading", { name: word("en-GB", "guide.teachers.title"), level: 1 }).waitFor();
      assert.deepEqual(problems, []);
    } finally {
      env.server.setTrouble(null);
      await context.close();
    }
  });
}

test("Escape while a pack hangs leaves at once", async () => {
  env.server.setTrouble(/^\/i18n-en-GB-guides-/, "hang");
  const { context, page } = await openPage(env.browser, null, { viewport: PHONE, serviceWorkers: "block" });
  try {
    await page.route("https://www.bbc.co.uk/**", (route) =>
      route.fulfill({ status: 200, contentType: "text/html", body: "<title>Weather</title><p>Sunny</p>" }));
    await page.goto(`${env.server.url}#parents`);
    await page.getByText(en("ui.pack.loading")).waitFor({ timeout: 2000 });
    await page.keyboard.press("Escape");
    await page.waitForURL(/bbc\.co\.uk\/weather/);
  } finally {
    env.server.setTrouble(null);
    await context.close();
  }
});

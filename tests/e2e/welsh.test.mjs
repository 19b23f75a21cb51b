// The game in Welsh and in English: the switcher, remembered; a device set
// to Welsh starting in Welsh; and every screen of every door in both
// languages passing axe, with no key showing where a word should be.
import { test } from "node:test";
import assert from "node:assert/strict";
import { ARTIFACTS, PHONE, PROJECTOR, openPage, violations, withBrowser } from "./harness.mjs";
import { playToEnding, startAs } from "./story.mjs";
import { inLang, word } from "./words.mjs";
import * as hall from "./hall.mjs";

const env = withBrowser();
const cy = (key) => word("cy", key);
const inWelsh = (page) => page.addInitScript(() => localStorage.setItem("once-sent.v1.settings", "once-sent settings 1\nlang cy"));
const lang = (page) => page.evaluate(() => document.documentElement.lang);
// A catalogue key on screen is a word that was never found.
const keysShowing = (page) =>
  page.evaluate(() => (document.body.innerText.match(/\b(ui|scene|guide|quiz|poster|person|chat|chapter|check)\.[a-z_-]+(\.[a-z0-9_-]+)*\b/g) ?? []));

test("the language switch on the title: Welsh at once, remembered after a reload, and back", async () => {
  const { context, page, problems } = await openPage(env.browser, env.server.url, { viewport: PHONE });
  await page.getByRole("heading", { level: 1, name: "Once Sent" }).waitFor();
  assert.equal(await lang(page), "en-GB");
  const toWelsh = page.getByRole("button", { name: /^Cymraeg/ });
  assert.equal(await toWelsh.getAttribute("lang"), "cy", "the name is read out in its own language");
  await toWelsh.focus();
  await page.keyboard.press("Enter");
  await page.getByRole("button", { name: cy("ui.start"), exact: true }).waitFor();
  assert.equal(await lang(page), "cy");
  // Focus stays on the switch, now offering English.
  assert.equal(await page.evaluate(() => document.activeElement.textContent.trim()), "English");
  await page.reload();
  await page.getByRole("button", { name: cy("ui.start"), exact: true }).waitFor();
  assert.equal(await lang(page), "cy", "remembered");
  await page.getByRole("button", { name: /^English/ }).click();
  await page.getByRole("button", { name: "Start", exact: true }).waitFor();
  await page.reload();
  await page.getByRole("button", { name: "Start", exact: true }).waitFor();
  assert.equal(await lang(page), "en-GB");
  assert.deepEqual(problems, []);
  await context.close();
});

test("a device set to Welsh starts in Welsh; the choice in Settings wins over the device", async () => {
  const { context, page, problems } = await openPage(env.browser, env.server.url, { viewport: PHONE, locale: "cy-GB" });
  await page.getByRole("button", { name: cy("ui.start"), exact: true }).waitFor();
  assert.equal(await lang(page), "cy");
  await page.getByRole("button", { name: cy("ui.settings.open") }).click();
  await page.getByRole("dialog", { name: cy("ui.settings.heading") }).waitFor();
  await page.getByRole("radio", { name: "English" }).check();
  await page.getByRole("dialog", { name: "Settings" }).waitFor();
  await page.reload();
  await page.getByRole("button", { name: "Start", exact: true }).waitFor();
  assert.equal(await lang(page), "en-GB");
  assert.deepEqual(problems, []);
  await context.close();
});

test("Welsh is fetched only when chosen, each file once; a Welsh file that cannot be had leaves the game in English, saying so", async () => {
  let { context, page, problems } = await openPage(env.browser, null, { viewport: PHONE });
  const fetched = [];
  page.on("request", (r) => /i18n-cy-/.test(r.url()) && fetched.push(r.url()));
  await page.goto(env.server.url);
  await startAs(page, "Sam");
  await page.getByRole("button", { name: "Settings" }).click();
  await page.getByRole("dialog", { name: "Settings" }).waitFor();
  assert.deepEqual(fetched, [], "an English player never downloads the Welsh");
  await page.getByRole("radio", { name: "Cymraeg" }).check();
  await page.getByRole("dialog", { name: cy("ui.settings.heading") }).waitFor();
  await page.getByRole("radio", { name: "English" }).check();
  await page.getByRole("radio", { name: "Cymraeg" }).check();
  await page.getByRole("dialog", { name: cy("ui.settings.heading") }).waitFor();
  // Its core and the story's Welsh words (and, in the background, the
  // other doors' Welsh words), each once.
  assert.equal(new Set(fetched).size, fetched.length, `each fetched once: ${fetched}`);
  for (const pack of ["core", "story-once-sent"]) {
    assert.ok(fetched.some((u) => u.includes(`/i18n-cy-${pack}-`)), `${pack} fetched: ${fetched}`);
  }
  assert.deepEqual(problems, []);
  await context.close();

  // The file missing, or not a language file of this version: English stays.
  for (const answer of [{ status: 404, body: "not found" }, { status: 200, body: "ui.start\u001fDechrau\u001e" }]) {
    // (No service worker, whose kept copy would answer instead.)
    ({ context, page, problems } = await openPage(env.browser, null, { viewport: PHONE, serviceWorkers: "block" }));
    await page.route(/i18n-cy-/, (route) => route.fulfill({ ...answer, contentType: "text/plain" }));
    await page.goto(env.server.url);
    await page.getByRole("button", { name: /^Cymraeg/ }).click();
    const notice = page.getByRole("status").filter({ hasText: "Cymraeg" });
    await notice.waitFor();
    assert.match(await notice.textContent(), /could not be loaded/);
    assert.equal(await lang(page), "en-GB");
    await page.getByRole("button", { name: "Start", exact: true }).waitFor();
    assert.deepEqual(await violations(page), []);
    // Nothing is lost: the game goes on, in English.
    await startAs(page, "Alex");
    assert.deepEqual(problems.filter((p) => !/404|Failed to load resource/.test(p)), [], `${answer.status}`);
    await context.close();
  }
});

test("a device set to Welsh whose Welsh file cannot be had starts in English, and says so", async () => {
  const { context, page, problems } = await openPage(env.browser, null, { viewport: PHONE, locale: "cy-GB", serviceWorkers: "block" });
  await page.route(/i18n-cy-/, (route) => route.fulfill({ status: 404, body: "not found", contentType: "text/plain" }));
  await page.goto(env.server.url);
  await page.getByRole("button", { name: "Start", exact: true }).waitFor();
  assert.equal(await lang(page), "en-GB");
  assert.match(await page.getByRole("status").textContent(), /Cymraeg could not be loaded/);
  assert.deepEqual(problems.filter((p) => !/404|Failed to load resource/.test(p)), []);
  await context.close();
});

// Issue 15: a slow Welsh file never leaves the page blank. The game is
// drawn at once in English, switches when the file comes, gives up on one
// that never answers with a notice, and Quick exit works throughout.
for (const how of ["Settings", "the device"]) {
  test(`Welsh asked for by ${how}, its file slow or hung: never a blank page`, async () => {
    const open = async () => {
      const options = { viewport: PHONE, serviceWorkers: "block", ...(how === "the device" ? { locale: "cy-GB" } : {}) };
      const opened = await openPage(env.browser, null, options);
      if (how === "Settings") await inWelsh(opened.page);
      return opened;
    };
    // Slow: three seconds. English at once, then Welsh.
    let { context, page, problems } = await open();
    await page.route(/i18n-cy-/, async (route) => {
      await new Promise((r) => setTimeout(r, 3000));
      await route.continue();
    });
    const started = Date.now();
    await page.goto(env.server.url);
    await page.getByRole("button", { name: "Start", exact: true }).waitFor({ timeout: 2000 });
    assert.ok(Date.now() - started < 2500, `drawn after ${Date.now() - started} ms`);
    await page.getByRole("button", { name: cy("ui.start"), exact: true }).waitFor({ timeout: 6000 });
    assert.equal(await lang(page), "cy");
    assert.deepEqual(problems, []);
    await context.close();

    // Hung: the file never answers. English, Quick exit works while it
    // waits, and in the end the game says Welsh could not be had.
    ({ context, page, problems } = await open());
    await page.route(/i18n-cy-/, () => {});
    await page.goto(env.server.url);
    await page.getByRole("button", { name: "Start", exact: true }).waitFor({ timeout: 2000 });
    const notice = page.getByRole("status").filter({ hasText: "Cymraeg" });
    await notice.waitFor({ timeout: 10000 });
    assert.match(await notice.textContent(), /could not be loaded/);
    assert.equal(await lang(page), "en-GB");
    await startAs(page, "Priya");
    assert.deepEqual(problems, []);
    await context.close();

    // Escape while the file hangs leaves at once.
    ({ context, page } = await open());
    await page.route(/i18n-cy-/, () => {});
    await page.route("https://www.bbc.co.uk/**", (route) =>
      route.fulfill({ status: 200, contentType: "text/html", body: "<title>Weather</title><p>Sunny</p>" }));
    await page.goto(env.server.url);
    await page.getByRole("button", { name: "Start", exact: true }).waitFor({ timeout: 2000 });
    await page.keyboard.press("Escape");
    await page.waitForURL(/bbc\.co\.uk\/weather/);
    await context.close();
  });
}

test("in Assembly the projector's window follows the presenter's language and settings", async () => {
  const { context, page: presenter, problems } = await openPage(env.browser, `${env.server.url}#assembly`, { viewport: PROJECTOR });
  const audience = await context.newPage();
  await audience.goto(`${env.server.url}#assembly?view=audience`);
  await audience.locator("#app h1").first().waitFor();
  await presenter.getByRole("button", { name: "Settings" }).click();
  await presenter.getByRole("checkbox", { name: "High contrast" }).check();
  await presenter.getByRole("radio", { name: "Cymraeg" }).check();
  await presenter.getByRole("dialog", { name: cy("ui.settings.heading") }).waitFor();
  await audience.waitForFunction(() => document.documentElement.lang === "cy");
  assert.equal(await audience.evaluate(() => document.documentElement.dataset.contrast), "high");
  await audience.getByRole("heading", { name: cy("ui.content_note.heading") }).waitFor();
  assert.deepEqual(await violations(audience), []);
  await audience.screenshot({ path: `${ARTIFACTS}/cy-projector-audience-high-contrast.png` });
  assert.deepEqual(problems, []);
  await context.close();
});

for (const [size, viewport] of [["phone", PHONE], ["projector", PROJECTOR]]) {
  test(`every screen of a playthrough in Welsh at ${size} size: Welsh words, lang="cy", no WCAG violations`, async () => {
    const { context, page, problems } = await openPage(env.browser, null, { viewport });
    await inWelsh(page);
    await page.goto(env.server.url);
    await page.getByRole("button", { name: cy("ui.start"), exact: true }).waitFor();
    const found = [];
    let n = 0;
    const check = async (p) => {
      const heading = await p.locator("#app h1").first().textContent();
      for (const v of await violations(p)) found.push(`${heading}: ${v}`);
      for (const k of await keysShowing(p)) found.push(`${heading}: shows the key ${k}`);
      if ((await lang(p)) !== "cy") found.push(`${heading}: lang is ${await lang(p)}`);
      await p.screenshot({ path: `${ARTIFACTS}/cy-${size}-${String(n++).padStart(2, "0")}.png` });
    };
    await check(page);
    // Two paths between them: speaking up, and passing it on (with the police).
    await startAs(page, "Sam", "cy");
    await playToEnding(page, cy(size === "phone" ? "scene.the_post.choice.not_ok" : "scene.the_post.choice.to_bus"), check, "cy");
    assert.deepEqual(found, []);
    assert.deepEqual(problems, []);
    await context.close();
  });
}

for (const language of ["en-GB", "cy"]) {
  test(`Assembly in ${language}, by keys alone through the 50-minute lesson: every state of both views passes axe`, async () => {
    const { context, page: presenter, problems } = await openPage(env.browser, null, { viewport: PROJECTOR });
    if (language === "cy") await inWelsh(presenter);
    await presenter.goto(`${env.server.url}#assembly`);
    const audience = await context.newPage();
    await audience.goto(`${env.server.url}#assembly?view=audience`);
    const inStep = () => hall.inStep(presenter, audience);
    const press = (key) => hall.press(presenter, audience, key);
    await audience.locator(".stage").first().waitFor();
    await presenter.getByRole("button", { name: word(language, "order.lesson_50.title") }).click();
    const found = [];
    const scan = async (where) => {
      for (const [name, view] of [["presenter", presenter], ["audience", audience]]) {
        for (const v of await violations(view)) found.push(`${where} (${name}): ${v}`);
        for (const k of await keysShowing(view)) found.push(`${where} (${name}): shows the key ${k}`);
      }
    };
    await scan(await inStep());
    await scan(await press("b"));
    await press("ArrowRight");
    const seen = [];
    for (let step = 0; step < 150; step++) {
      const where = await inStep();
      seen.push(where);
      await scan(where);
      if (await audience.getByRole("heading", { name: word(language, "ui.assembly.hall_heading") }).count()) break;
      await press(where.startsWith("vote") ? "1" : "ArrowRight");
    }
    console.log(`${language}: ${seen.length} states scanned, on both views`);
    assert.ok(seen.some((w) => w.startsWith("prompt ")) && seen.some((w) => w.startsWith("vote")), seen.join(" "));
    assert.ok(await audience.getByRole("heading", { name: word(language, "ui.assembly.hall_heading") }).count(), "reached the ending");
    assert.deepEqual(found, []);
    assert.deepEqual(problems, []);
    await context.close();
  });
}

test("Explore in Welsh, with a bad address, a run to its end, a kept run and a school: no WCAG violations, reflow at 320 px", async () => {
  for (const viewport of [PHONE, PROJECTOR, { width: 320, height: 568 }]) {
    const { context, page, problems } = await openPage(env.browser, null, { viewport });
    await inWelsh(page);
    await page.goto(`${env.server.url}#explore?forward=abc&scale=class`);
    await page.getByRole("heading", { level: 1, name: cy("ui.explore.heading") }).waitFor();
    await page.getByRole("button", { name: inLang("cy", "Try this") }).first().click();
    await page.getByRole("slider", { name: inLang("cy", "Time since it was posted") }).focus();
    await page.keyboard.press("End");
    await page.waitForFunction(() => document.querySelector(".spread-map")?.getAttribute("aria-busy") === "false"
      && /10/.test(document.querySelector(".map-time")?.textContent));
    await page.getByRole("button", { name: inLang("cy", "Keep this run to compare") }).click();
    for (const summary of await page.locator("#app details summary").all()) await summary.click();
    await page.getByRole("combobox", { name: inLang("cy", "How many people") }).selectOption({ label: inLang("cy", "A school (1,260)") });
    await page.getByRole("button", { name: inLang("cy", "Your school") }).click();
    await page.getByRole("img", { name: inLang("cy", "A map of the young people in the simulation. Each mark is one person.") }).waitFor();
    assert.deepEqual(await violations(page), [], `at ${viewport.width}x${viewport.height}`);
    assert.deepEqual(await keysShowing(page), []);
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    assert.ok(width <= viewport.width, `${width}px wide at ${viewport.width}`);
    if (viewport.width !== 320) await page.screenshot({ path: `${ARTIFACTS}/cy-${viewport.width}-explore-kept.png`, fullPage: true });
    assert.deepEqual(problems, []);
    await context.close();
  }
});

// Every door of the game besides the story, and what opens over a screen.
const DOORS = ["#explore", "#assembly", "#assembly?view=audience", "#teachers", "#parents", "#letter", "#privacy",
  "#accessibility", "#quiz", "#quiz-paper", "#poster", "#together"];

for (const language of ["en-GB", "cy"]) {
  for (const [size, viewport] of [["phone", PHONE], ["projector", PROJECTOR]]) {
    test(`every door in ${language} at ${size} size, with Help and Settings open: no WCAG violations, no missing words`, async () => {
      const { context, page, problems } = await openPage(env.browser, null, { viewport });
      if (language === "cy") await inWelsh(page);
      const found = [];
      const check = async (name) => {
        await page.locator("#app h1").first().waitFor();
        for (const v of await violations(page)) found.push(`${name}: ${v}`);
        for (const k of await keysShowing(page)) found.push(`${name}: shows the key ${k}`);
        if ((await lang(page)) !== language) found.push(`${name}: lang is ${await lang(page)}`);
        if (language === "cy") await page.screenshot({ path: `${ARTIFACTS}/cy-${size}-door-${name.replace(/\W+/g, "-")}.png` });
      };
      for (const door of DOORS) {
        await page.goto(`${env.server.url}${door}`);
        await check(door);
      }
      await page.goto(env.server.url);
      for (const open of ["ui.help_page.open", "ui.settings.open"]) {
        await page.getByRole("button", { name: word(language, open), exact: true }).click();
        await page.getByRole("dialog").waitFor();
        await check(open);
        await page.getByRole("button", { name: word(language, open), exact: true }).click();
      }
      assert.deepEqual(found, []);
      assert.deepEqual(problems, []);
      await context.close();
    });
  }
}

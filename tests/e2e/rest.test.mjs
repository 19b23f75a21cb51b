// The game comes in two parts: the first load is the title; the rest of
// the game (the story itself, and every other door) is a file of its own,
// loaded as the player presses Start or goes through any other door, and
// then the game for the rest of the visit. The player sees a word that it
// is coming, with Quick exit; then the story started, or the door, with
// one of everything, their language, settings and story as they were; and
// if it cannot come, why, and Try again.
import { test } from "node:test";
import assert from "node:assert/strict";
import { ARTIFACTS, PROJECTOR, QUICK_EXIT, gameTitle, openPage, withBrowser } from "./harness.mjs";
import { CATALOGUE, structure } from "./paths.mjs";
import { playButton } from "./story.mjs";
import { storyWord, word } from "./words.mjs";

const env = withBrowser();
// The rest of the game's files, whatever the address says after them.
const REST = (url) => url.pathname.includes("/once-sent-whole-");

/** Holds the rest of the game's files until `release()`. */
async function holdRest(page) {
  let release;
  const held = new Promise((r) => (release = r));
  let asked = 0;
  await page.route(REST, async (route) => {
    asked += 1;
    await held;
    await route.continue();
  });
  return { release: () => release(), asked: () => asked };
}

/** One of each: the game's element, its heading, its bar's Quick exit. */
const counts = (page) =>
  page.evaluate(() => ({
    apps: document.querySelectorAll("#app").length,
    headings: document.querySelectorAll("#app h1").length,
    exits: document.querySelectorAll("#app .top-bar .exit").length,
  }));

test("Start loads the rest of the game, which takes over with the story started, in the language chosen, with one of everything", async () => {
  // No service worker: one that has taken the page answers from what it
  // kept, past the hold.
  const { context, page, problems } = await openPage(env.browser, env.server.url, { serviceWorkers: "block" });
  await gameTitle(page);
  const rest = await holdRest(page);
  assert.equal(rest.asked(), 0, "the title asks for the rest of the game");
  // In Welsh, chosen on the first part's title; then Start.
  await page.getByRole("button", { name: word("cy", "ui.settings.language_name"), exact: true }).click();
  await page.getByRole("heading", { level: 1, name: word("cy", "ui.title") }).waitFor();
  await page.getByRole("button", { name: word("cy", "ui.start"), exact: true }).click();
  await page.getByRole("status").filter({ hasText: word("cy", "ui.pack.loading") }).waitFor();
  const waiting = await counts(page);
  assert.deepEqual([waiting.apps, waiting.exits], [1, 1], "while it comes: one game, with Quick exit");
  assert.equal(await page.locator("#app .top-bar .exit").isVisible(), true);
  await page.screenshot({ path: `${ARTIFACTS}/rest-coming-phone.png` });
  // Asked for again while it comes (Start pressed again, Back and
  // Forward): it comes once.
  await page.evaluate(() => {
    window.onceSentRest();
    window.onceSentRest();
  });
  rest.release();
  // The story started, as Start asked: its first screen, in Welsh.
  await page.getByRole("heading", { level: 1, name: word("cy", "ui.pick.heading") }).waitFor();
  assert.deepEqual(await counts(page), { apps: 1, headings: 1, exits: 1 });
  assert.equal(await page.evaluate(() => document.activeElement?.tagName), "H1", "the focus on the story's heading");
  assert.equal(await page.evaluate(() => document.documentElement.lang), "cy");
  const files = await page.evaluate(() => performance.getEntriesByType("resource").map((r) => r.name).filter((n) => n.includes("once-sent-whole-")));
  assert.equal(files.length, 2, `the rest of the game fetched once: ${files}`);
  // A step in, a door, and back: where the player was, the whole game's
  // own doors asking for nothing more.
  await page.locator(".card").first().click();
  await page.waitForFunction((h) => document.querySelector("#app h1")?.textContent !== h, word("cy", "ui.pick.heading"));
  const inStory = await page.locator("#app h1").first().textContent();
  await page.evaluate(() => location.replace("#explore"));
  await page.getByRole("heading", { level: 1, name: word("cy", "ui.explore.heading") }).waitFor();
  await page.evaluate(() => location.replace("#"));
  await page.getByRole("heading", { level: 1, name: inStory }).waitFor();
  assert.equal(rest.asked(), 2, "the rest of the game asked for again");
  // A reload: the story under way is the rest of the game's to show.
  await page.reload();
  await page.getByRole("heading", { level: 1, name: inStory }).waitFor();
  assert.deepEqual(await counts(page), { apps: 1, headings: 1, exits: 1 });
  assert.deepEqual(problems, []);
  await context.close();
});

test("a story chosen from the catalogue is the one the rest of the game starts, even where storage keeps nothing", async () => {
  const { context, page, problems } = await openPage(env.browser, null, { serviceWorkers: "block" });
  await context.addInitScript(() => {
    const no = () => { throw new DOMException("blocked", "SecurityError"); };
    Object.defineProperty(window, "localStorage", { get: no });
  });
  await page.goto(env.server.url);
  await gameTitle(page);
  const [, second] = CATALOGUE;
  await playButton(page, second.id).click();
  await page.getByRole("heading", { level: 1, name: word("en-GB", "ui.pick.heading") }).waitFor();
  // Its own characters to play, each by name.
  for (const who of structure(second.id).players) {
    const name = storyWord("en-GB", second.id, `person.${who}.name`);
    assert.equal(await page.getByRole("button", { name: new RegExp(`^${name}\\b`) }).count(), 1, `${second.id}: ${name} to play`);
  }
  assert.deepEqual(await counts(page), { apps: 1, headings: 1, exits: 1 });
  assert.deepEqual(problems.filter((p) => !/storage|SecurityError/i.test(p)), []);
  await context.close();
});

test("a door the first part does not have loads the rest of the game, which opens it", async () => {
  const { context, page, problems } = await openPage(env.browser, env.server.url, { serviceWorkers: "block" });
  await gameTitle(page);
  const rest = await holdRest(page);
  await page.evaluate(() => location.replace("#explore"));
  await page.getByRole("status").filter({ hasText: word("en-GB", "ui.pack.loading") }).waitFor();
  assert.deepEqual((await counts(page)).exits, 1);
  rest.release();
  await page.getByRole("heading", { level: 1, name: word("en-GB", "ui.explore.heading") }).waitFor();
  assert.deepEqual(await counts(page), { apps: 1, headings: 1, exits: 1 });
  await page.screenshot({ path: `${ARTIFACTS}/rest-explore-phone.png` });
  assert.deepEqual(problems, []);
  await context.close();
});

test("after the rest of the game has taken over, Escape leaves once, for the neutral page, and Back does not return", async () => {
  const { context, page, problems } = await openPage(env.browser, `${env.server.url}#teachers`, { viewport: PROJECTOR });
  await page.route(`${QUICK_EXIT}*`, (route) => route.fulfill({ contentType: "text/html", body: "<title>Weather</title><p>Sunny</p>" }));
  await page.getByRole("heading", { level: 1, name: word("en-GB", "guide.teachers.title") }).waitFor();
  await page.screenshot({ path: `${ARTIFACTS}/rest-teachers-projector.png` });
  // Two Quick exits at once (the first part's and the whole game's) would
  // cut each other short: one leaving, in one entry of the history.
  const leaving = [];
  page.on("framenavigated", (f) => f === page.mainFrame() && leaving.push(f.url()));
  await page.keyboard.press("Escape");
  await page.waitForURL(QUICK_EXIT);
  assert.deepEqual(leaving, [QUICK_EXIT]);
  await page.goBack();
  assert.ok(!page.url().startsWith(env.server.url), `Back returned to the game: ${page.url()}`);
  assert.deepEqual(problems, []);
  await context.close();
});

test("a rest of the game that cannot be had says why, with Try again, and Try again brings it", async () => {
  // No service worker: one installed keeps every file, and answers Try
  // again from what it kept (as it should, but not what this tests).
  const { context, page, problems } = await openPage(env.browser, null, { serviceWorkers: "block" });
  await page.route(REST, (route) => route.abort());
  await page.goto(`${env.server.url}#assembly`);
  const alert = page.getByRole("alert");
  await alert.getByText(word("en-GB", "ui.pack.failed")).waitFor();
  assert.match(await alert.locator(".pack-problem").textContent(), /rest of the game could not be loaded/);
  assert.deepEqual(await counts(page), { apps: 1, headings: 1, exits: 1 });
  await page.screenshot({ path: `${ARTIFACTS}/rest-failed-phone.png` });
  // Still failing: still said, nothing else.
  await alert.getByRole("button", { name: word("en-GB", "ui.pack.retry") }).click();
  await alert.getByText(word("en-GB", "ui.pack.failed")).waitFor();
  await page.unroute(REST);
  await page.getByRole("button", { name: word("en-GB", "ui.pack.retry") }).click();
  await page.getByRole("heading", { level: 1, name: word("en-GB", "ui.assembly.presenter_heading") }).waitFor();
  // (The presenter's view has the stage's heading too, as the hall sees it.)
  const after = await counts(page);
  assert.deepEqual([after.apps, after.exits], [1, 1]);
  // The failed fetches are the console's only errors.
  assert.deepEqual(problems.filter((p) => !/once-sent-whole|rest of the game|Failed to fetch|net::ERR_FAILED|dynamically imported/i.test(p)), []);
  await context.close();
});

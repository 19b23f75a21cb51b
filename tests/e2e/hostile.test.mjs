// The game under hostile and clumsy use (issue 15): double and triple
// clicks, two tabs, Forget everything in another tab, full storage, Start
// again by mistake, and addresses that name no door. Nothing a pupil did is
// lost without a word.
import { test } from "node:test";
import assert from "node:assert/strict";
import { ARTIFACTS, PHONE, openPage, violations, withBrowser } from "./harness.mjs";
import { startAs } from "./story.mjs";

const env = withBrowser();
const SAVE = "once-sent.v1.save";
const saved = (page) => page.evaluate((k) => localStorage.getItem(k), SAVE);
const heading = (page) => page.locator("#app h1").first().textContent();
/** The choices the saved game has made, as "scene choice". */
const made = async (page) => ((await saved(page)) ?? "").split("\n").filter((l) => l.startsWith("made "));

test("a double or triple click acts once, on the screen it was made on", async () => {
  const { context, page, problems } = await openPage(env.browser, env.server.url, { viewport: PHONE });
  // Start, clicked three times: the pick, with nobody picked.
  await page.getByRole("button", { name: "Start", exact: true }).click({ clickCount: 3 });
  await page.getByRole("heading", { name: "Who are you?" }).waitFor();
  await page.waitForTimeout(300);
  assert.equal(await heading(page), "Who are you?");
  assert.match(await saved(page), /\nplayer -\n/, "nobody was picked by the second click");
  await page.getByRole("button", { name: /^Sam/ }).click();
  // Unlock, double-clicked: the class chat, and no reply sent on it.
  await page.getByRole("button", { name: "Unlock" }).dblclick();
  await page.getByRole("heading", { name: "The class group chat, Christmas Day" }).waitFor();
  await page.waitForTimeout(300);
  assert.equal(await heading(page), "The class group chat, Christmas Day");
  assert.deepEqual(await made(page), [], "no reply the pupil never saw");
  // A reply, double-clicked: one reply, and the next chat waits.
  await page.locator(".choice").first().dblclick();
  await page.getByRole("heading", { name: "Your chat with Ellie, Christmas afternoon" }).waitFor();
  await page.waitForTimeout(300);
  assert.equal((await made(page)).length, 1, (await made(page)).join(" | "));
  assert.equal(await heading(page), "Your chat with Ellie, Christmas afternoon");
  // Help's way back, double-clicked, over a chat with choices: no reply.
  await page.getByRole("button", { name: "Help", exact: true }).dblclick();
  await page.getByRole("dialog", { name: "Help" }).waitFor();
  await page.getByRole("button", { name: "Back to the game" }).dblclick();
  await page.getByRole("heading", { name: "Your chat with Ellie, Christmas afternoon" }).waitFor();
  await page.waitForTimeout(300);
  assert.equal((await made(page)).length, 1, "no reply from Help's way back");
  // The knowledge check, checked by a double click: the answers stay.
  await page.goto(`${env.server.url}#quiz`);
  await page.locator("fieldset.statement").first().getByRole("radio", { name: "Not sure", exact: true }).check();
  await page.getByRole("button", { name: "Check my answers" }).dblclick();
  await page.getByText(/Your score: 0 out of 6/).waitFor();
  await page.waitForTimeout(300);
  assert.equal(await page.getByText(/Your score: 0 out of 6/).count(), 1, "not cleared by the second click");
  assert.deepEqual(problems, []);
  await context.close();
});

test("Start again can be undone; nothing is thrown away without a way back", async () => {
  const { context, page, problems } = await openPage(env.browser, env.server.url, { viewport: PHONE });
  await startAs(page, "Priya");
  await page.getByRole("button", { name: "Unlock" }).click();
  await page.locator(".choice").first().click();
  await page.getByRole("heading", { name: "Your chat with Ellie, Christmas afternoon" }).waitFor();
  await page.getByRole("button", { name: "Start again" }).click();
  await page.getByRole("heading", { level: 1, name: "Once Sent" }).waitFor();
  const notice = page.getByRole("status").filter({ hasText: "You started again" });
  await notice.waitFor();
  assert.deepEqual(await violations(page), []);
  await page.screenshot({ path: `${ARTIFACTS}/phone-started-again.png` });
  await notice.getByRole("button", { name: "Go back to where I was" }).click();
  await page.getByRole("heading", { name: "Your chat with Ellie, Christmas afternoon" }).waitFor();
  assert.equal((await made(page)).length, 1, "the choice made is back");
  await page.reload();
  await page.getByRole("heading", { name: "Your chat with Ellie, Christmas afternoon" }).waitFor();
  // Started again and begun anew: the way back goes.
  await page.getByRole("button", { name: "Start again" }).click();
  await page.getByRole("button", { name: "Start", exact: true }).click();
  await page.getByRole("heading", { name: "Who are you?" }).waitFor();
  assert.equal(await page.getByRole("button", { name: "Go back to where I was" }).count(), 0);
  assert.deepEqual(problems, []);
  await context.close();
});

test("Forget everything stays forgotten, in this tab and in another", async () => {
  const { context, page: play, problems } = await openPage(env.browser, env.server.url, { viewport: PHONE });
  await startAs(play, "Alex");
  await play.getByRole("button", { name: "Unlock" }).waitFor();
  const privacy = await context.newPage();
  await privacy.goto(`${env.server.url}#privacy`);
  await privacy.getByRole("button", { name: "Forget everything" }).click();
  await privacy.getByText("Done. The game has forgotten everything").waitFor();
  // The other tab starts afresh, says why, and writes nothing back.
  await play.getByRole("status").filter({ hasText: "started again or forgotten" }).waitFor();
  await play.getByRole("heading", { level: 1, name: "Once Sent" }).waitFor();
  await play.waitForTimeout(300);
  assert.equal(await saved(play), null, "nothing written back");
  await play.screenshot({ path: `${ARTIFACTS}/phone-forgotten-elsewhere.png` });
  // Back to the game from the privacy page writes nothing either.
  await privacy.getByRole("button", { name: "Back", exact: true }).click();
  await privacy.getByRole("heading", { level: 1, name: "Once Sent" }).waitFor();
  await privacy.waitForTimeout(300);
  assert.equal(await saved(privacy), null, "a game not begun is no save");
  assert.deepEqual(problems, []);
  await context.close();
});

test("two tabs of one game: each follows the other and says so; a reload lands where the last one was", async () => {
  const { context, page: first, problems } = await openPage(env.browser, env.server.url, { viewport: PHONE });
  await startAs(first, "Sam");
  await first.getByRole("button", { name: "Unlock" }).waitFor();
  const second = await context.newPage();
  await second.goto(env.server.url);
  await second.getByRole("button", { name: "Unlock" }).waitFor();
  // Played on in the second tab: the first follows, with a word.
  await second.getByRole("button", { name: "Unlock" }).click();
  await second.locator(".choice").first().click();
  await first.getByRole("status").filter({ hasText: "another tab or window" }).waitFor();
  await first.getByRole("heading", { name: "Your chat with Ellie, Christmas afternoon" }).waitFor();
  // Played on in the first: the second follows.
  await first.locator(".choice").nth(1).click();
  await second.getByRole("heading", { name: "The class group chat, New Year's Eve" }).waitFor();
  assert.equal((await made(second)).length, 2);
  await second.reload();
  await second.getByRole("heading", { name: "The class group chat, New Year's Eve" }).waitFor();
  assert.deepEqual(problems, []);
  await context.close();
});

test("storage that is full: the game says progress cannot be kept, and our own spoiled keys are cleared to make room", async () => {
  /** Fills this origin's storage with `key`-prefixed values until it throws. */
  const fill = (page, prefix) => page.evaluate((prefix) => {
    let i = 0;
    for (const size of [1_000_000, 100_000, 10_000, 1_000, 100, 10, 1]) {
      try { for (;;) localStorage.setItem(`${prefix}${i++}`, "x".repeat(size)); } catch { /* full at this size */ }
    }
  }, prefix);
  // Full of another page's keys: nothing of ours to clear.
  let { context, page, problems } = await openPage(env.browser, env.server.url, { viewport: PHONE });
  await page.getByRole("button", { name: "Start", exact: true }).waitFor();
  await fill(page, "someone-else-");
  await startAs(page, "Sam");
  const notice = page.getByRole("status").filter({ hasText: "can't be kept" });
  await notice.waitFor();
  assert.deepEqual(await violations(page), []);
  await page.screenshot({ path: `${ARTIFACTS}/phone-storage-full.png` });
  // The game goes on all the same.
  await page.getByRole("button", { name: "Unlock" }).click();
  await page.getByRole("heading", { name: "The class group chat, Christmas Day" }).waitFor();
  assert.deepEqual(problems, []);
  await context.close();

  // Full because of a spoiled key of ours: it is cleared, the save is kept,
  // and nobody else's keys are touched.
  ({ context, page, problems } = await openPage(env.browser, env.server.url, { viewport: PHONE }));
  await page.getByRole("button", { name: "Start", exact: true }).waitFor();
  await page.evaluate(() => localStorage.setItem("someone-else", "theirs"));
  await fill(page, "once-sent.v0.old-");
  await startAs(page, "Sam");
  await page.getByRole("button", { name: "Unlock" }).waitFor();
  await page.waitForFunction((k) => localStorage.getItem(k)?.includes("player sam"), SAVE);
  assert.equal(await page.getByRole("status").filter({ hasText: "can't be kept" }).count(), 0);
  const left = await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith("once-sent.v0")).length);
  assert.equal(left, 0, "the spoiled keys are cleared");
  assert.equal(await page.evaluate(() => localStorage.getItem("someone-else")), "theirs");
  assert.deepEqual(problems.filter((p) => !/spoiled/.test(p)), []);
  await context.close();
});

for (const address of ["#assembly?view=anything", "#teachers?x=1", "#nowhere"]) {
  test(`an address that names no door (${address}) opens the start and says why`, async () => {
    const { context, page, problems } = await openPage(env.browser, `${env.server.url}${address}`, { viewport: PHONE });
    await page.getByRole("heading", { level: 1, name: "Once Sent" }).waitFor();
    const notice = page.getByRole("status").filter({ hasText: "address was not understood" });
    await notice.waitFor();
    assert.deepEqual(await violations(page), []);
    await notice.getByRole("button", { name: "OK" }).click();
    await page.waitForFunction(() => location.hash === "");
    assert.equal(await page.getByRole("status").filter({ hasText: "address was not understood" }).count(), 0);
    assert.deepEqual(problems, []);
    await context.close();
  });
}

test("playing together, a reload on a question keeps the question", async () => {
  const { context, page, problems } = await openPage(env.browser, `${env.server.url}#together`, { viewport: PHONE });
  await startAs(page, "Sam");
  for (let step = 0; step < 20 && (await heading(page)) !== "Talk about it"; step++) {
    const before = await heading(page);
    const unlock = page.getByRole("button", { name: "Unlock" });
    if (await unlock.count()) await unlock.click();
    else if (await page.locator(".choice").count()) await page.locator(".choice").first().click();
    else await page.getByRole("button", { name: "Next", exact: true }).click();
    await page.waitForFunction((h) => document.querySelector("#app h1")?.textContent !== h, before);
  }
  assert.equal(await heading(page), "Talk about it");
  const question = await page.locator(".prompt-text").textContent();
  await page.reload();
  await page.getByRole("heading", { level: 1, name: "Talk about it" }).waitFor();
  assert.equal(await page.locator(".prompt-text").textContent(), question);
  // Next goes on to where the story was.
  await page.getByRole("button", { name: "Next", exact: true }).click();
  await page.getByRole("heading", { name: "Your lock screen, a school night in January" }).waitFor();
  await page.reload();
  await page.getByRole("heading", { name: "Your lock screen, a school night in January" }).waitFor();
  assert.deepEqual(problems, []);
  await context.close();
});

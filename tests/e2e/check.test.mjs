// The knowledge check (issue 19), as a pupil meets it: offered on the title
// before a story, taken before playing, offered again on the ending and
// taken after (on the second form), then, with the device's clock moved on
// a week, offered again where the game opens (the ending) and taken a week
// later; the three side by side. And its paper version for a class with no devices, what storage
// that is spoiled or throwing does to it, and two tabs at once.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { writeFile } from "node:fs/promises";
import { resolve } from "node:path";
import { parse } from "smol-toml";
import { ARTIFACTS, PHONE, PROJECTOR, freeText, openPage, violations, withBrowser } from "./harness.mjs";
import { playToEnding, startAs } from "./story.mjs";
import { storyWord, word } from "./words.mjs";
import { overflowsInPrint, pdfPages } from "./print.mjs";

const env = withBrowser();
const STORY = "once-sent";
const KEY = "once-sent.v1.check";
const DAY = 86_400_000;

/** The story's items, from its data: each form's statements, in order. */
const bank = parse(readFileSync(resolve(import.meta.dirname, `../../assets/stories/${STORY}/check.toml`), "utf8"));
const form = (f) => bank.statement.filter((s) => s.form === f);
const text = (s) => storyWord("en-GB", STORY, `check.${s.id}.text`);
const en = (key) => word("en-GB", key);

/** The statements on screen, as their legends read (the number stripped). */
const onScreen = async (page) =>
  (await page.locator("fieldset.statement legend").allTextContents()).map((t) => t.replace(/^\d+\. /, ""));

/** Answers each statement of `f` on screen: `judge(statement)` is "true",
 * "false" or "not_sure". */
async function judge(page, f, how) {
  const fieldsets = page.locator("fieldset.statement");
  for (const [i, s] of form(f).entries()) {
    await fieldsets.nth(i).getByRole("radio", { name: en(`quiz.judge.${how(s)}`), exact: true }).check();
  }
}

const right = (s) => (s.truth ? "true" : "false");

test("the knowledge check: before playing, after, and a week later, side by side", async () => {
  const { context, page, problems } = await openPage(env.browser, env.server.url, { viewport: PHONE });
  // Before: the title offers it for a story not yet begun.
  await page.getByRole("link", { name: en("ui.check.before") }).click();
  await page.getByRole("heading", { level: 1, name: en("quiz.title") }).waitFor();
  assert.equal(await page.evaluate(() => location.hash), "#quiz");
  assert.equal(await page.getByRole("radio", { name: en("quiz.when.before") }).isChecked(), true);
  assert.equal(await page.getByRole("radio", { name: en("quiz.when.later") }).count(), 0, "no week later before the go after");
  assert.deepEqual(await onScreen(page), form("a").map(text), "form a, before playing");
  // Two known, the rest not sure.
  await judge(page, "a", (s) => (form("a").indexOf(s) < 2 ? right(s) : "not_sure"));
  await page.getByRole("radio", { name: en("quiz.sure.2") }).check();
  // A reload before checking loses no answer.
  await page.reload();
  await page.getByRole("heading", { level: 1, name: en("quiz.title") }).waitFor();
  const first = page.locator("fieldset.statement").first();
  assert.equal(await first.getByRole("radio", { name: en(`quiz.judge.${right(form("a")[0])}`), exact: true }).isChecked(), true);
  assert.equal(await page.getByRole("radio", { name: en("quiz.sure.2") }).isChecked(), true);
  await page.getByRole("button", { name: en("quiz.check") }).click();
  const result = page.locator(".quiz-result");
  await result.waitFor();
  const t = (s) => s.truth;
  const known = form("a").slice(0, 2);
  const spotted = en("quiz.spotted")
    .replace("{trues}", known.filter(t).length).replace("{all_trues}", 3)
    .replace("{falses}", known.filter((s) => !t(s)).length).replace("{all_falses}", 3);
  assert.match(await result.textContent(), new RegExp(spotted.replace(/[.()]/g, "\\$&")));
  assert.match(await result.textContent(), /Your score: 2 out of 6\./);
  // Each statement's why, and a kind word for not sure.
  const why = storyWord("en-GB", STORY, `check.${form("a")[4].id}.why`);
  assert.match(await page.locator("fieldset.statement").nth(4).textContent(), new RegExp(`Not sure is fine\\..*${why.slice(0, 30).replace(/[.()?]/g, "\\$&")}`));
  assert.deepEqual(await violations(page), []);
  await page.screenshot({ path: `${ARTIFACTS}/phone-check-before.png`, fullPage: true });
  // Kept: scores only, never what was answered.
  const kept = await page.evaluate((k) => localStorage.getItem(k), KEY);
  assert.equal(kept.split("\n").length, 2, kept);
  for (const s of bank.statement) assert.ok(!kept.includes(s.id), `${s.id} is not kept`);

  // Play, and at the ending the check is offered again.
  await page.getByRole("button", { name: en("quiz.play") }).click();
  await page.getByRole("heading", { level: 1, name: "Once Sent" }).waitFor();
  await startAs(page, "Sam");
  await playToEnding(page, "Tell an adult I trust");
  await page.getByRole("link", { name: en("ui.ending.check") }).click();
  await page.getByRole("heading", { level: 1, name: en("quiz.title") }).waitFor();
  assert.equal(await page.getByRole("radio", { name: en("quiz.when.after") }).isChecked(), true);
  assert.deepEqual(await onScreen(page), form("b").map(text), "form b, after playing: other statements");
  await judge(page, "b", right);
  await page.getByRole("button", { name: en("quiz.check") }).click();
  await result.waitFor();
  assert.match(await result.textContent(), /Your score: 6 out of 6\. *That's 4 more than before you played\./);
  const summary = page.locator(".quiz-summary");
  assert.match(await summary.textContent(), /in 7 days/);
  assert.equal(await page.getByRole("radio", { name: en("quiz.when.later") }).count(), 0, "not open yet");

  // Back at the ending, the check is not offered again yet.
  await page.getByRole("button", { name: en("quiz.back_to_story") }).click();
  await page.getByRole("link", { name: en("ui.ending.check") }).waitFor();
  // A week and a day later, on the same device, the game opens where the
  // pupil left it, at the ending, which now offers the check again.
  // (The device's clock, moved on for every page load from now.)
  await page.addInitScript((shift) => {
    const now = Date.now;
    Date.now = () => now() + shift;
  }, 8 * DAY);
  await page.goto(env.server.url);
  await page.getByRole("link", { name: en("ui.check.later") }).click();
  await page.getByRole("heading", { level: 1, name: en("quiz.title") }).waitFor();
  assert.equal(await page.getByRole("radio", { name: en("quiz.when.later") }).isChecked(), true);
  assert.deepEqual(await onScreen(page), form("a").map(text), "form a again, a week later");
  // Suspicious of everything: every statement false. It scores nothing,
  // and the pupil is told, kindly, why.
  await judge(page, "a", () => "false");
  await page.getByRole("button", { name: en("quiz.check") }).click();
  await result.waitFor();
  const said = await result.textContent();
  assert.match(said, /You spotted 0 of 3 true statements and 3 of 3 false ones\./);
  assert.match(said, /Your score: 0 out of 6\./);
  assert.ok(said.includes(en("quiz.lean.doubting")), said);
  assert.ok(said.includes(en("quiz.change.down")), said);
  // The three, side by side.
  const rows = await summary.locator("tbody tr").evaluateAll((trs) => trs.map((tr) => [...tr.children].map((c) => c.textContent)));
  const score = rows.find((r) => r[0] === en("quiz.summary.score"));
  assert.deepEqual(score.slice(1), ["2 of 6", "6 of 6", "0 of 6"]);
  assert.deepEqual(rows.find((r) => r[0] === en("quiz.summary.falses")).slice(1), [`${known.filter((s) => !t(s)).length} of 3`, "3 of 3", "3 of 3"]);
  assert.deepEqual(await violations(page), []);
  await page.screenshot({ path: `${ARTIFACTS}/phone-check-later.png`, fullPage: true });
  await page.setViewportSize(PROJECTOR);
  await page.screenshot({ path: `${ARTIFACTS}/projector-check-later.png`, fullPage: true });
  assert.equal((await page.evaluate((k) => localStorage.getItem(k), KEY)).split("\n").length, 4);
  assert.deepEqual(problems, []);
  await context.close();
});

test("the knowledge check on paper: both forms to tick by hand, the answers on their own page", async () => {
  const { context, page, problems } = await openPage(env.browser, `${env.server.url}#teachers`, { viewport: PROJECTOR });
  await page.getByRole("link", { name: en("quiz.paper") }).click();
  await page.getByRole("heading", { level: 1, name: en("quiz.paper_title") }).waitFor();
  assert.equal(await page.evaluate(() => location.hash), "#quiz-paper");
  assert.deepEqual(await freeText(page), []);
  assert.equal(await page.locator("input").count(), 0, "nothing to fill in on screen");
  const forms = page.locator(".paper-form");
  assert.equal(await forms.count(), 2);
  for (const [i, f] of ["a", "b"].entries()) {
    const body = await forms.nth(i).textContent();
    for (const s of form(f)) assert.ok(body.includes(text(s)), `${s.id} on form ${f}`);
  }
  // Every statement's answer in the key, with its why.
  const key = await page.locator(".paper-key").textContent();
  for (const s of bank.statement) assert.ok(key.includes(storyWord("en-GB", STORY, `check.${s.id}.why`)), s.id);
  assert.deepEqual(await violations(page), []);
  assert.deepEqual(await overflowsInPrint(page), [], "nothing cut off");
  const pdf = await page.pdf({ format: "A4", printBackground: true });
  await writeFile(`${ARTIFACTS}/check-paper.pdf`, pdf);
  assert.ok(pdfPages(pdf).count >= 3, "a page for each form and for the answers");
  await page.screenshot({ path: `${ARTIFACTS}/projector-check-paper.png`, fullPage: true });
  await page.setViewportSize(PHONE);
  await page.screenshot({ path: `${ARTIFACTS}/phone-check-paper.png`, fullPage: true });
  assert.deepEqual(problems, []);
  await context.close();
});

test("the knowledge check with a spoiled record, storage that throws, and two tabs: nothing lost without a word", async () => {
  const { context, page, problems } = await openPage(env.browser, null, { viewport: PHONE });
  // A record that cannot be read: said, and replaced by the next go.
  await page.addInitScript((k) => {
    if (!sessionStorage.getItem("planted")) {
      localStorage.setItem(k, "once-sent check 1\nnot a go");
      localStorage.setItem("once-sent.v1.quiz", "before 7");
      sessionStorage.setItem("planted", "1");
    }
  }, KEY);
  await page.goto(`${env.server.url}#quiz`);
  await page.getByText(en("quiz.reset")).waitFor();
  // The old ten-question check's score is shown, not compared.
  assert.ok((await page.textContent("main")).includes(en("quiz.old").replace("{n}", "7")));
  await judge(page, "a", right);
  await page.getByRole("button", { name: en("quiz.check") }).dblclick();
  await page.locator(".quiz-result").waitFor();
  assert.equal(await page.locator(".quiz-result").count(), 1, "a double click checks once");
  assert.match(await page.evaluate((k) => localStorage.getItem(k), KEY), /^once-sent check 1\nonce-sent before \d+ 3\/0\/3 3\/0\/3 - - 0$/);

  // A second tab, opened before this one's next go, keeps its own go
  // beside it, not over it.
  const other = await context.newPage();
  await other.goto(`${env.server.url}#quiz`);
  await other.getByRole("heading", { level: 1, name: en("quiz.title") }).waitFor();
  await page.getByRole("button", { name: en("quiz.again") }).click();
  await page.getByRole("radio", { name: en("quiz.when.after") }).check();
  await judge(page, "b", () => "not_sure");
  await page.getByRole("button", { name: en("quiz.check") }).click();
  await other.getByRole("radio", { name: en("quiz.when.before") }).check();
  await judge(other, "a", () => "true");
  await other.getByRole("button", { name: en("quiz.check") }).click();
  await other.locator(".quiz-result").waitFor();
  const lines = (await other.evaluate((k) => localStorage.getItem(k), KEY)).split("\n");
  assert.equal(lines.length, 3, lines.join(" | "));
  assert.ok(lines.some((l) => l.startsWith("once-sent after ")) && lines.some((l) => l.startsWith("once-sent before ")));

  // Storage that throws: the go is scored and shown, and the pupil is told
  // it could not be kept.
  await other.evaluate(() => {
    Storage.prototype.setItem = () => {
      throw new DOMException("full", "QuotaExceededError");
    };
  });
  await other.getByRole("button", { name: en("quiz.again") }).click();
  await judge(other, "a", right);
  await other.getByRole("button", { name: en("quiz.check") }).click();
  await other.getByText(en("quiz.unsaved")).waitFor();
  assert.match(await other.locator(".quiz-result").textContent(), /Your score: 6 out of 6/);
  assert.deepEqual(problems, []);
  await context.close();
});

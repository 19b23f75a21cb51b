// The knowledge check for a class with no devices (issue 19): in Assembly,
// the presenter asks for it on the content note; the hall judges three of
// the story's statements by a show of hands before the story and again
// after it, the counts typed in the presenter's window, and the projector
// then shows what the hall said before and after, with the answers.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { parse } from "smol-toml";
import { ARTIFACTS, PROJECTOR, violations, withBrowser } from "./harness.mjs";
import { at, hallContext, inStep, moved, shortestOrder } from "./hall.mjs";
import { CATALOGUE, structure } from "./paths.mjs";
import { storyWord, word } from "./words.mjs";

const env = withBrowser();
const LANG = "en-GB";
const ID = CATALOGUE[0].id;
const en = (key) => word(LANG, key);
const bank = parse(readFileSync(resolve(import.meta.dirname, `../../assets/stories/${ID}/check.toml`), "utf8"));
const asked = bank.statement.filter((s) => s.form === "a").slice(0, 3);

/** Next, in the presenter's window, and both views in step after it. */
async function next(presenter, audience) {
  const here = await at(presenter);
  await presenter.keyboard.press("ArrowRight");
  assert.ok(await moved(presenter, here, 5000), `stuck at ${here}`);
  return inStep(presenter, audience);
}

/** The hall judges the three statements: `hands[i]` for true, false, not sure. */
async function judge(presenter, audience, when, hands) {
  for (const [i, s] of asked.entries()) {
    assert.equal(await inStep(presenter, audience), `check ${when}${i}`);
    assert.ok((await audience.textContent(".stage")).includes(storyWord(LANG, ID, `check.${s.id}.text`)), s.id);
    assert.equal(await next(presenter, audience), `vote check ${when}${i}`);
    const counts = presenter.locator(".counts input");
    assert.equal(await counts.count(), 3, "true, false, not sure");
    assert.equal(await presenter.locator(".counts button").count(), 0, "no option to pick outright");
    for (const [c, n] of hands[i].entries()) await counts.nth(c).fill(String(n));
    if (i === 0) await audience.screenshot({ path: `${ARTIFACTS}/projector-assembly-check-${when}.png` });
    await presenter.evaluate(() => document.activeElement?.blur());
    await next(presenter, audience);
  }
}

test("Assembly: the hall judges three statements by hands before the story and after it, and sees the change", async () => {
  const hall = await hallContext(env.browser, PROJECTOR);
  const { context, problems } = hall;
  const open = (hash) => hall.open(env.server.url + hash);
  const presenter = await open("#assembly");
  await presenter.getByRole("heading", { level: 1, name: en("ui.assembly.presenter_heading") }).waitFor();
  const story = structure(ID);
  const order = shortestOrder(story);
  await presenter.getByRole("button", { name: storyWord(LANG, ID, `order.${order.id}.title`), exact: true }).click();
  const toggle = presenter.getByRole("button", { name: en("ui.assembly.quiz_toggle") });
  assert.equal(await toggle.getAttribute("aria-pressed"), "false", "asked for, never assumed");
  await toggle.click();
  assert.equal(await toggle.getAttribute("aria-pressed"), "true");
  const audience = await open("#assembly?view=audience");
  assert.equal(await inStep(presenter, audience), "intro");
  await presenter.evaluate(() => document.activeElement?.blur());
  await next(presenter, audience);
  await judge(presenter, audience, "b", [[12, 10, 8], [20, 4, 6], [9, 9, 12]]);
  // A reload of the projector mid-way keeps what the hall said.
  await audience.reload();
  await inStep(presenter, audience);
  // The story, as ever: the first option at every vote.
  for (let step = 0; step < 400 && !(await at(presenter)).startsWith("check a"); step++) {
    const here = await at(presenter);
    await presenter.keyboard.press("ArrowRight");
    if (!(await moved(presenter, here, 1500))) {
      await presenter.keyboard.press("1");
      assert.ok(await moved(presenter, here, 5000), `stuck at ${here}`);
    }
    await inStep(presenter, audience);
  }
  await judge(presenter, audience, "a", [[3, 25, 2], [28, 1, 1], [2, 27, 1]]);
  assert.equal(await inStep(presenter, audience), "change");
  const change = await audience.textContent(".stage");
  assert.match(change, /Before: 12 true, 10 false, 8 not sure\. *After: 3 true, 25 false, 2 not sure\./);
  for (const s of asked) {
    assert.ok(change.includes(storyWord(LANG, ID, `check.${s.id}.why`)), `${s.id}: the answer and why`);
  }
  assert.ok(await audience.evaluate(() => document.documentElement.scrollHeight <= innerHeight), "one screen");
  assert.deepEqual(await violations(audience), []);
  assert.deepEqual(await violations(presenter), []);
  await audience.screenshot({ path: `${ARTIFACTS}/projector-assembly-check-change.png` });
  await presenter.screenshot({ path: `${ARTIFACTS}/projector-assembly-check-presenter.png` });
  assert.equal(await next(presenter, audience), "help", "then where help is");
  assert.deepEqual(problems, []);
  await context.close();
});

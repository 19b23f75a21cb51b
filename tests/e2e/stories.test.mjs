// Every story of the catalogue, played to every one of its endings as a
// pupil would, by what is on screen, in every language: once by pointer,
// once by keyboard alone. The ways to the endings come from the stories'
// own data (paths.mjs), so a story added as data is played with no test
// written for it. Every screen on the way is scanned by axe-core; every
// ending must say where help is, and a story's own help (help.first) must
// come first.
import { describe, test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { parse } from "smol-toml";
import { ARTIFACTS, PHONE, PROJECTOR, openPage, violations, withBrowser } from "./harness.mjs";
import { CATALOGUE, structure, waysToEndings } from "./paths.mjs";
import { playButton } from "./story.mjs";
import { LANGS, storyWord, word } from "./words.mjs";

const env = withBrowser();
const I18N = resolve(import.meta.dirname, "../../assets/i18n");

/** Whether story `id`'s words in `lang` give help of its own (help.first). */
const hasOwnHelp = (lang, id) =>
  Boolean(parse(readFileSync(resolve(I18N, lang, "stories", `${id}.toml`), "utf8")).help?.first);

/** Every catalogue key on the page where a word should be. */
const keysShowing = (page) =>
  page.evaluate(() => document.body.innerText.match(/\b(ui|scene|guide|quiz|poster|person|chat|chapter|check|help|topic|stories)\.[a-z_-]+(\.[a-z0-9_-]+)*\b/g) ?? []);

/** Presses `target` by pointer, or by keyboard: Tab until it has focus
 * (within 80 presses), then Enter. */
async function press(page, target, keyboard) {
  if (!keyboard) return target.click();
  for (let i = 0; i < 80; i++) {
    if (await target.evaluate((el) => el === document.activeElement).catch(() => false)) {
      return page.keyboard.press("Enter");
    }
    await page.keyboard.press("Tab");
  }
  throw new Error(`never reached by Tab: ${await target.textContent()}`);
}

/** Plays story `id` in `lang` from the title along `way` (its choices, in
 * order) to `ending`; checks the ending's heading and its help. */
async function play(page, { id, lang, way, ending, player, keyboard, scan }) {
  const w = (key) => storyWord(lang, id, key).replaceAll("{player}", player);
  await press(page, playButton(page, id, lang), keyboard);
  await page.getByRole("heading", { name: word(lang, "ui.pick.heading") }).waitFor();
  await press(page, page.getByRole("button", { name: new RegExp(`^${player}\\b`) }), keyboard);
  const left = [...way];
  const faults = [];
  for (let step = 0; step < 80; step++) {
    await page.locator("#app h1").first().waitFor();
    const before = await page.locator("#app h1").first().textContent();
    // Every screen on the way, axe-clean (WCAG 2.2 A and AA) with nothing to type.
    if (scan) faults.push(...(await violations(page)).map((v) => `${before}: ${v}`));
    // No key where a word should be (another story's character, a word
    // the pack lacks), shown or hidden from screen readers alike.
    if (scan) faults.push(...(await keysShowing(page)).map((k) => `${before}: shows the key ${k}`));
    if (await page.getByRole("heading", { name: word(lang, "ui.help.heading") }).count()) break;
    const unlock = page.getByRole("button", { name: word(lang, "ui.lock.open") });
    const openChat = page.locator("button.open-chat");
    const next = page.getByRole("button", { name: word(lang, "ui.next"), exact: true });
    if (await page.locator(".choice").count()) {
      const made = left.shift();
      assert.ok(made, `${id} ${lang}: a choice no way to ${ending} makes, at "${before}"`);
      const label = w(`scene.${made.scene}.choice.${made.choice}`);
      await press(page, page.getByRole("button", { name: label, exact: true }), keyboard);
    } else if (await unlock.count()) await press(page, unlock, keyboard);
    else if (await openChat.count()) await press(page, openChat.first(), keyboard);
    else await press(page, next, keyboard);
    await page.waitForFunction((h) => document.querySelector("#app h1")?.textContent !== h, before);
  }
  assert.deepEqual(left, [], `${id} ${lang}: every choice on the way to ${ending} was made`);
  assert.deepEqual(faults, [], `${id} ${lang} ${ending}: axe`);
  assert.equal(await page.locator("#app h1").first().textContent(), w(`scene.${ending}.title`));
  const body = await page.textContent("body");
  assert.match(body, /0800 1111/, `${id} ${ending}: where help is`);
  assert.doesNotMatch(body, /\{[a-z_]+\}/, `${id} ${ending}: a placeholder left unfilled`);
  if (hasOwnHelp(lang, id)) {
    const own = page.locator(".help .help-first");
    assert.ok((await own.textContent()).trim().length > 20, `${id}: its own help`);
    const order = await page.locator(".help > *").evaluateAll((els) => els.map((e) => e.className));
    assert.equal(order[1], "help-first", `${id}: its own help comes first, after the heading: ${order}`);
  }
}

for (const { id } of CATALOGUE) {
  const story = structure(id);
  const ways = waysToEndings(story);
  describe(`the story ${id}`, () => {
    test("has at least one ending, and every ending can be reached", () => {
      const endings = story.scenes.filter((s) => s.kind === "ending").map((s) => s.id);
      assert.ok(endings.length >= 1, id);
      assert.deepEqual([...ways.keys()].sort(), endings.sort());
    });
    for (const lang of LANGS) {
      for (const keyboard of [false, true]) {
        test(`every ending in ${lang}, by ${keyboard ? "keyboard alone" : "pointer"}`, async () => {
          let n = 0;
          for (const [ending, way] of ways) {
            const player = storyWord(lang, id, `person.${story.players[n % story.players.length]}.name`);
            const viewport = n % 2 ? PROJECTOR : PHONE;
            const { context, page, problems } = await openPage(env.browser, null, { viewport, reducedMotion: "reduce" });
            // Welsh by the device's own language, as a Welsh pupil has it.
            await context.addInitScript((l) => Object.defineProperty(navigator, "languages", { get: () => [l] }), lang);
            await page.goto(env.server.url);
            // Each screen scanned by axe on the way to every ending, by pointer.
            await play(page, { id, lang, way, ending, player, keyboard, scan: !keyboard });
            if (!keyboard) await page.screenshot({ path: `${ARTIFACTS}/story-${id}-${lang}-${ending}.png`, fullPage: true });
            assert.deepEqual(problems, [], `${id} ${lang} ${ending}`);
            await context.close();
            n++;
          }
        });
      }
    }
  });
}

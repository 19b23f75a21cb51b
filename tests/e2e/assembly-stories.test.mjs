// Assembly runs every story's own running orders: for each story of the
// catalogue, a teacher chooses it on the title, opens Assembly and the
// audience's window, and drives the shortest running order by keys alone
// to where help is, the hall taking the first option at every vote; both
// windows stay in step, show the story's own chapters and end on help.
import { describe, test } from "node:test";
import assert from "node:assert/strict";
import { ARTIFACTS, PROJECTOR, withBrowser } from "./harness.mjs";
import { at, hallContext, inStep, moved, shortestOrder } from "./hall.mjs";
import { CATALOGUE, structure } from "./paths.mjs";
import { playButton } from "./story.mjs";
import { storyWord, word } from "./words.mjs";

const env = withBrowser();
const LANG = "en-GB";

describe("Assembly runs each story's running orders", () => {
  for (const { id } of CATALOGUE) {
    const story = structure(id);
    // The shortest of the story's orders for a hall.
    const order = shortestOrder(story);
    test(`${id}: its ${order.minutes}-minute order, by keys, to where help is`, async () => {
      const hall = await hallContext(env.browser, PROJECTOR);
      const { context, problems } = hall;
      const open = (hash) => hall.open(env.server.url + hash);
      // The teacher chooses the story on the title (Start plays the first).
      const presenter = await open("");
      await playButton(presenter, id, LANG).click();
      await presenter.getByRole("heading", { name: word(LANG, "ui.pick.heading") }).waitFor();
      await presenter.goto(`${env.server.url}#assembly`);
      await presenter.getByRole("heading", { level: 1, name: word(LANG, "ui.assembly.presenter_heading") }).waitFor();
      const label = storyWord(LANG, id, `order.${order.id}.title`);
      await presenter.getByRole("button", { name: label, exact: true }).click();
      const audience = await open("#assembly?view=audience");
      assert.equal(await inStep(presenter, audience), "intro");
      await presenter.evaluate(() => document.activeElement?.blur());
      // Every chapter the order shows, by its title, on the way.
      const chapters = new Set(order.chapters.map((c) => storyWord(LANG, id, `chapter.${c.id}.title`)));
      const seen = new Set();
      for (let step = 0; step < 400 && (await at(presenter)) !== "help"; step++) {
        const here = await at(presenter);
        for (const chapter of chapters) {
          if ((await presenter.locator(".notes").textContent()).includes(chapter)) seen.add(chapter);
        }
        await presenter.keyboard.press("ArrowRight");
        // At a vote or a choice, Next waits for the hall: it takes the first.
        if (!(await moved(presenter, here, 1500))) {
          await presenter.keyboard.press("1");
          assert.ok(await moved(presenter, here, 5000), `${id}: stuck at ${here}`);
        }
        await inStep(presenter, audience);
      }
      assert.equal(await at(presenter), "help", `${id}: the order reaches where help is`);
      assert.equal(await inStep(presenter, audience), "help");
      assert.match(await audience.textContent("body"), /0800 1111/);
      // Where help is, the story's own first, on the projector's one screen.
      assert.ok(await audience.evaluate(() => document.documentElement.scrollHeight <= innerHeight), `${id}: help fits the screen`);
      assert.deepEqual([...chapters].filter((c) => !seen.has(c)), [], `${id}: every chapter of the order in the notes`);
      await audience.screenshot({ path: `${ARTIFACTS}/projector-assembly-${id}-help.png` });
      assert.deepEqual(problems, [], id);
      await context.close();
    });
  }
});

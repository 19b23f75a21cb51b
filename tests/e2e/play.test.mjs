// A pupil plays the story from the title to an ending, by what they can
// see and the roles a screen reader hears.
import { describe, test } from "node:test";
import assert from "node:assert/strict";
import { ARTIFACTS, PHONE, PROJECTOR, openPage, withBrowser } from "./harness.mjs";
import { playToEnding, startAs } from "./story.mjs";
import { word } from "./words.mjs";

const env = withBrowser();

/** A file name for a screen, from its heading. */
const slug = (text) => text.toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "").slice(0, 40);

for (const [size, viewport] of [["phone", PHONE], ["projector", PROJECTOR]]) {
  describe(`at ${size} size (${viewport.width}x${viewport.height})`, () => {
    test("the title shows the name, the content note and Start", async () => {
      const { context, page, problems } = await openPage(env.browser, env.server.url, { viewport });
      await page.getByRole("heading", { level: 1, name: "Once Sent" }).waitFor();
      await page.getByRole("heading", { name: "Before you play" }).waitFor();
      assert.match(await page.textContent("body"), /0800 1111/);
      await page.screenshot({ path: `${ARTIFACTS}/${size}-00-title.png` });
      assert.deepEqual(problems, []);
      await context.close();
    });

    test("forwarding it plays through every chapter to an ending with help", async () => {
      const { context, page, problems } = await openPage(env.browser, env.server.url, { viewport });
      await startAs(page, "Sam");
      const seen = [];
      const kickers = [];
      const labels = new Set();
      await playToEnding(page, "Send it to Noah", async (p) => {
        const heading = await p.locator("#app h1").first().textContent();
        seen.push(heading);
        for (const label of await p.locator(".forwarded, .meta, .typing, .unread").allTextContents()) {
          labels.add(label.replace(/[\d:·↪ ]+/g, " ").trim());
        }
        kickers.push(await p.locator(".top-chapter").textContent());
        assert.equal(await p.locator("img, video, canvas:not(.map-canvas)").count(), 0, "no picture is ever drawn");
        assert.doesNotMatch(await p.textContent("body"), /\{player\}/, heading);
        await p.screenshot({ path: `${ARTIFACTS}/${size}-${String(seen.length).padStart(2, "0")}-${slug(heading)}.png` });
      });
      // The phone shows what real chat apps show.
      for (const label of ["Forwarded", "Forwarded many times", "Read", "Noah is typing…"]) {
        assert.ok(labels.has(label), `never saw "${label}" in ${[...labels].join(" | ")}`);
      }
      // Every screen says which chapter it is in, and all four are played.
      assert.deepEqual([...new Set(kickers)], [
        "Chapter 1 of 4: A new phone",
        "Chapter 2 of 4: The picture",
        "Chapter 3 of 4: Ellie's side",
        "Chapter 4 of 4: Months and years later",
      ]);
      assert.ok(seen.includes("The class group chat: Jordan has posted a photo of Ellie"), seen.join(" | "));
      assert.ok(seen.includes("Ellie's lock screen, the same evening"), seen.join(" | "));
      assert.ok(seen.includes("What goes on record"), seen.join(" | "));
      assert.equal(seen.at(-1), "Your ending: you passed it on");
      const main = await page.textContent("main");
      assert.match(main, /You forwarded it to one friend/);
      assert.match(main, /Outcome 21|because you forwarded it|stopped with you/);
      const childline = page.getByRole("link", { name: "0800 1111" });
      assert.equal(await childline.getAttribute("href"), "tel:08001111");
      // The ending opens Explore, and Explore comes back to the ending.
      await page.getByRole("button", { name: "Explore how a picture spreads" }).click();
      await page.getByRole("heading", { level: 1, name: "Explore: how a picture spreads" }).waitFor();
      await page.getByRole("button", { name: "Back to the game" }).click();
      await page.getByRole("heading", { level: 1, name: "Your ending: you passed it on" }).waitFor();
      assert.deepEqual(problems, []);
      await context.close();
    });
  });
}

test("telling an adult: the best choice, seen from Ellie's side, and the ending says so", async () => {
  const { context, page, problems } = await openPage(env.browser, env.server.url);
  await startAs(page, "Priya");
  const seen = [];
  let numbers = "";
  await playToEnding(page, "Tell an adult I trust", async (p) => {
    seen.push(await p.locator("#app h1").first().textContent());
    if (await p.locator(".big-number").count()) numbers = await p.locator(".numbers").textContent();
  });
  assert.match(numbers, /You told a trusted adult/);
  assert.match(numbers, /None of the copies came from you/);
  assert.ok(seen.includes("The next morning"), seen.join(" | "));
  assert.equal(seen.at(-1), "Your ending: you spoke up");
  assert.match(await page.textContent("main"), /0800 1111/);
  assert.deepEqual(problems, []);
  await context.close();
});

test("on Ellie's phone, the phone says whose it is", async () => {
  const { context, page } = await openPage(env.browser, env.server.url);
  await startAs(page, "Alex");
  let owner = null;
  await playToEnding(page, "Just delete it", async (p) => {
    if (!owner && (await p.locator(".phone-owner").count())) owner = await p.locator(".phone-owner").textContent();
  });
  assert.equal(owner, "Ellie's phone");
  await context.close();
});

for (const lang of ["en-GB", "cy"]) {
  test(`the whole story can be played with the keyboard alone, in ${lang}`, async () => {
    const { context, page } = await openPage(env.browser, null);
    await page.addInitScript((l) => localStorage.setItem("once-sent.v1.settings", `once-sent settings 1\nlang ${l}`), lang);
    await page.goto(env.server.url);
    await page.getByRole("heading", { level: 1, name: "Once Sent" }).waitFor();
    /** Tabs to the control named `name` (at most 30 presses) and presses Enter. */
    async function press(name) {
      for (let i = 0; i < 30; i++) {
        await page.keyboard.press("Tab");
        const focused = await page.evaluate(() => document.activeElement?.textContent?.trim() ?? "");
        if (focused === name || focused.startsWith(name) || (name.length > 8 && focused.includes(name))) {
          await page.keyboard.press("Enter");
          return;
        }
      }
      throw new Error(`Tab never reached "${name}"`);
    }
    await press(word(lang, "ui.start"));
    await page.getByRole("heading", { name: word(lang, "ui.pick.heading") }).waitFor();
    // The new screen's heading takes focus, so Tab goes on from the top.
    assert.equal(await page.evaluate(() => document.activeElement.tagName), "H1");
    await press("Sam");
    for (let step = 0; step < 60; step++) {
      const heading = await page.locator("#app h1").first().textContent();
      if (await page.getByRole("heading", { name: word(lang, "ui.help.heading") }).count()) break;
      if (await page.getByRole("button", { name: word(lang, "ui.lock.open") }).count()) await press(word(lang, "ui.lock.open"));
      else if (await page.locator("button.open-chat").count()) await press(word(lang, "chat.class.name"));
      // (The chat's row starts with its initial, then its name.)
      else if (await page.getByRole("button", { name: word(lang, "ui.next"), exact: true }).count()) await press(word(lang, "ui.next"));
      else if (await page.locator(".photo-card").count()) await press(word(lang, "scene.the_post.choice.not_ok"));
      else await press(await page.locator(".choice").first().textContent());
      await page.waitForFunction((h) => document.querySelector("#app h1")?.textContent !== h, heading);
    }
    assert.equal(await page.locator("#app h1").first().textContent(), word(lang, "scene.ending_stood.title"));
    await context.close();
  });
}

test("a reload resumes the game where it was", async () => {
  const { context, page } = await openPage(env.browser, env.server.url);
  await startAs(page, "Sam");
  await page.getByRole("button", { name: "Unlock" }).click();
  await page.locator(".choice").first().click();
  const heading = await page.locator("#app h1").first().textContent();
  await page.reload();
  await page.locator("#app h1").first().waitFor();
  assert.equal(await page.locator("#app h1").first().textContent(), heading);
  await context.close();
});

test("Start again, on any screen, goes back to the title", async () => {
  const { context, page } = await openPage(env.browser, env.server.url);
  await startAs(page, "Sam");
  await page.getByRole("button", { name: "Unlock" }).click();
  await page.getByRole("button", { name: "Start again" }).click();
  await page.getByRole("heading", { level: 1, name: "Once Sent" }).waitFor();
  await context.close();
});

const SPOILED = {
  "not a save at all": "{not a save",
  JSON: JSON.stringify({ scene: "what_next", seed: 1 }),
  truncated: "once-sent save 1\nseed 12\nplay",
  huge: "once-sent save 1\n" + "made x y\n".repeat(20000),
  "an old version": "once-sent save 0\nseed 1\nplayer sam\nscene xmas_lock\n",
  "a future version": "once-sent save 2\nseed 1\nplayer sam\nscene xmas_lock\n",
  "a scene the story lacks": "once-sent save 1\nseed 1\nplayer sam\nscene nowhere\n",
};

for (const [kind, text] of Object.entries(SPOILED)) {
  test(`a saved game that is ${kind} starts afresh with a notice, and loses nothing else`, async () => {
    const { context, page, problems } = await openPage(env.browser, null);
    await page.addInitScript((planted) => {
      if (!sessionStorage.getItem("planted")) {
        localStorage.setItem("once-sent.v1.save", planted);
        localStorage.setItem("once-sent.v1.quiz", "before 6");
        sessionStorage.setItem("planted", "1");
      }
    }, text);
    await page.goto(env.server.url);
    // (A game kept is the rest of the game's to show: a word that it is
    // coming shows first.)
    const notice = page.getByRole("status").filter({ hasNotText: word("en-GB", "ui.pack.loading") });
    await notice.waitFor();
    assert.match(await notice.textContent(), /could not be read/);
    await page.getByRole("heading", { level: 1, name: "Once Sent" }).waitFor();
    await page.getByRole("button", { name: "OK" }).click();
    assert.equal(await page.getByRole("status").count(), 0);
    assert.equal(await page.evaluate(() => localStorage.getItem("once-sent.v1.quiz")), "before 6", "the rest is kept");
    assert.deepEqual(problems, []);
    await context.close();
  });
}

test("What if? goes back to the choice, and the next ending compares the two runs", async () => {
  const { context, page, problems } = await openPage(env.browser, env.server.url, { viewport: PROJECTOR });
  await startAs(page, "Sam");
  await playToEnding(page, "Send it to Noah");
  await page.getByRole("heading", { name: "What if?" }).waitFor();
  // Issue 14: only the choice that changed what happened, not small talk.
  const offered = await page.locator(".what-if .again-choice").allTextContents();
  assert.deepEqual(offered, ["Send it to Noah"]);
  await page.getByRole("button", { name: /^Send it to Noah/ }).click();
  await page.getByRole("heading", { name: "The class group chat: Jordan has posted a photo of Ellie" }).waitFor();
  await playToEnding(page, "Tell an adult I trust");
  const table = page.getByRole("table", { name: "Your two runs, side by side" });
  await table.scrollIntoViewIfNeeded();
  await page.screenshot({ path: `${ARTIFACTS}/projector-zz-what-if-compare.png`, fullPage: true });
  const rows = await table.locator("tr").allTextContents();
  assert.match(rows.join("\n"), /Last time\s*This time/);
  assert.ok(rows.some((r) => r.includes("Send it to Noah") && r.includes("Tell an adult I trust")), rows.join("\n"));
  assert.ok(rows.some((r) => r.includes("you passed it on") && r.includes("you spoke up")), rows.join("\n"));
  const copies = rows.find((r) => r.startsWith("People who got it because of you"));
  assert.match(copies, /because of you\s*[1-9]\d*\s*0$/, copies);
  assert.deepEqual(problems, []);
  await context.close();
});

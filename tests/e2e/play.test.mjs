// A pupil plays the slice from title to ending, by what they can see and
// the roles a screen reader hears.
import { describe, test } from "node:test";
import assert from "node:assert/strict";
import { ARTIFACTS, PHONE, PROJECTOR, openPage, withBrowser } from "./harness.mjs";

const env = withBrowser();

/** Plays from the title to the outcome of `choice`; returns the page. */
async function playTo(page, choice) {
  await page.getByRole("button", { name: "Start" }).click();
  await page.getByRole("heading", { name: "The class group chat" }).waitFor();
  await page.getByRole("button", { name: choice }).click();
  await page.getByRole("heading", { name: "What happened next" }).waitFor();
}

async function holdingCount(page) {
  return Number(await page.locator(".big-number strong").textContent());
}

for (const [size, viewport] of [["phone", PHONE], ["projector", PROJECTOR]]) {
  describe(`at ${size} size (${viewport.width}x${viewport.height})`, () => {
    test("the title shows the name, the content note and Start", async () => {
      const { context, page, problems } = await openPage(env.browser, env.server.url, { viewport });
      await page.getByRole("heading", { level: 1, name: "Once Sent" }).waitFor();
      await page.getByRole("heading", { name: "Before you play" }).waitFor();
      assert.match(await page.textContent("body"), /0800 1111/);
      await page.screenshot({ path: `${ARTIFACTS}/title-${size}.png` });
      assert.deepEqual(problems, []);
      await context.close();
    });

    test("forwarding plays through to an ending that shows Childline", async () => {
      const { context, page, problems } = await openPage(env.browser, env.server.url, { viewport });
      await page.getByRole("button", { name: "Start" }).click();
      await page.getByRole("img", { name: "A photo of a classmate. It is not shown." }).waitFor();
      assert.equal(await page.locator("img, video, canvas").count(), 0, "no picture is ever drawn");
      await page.screenshot({ path: `${ARTIFACTS}/chat-${size}.png` });
      await page.getByRole("button", { name: "Forward it" }).click();
      await page.getByRole("heading", { name: "What happened next" }).waitFor();
      assert.match(await page.textContent("main"), /because you forwarded it|stopped with you/);
      const holding = await holdingCount(page);
      assert.ok(holding > 1 && holding <= 60, `phones holding a copy: ${holding}`);
      await page.screenshot({ path: `${ARTIFACTS}/outcome-${size}.png` });
      await page.getByRole("button", { name: "Next" }).click();
      await page.getByRole("heading", { name: "Where help is" }).waitFor();
      const childline = page.getByRole("link", { name: "0800 1111" });
      assert.equal(await childline.getAttribute("href"), "tel:08001111");
      await page.screenshot({ path: `${ARTIFACTS}/ending-${size}.png` });
      assert.deepEqual(problems, []);
      await context.close();
    });
  });
}

test("deleting says the other copies stay; telling someone leaves fewer copies", async () => {
  const { context, page } = await openPage(env.browser, env.server.url);
  await playTo(page, "Delete it");
  assert.match(await page.textContent("main"), /could not reach the copies on anyone else's phone/);
  assert.match(await page.textContent("main"), /spread stopped with you/);
  await page.getByRole("button", { name: "Next" }).click();
  await page.getByRole("button", { name: "Start again" }).click();
  await playTo(page, "Tell someone");
  assert.match(await page.textContent("main"), /best thing you could do/);
  await context.close();
});

test("the whole slice can be played with the keyboard alone", async () => {
  const { context, page } = await openPage(env.browser, env.server.url);
  await page.getByRole("heading", { level: 1, name: "Once Sent" }).waitFor();
  // The Start button is the first thing Tab reaches.
  await page.keyboard.press("Tab");
  assert.equal(await page.evaluate(() => document.activeElement.textContent), "Start");
  await page.keyboard.press("Enter");
  // The new scene's heading takes focus, so Tab goes on from the top.
  await page.getByRole("heading", { name: "The class group chat" }).waitFor();
  assert.equal(await page.evaluate(() => document.activeElement.tagName), "H1");
  // The messages come first: a scrollable list that the keyboard can scroll.
  await page.keyboard.press("Tab");
  assert.equal(await page.evaluate(() => document.activeElement.getAttribute("aria-label")), "Messages");
  await page.keyboard.press("Tab");
  assert.equal(await page.evaluate(() => document.activeElement.textContent), "Forward it");
  await page.keyboard.press("Tab");
  await page.keyboard.press("Enter");
  await page.getByRole("heading", { name: "What happened next" }).waitFor();
  assert.match(await page.textContent("main"), /deleted your copy/);
  await context.close();
});

test("a reload resumes the game where it was", async () => {
  const { context, page } = await openPage(env.browser, env.server.url);
  await playTo(page, "Forward it");
  const before = await holdingCount(page);
  await page.reload();
  await page.getByRole("heading", { name: "What happened next" }).waitFor();
  assert.equal(await holdingCount(page), before);
  await context.close();
});

test("a corrupt saved game starts afresh with a notice", async () => {
  const { context, page, problems } = await openPage(env.browser, null);
  await page.addInitScript(() => {
    if (!sessionStorage.getItem("planted")) {
      localStorage.setItem("once-sent.v1.save", "{not json");
      sessionStorage.setItem("planted", "1");
    }
  });
  await page.goto(env.server.url);
  const notice = page.getByRole("status");
  await notice.waitFor();
  assert.match(await notice.textContent(), /could not be read/);
  await page.getByRole("heading", { level: 1, name: "Once Sent" }).waitFor();
  await page.getByRole("button", { name: "OK" }).click();
  assert.equal(await page.getByRole("status").count(), 0);
  // Only a warning for whoever debugs it; nothing that looks broken.
  assert.deepEqual(problems, []);
  await context.close();
});

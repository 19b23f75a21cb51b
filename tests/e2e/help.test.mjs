// Help is one step from every screen, and Quick exit (a button, or Escape)
// leaves for a neutral page without leaving the game in the back history.
import { test } from "node:test";
import assert from "node:assert/strict";
import { openPage, withBrowser } from "./harness.mjs";
import { playToEnding, startAs } from "./story.mjs";

const env = withBrowser();
const NEUTRAL = "https://www.bbc.co.uk/weather";

/** Answers the neutral page locally: the tests never leave this machine. */
async function fakeNeutralPage(page) {
  await page.route("https://www.bbc.co.uk/**", (route) =>
    route.fulfill({ status: 200, contentType: "text/html", body: "<title>Weather</title><p>Sunny</p>" }),
  );
}

test("Help opens from every screen and goes back to where the player was", async () => {
  const { context, page, problems } = await openPage(env.browser, env.server.url);
  const visit = async (p) => {
    const here = await p.locator("#app h1").first().textContent();
    await p.getByRole("button", { name: "Help", exact: true }).click();
    await p.getByRole("dialog", { name: "Help" }).waitFor();
    const text = await p.textContent("#app");
    for (const must of ["0800 1111", "Report Remove", "CEOP", "0808 800 5000", "Take It Down"]) {
      assert.ok(text.includes(must), `Help on "${here}" lacks ${must}`);
    }
    // Blackmail: the National Crime Agency's steps, under their own heading.
    const threat = p.locator(".help-topic").filter({ has: p.getByRole("heading", { name: "If someone threatens to share a picture of you" }) });
    const steps = await threat.getByRole("listitem").allTextContents();
    for (const step of [/Don't pay/, /block them/, /Don't delete the messages/, /adult you trust/, /CEOP/, /999/]) {
      assert.ok(steps.some((s) => step.test(s)), `the steps lack ${step}: ${steps.join(" | ")}`);
    }
    assert.match(await threat.textContent(), /not your fault/);
    await p.getByRole("button", { name: "Back to the game" }).click();
    await p.locator("#app h1").first().waitFor();
    assert.equal(await p.locator("#app h1").first().textContent(), here);
  };
  await page.getByRole("heading", { level: 1, name: "Once Sent" }).waitFor();
  await visit(page);
  await startAs(page, "Sam");
  await playToEnding(page, "Just delete it", visit);
  assert.deepEqual(problems, []);
  await context.close();
});

for (const how of ["the button", "the Escape key"]) {
  test(`Quick exit by ${how} leaves for a neutral page, and Back does not return to the game`, async () => {
    const { context, page } = await openPage(env.browser, null);
    await fakeNeutralPage(page);
    await page.goto("about:blank");
    await page.goto(env.server.url);
    await startAs(page, "Priya");
    await page.getByRole("button", { name: "Unlock" }).waitFor();
    if (how === "the button") await page.getByRole("button", { name: "Quick exit" }).click();
    else await page.keyboard.press("Escape");
    await page.waitForURL(NEUTRAL);
    assert.match(await page.textContent("body"), /Sunny/);
    await page.goBack();
    assert.ok(!page.url().startsWith(env.server.url), `Back returned to the game: ${page.url()}`);
    await context.close();
  });
}

// Issue 15: every door keeps the game to one entry in the browser's history,
// so that after Quick exit no Back (and no second Back) returns to the game.
const DOORS = [
  ["Explore", (p) => p.getByRole("button", { name: "Explore", exact: true }).click(), "Explore: how a picture spreads"],
  ["Assembly", (p) => p.getByRole("button", { name: "Assembly", exact: true }).click(), "Assembly: presenter view"],
  ["a guide, then its links", async (p) => {
    await p.getByRole("link", { name: "For teachers" }).click();
    await p.getByRole("heading", { level: 1, name: "For teachers" }).waitFor();
    await p.getByRole("link", { name: "Knowledge check", exact: true }).click();
    await p.getByRole("heading", { level: 1, name: "Knowledge check" }).waitFor();
    await p.getByRole("button", { name: "Back", exact: true }).click();
    await p.getByRole("heading", { level: 1, name: "Once Sent" }).waitFor();
    await p.getByRole("link", { name: "Poster" }).click();
  }, "Poster"],
  ["Play together", async (p) => {
    await p.getByRole("link", { name: "For parents" }).click();
    await p.getByRole("button", { name: "Play together" }).click();
    await p.getByRole("button", { name: "Start", exact: true }).click();
  }, "Who are you?"],
];
for (const [door, through, heading] of DOORS) {
  for (const how of ["the button", "the Escape key"]) {
    test(`Quick exit by ${how} from ${door}: Back never returns to the game`, async () => {
      const { context, page } = await openPage(env.browser, null);
      await fakeNeutralPage(page);
      await page.goto("about:blank");
      await page.goto(env.server.url);
      // A game saved earlier, one Back further than the doors.
      await startAs(page, "Sam");
      await page.getByRole("button", { name: "Unlock" }).waitFor();
      await page.getByRole("button", { name: "Start again" }).click();
      await page.getByRole("heading", { level: 1, name: "Once Sent" }).waitFor();
      await through(page);
      await page.getByRole("heading", { level: 1, name: heading }).waitFor();
      if (how === "the button") await page.getByRole("button", { name: "Quick exit" }).click();
      else await page.keyboard.press("Escape");
      await page.waitForURL(NEUTRAL);
      for (let back = 1; back <= 3; back++) {
        await page.goBack().catch(() => {});
        assert.ok(!page.url().startsWith(env.server.url), `Back ${back} returned to the game: ${page.url()}`);
      }
      await context.close();
    });
  }
}

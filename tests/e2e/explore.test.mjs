// Explore: the spread as a sandbox. The controls are set by their labels,
// runs are read from the chart's table, the address carries the setup (a
// bad one is named and replaced, a shared one gives the same run), the
// challenges are checked by the run, and a region of a million is built
// without stalling the page.
import { test } from "node:test";
import assert from "node:assert/strict";
import { ARTIFACTS, PHONE, PROJECTOR, openPage, withBrowser } from "./harness.mjs";
import { count, longTasks, showing, toTheEnd, watchLongTasks } from "./map.mjs";

const env = withBrowser();

const heading = (page) => page.getByRole("heading", { level: 1, name: "Explore: how a picture spreads" });


/** The chart's table, as rows of cell texts. */
async function chartTable(page) {
  const details = page.locator(".chart details");
  if (!(await details.getAttribute("open"))) await details.locator("summary").click();
  return details.locator("tbody tr").evaluateAll((rows) => rows.map((r) => [...r.children].map((c) => c.textContent)));
}

/** Sets a slider by its label, as a pupil dragging it would. */
async function setSlider(page, label, value) {
  await page.getByRole("slider", { name: label }).fill(String(value));
}

test("from the title: set the controls by their labels, run, read the chart, meet a challenge", async () => {
  const { context, page, problems } = await openPage(env.browser, env.server.url, { viewport: PROJECTOR });
  await page.getByRole("button", { name: "Explore", exact: true }).click();
  await heading(page).waitFor();
  // The address names every setting, so it can be shared.
  await page.waitForFunction(() => location.hash.includes("forward=8"));
  assert.match(await page.evaluate(() => location.hash),
    /^#explore\?forward=8&contacts=2&delete=30&report=2&public=yes&scale=school&seed=1$/);
  // The tipping point from the settings: 8% times 2 contacts.
  assert.match(await page.locator(".tipping").textContent(), /sends it to 0\.16 new people/);

  // Nobody forwards, nobody posts: it stays in the class.
  await page.getByRole("button", { name: "Try this" }).first().click();
  assert.match(await page.locator(".challenge.taken h3").textContent(), /Stop it inside your class/);
  await setSlider(page, "People who forward it", 0);
  await page.getByLabel("Some people post it in public places").uncheck();
  await page.waitForFunction(() => location.hash.includes("forward=0") && location.hash.includes("public=no"));
  assert.match(await page.locator(".tipping").textContent(), /sends it to 0\.00 new people/);
  await toTheEnd(page);
  const rows = await chartTable(page);
  assert.deepEqual(rows.map((r) => r[0]), [
    "The moment it was posted", "After 1 hour", "After 1 day", "After 1 week",
    "After 1 month", "After 1 year", "After 10 years",
  ]);
  assert.equal(rows.at(-1)[1], "30", "only the class ever saw it");
  await page.locator(".challenge.taken .verdict.met").waitFor();
  assert.match(await page.locator(".challenge.taken").textContent(), /Done!.*only stays in the class/);
  // Explore's own styles came with it: on a projector, settings and the
  // tipping point side by side.
  assert.equal(await page.locator(".explore").evaluate((e) => getComputedStyle(e).display), "grid");
  assert.equal(await page.locator(".tipping").evaluate((e) => getComputedStyle(e).borderInlineStartStyle), "solid");
  await page.screenshot({ path: `${ARTIFACTS}/projector-explore.png`, fullPage: true });

  // Keep that run, then let everyone forward: the chart sets both side by side.
  await page.getByRole("button", { name: "Keep this run to compare" }).click();
  await setSlider(page, "People who forward it", 100);
  await setSlider(page, "How many each sends it to", 3);
  assert.match(await page.locator(".tipping").textContent(), /sends it to 3\.00 new people/);
  await toTheEnd(page);
  const both = await chartTable(page);
  assert.equal(both.at(-1).length, 5, "the kept run has its own columns");
  assert.equal(both.at(-1)[3], "30", "the kept run's reach");
  assert.ok(count(both.at(-1)[1]) > 1000, `everyone forwarding reaches most of the school: ${both.at(-1)}`);
  // The run's own number, above the tipping point.
  assert.match(await page.locator(".tipping").textContent(), /In this run so far: \d+\.\d\d new people/);
  assert.match(await page.locator(".challenge.taken").textContent(), /Not yet/);
  await page.screenshot({ path: `${ARTIFACTS}/projector-explore-compare.png`, fullPage: true });

  // Back to the game: the title, as it was.
  await page.getByRole("button", { name: "Back to the game" }).click();
  await page.getByRole("heading", { level: 1, name: "Once Sent" }).waitFor();
  assert.deepEqual(problems, []);
  await context.close();
});

test("a bad address is named, replaced by the usual settings, and loses nothing else", async () => {
  const url = `${env.server.url}#explore?forward=abc&contacts=3&scale=galaxy`;
  const { context, page, problems } = await openPage(env.browser, url, { viewport: PHONE });
  await heading(page).waitFor();
  const alerts = await page.getByRole("alert").allTextContents();
  assert.equal(alerts.length, 2, alerts.join(" | "));
  assert.match(alerts[0], /“forward=abc”.*uses the usual setting/);
  assert.match(alerts[1], /“scale=galaxy”/);
  // The good setting stays; the bad ones take their defaults.
  await page.waitForFunction(() => location.hash.includes("forward=8"));
  assert.match(await page.evaluate(() => location.hash), /forward=8&contacts=3&.*scale=school/);
  assert.equal(await page.getByRole("slider", { name: "How many each sends it to" }).inputValue(), "3");
  await page.screenshot({ path: `${ARTIFACTS}/phone-explore-bad-address.png`, fullPage: true });
  assert.deepEqual(problems, []);
  await context.close();
});

// Issue 15: a huge address names each kind of fault once, and is read only
// so far; an address changed by hand while Explore is open moves the
// settings with it.
test("a 100 KB address is named in a few lines, and the settings follow the address as it changes", async () => {
  const junk = Array.from({ length: 20_000 }, (_, i) => `x${i}=1`).join("&");
  const url = `${env.server.url}#explore?contacts=4&forward=abc&forward=xyz&${junk}`;
  assert.ok(url.length > 100_000);
  const { context, page, problems } = await openPage(env.browser, url, { viewport: PHONE });
  await heading(page).waitFor();
  const alerts = await page.getByRole("alert").allTextContents();
  assert.ok(alerts.length <= 3, `${alerts.length} alerts`);
  assert.match(alerts.join(" | "), /“forward=abc”.*It had 1 more like it/);
  assert.match(alerts.join(" | "), /“x0=1”.*more like it/);
  assert.match(alerts.at(-1), /too long/);
  assert.equal(await page.getByRole("slider", { name: "How many each sends it to" }).inputValue(), "4");
  // The address changed by hand: the sliders follow.
  await page.evaluate(() => { location.hash = "#explore?forward=40&contacts=2&scale=class"; });
  await page.waitForFunction(() => document.querySelector("#forward")?.value === "40");
  assert.equal(await page.getByRole("slider", { name: "How many each sends it to" }).inputValue(), "2");
  assert.equal(await page.getByRole("alert").count(), 0, "the new address has no faults");
  await page.evaluate(() => { location.hash = "#explore?forward=nine"; });
  await page.getByRole("alert").filter({ hasText: "forward=nine" }).waitFor();
  assert.deepEqual(problems, []);
  await context.close();
});

test("a shared address gives the same run", async () => {
  const url = `${env.server.url}#explore?forward=30&contacts=3&delete=20&report=2&public=yes&scale=school&seed=5`;
  const tables = [];
  for (const viewport of [PHONE, PROJECTOR]) {
    const { context, page, problems } = await openPage(env.browser, url, { viewport });
    await heading(page).waitFor();
    await toTheEnd(page);
    tables.push(await chartTable(page));
    assert.deepEqual(problems, []);
    await context.close();
  }
  assert.deepEqual(tables[0], tables[1]);
  assert.ok(count(tables[0].at(-1)[1]) > 30, "this setup leaves the class");
});

test("a region of a million is built a slice at a time, and plays", async () => {
  const url = `${env.server.url}#explore?forward=8&contacts=2&delete=30&report=2&public=yes&scale=town&seed=3`;
  const { context, page, problems } = await openPage(env.browser, url, { viewport: PROJECTOR });
  await heading(page).waitFor();
  await watchLongTasks(page);
  await page.getByRole("combobox", { name: "How many people" }).selectOption({ label: "A region (1,008,000)" });
  await page.getByRole("progressbar").waitFor();
  await page.locator(".spread-map").waitFor({ timeout: 60_000 });
  assert.match(await page.evaluate(() => location.hash), /scale=region/);
  await map(page).getByRole("button", { name: "Your region" }).click();
  await page.getByRole("img", { name: /map of the young people/ }).waitFor();
  await toTheEnd(page);
  await page.screenshot({ path: `${ARTIFACTS}/projector-explore-region.png` });
  // Built in slices, not in one go (which takes seconds): no task holds
  // the page anywhere near that long. The slices' own time (about 16 ms
  // each) is the benchmark's to measure, not this test's, which must hold
  // on a busy machine too.
  const long = await longTasks(page);
  assert.deepEqual(long.filter((ms) => ms > 250), [], "no task held the page over 250 ms");
  assert.deepEqual(problems, []);
  await context.close();
});

test("one region's world and run at a time: run after run, and back in time, the page needs no more memory", async () => {
  // Everyone forwards: the heaviest run there is.
  const url = `${env.server.url}#explore?forward=100&contacts=3&delete=0&report=0&public=yes&scale=region&seed=1`;
  const { context, page, problems } = await openPage(env.browser, null, { viewport: PROJECTOR });
  // Explore is the rest of the game's, which takes over from the first
  // part (whose memory stays, as little as it started with).
  await page.addInitScript(() => {
    addEventListener("TrunkApplicationStarted", (e) => { window.first = e.detail.wasm; });
    addEventListener("OnceSentRestStarted", (e) => { window.rest = e.detail.wasm; });
  });
  await page.goto(url);
  const mb = () => page.evaluate(() => window.rest.memory.buffer.byteLength / 1048576);
  const after = [];
  for (let run = 0; run < 3; run++) {
    await page.locator(".spread-map").waitFor({ timeout: 120_000 });
    await map(page).getByRole("button", { name: "Your region" }).click();
    await toTheEnd(page);
    after.push(await mb());
    if (run === 0) {
      // Back to the start, which plays the run again, then to the end.
      await page.keyboard.press("Home");
      await showing(page, "The moment it was posted");
      await toTheEnd(page);
      after.push(await mb());
    }
    await page.getByRole("button", { name: "Try another run" }).click();
  }
  // Memory taken is never given back: a world or a run kept alive beside
  // the next shows as a page that grows by it (a region's world is some
  // 56 MB, its run 11 MB), and a new world's arrays that do not fit the
  // last one's room as a page that grows by a few megabytes a run.
  // Measured: 97.8 MB after the first run, after going back in it, and
  // after the second, then 98.2 (it was 97, 105, 109 over three runs when
  // each world was built in new arrays, and 97, 159, 213 when the last
  // world was kept; going back in time without the run's own arrays grew
  // it by 10.6 MB).
  const first = await page.evaluate(() => window.first.memory.buffer.byteLength / 1048576);
  const figures = `wasm memory after each run: ${after.map((m) => m.toFixed(1)).join(", ")} MB (and the first part's ${first.toFixed(1)} MB)`;
  console.log(figures);
  assert.ok(first <= 4, `${figures}: the first part took memory at a door it does not play`);
  assert.ok(after[0] <= 100, `${figures}: a region's run needs at most 100 MB`);
  assert.ok(after.every((m) => m <= after[0] + 2), `${figures}: the page grew`);
  assert.deepEqual(problems, []);
  await context.close();
});

const map = (page) => page.locator(".spread-map");

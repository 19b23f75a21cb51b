// Assembly's two windows as a test drives them: where each says the hall
// is, and a key pressed in the presenter's window that both follow.
// Shared by the Assembly, the knowledge check and the language tests.

/** Where a view says the hall is. */
export const at = (page) => page.locator(".stage").first().getAttribute("data-at");

/** Waits until the audience shows what the presenter shows. */
export async function inStep(presenter, audience) {
  const want = await at(presenter);
  await audience.waitForFunction((w) => document.querySelector(".stage")?.dataset.at === w, want);
  return want;
}

/** Presses `key` in the presenter's window, and waits for both views to move on. */
export async function press(presenter, audience, key) {
  const before = await at(presenter);
  await presenter.keyboard.press(key);
  await presenter.waitForFunction((w) => document.querySelector(".stage")?.dataset.at !== w, before);
  return inStep(presenter, audience);
}

/** A browser context for Assembly's two windows at `viewport`, with
 * calm motion: `open(url)` opens a window there, noting every console
 * error and page error in `problems`. */
export async function hallContext(browser, viewport) {
  const context = await browser.newContext({ viewport, reducedMotion: "reduce" });
  const problems = [];
  const open = async (url) => {
    const page = await context.newPage();
    page.on("console", (m) => m.type() === "error" && problems.push(m.text()));
    page.on("pageerror", (e) => problems.push(String(e)));
    await page.goto(url);
    return page;
  };
  return { context, problems, open };
}

/** Waits up to `ms` for the presenter's stage to leave `from`; whether it did. */
export const moved = (page, from, ms) =>
  page
    .waitForFunction((w) => document.querySelector(".stage")?.dataset.at !== w, from, { timeout: ms })
    .then(() => true, () => false);

/** The shortest of a story's running orders for a hall (its structure's). */
export const shortestOrder = (story) =>
  story.orders.filter((o) => !o.together).sort((a, b) => a.minutes - b.minutes)[0];

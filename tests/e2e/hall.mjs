// Assembly's two windows as a test drives them: where each says the hall
// is, and a key pressed in the presenter's window that both follow.
// Shared by the Assembly and the language tests.

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

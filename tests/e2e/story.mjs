// Playing the story as a pupil would: by what is on screen and the roles a
// screen reader hears, in any language. Shared by the end-to-end tests.
import { CATALOGUE } from "./paths.mjs";
import { storyWord, word } from "./words.mjs";

/** Start, then pick the character called `name`. */
export async function startAs(page, name, lang = "en-GB") {
  await page.getByRole("button", { name: word(lang, "ui.start"), exact: true }).click();
  await page.getByRole("heading", { name: word(lang, "ui.pick.heading") }).waitFor();
  await page.getByRole("button", { name: new RegExp(`^${name}\\b`) }).click();
}

/**
 * Plays on from wherever the game is: unlocks lock screens, presses Next,
 * answers the chats with their first choice, and at the picture picks the
 * choice labelled `choice`. Calls `onScreen(page)` on every screen. Stops
 * at the ending, where help is. The game's words are those of `lang`.
 */
export async function playToEnding(page, choice, onScreen = async () => {}, lang = "en-GB") {
  for (let step = 0; step < 60; step++) {
    await page.locator("#app h1").first().waitFor();
    await onScreen(page);
    if (await page.getByRole("heading", { name: word(lang, "ui.help.heading") }).count()) return;
    const unlock = page.getByRole("button", { name: word(lang, "ui.lock.open") });
    const openChat = page.locator("button.open-chat");
    const next = page.getByRole("button", { name: word(lang, "ui.next"), exact: true });
    const choices = page.locator(".choice");
    const before = await page.locator("#app h1").first().textContent();
    if (await unlock.count()) await unlock.click();
    else if (await openChat.count()) await openChat.click();
    else if (await next.count()) await next.click();
    else if (await page.locator(".photo-card").count()) await page.getByRole("button", { name: choice }).click();
    else await choices.first().click();
    await page.waitForFunction((h) => document.querySelector("#app h1")?.textContent !== h, before);
  }
  throw new Error("the story never reached an ending");
}

/** The title's button that plays story `id`: Start for the first (the one
 * chosen at first), its own Play button for any other. */
export function playButton(page, id, lang = "en-GB") {
  if (id === CATALOGUE[0].id) return page.getByRole("button", { name: word(lang, "ui.start"), exact: true });
  const title = storyWord(lang, id, `stories.${id}.title`);
  return page.getByRole("button", { name: word(lang, "ui.stories.play").replace("{story}", title), exact: true });
}

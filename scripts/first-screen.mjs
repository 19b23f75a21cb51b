// The title screen as plain HTML, for index.html (scripts/precache.mjs):
// what a first visit shows while the WebAssembly is still on its way. It is
// the markup the game's own title draws for a first visit (src/ui/scenes/
// title.rs, src/ui/parts/topbar.rs), in the default language, made from
// the same words (the build script's packs) and the same catalogue, so
// that when the game takes over nothing moves. tests/e2e/first.test.mjs
// holds the two side by side. What only this copy has:
//   - data-quick-exit on Quick exit, which assets/boot.js acts on;
//   - a line, shown by boot.js when something is pressed too soon, that
//     the game is still on its way (ui.first.waiting).
import { readFile } from "node:fs/promises";

/** The words of a pack file (`key \x1f text \x1e`, as the build writes them). */
export async function readPack(path) {
  const text = await readFile(path, "utf8");
  return new Map(text.split("\x1e").filter(Boolean).map((entry) => entry.split("\x1f")));
}

/** The catalogue's stories: id, year, minutes and topics, in its order. */
export function readCatalogue(toml) {
  return toml
    .split(/^\[\[stories\]\]\s*$/m)
    .slice(1)
    .map((block) => ({
      id: block.match(/^id\s*=\s*"([^"]+)"/m)?.[1],
      year: block.match(/^year\s*=\s*(\d+)/m)?.[1],
      minutes: Number(block.match(/^minutes\s*=\s*(\d+)/m)?.[1]),
      topics: [...(block.match(/^topics\s*=\s*\[([^\]]*)\]/m)?.[1] ?? "").matchAll(/"([^"]+)"/g)].map((m) => m[1]),
    }));
}

const escape = (s) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

/**
 * The markup, from `words` (the default language's core pack), `other`
 * (the name of the language the title's switch offers, and its tag) and
 * `stories` (the catalogue). Every word it needs must be there: a missing
 * one stops the build, as it would show a key.
 */
export function firstScreen(words, other, stories) {
  const t = (key, fill = {}) => {
    const text = words.get(key);
    if (text === undefined) throw new Error(`first-screen.mjs: the default language has no word ${key}`);
    return escape(text.replace(/\{(\w+)\}/g, (all, name) => fill[name] ?? all));
  };
  // English's plural rule (the default language is English: precache.mjs
  // checks it).
  const tn = (key, n) => t(`${key}#${n === 1 ? "one" : "other"}`, { n: String(n) });
  const sliders =
    '<svg viewBox="0 0 24 24" width="22" height="22" focusable="false" aria-hidden="true"><path d="M3 6h18M3 12h18M3 18h18" stroke="currentColor" stroke-width="2"></path><circle cx="8" cy="6" r="2.5" fill="currentColor"></circle><circle cx="16" cy="12" r="2.5" fill="currentColor"></circle><circle cx="10" cy="18" r="2.5" fill="currentColor"></circle></svg>';
  const shield =
    '<svg viewBox="0 0 24 24" width="48" height="48" focusable="false" aria-hidden="true"><path d="M12 2 4 5v6c0 5 3.4 9.7 8 11 4.6-1.3 8-6 8-11V5z" fill="currentColor"></path><path d="M9 11V9a3 3 0 0 1 6 0v2h1v6H8v-6zm2 0h2V9a1 1 0 0 0-2 0z" fill="var(--shield-inner)"></path></svg>';
  const bar =
    `<header class="top-bar"><span class="top-title">${t("ui.title")}</span><span class="top-actions">` +
    `<button type="button" class="quiet">${t("ui.help_page.open")}</button>` +
    `<button type="button" aria-label="${t("ui.settings.open")}" title="${t("ui.settings.open")}" class="quiet icon">${sliders}</button>` +
    `<button type="button" title="${t("ui.quick_exit.hint")}" class="quiet exit" data-quick-exit="${t("ui.quick_exit.url")}">${t("ui.quick_exit.label")}</button>` +
    `</span></header>`;
  const card = (story, i) => {
    const title = t(`stories.${story.id}.title`);
    const topics = story.topics.map((topic) => t(`topic.${topic}`)).join(" · ");
    return (
      `<li class="story-card${i === 0 ? " current" : ""}"><h3>${title}</h3>` +
      (i === 0 ? `<p class="story-current">${t("ui.stories.current")}</p>` : "") +
      `<p>${t(`stories.${story.id}.summary`)}</p>` +
      `<p class="story-facts">${t("ui.stories.year", { year: story.year })} · ${tn("ui.stories.minutes", story.minutes)}</p>` +
      `<p class="story-topics"><span class="sr-only">${t("ui.stories.topics")}: </span>${topics}</p>` +
      `<button type="button" class="primary">${t("ui.stories.play", { story: words.get(`stories.${story.id}.title`) })}</button></li>`
    );
  };
  const chooser =
    stories.length > 1
      ? `<section aria-labelledby="stories-heading" class="stories"><h2 id="stories-heading">${t("ui.stories.heading")}</h2><ul>${stories.map(card).join("")}</ul></section>`
      : "";
  const link = (href, key) => `<a href="#${href}">${t(key)}</a>`;
  const title =
    `<section class="screen title">` +
    `<p class="title-language"><button type="button" lang="${escape(other.tag)}" class="quiet language">${escape(other.name)}</button></p>` +
    `<div aria-hidden="true" class="title-mark">${shield}</div>` +
    `<h1 tabindex="-1">${t("ui.title")}</h1>` +
    `<p class="tagline">${t("ui.tagline")}</p>` +
    `<section aria-labelledby="content-note-heading" class="content-note"><h2 id="content-note-heading">${t("ui.content_note.heading")}</h2>` +
    `<p>${t("ui.content_note.body")}</p><p>${t("ui.content_note.help")}</p></section>` +
    `<p class="doors"><button type="button" class="primary">${t("ui.start")}</button><button type="button">${t("ui.explore.open")}</button><button type="button">${t("ui.assembly.open")}</button></p>` +
    `<p class="check-offer">${link("quiz", "ui.check.before")}</p>` +
    chooser +
    `<nav aria-label="${t("guide.nav")}" class="guides">` +
    link("teachers", "guide.teachers_open") +
    link("parents", "guide.parents_open") +
    link("poster", "poster.title") +
    link("privacy", "guide.privacy_open") +
    link("accessibility", "guide.accessibility_open") +
    `</nav></section>`;
  const waiting = `<p class="notice first-waiting" role="status" data-words="${t("ui.first.waiting")}"></p>`;
  // The style sheet shows each part of the copy once the next has begun
  // (a page read in pieces is painted between them): the last part is
  // there for the one before it.
  return `<div id="first">${bar}${title}${waiting}<i hidden class="first-end"></i></div>`;
}

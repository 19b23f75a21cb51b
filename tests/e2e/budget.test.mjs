// What a player downloads, brotli-compressed, must stay within budget: a
// school's network and a pupil's data plan pay for every byte.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFile, readdir } from "node:fs/promises";
import { join } from "node:path";
import { brotliCompressSync, constants } from "node:zlib";
import { DIST } from "./harness.mjs";

// The one place the budget is kept, in kilobytes (1 KB = 1000 bytes), for
// the first load: what the title screen downloads for a player in English
// (the page, its script, the wasm with English's core words compiled in,
// the styles, the icon, the manifest and the service worker). It is a
// ratchet: the size now, plus a little slack because panic messages carry
// source paths that differ between checkouts. The aim was the whole game,
// with one language, in 120 KB: the story with the spread map (108.6 ->
// 125.5 KB), Explore (-> 142.3 KB), Assembly (-> 156.7 KB), the guides,
// knowledge check, poster and playing together (-> 172.7 KB), the offline
// files (-> 175.1 KB), settings with the language switch (-> 187.3 KB),
// the safeguarding lead's review (-> 192.9 KB), the game made safe under
// hostile and clumsy use and the offline page (-> 199.5 KB), the running
// orders as the story's data (-> 200.4 KB). Then every word the title does
// not need left the first load for packs of their own (issue 17), and the
// catalogue of stories came in (-> 197.3 KB), and the shell was laid out
// by what it is, its long components split (-> 198.2 KB). Then the glue
// was minified and eleven stateless components became plain functions
// (-> 187.3 KB), and the knowledge check became a check of its own, for
// every story, before, after and a week later, with a paper version
// (-> 196.5 KB: its page, its record and its scoring; its words are packs),
// and a hall could take it by a show of hands in Assembly (-> 199.6 KB),
// and answers not yet checked lasted through a reload (-> 200.8 KB), and
// the map named each story's own sender (-> 201.0 KB), and the title
// screen came into the page itself, to read before the wasm has arrived
// (-> 203.0 KB: its markup, and what boot.js does with it), and a region's
// world and run were kept to one at a time, the next built in the last
// one's arrays, going back in time in the run's own (-> 203.7 KB), and
// the spread's hot helpers were put inline (its random draws, the event
// calendar, a forwarder's contacts) and a draw cut short where its end
// cannot matter, the stress case and the region's building each about
// 15% quicker in Chromium, and a keyboard player's
// dialog kept its focus as the game took over the title (-> 204.0 KB).
// Then the game came in two parts, the first load the first part alone:
// the title and the story, which is what a pupil plays (-> 158.9 KB); then
// the title alone, the story coming with the rest of the game as Start is
// pressed (-> 107.0 KB); then the title in the page shown only once each
// part of it is whole, the game taking it over in tasks of its own and the
// offline copy fetched once the game has drawn (-> 107.4 KB).
export const BUDGET_KB = 107.5;
// The aim, which the ratchet may rise towards as the title grows, never past.
const AIM_KB = 120;
// The rest of the game: the whole game, every door (its glue and its wasm),
// fetched when the first part comes to a door it does not have (Explore,
// Assembly, the guides, the knowledge check, the poster). A ratchet too
// (194.0 KB when it came; 194.3 KB once it started the story the first
// part hands it, and found the packs the page keeps).
export const WHOLE_KB = 194.6;
const WHOLE = /^once-sent-whole-[0-9a-f]+(\.js|_bg\.wasm)$/;
// Every pack (another language's core, the guides, Assembly's and
// Explore's words, each story with its structure, in each language) is a
// file of its own, i18n-<lang>-<pack>-<hash>.txt, fetched when first
// needed; each must stay within this (the largest, Welsh's words of "Not even real", with its knowledge check: 8.5 KB).
export const PACK_KB = 9;
// Files the title never asks for: the icons an installed app uses, and the
// headers file a static host reads.
const NOT_FETCHED = /^(icon-\d+\.png|_headers)$/;

const brotli = (body) => brotliCompressSync(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;

test(`the first load in English is at most ${BUDGET_KB} KB brotli-compressed, the rest of the game at most ${WHOLE_KB} KB, each pack at most ${PACK_KB} KB`, async () => {
  let first = 0;
  let whole = 0;
  const rows = [];
  const wholeRows = [];
  const packs = [];
  for (const name of (await readdir(DIST)).sort()) {
    const body = await readFile(join(DIST, name));
    const packed = brotli(body);
    // The packs of words, and the doors' styles (Explore's, Assembly's,
    // the guides'), each fetched when first needed.
    if (/^(i18n-[\w-]+\.txt|doors-[0-9a-f]+\.css)$/.test(name)) {
      packs.push(`${name}: ${packed} B brotli (budget ${PACK_KB} KB)`);
      assert.ok(packed <= PACK_KB * 1000, packs.at(-1));
      continue;
    }
    if (NOT_FETCHED.test(name)) continue;
    if (WHOLE.test(name)) {
      whole += packed;
      wholeRows.push(`${name}: ${body.length} B raw, ${packed} B brotli`);
      continue;
    }
    first += packed;
    rows.push(`${name}: ${body.length} B raw, ${packed} B brotli`);
  }
  const summary = `first load: ${(first / 1000).toFixed(1)} KB brotli (budget ${BUDGET_KB} KB)`;
  const rest = `the rest of the game: ${(whole / 1000).toFixed(1)} KB brotli (budget ${WHOLE_KB} KB)`;
  console.log([summary, ...rows, rest, ...wholeRows, "packs, fetched when first needed:", ...packs].join("\n  "));
  assert.ok(rows.some((r) => r.includes(".wasm")), "the first load has the game's wasm");
  assert.equal(wholeRows.length, 2, "the rest of the game is its glue and its wasm");
  assert.ok(whole <= WHOLE_KB * 1000, rest);
  for (const pack of ["cy-core", "en-GB-guides", "en-GB-play", "en-GB-story-once-sent", "cy-story-once-sent", "en-GB-assembly", "en-GB-explore"]) {
    assert.ok(packs.some((p) => p.startsWith(`i18n-${pack}-`)), `${pack} is a pack of its own`);
  }
  assert.ok(first <= BUDGET_KB * 1000, summary);
  assert.ok(BUDGET_KB <= AIM_KB, `the first load's budget, ${BUDGET_KB} KB, is past the aim of ${AIM_KB} KB`);
  // The doors' styles are not the title's: the page names them, links them not.
  const page = await readFile(join(DIST, "index.html"), "utf8");
  assert.match(page, /<meta name="once-sent-styles" content="\.\/doors-[0-9a-f]+\.css">/);
  assert.doesNotMatch(page, /<link[^>]*doors-/, "the title links Explore's and Assembly's styles");
});

test("the first load carries no story's, story screens', guide's, Assembly's or Explore's words: a new story cannot grow it", async () => {
  const wasm = (await readdir(DIST)).find((n) => n.endsWith(".wasm") && !WHOLE.test(n));
  const text = (await readFile(join(DIST, wasm))).toString("latin1");
  const pack = async (name) => {
    const file = (await readdir(DIST)).find((n) => n.startsWith(`i18n-en-GB-${name}-`));
    return (await readFile(join(DIST, file), "utf8")).split("\u001e").filter(Boolean);
  };
  for (const name of ["story-once-sent", "play", "guides", "assembly", "explore"]) {
    const entries = await pack(name);
    // Each long text of the pack (a short one, such as "Back", may be in
    // the core as well), as UTF-8 bytes read one to a character.
    const long = entries.map((e) => e.split("\u001f")[1] ?? "").filter((t) => t.length > 40);
    assert.ok(long.length > 5, `${name} has long texts to look for`);
    const inside = long.filter((t) => text.includes(Buffer.from(t, "utf8").toString("latin1")));
    assert.deepEqual(inside, [], `${name}'s words are in the wasm`);
  }
  // The check can fail: the core's own words are there.
  const core = "A game about what happens to a picture once it is shared.";
  assert.ok(text.includes(core), "the core's words are compiled in");
});

test("the first load is the title: the story's, Explore's, Assembly's, the check's and the guides' screens are only in the rest of the game", async () => {
  const names = await readdir(DIST);
  const read = async (n) => (await readFile(join(DIST, n))).toString("latin1");
  const first = await read(names.find((n) => n.endsWith("_bg.wasm") && !WHOLE.test(n)));
  const whole = await read(names.find((n) => n.endsWith("_bg.wasm") && WHOLE.test(n)));
  // A class name that only that screen's code writes.
  const only = {
    "the story's chats": "chat-name",
    "the story's map": "spread-map",
    Explore: "explore-building",
    Assembly: "closing-line",
    "the knowledge check": "notice-inline",
    "the poster": "poster-credit",
  };
  for (const [screen, name] of Object.entries(only)) {
    assert.ok(whole.includes(name), `the rest of the game has ${screen} (${name})`);
    assert.ok(!first.includes(name), `the first load has ${screen}'s code (${name})`);
  }
  // The title is in both: the first part shows it, and the whole game
  // shows it again at Home.
  for (const part of [first, whole]) assert.ok(part.includes("content-note"), "a part of the game without the title");
});

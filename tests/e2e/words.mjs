// The game's words as a test reads them: straight from the catalogues in
// assets/i18n, so that a test can play in any language by what is on
// screen. Reads the plain `key = "text"` lines the tests need.
import { readFileSync, readdirSync } from "node:fs";
import { resolve } from "node:path";

const I18N = resolve(import.meta.dirname, "../../assets/i18n");
const cache = new Map();

// The first story's id: the words of a story are its own, and the tests
// that name its keys play the first.
const FIRST = readFileSync(resolve(I18N, "../stories/catalogue.toml"), "utf8").match(/^id\s*=\s*"([^"]+)"/m)[1];

/** The plain `key = "text"` lines of `files` (paths under `dir`). */
function read(dir, files) {
  const words = new Map();
  for (const file of files) {
    let table = "";
    for (const line of readFileSync(resolve(dir, file), "utf8").split("\n")) {
      const header = line.match(/^\[([a-z0-9_.-]+)\]\s*$/);
      if (header) table = header[1];
      const pair = line.match(/^([a-z0-9_.-]+)\s*=\s*"((?:[^"\\]|\\.)*)"\s*$/);
      if (pair) words.set(`${table}.${pair[1]}`, JSON.parse(`"${pair[2]}"`));
    }
  }
  return words;
}

function catalogue(lang, story = FIRST) {
  const name = `${lang} ${story}`;
  if (cache.has(name)) return cache.get(name);
  // Every file of the language (its core, and each pack's folder) but the
  // other stories' words.
  const files = readdirSync(resolve(I18N, lang), { recursive: true })
    .filter((f) => f.endsWith(".toml"))
    .filter((f) => !/^stories[/\\]/.test(f) || f.endsWith(`${story}.toml`));
  const words = read(resolve(I18N, lang), files);
  cache.set(name, words);
  return words;
}

/** The text under `key` in `lang` with story `story`'s words (any text
 * of the game, or that story's); throws if it has none. */
export function storyWord(lang, story, key) {
  const text = catalogue(lang, story).get(key);
  if (text === undefined) throw new Error(`${lang} has no plain text under ${key} for ${story}`);
  return text;
}

/** The text under `key` in `lang` ("en-GB", "cy"); throws if it has none. */
export function word(lang, key) {
  const text = catalogue(lang).get(key);
  if (text === undefined) throw new Error(`${lang} has no plain text under ${key}`);
  return text;
}

/** The languages the game ships. */
export const LANGS = readdirSync(I18N);

/** The same words in `lang` as `english` is in English (found by its key). */
export function inLang(lang, english) {
  const key = [...catalogue("en-GB")].find(([, text]) => text === english)?.[0];
  if (!key) throw new Error(`no English text "${english}"`);
  return word(lang, key);
}

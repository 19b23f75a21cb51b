// Trunk's post-build step (Trunk.toml [[hooks]]): makes the build work
// offline and locks it down, from the files the build actually wrote.
//
// 1. Writes sw.js, a service worker that precaches every file of the build
//    (its list made here from the hashed file names, never by hand) in a
//    cache named by a hash of them all, so each build is its own version.
//    A new version waits until every tab of the old one is closed: it
//    takes over between games, never in the middle of one.
// 2. Puts a strict Content-Security-Policy in index.html, with the hash of
//    each inline script (Trunk's start-up module) computed here.
// 0. First, ships every pack of words the build script wrote (another
//    language's core, the guides, each story with its structure) but
//    English's core (compiled into the game) as a file of its own, named by
//    its language, its pack and a hash of its words, and names it in
//    index.html (<meta name="once-sent-pack" content="cy/core i18n-cy-core-….txt">):
//    the game fetches each when first needed.
import { createHash } from "node:crypto";
import { readFile, readdir, rename, stat, unlink, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { minify } from "terser";
import { firstScreen, readCatalogue, readPack } from "./first-screen.mjs";

const dir = process.env.TRUNK_STAGING_DIR;
if (!dir) throw new Error("precache.mjs runs as Trunk's post_build hook (TRUNK_STAGING_DIR is not set)");

// The build script writes the packs to <profile>/packs/<lang>/ in Cargo's
// target folder; the folder with the newest files is the build that just
// ran. Files, not the folder: rewriting a file leaves its folder's time as
// it was, so a debug build (clippy, the component tests) made once after
// the release folder was made would otherwise win for ever, and ship
// stale words.
const FIRST = "en-GB/core";
const target = join(process.env.CARGO_TARGET_DIR ?? join(process.cwd(), "target"), "wasm32-unknown-unknown");
const profiles = [];
for (const profile of await readdir(target).catch(() => [])) {
  const folder = join(target, profile, "packs");
  const tags = await readdir(folder).catch(() => []);
  const files = (await Promise.all(tags.map((t) => readdir(join(folder, t)).then((fs) => fs.map((f) => join(folder, t, f)), () => [])))).flat();
  const times = await Promise.all(files.map((f) => stat(f).then((s) => s.mtimeMs, () => 0)));
  if (files.length) profiles.push([Math.max(...times), folder]);
}
const packsDir = profiles.sort((a, b) => b[0] - a[0])[0]?.[1];
if (!packsDir) throw new Error(`no packs under ${target}/*/packs: the build script writes them`);
// A story's pack ships only while the catalogue lists the story: one taken
// out of it leaves its old file in the folder.
const catalogue = await readFile(join(process.env.TRUNK_SOURCE_DIR ?? process.cwd(), "assets/stories/catalogue.toml"), "utf8");
const listed = new Set([...catalogue.matchAll(/^id\s*=\s*"([^"]+)"/gm)].map((m) => `story-${m[1]}`));
const packs = [];
for (const tag of (await readdir(packsDir)).sort()) {
  for (const file of (await readdir(join(packsDir, tag))).filter((f) => f.endsWith(".txt")).sort()) {
    const pack = `${tag}/${file.slice(0, -".txt".length)}`;
    const story = pack.split("/")[1];
    if (pack === FIRST || (story.startsWith("story-") && !listed.has(story))) continue;
    const words = await readFile(join(packsDir, tag, file));
    const name = `i18n-${pack.replace("/", "-")}-${createHash("sha256").update(words).digest("hex").slice(0, 16)}.txt`;
    await writeFile(join(dir, name), words);
    packs.push({ tag: pack, name, words });
  }
}

// wasm-bindgen's glue, minified (Trunk leaves it as it is): its import
// names stay, as the wasm asks for them by name. Its integrity in
// index.html follows. The single-file edition takes the glue as written.
const glueName = (await readdir(dir)).find((n) => /^once-sent-[0-9a-f]+\.js$/.test(n));
const glueRaw = await readFile(join(dir, glueName), "utf8");
const small = (await minify(glueRaw, { module: true, ecma: 2020, compress: { passes: 2 } })).code;
await writeFile(join(dir, glueName), small);
const integrity = (text) => `sha384-${createHash("sha384").update(text).digest("base64")}`;

// The whole game (index.html's second Rust program, src/whole.rs), which
// Trunk writes under fixed names: minified and named by a hash of both its
// files, like every other file, so that a new version never meets an old
// one's. The first part of the game loads it at a door it does not have.
const WHOLE = "once-sent-whole";
const wholeRaw = await readFile(join(dir, `${WHOLE}.js`), "utf8").catch(() => {
  throw new Error(`Trunk wrote no ${WHOLE}.js: index.html builds the whole game as a second Rust program`);
});
const wholeWasm = await readFile(join(dir, `${WHOLE}_bg.wasm`));
const wholeSmall = (await minify(wholeRaw, { module: true, ecma: 2020, compress: { passes: 2 } })).code;
const wholeHash = createHash("sha256").update(wholeSmall).update(wholeWasm).digest("hex").slice(0, 16);
const wholeGlue = `${WHOLE}-${wholeHash}.js`;
await writeFile(join(dir, wholeGlue), wholeSmall);
await rename(join(dir, `${WHOLE}_bg.wasm`), join(dir, `${WHOLE}-${wholeHash}_bg.wasm`));
await unlink(join(dir, `${WHOLE}.js`));

const names = (await readdir(dir, { withFileTypes: true }))
  .filter((e) => e.isFile() && e.name !== "sw.js")
  .map((e) => e.name)
  .sort();

// The policy: nothing from anywhere but this site, no inline code but the
// start-up module whose hash is listed, WebAssembly allowed to compile.
const htmlPath = join(dir, "index.html");
let html = await readFile(htmlPath, "utf8");
// Where the page shows its own title (scripts/first-screen.mjs,
// assets/boot.js), it is on screen before the game's file is even asked
// for: the words never wait for it, however soon it would come. The first
// paint may show only the top of the page (a browser paints as it reads),
// so the file waits for the first paint and then for the next frame: this
// module runs once the whole page is read, so that frame has all of the
// title. However late that first paint comes (a device busy at the time
// may not paint for seconds): if the game drew first, its screen would be
// the first paint, and the title in the page would have been for nothing.
// A browser that does not report its first paint waits for the next
// frame alone; a tab not shown, which paints nothing, does not wait; and
// one that is shown but never paints, three seconds at most.
const PAINTED = `if (document.documentElement.hasAttribute("data-first") && document.visibilityState !== "hidden") await new Promise((r) => {
  const frame = () => requestAnimationFrame(() => setTimeout(r));
  try {
    if (PerformanceObserver.supportedEntryTypes.includes("paint")) {
      new PerformanceObserver((l) => l.getEntriesByName("first-contentful-paint").length && frame()).observe({ type: "paint", buffered: true });
    } else frame();
  } catch { frame(); }
  setTimeout(r, 3000);
});`;
const init = /const wasm = await init\(/;
if (!init.test(html)) throw new Error("index.html's start-up module calls no init(): has Trunk's output changed?");
if (!/import init, \* as bindings from/.test(html)) throw new Error("index.html's start-up module imports no bindings: has Trunk's output changed?");
// The way to load the rest of the game (src/ui/effects/rest.rs): once, for
// as many calls as come while it loads; after a failure, again, by another
// address (a browser may keep a module that failed to load as failed).
// The whole game then stops the first part and takes the page over, and
// the page hears of it as of the first part's start (with its exports,
// which scripts/bench-memory.mjs reads).
const REST = `let rest, glue, tries = 0;
window.onceSentRest = () => rest ??= (async () => {
  const again = tries++ ? \`?try=\${tries - 1}\` : "";
  glue ??= import(\`./${wholeGlue}\${again}\`).catch((e) => { glue = undefined; throw e; });
  const whole = await glue;
  const wasm = await whole.default({ module_or_path: \`./${WHOLE}-${wholeHash}_bg.wasm\${again}\` });
  whole.take_over(() => bindings.stop());
  dispatchEvent(new CustomEvent("OnceSentRestStarted", { detail: { wasm } }));
})().catch((e) => { rest = undefined; throw e; });`;
html = html.replace(init, (m) => `${REST}\n${PAINTED}\n${m}`);
const named = packs.map((l) => `<meta name="once-sent-pack" content="${l.tag} ${l.name}">`).join("");
const inline = [...html.matchAll(/<script(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/g)].map((m) => m[1]);
const hashes = inline.map((code) => `'sha256-${createHash("sha256").update(code).digest("base64")}'`);
// Every directive is one all three engines know (WebKit reports
// manifest-src as unrecognised on every load): the site's own origin by
// default (the manifest, the service worker, the packs of words), scripts
// only as listed, and nothing that embeds or submits.
const policy = [
  "default-src 'self'",
  `script-src 'self' 'wasm-unsafe-eval' ${hashes.join(" ")}`.trim(),
  "style-src 'self'",
  "img-src 'self'",
  "object-src 'none'",
  "frame-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
].join("; ");
const meta = `<meta http-equiv="Content-Security-Policy" content="${policy}">`;
// Right after the character set, before anything it governs (a minified
// page may have no <head> tag at all).
const charset = html.match(/<meta charset=[^>]*>/i);
if (!charset) throw new Error("index.html has no <meta charset>: nowhere to put the Content-Security-Policy");
html = html.replace(charset[0], `${charset[0]}${meta}${named}`);
if (!html.includes(integrity(glueRaw))) throw new Error("index.html names no integrity for the glue: has Trunk's output changed?");
html = html.replace(integrity(glueRaw), integrity(small));
// No preload of the wasm: WebKit fetches a preloaded wasm and then fetches
// it again for the module (the preload is never matched), so a first visit
// would download it twice. The glue script is module-preloaded and starts
// the one fetch itself.
const preload = /<link[^>]*\brel=(?:"?)preload(?:"?)[^>]*_bg\.wasm[^>]*>|<link[^>]*_bg\.wasm[^>]*\brel=(?:"?)preload(?:"?)[^>]*>/;
if (!preload.test(html)) throw new Error("index.html has no wasm preload to take out: has Trunk's output changed?");
html = html.replace(preload, "");
// Explore's and Assembly's styles are not the title's: their link leaves
// the page, which names the file instead (<meta name="once-sent-styles">);
// the game links it when either door opens, or once the title has shown.
const doorsLink = /<link[^>]*\bhref=(?:"?)\.\/(doors-[0-9a-f]+\.css)(?:"?)[^>]*>/;
const doorsCss = html.match(doorsLink)?.[1];
if (!doorsCss) throw new Error("index.html links no doors-….css to take out: has Trunk's output changed?");
html = html.replace(doorsLink, "").replace(charset[0], `${charset[0]}<meta name="once-sent-styles" content="./${doorsCss}">`);
// The title screen, in the default language, as plain HTML inside the
// game's own element (scripts/first-screen.mjs): on screen, and Quick exit
// working, before the WebAssembly has arrived. The game takes it out as it
// draws its own.
const [firstLang] = FIRST.split("/");
if (firstLang !== "en-GB") throw new Error("first-screen.mjs writes English plurals: teach it the default language's");
const others = (await readdir(packsDir)).filter((t) => t !== firstLang).sort();
if (others.length !== 1) throw new Error(`the title's language switch offers the next language; first-screen.mjs knows two, not ${others.length + 1}`);
const other = { tag: others[0], name: (await readPack(join(packsDir, others[0], "core.txt"))).get("ui.settings.language_name") };
const first = firstScreen(await readPack(join(packsDir, `${FIRST}.txt`)), other, readCatalogue(catalogue));
const appElement = /<main id=(?:"?)app(?:"?)><\/main>/;
if (!appElement.test(html)) throw new Error("index.html has no empty <main id=app> to put the title screen in");
html = html.replace(appElement, (m) => m.replace("></main>", `>${first}</main>`));
await writeFile(htmlPath, html);
// The same policy for static hosts that read a headers file (Netlify,
// Cloudflare Pages), where it also forbids framing.
await writeFile(
  join(dir, "_headers"),
  `/*\n  Content-Security-Policy: ${policy}; frame-ancestors 'none'\n  X-Content-Type-Options: nosniff\n  Referrer-Policy: no-referrer\n`,
);

const files = names;
const digest = createHash("sha256");
for (const name of files) digest.update(name).update(await readFile(join(dir, name)));
const version = digest.digest("hex").slice(0, 16);
const list = ["./", ...files.map((n) => `./${n}`)];

// What a page load shows with no kept copy and no network (the words are in
// assets/offline.html, in every language).
const offline = await readFile(join(process.cwd(), "assets", "offline.html"), "utf8");
const sw = `// Made by scripts/precache.mjs at build time: do not edit.
const CACHE = "once-sent-${version}";
const FILES = ${JSON.stringify(list)};
self.addEventListener("install", (e) => {
  e.waitUntil(caches.open(CACHE).then((c) => c.addAll(FILES)));
});
self.addEventListener("activate", (e) => {
  e.waitUntil(
    caches.keys()
      .then((keys) => Promise.all(keys.filter((k) => k.startsWith("once-sent-") && k !== CACHE).map((k) => caches.delete(k))))
      .then(() => self.clients.claim()),
  );
});
const OFFLINE = ${JSON.stringify(offline)};
self.addEventListener("fetch", (e) => {
  const request = e.request;
  if (request.method !== "GET" || new URL(request.url).origin !== self.location.origin) return;
  e.respondWith(answer(request));
});
// The kept copy; else the network (a cache the browser has cleared under a
// live worker is an ordinary case), keeping what it brings of this version;
// else, for a page, a plain offline message. Never an empty answer.
async function answer(request) {
  const c = await caches.open(CACHE);
  const page = request.mode === "navigate";
  const hit = (await c.match(request, { ignoreSearch: true })) ?? (page ? await c.match("./index.html") : undefined);
  if (hit) return hit;
  try {
    const response = await fetch(request);
    const path = "./" + new URL(request.url).pathname.split("/").pop();
    if (response.ok && FILES.includes(page ? "./" : path)) await c.put(page ? "./" : path, response.clone());
    return response;
  } catch (error) {
    if (!page) throw error;
    return new Response(OFFLINE, { status: 503, headers: { "Content-Type": "text/html; charset=utf-8" } });
  }
}
`;
await writeFile(join(dir, "sw.js"), "// Made by scripts/precache.mjs at build time: do not edit.\n" + (await minify(sw, { ecma: 2020 })).code);
console.log(`precache.mjs: ${list.length} files, version ${version}; CSP with ${hashes.length} inline script hash(es)`);

// 3. The single-file edition: one HTML file with the wasm, the JavaScript
//    and the styles inside it, for schools with no usable network (open it
//    from a disk, a USB stick or an email). No service worker (browsers
//    allow none from a file), the same kind of policy with its own hashes.
//    Written beside the build, not in it, so the web bundle stays small.
const dist = process.env.TRUNK_DIST_DIR;
if (dist) {
  const { mkdir } = await import("node:fs/promises");
  const { dirname } = await import("node:path");
  const file = (prefix, ext) => names.find((n) => n.startsWith(prefix) && n.endsWith(ext));
  // Both style sheets inside: a page opened from a file fetches nothing.
  const css = (await readFile(join(dir, file("style-", ".css")), "utf8")) + (await readFile(join(dir, doorsCss), "utf8"));
  const boot = await readFile(join(dir, file("boot-", ".js")), "utf8");
  // The whole game alone: one file has no first part to load first.
  const glue = wholeRaw.replace(/^export \{[^}]*\};?\s*$/m, "");
  const wasm = wholeWasm.toString("base64");
  const start = `${glue}
${PAINTED}
const bytes = Uint8Array.from(atob("${wasm}"), (c) => c.charCodeAt(0));
await __wbg_init({ module_or_path: bytes });
take_over();`;
  const sha = (text) => `'sha256-${createHash("sha256").update(text).digest("base64")}'`;
  let single = await readFile(htmlPath, "utf8");
  // Every pack inside the file too, as a data: address.
  for (const l of packs) {
    single = single.replace(`content="${l.tag} ${l.name}"`, `content="${l.tag} data:text/plain;charset=utf-8;base64,${l.words.toString("base64")}"`);
  }
  single = single
    .replace(/<meta http-equiv="Content-Security-Policy"[^>]*>/, "")
    .replace(/<meta name="once-sent-styles"[^>]*>/, "")
    .replace(/<link[^>]*rel=(?:"?)(?:icon|manifest|modulepreload|preload)\b[^>]*>/g, "")
    .replace(/<link[^>]*rel=(?:"?)stylesheet\b[^>]*>/, () => `<style>${css}</style>`)
    .replace(/<script[^>]*src=[^>]*boot-[^>]*><\/script>/, () => `<script>${boot}</script>`)
    .replace(/<script type=(?:"?)module(?:"?)>[\s\S]*?<\/script>/, () => `<script type=module>${start}</script>`);
  const singlePolicy = [
    "default-src 'none'",
    `script-src 'wasm-unsafe-eval' ${sha(boot)} ${sha(start)}`,
    `style-src ${sha(css)}`,
    "connect-src data:",
    "base-uri 'none'",
    "form-action 'none'",
  ].join("; ");
  single = single.replace(charset[0], `${charset[0]}<meta http-equiv="Content-Security-Policy" content="${singlePolicy}">`);
  // Trunk runs its hooks in the project's folder.
  const out = join(process.cwd(), "target", "single", "once-sent.html");
  await mkdir(dirname(out), { recursive: true });
  await writeFile(out, single);
  console.log(`precache.mjs: the single-file edition, ${(single.length / 1000).toFixed(0)} KB, in ${out}`);
}

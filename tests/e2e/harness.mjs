// Shared by the end-to-end tests: serves dist/ on 127.0.0.1 and launches
// the system's headless Chromium through playwright-core.
import { after, before } from "node:test";
import { mkdir, readFile } from "node:fs/promises";
import { resolve } from "node:path";
import { createRequire } from "node:module";
import { chromium } from "playwright-core";
import { serveFolder } from "../../scripts/serve-folder.mjs";

export const DIST = resolve(import.meta.dirname, "../../dist");

/** Serves dist/ as any static host would; resolves to { url, close }. */
export const serveDist = () => serveFolder(DIST);

/** The system Chromium, headless, with nothing that reaches the network. */
export function launch() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium",
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-dev-shm-usage",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
  });
}

/** Where the quick exit goes (ui.quick_exit.url). */
export const QUICK_EXIT = "https://www.bbc.co.uk/weather";

export const PHONE = { width: 390, height: 844 };
export const PROJECTOR = { width: 1920, height: 1080 };

/**
 * A new page that records console errors and uncaught exceptions, so a
 * test can assert that a screen raised none.
 */
export async function openPage(browser, url, options = {}) {
  const context = await browser.newContext({ viewport: PHONE, ...options });
  // Any breach of the Content-Security-Policy is a problem too.
  await context.addInitScript(() =>
    document.addEventListener("securitypolicyviolation", (e) =>
      console.error(`CSP violation: ${e.violatedDirective} ${e.blockedURI}`)),
  );
  const page = await context.newPage();
  const problems = [];
  page.on("console", (m) => m.type() === "error" && problems.push(m.text()));
  page.on("pageerror", (e) => problems.push(String(e)));
  // Nothing leaves the device: any request to another origin is a problem,
  // but for the quick exit's own page, which the player asks for.
  page.on("request", (r) => {
    const url = r.url();
    if (!url.startsWith("http://127.0.0.1:") && !/^(data|blob|file):/.test(url) && !url.startsWith(QUICK_EXIT)) {
      problems.push(`a request to another origin: ${url}`);
    }
  });
  if (url) await page.goto(url);
  return { context, page, problems };
}

/**
 * Waits for the game's own title: on a first visit the page shows a copy
 * of it (#first) until the game has started, and what the game sets on
 * the page (its settings, say) is there only from then on.
 */
export async function gameTitle(page) {
  await page.locator("#app h1").first().waitFor();
  await page.locator("#first").waitFor({ state: "detached" });
}

/** Tabs to the control whose accessible name or text is `name`, at most 40 presses. */
export async function tabTo(page, name) {
  for (let i = 0; i < 40; i++) {
    await page.keyboard.press("Tab");
    const here = await page.evaluate(() => {
      const el = document.activeElement;
      return (el?.getAttribute("aria-label") ?? el?.labels?.[0]?.textContent ?? el?.textContent ?? "").trim();
    });
    if (here === name) return;
  }
  throw new Error(`Tab never reached "${name}"`);
}

/** Where screenshots go, for people to look at; not checked in. */
export const ARTIFACTS = resolve(import.meta.dirname, "artifacts");

/**
 * Serves dist/ and launches Chromium before the file's tests, and closes
 * both after them. Returns an object whose `server` and `browser` are set
 * once the tests run.
 */
export function withBrowser() {
  const env = { server: null, browser: null };
  before(async () => {
    await mkdir(ARTIFACTS, { recursive: true });
    env.server = await serveDist();
    env.browser = await launch();
  });
  after(async () => {
    await env.browser?.close();
    await env.server?.close();
  });
  return env;
}

const AXE = await readFile(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");
/** The WCAG rule sets every screen must pass. */
export const WCAG = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"];

/**
 * Every place on `page` where words could be typed: a text field, a text
 * area, anything editable. The game has none (CONTENT.md: no free text
 * that could name a classmate); a number of hands or a tick is not text.
 */
export function freeText(page) {
  return page.evaluate(() => {
    const typed = ["text", "search", "email", "url", "tel", "password"];
    return [...document.querySelectorAll("input, textarea, [contenteditable]")]
      .filter((el) => el.tagName === "TEXTAREA" || el.isContentEditable || (el.tagName === "INPUT" && typed.includes(el.type)))
      .map((el) => `free text: ${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ""}[type=${el.type ?? ""}]`);
  });
}

/**
 * axe-core's WCAG A and AA violations on `page`, one line each, and any
 * place that takes free text (every screen scanned is checked for both).
 */
export async function violations(page) {
  // Evaluated, not added as a script tag: the page's Content-Security-Policy
  // rightly refuses inline scripts.
  if (!(await page.evaluate(() => "axe" in globalThis))) await page.evaluate(AXE);
  const result = await page.evaluate(
    (tags) => globalThis.axe.run(document, { runOnly: { type: "tag", values: tags } }),
    WCAG,
  );
  const found = result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
  return [...found, ...(await freeText(page))];
}

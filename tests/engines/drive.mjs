// Firefox and WebKit (Safari's engine), driven the same way: the few acts a
// test needs (open a tab at a size, run a function in the page, wait for
// it, click by a real pointer, press a key, take a screenshot, read the
// errors). Firefox through puppeteer-core over WebDriver BiDi, WebKit
// through selenium-webdriver and WebKitWebDriver with its MiniBrowser under
// Xvfb. Both browsers are Debian's packages (scripts/setup.sh); nothing
// here downloads one.
import { spawn } from "node:child_process";
import { writeFile } from "node:fs/promises";
import { createServer } from "node:net";
import puppeteer from "puppeteer-core";
import { Builder, By, Key } from "selenium-webdriver";

/** The engines to run: all by default, or those named in ENGINES. */
export const ENGINES = (process.env.ENGINES ?? "firefox,webkit").split(",").map((e) => e.trim()).filter(Boolean);

export const PHONE = { width: 390, height: 844 };
export const PROJECTOR = { width: 1920, height: 1080 };

const MINIBROWSER = "/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser";

/** A free TCP port on loopback. */
function freePort() {
  return new Promise((ok, fail) => {
    const s = createServer().listen(0, "127.0.0.1", () => {
      const { port } = s.address();
      s.close(() => ok(port));
    });
    s.on("error", fail);
  });
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/** Waits until `check()` is truthy; its last value. */
async function until(check, { timeout = 10_000, every = 100, what = "a condition" } = {}) {
  const end = Date.now() + timeout;
  let last;
  for (;;) {
    last = await check().catch((e) => ({ failed: e }));
    if (last && !last.failed) return last;
    if (Date.now() > end) throw new Error(`timed out after ${timeout} ms waiting for ${what}${last?.failed ? `: ${last.failed.message}` : ""}`);
    await sleep(every);
  }
}

// In-page helpers, as source: find a control by its visible text.
const FIND = `(text, selector) => {
  const all = [...document.querySelectorAll(selector)].filter((e) => e.offsetParent !== null || e === document.activeElement);
  return all.find((e) => e.textContent.trim() === text) ?? all.find((e) => e.textContent.trim().startsWith(text)) ?? null;
}`;

/** The act every tab offers, on top of an engine's few primitives. */
class Tab {
  /** Runs `fn` (a function, or its source) in the page with `args`. */
  async js(fn, ...args) {
    return this.run(typeof fn === "function" ? fn.toString() : fn, args);
  }

  /** Waits until `fn` (run in the page) gives something truthy. */
  waitFor(fn, ...args) {
    const options = typeof args.at(-1) === "object" && args.at(-1)?.timeout ? args.pop() : {};
    return until(() => this.js(fn, ...args), { what: String(fn).slice(0, 120), ...options });
  }

  /** The first heading's text. */
  heading() {
    return this.js(() => document.querySelector("#app h1")?.textContent ?? null);
  }

  /**
   * Waits for the game's own first screen: a heading, and not the title
   * the page shows until the game has started (#first), whose controls the
   * game takes out as it starts.
   */
  started() {
    return this.waitFor(() => !!document.querySelector("#app h1") && !document.getElementById("first"), { timeout: 20_000 });
  }

  /**
   * Waits until this tab has left `site` (Quick exit), for at most 15 s;
   * the address it is at then.
   */
  async leave(site) {
    const end = Date.now() + 15_000;
    while ((await this.url()).startsWith(site) && Date.now() < end) await sleep(200);
    return this.url();
  }

  /**
   * Waits for the first heading to read `text`, on the game's own screen:
   * not the title the page shows until the game has started (#first, with
   * tests of its own in tests/e2e/first.test.mjs), whose controls the game
   * takes out as it starts.
   */
  waitHeading(text, options = {}) {
    return this.waitFor((t) => document.querySelector("#app h1")?.textContent === t && !document.getElementById("first"), text, { timeout: 15_000, ...options });
  }

  /** Clicks, with a real pointer, the control whose text is `text`. */
  async clickText(text, selector = "button, a, label") {
    await this.waitFor(new Function("t", "s", `return !document.getElementById("first") && !!(${FIND})(t, s)`), text, selector);
    const mark = `e2e-${Math.random().toString(36).slice(2)}`;
    await this.js(new Function("t", "s", "m", `const e = (${FIND})(t, s); e.scrollIntoView({ block: "center" }); e.setAttribute("data-e2e", m);`), text, selector, mark);
    await this.click(`[data-e2e="${mark}"]`);
  }

  /** Presses Tab until the focused control's text is `text`; then Enter. */
  async tabTo(text, { within = 40 } = {}) {
    await this.started();
    for (let i = 0; i < within; i++) {
      await this.press("Tab");
      const focused = await this.js(() => document.activeElement?.textContent?.trim() ?? "");
      if (focused === text || focused.startsWith(text)) return this.press("Enter");
    }
    throw new Error(`no control "${text}" within ${within} presses of Tab`);
  }

  /** Presses Tab once, then Enter: the first control after the heading. */
  async firstControl() {
    await this.press("Tab");
    await this.press("Enter");
  }
}

// ---- Firefox ----

class FirefoxTab extends Tab {
  constructor(page) {
    super();
    this.page = page;
    this.problems = [];
    page.on("console", (m) => m.type() === "error" && this.problems.push(m.text()));
    page.on("pageerror", (e) => this.problems.push(String(e)));
  }
  goto(url) {
    return this.page.goto(url, { waitUntil: "load" });
  }
  run(source, args) {
    return this.page.evaluate(new Function("args", `return (${source})(...args)`), args);
  }
  click(selector) {
    return this.page.click(selector);
  }
  press(key) {
    return this.page.keyboard.press(key === " " ? "Space" : key);
  }
  async screenshot(path) {
    await writeFile(path, await this.page.screenshot());
  }
  url() {
    return this.page.url();
  }
  back() {
    return this.page.goBack().catch(() => null);
  }
  reload() {
    return this.page.reload({ waitUntil: "load" });
  }
  errors() {
    return Promise.resolve(this.problems);
  }
  close() {
    return this.page.close();
  }
}

async function firefox() {
  const browser = await puppeteer.launch({
    browser: "firefox",
    executablePath: process.env.FIREFOX ?? "/usr/bin/firefox-esr",
    headless: true,
    // Nothing that reaches the network on its own.
    extraPrefsFirefox: {
      "network.captive-portal-service.enabled": false,
      "network.connectivity-service.enabled": false,
      "app.update.enabled": false,
      "browser.safebrowsing.malware.enabled": false,
      "browser.safebrowsing.phishing.enabled": false,
      "extensions.getAddons.cache.enabled": false,
      "media.gmp-manager.url": "",
      "browser.region.network.url": "",
    },
  });
  return {
    engine: "firefox",
    version: await browser.version(),
    /** A fresh context (its own storage) with one tab at `viewport`. */
    async context(viewport = PHONE) {
      const context = await browser.createBrowserContext();
      const open = async (size = viewport) => {
        const page = await context.newPage();
        await page.setViewport(size);
        return new FirefoxTab(page);
      };
      return { tab: await open(), open, close: () => context.close() };
    },
    close: () => browser.close(),
  };
}

// ---- WebKit ----

const KEYS = { Enter: Key.ENTER, Tab: Key.TAB, Escape: Key.ESCAPE, ArrowRight: Key.ARROW_RIGHT, ArrowLeft: Key.ARROW_LEFT, " ": Key.SPACE, End: Key.END, Home: Key.HOME };

class WebKitTab extends Tab {
  constructor(driver, handle) {
    super();
    this.driver = driver;
    this.handle = handle;
  }
  async focus() {
    // The window in focus may have been closed: then there is none.
    const now = await this.driver.getWindowHandle().catch(() => null);
    if (now !== this.handle) await this.driver.switchTo().window(this.handle);
  }
  async goto(url) {
    await this.focus();
    await this.driver.get(url);
    await this.collect();
  }
  /**
   * WebKitWebDriver has no console log: errors thrown or logged after a load
   * are gathered by this small collector (errors at load show the game's
   * own crash panel, which the tests look for).
   */
  collect() {
    return this.driver.executeScript(`if (!window.__problems) {
      window.__problems = [];
      const keep = (p) => window.__problems.push(String(p));
      addEventListener("error", (e) => keep(e.message));
      addEventListener("unhandledrejection", (e) => keep(e.reason));
      document.addEventListener("securitypolicyviolation", (e) => keep("CSP violation: " + e.violatedDirective));
      const error = console.error;
      console.error = (...a) => { keep(a.join(" ")); error(...a); };
    }`);
  }
  async run(source, args) {
    await this.focus();
    return this.driver.executeScript(`return (${source})(...arguments)`, ...args);
  }
  async click(selector) {
    await this.focus();
    await this.driver.findElement(By.css(selector)).click();
  }
  async press(key) {
    await this.focus();
    await this.driver.actions().sendKeys(KEYS[key] ?? key).perform();
  }
  async screenshot(path) {
    await this.focus();
    await writeFile(path, await this.driver.takeScreenshot(), "base64");
  }
  async url() {
    await this.focus();
    return this.driver.getCurrentUrl();
  }
  async back() {
    await this.focus();
    await this.driver.navigate().back().catch(() => null);
  }
  async reload() {
    await this.focus();
    await this.driver.navigate().refresh();
    await this.collect();
  }
  async errors() {
    await this.focus();
    const found = (await this.driver.executeScript("return window.__problems ?? []").catch(() => [])) ?? [];
    const crashed = await this.driver.executeScript("return document.getElementById('crash') ? !document.getElementById('crash').hidden : false").catch(() => false);
    return crashed ? [...found, "the crash panel shows"] : found;
  }
  async close() {
    await this.focus();
    await this.driver.close();
  }
}

/** Xvfb on a free display number, for MiniBrowser, which needs one. */
async function display() {
  for (let n = 90 + Math.floor(Math.random() * 100); ; n++) {
    const xvfb = spawn("Xvfb", [`:${n}`, "-screen", "0", "1920x1200x24", "-nolisten", "tcp"], { stdio: "ignore" });
    const exited = new Promise((r) => xvfb.once("exit", () => r(true)));
    if (!(await Promise.race([exited, sleep(400).then(() => false)]))) return { name: `:${n}`, stop: () => xvfb.kill() };
  }
}

async function webkit() {
  const screen = await display();
  // The driver, started afresh if it stops making sessions (it has been
  // seen to leave a new session's MiniBrowser unstarted, and wait for ever).
  let driverProcess;
  let port;
  const start = async () => {
    driverProcess?.kill();
    port = await freePort();
    driverProcess = spawn("WebKitWebDriver", [`--port=${port}`, "--host=127.0.0.1"], {
      stdio: "ignore",
      env: { ...process.env, DISPLAY: screen.name },
    });
    await until(() => fetch(`http://127.0.0.1:${port}/status`).then((r) => r.ok), { what: "WebKitWebDriver" });
  };
  await start();
  const sessions = [];
  const build = () =>
    new Builder()
      .usingServer(`http://127.0.0.1:${port}`)
      .withCapabilities({
        browserName: "MiniBrowser",
        "webkitgtk:browserOptions": { binary: MINIBROWSER, args: ["--automation", "--full-screen"] },
      })
      .build();
  const session = async (viewport) => {
    for (let attempt = 1; ; attempt++) {
      const driver = await Promise.race([build(), sleep(SESSION_MS).then(() => null)]);
      if (driver) {
        sessions.push(driver);
        await driver.manage().window().setRect(viewport);
        return driver;
      }
      if (attempt === 3) throw new Error(`WebKitWebDriver made no session in ${SESSION_MS / 1000} s, three times`);
      console.log(`WebKitWebDriver made no session in ${SESSION_MS / 1000} s: started afresh`);
      await start();
    }
  };
  const first = await session(PHONE);
  const version = (await first.getCapabilities()).get("browserVersion");
  await first.quit();
  sessions.length = 0;
  return {
    engine: "webkit",
    version,
    /** A fresh session (its own storage) with one window at `viewport`. */
    async context(viewport = PHONE) {
      const driver = await session(viewport);
      const open = async (size = viewport) => {
        await driver.switchTo().newWindow("window");
        await driver.manage().window().setRect(size);
        return new WebKitTab(driver, await driver.getWindowHandle());
      };
      return { tab: new WebKitTab(driver, await driver.getWindowHandle()), open, close: () => driver.quit().catch(() => {}) };
    },
    async close() {
      for (const s of sessions) await s.quit().catch(() => {});
      driverProcess.kill();
      screen.stop();
    },
  };
}

/** How long WebKitWebDriver may take to make a session (it takes about 1 s). */
const SESSION_MS = 20_000;

/** Launches `engine` ("firefox" or "webkit"). */
export function launch(engine) {
  if (engine === "firefox") return firefox();
  if (engine === "webkit") return webkit();
  throw new Error(`no engine "${engine}": firefox or webkit`);
}

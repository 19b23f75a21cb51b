// The game's wasm memory after ten region runs in Explore, as a player
// makes them (a region of a million, played to its end, then "Try another
// run"), in headless Chromium on the release build in dist/. A benchmark,
// not part of the test command: `node scripts/bench-memory.mjs [folder]`.
// Memory a page has taken is never given back, so the figure after each
// run is the most the page has needed so far.
import { resolve } from "node:path";
import { PROJECTOR, launch } from "../tests/e2e/harness.mjs";
import { toTheEnd } from "../tests/e2e/map.mjs";
import { serveFolder } from "./serve-folder.mjs";

const RUNS = 10;
const server = await serveFolder(resolve(process.argv[2] ?? "dist"));
const browser = await launch();
try {
  const page = await browser.newPage({ viewport: PROJECTOR });
  // The wasm's exports, memory among them, as the page starts each part:
  // the first (the title), then the rest of the game, which
  // plays Explore. The first part's memory stays after it has stopped.
  await page.addInitScript(() => {
    addEventListener("TrunkApplicationStarted", (e) => { window.first = e.detail.wasm; });
    addEventListener("OnceSentRestStarted", (e) => { window.rest = e.detail.wasm; });
  });
  await page.goto(`${server.url}#explore?forward=100&contacts=3&delete=0&report=0&public=yes&scale=region&seed=1`);
  const mb = () => page.evaluate(() => [window.rest, window.first].map((w) => w.memory.buffer.byteLength / 1048576));
  for (let run = 1; run <= RUNS; run++) {
    await page.locator(".spread-map").waitFor({ timeout: 120_000 });
    await page.locator(".spread-map").getByRole("button", { name: "Your region" }).click();
    await toTheEnd(page);
    const [rest, first] = await mb();
    console.log(`region run ${run}: wasm memory ${rest.toFixed(1)} MB (target: at most 100 MB), and the first part's ${first.toFixed(1)} MB`);
    await page.getByRole("button", { name: "Try another run" }).click();
  }
} finally {
  await browser.close();
  server.close();
}

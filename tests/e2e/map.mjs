// The spread map as a test sees it: waiting for a time on its clock,
// playing its timeline to the end by keyboard, and noting long tasks.
// Shared by the map's and Explore's end-to-end tests.

/** Waits until the map shows `text` as its time, caught up. */
export const showing = (page, text) =>
  page.waitForFunction(
    (t) => document.querySelector(".map-time")?.textContent === t
      && document.querySelector(".spread-map")?.getAttribute("aria-busy") === "false",
    text,
    { timeout: 60_000 },
  );

/** Plays the timeline to its end by keyboard, and waits for it to show. */
export async function toTheEnd(page) {
  const slider = page.getByRole("slider", { name: "Time since it was posted" });
  await slider.focus();
  await page.keyboard.press("End");
  await showing(page, "After 10 years");
}

/** From now on, notes every task that holds the page for over 50 ms. */
export function watchLongTasks(page) {
  return page.evaluate(() => {
    window.longTasks = [];
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) window.longTasks.push(Math.round(e.duration));
    }).observe({ type: "longtask" });
  });
}

/** The long tasks noted since `watchLongTasks`, in milliseconds. */
export const longTasks = (page) => page.evaluate(() => window.longTasks);

/** A number as the game writes it ("50,400"), read back. */
export const count = (text) => Number(text.trim().replace(/,/g, ""));

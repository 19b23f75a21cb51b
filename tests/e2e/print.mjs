// Printing a page, as a test checks it: the pages of the PDF Chromium
// prints, and anything that would stick out of the printed page.

/** The pages of a PDF, each as [width, height] in points. */
export function pdfPages(pdf) {
  const text = pdf.toString("latin1");
  const pages = text.match(/\/Type\s*\/Page[^s]/g) ?? [];
  const box = [...text.matchAll(/\/MediaBox\s*\[\s*0 0 ([\d.]+) ([\d.]+)\s*\]/g)].map((m) => [Number(m[1]), Number(m[2])]);
  return { count: pages.length, box: box[0] };
}

/** Whether anything sticks out sideways when the page is laid out for print. */
export async function overflowsInPrint(page) {
  await page.emulateMedia({ media: "print" });
  const wide = await page.evaluate(() => {
    // The game's bar and buttons are not printed.
    const bar = document.querySelector(".top-bar");
    if (bar && getComputedStyle(bar).display !== "none") return ["the top bar prints"];
    const limit = document.documentElement.clientWidth;
    return [...document.querySelectorAll("#app *")]
      .filter((el) => el.getBoundingClientRect().right > limit + 1)
      .map((el) => el.tagName + "." + el.className);
  });
  await page.emulateMedia({ media: null });
  return wide;
}

// The pages around the game: the guides and the poster (the knowledge
// check is check.test.mjs), reached from the title screen, readable by screen readers, and
// printed to PDF in Chromium (the poster exactly one page of A4 or A3, the
// teachers' guide with nothing cut off).
import { test } from "node:test";
import assert from "node:assert/strict";
import { writeFile } from "node:fs/promises";
import { ARTIFACTS, PHONE, PROJECTOR, freeText, openPage, violations, withBrowser } from "./harness.mjs";
import { overflowsInPrint, pdfPages } from "./print.mjs";
import { playToEnding, startAs } from "./story.mjs";

const env = withBrowser();

test("from the title: every guide, readable, with no WCAG violations, at both sizes", async () => {
  for (const [size, viewport] of [["phone", PHONE], ["projector", PROJECTOR]]) {
    const { context, page, problems } = await openPage(env.browser, env.server.url, { viewport });
    for (const [link, heading] of [
      ["For teachers", "For teachers"],
      ["For parents", "For parents and carers"],
      ["Poster", "Poster"],
      ["Privacy", "Privacy"],
      ["Accessibility", "Accessibility"],
    ]) {
      await page.getByRole("navigation", { name: "Guides and more" }).getByRole("link", { name: link, exact: true }).click();
      await page.getByRole("heading", { level: 1, name: heading, exact: true }).waitFor();
      assert.deepEqual(await violations(page), [], `${heading} at ${size}`);
      assert.ok(await page.getByRole("button", { name: "Quick exit" }).isVisible(), "quick exit on every page");
      await page.screenshot({ path: `${ARTIFACTS}/${size}-guide-${link.toLowerCase().replace(/ /g, "-")}.png`, fullPage: true });
      await page.getByRole("button", { name: "Back", exact: true }).click();
      await page.getByRole("heading", { level: 1, name: "Once Sent" }).waitFor();
    }
    assert.deepEqual(problems, []);
    await context.close();
  }
});

test("the teachers' guide: contents that move focus, the knowledge check and its paper version, printed with nothing cut off", async () => {
  const { context, page, problems } = await openPage(env.browser, `${env.server.url}#teachers`, { viewport: PHONE });
  await page.getByRole("heading", { level: 1, name: "For teachers" }).waitFor();
  const main = await page.textContent("main");
  for (const fact of [/Protection of Children Act 1978/, /Outcome 21/, /Never tell pupils they will go to prison/, /never ask to see (an|the) image/i, /0800 1111|Childline/]) {
    assert.match(main, fact);
  }
  await page.getByRole("navigation", { name: "On this page" }).getByRole("link", { name: "The law, stated accurately" }).click();
  assert.equal(await page.evaluate(() => document.activeElement?.querySelector("h2")?.textContent), "The law, stated accurately");
  // What the check measures and what it cannot, and the links to it.
  assert.match(main, /calls every statement false scores nothing/);
  assert.match(main, /not a research study/);
  for (const link of ["Knowledge check", "Print a paper version, with the answers"]) {
    assert.equal(await page.getByRole("link", { name: link, exact: true }).count(), 1, link);
  }
  assert.deepEqual(await overflowsInPrint(page), [], "nothing sticks out of the printed page");
  const pdf = await page.pdf({ format: "A4", printBackground: true });
  await writeFile(`${ARTIFACTS}/teachers-guide.pdf`, pdf);
  const { count, box } = pdfPages(pdf);
  assert.ok(count >= 2, `the guide: ${count} pages`);
  assert.ok(Math.abs(box[0] - 595) < 2 && Math.abs(box[1] - 842) < 2, `A4: ${box}`);
  assert.deepEqual(problems, []);
  await context.close();
});

test("the letter for parents: from the teachers' guide, lines to fill in by hand, at most two printed pages", async () => {
  for (const [size, viewport] of [["phone", PHONE], ["projector", PROJECTOR]]) {
    const { context, page, problems } = await openPage(env.browser, `${env.server.url}#teachers`, { viewport });
    await page.getByRole("heading", { level: 1, name: "For teachers" }).waitFor();
    await page.getByRole("link", { name: "A letter for parents" }).click();
    await page.getByRole("heading", { level: 1, name: "A letter for parents and carers" }).waitFor();
    assert.equal(await page.evaluate(() => location.hash), "#letter");
    const lines = await page.locator(".write-in").allTextContents();
    assert.deepEqual(lines, ["School", "Date of the lesson", "From"]);
    const text = await page.textContent("main");
    for (const fact of [/never shows an image/i, /curious, not furious/i, /0800 1111/, /0808 800 5000/, /CEOP/]) {
      assert.match(text, fact);
    }
    assert.deepEqual(await violations(page), [], `the letter at ${size}`);
    await page.screenshot({ path: `${ARTIFACTS}/${size}-letter.png`, fullPage: true });
    if (size === "phone") {
      assert.deepEqual(await overflowsInPrint(page), [], "nothing sticks out of the printed letter");
      const pdf = await page.pdf({ format: "A4", printBackground: true });
      await writeFile(`${ARTIFACTS}/letter.pdf`, pdf);
      const { count } = pdfPages(pdf);
      assert.ok(count <= 2, `the letter prints on ${count} pages`);
    }
    assert.deepEqual(problems, []);
    await context.close();
  }
});

test("the poster: nothing to type, a line for the school's name by hand, exactly one page of A4 or A3", async () => {
  const { context, page, problems } = await openPage(env.browser, `${env.server.url}#poster`, { viewport: PROJECTOR });
  await page.getByRole("heading", { level: 1, name: "Poster" }).waitFor();
  // Issue 14: no pupil can print a classmate's name on it.
  assert.deepEqual(await freeText(page), []);
  assert.equal(await page.locator("input:not([type=radio])").count(), 0, "only the paper size to choose");
  assert.match(await page.locator(".poster .write-in").textContent(), /^School or group/);
  assert.match(await page.locator(".poster").textContent(), /A 'sext' is for life, not just for Christmas.*0800 1111/);
  for (const [paper, size] of [["A4", [595, 842]], ["A3", [842, 1191]]]) {
    await page.getByRole("radio", { name: paper, exact: true }).check();
    const pdf = await page.pdf({ preferCSSPageSize: true, printBackground: true });
    await writeFile(`${ARTIFACTS}/poster-${paper}.pdf`, pdf);
    const { count, box } = pdfPages(pdf);
    assert.equal(count, 1, `${paper}: exactly one page`);
    assert.ok(Math.abs(box[0] - size[0]) < 2 && Math.abs(box[1] - size[1]) < 2, `${paper}: ${box}`);
    assert.deepEqual(await overflowsInPrint(page), [], `${paper}: nothing cut off`);
  }
  await page.screenshot({ path: `${ARTIFACTS}/projector-poster.png`, fullPage: true });
  assert.deepEqual(problems, []);
  await context.close();
});

test("playing together: from the parents' guide, a shorter run that stops to talk after each chapter", async () => {
  const { context, page, problems } = await openPage(env.browser, `${env.server.url}#parents`, { viewport: PHONE });
  await page.getByRole("heading", { level: 1, name: "For parents and carers" }).waitFor();
  await page.getByRole("button", { name: "Play together" }).click();
  await page.getByRole("heading", { level: 1, name: "Once Sent" }).waitFor();
  assert.equal(await page.evaluate(() => location.hash), "#together");
  await startAs(page, "Alex");
  const seen = [];
  const talks = [];
  let summary = "";
  await playToEnding(page, "Tell an adult I trust", async (p) => {
    const heading = await p.locator("#app h1").first().textContent();
    seen.push(heading);
    if (heading.startsWith("In short")) {
      summary = await p.locator(".prompt-text").textContent();
      await p.screenshot({ path: `${ARTIFACTS}/phone-together-summary.png` });
    }
    if (heading === "Talk about it") {
      talks.push(await p.locator(".prompt-text").textContent());
      // The bar names the chapter just talked about, not the next.
      assert.match(await p.locator(".top-chapter").textContent(), new RegExp(`^Chapter ${talks.length} of 4`));
      assert.equal(await p.evaluate(() => document.activeElement?.textContent), "Talk about it", "focus on the question");
      if (talks.length === 2) await p.screenshot({ path: `${ARTIFACTS}/phone-together-talk.png` });
    }
  });
  assert.equal(talks.length, 3, seen.join(" | "));
  assert.match(talks[0], /group chats/);
  assert.match(talks[1], /forward a picture/);
  assert.match(talks[2], /Ellie/);
  assert.ok(!seen.includes("What goes on record") && !seen.includes("Two years later"), seen.join(" | "));
  // The months and years later, in short: the law and what lasts.
  assert.ok(seen.includes("In short: Months and years later"), seen.join(" | "));
  assert.match(summary, /offence.*relationship/s);
  assert.equal(seen.at(-1), "Your ending: you spoke up");
  assert.deepEqual(problems, []);
  await context.close();
});

test("forget everything: from the privacy page, the game keeps nothing", async () => {
  const { context, page, problems } = await openPage(env.browser, env.server.url, { viewport: PHONE });
  await startAs(page, "Sam");
  await page.locator("#app h1").first().waitFor();
  await page.evaluate(() => localStorage.setItem("once-sent.v1.quiz", "before 4"));
  await page.evaluate(() => localStorage.setItem("once-sent.v1.check", "once-sent check 1\nonce-sent before 20000 2/1/3 3/0/3 best - 3"));
  await page.evaluate(() => localStorage.setItem("someone-else", "theirs"));
  assert.ok(await page.evaluate(() => localStorage.getItem("once-sent.v1.save")), "a game is saved");
  await page.goto(`${env.server.url}#privacy`);
  await page.getByRole("heading", { level: 1, name: "Privacy" }).waitFor();
  await page.getByRole("button", { name: "Forget everything" }).click();
  await page.getByText("Done. The game has forgotten everything").waitFor();
  const kept = await page.evaluate(() => Object.keys(localStorage).sort());
  assert.deepEqual(kept, ["someone-else"], "only what is not the game's stays");
  await page.getByRole("button", { name: "Back", exact: true }).click();
  await page.getByRole("heading", { level: 1, name: "Once Sent" }).waitFor();
  await page.reload();
  await page.getByRole("heading", { level: 1, name: "Once Sent" }).waitFor();
  assert.deepEqual(problems, []);
  await context.close();
});

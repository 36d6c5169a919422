/**
 * 目录 (the section index) must land on the chosen section every time, for every section of the
 * largest checklist, going down and coming back up: rows far from the viewport have estimated
 * heights (content-visibility), which once made a jump stop in the wrong section.
 */
import { expect, test, type Page } from "@playwright/test";

import { signIn } from "./helpers";
import { startVisit } from "./inspector-helpers";

test.use({ viewport: { width: 390, height: 844 } });

/** Where the section header sits relative to the sticky bar, and whether the page is at its end. */
async function headerPlacement(page: Page, title: string) {
  return page.evaluate((name) => {
    const section = [...document.querySelectorAll("section")].find(
      (s) => s.getAttribute("aria-label") === name,
    );
    const header = section?.querySelector("h2")?.parentElement;
    // The checklist's own sticky bar (目录, 搜索 …), not the app header above it.
    const bar = [...document.querySelectorAll(".sticky")].find((e) =>
      e.textContent?.includes("目录"),
    );
    if (!header || !bar) return { found: false, offset: NaN, atEnd: false };
    const atEnd =
      Math.ceil(window.scrollY + window.innerHeight) >= document.documentElement.scrollHeight - 1;
    return {
      found: true,
      offset: Math.round(header.getBoundingClientRect().top - bar.getBoundingClientRect().bottom),
      atEnd,
    };
  }, title);
}

test("目录 lands on each section of the largest checklist, down and back up", async ({ page }) => {
  await signIn(page, "inspector1", /\/inspect$/);
  await startVisit(page, "示范区实验小学", "校园安全检查");

  const contents = page.getByRole("button", { name: "目录" });
  await contents.click();
  const entries = page.getByRole("list", { name: "检查表目录" });
  const titles = (await entries.getByRole("button").allInnerTexts()).map((text) =>
    text
      .split("\n")[0]!
      .replace(/校园安全检查.*$/u, "")
      .trim(),
  );
  await contents.click();
  expect(titles.length).toBeGreaterThanOrEqual(8);

  const order = [...titles.keys(), ...[...titles.keys()].reverse()];
  for (const index of order) {
    const title = titles[index]!;
    await contents.click();
    await entries.getByRole("button").nth(index).click();
    // Settled just under the sticky bar — or as close as the end of the page allows.
    await expect
      .poll(
        async () => {
          const { found, offset, atEnd } = await headerPlacement(page, title);
          return found && offset >= -2 && (offset <= 24 || atEnd);
        },
        { message: `目录 → ${title}` },
      )
      .toBe(true);
  }
});

// Tables sort like people sort (case-insensitively, ties in one order from page to page), and paging is history:
// Back returns to the previous page of the table, Forward comes back.
import { expect, test, type Page } from "@playwright/test";
import { STATES } from "./users";

test.use({ storageState: STATES.admin.file });

const names = (page: Page) => page.locator('tbody tr a[href^="/resources/"]').allInnerTexts();
const ids = (page: Page) => page.locator('tbody tr a[href^="/resources/"]').evaluateAll((as) => as.map((a) => a.getAttribute("href")));

test("resources sorted by name read alphabetically, whatever the case", async ({ page }) => {
  await page.goto("/settings/resources?sort=name&dir=asc&size=100");
  const shown = await names(page);
  expect(shown.length).toBeGreaterThan(20);
  const byPeople = [...shown].sort((a, b) => a.localeCompare(b, "en", { sensitivity: "base" }));
  expect(shown).toEqual(byPeople);
  // The demo has both cases: lower-case names are not pushed after every capital.
  expect(shown.some((n) => /^[a-z]/.test(n)) && shown.some((n) => /^[A-Z]/.test(n))).toBe(true);
});

test("sorted by type, page 2 is the same page every time and never repeats page 1", async ({ page }) => {
  const rows = async (n: number) => {
    await page.goto(`/settings/resources?sort=type&dir=asc&size=10&page=${n}`);
    return ids(page);
  };
  const one = await rows(1);
  const two = await rows(2);
  expect(two).toHaveLength(10);
  expect(await rows(2)).toEqual(two);
  expect(await rows(1)).toEqual(one);
  expect(two.filter((id) => one.includes(id))).toEqual([]);
});

test("Back after paging returns to the previous page; Forward returns", async ({ page }) => {
  await page.goto("/settings/resources?size=10");
  const first = await ids(page);
  await page.getByRole("button", { name: "Next page" }).click();
  await expect(page).toHaveURL(/page=2/);
  await expect.poll(() => ids(page)).not.toEqual(first);
  const second = await ids(page);
  await page.goBack();
  await expect(page).not.toHaveURL(/page=2/);
  await expect.poll(() => ids(page)).toEqual(first);
  await page.goForward();
  await expect(page).toHaveURL(/page=2/);
  await expect.poll(() => ids(page)).toEqual(second);
});

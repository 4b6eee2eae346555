// The console fits the screen: at a phone's 390 × 844 and a laptop's 1280 × 800, no console page scrolls
// sideways, and the Members table keeps each row's actions in view without scrolling the table.
import { expect, test } from "@playwright/test";
import { STATES } from "./users";
import { consolePages } from "./console-pages";

const SIZES = [{ width: 390, height: 844 }, { width: 1280, height: 800 }];

for (const size of SIZES) {
  for (const who of ["admin", "ana"] as const) {
    test.describe(`${who} at ${size.width} × ${size.height}`, () => {
      test.use({ storageState: STATES[who].file, viewport: size });
      test("no console page scrolls sideways", async ({ page }) => {
        test.setTimeout(180_000);
        const wide: string[] = [];
        for (const url of consolePages(who)) {
          await page.goto(url);
          await page.waitForLoadState("networkidle");
          const { scroll, client } = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, client: document.documentElement.clientWidth }));
          if (scroll > client) wide.push(`${url}: ${scroll} > ${client}`);
        }
        expect(wide, wide.join("\n")).toEqual([]);
      });
    });
  }

  test.describe(`Members at ${size.width} × ${size.height}`, () => {
    test.use({ storageState: STATES.admin.file, viewport: size });
    test("every row's actions are visible without scrolling the table", async ({ page }) => {
      await page.goto("/settings/members");
      const manage = page.getByRole("button", { name: /^Manage / });
      await expect(manage.first()).toBeVisible();
      const n = await manage.count();
      expect(n).toBeGreaterThan(3);
      for (let i = 0; i < n; i++) {
        const box = (await manage.nth(i).boundingBox())!;
        expect(box.x, `row ${i}`).toBeGreaterThanOrEqual(0);
        expect(box.x + box.width, `row ${i}`).toBeLessThanOrEqual(size.width);
      }
      // And they work from there.
      await manage.first().click();
      await expect(page.getByRole("dialog")).toBeVisible();
    });
  });
}

test.describe("the sidebar at 390 px", () => {
  test.use({ storageState: STATES.ana.file, viewport: { width: 390, height: 844 } });
  test("is a drawer behind the menu button, and the title has the width", async ({ page }) => {
    await page.goto("/my-team");
    await expect(page.getByRole("navigation", { name: "Main" })).toBeHidden();
    const h1 = page.getByRole("heading", { level: 1 });
    expect((await h1.boundingBox())!.width).toBeGreaterThan(200);
    await page.getByRole("button", { name: "Open menu" }).click();
    const drawer = page.getByRole("dialog", { name: "Menu" });
    await expect(drawer.getByRole("navigation", { name: "Main" })).toBeVisible();
    await drawer.getByRole("link", { name: "Catalog" }).click();
    await expect(page).toHaveURL(/\/catalog$/);
    await expect(drawer).toBeHidden();
  });
});

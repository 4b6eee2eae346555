import { test as setup, expect } from "@playwright/test";
import { PASSWORD, STATES } from "./users";

for (const [role, { email, file }] of Object.entries(STATES)) {
  setup(`sign in as ${role}`, async ({ page }) => {
    await page.goto("/login");
    await page.fill('input[name="email"]', email);
    await page.fill('input[name="password"]', PASSWORD);
    await page.click('button[type="submit"]');
    await page.waitForURL("**/catalog");
    await expect(page.getByRole("heading", { name: "Catalog" })).toBeVisible();
    await page.context().storageState({ path: file });
  });
}

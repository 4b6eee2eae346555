import { test, expect } from "@playwright/test";
import { FOREIGN_TO_NORTHWIND, STATES } from "./users";

test.describe("as the admin", () => {
  test.use({ storageState: STATES.admin.file });

  test("the catalog holds every client's resources and finance", async ({ page }) => {
    await page.goto("/catalog");
    for (const name of ["Warehouse", "BI", "Globex service levels", "Initech integration notes", "Month-end close checklist"]) {
      await expect(page.getByRole("link", { name: new RegExp(name) }).first()).toBeVisible();
    }
    await page.getByRole("link", { name: /Warehouse/ }).click();
    await page.getByRole("link", { name: /analytics/ }).first().click();
    for (const schema of ["northwind", "globex", "initech", "shared", "finance"]) {
      await expect(page.getByRole("link", { name: schema, exact: true })).toBeVisible();
    }
  });
});

test.describe("as a Northwind guest", () => {
  test.use({ storageState: STATES.ana.file });

  test("the catalog shows Northwind's resources and nothing of the others", async ({ page }) => {
    const res = await page.goto("/catalog");
    for (const name of ["northwind", "Northwind Sales Overview", "Northwind Customer Health", "Northwind data dictionary", "Freight"]) {
      await expect(page.getByRole("link", { name: new RegExp(name) }).first()).toBeVisible();
    }
    const html = await res!.text();
    for (const word of [...FOREIGN_TO_NORTHWIND, "Warehouse", "analytics", "Reference data used by every team"]) expect(html).not.toContain(word);
    await expect(page.getByRole("link", { name: /^shared/ })).toHaveCount(0);
    await expect(page).toHaveTitle("Catalog · Enclave");
  });

  test("browsing down keeps the breadcrumb to what she can see", async ({ page }) => {
    await page.goto("/catalog");
    await page.getByRole("link", { name: /northwind Schema/ }).click();
    await page.getByRole("link", { name: "orders", exact: true }).click();
    const crumbs = page.getByRole("navigation", { name: "Breadcrumb" });
    await expect(crumbs).toContainText("northwind");
    await expect(crumbs).not.toContainText("analytics");
    await expect(crumbs).not.toContainText("Warehouse");
    await expect(page.getByText("Inherited from schema")).toBeVisible();
    await expect(page.getByRole("link", { name: /customer_id/ })).toBeVisible();
  });
});

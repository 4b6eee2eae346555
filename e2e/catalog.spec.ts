import { test, expect } from "@playwright/test";
import { FOREIGN_TO_NORTHWIND, STATES } from "./users";

test.describe("as the admin", () => {
  test.use({ storageState: STATES.admin.file });

  test("the catalog holds every client's resources and finance", async ({ page }) => {
    await page.goto("/catalog");
    for (const name of ["Warehouse", "BI", "Globex service levels", "Initech integration notes", "Month-end close checklist"]) {
      await expect(page.getByRole("link", { name: new RegExp(name) }).first()).toBeVisible();
    }
    await page.getByRole("link", { name: /Warehouse/ }).first().click();
    await page.getByRole("link", { name: /analytics/ }).first().click();
    for (const schema of ["northwind", "globex", "initech", "shared", "finance"]) {
      await expect(page.getByRole("link", { name: schema, exact: true })).toBeVisible();
    }
  });
});

test.describe("the data sources tree, as the admin", () => {
  test.use({ storageState: STATES.admin.file });

  test("Warehouse → analytics → a schema opens one level at a time, by mouse and by keyboard; the count is Settings → Integrations'", async ({ page }) => {
    await page.goto("/settings/integrations");
    const settingsCount = (await page.getByText(/^[\d,]+ resources$/).first().textContent())!.trim();
    await page.goto("/catalog");
    const tree = page.getByRole("tree", { name: "Data sources" });
    const warehouse = tree.getByRole("treeitem", { name: "Warehouse", exact: true });
    await expect(warehouse).toHaveAttribute("aria-expanded", "true");
    await expect(warehouse.locator("> div")).toContainText(settingsCount);
    const analytics = tree.getByRole("treeitem", { name: "analytics", exact: true });
    await expect(analytics).toHaveAttribute("aria-expanded", "false");
    await tree.getByRole("button", { name: "Expand analytics" }).click();
    await expect(analytics).toHaveAttribute("aria-expanded", "true");
    for (const schema of ["finance", "globex", "initech", "northwind", "shared"]) await expect(tree.getByRole("treeitem", { name: schema, exact: true })).toBeVisible();
    // The keyboard: the tree is one tab stop; arrows walk it, right opens, left closes.
    const northwind = tree.getByRole("treeitem", { name: "northwind", exact: true });
    await northwind.focus();
    await page.keyboard.press("ArrowRight");
    await expect(northwind).toHaveAttribute("aria-expanded", "true");
    await expect(tree.getByRole("treeitem", { name: "orders", exact: true })).toBeVisible();
    await page.keyboard.press("ArrowRight");
    await expect(tree.getByRole("treeitem", { name: "customers", exact: true })).toBeFocused();
    await page.keyboard.press("ArrowLeft");
    await expect(northwind).toBeFocused();
    await page.keyboard.press("ArrowLeft");
    await expect(northwind).toHaveAttribute("aria-expanded", "false");
    await expect(tree.getByRole("treeitem", { name: "orders", exact: true })).toHaveCount(0);
    await page.keyboard.press("Home");
    await expect(tree.getByRole("treeitem", { name: "BI", exact: true })).toBeFocused();
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

  test("the data sources tree holds only Northwind's nodes, and its counts reveal nothing more", async ({ page }) => {
    await page.goto("/catalog");
    const tree = page.getByRole("tree", { name: "Data sources" });
    const top = tree.getByRole("treeitem", { name: "northwind", exact: true });
    await expect(top).toHaveAttribute("aria-expanded", "true");
    await expect(tree.getByRole("treeitem")).toHaveText([/northwind/, /customers/, /monthly_sales/, /orders/, /products/]);
    // Her schema's count is its tables and what they hold, nothing more: the sum of the rows below it.
    const countOf = async (item: ReturnType<typeof tree.getByRole>) => {
      const [t] = await item.locator("> div").getByText(/resources?$/).allTextContents();
      return t ? Number(t.replace(/\D/g, "")) : 0;
    };
    const tables = ["customers", "monthly_sales", "orders", "products"];
    let below = tables.length;
    for (const t of tables) below += await countOf(tree.getByRole("treeitem", { name: t, exact: true }));
    expect(await countOf(top)).toBe(below);
    const html = await page.content();
    for (const word of [...FOREIGN_TO_NORTHWIND, "Warehouse", "analytics"]) expect(html).not.toContain(word);
  });

  test("browsing down keeps the breadcrumb to what she can see", async ({ page }) => {
    await page.goto("/catalog");
    await page.getByRole("tree", { name: "Data sources" }).getByRole("link", { name: "northwind", exact: true }).click();
    await expect(page.getByRole("heading", { name: "northwind", level: 1 })).toBeVisible();
    await page.getByRole("link", { name: "orders", exact: true }).click();
    const crumbs = page.getByRole("navigation", { name: "Breadcrumb" });
    await expect(crumbs).toContainText("northwind");
    await expect(crumbs).not.toContainText("analytics");
    await expect(crumbs).not.toContainText("Warehouse");
    await expect(page.getByText("Inherited from schema")).toBeVisible();
    await expect(page.getByRole("link", { name: /customer_id/ })).toBeVisible();
  });
});

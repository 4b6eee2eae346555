import { test, expect } from "@playwright/test";
import { FOREIGN_TO_NORTHWIND, STATES } from "./users";

test.describe("as the admin", () => {
  test.use({ storageState: STATES.admin.file });

  test("the catalog holds every client's resources and finance", async ({ page }) => {
    await page.goto("/catalog");
    // The integrations are the tree's items (links with the treeitem role), the rest plain links.
    const tree = page.getByRole("tree", { name: "Data sources" });
    for (const name of ["Warehouse", "BI"]) await expect(tree.getByRole("treeitem", { name, exact: true })).toBeVisible();
    for (const name of ["Globex service levels", "Initech integration notes", "Month-end close checklist"]) {
      await expect(page.getByRole("link", { name: new RegExp(name) }).first()).toBeVisible();
    }
    await tree.getByRole("treeitem", { name: "Warehouse", exact: true }).click();
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
    // The count is shown beside the item (its row) and said as its description.
    await expect(warehouse.locator("xpath=..").locator("[data-tree-count]")).toHaveText(settingsCount);
    await expect(warehouse).toHaveAccessibleDescription(`Integration, ${settingsCount}`);
    const analytics = tree.getByRole("treeitem", { name: "analytics", exact: true });
    await expect(analytics).toHaveAttribute("aria-expanded", "false");
    // A click on the chevron opens (a click on the name follows the link).
    await analytics.locator("[data-tree-toggle=expand]").click();
    await expect(analytics).toHaveAttribute("aria-expanded", "true");
    await expect(page).toHaveURL(/\/catalog/);
    // The APG navigation tree's structure: the link is the treeitem, named by its own text alone (not its
    // subtree's), with its level, size and position declared, and its open children's group owned through aria-owns.
    await expect(analytics).toHaveAttribute("aria-level", "2");
    await expect(analytics).toHaveAttribute("aria-posinset", "1");
    await expect(analytics).toHaveAttribute("aria-setsize", "1");
    const group = page.locator(`#${await analytics.getAttribute("aria-owns")}`);
    await expect(group).toHaveAttribute("role", "group");
    await expect(group.locator("> li > div > [role=treeitem]")).toHaveText([/finance/, /globex/, /initech/, /northwind/, /shared/]);
    await expect(group.locator("> li > div > [role=treeitem]").nth(3)).toHaveAttribute("aria-posinset", "4");
    await expect(group.locator("> li > div > [role=treeitem]").nth(3)).toHaveAttribute("aria-setsize", "5");
    await expect(tree.locator("[role=treeitem]:not([aria-level])")).toHaveCount(0);
    await expect(tree.locator("li:not([role=none])")).toHaveCount(0);
    await expect(analytics).toHaveAccessibleDescription(/^Database, [\d,]+ resources$/);
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
    // One tab stop, and it is the focused item (roving tabindex).
    await expect(tree.locator("[tabindex='0']")).toHaveCount(1);
    await expect(northwind).toHaveAttribute("tabindex", "0");
    await page.keyboard.press("ArrowLeft");
    await expect(northwind).toHaveAttribute("aria-expanded", "false");
    await expect(tree.getByRole("treeitem", { name: "orders", exact: true })).toHaveCount(0);
    await page.keyboard.press("Home");
    await expect(tree.getByRole("treeitem", { name: "BI", exact: true })).toBeFocused();
    // A letter jumps to the next name starting with it; End to the last item; Enter follows the link.
    await page.keyboard.press("w");
    await expect(warehouse).toBeFocused();
    await page.keyboard.press("End");
    await expect(tree.getByRole("treeitem").last()).toBeFocused();
    await page.keyboard.press("Home");
    await page.keyboard.press("Enter");
    await expect(page.getByRole("heading", { name: "BI", level: 1 })).toBeVisible();
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
    // Neither a link nor a node of the data sources tree (whose items are links with the treeitem role).
    await expect(page.getByRole("link", { name: /^shared/ }).or(page.getByRole("treeitem", { name: /^shared/ }))).toHaveCount(0);
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
      const [t] = await item.locator("xpath=..").locator("[data-tree-count]").allTextContents();
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
    await page.getByRole("tree", { name: "Data sources" }).getByRole("treeitem", { name: "northwind", exact: true }).click();
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

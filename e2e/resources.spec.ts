// Catalog administration end to end: bulk assignment with a descendant preview (and its undoing), description
// edits by an editor, and a guest who sees no edit controls and no settings pages.
import { test, expect, type Page } from "@playwright/test";
import { STATES } from "./users";
import { loadIds } from "./ids";

async function bulk(page: Page, mode: "Add to team(s)" | "Remove from team(s)") {
  await page.goto("/settings/resources");
  // A select changed before hydration fires no onChange: choose again until the URL follows.
  await expect(async () => {
    await page.locator("#f-type").selectOption("DASHBOARD");
    await expect(page).toHaveURL(/type=DASHBOARD/, { timeout: 1_000 });
  }).toPass({ timeout: 15_000 });
  // The URL changes at once (nuqs), the rows when the server has rendered them: wait for dashboards only.
  await expect(page.locator("tbody tr > td:nth-child(3)").filter({ hasNotText: /^Dashboard$/ })).toHaveCount(0);
  // A dashboard of General, not of another client (that would be an exposure: e2e/exposure.spec.ts).
  const row = page.getByRole("row", { name: /Company KPIs/ });
  await expect(page.getByRole("row", { name: /Globex Revenue/ })).toBeVisible();
  await expect(page.getByRole("row", { name: /Freight/ })).toHaveCount(0);
  await row.getByRole("checkbox").check();
  await expect(page.getByText("1 resource selected")).toBeVisible();
  await page.getByLabel("Bulk actions").locator("label", { hasText: /^Northwind$/ }).click();
  await page.getByRole("button", { name: mode }).click();
  const dialog = page.getByRole("dialog", { name: "Confirm" });
  await expect(dialog.getByTestId("descendant-count")).toHaveText("1 descendant");
  await dialog.getByRole("button", { name: /Confirm/ }).click();
}

test("an admin adds Company KPIs to Northwind with a descendant preview; Ana sees it; the admin removes it", async ({ browser }) => {
  const admin = await (await browser.newContext({ storageState: STATES.admin.file })).newPage();
  const ana = await (await browser.newContext({ storageState: STATES.ana.file })).newPage();
  let added = false;
  try {
    await bulk(admin, "Add to team(s)");
    await expect(admin.getByRole("status")).toContainText("Added 1 assignment; 1 descendant come");
    added = true;
    await expect(admin.getByRole("row", { name: /Company KPIs/ })).toContainText("Northwind");

    await ana.goto("/catalog");
    await expect(ana.getByRole("link", { name: /Company KPIs/ })).toBeVisible();
    await ana.getByRole("link", { name: /Company KPIs/ }).click();
    await expect(ana.getByRole("heading", { name: "Company KPIs" })).toBeVisible();
    await expect(ana.getByText("Active clients")).toBeVisible();
  } finally {
    if (added) {
      await bulk(admin, "Remove from team(s)");
      await expect(admin.getByRole("status")).toContainText("Removed 1 assignment");
    }
  }
  await ana.goto("/catalog");
  await expect(ana.getByRole("link", { name: /Northwind Sales Overview/ })).toBeVisible();
  await expect(ana.getByRole("link", { name: /Company KPIs/ })).toHaveCount(0);
});

test.describe("as the editor", () => {
  test.use({ storageState: STATES.editor.file });

  test("edits the description of northwind.orders, then puts it back", async ({ page }) => {
    await page.goto("/catalog");
    await page.getByRole("tree", { name: "Data sources" }).getByRole("treeitem", { name: "northwind", exact: true }).click();
    await expect(page.getByRole("heading", { name: "northwind", level: 1 })).toBeVisible();
    await page.getByRole("link", { name: "orders", exact: true }).click();
    await expect(page.getByRole("heading", { name: "orders" })).toBeVisible();
    const original = "One row per customer order.";
    await expect(page.getByText(original)).toBeVisible();

    await page.getByRole("button", { name: "Edit description" }).click();
    await page.getByLabel("Description").fill("One row per order, **edited** in the browser.");
    await page.getByRole("button", { name: "Save", exact: true }).click();
    await expect(page.getByText("edited", { exact: true })).toBeVisible();
    await page.reload();
    await expect(page.getByText("in the browser.")).toBeVisible();

    await page.getByRole("button", { name: "Edit description" }).click();
    await page.getByLabel("Description").fill("this is discarded");
    await page.getByRole("button", { name: "Cancel" }).click();
    await expect(page.getByText("in the browser.")).toBeVisible();

    await page.getByRole("button", { name: "Edit description" }).click();
    await page.getByLabel("Description").fill(original);
    await page.getByRole("button", { name: "Save", exact: true }).click();
    await expect(page.getByText(original)).toBeVisible();
  });
});

test.describe("as Ana (guest)", () => {
  test.use({ storageState: STATES.ana.file });

  test("no edit controls on a resource, and the settings pages are a plain 404", async ({ page }) => {
    await page.goto("/catalog");
    await page.getByRole("tree", { name: "Data sources" }).getByRole("treeitem", { name: "northwind", exact: true }).click();
    await expect(page.getByRole("heading", { name: "northwind", level: 1 })).toBeVisible();
    await page.getByRole("link", { name: "orders", exact: true }).click();
    await expect(page.getByRole("heading", { name: "orders" })).toBeVisible();
    await expect(page.getByRole("button", { name: /Edit description|Edit tags|Add tags/ })).toHaveCount(0);
    await expect(page.getByRole("textbox", { name: "Description" })).toHaveCount(0);
    for (const url of ["/settings/resources", "/settings/resources?type=DASHBOARD", "/settings/integrations", "/settings/integrations/00000000-0000-4000-8000-000000000000"]) {
      const res = await page.goto(url);
      expect(res?.status(), url).toBe(404);
      await expect(page).toHaveTitle("Page not found · Enclave");
      const body = await res!.text();
      for (const word of ["Globex", "Initech", "Integrations", "Add to team"]) expect(body).not.toContain(word);
    }
    await expect(page.getByRole("link", { name: "Resources" })).toHaveCount(0);
  });
});

test("an admin's team picker on a resource page lists the teams once reached, and previews the one chosen", async ({ browser }) => {
  const page = await (await browser.newContext({ storageState: STATES.admin.file })).newPage();
  const orders = loadIds().resources.find((r) => r.name === "orders" && r.type === "TABLE")!;
  // The page as sent holds the picker without its options (a workspace may hold thousands of teams).
  const html = await (await page.request.get(`/resources/${orders.id}`)).text();
  const sent = html.match(/<select[^>]*id="add-team"[^>]*>([\s\S]*?)<\/select>/)?.[1] ?? "";
  expect(sent.match(/<option/g)).toHaveLength(1);
  await page.goto(`/resources/${orders.id}`);
  const picker = page.locator("#add-team");
  // Reached (focused) once the page has hydrated: every team the admin may assign, General and the clients.
  await expect(async () => {
    await picker.focus();
    await expect(picker.locator("option", { hasText: /^Globex$/ })).toHaveCount(1, { timeout: 1_000 });
  }).toPass({ timeout: 15_000 });
  await expect(picker.locator("option", { hasText: /^General$/ })).toHaveCount(1);
  await picker.selectOption({ label: "General" });
  // Choosing previews the assignment: Add is offered (or the exposure notice says why not).
  await expect(page.getByRole("button", { name: "Add", exact: true }).and(page.locator(":enabled")).or(page.getByTestId("exposure-notice"))).toBeVisible();
});

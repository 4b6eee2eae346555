// "View as" and "Who can see this?" end to end: the admin views the console as Ana (banner, Northwind only,
// no admin pages), as Priya tries to edit a description and is refused, exits; the who-can-see panel explains
// Ana's access to northwind.orders; the Northwind exposure report is "Isolated" until one of its tables is
// also given to Globex (and is again once that is undone).
import { test, expect, type Page } from "@playwright/test";
import { FOREIGN_TO_NORTHWIND, STATES } from "./users";
import { loadIds } from "./ids";

test.describe.configure({ mode: "serial" });
test.use({ storageState: STATES.admin.file });

function ordersId(): string {
  const ids = loadIds();
  const schema = ids.resources.find((r) => r.name === "northwind" && r.type === "SCHEMA")!;
  return ids.resources.find((r) => r.name === "orders" && r.type === "TABLE" && r.path.includes(schema.id))!.id;
}

async function viewAs(page: Page, name: string) {
  await page.goto("/settings/members");
  await page.getByRole("button", { name: `View as ${name}` }).click();
  await page.waitForURL("**/catalog");
  await expect(page.getByTestId("view-as-banner")).toContainText(`Viewing as ${name}`);
}

async function exit(page: Page) {
  await page.getByTestId("view-as-banner").getByRole("button", { name: "Exit" }).click();
  await page.waitForURL("**/settings/members");
  await expect(page.getByTestId("view-as-banner")).toHaveCount(0);
  await expect(page.getByRole("heading", { name: "Members" })).toBeVisible();
}

test("the admin views as Ana: the banner, Northwind only, no admin pages; Exit returns to the admin", async ({ page, context }) => {
  await viewAs(page, "Ana Souza");
  await expect(page.getByTestId("view-as-banner")).toContainText("Viewing as Ana Souza (Guest · Northwind)");
  const cookie = (await context.cookies()).find((c) => c.name === "enclave-view-as");
  expect(cookie).toMatchObject({ httpOnly: true, sameSite: "Lax", path: "/" });

  for (const name of ["northwind", "Northwind Sales Overview", "Northwind data dictionary", "Freight"]) {
    await expect(page.getByRole("link", { name: new RegExp(name) }).first()).toBeVisible();
  }
  const main = await page.locator("main").innerText();
  for (const word of [...FOREIGN_TO_NORTHWIND, "Warehouse", "Company KPIs"]) expect(main, word).not.toContain(word);
  // The sidebar is Ana's: no settings, her team only.
  const nav = page.getByRole("navigation", { name: "Main" });
  await expect(nav.getByRole("link", { name: "Members" })).toHaveCount(0);
  await expect(nav).toContainText("Northwind");
  await expect(nav).not.toContainText("General");

  // Search and an admin page answer as for Ana.
  await page.goto("/search?q=globex");
  expect(await page.locator("main").innerText()).not.toMatch(/Globex Revenue|globex\.test/);
  const res = await page.goto("/settings/members");
  expect(res!.status()).toBe(404);
  await expect(page.getByTestId("view-as-banner")).toBeVisible();

  await page.goto("/catalog");
  await exit(page);
  await page.goto("/catalog");
  // The admin's catalog again: the Warehouse integration heads its data sources tree.
  await expect(page.getByRole("tree", { name: "Data sources" }).getByRole("treeitem", { name: "Warehouse", exact: true })).toBeVisible();
});

test("a tampered view-as cookie is ignored: the admin sees the console as the admin", async ({ page, context }) => {
  await viewAs(page, "Ana Souza");
  const good = (await context.cookies()).find((c) => c.name === "enclave-view-as")!;
  const [body, sig] = good.value.split(".");
  await context.addCookies([{ ...good, value: `${body}.${sig.slice(0, -3)}abc` }]);
  const res = await page.goto("/settings/members");
  expect(res!.status()).toBe(200);
  await expect(page.getByTestId("view-as-banner")).toHaveCount(0);
  await expect(page.getByRole("heading", { name: "Members" })).toBeVisible();
});

test("viewing as Priya (an editor), editing a description is refused on the server and changes nothing", async ({ page }) => {
  await viewAs(page, "Priya Shah");
  const original = "One row per customer order.";
  await page.goto(`/resources/${ordersId()}`);
  await expect(page.getByText(original)).toBeVisible();
  // Priya may edit descriptions, so the control is there, exactly as for her; the save is refused.
  await page.getByRole("button", { name: "Edit description" }).click();
  await page.getByLabel("Description").fill("Changed while viewing as");
  await page.getByRole("button", { name: "Save", exact: true }).click();
  await expect(page.getByText("You are viewing as Priya Shah: changes are turned off.")).toBeVisible();
  await page.reload();
  await expect(page.getByText(original)).toBeVisible();
  await expect(page.getByText("Changed while viewing as")).toHaveCount(0);
  // The admin's own panels are not there while viewing as.
  await expect(page.getByText("Who can see this?")).toHaveCount(0);
  await page.goto("/catalog");
  await exit(page);
});

test("who can see northwind.orders: Ana through group Northwind people, with the full chain", async ({ page }) => {
  await page.goto(`/resources/${ordersId()}`);
  await page.getByRole("link", { name: "Show who can see this" }).click();
  const group = page.getByTestId("audience-group").filter({ hasText: "Northwind through group Northwind people" });
  await expect(group).toContainText("2 people");
  await group.getByRole("link", { name: "Ana Souza" }).click();
  const chain = page.getByTestId("access-explanation");
  await expect(chain).toContainText("Can see it");
  await expect(page.getByTestId("access-chain")).toHaveText("Ana Souza → group Northwind people → team Northwind ← schema northwind assigned directly → table orders inherits");
  await page.getByLabel("Name or email").fill("cara@globex.test");
  await page.getByRole("button", { name: "Explain" }).click();
  await expect(page.getByTestId("access-explanation")).toContainText("Cannot see it");
});

test("the Northwind exposure report says Isolated; adding a Northwind table to Globex is refused by the isolation lock", async ({ page }) => {
  await page.goto("/teams/northwind");
  await expect(page.getByTestId("exposure-verdict")).toContainText("Isolated");
  await expect(page.getByText("Priya Shah").first()).toBeVisible();
  // The lock-off, confirmed path and the report that then lists it: e2e/exposure.spec.ts.
  await page.goto("/settings/resources?type=TABLE&q=orders");
  const row = page.getByRole("row").filter({ hasText: "analytics / northwind" }).filter({ hasText: "orders" });
  await expect(row).toHaveCount(1);
  await row.getByRole("checkbox").check();
  await page.getByLabel("Bulk actions").locator("label", { hasText: /^Globex$/ }).click();
  await page.getByRole("button", { name: "Add to team(s)" }).click();
  const dialog = page.getByRole("dialog", { name: "Confirm" });
  await expect(dialog.getByTestId("exposure-notice")).toContainText("Refused: the isolation lock is on");
  await expect(dialog.getByTestId("exposure-notice")).toContainText(/Globex's guests Cara Mendes(, | and )Dan Okafor\b.* would see table orders/);
  await expect(dialog.getByRole("button", { name: "Confirm add" })).toBeDisabled();
  await page.goto("/teams/northwind");
  await expect(page.getByTestId("exposure-verdict")).toContainText("Isolated");
});

test.describe("as the editor", () => {
  test.use({ storageState: STATES.editor.file });

  test("no exposure report, no who-can-see panel, no view-as buttons", async ({ page }) => {
    await page.goto("/teams/northwind");
    await expect(page.getByRole("heading", { name: "Northwind" })).toBeVisible();
    await expect(page.getByTestId("exposure-verdict")).toHaveCount(0);
    await page.goto(`/resources/${ordersId()}`);
    await expect(page.getByRole("heading", { name: "orders" })).toBeVisible();
    await expect(page.getByText("Who can see this?")).toHaveCount(0);
    expect((await page.goto("/settings/members"))!.status()).toBe(404);
  });
});

// Automations end to end: the admin takes Globex's dashboards out of the Globex team by hand (the seed assigns
// them directly), then builds "Globex dashboards", previews it, runs it and watches the progress reach 100%;
// Cara (a Globex guest) then sees them; undo takes exactly those assignments away again.
import { test, expect, type Page } from "@playwright/test";
import { STATES } from "./users";

const DASHBOARDS = ["Globex Revenue", "Globex Product Usage"];

async function bulkGlobexDashboards(page: Page, mode: "Add to team(s)" | "Remove from team(s)") {
  await page.goto("/settings/resources");
  // A choice made before the page has hydrated changes nothing: choose again until the URL follows.
  await expect(async () => {
    await page.locator("#f-type").selectOption("DASHBOARD");
    await expect(page).toHaveURL(/type=DASHBOARD/, { timeout: 1_000 });
  }).toPass({ timeout: 15_000 });
  // The URL changes at once (nuqs), the rows when the server has rendered them: wait for dashboards only.
  await expect(page.locator("tbody tr > td:nth-child(3)").filter({ hasNotText: /^Dashboard$/ })).toHaveCount(0);
  for (const name of DASHBOARDS) await page.getByRole("row", { name: new RegExp(name) }).getByRole("checkbox").check();
  await expect(page.getByText("2 resources selected")).toBeVisible();
  await page.getByLabel("Bulk actions").locator("label", { hasText: /^Globex$/ }).click();
  await page.getByRole("button", { name: mode }).click();
  await page.getByRole("dialog", { name: "Confirm" }).getByRole("button", { name: /Confirm/ }).click();
  await expect(page.getByRole("status").filter({ hasText: mode.startsWith("Add") ? "Added" : "Removed" })).toBeVisible();
}

async function caraSees(page: Page, visible: boolean) {
  await page.goto("/catalog");
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  for (const name of DASHBOARDS) await expect(page.getByRole("link", { name: new RegExp(name) })).toHaveCount(visible ? 1 : 0);
}

test("an admin allocates Globex's dashboards by automation, with preview, progress and undo", async ({ browser }) => {
  test.setTimeout(120_000);
  const admin = await (await browser.newContext({ storageState: STATES.admin.file })).newPage();
  const cara = await (await browser.newContext({ storageState: STATES.cara.file })).newPage();
  let removed = false;
  try {
    await bulkGlobexDashboards(admin, "Remove from team(s)");
    removed = true;
    await caraSees(cara, false);

    await admin.goto("/settings/automations");
    await admin.getByRole("link", { name: "New automation" }).click();
    await expect(admin.getByRole("heading", { name: "New automation" })).toBeVisible();
    await admin.getByLabel("Name", { exact: true }).fill("Globex dashboards");
    await admin.getByLabel("Condition 1", { exact: true }).selectOption("type");
    await admin.getByLabel("Value 1", { exact: true }).selectOption("DASHBOARD");
    await admin.getByRole("button", { name: "Add condition" }).click();
    await admin.getByLabel("Condition 2", { exact: true }).selectOption("nameStartsWith");
    await admin.getByLabel("Value 2", { exact: true }).fill("Globex");
    await admin.locator("label", { hasText: /^Globex/ }).getByRole("checkbox").check();
    await admin.getByRole("button", { name: "Preview" }).click();
    await expect(admin.getByTestId("preview-matched")).toHaveText("2");
    await expect(admin.getByTestId("automation-preview")).toContainText("2 assignments would be added");
    await admin.getByRole("button", { name: "Create automation" }).click();
    await expect(admin.getByRole("heading", { name: /Globex dashboards/ })).toBeVisible();

    await admin.getByRole("button", { name: "Run now…" }).click();
    await expect(admin.getByTestId("preview-matched")).toHaveText("2");
    await admin.getByRole("button", { name: "Run it" }).click();
    await expect(admin.getByTestId("run-percent")).toHaveText("100%", { timeout: 30_000 });
    await expect(admin.getByRole("progressbar")).toHaveAttribute("aria-valuenow", "100");
    await expect(admin.getByTestId("run-history").getByRole("row").first()).toContainText("admin@acme.test");

    await caraSees(cara, true);
    // The resource page says where Cara's access came from (to the admin).
    await admin.goto("/search?q=Globex%20Revenue");
    await admin.getByRole("link", { name: /Globex Revenue/ }).first().click();
    await expect(admin.getByRole("heading", { name: "Globex Revenue", level: 1 })).toBeVisible();
    await expect(admin.getByText("Added by automation Globex dashboards")).toBeVisible();

    await admin.goto("/settings/automations");
    await expect(admin.getByRole("row", { name: /Globex dashboards/ })).toContainText("Add to Globex");
    await admin.getByRole("link", { name: "Globex dashboards" }).click();
    await admin.getByTestId("run-history").getByRole("button", { name: "Undo" }).click();
    // Asked first; nothing happens until confirmed.
    await admin.getByRole("alertdialog", { name: "Undo this run?" }).getByRole("button", { name: "Undo run" }).click();
    await expect(admin.getByTestId("run-history").getByRole("row").first()).toContainText("undo", { timeout: 30_000 });
    await expect(admin.getByTestId("run-percent")).toHaveText("100%", { timeout: 30_000 });
    await expect(admin.getByTestId("run-history")).toContainText("Undone");
    await caraSees(cara, false);
  } finally {
    if (removed) await bulkGlobexDashboards(admin, "Add to team(s)"); // the seed's assignments, back as they were
  }
  await caraSees(cara, true);
});

test("a guest gets a plain 404 for the automations pages", async ({ browser }) => {
  const ana = await (await browser.newContext({ storageState: STATES.ana.file })).newPage();
  for (const url of ["/settings/automations", "/settings/automations/new"]) {
    const res = await ana.goto(url);
    expect(res?.status()).toBe(404);
    await expect(ana).toHaveTitle(/Page not found/);
    expect(await ana.content()).not.toContain("Automations");
  }
});

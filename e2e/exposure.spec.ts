// Issue #16 in the browser, as the admin: adding the Northwind schema to Globex names the exposure and, with the
// isolation lock on, is refused; with the lock off and the exposure confirmed, Settings → Isolation lists it and
// Cara can open the schema (the rule and visibility agree); removing it returns the verdict to "Isolated".
import { test, expect, type Page } from "@playwright/test";
import { STATES } from "./users";

async function pickNorthwindSchema(page: Page, mode: "Add to team(s)" | "Remove from team(s)") {
  await page.goto("/settings/resources?type=SCHEMA&q=northwind");
  const row = page.getByRole("row", { name: /northwind/ }).first();
  await expect(row).toBeVisible();
  await row.getByRole("checkbox").check();
  await page.getByLabel("Bulk actions").locator("label", { hasText: /^Globex$/ }).click();
  await page.getByRole("button", { name: mode }).click();
  return page.getByRole("dialog", { name: "Confirm" });
}

async function setLock(page: Page, on: boolean) {
  await page.goto("/settings/workspace");
  if (on) {
    if (await page.getByRole("button", { name: "Turn on" }).isVisible()) await page.getByRole("button", { name: "Turn on" }).click();
    await expect(page.getByTestId("lock-state")).toHaveText("Isolation lock on");
    return;
  }
  await page.getByRole("button", { name: "Turn off…" }).click();
  await page.getByLabel("Workspace name").fill("Acme Data");
  await page.getByRole("button", { name: "Turn the lock off" }).click();
  await expect(page.getByTestId("lock-state")).toHaveText("Isolation lock off");
}

test("the Northwind schema to Globex: refused under the lock, then confirmed, listed, opened by Cara, removed", async ({ browser }) => {
  const admin = await (await browser.newContext({ storageState: STATES.admin.file })).newPage();
  const cara = await (await browser.newContext({ storageState: STATES.cara.file })).newPage();
  let added = false;
  let unlocked = false;
  try {
    await admin.goto("/settings/isolation");
    await expect(admin.getByTestId("isolation-verdict")).toContainText("Isolated");

    // Lock on: the preview names the exposure, and there is nothing to confirm.
    let dialog = await pickNorthwindSchema(admin, "Add to team(s)");
    const notice = dialog.getByTestId("exposure-notice");
    await expect(notice).toContainText("Refused: the isolation lock is on");
    await expect(notice).toContainText(/Globex's guests Cara Mendes and Dan Okafor would see schema northwind and its \d+ items, assigned to Northwind\./);
    await expect(dialog.getByRole("button", { name: "Confirm add" })).toBeDisabled();
    await dialog.getByRole("button", { name: "Cancel" }).click();

    // Lock off: the same exposure, confirmed explicitly.
    await setLock(admin, false);
    unlocked = true;
    dialog = await pickNorthwindSchema(admin, "Add to team(s)");
    await expect(dialog.getByTestId("exposure-notice")).toContainText("This change exposes one client to another");
    await expect(dialog.getByRole("button", { name: "Confirm add" })).toBeDisabled();
    await dialog.getByRole("checkbox", { name: /I confirm these/ }).check();
    await dialog.getByRole("button", { name: "Confirm add" }).click();
    await expect(admin.getByRole("status")).toContainText("Added 1 assignment");
    added = true;

    await admin.goto("/settings/isolation");
    await expect(admin.getByTestId("isolation-verdict")).toContainText(/\d+ exposures/);
    const finding = admin.getByTestId("isolation-findings").getByRole("listitem").filter({ hasText: /Globex's guests Cara Mendes and Dan Okafor can see schema northwind/ });
    await expect(finding).toBeVisible();
    const fix = await finding.getByRole("link", { name: "Fix" }).getAttribute("href");
    expect(fix).toMatch(/^\/resources\/[0-9a-f-]{36}#teams$/);

    // The rule and visibility agree: Cara opens it.
    await cara.goto(fix!.replace("#teams", ""));
    await expect(cara.getByRole("heading", { name: "northwind" })).toBeVisible();
  } finally {
    if (added) {
      const dialog = await pickNorthwindSchema(admin, "Remove from team(s)");
      await dialog.getByRole("button", { name: "Confirm remove" }).click();
      await expect(admin.getByRole("status")).toContainText("Removed 1 assignment");
    }
    if (unlocked) await setLock(admin, true);
  }
  await admin.goto("/settings/isolation");
  await expect(admin.getByTestId("isolation-verdict")).toContainText("Isolated");
});

test.describe("as a guest", () => {
  test.use({ storageState: STATES.ana.file });

  test("Settings → Isolation and Workspace are a plain 404", async ({ page }) => {
    for (const path of ["/settings/isolation", "/settings/workspace"]) {
      const res = await page.goto(path);
      expect(res!.status()).toBe(404);
      await expect(page.getByText(/isolation lock|exposure/i)).toHaveCount(0);
    }
  });
});

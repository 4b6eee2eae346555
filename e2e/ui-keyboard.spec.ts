// Keyboard only: Ctrl-K opens the palette, the arrows and Enter reach a resource; a dialog opened with the
// keyboard keeps Tab inside it, Escape closes it, and the focus goes back to the button that opened it.
import { expect, test, type Page } from "@playwright/test";
import { STATES } from "./users";

test.use({ storageState: STATES.admin.file });

async function palette(page: Page) {
  const p = page.getByTestId("command-palette");
  // Until the page has hydrated the shortcut has no listener: press again until it opens.
  await expect(async () => {
    if (!(await p.isVisible())) await page.keyboard.press("Control+k");
    await expect(p).toBeVisible({ timeout: 1_000 });
  }).toPass({ timeout: 15_000 });
  return p;
}

/** Tab until the element matching `name` has the focus (a person reaching it with the keyboard). */
async function tabTo(page: Page, name: string) {
  for (let i = 0; i < 60; i++) {
    await page.keyboard.press("Tab");
    const label = await page.evaluate(() => {
      const el = document.activeElement as HTMLElement | null;
      return el ? (el.getAttribute("aria-label") ?? el.textContent ?? "").trim() : "";
    });
    if (label === name) return;
  }
  throw new Error(`Tab never reached “${name}”`);
}

async function focusIsInside(page: Page, selector: string) {
  return page.evaluate((sel) => Boolean(document.activeElement && document.querySelector(sel)?.contains(document.activeElement)), selector);
}

test("Ctrl-K to a resource, then a dialog that traps Tab, closes on Escape and gives the focus back", async ({ page }) => {
  await page.goto("/catalog");
  let p = await palette(page);
  // Tab stays in the palette too.
  for (let i = 0; i < 6; i++) {
    await page.keyboard.press("Tab");
    expect(await focusIsInside(page, '[data-testid="command-palette"]')).toBe(true);
  }
  await p.getByRole("combobox").focus();
  await page.keyboard.type("orders");
  await expect(p.getByRole("option", { name: /orders/ }).first()).toBeVisible();
  // The first row is active; Enter opens it.
  await expect(p.getByRole("option").first()).toHaveAttribute("aria-selected", "true");
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/\/resources\/[0-9a-f-]{36}$/);
  await expect(page.getByRole("heading", { level: 1 })).toContainText("orders");

  // The palette's page shortcuts: to Members, without the mouse.
  p = await palette(page);
  await page.keyboard.type("members");
  await expect(p.getByRole("option", { name: "Members" })).toBeVisible();
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/\/settings\/members$/);
  await expect(p).toBeHidden();

  await tabTo(page, "Invite people");
  await page.keyboard.press("Enter");
  const dialog = page.getByRole("dialog", { name: "Invite people" });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByLabel("Email addresses")).toBeFocused();
  for (let i = 0; i < 15; i++) {
    await page.keyboard.press("Tab");
    expect(await focusIsInside(page, '[role="dialog"]'), `Tab ${i + 1}`).toBe(true);
  }
  for (let i = 0; i < 5; i++) {
    await page.keyboard.press("Shift+Tab");
    expect(await focusIsInside(page, '[role="dialog"]'), `Shift+Tab ${i + 1}`).toBe(true);
  }
  await page.keyboard.press("Escape");
  await expect(dialog).toBeHidden();
  await expect(page.getByRole("button", { name: "Invite people" })).toBeFocused();
});

test("a row menu's dialog gives the focus back to the row's button", async ({ page }) => {
  await page.goto("/settings/members");
  const manage = page.getByRole("button", { name: "Manage Ana Souza" });
  await manage.focus();
  await page.keyboard.press("Enter");
  const dialog = page.getByRole("dialog", { name: "Ana Souza" });
  await expect(dialog).toBeVisible();
  await page.keyboard.press("Escape");
  await expect(dialog).toBeHidden();
  await expect(manage).toBeFocused();
});

test("the person picker is a combobox: type, arrows and Enter pick people, Escape clears the text before it closes", async ({ page }) => {
  await page.goto("/teams/northwind");
  const add = page.getByRole("button", { name: "Add members" });
  // Until the page has hydrated the button opens nothing: press again until the dialog is there.
  const dialog = page.getByRole("dialog");
  await expect(async () => {
    if (!(await dialog.isVisible())) await add.click();
    await expect(dialog).toBeVisible({ timeout: 1_000 });
  }).toPass({ timeout: 15_000 });
  const box = dialog.getByRole("combobox", { name: "Find people" });
  await box.focus();
  await expect(box).toHaveAttribute("aria-expanded", "true");
  const list = dialog.getByRole("listbox", { name: "People" });
  await expect(list).toHaveAttribute("aria-multiselectable", "true");
  const options = list.getByRole("option");
  expect(await options.count()).toBeGreaterThan(1);

  // The first option is active; ArrowDown moves to the second, announced through aria-activedescendant.
  const first = options.nth(0), second = options.nth(1);
  await expect(box).toHaveAttribute("aria-activedescendant", (await first.getAttribute("id"))!);
  await page.keyboard.press("ArrowDown");
  await expect(box).toHaveAttribute("aria-activedescendant", (await second.getAttribute("id"))!);
  await page.keyboard.press("Enter");
  await expect(second).toHaveAttribute("aria-selected", "true");
  await expect(first).toHaveAttribute("aria-selected", "false");
  await expect(dialog.getByText("1 selected")).toBeVisible();
  await expect(box).toBeFocused();

  // Typing filters; Enter on the only match picks it too.
  await page.keyboard.type("sam");
  await expect(options).toHaveCount(1);
  await page.keyboard.press("Enter");
  await expect(list.getByRole("option", { name: /Sam Ortiz/ })).toHaveAttribute("aria-selected", "true");
  await expect(dialog.getByText("2 selected")).toBeVisible();
  await expect(dialog.getByRole("button", { name: "Remove Sam Ortiz" })).toBeVisible();

  // Escape clears the text first (the dialog stays), then closes the dialog; nothing was added.
  await page.keyboard.press("Escape");
  await expect(box).toHaveValue("");
  await expect(dialog).toBeVisible();
  await page.keyboard.press("Escape");
  await expect(dialog).toBeHidden();
  await expect(add).toBeFocused();
});

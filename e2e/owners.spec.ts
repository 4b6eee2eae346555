// The owner picker's type-ahead end to end: the admin adds an owner by typing (keyboard only: the ARIA combobox),
// finds groups too, sees "No match" plainly; an editor finds people and no group; Ana (a Guest) gets no picker;
// and the page no longer ships a list of everyone (the server answers each question as it is typed).
import path from "node:path";
import os from "node:os";
import { test, expect, type Page } from "@playwright/test";
import { STATES } from "./users";
import { loadIds } from "./ids";

const shots = process.env.E2E_SHOTS_DIR ?? path.join(os.tmpdir(), "owner-shots");

/** A table of the northwind schema (no owner in the e2e database: scripts/e2e-prepare.ts owns orders). */
function northwindTable(name: string) {
  const ids = loadIds();
  const schema = ids.resources.find((r) => r.name === "northwind" && r.type === "SCHEMA")!;
  return ids.resources.find((r) => r.name === name && r.type === "TABLE" && r.path.includes(schema.id))!;
}

async function openAs(browser: import("@playwright/test").Browser, state: keyof typeof STATES, table = "customers"): Promise<Page> {
  const page = await (await browser.newContext({ storageState: STATES[state].file })).newPage();
  await page.goto(`/resources/${northwindTable(table).id}`);
  await expect(page.getByTestId("resource-owners")).toBeVisible();
  return page;
}

test("the admin adds an owner by typing, with the keyboard, and removes it", async ({ browser }) => {
  const page = await openAs(browser, "admin");
  const owners = page.getByTestId("resource-owners");
  const box = owners.getByRole("combobox", { name: "Add an owner" });
  await expect(box).toHaveAttribute("aria-expanded", "false");
  await box.fill("zzqx");
  // Said plainly under the box, and to a screen reader through the status.
  await expect(owners.getByText("No match", { exact: true }).first()).toBeVisible();
  await expect(owners.getByRole("status")).toHaveText("No match");
  await expect(box).toHaveAttribute("aria-expanded", "true");

  await box.fill("DAN");
  const list = page.getByRole("listbox", { name: "People and groups" });
  await expect(list.getByRole("option")).toHaveText([/Dan Okafor\s*dan@globex\.test/]);
  await expect(owners.getByRole("status")).toHaveText("1 match");
  await page.screenshot({ path: path.join(shots, "owner-typeahead-admin.png"), fullPage: false });
  await box.press("ArrowDown");
  const option = list.getByRole("option", { name: /Dan Okafor/ });
  await expect(option).toHaveAttribute("aria-selected", "true");
  await expect(box).toHaveAttribute("aria-activedescendant", (await option.getAttribute("id"))!);
  await box.press("Enter");
  await expect(owners.getByRole("list", { name: "Owners" }).getByRole("link", { name: "Dan Okafor" })).toBeVisible();
  await expect(box).toHaveValue("");
  await expect(box).toHaveAttribute("aria-expanded", "false");
  // Already an owner: no longer offered.
  await box.fill("dan");
  await expect(owners.getByRole("status")).toHaveText("No match");
  // Escape closes the list, a second one clears the text.
  await box.press("Escape");
  await expect(box).toHaveAttribute("aria-expanded", "false");
  await expect(box).toHaveValue("dan");
  await box.press("Escape");
  await expect(box).toHaveValue("");

  // Groups too, for an admin; a click picks as well.
  await box.fill("globex");
  await expect(list.getByRole("option", { name: /Globex people/ })).toBeVisible();
  await box.press("Escape");

  await owners.getByRole("button", { name: "Remove owner Dan Okafor" }).click();
  await expect(owners.getByText("No owner yet.")).toBeVisible();
});

test("an editor finds people and no group; the page lists nobody it was not asked for", async ({ browser }) => {
  const page = await openAs(browser, "editor");
  const box = page.getByRole("combobox", { name: "Add an owner" });
  await box.fill("people");
  await expect(page.getByTestId("resource-owners").getByRole("status")).toHaveText("No match");
  await box.fill("finn");
  await expect(page.getByRole("listbox", { name: "People and groups" }).getByRole("option")).toHaveText([/Finn Walsh/]);
  // Before the type-ahead the page carried up to 500 people and 500 groups as options; now none until typed.
  await page.reload();
  const html = await page.content();
  for (const word of ["finn@initech.test", "Finn Walsh", "eve@initech.test", "Globex people"]) expect(html, `ships ${word}`).not.toContain(word);
});

test("Ana (a Guest) has no owner picker", async ({ browser }) => {
  const page = await openAs(browser, "ana", "orders");
  await expect(page.getByRole("combobox", { name: "Add an owner" })).toHaveCount(0);
  await page.screenshot({ path: path.join(shots, "owners-ana.png"), fullPage: true });
});

// Search in the browser: the /search page and the ⌘K palette find, for a guest, only its own client's things;
// the admin finds everything; the palette opens on every page and is driven by the keyboard or the mouse.
import { test, expect, type Page } from "@playwright/test";
import { STATES } from "./users";
import { clientScope, loadIds } from "./ids";

const FOREIGN_TERMS = ["globex", "initech", "cara", "finance"];

function initechTable() {
  const t = clientScope(loadIds(), "Initech").resources.find((r) => r.type === "TABLE");
  if (!t) throw new Error("no Initech table in the seed");
  return t;
}

async function openPalette(page: Page) {
  const palette = page.getByTestId("command-palette");
  // The shortcut is listened for once the page has hydrated: press again until it has.
  await expect(async () => {
    if (!(await palette.isVisible())) await page.keyboard.press("Control+k");
    await expect(palette).toBeVisible({ timeout: 1_000 });
  }).toPass({ timeout: 15_000 });
  return palette;
}

async function paletteSearch(page: Page, q: string) {
  const palette = await openPalette(page);
  const input = palette.getByRole("combobox");
  await input.fill(q);
  return palette;
}

test.describe("as a Northwind guest", () => {
  test.use({ storageState: STATES.ana.file });

  test("the search page finds nothing of the other clients, nor finance", async ({ page }) => {
    const table = initechTable();
    const ids = loadIds();
    const foreignIds = [...clientScope(ids, "Globex").resources, ...clientScope(ids, "Initech").resources].map((r) => r.id);
    for (const q of [...FOREIGN_TERMS, table.name]) {
      const res = await page.goto(`/search?q=${encodeURIComponent(q)}`);
      await expect(page.getByText(`No results for “${q}”`)).toBeVisible();
      await expect(page.getByTestId("search-results")).toHaveCount(0);
      await expect(page.getByTestId("search-facets")).toHaveCount(0);
      const html = await res!.text();
      for (const id of foreignIds) expect(html, `${q} leaks ${id}`).not.toContain(id);
      for (const word of ["Globex Revenue", "Initech TPS", "Finance P&L", "Cara Mendes", "Warehouse"]) expect(html).not.toContain(word);
    }
  });

  test("the palette finds nothing of the other clients either", async ({ page }) => {
    const table = initechTable();
    await page.goto("/catalog");
    for (const q of [...FOREIGN_TERMS, table.name]) {
      const palette = await paletteSearch(page, q);
      await expect(palette.getByTestId("palette-empty")).toBeVisible();
      await expect(palette.getByRole("option")).toHaveCount(0);
      await page.keyboard.press("Escape");
      await expect(palette).toBeHidden();
    }
  });

  test("her own resources are found, ranked and highlighted, with her team as the only team facet", async ({ page }) => {
    await page.goto("/search?q=ord");
    const results = page.getByTestId("search-results");
    await expect(results.getByRole("link").first()).toContainText("orders");
    await expect(results.locator("mark").first()).toHaveText(/ord/i);
    const teams = page.locator('[data-facet="team"]');
    await expect(teams.getByRole("link")).toHaveCount(1);
    await expect(teams).toContainText("Northwind");
    await expect(page.locator('[data-facet="integration"]')).toHaveCount(0);
  });
});

test.describe("as the admin", () => {
  test.use({ storageState: STATES.admin.file });

  test("the same searches find the other clients and finance", async ({ page }) => {
    const table = initechTable();
    for (const q of [...FOREIGN_TERMS, table.name]) {
      await page.goto(`/search?q=${encodeURIComponent(q)}`);
      await expect(page.getByText(`No results for “${q}”`)).toHaveCount(0);
      if (q !== "cara") await expect(page.getByTestId("search-results").getByRole("link").first()).toBeVisible();
      else await expect(page.getByTestId("search-others")).toContainText("Cara");
    }
    await page.goto("/catalog");
    for (const q of [...FOREIGN_TERMS, table.name]) {
      const palette = await paletteSearch(page, q);
      await expect(palette.getByRole("option").first()).toBeVisible();
      await page.keyboard.press("Escape");
    }
  });

  test("filters and pages live in the URL", async ({ page }) => {
    await page.goto("/search?q=id");
    await page.locator('[data-facet="type"]').getByRole("link", { name: /Column/ }).click();
    await expect(page).toHaveURL(/type=COLUMN/);
    const results = page.getByTestId("search-results");
    await expect(results.getByRole("link").first()).toContainText("Column");
    await page.locator('[data-facet="type"]').getByRole("link", { name: /Column/ }).click();
    await expect(page).not.toHaveURL(/type=/);
    await page.goto("/search?q=a&type=NOPE&page=-1&team=x");
    await expect(page.getByRole("heading", { name: "Search" })).toBeVisible();
  });

  test("⌘K opens from every page; arrows move, Enter opens the resource", async ({ page }) => {
    for (const url of ["/catalog", "/teams", "/my-team", "/search", "/settings/members"]) {
      await page.goto(url);
      const palette = await openPalette(page);
      await page.keyboard.press("Escape");
      await expect(palette).toBeHidden();
    }
    await page.goto("/teams");
    const palette = await paletteSearch(page, "customer");
    const options = palette.getByRole("option");
    await expect(options.first()).toBeVisible();
    await expect(options.first()).toHaveAttribute("aria-selected", "true");
    await page.keyboard.press("ArrowDown");
    await expect(options.nth(1)).toHaveAttribute("aria-selected", "true");
    await expect(options.first()).toHaveAttribute("aria-selected", "false");
    await page.keyboard.press("ArrowUp");
    await expect(options.first()).toHaveAttribute("aria-selected", "true");
    const name = (await options.first().locator("mark").first().evaluate((m) => m.parentElement!.textContent)) ?? "";
    await page.keyboard.press("Enter");
    await expect(page).toHaveURL(/\/resources\/[0-9a-f-]{36}$/);
    await expect(page.getByRole("heading", { level: 1 })).toContainText(name.trim());
  });

  test("the mouse works, and recent searches show when the palette opens empty", async ({ page }) => {
    await page.goto("/catalog");
    await page.getByTestId("open-palette").click();
    const palette = page.getByTestId("command-palette");
    await palette.getByRole("combobox").fill("invoices");
    await palette.getByRole("option", { name: /invoices/ }).first().click();
    await expect(page).toHaveURL(/\/resources\//);
    await expect(page.getByRole("heading", { level: 1 })).toContainText("invoices");
    await openPalette(page);
    await expect(palette.getByRole("listbox", { name: "Recent searches" })).toBeVisible();
    await expect(palette.getByRole("option", { name: "invoices" })).toBeVisible();
    await palette.getByRole("option", { name: "invoices" }).click();
    await expect(palette.getByRole("combobox")).toHaveValue("invoices");
    await page.mouse.click(5, 5);
    await expect(palette).toBeHidden();
  });
});

// A PostgreSQL integration end to end against a throwaway database on the local server (skipped, saying why,
// when no PostgreSQL is reachable): test, add with no team (so only admins see it), sync, assign one table to
// Initech, and Eve (an Initech guest) sees that table and its columns and nothing else of the integration —
// including a column added to the real table afterwards, picked up by a re-sync with no new assignment.
import crypto from "node:crypto";
import { test, expect } from "@playwright/test";
import pg from "pg";
import { STATES, signIn } from "./users";

const SERVER = process.env.SOURCE_PG_URL ?? "postgres://enclave:enclave@127.0.0.1:5432/postgres";
const name = `enclave_e2e_${crypto.randomBytes(4).toString("hex")}`;
const url = (() => { const u = new URL(SERVER); u.pathname = `/${name}`; return u.toString(); })();

async function run(connectionString: string, sql: string) {
  const c = new pg.Client({ connectionString, connectionTimeoutMillis: 3000 });
  await c.connect();
  try { await c.query(sql); } finally { await c.end(); }
}

test.use({ storageState: STATES.admin.file });

test("an admin syncs a PostgreSQL database, gives one table to Initech, and Eve sees it and its new column", async ({ page, browser }) => {
  test.setTimeout(90_000);
  let reachable = true;
  await run(SERVER, `CREATE DATABASE ${name}`).catch((e) => { reachable = false; console.warn(`[e2e] no PostgreSQL at ${new URL(SERVER).host}: ${e.message}`); });
  test.skip(!reachable, "no PostgreSQL reachable");
  try {
    await run(
      url,
      `CREATE SCHEMA shop; CREATE TABLE shop.items (id int PRIMARY KEY, title text NOT NULL); COMMENT ON TABLE shop.items IS 'Things we sell';
       CREATE TABLE shop.supplier_margins (id int, margin numeric); COMMENT ON TABLE shop.supplier_margins IS 'Internal only';`,
    );
    await page.goto("/settings/integrations");
    await page.getByLabel("Name").fill("E2E source");
    await page.getByLabel("Connection string").fill(url.replace(":enclave@", ":wrong@"));
    await page.getByRole("button", { name: "Test connection" }).click();
    await expect(page.getByRole("status")).toContainText("wrong user name or password");
    await page.getByLabel("Connection string").fill(url);
    await page.getByRole("button", { name: "Test connection" }).click();
    await expect(page.getByRole("status")).toContainText(`Connected to ${name}`);
    await page.locator("label", { hasText: /^General$/ }).click(); // no team: admins only
    await page.getByRole("button", { name: "Add integration" }).click();
    await expect(page).toHaveURL(/\/settings\/integrations\/[0-9a-f-]{36}$/);
    const html = await (await page.request.get(page.url())).text();
    expect(html).not.toContain(":enclave@");
    await page.getByRole("button", { name: "Sync now" }).click();
    // database, schemas shop and public, two tables, four columns
    await expect(page.getByTestId("sync-status")).toContainText("9 added, 0 updated, 0 removed", { timeout: 20_000 });
    const integrationUrl = page.url();
    const integrationId = integrationUrl.split("/").pop()!;

    // Assign shop.items (only) to Initech from the resources table.
    await page.goto(`/settings/resources?integration=${integrationId}&q=items`);
    const row = page.getByRole("row", { name: /items/ });
    await expect(row).toHaveCount(1);
    await row.getByRole("checkbox").check();
    await page.getByLabel("Bulk actions").locator("label", { hasText: /^Initech$/ }).click();
    await page.getByRole("button", { name: "Add to team(s)" }).click();
    const dialog = page.getByRole("dialog", { name: "Confirm" });
    await expect(dialog.getByTestId("descendant-count")).toHaveText("2 descendants");
    await dialog.getByRole("button", { name: /Confirm/ }).click();
    await expect(page.getByRole("status")).toContainText("Added 1 assignment; 2 descendants come along");

    const eve = await signIn(browser, "eve@initech.test");
    // Her one table of the integration is a root of her catalog's data sources tree (its items are links with
    // the treeitem role, as in the ARIA navigation tree).
    await eve.getByRole("tree", { name: "Data sources" }).getByRole("treeitem", { name: "items", exact: true }).click();
    await expect(eve.getByRole("heading", { name: "items" })).toBeVisible();
    const itemsUrl = eve.url();
    for (const column of ["id", "title"]) await expect(eve.getByRole("link", { name: column, exact: true })).toBeVisible();
    await expect(eve.getByRole("link", { name: "price", exact: true })).toHaveCount(0);
    await expect(eve.getByRole("navigation", { name: "Breadcrumb" })).not.toContainText("shop");
    for (const path of ["/catalog", itemsUrl, "/search?q=margins"]) {
      const body = await (await eve.request.get(path)).text();
      for (const word of ["E2E source", name, "supplier_margins", "Internal only"]) expect(body, `${path} names ${word}`).not.toContain(word);
    }
    expect((await eve.request.get(integrationUrl)).status()).toBe(404);

    await run(url, `ALTER TABLE shop.items ADD COLUMN price numeric(10,2)`);
    await page.goto(integrationUrl);
    await page.getByRole("button", { name: "Sync now" }).click();
    await expect(page.getByTestId("sync-status")).toContainText("1 added, 0 updated, 0 removed", { timeout: 20_000 });
    await eve.goto(itemsUrl);
    await expect(eve.getByRole("link", { name: "price", exact: true })).toBeVisible();

    // Taken back from Initech, the table is a plain not-found for Eve again (and the demo keeps its shape).
    await page.goto(`/settings/resources?integration=${integrationId}&q=items`);
    await page.getByRole("row", { name: /items/ }).getByRole("checkbox").check();
    await page.getByLabel("Bulk actions").locator("label", { hasText: /^Initech$/ }).click();
    await page.getByRole("button", { name: "Remove from team(s)" }).click();
    await page.getByRole("dialog", { name: "Confirm" }).getByRole("button", { name: /Confirm/ }).click();
    await expect(page.getByRole("status")).toContainText("Removed 1 assignment");
    expect((await eve.request.get(itemsUrl)).status()).toBe(404);

    await page.goto(integrationUrl);
    await page.getByRole("link", { name: /Open in catalog/ }).click();
    await page.getByRole("link", { name: name }).click();
    await page.getByRole("link", { name: "shop" }).click();
    await page.getByRole("link", { name: "items" }).click();
    await expect(page.getByText("Things we sell")).toBeVisible();
    await expect(page.getByRole("link", { name: "price" })).toBeVisible();
  } finally {
    await run(SERVER, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`).catch(() => undefined);
  }
});

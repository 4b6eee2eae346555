// A PostgreSQL integration end to end against a throwaway database on the local server (skipped, saying why,
// when no PostgreSQL is reachable): test, add (database, schemas shop and public, a table, two columns) (no team, so only admins see it), sync, change the source, re-sync.
import crypto from "node:crypto";
import { test, expect } from "@playwright/test";
import pg from "pg";
import { STATES } from "./users";

const SERVER = process.env.SOURCE_PG_URL ?? "postgres://enclave:enclave@127.0.0.1:5432/postgres";
const name = `enclave_e2e_${crypto.randomBytes(4).toString("hex")}`;
const url = (() => { const u = new URL(SERVER); u.pathname = `/${name}`; return u.toString(); })();

async function run(connectionString: string, sql: string) {
  const c = new pg.Client({ connectionString, connectionTimeoutMillis: 3000 });
  await c.connect();
  try { await c.query(sql); } finally { await c.end(); }
}

test.use({ storageState: STATES.admin.file });

test("an admin adds a PostgreSQL integration, syncs it, and a re-sync picks up a new column", async ({ page }) => {
  let reachable = true;
  await run(SERVER, `CREATE DATABASE ${name}`).catch((e) => { reachable = false; console.warn(`[e2e] no PostgreSQL at ${new URL(SERVER).host}: ${e.message}`); });
  test.skip(!reachable, "no PostgreSQL reachable");
  try {
    await run(url, `CREATE SCHEMA shop; CREATE TABLE shop.items (id int PRIMARY KEY, title text NOT NULL); COMMENT ON TABLE shop.items IS 'Things we sell';`);
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
    await expect(page.getByTestId("sync-status")).toContainText("6 added, 0 updated, 0 removed", { timeout: 20_000 });

    await run(url, `ALTER TABLE shop.items ADD COLUMN price numeric(10,2)`);
    await page.getByRole("button", { name: "Sync now" }).click();
    await expect(page.getByTestId("sync-status")).toContainText("1 added, 0 updated, 0 removed", { timeout: 20_000 });
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

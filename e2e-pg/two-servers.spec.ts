// Several app servers on one PostgreSQL: nothing a request depends on lives in one server process. A person signs in
// on one server and acts on the other; an admin's change made on one is enforced by the other at the next request;
// a view-as started on one holds on the other; a sync started on one is followed on the other.
// Harness: playwright.pg.config.ts starts the servers; e2e-pg/servers.ts names them. Add a case per shared state.
import { test, expect, type Page } from "@playwright/test";
import { signIn, submitSignIn, PASSWORD } from "../e2e/users";
import { A, B } from "./servers";

test.describe.configure({ mode: "serial" });

async function deactivate(admin: Page, base: string, email: string) {
  await admin.goto(`${base}/settings/members?q=${encodeURIComponent(email.split("@")[0] + "@")}`);
  await admin.getByRole("checkbox", { name: "Select row" }).check();
  await admin.getByTestId("bulk-actions").getByRole("button", { name: "Deactivate" }).click();
  await admin.getByRole("alertdialog").getByRole("button", { name: "Deactivate" }).click();
  await expect(admin.locator("tbody tr", { hasText: email })).toContainText("Deactivated");
}

test("signed in on one server, served on the other: the session is the database's, not a process's", async ({ browser }) => {
  const page = await submitSignIn(browser, "editor@acme.test");
  await page.waitForURL(`${A}/catalog`);
  await page.goto(`${B}/catalog`);
  await expect(page).toHaveURL(`${B}/catalog`);
  await expect(page.getByRole("link", { name: /Company KPIs/ }).first()).toBeVisible();
  const hits = await (await page.request.get(`${B}/api/search?q=orders`)).json();
  expect(hits.hits.map((h: { name: string }) => h.name)).toContain("orders");
  await page.context().close();
});

test("deactivated on one server, refused on the other at the next request, and cannot sign in there", async ({ browser }) => {
  const ben = await signIn(browser, "ben@northwind.test");
  await ben.goto(`${B}/catalog`);
  await expect(ben.getByRole("link", { name: /northwind/ }).first()).toBeVisible();
  // The admin signs in on A and acts on B.
  const admin = await signIn(browser, "admin@acme.test");
  await deactivate(admin, B, "ben@northwind.test");

  await ben.goto(`${A}/catalog`);
  await expect(ben).toHaveURL(/\/login/);
  expect((await ben.request.get(`${A}/api/search?q=orders`)).status()).toBe(401);
  await ben.goto(`${B}/login`);
  await ben.fill('input[name="email"]', "ben@northwind.test");
  await ben.fill('input[name="password"]', PASSWORD);
  await ben.click('button[type="submit"]');
  await expect(ben.getByTestId("login-error")).toHaveText("Wrong email or password.");
  await admin.context().close();
  await ben.context().close();
});

test("a view-as started on one server holds on the other (the claim is signed with the shared secret), and ends there", async ({ browser }) => {
  const admin = await signIn(browser, "admin@acme.test");
  await admin.goto(`${A}/settings/members`);
  await admin.getByRole("button", { name: "View as Ana Souza" }).click();
  await admin.waitForURL("**/catalog");
  await admin.goto(`${B}/catalog`);
  await expect(admin.getByTestId("view-as-banner")).toContainText("Viewing as Ana Souza");
  const main = await admin.locator("main").innerText();
  for (const word of ["Warehouse", "Globex", "finance"]) expect(main, word).not.toContain(word);
  expect((await admin.goto(`${B}/settings/members`))!.status()).toBe(404);
  await admin.goto(`${B}/catalog`);
  await admin.getByTestId("view-as-banner").getByRole("button", { name: "Exit" }).click();
  await admin.waitForURL("**/settings/members");
  await admin.goto(`${A}/catalog`);
  await expect(admin.getByTestId("view-as-banner")).toHaveCount(0);
  // The admin's own catalog again: the Warehouse integration heads its data sources tree.
  await expect(admin.getByRole("tree", { name: "Data sources" }).getByRole("treeitem", { name: "Warehouse", exact: true })).toBeVisible();
  await admin.context().close();
});

test("a sync started on one server is followed to its end on the other", async ({ browser }) => {
  test.setTimeout(120_000);
  const admin = await signIn(browser, "admin@acme.test");
  await admin.goto(`${A}/settings/integrations`);
  await admin.getByRole("link", { name: /Warehouse/ }).first().click();
  await expect(admin).toHaveURL(/\/settings\/integrations\/[0-9a-f-]{36}$/);
  const integrationPath = new URL(admin.url()).pathname;
  await admin.getByRole("button", { name: "Sync now" }).click();

  const other = await (await browser.newContext({ storageState: await admin.context().storageState() })).newPage();
  // Unchanged since the seed: the run ends with nothing to apply (the seed's own run says thousands added), and B,
  // which did not start it, shows it running and then finished.
  await expect(async () => {
    await other.goto(`${B}${integrationPath}`);
    await expect(other.getByTestId("sync-status")).toContainText("0 added, 0 updated, 0 removed", { timeout: 3_000 });
  }).toPass({ timeout: 90_000 });
  await admin.context().close();
  await other.context().close();
});

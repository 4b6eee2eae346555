// Ana creates a token under Your account, sees it once, uses it with fetch, and revokes it; the admin sees it in
// Settings → API tokens with its last use.
import { test, expect, type Page } from "@playwright/test";
import { STATES } from "./users";

test.describe.configure({ mode: "serial" });

async function callMe(page: Page, token: string) {
  return page.evaluate(async (t) => {
    const res = await fetch("/api/v1/me", { headers: { authorization: `Bearer ${t}` } });
    return { status: res.status, body: await res.json() };
  }, token);
}

test("Ana creates a token, sees it once, uses it, revokes it; the admin sees its last use", async ({ browser }) => {
  const name = `Laptop ${Date.now()}`;
  const ana = await (await browser.newContext({ storageState: STATES.ana.file })).newPage();
  await ana.goto("/account");
  await expect(ana.getByRole("heading", { name: "API tokens" })).toBeVisible();
  const form = ana.getByRole("form", { name: "Create a token" });
  await form.getByLabel("Name").fill(name);
  await form.getByLabel("Expires in").selectOption("30");
  await form.getByLabel("Scope").selectOption("read");
  await form.getByRole("button", { name: "Create token" }).click();
  const secret = ana.getByTestId("new-token");
  await expect(secret).toBeVisible();
  const token = (await secret.textContent())!.trim();
  expect(token).toMatch(/^enc_[A-Za-z0-9_-]{43}$/);
  await expect(ana.getByText("it is shown only this once")).toBeVisible();

  // The token works, as Ana, from a script.
  const me = await callMe(ana, token);
  expect(me.status).toBe(200);
  expect(me.body).toMatchObject({ email: "ana@northwind.test", role: "guest" });

  // Shown once: after a reload only its name and prefix remain.
  await ana.reload();
  await expect(ana.getByTestId("new-token")).toHaveCount(0);
  expect(await ana.content()).not.toContain(token);
  const row = ana.locator(`tr[data-token="${name}"]`);
  await expect(row).toContainText(token.slice(0, 10));
  await expect(row).toContainText("Active");
  await expect(row.getByTestId("last-used")).not.toHaveText("Never");

  // The admin sees it, with its owner and last use.
  const admin = await (await browser.newContext({ storageState: STATES.admin.file })).newPage();
  await admin.goto("/settings/tokens");
  await expect(admin.getByRole("heading", { name: "API tokens" })).toBeVisible();
  const adminRow = admin.locator(`tr[data-token="${name}"]`);
  await expect(adminRow).toContainText("Ana Souza");
  await expect(adminRow).toContainText("ana@northwind.test");
  await expect(adminRow.getByTestId("last-used")).toContainText("UTC");

  // Ana revokes it: the next call is a 401.
  await row.getByRole("button", { name: `Revoke ${name}` }).click();
  await ana.getByRole("alertdialog", { name: `Revoke “${name}”?` }).getByRole("button", { name: "Revoke token" }).click();
  await expect(row).toContainText("Revoked");
  const after = await callMe(ana, token);
  expect(after.status).toBe(401);
  expect(after.body).toMatchObject({ status: 401, title: "Unauthorized" });
  await admin.reload();
  await expect(adminRow).toContainText("Revoked");
});

test("the interactive reference loads the OpenAPI document from the console itself", async ({ browser }) => {
  const page = await (await browser.newContext({ storageState: STATES.ana.file })).newPage();
  const blocked: string[] = [];
  page.on("console", (m) => {
    if (m.type() === "error" && /Content Security Policy|Refused/.test(m.text())) blocked.push(m.text());
  });
  const external: string[] = [];
  page.on("request", (r) => {
    if (!r.url().startsWith(test.info().project.use.baseURL!) && !r.url().startsWith("data:")) external.push(r.url());
  });
  await page.goto("/api/docs");
  await expect(page.getByText("Enclave API").first()).toBeVisible({ timeout: 20_000 });
  await expect(page.getByText("Who the token acts as").first()).toBeVisible();
  await expect(page.getByRole("link", { name: "Catalog" }).first()).toBeVisible();
  expect(blocked).toEqual([]);
  expect(external).toEqual([]);
});

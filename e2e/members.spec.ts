// Members settings end to end: the table's URL state, an invitation from the admin to a new Globex guest who
// signs up through the link, a promotion and a deactivation that apply at the person's next navigation, and
// a guest who finds neither the page nor its export.
import { test, expect, type Page } from "@playwright/test";
import { PASSWORD, STATES, signIn } from "./users";

async function manage(admin: Page, q: string, name: string) {
  await admin.goto(`/settings/members?q=${encodeURIComponent(q)}`);
  await admin.getByRole("button", { name: `Manage ${name}` }).click();
}

test("the admin filters, sorts, invites a guest; the guest signs up through the link and sees only Globex", async ({ browser }) => {
  test.setTimeout(90_000);
  const adminCtx = await browser.newContext({ storageState: STATES.admin.file });
  const admin = await adminCtx.newPage();
  await admin.goto("/settings/members");
  await expect(admin.getByRole("heading", { name: "Members" })).toBeVisible();
  await expect(admin.getByRole("link", { name: "Members" })).toBeVisible();
  await expect(admin.locator("tbody tr")).toHaveCount(9);

  // A select changed before hydration fires no onChange: choose again until the URL follows.
  await expect(async () => {
    await admin.getByLabel("Role", { exact: true }).selectOption("GUEST");
    await expect(admin).toHaveURL(/role=GUEST/, { timeout: 1_000 });
  }).toPass({ timeout: 15_000 });
  await expect(admin.locator("tbody tr")).toHaveCount(6);
  for (const text of await admin.locator("tbody tr td:nth-child(4)").allInnerTexts()) expect(text.trim()).toBe("Guest");

  await admin.getByRole("button", { name: "Email" }).click();
  await expect(admin).toHaveURL(/sort=email/);
  await expect(admin.locator("tbody tr").first()).toContainText("ana@northwind.test");
  await admin.getByRole("button", { name: "Email" }).click();
  await expect(admin).toHaveURL(/dir=desc/);
  await expect(admin.locator("tbody tr").first()).toContainText("finn@initech.test");

  await admin.getByRole("button", { name: "Invite people" }).click();
  await admin.getByLabel("Email addresses").fill("gina@globex.test");
  await admin.getByRole("dialog").getByLabel("Role").selectOption("GUEST");
  await admin.getByRole("dialog").getByText("Globex", { exact: true }).click();
  await admin.getByRole("button", { name: "Send invitations" }).click();
  const linkInput = admin.getByTestId("invite-link");
  await expect(linkInput).toBeVisible();
  await admin.getByRole("button", { name: "Copy link" }).click();
  const link = await linkInput.inputValue();
  expect(link).toMatch(/\/invite\/[A-Za-z0-9_-]{43}$/);
  await admin.getByRole("button", { name: "Done" }).click();
  await expect(admin.locator("tbody")).toContainText("gina@globex.test");
  await expect(admin.locator("tbody tr", { hasText: "gina@globex.test" })).toContainText("Invited");

  // The invitee: a fresh browser, no session.
  const ginaCtx = await browser.newContext();
  const gina = await ginaCtx.newPage();
  await gina.goto(new URL(link).pathname);
  await expect(gina.getByRole("heading", { name: "Join Acme Data" })).toBeVisible();
  await gina.getByLabel("Your name").fill("Gina Russo");
  await gina.getByLabel("Password", { exact: true }).fill("short");
  await gina.getByLabel("Repeat the password").fill("short");
  await gina.getByRole("button", { name: "Join the workspace" }).click();
  // The server's word for the field, under the field it is about.
  await expect(gina.getByTestId("field-error")).toHaveText("Choose a password of at least 10 characters.");
  await expect(gina.getByLabel("Password", { exact: true })).toHaveAttribute("aria-invalid", "true");
  await gina.getByLabel("Password", { exact: true }).fill("gina-password-1");
  await gina.getByLabel("Repeat the password").fill("gina-password-1");
  await gina.getByRole("button", { name: "Join the workspace" }).click();
  await gina.waitForURL("**/catalog");
  await expect(gina.getByRole("heading", { name: "Catalog" })).toBeVisible();
  const body = await gina.locator("body").innerText();
  expect(body).toContain("Globex");
  for (const foreign of ["Northwind", "Initech", "northwind", "initech", "General"]) expect(body).not.toContain(foreign);
  await gina.goto("/my-team");
  const team = await gina.locator("main").innerText();
  expect(team).toContain("Cara Mendes");
  expect(team).not.toContain("Ana Souza");
  // The link works once.
  await gina.goto(new URL(link).pathname);
  await expect(gina.getByTestId("invite-problem")).toContainText("already been used");
  await ginaCtx.close();
  await adminCtx.close();
});

test("a promotion applies at the guest's next navigation", async ({ browser }) => {
  const eve = await signIn(browser, "eve@initech.test");
  await expect(eve.getByRole("navigation", { name: "Main" })).not.toContainText("General");
  const adminCtx = await browser.newContext({ storageState: STATES.admin.file });
  const admin = await adminCtx.newPage();
  await manage(admin, "eve@", "Eve Larsen");
  await admin.getByLabel("New role").selectOption("VIEWER");
  await admin.getByRole("button", { name: "Review change…" }).click();
  await expect(admin.getByTestId("role-preview")).toContainText(/Joins General and sees its \d+ resources/);
  await admin.getByRole("button", { name: "Change role" }).click();
  await expect(admin.getByTestId("role-preview")).toBeHidden();
  await expect(admin.locator("tbody tr", { hasText: "eve@initech.test" })).toContainText("Viewer");

  await eve.goto("/catalog");
  await expect(eve.getByRole("navigation", { name: "Main" })).toContainText("General");
  await expect(eve.locator("aside")).toContainText("Viewer · eve@initech.test");

  // Back to the demo's shape.
  await manage(admin, "eve@", "Eve Larsen");
  await admin.getByLabel("New role").selectOption("GUEST");
  await admin.getByRole("button", { name: "Review change…" }).click();
  await expect(admin.getByTestId("role-preview")).toContainText("Leaves General");
  await admin.getByRole("button", { name: "Change role" }).click();
  await expect(admin.locator("tbody tr", { hasText: "eve@initech.test" })).toContainText("Guest");
  await adminCtx.close();
  await eve.context().close();
});

test("deactivating Ben ends his open session at his next navigation, and he cannot sign in again", async ({ browser }) => {
  const ben = await signIn(browser, "ben@northwind.test");
  const adminCtx = await browser.newContext({ storageState: STATES.admin.file });
  const admin = await adminCtx.newPage();
  await admin.goto("/settings/members?q=ben%40");
  await admin.getByRole("checkbox", { name: "Select row" }).check();
  await expect(admin.getByTestId("bulk-actions")).toContainText("1 selected");
  await admin.getByTestId("bulk-actions").getByRole("button", { name: "Deactivate" }).click();
  await admin.getByRole("alertdialog").getByRole("button", { name: "Deactivate" }).click();
  await expect(admin.locator("tbody tr", { hasText: "ben@northwind.test" })).toContainText("Deactivated");

  await ben.goto("/catalog");
  await expect(ben).toHaveURL(/\/login/);
  await ben.fill('input[name="email"]', "ben@northwind.test");
  await ben.fill('input[name="password"]', PASSWORD);
  await ben.click('button[type="submit"]');
  await expect(ben.getByTestId("login-error")).toHaveText("Wrong email or password.");

  // Reactivated for the other specs.
  await manage(admin, "ben@", "Ben Carter");
  await admin.getByRole("button", { name: "Reactivate" }).click();
  await expect(admin.locator("tbody tr", { hasText: "ben@northwind.test" })).toContainText("Active");
  await adminCtx.close();
  await ben.context().close();
});

test("Ana gets a plain 404 for the members page and its export", async ({ browser }) => {
  const ctx = await browser.newContext({ storageState: STATES.ana.file });
  const page = await ctx.newPage();
  const res = await page.goto("/settings/members?role=GUEST");
  expect(res?.status()).toBe(404);
  await expect(page.getByRole("heading", { name: "Page not found" })).toBeVisible();
  expect(await page.content()).not.toContain("Cara");
  const csv = await page.request.get("/api/members/export");
  expect(csv.status()).toBe(404);
  expect(await csv.text()).not.toContain("@");
  await page.goto("/catalog");
  await expect(page.getByRole("navigation", { name: "Main" })).toContainText("My team");
  await expect(page.getByRole("navigation", { name: "Main" })).not.toContainText("Members");
  await ctx.close();
});

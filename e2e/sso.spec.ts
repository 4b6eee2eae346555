// Single sign-on against a real OpenID provider started here (oidc-provider), through Settings → Authentication:
// a client connection bound to Northwind makes kim@northwind.example a Guest of Northwind alone, who sees exactly
// what Ana sees; a company connection maps a groups claim onto an Enclave group; a provider whose discovery names
// another issuer and a provider whose ID token was tampered with are refused; "Enforce SSO" refuses the password.
import { test, expect, type Browser, type Page } from "@playwright/test";
import { baseURL } from "../playwright.config";
import { crawlResources } from "./crawl";
import { PASSWORD, STATES, FOREIGN_TO_NORTHWIND, submitSignIn } from "./users";
import { startIdps, type TestIdps } from "./support/idp";

const port = Number(new URL(baseURL).port);
const CLIENTS = [
  { clientId: "enclave-northwind", clientSecret: "northwind-secret-1" },
  { clientId: "enclave-acme", clientSecret: "acme-secret-1" },
];
let idps: TestIdps;

test.describe.configure({ mode: "serial" });
test.beforeAll(async () => {
  idps = await startIdps(port, baseURL, CLIENTS);
});
test.afterAll(async () => {
  await idps?.close();
});

type NewConnection = {
  name: string;
  kind: "client" | "company";
  issuer: string;
  client: { clientId: string; clientSecret: string };
  domains: string;
  team?: string;
  enforce?: string[];
  groupMap?: { claim: string; group: string }[];
};

async function addConnection(admin: Page, c: NewConnection) {
  await admin.goto("/settings/authentication");
  const form = admin.getByRole("form", { name: "Add connection" });
  await form.locator(`input[name="kind"][value="${c.kind}"]`).check();
  await form.locator('input[name="name"]').fill(c.name);
  if (c.team) await form.locator('select[name="teamId"]').selectOption({ label: c.team });
  await form.locator('input[name="issuer"]').fill(c.issuer);
  await form.locator('input[name="clientId"]').fill(c.client.clientId);
  await form.locator('input[name="clientSecret"]').fill(c.client.clientSecret);
  await form.locator('input[name="domains"]').fill(c.domains);
  for (const d of c.enforce ?? []) await form.getByLabel(d, { exact: true }).check();
  for (const [i, g] of (c.groupMap ?? []).entries()) {
    await form.getByRole("button", { name: "Add mapping" }).click();
    await form.getByLabel("Claim value").nth(i).fill(g.claim);
    await form.getByLabel("Enclave group").nth(i).selectOption({ label: g.group });
  }
  await form.getByRole("button", { name: "Add connection" }).click();
  await expect(form.getByRole("status")).toHaveText("Connection added.");
  await expect(admin.getByTestId(`connection-${c.name}`)).toBeVisible();
}

/** Signs in through the sign-in page: e-mail first, then the provider's own login and consent pages. */
async function ssoSignIn(browser: Browser, email: string): Promise<Page> {
  const page = await (await browser.newContext({ storageState: { cookies: [], origins: [] } })).newPage();
  await page.goto("/login");
  await page.fill('input[name="email"]', email);
  await page.locator('input[name="email"]').blur();
  await expect(page.getByRole("button", { name: "Continue with single sign-on" })).toBeVisible();
  await page.getByRole("button", { name: "Continue with single sign-on" }).click();
  await page.waitForURL((u) => u.port !== String(port) || u.pathname.startsWith("/login"));
  if (new URL(page.url()).port !== String(port)) {
    // The provider's development login page (any login and password), then its consent page.
    await page.fill('input[name="password"]', "anything");
    await page.getByRole("button", { name: "Sign-in" }).click();
    await page.getByRole("button", { name: "Continue" }).click();
    await page.waitForURL((u) => u.port === String(port));
  }
  return page;
}

test("a client connection bound to Northwind: Kim signs in as a Guest of Northwind alone and sees exactly what Ana sees", async ({ browser }) => {
  test.setTimeout(180_000);
  const admin = await (await browser.newContext({ storageState: STATES.admin.file })).newPage();
  await addConnection(admin, { name: "Northwind IdP", kind: "client", team: "Northwind", issuer: idps.issuer, client: CLIENTS[0], domains: "northwind.example" });

  const kim = await ssoSignIn(browser, "kim@northwind.example");
  await kim.waitForURL("**/catalog");
  await expect(kim.getByRole("heading", { name: "Catalog" })).toBeVisible();
  // The provider said she is in acme-admins and globex-people: the client connection ignores it.
  await kim.goto("/my-team");
  await expect(kim.locator("main")).toContainText("Northwind");
  for (const word of FOREIGN_TO_NORTHWIND) await expect(kim.locator("body")).not.toContainText(word);
  await expect(kim.getByRole("link", { name: "Members" })).toHaveCount(0);

  const ana = await (await browser.newContext({ storageState: STATES.ana.file })).newPage();
  const hers = await crawlResources(ana);
  const kims = await crawlResources(kim);
  expect(hers.size).toBeGreaterThan(10);
  expect([...kims.keys()].sort()).toEqual([...hers.keys()].sort());

  // The admin sees her as a Guest, and cannot promote her while she is bound.
  await admin.goto("/settings/members?q=kim");
  await expect(admin.locator("main")).toContainText("Kim Tanaka");
  await expect(admin.locator("main")).toContainText("Guest");
  await admin.goto("/settings/audit");
  await expect(admin.locator("main")).toContainText("sso.authenticated");
  await kim.context().close();
  await ana.context().close();
  await admin.context().close();
});

test("a company connection maps the groups claim onto an Enclave group", async ({ browser }) => {
  const admin = await (await browser.newContext({ storageState: STATES.admin.file })).newPage();
  await admin.goto("/settings/groups");
  await admin.getByRole("button", { name: "New group" }).click();
  await admin.getByLabel("Name").fill("Data engineers");
  await admin.getByRole("button", { name: "Create group" }).click();
  await admin.waitForURL(/\/settings\/groups\/[0-9a-f-]{36}$/);
  const groupUrl = admin.url();
  await addConnection(admin, {
    name: "Acme IdP", kind: "company", issuer: idps.issuer, client: CLIENTS[1], domains: "acme.example",
    groupMap: [{ claim: "data-engineers", group: "Data engineers" }, { claim: "nobody-has-this", group: "Globex people" }],
  });
  const lea = await ssoSignIn(browser, "lea@acme.example");
  await lea.waitForURL("**/catalog");
  await admin.goto(groupUrl);
  await expect(admin.locator("main")).toContainText("Lea Fischer");
  await admin.goto("/settings/members?q=lea");
  await expect(admin.locator("main")).toContainText("Viewer");
  await lea.context().close();
  await admin.context().close();
});

test("a provider whose discovery names another issuer, and an ID token tampered with, are refused", async ({ browser }) => {
  const admin = await (await browser.newContext({ storageState: STATES.admin.file })).newPage();
  await addConnection(admin, { name: "Impostor IdP", kind: "client", team: "Northwind", issuer: idps.impostor, client: CLIENTS[0], domains: "impostor.example" });
  await addConnection(admin, { name: "Tampering IdP", kind: "client", team: "Northwind", issuer: idps.tampering, client: CLIENTS[0], domains: "tampered.example" });
  for (const email of ["kim@impostor.example", "kim@tampered.example"]) {
    const page = await ssoSignIn(browser, email);
    await page.waitForURL("**/login?error=sso");
    await expect(page.getByTestId("login-error")).toHaveText("Single sign-on did not sign you in. Try again, or ask your administrator.");
    await page.goto("/catalog");
    await expect(page).toHaveURL(/\/login/);
    await page.context().close();
  }
  // Nobody was created: neither the address the provider was asked for nor the one a tampered token claimed.
  await admin.goto("/settings/members?q=tampered.example");
  await expect(admin.locator("main")).not.toContainText("tampered.example");
  await admin.goto("/settings/audit");
  await expect(admin.locator("main")).toContainText("sso.sign_in_refused");
  await admin.context().close();
});

test("Enforce SSO refuses the password for its domain, and only for it", async ({ browser }) => {
  const admin = await (await browser.newContext({ storageState: STATES.admin.file })).newPage();
  // Before: Eve signs in with her password.
  const before = await submitSignIn(browser, "eve@initech.test");
  await before.waitForURL("**/catalog");
  await before.context().close();
  await addConnection(admin, { name: "Initech IdP", kind: "client", team: "Initech", issuer: idps.issuer, client: CLIENTS[0], domains: "initech.test", enforce: ["initech.test"] });
  try {
    // The page offers single sign-on only…
    const page = await (await browser.newContext({ storageState: { cookies: [], origins: [] } })).newPage();
    await page.goto("/login");
    await page.fill('input[name="email"]', "eve@initech.test");
    await page.locator('input[name="email"]').blur();
    await expect(page.getByTestId("sso-note")).toBeVisible();
    await expect(page.locator('input[name="password"]')).toHaveCount(0);
    // …and the password endpoint itself refuses the right password.
    const csrf = await (await page.request.get("/api/auth/csrf")).json();
    const res = await page.request.post("/api/auth/callback/credentials", { form: { email: "eve@initech.test", password: PASSWORD, csrfToken: csrf.csrfToken, json: "true" } });
    expect(await res.text()).toContain("error=CredentialsSignin");
    await page.goto("/catalog");
    await expect(page).toHaveURL(/\/login/);
    await page.context().close();
    // Another domain still signs in with its password.
    const finn = await submitSignIn(browser, "ana@northwind.test");
    await finn.waitForURL("**/catalog");
    await finn.context().close();
  } finally {
    // The demo workspace is a contract: Initech signs in with passwords again.
    await admin.goto("/settings/authentication");
    await admin.getByRole("button", { name: "Delete Initech IdP" }).click();
    await admin.getByRole("button", { name: "Delete connection" }).click();
    await expect(admin.getByTestId("connection-Initech IdP")).toHaveCount(0);
    await admin.context().close();
  }
});

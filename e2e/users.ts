import type { Browser, Page } from "@playwright/test";

export const PASSWORD = "enclave-demo";

/** One signed-in state per role, saved by auth.setup.ts. */
export const STATES = {
  admin: { email: "admin@acme.test", file: "e2e/.auth/admin.json" },
  editor: { email: "editor@acme.test", file: "e2e/.auth/editor.json" },
  viewer: { email: "viewer@acme.test", file: "e2e/.auth/viewer.json" },
  ana: { email: "ana@northwind.test", file: "e2e/.auth/ana.json" },
  cara: { email: "cara@globex.test", file: "e2e/.auth/cara.json" },
} as const;

export const FOREIGN_TO_NORTHWIND = ["Globex", "Initech", "Cara", "Dan Okafor", "Eve Larsen", "Finn Walsh", "globex.test", "initech.test", "finance", "Finance"];

/**
 * A fresh, signed-out browser context that submits the sign-in form; the caller checks where it lands. (A spec's
 * `test.use({ storageState })` would otherwise reach this context too.)
 */
export async function submitSignIn(browser: Browser, email: string, password = PASSWORD): Promise<Page> {
  const page = await (await browser.newContext({ storageState: { cookies: [], origins: [] } })).newPage();
  await page.goto("/login");
  await page.fill('input[name="email"]', email);
  await page.fill('input[name="password"]', password);
  await page.click('button[type="submit"]');
  return page;
}

/** A fresh browser context signed in through the form, on the catalog. */
export async function signIn(browser: Browser, email: string, password = PASSWORD): Promise<Page> {
  const page = await submitSignIn(browser, email, password);
  await page.waitForURL("**/catalog");
  return page;
}

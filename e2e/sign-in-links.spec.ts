// E-mail sign-in links for Guests, with a real SMTP server started here (smtp-server): a Guest asks for a link,
// it arrives, it signs her in once and only in the browser that asked; a second use is refused; an unknown
// address and a non-Guest get the same answer and no mail.
import { test, expect, type Browser, type Page } from "@playwright/test";
import { smtpPort } from "../playwright.config";
import { startSmtp, type Mail } from "./support/idp";

let smtp: Awaited<ReturnType<typeof startSmtp>>;

test.describe.configure({ mode: "serial" });
// Runs against the second console of playwright.config.ts (the "links" project), the one with SMTP_URL set.
test.beforeAll(async () => {
  smtp = await startSmtp(smtpPort);
});
test.afterAll(async () => {
  await smtp?.close();
});

const SENT = "If this address can sign in with a link, one is on its way. It works once, for 15 minutes, in this browser.";

async function fresh(browser: Browser): Promise<Page> {
  return (await browser.newContext({ storageState: { cookies: [], origins: [] } })).newPage();
}

async function askForLink(page: Page, email: string) {
  await page.goto("/login");
  await page.fill('input[name="email"]', email);
  await page.getByRole("button", { name: "Email me a sign-in link" }).click();
  await expect(page.getByTestId("login-notice")).toHaveText(SENT);
}

/** The link in a message, quoted-printable decoded. */
function linkIn(mail: Mail): string {
  const body = mail.raw.replace(/=\r?\n/g, "").replace(/=([0-9A-F]{2})/g, (_, h) => String.fromCharCode(parseInt(h, 16)));
  const m = body.match(/https?:\/\/\S+\/api\/auth\/link\?token=[A-Za-z0-9_-]+/);
  if (!m) throw new Error(`no link in: ${body}`);
  return m[0];
}

async function mailTo(email: string, since: number): Promise<Mail> {
  await expect.poll(() => smtp.mails.slice(since).some((m) => m.to.includes(email)), { timeout: 15_000 }).toBe(true);
  return smtp.mails.slice(since).find((m) => m.to.includes(email))!;
}

test("a Guest asks for a link; it arrives, signs her in once, in the browser that asked; a second use is refused", async ({ browser }) => {
  const since = smtp.mails.length;
  const page = await fresh(browser);
  await askForLink(page, "ben@northwind.test");
  const link = linkIn(await mailTo("ben@northwind.test", since));

  // Another browser (or a mail scanner) is refused and consumes nothing.
  const other = await fresh(browser);
  await other.goto(link);
  await expect(other).toHaveURL(/\/login\?error=link/);
  await expect(other.getByTestId("login-error")).toContainText("That sign-in link cannot be used");
  await other.context().close();

  await page.goto(link);
  await page.waitForURL("**/catalog");
  await expect(page.getByRole("heading", { name: "Catalog" })).toBeVisible();
  await expect(page.locator("body")).toContainText("Ben");

  const again = await page.request.get(link, { maxRedirects: 0 });
  expect(again.status()).toBe(303);
  expect(again.headers().location).toMatch(/\/login\?error=link$/);
  await page.context().close();
});

test("an unknown address and a non-Guest get the same answer, and no mail", async ({ browser }) => {
  const since = smtp.mails.length;
  const page = await fresh(browser);
  for (const email of ["nobody@northwind.test", "viewer@acme.test"]) await askForLink(page, email);
  // A Guest's request afterwards arrives: anything sent for the two above would have arrived before it.
  await askForLink(page, "cara@globex.test");
  await mailTo("cara@globex.test", since);
  expect(smtp.mails.slice(since).flatMap((m) => m.to)).toEqual(["cara@globex.test"]);
  await page.context().close();
});

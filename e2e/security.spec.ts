// The outside probe's findings (#15), replayed against the running console: redirects after sign-in, words from the
// URL on the sign-in page, a view-as that outlived a sign-out, NUL bytes and LIKE wildcards in the URL.
import { test, expect } from "@playwright/test";
import { PASSWORD, STATES, signIn } from "./users";
import { loadIds } from "./ids";

test.describe("sign-in page", () => {
  test.use({ storageState: STATES.viewer.file });

  test("a callback URL never leaves the site, whatever browsers strip from it (item 1)", async ({ request }) => {
    for (const cb of ["%2F%09%2Fevil.example", "%2F%0A%2Fevil.example", "%2F%0D%2Fevil.example", "%2F%5Cevil.example", "%2F%09%5Cevil.example", "%2F%00"]) {
      const res = await request.get(`/login?callbackUrl=${cb}`, { maxRedirects: 0 });
      expect(res.status(), cb).toBeLessThan(500);
      expect(res.status(), cb).toBe(307);
      const location = res.headers()["location"] ?? "";
      expect(location, cb).not.toContain("evil");
      expect(new URL(location, "http://x.invalid").pathname, cb).toBe("/catalog");
    }
    // A genuine path still comes back.
    const ok = await request.get(`/login?callbackUrl=${encodeURIComponent("/teams/northwind?x=1")}`, { maxRedirects: 0 });
    expect(ok.headers()["location"]).toMatch(/\/teams\/northwind\?x=1$/);
  });
});

test.describe("signed out", () => {
  test.use({ storageState: { cookies: [], origins: [] } });

  test("the sign-in page shows only messages of its own, never text from the URL (item 3)", async ({ page }) => {
    const crafted = "Too many sign-in attempts. Your account is locked: reset it at https://evil.example/reset";
    await page.goto(`/login?error=${encodeURIComponent(crafted)}`);
    await expect(page.getByTestId("login-error")).toBeVisible();
    await expect(page.locator("body")).not.toContainText("evil.example");
    await expect(page.getByTestId("login-error")).toHaveText("Wrong email or password.");
  });

  test("after signing in, the form goes only to a path of the site (item 1)", async ({ page }) => {
    await page.goto("/login?callbackUrl=%2F%09%2Fevil.example");
    await page.fill('input[name="email"]', "viewer@acme.test");
    await page.fill('input[name="password"]', PASSWORD);
    await page.click('button[type="submit"]');
    await page.waitForURL("**/catalog");
    expect(new URL(page.url()).host).toBe(new URL(test.info().project.use.baseURL!).host);
  });
});

test("a view-as ends with a sign-out through POST /api/auth/signout, and does not come back (item 4)", async ({ browser }) => {
  const page = await signIn(browser, "admin@acme.test");
  await page.goto("/settings/members");
  await page.getByRole("button", { name: "View as Ana Souza" }).click();
  await page.waitForURL("**/catalog");
  await expect(page.getByTestId("view-as-banner")).toBeVisible();
  // The sign-out next-auth offers at its own endpoint, not the sidebar button.
  const { csrfToken } = await (await page.request.get("/api/auth/csrf")).json();
  const out = await page.request.post("/api/auth/signout", { form: { csrfToken, callbackUrl: "/login" }, maxRedirects: 0 });
  expect(out.status()).toBeLessThan(400);
  expect((await page.context().cookies()).some((c) => c.name.endsWith("enclave-view-as"))).toBe(false);
  await page.goto("/login");
  await page.fill('input[name="email"]', "admin@acme.test");
  await page.fill('input[name="password"]', PASSWORD);
  await page.click('button[type="submit"]');
  await page.waitForURL("**/catalog");
  await expect(page.getByRole("link", { name: "Members" })).toBeVisible();
  await expect(page.getByTestId("view-as-banner")).toHaveCount(0);
  await page.context().close();
});

test.describe("text in the URL", () => {
  test.use({ storageState: STATES.ana.file });

  test("a NUL byte anywhere is never a 500 (item 5)", async ({ request }) => {
    const ids = loadIds();
    const orders = ids.resources.find((r) => r.name === "northwind" && r.type === "SCHEMA")!;
    for (const url of ["/search?q=%00", "/api/search?q=x%00", "/teams/northwind?q=%00", "/catalog?section=data&q=%00", `/resources/${orders.id}?q=%00`, "/my-team?q=%00"]) {
      const res = await request.get(url, { maxRedirects: 0 });
      expect(res.status(), url).toBeLessThan(500);
      expect(await res.text(), url).not.toContain("Something went wrong");
    }
  });

  test("'%' and '_' are not wildcards in the palette's search (item 6)", async ({ request }) => {
    for (const q of ["%", "_", "%25"]) {
      const res = await request.get(`/api/search?q=${encodeURIComponent(q)}`);
      expect(res.status()).toBe(200);
      const body = (await res.json()) as { hits: { kind: string }[] };
      expect(body.hits.filter((h) => h.kind !== "resource"), q).toEqual([]);
    }
  });
});

test("no demo client, person or workspace name is in a static chunk (item 13)", async () => {
  const fs = await import("node:fs");
  const path = await import("node:path");
  // Read from the seed itself, so a new demo person is covered without touching this test.
  const seed = fs.readFileSync(path.resolve("prisma/seed/demo.ts"), "utf8");
  const people = [...seed.matchAll(/\{ email: "([^"]+)", name: "([^"]+)"/g)].flatMap((m) => [m[1], m[2], ...m[2].split(" ")]);
  const clients = [...seed.matchAll(/\{ team: "([^"]+)", domain: "([^"]+)"/g)].flatMap((m) => [m[1], m[2]]);
  const needles = [...new Set([...people, ...clients, "Acme Data", "acme.test"])].filter((n) => n.length >= 3);
  expect(needles).toEqual(expect.arrayContaining(["Globex", "globex.test", "Ana Souza", "Initech", "Northwind"]));
  const files: string[] = [];
  const walk = (d: string) => {
    for (const e of fs.readdirSync(d, { withFileTypes: true })) {
      const p = path.join(d, e.name);
      if (e.isDirectory()) walk(p);
      else if (/\.(js|css|json|txt|html)$/.test(e.name)) files.push(p);
    }
  };
  walk(path.resolve(".next/static"));
  expect(files.length).toBeGreaterThan(5);
  const found: string[] = [];
  for (const f of files) {
    const text = fs.readFileSync(f, "utf8").toLowerCase();
    for (const n of needles) if (new RegExp(`\\b${n.toLowerCase().replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}\\b`).test(text)) found.push(`${n} in ${path.relative(process.cwd(), f)}`);
  }
  expect(found).toEqual([]);
});

test.describe("scripts and the content security policy (item 12)", () => {
  test.use({ storageState: STATES.ana.file });

  test("scripts need a per-request nonce: no 'unsafe-inline', framing still refused", async ({ request }) => {
    const nonces = new Set<string>();
    for (const url of ["/login", "/catalog", "/search?q=orders"]) {
      const res = await request.get(url, { maxRedirects: 0 });
      const csp = res.headers()["content-security-policy"] ?? "";
      const script = csp.split(";").map((d) => d.trim()).find((d) => d.startsWith("script-src")) ?? "";
      expect(script, url).not.toContain("'unsafe-inline'");
      expect(script, url).not.toContain("'unsafe-eval'");
      const nonce = /'nonce-([A-Za-z0-9+/=_-]+)'/.exec(script)?.[1];
      expect(nonce, url).toBeTruthy();
      nonces.add(nonce!);
      expect(csp).toContain("frame-ancestors 'none'");
      // Every inline script of the page carries this response's nonce.
      const html = await res.text();
      for (const tag of html.match(/<script\b[^>]*>/g) ?? []) expect(tag, url).toContain(`nonce="${nonce}"`);
    }
    expect(nonces.size).toBe(3);
  });

  test("pages still hydrate under it: the ⌘K palette opens and searches, with no CSP violation", async ({ page }) => {
    const violations: string[] = [];
    page.on("console", (m) => {
      if (/Content Security Policy|Refused to (execute|load)/i.test(m.text())) violations.push(m.text());
    });
    await page.goto("/catalog");
    const dialog = page.getByTestId("command-palette");
    await expect(async () => {
      if (!(await dialog.isVisible())) await page.keyboard.press("Control+k");
      await expect(dialog).toBeVisible({ timeout: 1000 });
    }).toPass({ timeout: 15_000 });
    await dialog.getByRole("combobox").fill("orders");
    await expect(dialog.getByRole("option").first()).toBeVisible();
    expect(violations).toEqual([]);
  });
});

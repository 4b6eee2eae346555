// Headers, cookies and the client bundle: what a browser is told, and what it is never given.
import fs from "node:fs";
import path from "node:path";
import { test, expect } from "@playwright/test";
import { PASSWORD } from "./users";

test("every response carries the security headers, with no unsafe-eval in production", async ({ request }) => {
  for (const url of ["/login", "/catalog"]) {
    const res = await request.get(url, { maxRedirects: 0 });
    const h = res.headers();
    expect(h["content-security-policy"]).toContain("frame-ancestors 'none'");
    expect(h["content-security-policy"]).not.toContain("unsafe-eval");
    expect(h["referrer-policy"]).toBe("strict-origin-when-cross-origin");
    expect(h["x-content-type-options"]).toBe("nosniff");
    expect(h["x-frame-options"]).toBe("DENY");
    expect(h["x-powered-by"]).toBeUndefined();
  }
});

test("the session cookie is HttpOnly and SameSite=Lax, and holds no profile", async ({ page }) => {
  await page.goto("/login");
  await page.fill('input[name="email"]', "viewer@acme.test");
  await page.fill('input[name="password"]', PASSWORD);
  await page.click('button[type="submit"]');
  await page.waitForURL("**/catalog");
  const cookie = (await page.context().cookies()).find((c) => c.name.endsWith("next-auth.session-token"));
  expect(cookie).toBeDefined();
  expect(cookie!.httpOnly).toBe(true);
  expect(cookie!.sameSite).toBe("Lax");
  // The session endpoint tells the browser nothing about the person.
  const session = await page.request.get("/api/auth/session");
  const body = await session.json();
  expect(JSON.stringify(body)).not.toContain("viewer@acme.test");
});

test("no secret reaches a client bundle", async () => {
  const dir = path.resolve(".next/static");
  const secretFile = path.resolve(process.env.E2E_DATA_DIR ?? ".data/e2e", "auth-secret");
  const secret = fs.readFileSync(secretFile, "utf8").trim();
  const needles = [secret, "passwordHash", "NEXTAUTH_SECRET", "ENCLAVE_ENCRYPTION_KEY", "$2b$10$"];
  // A connection string with real credentials (the add-integration form's placeholder is allowed).
  const connection = /postgres(?:ql)?:\/\/(?!user:password@host)[^"'`\s]+@/;
  const files: string[] = [];
  const walk = (d: string) => {
    for (const e of fs.readdirSync(d, { withFileTypes: true })) {
      const p = path.join(d, e.name);
      if (e.isDirectory()) walk(p);
      else files.push(p);
    }
  };
  walk(dir);
  expect(files.length).toBeGreaterThan(5);
  for (const f of files) {
    const text = fs.readFileSync(f, "utf8");
    for (const n of needles) expect(text.includes(n), `${n} in ${path.relative(process.cwd(), f)}`).toBe(false);
    expect(connection.test(text), `a connection string in ${path.relative(process.cwd(), f)}`).toBe(false);
  }
});

test.describe("junk in the URL", () => {
  test.use({ storageState: "e2e/.auth/admin.json" });

  // Every page and route handler without an id, as the admin (so no 404 hides a crash), with a query string of
  // wrong types, unknown sort columns, absurd page sizes and a 20 KB search: a page or a clear answer, never a 500.
  test("never yields a 500 on any page or route handler", async ({ request }) => {
    const { CONSOLE_ROUTES, API_ROUTES } = await import("./routes");
    const junk = new URLSearchParams({
      page: "-3", size: "99999999", sort: "password\"; DROP TABLE x;--", dir: "sideways", role: "ROOT", status: "42",
      team: "not-a-uuid", type: "NOPE", integration: "{}", unassigned: "maybe", q: "x".repeat(20_000), action: "%00", from: "yesterday", to: "2026-99-99",
    }).toString();
    let probes = 0;
    for (const r of [...CONSOLE_ROUTES, ...API_ROUTES].filter((r) => !r.pattern.includes("["))) {
      const res = await request.get(`${r.pattern}?${junk}`, { maxRedirects: 0 });
      probes++;
      expect(res.status(), r.pattern).toBeLessThan(500);
    }
    expect(probes).toBeGreaterThan(10);
  });
});

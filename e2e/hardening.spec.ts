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

// E-mail sign-in links: offered only when SMTP is configured; issued only for active Guests, with the same answer
// for every address; single use, 15 minutes, only with the browser's own nonce; throttled per account.
import { afterAll, describe, expect, it, vi } from "vitest";
const jar = new Map<string, string>();
// What scripts/serve.ts took from the socket, and what the client wrote itself.
const request = { socket: "198.51.100.7", forwarded: "203.0.113.9" };
vi.mock("next/headers", () => ({
  cookies: async () => ({ get: (n: string) => (jar.has(n) ? { name: n, value: jar.get(n)! } : undefined), set: (n: string, v: string) => void jar.set(n, v) }),
  headers: async () => new Headers({ "x-enclave-client-address": request.socket, "x-forwarded-for": request.forwarded }),
}));
vi.mock("@/lib/auth/viewer", () => import("../helpers/mock-viewer"));
import nodeCrypto from "node:crypto";
import { setupTestDb } from "../helpers/db";
import { requestSignInLink } from "@/lib/sign-in/actions";
import { consumeSignInLink, issueSignInLink, LINK_COOKIE, LINK_SENT } from "@/lib/sign-in/links";

const db = await setupTestDb();
const links = (email: string) => db.sql(`SELECT l.id FROM "SignInLink" l JOIN "User" u ON u.id = l."userId" WHERE u.email = $1`, [email]);
afterAll(() => void delete process.env.SMTP_URL);

/** The token of the last link issued for an address, as the e-mail would carry it (issued here directly). */
async function issue(email: string, nonce: string): Promise<string> {
  const token = nodeCrypto.randomBytes(32).toString("base64url");
  const stub = vi.spyOn(nodeCrypto, "randomBytes").mockImplementationOnce(() => Buffer.from(token, "base64url"));
  await issueSignInLink(email, nonce);
  stub.mockRestore();
  return token;
}

describe(`e-mail sign-in links, on ${db.engine}`, () => {
  it("are not offered without SMTP: refused plainly, nothing stored", async () => {
    delete process.env.SMTP_URL;
    expect(await requestSignInLink({ email: "ben@northwind.test" })).toEqual({ ok: false, error: "Sign-in links are not available here." });
    expect(await links("ben@northwind.test")).toEqual([]);
  });

  it("give every address the same answer, and a link only to an active Guest", async () => {
    process.env.SMTP_URL = "smtp://127.0.0.1:9"; // nothing listens: the mail fails in the background, the answer does not change
    for (const email of ["ben@northwind.test", "nobody@northwind.test", "admin@acme.test", "viewer@acme.test"]) {
      expect(await requestSignInLink({ email })).toEqual({ ok: true, data: { message: LINK_SENT } });
    }
    expect((await links("ben@northwind.test")).length).toBe(1);
    expect(await links("admin@acme.test")).toEqual([]);
    expect(await links("viewer@acme.test")).toEqual([]);
    expect(jar.get(LINK_COOKIE)).toMatch(/^[A-Za-z0-9_-]{43}$/);
  });

  it("sign in once, only with the browser's nonce, within 15 minutes, while the person is still an active Guest", async () => {
    const nonce = "n".repeat(43);
    const token = await issue("ana@northwind.test", nonce);
    expect(await consumeSignInLink(token, "m".repeat(43))).toBeNull(); // another browser: refused, not consumed
    expect(await consumeSignInLink(token, undefined)).toBeNull();
    const user = await consumeSignInLink(token, nonce);
    expect(user?.id).toBe((await db.viewer("ana@northwind.test")).userId);
    expect(await consumeSignInLink(token, nonce)).toBeNull(); // second use
    const audit = await db.sql(`SELECT 1 FROM "AuditEvent" WHERE action = 'link.used' AND "actorEmail" = 'ana@northwind.test'`);
    expect(audit.length).toBe(1);

    const late = await issue("ana@northwind.test", nonce);
    await db.sql(`UPDATE "SignInLink" SET "expiresAt" = now() - interval '1 second' WHERE "usedAt" IS NULL`);
    expect(await consumeSignInLink(late, nonce)).toBeNull();

    const gone = await issue("cara@globex.test", nonce);
    await db.sql(`UPDATE "User" SET status = 'DEACTIVATED' WHERE email = 'cara@globex.test'`);
    expect(await consumeSignInLink(gone, nonce)).toBeNull();
    await db.sql(`UPDATE "User" SET status = 'ACTIVE' WHERE email = 'cara@globex.test'`);
  });

  it("are throttled like sign-in: the sixth request for an account within 15 minutes is refused", async () => {
    await db.sql(`DELETE FROM "SignInThrottle"`).catch(() => undefined);
    for (let i = 0; i < 5; i++) expect((await requestSignInLink({ email: "dan@globex.test" })).ok).toBe(true);
    const sixth = await requestSignInLink({ email: "dan@globex.test" });
    expect(sixth.ok).toBe(false);
    expect(sixth.ok || sixth.error).toMatch(/^Too many sign-in attempts/);
    await db.sql(`DELETE FROM "SignInThrottle"`).catch(() => undefined);
  });

  it("count per address by the socket's address: a new X-Forwarded-For each time earns no fresh count", async () => {
    await db.sql(`DELETE FROM "SignInThrottle"`).catch(() => undefined);
    const answers: boolean[] = [];
    for (let i = 0; i < 22; i++) {
      request.forwarded = `203.0.113.${i + 10}`;
      answers.push((await requestSignInLink({ email: `nobody${i}@northwind.test` })).ok);
    }
    // Twenty accounts from one address are free (SIGN_IN_LIMITS.address); the next ones wait.
    expect(answers.slice(0, 20).every(Boolean)).toBe(true);
    expect(answers.slice(20)).toEqual([false, false]);
    request.forwarded = "203.0.113.9";
    await db.sql(`DELETE FROM "SignInThrottle"`).catch(() => undefined);
  });
});

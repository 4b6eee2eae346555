// Sign-in limits (#15 item 2): counters in PostgreSQL, per (account, address) and per address, with growing delays;
// X-Forwarded-For counts only through a trusted proxy (scripts/serve.ts hands the app the address it decided);
// nobody can lock someone else out; the table is capped; two app servers on one database share the counters.
import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { setupTestDb } from "../helpers/db";
import { authOptions } from "@/lib/auth/options";
import { connect } from "@/lib/db/connect";
import { SIGN_IN_LIMITS, clearSignInFailures, recordSignInFailure, signInWait } from "@/lib/auth/rate-limit";
import { CLIENT_ADDRESS_HEADER } from "@/lib/net/client-address";

const db = await setupTestDb();
const PASSWORD = "enclave-demo";

type Authorize = (c: Record<string, string>, req: { headers: Record<string, string> }) => Promise<{ id: string } | null>;
const authorize = (authOptions.providers[0] as unknown as { options: { authorize: Authorize } }).options.authorize;

/** One sign-in attempt as a request reaches authorize: the client's own X-Forwarded-For, and the decided address. */
async function attempt(email: string, password: string, h: { forwardedFor?: string; address?: string }) {
  const headers: Record<string, string> = {};
  if (h.forwardedFor) headers["x-forwarded-for"] = h.forwardedFor;
  if (h.address) headers[CLIENT_ADDRESS_HEADER] = h.address;
  try {
    return (await authorize({ email, password }, { headers })) ? "ok" : "wrong";
  } catch (e) {
    return /RateLimited|Too many/.test((e as Error).message) ? "throttled" : `error: ${(e as Error).message}`;
  }
}

const rows = async () => (await db.sql<{ n: number }>(`SELECT count(*)::int AS n FROM "SignInThrottle"`))[0].n;
beforeEach(async () => {
  await db.sql(`DELETE FROM "SignInThrottle"`);
});

describe(`sign-in limits on ${db.engine}`, () => {
  it("wrong passwords from made-up forwarded addresses do not lock anyone else out", async () => {
    // The stranger, from one machine, says it is five different ones.
    for (let i = 1; i <= 5; i++) {
      expect(await attempt("admin@acme.test", `guess-${i}`, { forwardedFor: `10.77.0.${i}`, address: "203.0.113.66" })).toBe("wrong");
    }
    // The admin, from their own address, signs in at once.
    expect(await attempt("admin@acme.test", PASSWORD, { forwardedFor: "10.77.0.6", address: "198.51.100.7" })).toBe("ok");
    // The stranger's own (account, address) is the one that waits.
    expect(await attempt("admin@acme.test", PASSWORD, { forwardedFor: "10.77.0.7", address: "203.0.113.66" })).toBe("throttled");
  });

  it("a changing X-Forwarded-For does not earn a fresh per-address count", async () => {
    const { free } = SIGN_IN_LIMITS.address;
    for (let i = 0; i < free; i++) {
      expect(await attempt(`nobody${i}@acme.test`, "x", { forwardedFor: `10.77.${i}.1`, address: "203.0.113.5" })).toBe("wrong");
    }
    expect(await attempt("viewer@acme.test", PASSWORD, { forwardedFor: "10.77.0.2", address: "203.0.113.5" })).toBe("throttled");
    expect(await attempt("viewer@acme.test", PASSWORD, { address: "203.0.113.6" })).toBe("ok");
  });

  it("delays grow with each further failure, and a success clears the account's count from that address", async () => {
    const prisma = db.conn.prisma;
    const { free, baseS } = SIGN_IN_LIMITS.pair;
    for (let i = 0; i < free - 1; i++) await recordSignInFailure(prisma, "a@x.test", "192.0.2.1");
    expect(await signInWait(prisma, "a@x.test", "192.0.2.1")).toBe(0);
    const waits: number[] = [];
    for (let i = 0; i < 4; i++) {
      await recordSignInFailure(prisma, "a@x.test", "192.0.2.1");
      waits.push(await signInWait(prisma, "a@x.test", "192.0.2.1"));
      // As if the delay had passed: the next failure is allowed to happen.
      await db.sql(`UPDATE "SignInThrottle" SET "blockedUntil" = "blockedUntil" - make_interval(secs => 100000) WHERE "blockedUntil" IS NOT NULL AND failures < 1000 AND key LIKE 'pair:%'`);
    }
    expect(waits[0]).toBeGreaterThanOrEqual(baseS - 1);
    for (let i = 1; i < waits.length; i++) expect(waits[i]).toBeGreaterThan(waits[i - 1]);
    // Other accounts and other addresses are untouched.
    expect(await signInWait(prisma, "b@x.test", "192.0.2.1")).toBe(0);
    expect(await signInWait(prisma, "a@x.test", "192.0.2.2")).toBe(0);
    await recordSignInFailure(prisma, "a@x.test", "192.0.2.1");
    expect(await signInWait(prisma, "a@x.test", "192.0.2.1")).toBeGreaterThan(0);
    await clearSignInFailures(prisma, "a@x.test", "192.0.2.1");
    expect(await signInWait(prisma, "a@x.test", "192.0.2.1")).toBe(0);
  });

  it("the table stays within its cap, and holds no e-mail or address in clear", async () => {
    const cap = SIGN_IN_LIMITS.maxRows;
    SIGN_IN_LIMITS.maxRows = 10;
    try {
      for (let i = 0; i < 15; i++) await recordSignInFailure(db.conn.prisma, `spray${i}@x.test`, `198.51.100.${i}`);
      expect(await rows()).toBeLessThanOrEqual(10);
      // The most recent failure survived the pruning.
      await recordSignInFailure(db.conn.prisma, "last@x.test", "198.51.100.200");
      const keys = (await db.sql<{ key: string }>(`SELECT key FROM "SignInThrottle"`)).map((r) => r.key).join(" ");
      expect(keys).not.toMatch(/@|198\.51/);
    } finally {
      SIGN_IN_LIMITS.maxRows = cap;
    }
  });

  it("the app role cannot read or change the counters", async () => {
    await recordSignInFailure(db.conn.prisma, "c@x.test", "192.0.2.3");
    const ana = await db.viewer("ana@northwind.test");
    await expect(db.sqlAs(ana, `SELECT * FROM "SignInThrottle"`)).rejects.toMatchObject({ code: "42501" });
    await expect(db.sqlAs(ana, `DELETE FROM "SignInThrottle"`)).rejects.toMatchObject({ code: "42501" });
  });
});

describe.runIf(db.engine === "postgres")("two app servers sharing one PostgreSQL", () => {
  const url = db.conn.url!;
  const servers: Awaited<ReturnType<typeof connect>>[] = [];
  afterAll(async () => {
    for (const s of servers) await s.close();
  });

  it("failures counted on one server throttle the other, concurrently and without losing counts", async () => {
    // Two independent connection pools, as two `npm start` processes would hold.
    const [a, b] = [await connect({ url }), await connect({ url })];
    servers.push(a, b);
    const { free } = SIGN_IN_LIMITS.pair;
    // Interleaved and concurrent: half on each server.
    await Promise.all(Array.from({ length: free }, (_, i) => recordSignInFailure((i % 2 ? a : b).prisma, "shared@x.test", "192.0.2.50")));
    const [{ failures }] = await db.sql<{ failures: number }>(
      `SELECT max(failures)::int AS failures FROM "SignInThrottle" WHERE key LIKE 'pair:%'`);
    expect(failures).toBe(free);
    expect(await signInWait(a.prisma, "shared@x.test", "192.0.2.50")).toBeGreaterThan(0);
    expect(await signInWait(b.prisma, "shared@x.test", "192.0.2.50")).toBeGreaterThan(0);
    // A success on one server clears it for both.
    await clearSignInFailures(b.prisma, "shared@x.test", "192.0.2.50");
    expect(await signInWait(a.prisma, "shared@x.test", "192.0.2.50")).toBe(0);
  });
});

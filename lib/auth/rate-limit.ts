import crypto from "node:crypto";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { throttleAddress } from "@/lib/net/client-address";

// Throttling of sign-in and of password checks, with its counters in PostgreSQL ("SignInThrottle") so that every app
// server sees the same ones. Keys are hashes: of (account, address), of an address, of (user, "password change").
// A key may fail `free` times; from then on each failure shuts it for a growing delay (base, 2×base, 4×base … up to
// max), during which attempts are refused without even checking the password. A key quiet for `quietS` (counted
// from the end of its last delay) starts afresh. There is no lock on an account alone, so a stranger cannot shut
// someone else out: from their own address they only slow themselves down. The table is capped: expired rows go
// first, then the least recently failed ones.

type Limit = { free: number; baseS: number; maxS: number; quietS: number };

export const SIGN_IN_LIMITS: { pair: Limit; address: Limit; passwordChange: Limit; maxRows: number } = {
  /** One account from one address: a person mistyping, or a guesser on one machine. */
  pair: { free: 5, baseS: 2, maxS: 15 * 60, quietS: 15 * 60 },
  /** One address over every account: a guesser spraying one password at many accounts. */
  address: { free: 20, baseS: 2, maxS: 15 * 60, quietS: 15 * 60 },
  /** A signed-in session guessing its own current password (a borrowed laptop). */
  passwordChange: { free: 5, baseS: 60, maxS: 15 * 60, quietS: 15 * 60 },
  maxRows: 100_000,
};

type Db = Pick<PrismaClient, "$queryRawUnsafe" | "$executeRawUnsafe">;

const NOW = `(now() AT TIME ZONE 'UTC')`;

function key(kind: string, ...parts: string[]): string {
  return `${kind}:${crypto.createHash("sha256").update([kind, ...parts].join("\u0000")).digest("base64url")}`;
}

const pairKey = (email: string, address: string) => key("pair", email.trim().toLowerCase(), throttleAddress(address));
const addressKey = (address: string) => key("addr", throttleAddress(address));
const passwordKey = (userId: string) => key("password", userId);

/** Seconds until every one of keys may try again (0: now). */
async function waitFor(prisma: Db, keys: string[]): Promise<number> {
  const marks = keys.map((_, i) => `$${i + 1}`).join(", ");
  const rows = await prisma.$queryRawUnsafe<{ wait: number | null }[]>(
    `SELECT ceil(extract(epoch FROM max("blockedUntil") - ${NOW}))::int AS wait
       FROM "SignInThrottle" WHERE key IN (${marks}) AND "blockedUntil" > ${NOW}`,
    ...keys,
  );
  return Math.max(0, Number(rows[0]?.wait ?? 0));
}

async function fail(prisma: Db, k: string, l: Limit): Promise<void> {
  // The count after this failure: 1 again when the key has been quiet long enough, else one more.
  const next = `(CASE WHEN greatest(t."updatedAt", coalesce(t."blockedUntil", t."updatedAt")) < ${NOW} - make_interval(secs => $5::float8) THEN 1 ELSE t.failures + 1 END)`;
  const delay = (n: string) => `CASE WHEN ${n} >= $2::int THEN ${NOW} + make_interval(secs => least($4::float8, $3::float8 * power(2, least(${n} - $2::int, 30)))) END`;
  await prisma.$executeRawUnsafe(
    `INSERT INTO "SignInThrottle" AS t (key, failures, "blockedUntil", "updatedAt")
       VALUES ($1, 1, ${delay("1")}, ${NOW})
     ON CONFLICT (key) DO UPDATE SET failures = ${next}, "blockedUntil" = ${delay(next)}, "updatedAt" = ${NOW}`,
    k, l.free, l.baseS, l.maxS, l.quietS,
  );
}

/** Drops rows whose window has passed, then the least recently failed beyond the cap. */
async function prune(prisma: Db): Promise<void> {
  const quiet = Math.max(SIGN_IN_LIMITS.pair.quietS, SIGN_IN_LIMITS.address.quietS, SIGN_IN_LIMITS.passwordChange.quietS);
  await prisma.$executeRawUnsafe(
    `DELETE FROM "SignInThrottle" WHERE "updatedAt" < ${NOW} - make_interval(secs => $1::float8)
       AND ("blockedUntil" IS NULL OR "blockedUntil" < ${NOW} - make_interval(secs => $1::float8))`,
    quiet,
  );
  await prisma.$executeRawUnsafe(
    `DELETE FROM "SignInThrottle" WHERE key IN (SELECT key FROM "SignInThrottle" ORDER BY "updatedAt" DESC, key OFFSET $1::int)`,
    SIGN_IN_LIMITS.maxRows,
  );
}

/** Seconds this account must wait before trying from this address (0: go ahead). */
export function signInWait(prisma: Db, email: string, address: string): Promise<number> {
  return waitFor(prisma, [pairKey(email, address), addressKey(address)]);
}

export async function recordSignInFailure(prisma: Db, email: string, address: string): Promise<void> {
  await fail(prisma, pairKey(email, address), SIGN_IN_LIMITS.pair);
  await fail(prisma, addressKey(address), SIGN_IN_LIMITS.address);
  await prune(prisma);
}

/** A success forgets this account's failures from this address (the address's own count stays). */
export async function clearSignInFailures(prisma: Db, email: string, address: string): Promise<void> {
  await prisma.$executeRawUnsafe(`DELETE FROM "SignInThrottle" WHERE key = $1`, pairKey(email, address));
}

export function passwordCheckWait(prisma: Db, userId: string): Promise<number> {
  return waitFor(prisma, [passwordKey(userId)]);
}

export async function recordPasswordCheckFailure(prisma: Db, userId: string): Promise<void> {
  await fail(prisma, passwordKey(userId), SIGN_IN_LIMITS.passwordChange);
  await prune(prisma);
}

import "server-only";
import { ownerDb } from "@/lib/db/owner";

// Requests per token per fixed one-minute window, counted in PostgreSQL ("ApiRateLimit"): every app server
// shares the count, on the embedded PGlite as on a server. One upsert per request, as the owner role.

export const RATE_WINDOW_S = 60;

export function rateLimitPerMinute(): number {
  const n = Number(process.env.ENCLAVE_API_RATE_LIMIT);
  return Number.isInteger(n) && n > 0 ? n : 600;
}

export type RateState = { limit: number; remaining: number; resetS: number; allowed: boolean };

export async function takeToken(workspaceId: string, tokenId: string, now = Date.now()): Promise<RateState> {
  const limit = rateLimitPerMinute();
  const windowMs = RATE_WINDOW_S * 1000;
  const start = new Date(Math.floor(now / windowMs) * windowMs);
  const prisma = await ownerDb("api-rate-limit");
  const rows = await prisma.$queryRaw<{ count: number }[]>`
    INSERT INTO "ApiRateLimit" ("workspaceId", "tokenId", "windowStart", "count") VALUES (${workspaceId}::uuid, ${tokenId}::uuid, ${start}, 1)
    ON CONFLICT ("workspaceId", "tokenId") DO UPDATE SET
      "count" = CASE WHEN "ApiRateLimit"."windowStart" = EXCLUDED."windowStart" THEN "ApiRateLimit"."count" + 1 ELSE 1 END,
      "windowStart" = EXCLUDED."windowStart"
    RETURNING "count"`;
  const count = Number(rows[0]?.count ?? 1);
  const resetS = Math.max(1, Math.ceil((start.getTime() + windowMs - now) / 1000));
  return { limit, remaining: Math.max(0, limit - count), resetS, allowed: count <= limit };
}

/** The IETF RateLimit fields (draft-ietf-httpapi-ratelimit-headers): the policy, and what is left of it. */
export function rateHeaders(s: RateState): Record<string, string> {
  return {
    "RateLimit-Policy": `"per-token";q=${s.limit};w=${RATE_WINDOW_S}`,
    RateLimit: `"per-token";r=${s.remaining};t=${s.resetS}`,
  };
}

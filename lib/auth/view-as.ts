import crypto from "node:crypto";

// "View as": an admin browses the console as another person. The choice lives in a cookie that holds a signed
// {adminUserId, targetUserId, startedAt, adminSessionVersion, sessionId}; lib/auth/viewer.ts honours it only for
// the admin who signed it, in the very session that signed it (the session token's own id: a sign-out by any path,
// then a sign-in, starts another session), while that admin is still an active admin of the target's workspace.

export const VIEW_AS_COOKIE = "enclave-view-as";
export const VIEW_AS_COOKIE_SECURE = "__Host-enclave-view-as";
/** A view-as session ends by itself after this long. */
export const VIEW_AS_MAX_AGE_S = 8 * 3600;

export type ViewAsClaim = { adminUserId: string; targetUserId: string; startedAt: number; sv: number; /** The admin's session id. */ sid: string };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

// A key of its own, derived from the auth secret, so a view-as signature can never pass for anything else.
function key(secret: string): Buffer {
  return crypto.createHmac("sha256", secret).update("enclave:view-as:v1").digest();
}

function mac(secret: string, body: string): string {
  return crypto.createHmac("sha256", key(secret)).update(body).digest("base64url");
}

export function signViewAs(claim: ViewAsClaim, secret: string): string {
  const body = Buffer.from(JSON.stringify({ a: claim.adminUserId, t: claim.targetUserId, s: claim.startedAt, v: claim.sv, i: claim.sid })).toString("base64url");
  return `${body}.${mac(secret, body)}`;
}

/** The claim of a cookie value, or null when it is malformed, tampered with, signed with another secret or expired. */
export function verifyViewAs(raw: unknown, secret: string, now = Date.now()): ViewAsClaim | null {
  if (typeof raw !== "string" || raw.length > 1000) return null;
  const [body, sig, extra] = raw.split(".");
  if (!body || !sig || extra !== undefined) return null;
  const expected = Buffer.from(mac(secret, body));
  const given = Buffer.from(sig);
  if (expected.length !== given.length || !crypto.timingSafeEqual(expected, given)) return null;
  let data: unknown;
  try {
    data = JSON.parse(Buffer.from(body, "base64url").toString("utf8"));
  } catch {
    return null;
  }
  const d = data as { a?: unknown; t?: unknown; s?: unknown; v?: unknown; i?: unknown };
  if (typeof d.a !== "string" || typeof d.t !== "string" || !UUID.test(d.a) || !UUID.test(d.t)) return null;
  if (typeof d.s !== "number" || typeof d.v !== "number" || !Number.isFinite(d.s)) return null;
  if (typeof d.i !== "string" || !UUID.test(d.i)) return null;
  if (d.s > now + 60_000 || now - d.s > VIEW_AS_MAX_AGE_S * 1000) return null;
  return { adminUserId: d.a, targetUserId: d.t, startedAt: d.s, sv: d.v, sid: d.i };
}

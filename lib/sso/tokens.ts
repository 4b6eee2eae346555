import crypto from "node:crypto";

/** A SCIM bearer token: "scim_" + 32 random bytes; only its SHA-256 is stored. */
export function newScimToken(): { token: string; hash: string } {
  const token = `scim_${crypto.randomBytes(32).toString("base64url")}`;
  return { token, hash: sha256(token) };
}

export function sha256(s: string): string {
  return crypto.createHash("sha256").update(s).digest("hex");
}

// Short-lived signed values carried by cookies of the sign-in flows (OIDC state, the e-mail link's browser
// binding). A key of their own, derived from the auth secret, so no such signature passes for anything else.
function key(secret: string, purpose: string): Buffer {
  return crypto.createHmac("sha256", secret).update(`enclave:${purpose}:v1`).digest();
}

export function sealValue(value: object, secret: string, purpose: string): string {
  const body = Buffer.from(JSON.stringify(value)).toString("base64url");
  const mac = crypto.createHmac("sha256", key(secret, purpose)).update(body).digest("base64url");
  return `${body}.${mac}`;
}

/** The value, or null when malformed, signed for another purpose or with another secret, or past its `exp` (ms). */
export function openValue<T extends { exp: number }>(raw: unknown, secret: string, purpose: string, now = Date.now()): T | null {
  if (typeof raw !== "string" || raw.length > 4000) return null;
  const [body, mac, extra] = raw.split(".");
  if (!body || !mac || extra !== undefined) return null;
  const expected = Buffer.from(crypto.createHmac("sha256", key(secret, purpose)).update(body).digest("base64url"));
  const given = Buffer.from(mac);
  if (expected.length !== given.length || !crypto.timingSafeEqual(expected, given)) return null;
  try {
    const v = JSON.parse(Buffer.from(body, "base64url").toString("utf8")) as T;
    if (typeof v !== "object" || v === null || typeof v.exp !== "number" || v.exp < now) return null;
    return v;
  } catch {
    return null;
  }
}

import crypto from "node:crypto";

/** A new token secret: shown once, never stored (only its SHA-256 is). */
export function newTokenSecret(): { token: string; tokenHash: string; prefix: string } {
  const token = `enc_${crypto.randomBytes(32).toString("base64url")}`;
  return { token, tokenHash: hashToken(token), prefix: token.slice(0, 10) };
}

export function hashToken(token: string): string {
  return crypto.createHash("sha256").update(token).digest("hex");
}

import "server-only";
import crypto from "node:crypto";

export const INVITATION_TTL_MS = 7 * 24 * 3600 * 1000;

/** 32 random bytes, base64url (43 characters); only its sha256 is ever stored. */
export function newInvitationToken(): { token: string; tokenHash: string } {
  const token = crypto.randomBytes(32).toString("base64url");
  return { token, tokenHash: hashInvitationToken(token) };
}

export function hashInvitationToken(token: string): string {
  return crypto.createHash("sha256").update(token).digest("hex");
}

export function appBaseUrl(): string {
  return (process.env.NEXTAUTH_URL ?? `http://localhost:${process.env.PORT ?? 3000}`).replace(/\/+$/, "");
}

export function invitationLink(token: string): string {
  return `${appBaseUrl()}/invite/${token}`;
}

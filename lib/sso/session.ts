import "server-only";
import type { NextResponse } from "next/server";
import { encode } from "next-auth/jwt";
import { authOptions } from "@/lib/auth/options";
import { authSecret } from "@/lib/auth/secret";

export function secureCookies(req: Request): boolean {
  if (process.env.NEXTAUTH_URL?.startsWith("https://")) return true;
  return req.headers.get("x-forwarded-proto")?.split(",")[0]?.trim() === "https";
}

/**
 * Signs a person in from a route handler (OIDC callback, e-mail link): the very session cookie next-auth's
 * password sign-in sets, a JWT holding only the user id and the session version, so getViewer() resolves it
 * exactly as it resolves a password session (status, memberships, sessionVersion, every request).
 */
export async function setSessionCookie(res: NextResponse, req: Request, user: { id: string; sessionVersion: number; workspaceId?: string }): Promise<void> {
  const maxAge = authOptions.session?.maxAge ?? 7 * 24 * 3600;
  // ws: the workspace the sign-in was for (a connection's); only a preference, re-checked at every request.
  const token = await encode({ token: { sub: user.id, sv: user.sessionVersion, ...(user.workspaceId ? { ws: user.workspaceId } : {}) }, secret: authSecret(), maxAge });
  const secure = secureCookies(req);
  res.cookies.set(secure ? "__Secure-next-auth.session-token" : "next-auth.session-token", token, { httpOnly: true, sameSite: "lax", path: "/", secure, maxAge });
}

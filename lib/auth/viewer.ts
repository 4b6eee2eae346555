import "server-only";
import { cache } from "react";
import { decode, encode } from "next-auth/jwt";
import { redirect } from "next/navigation";
import { cookies, headers } from "next/headers";
import { ownerDb } from "@/lib/db/owner";
import { authSecret } from "./secret";
import { resolveViewAs, resolveViewer, type Viewer } from "./resolve-viewer";
import { signViewAs, verifyViewAs, VIEW_AS_COOKIE, VIEW_AS_COOKIE_SECURE, VIEW_AS_MAX_AGE_S } from "./view-as";

export type { Viewer } from "./resolve-viewer";

type Session = { viewer: Viewer; sessionVersion: number; sessionId: string | null };

/** The signed-in person, from the session cookie and the database; view-as plays no part here. */
const getSession = cache(async (): Promise<Session | null> => {
  const jar = await cookies();
  const raw = jar.get("__Secure-next-auth.session-token")?.value ?? jar.get("next-auth.session-token")?.value;
  if (!raw) return null;
  // decode() verifies the signature-encryption and the expiry.
  const token = await decode({ token: raw, secret: authSecret() }).catch(() => null);
  if (!token?.sub || typeof token.sv !== "number") return null;
  const viewer = await resolveViewer(await ownerDb("viewer-resolution"), token.sub, token.sv, token.ws);
  return viewer ? { viewer, sessionVersion: token.sv, sessionId: typeof token.sid === "string" ? token.sid : null } : null;
});

/** The person really signed in (the admin, while an admin views as someone): for view-as itself and its audit. */
export async function getSignedInViewer(): Promise<Viewer | null> {
  return (await getSession())?.viewer ?? null;
}

/**
 * The viewer of this request, resolved from the session and the database on every request (once per
 * request thanks to cache), so a deactivation, a role change or a password change applies at the next one.
 * While an admin views as someone, it is that person's viewer (with `actingAdmin` set): every page, search
 * and query then runs exactly as for them. A view-as cookie that is invalid, foreign or no longer honoured
 * (the admin lost the role, the person left) is ignored and, where a response can carry it, cleared.
 */
export const getViewer = cache(async (): Promise<Viewer | null> => {
  const session = await getSession();
  if (!session) return null;
  const jar = await cookies();
  const raw = jar.get(VIEW_AS_COOKIE_SECURE)?.value ?? jar.get(VIEW_AS_COOKIE)?.value;
  if (!raw) return session.viewer;
  const claim = verifyViewAs(raw, authSecret());
  const acting = claim ? await resolveViewAs(await ownerDb("viewer-resolution"), session.viewer, session.sessionVersion, claim, session.sessionId) : null;
  if (!acting) {
    await clearViewAsCookie();
    return session.viewer;
  }
  return acting;
});

async function secureCookies(): Promise<boolean> {
  if (process.env.NEXTAUTH_URL?.startsWith("https://")) return true;
  const h = await headers().catch(() => null);
  return h?.get("x-forwarded-proto")?.split(",")[0]?.trim() === "https";
}

/** Starts viewing as targetUserId for the signed-in admin (server actions only: they may set cookies). */
export async function setViewAsCookie(targetUserId: string): Promise<void> {
  const session = await getSession();
  if (!session?.sessionId) return;
  const value = signViewAs(
    { adminUserId: session.viewer.userId, targetUserId, startedAt: Date.now(), sv: session.sessionVersion, sid: session.sessionId },
    authSecret(),
  );
  const secure = await secureCookies();
  const jar = await cookies();
  jar.set(secure ? VIEW_AS_COOKIE_SECURE : VIEW_AS_COOKIE, value, { httpOnly: true, sameSite: "lax", secure, path: "/", maxAge: VIEW_AS_MAX_AGE_S });
}

/** Ends viewing as. Outside a server action or route handler (a page render) cookies are read-only: then it does nothing. */
export async function clearViewAsCookie(): Promise<void> {
  try {
    const jar = await cookies();
    for (const name of [VIEW_AS_COOKIE, VIEW_AS_COOKIE_SECURE]) if (jar.get(name)) jar.delete({ name, path: "/", secure: name === VIEW_AS_COOKIE_SECURE });
  } catch {
    /* read-only here */
  }
}

const SESSION_COOKIES = ["__Secure-next-auth.session-token", "next-auth.session-token"] as const;
const SESSION_MAX_AGE_S = 7 * 24 * 3600; // as lib/auth/options.ts

/**
 * The workspace switcher (server actions only): the same session (user, version, session id) naming another
 * workspace. The caller has checked the membership; resolve-viewer checks it again at every request.
 */
export async function setSessionWorkspace(workspaceId: string): Promise<void> {
  const jar = await cookies();
  const name = SESSION_COOKIES.find((n) => jar.get(n)?.value);
  if (!name) return;
  const token = await decode({ token: jar.get(name)!.value, secret: authSecret() }).catch(() => null);
  if (!token?.sub) return;
  const next = await encode({ token: { sub: token.sub, sv: token.sv, sid: token.sid, ws: workspaceId }, secret: authSecret(), maxAge: SESSION_MAX_AGE_S });
  jar.set(name, next, { httpOnly: true, sameSite: "lax", path: "/", secure: name.startsWith("__Secure-"), maxAge: SESSION_MAX_AGE_S });
}

/** For pages: the viewer, or a trip to the sign-in page that comes back here afterwards. */
export async function requireViewer(): Promise<Viewer> {
  const viewer = await getViewer();
  if (!viewer) {
    const h = await headers();
    const back = h.get("x-enclave-path") ?? "/catalog";
    redirect(`/login?callbackUrl=${encodeURIComponent(back)}`);
  }
  return viewer;
}

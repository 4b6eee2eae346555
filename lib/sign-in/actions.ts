"use server";
import { cookies, headers } from "next/headers";
import { authorizedAction, UserError } from "@/lib/actions/authorized";
import { requestClientAddress } from "@/lib/net/client-address";
import { routeFor } from "@/lib/sso/routing";
import { emailInput, linkRequestInput } from "@/lib/sso/schemas";
import { issueSignInLink, LINK_COOKIE, LINK_SENT, LINK_TTL_MS, linkRequestWait, linksEnabled, newBrowserNonce } from "./links";

/**
 * The e-mail-first step of the sign-in page (public: no session yet): whether the address's domain signs in
 * through a connection, and whether it may still use a password. It says what the domain does, never whether
 * the address exists.
 */
export const signInOptions = authorizedAction({ input: emailInput, public: true }, async ({ input }) => {
  const route = await routeFor(input.email);
  return { sso: !!route, password: !route?.enforceSso };
});

async function clientAddress(): Promise<string> {
  return requestClientAddress(await headers());
}

/**
 * "Send me a sign-in link" (public; Guests, when SMTP is configured): the same answer for every address, throttled
 * like password sign-in (per address and per account, counting every request), bound to this browser by a cookie.
 */
export const requestSignInLink = authorizedAction({ input: linkRequestInput, public: true }, async ({ input }) => {
  if (!linksEnabled()) throw new UserError("Sign-in links are not available here.");
  const wait = await linkRequestWait(input.email, await clientAddress());
  if (wait > 0) throw new UserError(`Too many sign-in attempts. Try again in ${Math.ceil(wait / 60)} minute(s).`);
  const jar = await cookies();
  const existing = jar.get(LINK_COOKIE)?.value;
  const nonce = existing && /^[A-Za-z0-9_-]{43}$/.test(existing) ? existing : newBrowserNonce();
  const secure = process.env.NEXTAUTH_URL?.startsWith("https://") ?? false;
  jar.set(LINK_COOKIE, nonce, { httpOnly: true, sameSite: "lax", secure, path: "/api/auth/link", maxAge: Math.floor(LINK_TTL_MS / 1000) });
  await issueSignInLink(input.email, nonce);
  return { message: LINK_SENT };
});

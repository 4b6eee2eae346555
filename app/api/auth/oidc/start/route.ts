import { NextResponse, type NextRequest } from "next/server";
import { z } from "zod";
import { safeCallbackUrl } from "@/lib/auth/callback-url";
import { appBaseUrl } from "@/lib/members/tokens";
import { routeFor } from "@/lib/sso/routing";
import { OIDC_COOKIE, startFlow } from "@/lib/sso/oidc";
import { secureCookies } from "@/lib/sso/session";

// Where a viewer comes from (like next-auth's endpoint, so not built with authorizedRoute): the sign-in page sends
// an address here; its domain's connection starts an authorization-code flow with PKCE, state and nonce.
const query = z.object({ email: z.string().trim().toLowerCase().email().max(320), callbackUrl: z.string().max(2000).optional() });

function refuse() {
  return NextResponse.redirect(new URL("/login?error=sso", appBaseUrl()), 303);
}

export async function GET(req: NextRequest) {
  const parsed = query.safeParse(Object.fromEntries(req.nextUrl.searchParams));
  if (!parsed.success) return refuse();
  const route = await routeFor(parsed.data.email);
  if (!route) return refuse();
  const started = await startFlow(route.connectionId, safeCallbackUrl(parsed.data.callbackUrl), parsed.data.email).catch((e) => {
    console.error("[sso] could not start a sign-in:", (e as Error).message);
    return null;
  });
  if (!started) return refuse();
  const res = NextResponse.redirect(started.url, 303);
  res.cookies.set(OIDC_COOKIE, started.sealed, { httpOnly: true, sameSite: "lax", secure: secureCookies(req), path: "/api/auth/oidc", maxAge: 600 });
  return res;
}

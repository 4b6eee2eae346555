import { NextResponse, type NextRequest } from "next/server";
import { appBaseUrl } from "@/lib/members/tokens";
import { finishFlow, openFlow, OIDC_COOKIE } from "@/lib/sso/oidc";
import { recordFlowFailure, signInThroughConnection, SignInRefused } from "@/lib/sso/provision";
import { setSessionCookie, secureCookies } from "@/lib/sso/session";

// Where a viewer comes from (not built with authorizedRoute): the provider sends the person back here with a code.
// Everything is checked (flow cookie, state, PKCE, nonce, issuer, ID-token signature, domain, the connection's
// rule); any failure is the same plain refusal on the sign-in page, and an audit event with the reason.
function refuse(req: NextRequest) {
  const res = NextResponse.redirect(new URL("/login?error=sso", appBaseUrl()), 303);
  res.cookies.set(OIDC_COOKIE, "", { httpOnly: true, sameSite: "lax", secure: secureCookies(req), path: "/api/auth/oidc", maxAge: 0 });
  return res;
}

export async function GET(req: NextRequest) {
  const flow = openFlow(req.cookies.get(OIDC_COOKIE)?.value);
  if (!flow) return refuse(req);
  // The URL the provider redirected to, as the public base URL spells it (the redirect_uri it was given).
  const currentUrl = new URL(`${req.nextUrl.pathname}${req.nextUrl.search}`, appBaseUrl());
  let identity;
  try {
    identity = await finishFlow(flow, currentUrl);
  } catch (e) {
    await recordFlowFailure(flow.c, e);
    return refuse(req);
  }
  try {
    const user = await signInThroughConnection(identity.connectionId, identity.claims);
    const res = NextResponse.redirect(new URL(flow.back, appBaseUrl()), 303);
    await setSessionCookie(res, req, user);
    res.cookies.set(OIDC_COOKIE, "", { httpOnly: true, sameSite: "lax", secure: secureCookies(req), path: "/api/auth/oidc", maxAge: 0 });
    return res;
  } catch (e) {
    if (!(e instanceof SignInRefused)) console.error("[sso] sign-in failed", e);
    return refuse(req);
  }
}

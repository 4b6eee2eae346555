import { NextResponse, type NextRequest } from "next/server";
import { contentSecurityPolicy, newNonce, strictTransportSecurity } from "@/lib/security/csp";

// Two jobs, neither of them authorization (a header once let requests skip middleware entirely; every page and
// action re-checks): a per-request CSP nonce for every page, and an optimistic trip to /login for a signed-out
// visitor, who comes back afterwards.

// SCIM answers identity providers with bearer tokens, never a session (lib/scim/endpoint.ts); so does /api/v1 for
// API tokens: both answer 401 themselves, never with a redirect.
const PUBLIC = /^\/(?:login|invite|api\/auth|api\/health|api\/v1|scim)(?:\/|$)/;

export function proxy(req: NextRequest) {
  const { pathname, search } = req.nextUrl;
  // One id per request, kept from the load balancer when it sends one: the logs of every server carry it.
  const incoming = req.headers.get("x-request-id");
  const requestId = incoming && /^[\w.-]{1,100}$/.test(incoming) ? incoming : crypto.randomUUID();
  const nonce = newNonce();
  const csp = contentSecurityPolicy(nonce, { dev: process.env.NODE_ENV !== "production" });
  const withHeaders = (res: NextResponse) => {
    res.headers.set("Content-Security-Policy", csp);
    const hsts = strictTransportSecurity(process.env.NEXTAUTH_URL);
    if (hsts) res.headers.set("Strict-Transport-Security", hsts);
    res.headers.set("x-request-id", requestId);
    return res;
  };

  const hasSession = req.cookies.has("next-auth.session-token") || req.cookies.has("__Secure-next-auth.session-token");
  if (!hasSession && !PUBLIC.test(pathname)) {
    const url = req.nextUrl.clone();
    url.pathname = "/login";
    url.search = `?callbackUrl=${encodeURIComponent(pathname + search)}`;
    return withHeaders(NextResponse.redirect(url));
  }
  const headers = new Headers(req.headers);
  // Next.js finds the nonce in the request's policy and puts it on every script it renders.
  headers.set("Content-Security-Policy", csp);
  headers.set("x-nonce", nonce);
  // Lets a page that finds the session stale send the visitor back here after signing in again.
  headers.set("x-enclave-path", pathname + search);
  headers.set("x-request-id", requestId);
  return withHeaders(NextResponse.next({ request: { headers } }));
}

export const config = {
  matcher: [
    {
      source: "/((?!_next/static|_next/image|favicon.ico|icon.svg|apple-icon|manifest.webmanifest|robots.txt).*)",
      // Prefetches render no HTML of their own: they need no nonce.
      missing: [
        { type: "header", key: "next-router-prefetch" },
        { type: "header", key: "purpose", value: "prefetch" },
      ],
    },
  ],
};

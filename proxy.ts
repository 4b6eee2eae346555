import { NextResponse, type NextRequest } from "next/server";

// Optimistic only: a signed-out visitor goes to /login and comes back afterwards. Authorization is never
// decided here (a header once let requests skip middleware entirely); every page and action re-checks.
export function proxy(req: NextRequest) {
  const { pathname, search } = req.nextUrl;
  // One id per request, kept from the load balancer when it sends one: the logs of every server carry it.
  const incoming = req.headers.get("x-request-id");
  const requestId = incoming && /^[\w.-]{1,100}$/.test(incoming) ? incoming : crypto.randomUUID();
  const hasSession = req.cookies.has("next-auth.session-token") || req.cookies.has("__Secure-next-auth.session-token");
  if (!hasSession) {
    const url = req.nextUrl.clone();
    url.pathname = "/login";
    url.search = `?callbackUrl=${encodeURIComponent(pathname + search)}`;
    const res = NextResponse.redirect(url);
    res.headers.set("x-request-id", requestId);
    return res;
  }
  // Lets a page that finds the session stale send the visitor back here after signing in again.
  const headers = new Headers(req.headers);
  headers.set("x-enclave-path", pathname + search);
  headers.set("x-request-id", requestId);
  const res = NextResponse.next({ request: { headers } });
  res.headers.set("x-request-id", requestId);
  return res;
}

export const config = {
  matcher: ["/((?!login|invite|api/auth|api/health|_next/static|_next/image|favicon.ico|robots.txt).*)"],
};

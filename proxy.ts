import { NextResponse, type NextRequest } from "next/server";

// Optimistic only: a signed-out visitor goes to /login and comes back afterwards. Authorization is never
// decided here (a header once let requests skip middleware entirely); every page and action re-checks.
export function proxy(req: NextRequest) {
  const { pathname, search } = req.nextUrl;
  const hasSession = req.cookies.has("next-auth.session-token") || req.cookies.has("__Secure-next-auth.session-token");
  if (!hasSession) {
    const url = req.nextUrl.clone();
    url.pathname = "/login";
    url.search = `?callbackUrl=${encodeURIComponent(pathname + search)}`;
    return NextResponse.redirect(url);
  }
  // Lets a page that finds the session stale send the visitor back here after signing in again.
  const headers = new Headers(req.headers);
  headers.set("x-enclave-path", pathname + search);
  return NextResponse.next({ request: { headers } });
}

export const config = {
  matcher: ["/((?!login|invite|api/auth|scim/|_next/static|_next/image|favicon.ico|robots.txt).*)"],
};

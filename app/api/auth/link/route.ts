import { NextResponse, type NextRequest } from "next/server";
import { appBaseUrl } from "@/lib/members/tokens";
import { consumeSignInLink, LINK_COOKIE } from "@/lib/sign-in/links";
import { secureCookies, setSessionCookie } from "@/lib/sso/session";

// Where a viewer comes from (not built with authorizedRoute): an e-mailed sign-in link, opened in the browser
// that asked for it. Any failure (used, expired, another browser, no longer a Guest) is one plain refusal.
export async function GET(req: NextRequest) {
  const token = req.nextUrl.searchParams.get("token") ?? "";
  const user = await consumeSignInLink(token, req.cookies.get(LINK_COOKIE)?.value);
  const res = NextResponse.redirect(new URL(user ? "/catalog" : "/login?error=link", appBaseUrl()), 303);
  if (user) {
    await setSessionCookie(res, req, user);
    res.cookies.set(LINK_COOKIE, "", { httpOnly: true, sameSite: "lax", secure: secureCookies(req), path: "/api/auth/link", maxAge: 0 });
  }
  return res;
}

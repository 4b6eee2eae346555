import NextAuth from "next-auth";
import { cookies } from "next/headers";
import type { NextRequest } from "next/server";
import { authOptions } from "@/lib/auth/options";
import { VIEW_AS_COOKIE, VIEW_AS_COOKIE_SECURE } from "@/lib/auth/view-as";

// The sign-in endpoint itself: the one route handler that is not built with authorizedRoute, because it
// is where a viewer comes from. Its inputs are zod-validated in authOptions.authorize.
const handler = NextAuth(authOptions);

type Ctx = { params: Promise<{ nextauth: string[] }> };

// Every sign-out ends a "View as" too, whichever way it comes (the sidebar button, or a bare POST to this route):
// the claim is bound to the session anyway (lib/auth/view-as.ts), and the browser should not keep it either.
async function POST(req: NextRequest, ctx: Ctx) {
  const { nextauth } = await ctx.params;
  if (nextauth?.[0] === "signout") {
    const jar = await cookies();
    for (const name of [VIEW_AS_COOKIE, VIEW_AS_COOKIE_SECURE]) {
      if (jar.get(name)) jar.delete({ name, path: "/", secure: name === VIEW_AS_COOKIE_SECURE });
    }
  }
  return handler(req, ctx);
}

export { handler as GET, POST };

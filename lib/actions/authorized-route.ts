import "server-only";
import { NextResponse, type NextRequest } from "next/server";
import { z } from "zod";
import { getViewer, type Viewer } from "@/lib/auth/viewer";
import { can, type Permission } from "@/lib/policy";
import { stripControl } from "@/lib/validation/text";
import { UserError, viewAsRefusal } from "./authorized";
import { REQUEST_ID_HEADER, requestIdFrom, runWithRequestId } from "@/lib/log";

type Ctx<Q extends z.ZodType> = { viewer: Viewer; query: z.infer<Q>; req: NextRequest; params: Record<string, string> };

/**
 * The one way to build a route handler: the viewer comes from the session and the database, query
 * parameters are zod-parsed, the permission is checked, and anything out of scope is a plain 404.
 */
export function authorizedRoute<Q extends z.ZodType>(
  opts: { query: Q; permission?: Permission },
  handler: (ctx: Ctx<Q>) => Promise<Response>,
) {
  const route = (req: NextRequest, ctx: { params: Promise<Record<string, string>> }): Promise<Response> =>
    runWithRequestId(requestIdFrom(req.headers.get(REQUEST_ID_HEADER)), () => handle(req, ctx));
  const handle = async (req: NextRequest, ctx: { params: Promise<Record<string, string>> }): Promise<Response> => {
    const viewer = await getViewer();
    if (!viewer) return NextResponse.json({ error: "Not signed in." }, { status: 401 });
    // While an admin views as someone, only reads go through.
    if (viewer.actingAdmin && !["GET", "HEAD"].includes(req.method)) return NextResponse.json({ error: viewAsRefusal(viewer) }, { status: 403 });
    if (opts.permission && !can(viewer.role, opts.permission)) return NextResponse.json({ error: "Not found." }, { status: 404 });
    // Control characters in the query string are dropped before parsing: a filter is a hint, never a 500.
    const query = Object.fromEntries([...req.nextUrl.searchParams].map(([k, v]) => [k, stripControl(v)]));
    const parsed = opts.query.safeParse(query);
    if (!parsed.success) return NextResponse.json({ error: parsed.error.issues[0]?.message ?? "Invalid input." }, { status: 400 });
    try {
      return await handler({ viewer, query: parsed.data, req, params: (await ctx.params) ?? {} });
    } catch (e) {
      if (e instanceof UserError) return NextResponse.json({ error: e.message }, { status: e.message === "Not found." ? 404 : 400 });
      console.error("[route]", e);
      return NextResponse.json({ error: "Something went wrong." }, { status: 500 });
    }
  };
  return route;
}

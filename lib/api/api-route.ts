import "server-only";
import { NextResponse, type NextRequest } from "next/server";
import { z } from "zod";
import { getViewer, type Viewer } from "@/lib/auth/viewer";
import { NotFoundError, UserError } from "@/lib/actions/authorized";
import { authenticateToken } from "@/lib/tokens/authenticate";
import { requestClientAddress } from "@/lib/net/client-address";
import { can } from "@/lib/policy";
import type { Endpoint } from "./endpoint";
import { BadRequest, notFound, problem } from "./problem";
import { rateHeaders, takeToken } from "./rate-limit";

type Ctx<E extends Endpoint> = {
  viewer: Viewer;
  params: E extends { params: infer P extends z.ZodType } ? z.infer<P> : Record<string, never>;
  query: E extends { query: infer Q extends z.ZodType } ? z.infer<Q> : Record<string, never>;
  body: E extends { body: infer B extends z.ZodType } ? z.infer<B> : undefined;
  req: NextRequest;
};

type PublicCtx = { req: NextRequest };

const MAX_BODY = 256 * 1024;

function firstIssue(error: z.ZodError, prefix?: string): { detail: string; field?: string } {
  const issue = error.issues[0];
  if (!issue) return { detail: "Invalid input." };
  const path = [...(prefix ? [prefix] : []), ...issue.path.map(String)].join(".");
  return { detail: path ? `${path}: ${issue.message}` : issue.message, field: path || undefined };
}

/** Where a call came from, for "last used from": the address the console's server took from the socket. */
function clientAddress(req: NextRequest): string | null {
  const a = requestClientAddress(req.headers);
  return a === "unknown" ? null : a;
}

/** The console's own origin: NEXTAUTH_URL when set, else the origin this request was addressed to. */
function consoleOrigin(req: NextRequest): string {
  try {
    if (process.env.NEXTAUTH_URL) return new URL(process.env.NEXTAUTH_URL).origin;
  } catch {
    /* fall through */
  }
  const host = req.headers.get("host");
  const proto = req.headers.get("x-forwarded-proto")?.split(",")[0]?.trim() || req.nextUrl.protocol.replace(":", "");
  return host ? `${proto}://${host}` : req.nextUrl.origin;
}

function json(status: number, data: unknown, headers: Record<string, string>): Response {
  if (status === 204) return new Response(null, { status, headers: { ...headers, "cache-control": "no-store" } });
  return NextResponse.json(data, { status, headers: { ...headers, "cache-control": "no-store" } });
}

/**
 * The one way to build a REST API route handler (like authorizedRoute for the console's): the viewer comes from
 * the bearer token (resolved as a session is, at each call) or, for `auth: "session"`, from the signed-in
 * browser with a same-origin check; then the per-token rate limit, the token's scope, and the zod schemas of the
 * endpoint (params, query, body) — every failure an application/problem+json that names nothing out of scope.
 * The handler returns the response's data; out of scope is a NotFoundError (the one 404 body).
 */
export function apiRoute<E extends Endpoint>(ep: E, handler: E["auth"] extends "none" ? (ctx: PublicCtx) => Promise<unknown> : (ctx: Ctx<E>) => Promise<unknown>) {
  const route = async (req: NextRequest, ctx: { params: Promise<Record<string, string>> }): Promise<Response> => {
    let headers: Record<string, string> = {};
    try {
      if (ep.auth === "none") return json(ep.status, await (handler as (c: PublicCtx) => Promise<unknown>)({ req }), {});
      let viewer: Viewer | null = null;
      if (ep.auth === "session") {
        const origin = req.headers.get("origin");
        if (!origin || origin !== consoleOrigin(req)) return problem(403, "This endpoint is for the console itself: the Origin header must be the console's.");
        viewer = await getViewer();
        if (!viewer) return problem(401, "Sign in to the console first.");
        if (viewer.actingAdmin) return problem(403, "Changes are turned off while viewing as someone else.");
      } else {
        const auth = req.headers.get("authorization") ?? "";
        const m = /^Bearer\s+(\S+)\s*$/i.exec(auth);
        viewer = m ? await authenticateToken(m[1]!, clientAddress(req)) : null;
        if (!viewer) return problem(401, "A valid API token is required: Authorization: Bearer enc_…", { headers: { "WWW-Authenticate": 'Bearer realm="enclave"' } });
        const rate = await takeToken(viewer.workspaceId, viewer.apiToken!.id);
        headers = rateHeaders(rate);
        if (!rate.allowed) return problem(429, `Too many requests for this token: at most ${rate.limit} a minute.`, { headers: { ...headers, "Retry-After": String(rate.resetS) } });
        if (ep.write && viewer.apiToken!.scope !== "write") return problem(403, "This token is read-only: writes need a token with the write scope.", { headers });
      }
      if (ep.permission && !can(viewer.role, ep.permission)) return withHeaders(notFound(), headers);

      const rawParams = (await ctx.params) ?? {};
      const params = ep.params ? ep.params.safeParse(rawParams) : { success: true as const, data: {} };
      // A malformed id is as absent as a foreign one.
      if (!params.success) return withHeaders(notFound(), headers);
      const query = ep.query ? ep.query.safeParse(Object.fromEntries(req.nextUrl.searchParams)) : { success: true as const, data: {} };
      if (!query.success) {
        const { detail, field } = firstIssue(query.error);
        return problem(400, detail, { field, headers });
      }
      let body: unknown = undefined;
      if (ep.body) {
        const type = req.headers.get("content-type") ?? "";
        if (!/^application\/(.+\+)?json\b/i.test(type)) return problem(415, "Send the body as application/json.", { headers });
        const text = await req.text();
        if (text.length > MAX_BODY) return problem(413, "The body is too large.", { headers });
        let raw: unknown;
        try {
          raw = JSON.parse(text);
        } catch {
          return problem(400, "The body is not valid JSON.", { headers });
        }
        const parsed = ep.body.safeParse(raw);
        if (!parsed.success) {
          const { detail, field } = firstIssue(parsed.error);
          return problem(400, detail, { field, headers });
        }
        body = parsed.data;
      }
      const data = await (handler as (c: Ctx<E>) => Promise<unknown>)({ viewer, params: params.data, query: query.data, body, req } as Ctx<E>);
      if (data instanceof Response) {
        for (const [k, v] of Object.entries(headers)) data.headers.set(k, v);
        return data;
      }
      return json(ep.status, data, headers);
    } catch (e) {
      if (e instanceof BadRequest) return problem(400, e.message, { field: e.field, headers });
      if (e instanceof NotFoundError) return withHeaders(notFound(), headers);
      if (e instanceof UserError) return problem(e.message === "Not found." ? 404 : 409, e.message, { headers });
      const code = (e as { code?: string }).code;
      if (code === "P2025" || code === "42501") return withHeaders(notFound(), headers);
      console.error("[api]", e);
      return problem(500, "Something went wrong. Nothing was changed.", { headers });
    }
  };
  (route as { __endpoint?: Endpoint }).__endpoint = ep;
  return route;
}

function withHeaders(res: Response, headers: Record<string, string>): Response {
  for (const [k, v] of Object.entries(headers)) res.headers.set(k, v);
  return res;
}

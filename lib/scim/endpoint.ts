import "server-only";
import type { NextRequest } from "next/server";
import { authenticate } from "./context";
import { errorResponse, json, resourceTypes, schemas, ScimError, serviceProviderConfig } from "./protocol";
import { createUser, deleteUser, getUser, listUsers, patchUser, replaceUser } from "./users";
import { createGroup, deleteGroup, getGroup, listGroups, patchGroup, replaceGroup } from "./groups";

const MAX_BODY = 1_000_000;

async function body(req: NextRequest): Promise<unknown> {
  const text = await req.text();
  if (text.length > MAX_BODY) throw new ScimError(413, "The request is too large.");
  try {
    return JSON.parse(text);
  } catch {
    throw new ScimError(400, "The body is not JSON.", "invalidSyntax");
  }
}

async function dispatch(req: NextRequest, path: string[]): Promise<Response> {
  const ctx = await authenticate(req);
  const [kind, id, ...rest] = path;
  const m = req.method;
  if (rest.length) throw new ScimError(404, "Resource not found.");
  if (kind === "ServiceProviderConfig" && m === "GET" && !id) return json(serviceProviderConfig(ctx.base));
  if (kind === "ResourceTypes" && m === "GET") {
    const all = resourceTypes(ctx.base);
    if (!id) return json({ schemas: ["urn:ietf:params:scim:api:messages:2.0:ListResponse"], totalResults: all.length, startIndex: 1, itemsPerPage: all.length, Resources: all });
    const one = all.find((r) => r.id === id);
    if (!one) throw new ScimError(404, "Resource not found.");
    return json(one);
  }
  if (kind === "Schemas" && m === "GET") {
    const all = schemas(ctx.base);
    if (!id) return json({ schemas: ["urn:ietf:params:scim:api:messages:2.0:ListResponse"], totalResults: all.length, startIndex: 1, itemsPerPage: all.length, Resources: all });
    const one = all.find((s) => s.id === id);
    if (!one) throw new ScimError(404, "Resource not found.");
    return json(one);
  }
  const params = req.nextUrl.searchParams;
  if (kind === "Users") {
    if (!id && m === "GET") return json(await listUsers(ctx, params));
    if (!id && m === "POST") {
      const u = await createUser(ctx, await body(req));
      return json(u, 201, { location: u.meta.location });
    }
    if (id && m === "GET") return json(await getUser(ctx, id));
    if (id && m === "PUT") return json(await replaceUser(ctx, id, await body(req)));
    if (id && m === "PATCH") return json(await patchUser(ctx, id, await body(req)));
    if (id && m === "DELETE") return deleteUser(ctx, id).then(() => json(null, 204));
  }
  if (kind === "Groups") {
    if (!id && m === "GET") return json(await listGroups(ctx, params));
    if (!id && m === "POST") {
      const g = await createGroup(ctx, await body(req));
      return json(g, 201, { location: g.meta.location });
    }
    if (id && m === "GET") return json(await getGroup(ctx, id, params));
    if (id && m === "PUT") return json(await replaceGroup(ctx, id, await body(req)));
    if (id && m === "PATCH") return json(await patchGroup(ctx, id, await body(req)));
    if (id && m === "DELETE") return deleteGroup(ctx, id).then(() => json(null, 204));
  }
  throw new ScimError(kind === "Users" || kind === "Groups" ? 405 : 404, kind === "Users" || kind === "Groups" ? "Method not allowed." : "Resource not found.");
}

/**
 * The one way to build the SCIM endpoint: the bearer token (hashed) names a connection, and that connection,
 * never the request, decides which people and groups exist for it (lib/scim/context.ts). Every failure is an
 * answer in SCIM's error format; nothing is written unless the whole request is valid (one transaction).
 */
export function scimRoute() {
  return async (req: NextRequest, ctx: { params: Promise<{ path?: string[] }> }): Promise<Response> => {
    try {
      const { path = [] } = await ctx.params;
      return await dispatch(req, path);
    } catch (e) {
      if (e instanceof ScimError) {
        const res = errorResponse(e);
        if (e.status === 401) res.headers.set("www-authenticate", 'Bearer realm="Enclave SCIM"');
        return res;
      }
      console.error("[scim]", e);
      return errorResponse(new ScimError(500, "Something went wrong. Nothing was changed."));
    }
  };
}

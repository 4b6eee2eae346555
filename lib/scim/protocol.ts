// SCIM 2.0 (RFC 7643 / 7644): the messages, error format and discovery documents Enclave speaks at /scim/v2.

export const SCHEMA = {
  user: "urn:ietf:params:scim:schemas:core:2.0:User",
  group: "urn:ietf:params:scim:schemas:core:2.0:Group",
  list: "urn:ietf:params:scim:api:messages:2.0:ListResponse",
  patch: "urn:ietf:params:scim:api:messages:2.0:PatchOp",
  error: "urn:ietf:params:scim:api:messages:2.0:Error",
  spc: "urn:ietf:params:scim:schemas:core:2.0:ServiceProviderConfig",
  resourceType: "urn:ietf:params:scim:schemas:core:2.0:ResourceType",
  schema: "urn:ietf:params:scim:schemas:core:2.0:Schema",
} as const;

export const MAX_PAGE = 200;

/** A refusal in SCIM's own error format; `detail` names nothing the token may not see. */
export class ScimError extends Error {
  constructor(readonly status: number, detail: string, readonly scimType?: string) {
    super(detail);
  }
}

export function json(body: unknown, status = 200, headers: Record<string, string> = {}): Response {
  return new Response(status === 204 ? null : JSON.stringify(body), { status, headers: { "content-type": "application/scim+json", ...headers } });
}

export function errorResponse(e: ScimError): Response {
  return json({ schemas: [SCHEMA.error], status: String(e.status), ...(e.scimType ? { scimType: e.scimType } : {}), detail: e.message }, e.status);
}

export function listResponse<T>(resources: T[], total: number, startIndex: number): unknown {
  return { schemas: [SCHEMA.list], totalResults: total, startIndex, itemsPerPage: resources.length, Resources: resources };
}

/** startIndex (1-based) and count, clamped as RFC 7644 §3.4.2.4 allows. */
export function paging(params: URLSearchParams): { skip: number; take: number; startIndex: number } {
  const start = Math.max(1, Math.floor(Number(params.get("startIndex") ?? 1)) || 1);
  const rawCount = params.get("count");
  const count = rawCount === null ? 100 : Math.max(0, Math.floor(Number(rawCount)) || 0);
  return { skip: start - 1, take: Math.min(count, MAX_PAGE), startIndex: start };
}

/** The filters identity providers send to find a resource: `attr eq "value"` (one, no boolean operators). */
export function parseFilter(raw: string | null, allowed: readonly string[]): { attr: string; value: string } | null {
  if (raw === null || raw.trim() === "") return null;
  const m = raw.trim().match(/^([A-Za-z][\w.:]*)\s+eq\s+"((?:[^"\\]|\\.)*)"$/i);
  const attr = m ? allowed.find((a) => a.toLowerCase() === m[1].toLowerCase()) : undefined;
  if (!m || !attr) throw new ScimError(400, `Only ${allowed.map((a) => `${a} eq "…"`).join(", ")} filters are supported.`, "invalidFilter");
  return { attr, value: m[2].replace(/\\(.)/g, "$1") };
}

/** Booleans as Entra ID sends them too ("True", "False"). */
export function bool(v: unknown): boolean | undefined {
  if (typeof v === "boolean") return v;
  if (typeof v === "string" && /^(true|false)$/i.test(v)) return v.toLowerCase() === "true";
  return undefined;
}

export type PatchOp = { op: "add" | "replace" | "remove"; path?: string; value?: unknown };

export function patchOps(body: unknown): PatchOp[] {
  const b = body as { schemas?: unknown; Operations?: unknown };
  if (!b || !Array.isArray(b.Operations) || b.Operations.length > 1000) throw new ScimError(400, "A PATCH request carries an Operations array.", "invalidSyntax");
  return b.Operations.map((o: { op?: unknown; path?: unknown; value?: unknown }) => {
    const op = typeof o?.op === "string" ? o.op.toLowerCase() : "";
    if (op !== "add" && op !== "replace" && op !== "remove") throw new ScimError(400, `Unknown operation ${String(o?.op).slice(0, 20)}.`, "invalidSyntax");
    if (o.path !== undefined && typeof o.path !== "string") throw new ScimError(400, "path must be a string.", "invalidPath");
    return { op, path: o.path as string | undefined, value: o.value };
  });
}

export function serviceProviderConfig(base: string) {
  return {
    schemas: [SCHEMA.spc],
    documentationUri: `${base}/`,
    patch: { supported: true },
    bulk: { supported: false, maxOperations: 0, maxPayloadSize: 0 },
    filter: { supported: true, maxResults: MAX_PAGE },
    changePassword: { supported: false },
    sort: { supported: false },
    etag: { supported: false },
    authenticationSchemes: [{ type: "oauthbearertoken", name: "Bearer token", description: "The connection's SCIM token, from Settings → Authentication.", primary: true }],
    meta: { resourceType: "ServiceProviderConfig", location: `${base}/ServiceProviderConfig` },
  };
}

export function resourceTypes(base: string) {
  return [
    { schemas: [SCHEMA.resourceType], id: "User", name: "User", endpoint: "/Users", schema: SCHEMA.user, meta: { resourceType: "ResourceType", location: `${base}/ResourceTypes/User` } },
    { schemas: [SCHEMA.resourceType], id: "Group", name: "Group", endpoint: "/Groups", schema: SCHEMA.group, meta: { resourceType: "ResourceType", location: `${base}/ResourceTypes/Group` } },
  ];
}

const attr = (name: string, type: string, extra: Record<string, unknown> = {}) => ({
  name, type, multiValued: false, required: false, caseExact: false, mutability: "readWrite", returned: "default", uniqueness: "none", ...extra,
});

export function schemas(base: string) {
  return [
    {
      schemas: [SCHEMA.schema], id: SCHEMA.user, name: "User", description: "A person of the workspace",
      attributes: [
        attr("userName", "string", { required: true, uniqueness: "server" }),
        attr("externalId", "string"),
        attr("displayName", "string"),
        { ...attr("name", "complex"), subAttributes: [attr("formatted", "string"), attr("givenName", "string"), attr("familyName", "string")] },
        { ...attr("emails", "complex", { multiValued: true }), subAttributes: [attr("value", "string"), attr("type", "string"), attr("primary", "boolean")] },
        attr("active", "boolean"),
        { ...attr("groups", "complex", { multiValued: true, mutability: "readOnly" }), subAttributes: [attr("value", "string"), attr("display", "string")] },
      ],
      meta: { resourceType: "Schema", location: `${base}/Schemas/${SCHEMA.user}` },
    },
    {
      schemas: [SCHEMA.schema], id: SCHEMA.group, name: "Group", description: "A group of the workspace",
      attributes: [
        attr("displayName", "string", { required: true }),
        attr("externalId", "string"),
        { ...attr("members", "complex", { multiValued: true }), subAttributes: [attr("value", "string"), attr("display", "string")] },
      ],
      meta: { resourceType: "Schema", location: `${base}/Schemas/${SCHEMA.group}` },
    },
  ];
}

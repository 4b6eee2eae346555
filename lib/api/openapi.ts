import "server-only";
import { OpenAPIRegistry, OpenApiGeneratorV31 } from "@asteasolutions/zod-to-openapi";
import { ENDPOINTS } from "./endpoints";
import type { Endpoint } from "./endpoint";
import { dto } from "./schemas";
import { rateLimitPerMinute } from "./rate-limit";

const PROBLEMS: Record<number, string> = {
  400: "Bad input: `field` names the offending field; nothing was changed.",
  401: "No token, or a bad, expired or revoked one, or its owner is deactivated.",
  403: "A read-scope token tried to write.",
  404: "Not found, or out of the caller's sight: the same body either way.",
  409: "Refused as in the console (a name taken, a guardrail to confirm); nothing was changed.",
  429: "Too many requests for this token: see Retry-After and RateLimit.",
};

/** The OpenAPI 3.1 document of /api/v1, generated from the zod schemas that validate the requests. */
export function openApiDocument(serverUrl = "/api/v1") {
  const registry = new OpenAPIRegistry();
  const problem = registry.register("Problem", dto.problem);
  registry.registerComponent("securitySchemes", "bearer", { type: "http", scheme: "bearer", description: "An API token: `enc_…`, from Your account → API tokens." });
  registry.registerComponent("securitySchemes", "session", { type: "apiKey", in: "cookie", name: "next-auth.session-token", description: "The console's session, same origin only." });
  for (const e of Object.values(ENDPOINTS) as Endpoint[]) {
    if (e.auth === "none") continue;
    const codes = [401, 429, ...(e.params ? [404] : []), ...(e.query || e.body ? [400] : []), ...(e.write ? [403, 409] : []), ...(e.permission ? [404] : [])];
    const errors = Object.fromEntries(
      [...new Set(codes)].sort().map((c) => [c, { description: PROBLEMS[c]!, content: { "application/problem+json": { schema: problem } } }]),
    );
    registry.registerPath({
      method: e.method.toLowerCase() as "get" | "post" | "patch" | "delete",
      path: e.path,
      operationId: e.operationId,
      summary: e.summary,
      description: [e.description, e.permission ? "Admins only; for anyone else a 404." : null, e.write ? "Needs a token with the write scope." : null].filter(Boolean).join(" ") || undefined,
      tags: [e.tag],
      security: e.auth === "session" ? [{ session: [] }] : [{ bearer: [] }],
      request: {
        ...(e.params ? { params: e.params } : {}),
        ...(e.query ? { query: e.query } : {}),
        ...(e.body ? { body: { required: true, content: { "application/json": { schema: e.body } } } } : {}),
      },
      responses: {
        [e.status]: e.response ? { description: "OK", content: { "application/json": { schema: e.response } } } : { description: "Done; no content." },
        ...errors,
      },
    });
  }
  registry.registerPath({
    method: "get",
    path: ENDPOINTS.openapi.path,
    operationId: ENDPOINTS.openapi.operationId,
    summary: ENDPOINTS.openapi.summary,
    tags: [ENDPOINTS.openapi.tag],
    security: [],
    responses: { 200: { description: "This OpenAPI 3.1 document.", content: { "application/json": { schema: { type: "object" } } } } },
  });
  return new OpenApiGeneratorV31(registry.definitions).generateDocument({
    openapi: "3.1.0",
    info: {
      title: "Enclave API",
      version: "1.0.0",
      description: [
        "The console's access layer, with the viewer taken from a token instead of a session: a token acts as its owner (current role and teams, read at each call); a team token as a Guest of its client team, read-only.",
        "Lists are cursor-paged: `?limit=&cursor=` → `{ data, nextCursor }`. Errors are `application/problem+json` (RFC 9457).",
        `Each token may make ${rateLimitPerMinute()} requests a minute (shared by every app server); each answer carries RateLimit-Policy and RateLimit headers.`,
      ].join("\n\n"),
    },
    servers: [{ url: serverUrl }],
    security: [{ bearer: [] }],
  });
}

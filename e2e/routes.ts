// Every console page, and what kind of id it is addressed by. tests/unit/routes-registry.test.ts fails when a
// page exists that is not listed here, so each new page is born inside the cross-client probes.
export type RouteKind =
  | "static" // no id: visited as is; must not name anything foreign
  | "search" // ?q=: searched for each foreign name; must return nothing foreign
  | "resource" // [id] of a resource
  | "team" // [slug] of a team
  | "user" // [id] of a user
  | "group" // [id] of a group
  | "admin" // admin-only page without id: a plain 404 for everyone else
  | "admin-resource" // admin-only, addressed by a resource id
  | "admin-user"
  | "admin-group"
  | "admin-automation"; // admin-only, addressed by an automation id

export const CONSOLE_ROUTES: { pattern: string; kind: RouteKind }[] = [
  { pattern: "/catalog", kind: "static" },
  { pattern: "/search", kind: "search" },
  { pattern: "/my-team", kind: "static" },
  { pattern: "/account", kind: "static" },
  { pattern: "/resources/[id]", kind: "resource" },
  { pattern: "/settings/audit", kind: "admin" },
  { pattern: "/settings/tokens", kind: "admin" },
  { pattern: "/settings/isolation", kind: "admin" },
  { pattern: "/settings/workspace", kind: "admin" },
  { pattern: "/teams", kind: "static" },
  { pattern: "/teams/[slug]", kind: "team" },
  { pattern: "/settings/teams", kind: "admin" },
  { pattern: "/settings/groups", kind: "admin" },
  { pattern: "/settings/groups/[id]", kind: "admin-group" },
  { pattern: "/settings/members", kind: "admin" },
  { pattern: "/settings/resources", kind: "admin" },
  { pattern: "/settings/integrations", kind: "admin" },
  { pattern: "/settings/integrations/[id]", kind: "admin-resource" },
  { pattern: "/settings/automations", kind: "admin" },
  { pattern: "/settings/automations/new", kind: "admin" },
  { pattern: "/settings/automations/[id]", kind: "admin-automation" },
  { pattern: "/settings/authentication", kind: "admin" },
];

/** Every route handler but the sign-in endpoint, probed the same way. */
export const API_ROUTES: { pattern: string; kind: RouteKind }[] = [
  { pattern: "/api/audit/export", kind: "admin" },
  { pattern: "/api/members/export", kind: "admin" },
  { pattern: "/api/search", kind: "search" },
  { pattern: "/api/docs", kind: "static" },
  // Health checks: no session, fixed words (visited as is by every role: they must name nothing).
  { pattern: "/api/health", kind: "static" },
  { pattern: "/api/health/ready", kind: "static" },
];

/**
 * What an endpoint of the REST API (/api/v1) is addressed by, for the token probes of e2e/api-cross-client.spec.ts.
 * tests/unit/api-registry.test.ts fails when an endpoint of lib/api/endpoints.ts is missing here.
 */
export type ApiKind =
  | "list" // no id: must name nothing foreign
  | "search" // ?q=: searched for each foreign name
  | "resource" // {id} of a resource
  | "team" // {id} of a team
  | "team-user" // {id} of a team, {userId} of a person
  | "team-resource" // {id} of a team, {resourceId} of a resource
  | "admin" // admins only, no id: a 404 for everyone else
  | "admin-integration" // admins only, {id} of an integration
  | "admin-run" // admins only, {id} of an integration, {runId} of a run
  | "session" // a signed-in browser only: a token is refused
  | "public"; // the OpenAPI document

export const API_V1_ROUTES: { pattern: string; methods: ("GET" | "POST" | "PATCH" | "DELETE")[]; kind: ApiKind }[] = [
  { pattern: "/api/v1/me", methods: ["GET"], kind: "list" },
  { pattern: "/api/v1/tokens", methods: ["POST"], kind: "session" },
  { pattern: "/api/v1/resources", methods: ["GET"], kind: "list" },
  { pattern: "/api/v1/resources/[id]", methods: ["GET", "PATCH"], kind: "resource" },
  { pattern: "/api/v1/resources/[id]/lineage", methods: ["GET"], kind: "resource" },
  { pattern: "/api/v1/search", methods: ["GET"], kind: "search" },
  { pattern: "/api/v1/users", methods: ["GET"], kind: "list" },
  { pattern: "/api/v1/teams", methods: ["GET", "POST"], kind: "list" },
  { pattern: "/api/v1/teams/[id]", methods: ["GET"], kind: "team" },
  { pattern: "/api/v1/teams/[id]/members", methods: ["GET", "POST"], kind: "team" },
  { pattern: "/api/v1/teams/[id]/members/[userId]", methods: ["DELETE"], kind: "team-user" },
  { pattern: "/api/v1/teams/[id]/resources", methods: ["POST"], kind: "team" },
  { pattern: "/api/v1/teams/[id]/resources/[resourceId]", methods: ["DELETE"], kind: "team-resource" },
  { pattern: "/api/v1/teams/[id]/tokens", methods: ["POST"], kind: "team" },
  { pattern: "/api/v1/groups", methods: ["GET"], kind: "list" },
  { pattern: "/api/v1/invitations", methods: ["POST"], kind: "admin" },
  { pattern: "/api/v1/integrations", methods: ["GET", "POST"], kind: "admin" },
  { pattern: "/api/v1/integrations/[id]/sync", methods: ["POST"], kind: "admin-integration" },
  { pattern: "/api/v1/integrations/[id]/runs/[runId]", methods: ["GET"], kind: "admin-run" },
  { pattern: "/api/v1/openapi.json", methods: ["GET"], kind: "public" },
];

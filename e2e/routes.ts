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
  // Health checks: no session, fixed words (visited as is by every role: they must name nothing).
  { pattern: "/api/health", kind: "static" },
  { pattern: "/api/health/ready", kind: "static" },
];

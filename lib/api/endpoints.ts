import { endpoint } from "./endpoint";
import { bodies, dto, params, queries } from "./schemas";

// Every endpoint of /api/v1, once. Route files (app/api/v1/**/route.ts) build their handlers from these;
// the OpenAPI document lists exactly these; tests/unit/api-registry.test.ts checks the three agree.

export const ENDPOINTS = {
  me: endpoint({ operationId: "getMe", method: "GET", path: "/me", tag: "Identity", summary: "Who the token acts as", auth: "token", response: dto.me, status: 200 }),
  createToken: endpoint({
    operationId: "createToken",
    method: "POST",
    path: "/tokens",
    tag: "Identity",
    summary: "Create a personal token (signed-in browser session, same origin only)",
    description: "For the console itself: needs the session cookie and an Origin header that is the console's. The secret is returned once.",
    auth: "session",
    body: bodies.createToken,
    response: dto.createdToken,
    status: 201,
  }),
  listResources: endpoint({ operationId: "listResources", method: "GET", path: "/resources", tag: "Catalog", summary: "Resources the caller may see", auth: "token", query: queries.resources, response: dto.page(dto.resource), status: 200 }),
  getResource: endpoint({ operationId: "getResource", method: "GET", path: "/resources/{id}", tag: "Catalog", summary: "One resource", auth: "token", params: params.id, response: dto.resource, status: 200 }),
  patchResource: endpoint({
    operationId: "updateResource",
    method: "PATCH",
    path: "/resources/{id}",
    tag: "Catalog",
    summary: "Edit a resource's description and tags (editors and admins)",
    auth: "token",
    write: true,
    params: params.id,
    body: bodies.patchResource,
    response: dto.resource,
    status: 200,
  }),
  getLineage: endpoint({
    operationId: "getLineage",
    method: "GET",
    path: "/resources/{id}/lineage",
    tag: "Catalog",
    summary: "Lineage around a resource: the induced subgraph on the resources the caller may see",
    description: "No node, count or gap marker stands for a hidden resource, and no edge bridges one.",
    auth: "token",
    params: params.id,
    query: queries.lineage,
    response: dto.lineage,
    status: 200,
  }),
  search: endpoint({ operationId: "search", method: "GET", path: "/search", tag: "Catalog", summary: "Ranked search of resources, as in the console", auth: "token", query: queries.search, response: dto.page(dto.searchHit), status: 200 }),
  listUsers: endpoint({ operationId: "listUsers", method: "GET", path: "/users", tag: "People", summary: "People the caller may see", auth: "token", query: queries.users, response: dto.page(dto.user), status: 200 }),
  listTeams: endpoint({ operationId: "listTeams", method: "GET", path: "/teams", tag: "People", summary: "Teams the caller may see", auth: "token", query: queries.teams, response: dto.page(dto.team), status: 200 }),
  createTeam: endpoint({ operationId: "createTeam", method: "POST", path: "/teams", tag: "Administration", summary: "Create a team", auth: "token", write: true, permission: "teams.manage", body: bodies.createTeam, response: dto.team, status: 201 }),
  getTeam: endpoint({ operationId: "getTeam", method: "GET", path: "/teams/{id}", tag: "People", summary: "One team", auth: "token", params: params.id, response: dto.team, status: 200 }),
  listTeamMembers: endpoint({ operationId: "listTeamMembers", method: "GET", path: "/teams/{id}/members", tag: "People", summary: "A team's people, as the caller may see them", auth: "token", params: params.id, query: queries.page, response: dto.page(dto.user), status: 200 }),
  addTeamMembers: endpoint({ operationId: "addTeamMembers", method: "POST", path: "/teams/{id}/members", tag: "Administration", summary: "Add people to a team", auth: "token", write: true, permission: "teams.manage", params: params.id, body: bodies.teamMembers, response: dto.changed, status: 200 }),
  removeTeamMember: endpoint({ operationId: "removeTeamMember", method: "DELETE", path: "/teams/{id}/members/{userId}", tag: "Administration", summary: "Remove a direct member from a team", auth: "token", write: true, permission: "teams.manage", params: params.teamMember, response: null, status: 204 }),
  addTeamResources: endpoint({ operationId: "addTeamResources", method: "POST", path: "/teams/{id}/resources", tag: "Administration", summary: "Assign resources to a team (descendants follow)", auth: "token", write: true, permission: "assignments.manage", params: params.id, body: bodies.teamResources, response: dto.changed, status: 200 }),
  removeTeamResource: endpoint({ operationId: "removeTeamResource", method: "DELETE", path: "/teams/{id}/resources/{resourceId}", tag: "Administration", summary: "Remove a resource's direct assignment to a team", auth: "token", write: true, permission: "assignments.manage", params: params.teamResource, response: null, status: 204 }),
  createTeamToken: endpoint({
    operationId: "createTeamToken",
    method: "POST",
    path: "/teams/{id}/tokens",
    tag: "Administration",
    summary: "Create a client team's read-only token",
    description: "The token belongs to the team, not to a person, and sees exactly what a Guest of that team sees. The secret is returned once.",
    auth: "token",
    write: true,
    permission: "tokens.manage",
    params: params.id,
    body: bodies.createTeamToken,
    response: dto.createdToken,
    status: 201,
  }),
  listGroups: endpoint({ operationId: "listGroups", method: "GET", path: "/groups", tag: "People", summary: "Groups (admins; everyone else sees none, as in the console)", auth: "token", query: queries.page, response: dto.page(dto.group), status: 200 }),
  createInvitations: endpoint({ operationId: "createInvitations", method: "POST", path: "/invitations", tag: "Administration", summary: "Invite people", auth: "token", write: true, permission: "members.manage", body: bodies.invitations, response: z_list(dto.invitation), status: 201 }),
  listIntegrations: endpoint({ operationId: "listIntegrations", method: "GET", path: "/integrations", tag: "Administration", summary: "Integrations", auth: "token", permission: "integrations.manage", query: queries.page, response: dto.page(dto.integration), status: 200 }),
  createIntegration: endpoint({ operationId: "createIntegration", method: "POST", path: "/integrations", tag: "Administration", summary: "Add a PostgreSQL integration", auth: "token", write: true, permission: "integrations.manage", body: bodies.createIntegration, response: dto.integration, status: 201 }),
  syncIntegration: endpoint({ operationId: "syncIntegration", method: "POST", path: "/integrations/{id}/sync", tag: "Administration", summary: "Start a sync; answers with the run's id", auth: "token", write: true, permission: "integrations.manage", params: params.id, response: dto.runStarted, status: 202 }),
  getIntegrationRun: endpoint({ operationId: "getIntegrationRun", method: "GET", path: "/integrations/{id}/runs/{runId}", tag: "Administration", summary: "A sync run's status and counts", auth: "token", permission: "integrations.manage", params: params.integrationRun, response: dto.run, status: 200 }),
  openapi: endpoint({ operationId: "getOpenApi", method: "GET", path: "/openapi.json", tag: "Identity", summary: "This document", auth: "none", response: null, status: 200 }),
} as const;

function z_list<T extends import("zod").ZodType>(item: T) {
  return dto.page(item).shape.data;
}

export type EndpointKey = keyof typeof ENDPOINTS;

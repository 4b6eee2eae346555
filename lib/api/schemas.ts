import { extendZodWithOpenApi } from "@asteasolutions/zod-to-openapi";
import { z } from "zod";
import { ResourceType } from "@/lib/generated/prisma/enums";
import { DESCRIPTION_MAX, TAG_MAX, TAGS_MAX } from "@/lib/catalog/schemas";
import { createTokenInput } from "@/lib/tokens/schemas";
import { lineageOptionsSchema } from "@/lib/lineage/schemas";
import { confirmExposuresInput } from "@/lib/isolation/schemas";
import { pageQuery } from "./cursor";

// The zod schemas of /api/v1: they validate each request (lib/api/route.ts) and are the OpenAPI document
// (lib/api/openapi.ts), so the two cannot drift apart.
extendZodWithOpenApi(z);

export const RESOURCE_TYPES_LOWER = Object.values(ResourceType).map((t) => t.toLowerCase()) as [string, ...string[]];
export const resourceTypeParam = z.enum(RESOURCE_TYPES_LOWER, { error: `type is one of ${RESOURCE_TYPES_LOWER.join(", ")}.` });
export const toResourceType = (t: string) => t.toUpperCase() as ResourceType;

const uuid = z.string().uuid("Not a valid id.");
const idParams = z.object({ id: uuid.openapi({ param: { name: "id", in: "path" } }) });

// ---- path parameters --------------------------------------------------------------------------------------
export const params = {
  id: idParams,
  teamMember: z.object({ id: uuid, userId: uuid }),
  teamResource: z.object({ id: uuid, resourceId: uuid }),
  integrationRun: z.object({ id: uuid, runId: uuid }),
};

// ---- query strings ----------------------------------------------------------------------------------------
const q = z.string().trim().max(200, "q is at most 200 characters.");
export const queries = {
  page: z.object(pageQuery),
  resources: z.object({ ...pageQuery, q: q.optional(), type: resourceTypeParam.optional(), teamId: uuid.optional(), parentId: uuid.optional() }),
  search: z.object({ ...pageQuery, q: q.min(1, "q is required."), type: resourceTypeParam.optional() }),
  users: z.object({ ...pageQuery, q: q.optional() }),
  teams: z.object({ ...pageQuery, q: q.optional() }),
  // The lineage query's own options schema (lib/lineage/schemas.ts): one definition for the page and the API.
  lineage: z.object({ direction: lineageOptionsSchema.shape.direction, depth: lineageOptionsSchema.shape.depth }),
};

// ---- bodies -----------------------------------------------------------------------------------------------
const tag = z.string().trim().toLowerCase().min(1, "A tag cannot be empty.").max(TAG_MAX, `A tag is at most ${TAG_MAX} characters.`);
const confirmWarnings = z
  .boolean({ error: "confirm is true or false." })
  .optional()
  .openapi({ description: "Confirms the warnings (guardrails) this change raises; without it, a change that raises one is refused with a 409 naming them." });
// The console's own confirmation of cross-client exposures (lib/isolation): the `confirmation` of the 409 that named them.
const confirmExposures = confirmExposuresInput.unwrap().optional().openapi({
  description: "The `confirmation` of the 409 that named the cross-client exposures this change adds (a SHA-256 of exactly those); refused while the isolation lock is on.",
});
export const bodies = {
  createToken: z.object({ ...createTokenInput.shape }).openapi("CreateToken"),
  createTeamToken: z.object({ name: createTokenInput.shape.name, expiresInDays: createTokenInput.shape.expiresInDays }).openapi("CreateTeamToken"),
  patchResource: z
    .object({
      description: z.string().max(DESCRIPTION_MAX, `description is at most ${DESCRIPTION_MAX} characters.`).optional(),
      tags: z.array(tag).max(TAGS_MAX, `At most ${TAGS_MAX} tags.`).optional(),
    })
    .refine((b) => b.description !== undefined || b.tags !== undefined, { message: "Send description, tags or both." })
    .openapi("PatchResource"),
  createTeam: z
    .object({
      name: z.string({ error: "name is required." }).trim().min(1, "name is required.").max(80, "name is at most 80 characters."),
      description: z.string().trim().max(1000, "description is at most 1000 characters.").optional(),
      visibility: z.enum(["public", "private"], { error: "visibility is public or private." }).default("private"),
    })
    .openapi("CreateTeam"),
  teamMembers: z.object({ userIds: z.array(uuid, { error: "userIds is a list of user ids." }).min(1, "userIds: choose at least one person.").max(500, "userIds: at most 500 at a time."), confirm: confirmWarnings, confirmExposures }).openapi("AddTeamMembers"),
  teamResources: z.object({ resourceIds: z.array(uuid, { error: "resourceIds is a list of resource ids." }).min(1, "resourceIds: choose at least one resource.").max(500, "resourceIds: at most 500 at a time."), confirmExposures }).openapi("AddTeamResources"),
  invitations: z
    .object({
      emails: z.array(z.string().email("Not a valid email address.").max(320), { error: "emails is a list of addresses." }).min(1, "emails: at least one address.").max(50, "emails: at most 50 at a time."),
      role: z.enum(["admin", "editor", "viewer", "guest"], { error: "role is admin, editor, viewer or guest." }),
      teamIds: z.array(uuid).max(50, "teamIds: at most 50.").default([]),
      confirmExposures,
    })
    .openapi("CreateInvitations"),
  createIntegration: z
    .object({
      name: z.string({ error: "name is required." }).trim().min(1, "name is required.").max(120, "name is at most 120 characters."),
      connectionString: z.string({ error: "connectionString is required." }).min(1, "connectionString is required.").max(2000),
      teamIds: z.array(uuid).max(20, "teamIds: at most 20.").optional().openapi({ description: "Teams that get the integration; omitted: General; empty: none (admins only)." }),
      confirmExposures,
    })
    .openapi("CreateIntegration"),
};

// ---- responses --------------------------------------------------------------------------------------------
const page = <T extends z.ZodType>(item: T) => z.object({ data: z.array(item), nextCursor: z.string().nullable() });

export const dto = {
  me: z
    .object({ id: z.string(), email: z.string().nullable(), name: z.string(), role: z.enum(["admin", "editor", "viewer", "guest"]), kind: z.enum(["user", "team"]), team: z.object({ id: z.string(), name: z.string() }).nullable() })
    .openapi("Me", { description: "The token's viewer: its owner, or (a team token) the team, as a guest." }),
  resource: z
    .object({
      id: z.string().uuid(),
      type: z.enum(RESOURCE_TYPES_LOWER),
      name: z.string(),
      qualifiedName: z.string().openapi({ example: "mydb.public.my_table", description: "The dotted path below the integration: database.schema.table[.column] for synced resources." }),
      description: z.string(),
      tags: z.array(z.string()),
      parentId: z.string().uuid().nullable().openapi({ description: "Null at the top of what the caller may see." }),
    })
    .openapi("Resource"),
  searchHit: z.object({ id: z.string().uuid(), type: z.enum(RESOURCE_TYPES_LOWER), name: z.string(), description: z.string(), parent: z.string().nullable() }).openapi("SearchHit"),
  user: z.object({ id: z.string().uuid(), name: z.string(), email: z.string(), role: z.enum(["admin", "editor", "viewer", "guest"]), status: z.enum(["active", "invited", "deactivated"]) }).openapi("User"),
  team: z
    .object({ id: z.string().uuid(), name: z.string(), slug: z.string(), description: z.string(), visibility: z.enum(["public", "private"]), isDefault: z.boolean(), isMember: z.boolean() })
    .openapi("Team"),
  group: z.object({ id: z.string().uuid(), name: z.string(), description: z.string(), members: z.number().int(), teamIds: z.array(z.string().uuid()) }).openapi("Group"),
  lineage: z
    .object({
      nodes: z.array(z.object({ id: z.string().uuid(), type: z.enum(RESOURCE_TYPES_LOWER), name: z.string(), qualifiedName: z.string() })),
      edges: z.array(z.object({ from: z.string().uuid(), to: z.string().uuid(), kind: z.string() })),
    })
    .openapi("Lineage"),
  createdToken: z
    .object({ id: z.string().uuid(), token: z.string().openapi({ description: "The secret, shown this once: send it as Authorization: Bearer <token>." }), name: z.string(), scope: z.enum(["read", "write"]), expiresAt: z.string() })
    .openapi("CreatedToken"),
  changed: z.object({ added: z.number().int().optional(), removed: z.number().int().optional() }).openapi("Changed"),
  invitation: z.object({ email: z.string(), userId: z.string().uuid(), delivery: z.enum(["emailed", "shown"]), link: z.string().nullable() }).openapi("Invitation"),
  integration: z
    .object({ id: z.string().uuid(), name: z.string(), kind: z.string(), target: z.string().openapi({ description: "The connection without its password." }), resourceCount: z.number().int(), lastRunId: z.string().uuid().nullable() })
    .openapi("Integration"),
  run: z
    .object({ id: z.string().uuid(), status: z.enum(["queued", "running", "succeeded", "failed"]), phase: z.string(), found: z.number().int(), added: z.number().int(), updated: z.number().int(), removed: z.number().int(), error: z.string().nullable(), createdAt: z.string(), startedAt: z.string().nullable(), finishedAt: z.string().nullable() })
    .openapi("SyncRun"),
  runStarted: z.object({ runId: z.string().uuid() }).openapi("SyncStarted"),
  problem: z
    .object({
      type: z.string(),
      title: z.string(),
      status: z.number().int(),
      detail: z.string(),
      field: z.string().optional().openapi({ description: "For a 400: the offending field." }),
      exposures: z.array(z.string()).optional().openapi({ description: "For a 409 of the isolation guard: each cross-client exposure the change would add, in words." }),
      confirmation: z.string().nullable().optional().openapi({ description: "For a 409 of the isolation guard: send it back as confirmExposures to go ahead (absent while the lock refuses)." }),
    })
    .openapi("Problem", { description: "RFC 9457 problem details." }),
  page,
};

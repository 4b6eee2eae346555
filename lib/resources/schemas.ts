import { z } from "zod";
import { tableParams, tableUrl } from "@/lib/table-params";
import { ResourceType } from "@/lib/generated/prisma/enums";
import { confirmExposuresInput } from "@/lib/isolation/schemas";

export const RESOURCE_SORTS = ["name", "type", "updatedAt"] as const;
const RESOURCE_TYPES = Object.values(ResourceType) as [ResourceType, ...ResourceType[]];

const uuidOrNull = z.string().uuid().nullable().catch(null);

/** URL state of /settings/resources: paging, a whitelisted sort, and the filters. */
export const adminResourceParams = tableParams(RESOURCE_SORTS, { sort: "name" }).extend({
  type: z.enum(RESOURCE_TYPES).nullable().catch(null),
  integration: uuidOrNull,
  team: uuidOrNull,
  unassigned: z.preprocess((v) => v === "1" || v === "true", z.boolean()).catch(false),
});
export type AdminResourceParams = z.infer<typeof adminResourceParams>;

export const adminResourcesUrl = tableUrl(adminResourceParams, ["type", "integration", "team", "unassigned"] as const);

export const MAX_BULK = 500;
const ids = z.array(z.string().uuid("Not a valid id.")).min(1, "Select at least one resource.").max(MAX_BULK, `At most ${MAX_BULK} resources at a time.`);
const teamIds = z.array(z.string().uuid("Not a valid id.")).min(1, "Pick at least one team.").max(20, "At most 20 teams at a time.");

export const bulkAssignInput = z.object({ resourceIds: ids, teamIds, confirmExposures: confirmExposuresInput });
export const previewInput = z.object({ resourceIds: ids, teamIds, mode: z.enum(["add", "remove"]) });
export const moveInput = z
  .object({ resourceIds: ids, fromTeamId: z.string().uuid("Not a valid id."), toTeamId: z.string().uuid("Not a valid id."), confirmExposures: confirmExposuresInput })
  .refine((v) => v.fromTeamId !== v.toTeamId, { message: "Pick two different teams.", path: ["toTeamId"] });
